// RecipePanel: the recipe as a list (drag to reorder, check to enable), the buttons that add,
// duplicate, delete and move steps, the target column, and the editor of the selected step.
#pragma once

#include <QWidget>

class QComboBox;
class QListView;
class QToolButton;

namespace preplab::desktop {

class Document;
class RecipeModel;
class StepEditor;

class RecipePanel : public QWidget {
public:
    explicit RecipePanel(QWidget* parent = nullptr);

    void setDocument(Document* document);
    void setColumns(const QStringList& columns);
    RecipeModel* model() const { return m_model; }
    StepEditor* editor() const { return m_editor; }

    // Actions (also in the Recipe menu).
    void addStep();
    void addStepOfOp(const QString& op);
    void duplicateStep();
    void deleteStep();
    void moveStep(int delta);

private:
    void syncSelection();
    void updateButtons();

    Document* m_document = nullptr;
    RecipeModel* m_model = nullptr;
    QListView* m_list = nullptr;
    StepEditor* m_editor = nullptr;
    QComboBox* m_target = nullptr;
    QToolButton* m_add = nullptr;
    QToolButton* m_duplicate = nullptr;
    QToolButton* m_delete = nullptr;
    QToolButton* m_up = nullptr;
    QToolButton* m_down = nullptr;
    QToolButton* m_sourceButton = nullptr;
};

} // namespace preplab::desktop
