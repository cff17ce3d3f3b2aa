#include "app/desktop/views/step_editor.h"

#include "app/desktop/commands/edit_step_command.h"
#include "app/desktop/document/document.h"
#include "app/desktop/document/op_fields.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/compact_widgets.h"
#include "app/desktop/workers/evaluation.h"
#include "core/ops/registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <set>

namespace preplab::desktop {

QString stepSummaryHtml(const EvaluationResult& result)
{
    if (result.error)
        return QStringLiteral("<span style='color:#b00020'>%1</span>").arg(toQString(result.error->message).toHtmlEscaped());
    if (!result.report)
        return {};
    const ops::StepReport& report = *result.report;
    QString html = QStringLiteral("<b>%1</b>").arg(toQString(report.description).toHtmlEscaped());
    const std::string fitted = fittedInWords(report.fitted);
    if (!report.fittedOn.empty())
        html += QObject::tr("<br>Learned from %1 (%2 rows)").arg(toQString(report.fittedOn)).arg(report.fitRowCount) +
                (fitted.empty() ? QString() : QStringLiteral(":"));
    if (!fitted.empty())
        html += QStringLiteral("<br>") + toQString(fitted).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    html += QObject::tr("<br>%1 cells changed · rows %2 → %3").arg(report.changedCells()).arg(report.rowsBefore).arg(report.rowsAfter);
    if (!report.columnsAdded.empty())
        html += QObject::tr(" · %1 columns added").arg(report.columnsAdded.size());
    if (!report.columnsRemoved.empty())
        html += QObject::tr(" · %1 columns removed").arg(report.columnsRemoved.size());
    return html;
}

StepEditor::StepEditor(QWidget* parent) : QWidget(parent)
{
    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    makeWrapping(m_title);
    m_summary = new QLabel;
    makeWrapping(m_summary);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setToolTip(tr("What the step did on this data, and what it learned (its fitted parameters)"));
    m_formHost = new QWidget;
    m_form = new QFormLayout(m_formHost);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_formHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_summary);
    rebuild();
}

void StepEditor::setDocument(Document* document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    m_shownStep = -1;
    if (m_document)
        connect(m_document, &Document::changed, this, [this](const ChangeEvent& event) {
            if (event.kind == ChangeEvent::Kind::StepSelected ||
                (event.kind == ChangeEvent::Kind::RecipeChanged && !m_editing))
                rebuild();
        });
    rebuild();
}

void StepEditor::setColumns(const QStringList& columns)
{
    if (columns == m_columns)
        return;
    m_columns = columns;
    if (!m_editing)
        rebuild();
}

void StepEditor::setStepSummary(const QString& text) { m_summary->setText(text); }

void StepEditor::edit(const std::string& field, const nlohmann::json& value)
{
    if (!m_document || m_document->currentStep() < 0)
        return;
    m_editing = true;
    m_document->undoStack()->push(new EditStepCommand(m_document, m_document->currentStep(), field, value));
    m_editing = false;
    updateApplicability();
}

void StepEditor::updateApplicability()
{
    const int index = m_document ? m_document->currentStep() : -1;
    if (index < 0 || index >= m_document->stepCount())
        return;
    const nlohmann::json& step = m_document->step(index);
    for (const FieldRow& row : m_rows) {
        const OpField& field = *row.field;
        auto it = step.find(field.name);
        const bool set = it != step.end() && !it->is_null();
        // A set field stays editable even when it does not apply, so the user can clear it.
        const bool applies = fieldApplies(m_shownOp, field, step);
        row.widget->setEnabled(applies || set);
        row.label->setEnabled(applies || set);
        const QString rule = toQString(appliesWhenText(m_shownOp, field));
        const QString tip = toQString(field.help) + (rule.isEmpty() ? QString() : QStringLiteral("\n") + rule);
        const QString shown = applies || rule.isEmpty() ? tip : rule + QStringLiteral("\n") + toQString(field.help);
        row.label->setToolTip(shown);
        row.widget->setToolTip(shown);
        for (QWidget* child : row.widget->findChildren<QWidget*>())
            child->setToolTip(shown);
    }
}

QWidget* StepEditor::makeFieldWidget(const OpField& field, const nlohmann::json& current)
{
    using K = OpField::Kind;
    const nlohmann::json value = current.is_null() ? field.defaultValue : current;
    const std::string name = field.name;
    switch (field.kind) {
    case K::Columns: {
        auto* list = new QListWidget;
        list->setMaximumHeight(110);
        std::set<std::string> chosen;
        if (current.is_array())
            for (const auto& c : current)
                if (c.is_string())
                    chosen.insert(c.get<std::string>());
        for (const QString& column : m_columns) {
            auto* item = new QListWidgetItem(column, list);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(chosen.count(toStdString(column)) ? Qt::Checked : Qt::Unchecked);
        }
        connect(list, &QListWidget::itemChanged, this, [this, list, name] {
            nlohmann::json columns = nlohmann::json::array();
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    columns.push_back(toStdString(list->item(i)->text()));
            edit(name, columns.empty() ? nlohmann::json() : columns);
        });
        return list;
    }
    case K::Column: {
        auto* combo = new QComboBox;
        makeCompact(combo, 10);
        combo->addItems(m_columns);
        combo->setCurrentIndex(value.is_string() ? combo->findText(toQString(value.get<std::string>())) : -1);
        connect(combo, &QComboBox::currentTextChanged, this, [this, name](const QString& t) { edit(name, toStdString(t)); });
        return combo;
    }
    case K::Choice: {
        auto* combo = new QComboBox;
        makeCompact(combo, 10);
        for (const auto& c : field.choices)
            combo->addItem(toQString(c));
        if (value.is_string())
            combo->setCurrentIndex(combo->findText(toQString(value.get<std::string>())));
        connect(combo, &QComboBox::currentTextChanged, this, [this, name](const QString& t) { edit(name, toStdString(t)); });
        return combo;
    }
    case K::Number:
    case K::Integer: {
        const bool integer = field.kind == K::Integer;
        auto* host = new QWidget;
        auto* row = new QHBoxLayout(host);
        row->setContentsMargins(0, 0, 0, 0);
        auto* spin = new QDoubleSpinBox;
        spin->setDecimals(integer ? 0 : 3);
        spin->setRange(field.min, field.max);
        spin->setSingleStep(field.step);
        spin->setKeyboardTracking(false);
        // A field without a default is "not set" at the spin's minimum (sample: n or fraction).
        const bool unsettable = field.defaultValue.is_null();
        spin->setSpecialValueText(unsettable ? tr("not set") : QString());
        spin->setValue(value.is_number() ? value.get<double>() : field.min);
        row->addWidget(spin);
        const double steps = (field.max - field.min) / field.step;
        if (steps > 1 && steps <= 2000) {
            auto* slider = new QSlider(Qt::Horizontal);
            slider->setRange(0, static_cast<int>(steps));
            slider->setValue(static_cast<int>((spin->value() - field.min) / field.step + 0.5));
            slider->setToolTip(toQString(field.help));
            row->addWidget(slider, 1);
            // Each position pushes an EditStepCommand; they merge into one undo step.
            connect(slider, &QSlider::valueChanged, this, [spin, field](int v) {
                spin->setValue(field.min + v * field.step);
            });
            connect(spin, &QDoubleSpinBox::valueChanged, slider, [slider, field](double v) {
                QSignalBlocker block(slider);
                slider->setValue(static_cast<int>((v - field.min) / field.step + 0.5));
            });
        }
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, name, integer, unsettable, field](double v) {
            if (unsettable && v <= field.min)
                edit(name, nlohmann::json());
            else
                edit(name, integer ? nlohmann::json(static_cast<std::int64_t>(std::llround(v))) : nlohmann::json(v));
        });
        spin->setToolTip(toQString(field.help));
        return host;
    }
    case K::Boolean: {
        auto* check = new QCheckBox;
        check->setChecked(value.is_boolean() && value.get<bool>());
        connect(check, &QCheckBox::toggled, this, [this, name](bool on) { edit(name, on); });
        return check;
    }
    case K::Text: {
        auto* line = new QLineEdit(value.is_string() ? toQString(value.get<std::string>()) : QString());
        connect(line, &QLineEdit::editingFinished, this, [this, line, name] {
            edit(name, line->text().isEmpty() ? nlohmann::json() : nlohmann::json(toStdString(line->text())));
        });
        return line;
    }
    case K::Json: {
        auto* line = new QLineEdit(current.is_null() ? QString() : toQString(current.dump()));
        line->setPlaceholderText(tr("default"));
        connect(line, &QLineEdit::editingFinished, this, [this, line, name] {
            const std::string text = toStdString(line->text()).empty() ? "null" : toStdString(line->text());
            auto parsed = nlohmann::json::parse(text, nullptr, false);
            if (parsed.is_discarded())  // a bare word is a string
                parsed = toStdString(line->text());
            edit(name, parsed);
        });
        return line;
    }
    }
    return new QWidget;
}

void StepEditor::rebuild()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_rows.clear();
    const int index = m_document ? m_document->currentStep() : -1;
    m_shownStep = index;
    if (index < 0 || index >= m_document->stepCount()) {
        m_title->setText(tr("No step selected"));
        m_summary->setText(tr("The table is shown as it was read. Add a step to transform it."));
        return;
    }
    const nlohmann::json& step = m_document->step(index);
    const std::string op = step.value("op", std::string());
    const ops::OpInfo* info = ops::findOp(op);
    m_title->setText(tr("Step %1: %2").arg(index + 1).arg(info ? toQString(info->title) : toQString(op)));
    m_title->setToolTip(info ? toQString(info->summary) : QString());
    m_shownOp = op;
    std::set<std::string> shown{"op", "enabled"};
    for (const OpField& field : opFields(op)) {
        auto it = step.find(field.name);
        QWidget* widget = makeFieldWidget(field, it == step.end() ? nlohmann::json() : *it);
        auto* label = new QLabel(toQString(field.label) + QLatin1Char(':'));
        m_form->addRow(label, widget);
        m_rows.push_back({&field, label, widget});
        shown.insert(field.name);
    }
    updateApplicability();
    // Fields the form does not know (a newer op, fit_on) stay editable as JSON.
    for (auto it = step.begin(); it != step.end(); ++it) {
        if (shown.count(it.key()))
            continue;
        OpField field{it.key(), OpField::Kind::Json, it.key(), "Field kept as written in the recipe (JSON)", {}, 0, 0, 1, nullptr, {}, {}};
        m_form->addRow(toQString(it.key()) + QLatin1Char(':'), makeFieldWidget(field, it.value()));
    }
}

} // namespace preplab::desktop
