// Document: the only mutable state of an open dataset: the source table (read-only once loaded),
// the recipe, the undo stack that every recipe edit goes through, and the selection (step and
// column). Everything derived (step outputs, profiles, chart series) is recomputed from it by the
// workers and never stored here. Loading a dataset starts a new Document.
#pragma once

#include "core/table/table.h"
#include "core/util/diagnostic.h"

#include <nlohmann/json.hpp>

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <memory>
#include <string>
#include <vector>

namespace preplab::desktop {

struct ChangeEvent {
    enum class Kind {
        RecipeChanged,     // steps added, removed, moved, edited, enabled or disabled
        StepSelected,      // the current step changed
        ColumnSelected,    // the current column changed
        RecipePathChanged  // saved under a new name, or the clean state changed
    };
    Kind kind;
    int step = -1;  // the step concerned, when one is
};

class Document : public QObject {
    Q_OBJECT
public:
    Document(QString sourcePath, std::shared_ptr<const Table> source, Diagnostics warnings = {},
             QObject* parent = nullptr);

    const QString& sourcePath() const { return m_sourcePath; }
    const std::shared_ptr<const Table>& source() const { return m_source; }
    const Diagnostics& readWarnings() const { return m_readWarnings; }
    QUndoStack* undoStack() { return &m_undoStack; }

    // The recipe (recipe.md): steps are JSON objects {"op": ..., fields..., "enabled": ...}.
    const std::vector<nlohmann::json>& steps() const { return m_steps; }
    int stepCount() const { return static_cast<int>(m_steps.size()); }
    const nlohmann::json& step(int index) const { return m_steps[static_cast<std::size_t>(index)]; }
    static bool isEnabled(const nlohmann::json& step);
    const std::string& target() const { return m_target; }
    // The recipe file's JSON: {"format": "preplab-recipe", "version": 1, "target": ..., "steps": [...]}.
    nlohmann::json recipeJson() const;
    // Replaces the recipe (File > Open Recipe): clears the undo stack, the recipe is then clean.
    void loadRecipe(const nlohmann::json& recipe, const QString& path);
    const QString& recipePath() const { return m_recipePath; }
    void markRecipeSaved(const QString& path);
    bool isRecipeModified() const { return !m_undoStack.isClean(); }

    // Edits: called by the undo commands only (commands/), each emits RecipeChanged.
    void insertStep(int index, nlohmann::json step);
    nlohmann::json takeStep(int index);
    void moveStep(int from, int to);
    void replaceStep(int index, nlohmann::json step);
    void setTarget(std::string target);

    // Selection: the step whose output is shown (-1 = the source table) and the inspected column.
    int currentStep() const { return m_currentStep; }
    void setCurrentStep(int step);
    const QString& currentColumn() const { return m_currentColumn; }
    void setCurrentColumn(const QString& column);

Q_SIGNALS:
    void changed(const preplab::desktop::ChangeEvent& event);

private:
    QString m_sourcePath;
    std::shared_ptr<const Table> m_source;
    Diagnostics m_readWarnings;
    QUndoStack m_undoStack;
    std::vector<nlohmann::json> m_steps;
    std::string m_target;
    QString m_recipePath;
    int m_currentStep = -1;
    QString m_currentColumn;
};

} // namespace preplab::desktop
