// StepEditor: a form for the selected step, built from the op's fields (document/op_fields.h).
// Every change is an EditStepCommand on the Document's undo stack; a slider drag merges into one.
// The form is rebuilt when another step is selected or the step changes from outside (undo).
#pragma once

#include <nlohmann/json.hpp>

#include <QStringList>
#include <QWidget>

#include <string>
#include <vector>

class QFormLayout;
class QLabel;

namespace preplab::desktop {

class Document;
struct EvaluationResult;

// What the evaluated step did, in words: its sentence, what it learned and from which rows, the
// cells and rows it changed; or its error. HTML for a label.
QString stepSummaryHtml(const EvaluationResult& result);

class StepEditor : public QWidget {
public:
    explicit StepEditor(QWidget* parent = nullptr);

    void setDocument(Document* document);
    // Names of the columns the step receives (for column pickers).
    void setColumns(const QStringList& columns);
    // The fitted parameters and the step's description, in words, from the last evaluation.
    void setStepSummary(const QString& text);
    void rebuild();

private:
    void edit(const std::string& field, const nlohmann::json& value);
    QWidget* makeFieldWidget(const struct OpField& field, const nlohmann::json& current);
    // Enables the fields whose "applies when" rule holds for the current step (or that are set),
    // disables the others with a tooltip saying when they apply.
    void updateApplicability();

    struct FieldRow {
        const struct OpField* field;
        QLabel* label;
        QWidget* widget;
    };

    Document* m_document = nullptr;
    QStringList m_columns;
    QFormLayout* m_form = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QWidget* m_formHost = nullptr;
    bool m_editing = false;  // our own edit is being applied: do not rebuild under the user's hand
    int m_shownStep = -1;
    std::string m_shownOp;
    std::vector<FieldRow> m_rows;
};

} // namespace preplab::desktop
