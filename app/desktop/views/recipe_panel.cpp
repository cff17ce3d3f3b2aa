#include "app/desktop/views/recipe_panel.h"

#include "app/desktop/commands/add_step_command.h"
#include "app/desktop/commands/move_step_command.h"
#include "app/desktop/commands/remove_step_command.h"
#include "app/desktop/commands/set_target_command.h"
#include "app/desktop/document/document.h"
#include "app/desktop/document/op_fields.h"
#include "app/desktop/models/recipe_model.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/compact_widgets.h"
#include "app/desktop/views/step_editor.h"
#include "app/desktop/views/step_picker.h"

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QListView>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace preplab::desktop {

namespace {
QToolButton* toolButton(QStyle::StandardPixmap icon, const QString& text, const QString& tip)
{
    auto* b = new QToolButton;
    b->setIcon(QApplication::style()->standardIcon(icon));
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}
} // namespace

RecipePanel::RecipePanel(QWidget* parent) : QWidget(parent)
{
    m_model = new RecipeModel(this);
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("RecipeList"));
    m_list->setModel(m_model);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDragEnabled(true);
    m_list->setAcceptDrops(true);
    m_list->setDropIndicatorShown(true);
    m_list->setToolTip(tr("The recipe: steps run top to bottom. Select one to see its before/after."));
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& index) {
        if (m_document && index.isValid())
            m_document->setCurrentStep(index.row());
        updateButtons();
    });

    m_target = new QComboBox;
    makeCompact(m_target, 10);
    m_target->setToolTip(tr("The column a model would predict: steps leave it alone unless told, split stratifies on it"));
    connect(m_target, &QComboBox::activated, this, [this](int i) {
        if (!m_document)
            return;
        const std::string target = i <= 0 ? std::string() : toStdString(m_target->itemText(i));
        if (target != m_document->target())
            m_document->undoStack()->push(new SetTargetCommand(m_document, target));
    });

    m_add = toolButton(QStyle::SP_FileDialogNewFolder, tr("Add"), tr("Add a step after the selected one (Ctrl+T)"));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_duplicate = toolButton(QStyle::SP_FileLinkIcon, tr("Duplicate"), tr("Duplicate the selected step (Ctrl+D)"));
    m_delete = toolButton(QStyle::SP_TrashIcon, tr("Delete"), tr("Delete the selected step (Delete)"));
    m_up = toolButton(QStyle::SP_ArrowUp, tr("Up"), tr("Move the selected step up"));
    m_down = toolButton(QStyle::SP_ArrowDown, tr("Down"), tr("Move the selected step down"));
    m_sourceButton = toolButton(QStyle::SP_FileIcon, tr("Source"), tr("Show the table as read, before any step"));
    m_sourceButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_add, &QToolButton::clicked, this, &RecipePanel::addStep);
    connect(m_duplicate, &QToolButton::clicked, this, &RecipePanel::duplicateStep);
    connect(m_delete, &QToolButton::clicked, this, &RecipePanel::deleteStep);
    connect(m_up, &QToolButton::clicked, this, [this] { moveStep(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveStep(1); });
    connect(m_sourceButton, &QToolButton::clicked, this, [this] {
        if (m_document)
            m_document->setCurrentStep(-1);
    });
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(0);
    for (QToolButton* b : {m_add, m_duplicate, m_delete, m_up, m_down})
        buttons->addWidget(b);
    buttons->addStretch();
    buttons->addWidget(m_sourceButton);

    m_editor = new StepEditor;
    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(4, 4, 4, 0);
    auto* targetRow = new QFormLayout;
    targetRow->addRow(tr("Target:"), m_target);
    topLayout->addLayout(targetRow);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_list);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("RecipeSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({200, 400});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    updateButtons();
}

void RecipePanel::setDocument(Document* document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    m_model->setDocument(document);
    m_editor->setDocument(document);
    if (m_document)
        connect(m_document, &Document::changed, this, [this](const ChangeEvent& event) {
            if (event.kind == ChangeEvent::Kind::StepSelected || event.kind == ChangeEvent::Kind::RecipeChanged)
                syncSelection();
            if (event.kind == ChangeEvent::Kind::RecipeChanged)
                m_target->setCurrentIndex(std::max(0, m_target->findText(toQString(m_document->target()))));
        });
    syncSelection();
}

void RecipePanel::setColumns(const QStringList& columns)
{
    m_editor->setColumns(columns);
    const QString current = m_document ? toQString(m_document->target()) : QString();
    QStringList items{tr("(none)")};
    items += columns;
    if (!current.isEmpty() && !columns.contains(current))
        items << current;
    QStringList old;
    for (int i = 0; i < m_target->count(); ++i)
        old << m_target->itemText(i);
    if (old != items) {
        m_target->clear();
        m_target->addItems(items);
    }
    m_target->setCurrentIndex(current.isEmpty() ? 0 : std::max(0, m_target->findText(current)));
}

void RecipePanel::syncSelection()
{
    const int step = m_document ? m_document->currentStep() : -1;
    QSignalBlocker block(m_list->selectionModel());
    if (step >= 0 && step < m_model->rowCount())
        m_list->setCurrentIndex(m_model->index(step));
    else
        m_list->clearSelection();
    m_list->viewport()->update();
    updateButtons();
}

void RecipePanel::updateButtons()
{
    const int step = m_document ? m_document->currentStep() : -1;
    const int count = m_document ? m_document->stepCount() : 0;
    m_add->setEnabled(m_document != nullptr);
    m_duplicate->setEnabled(step >= 0);
    m_delete->setEnabled(step >= 0);
    m_up->setEnabled(step > 0);
    m_down->setEnabled(step >= 0 && step + 1 < count);
    m_sourceButton->setEnabled(step >= 0);
    m_target->setEnabled(m_document != nullptr);
}

void RecipePanel::addStep()
{
    if (!m_document)
        return;
    StepPicker picker(this);
    if (picker.exec() == QDialog::Accepted)
        addStepOfOp(picker.chosenOp());
}

void RecipePanel::addStepOfOp(const QString& op)
{
    if (!m_document || op.isEmpty())
        return;
    const int at = m_document->currentStep() + 1;
    nlohmann::json step = newStep(toStdString(op));
    m_document->undoStack()->push(
        new AddStepCommand(m_document, at, step, tr("Add step %1 (%2)").arg(at + 1).arg(op)));
}

void RecipePanel::duplicateStep()
{
    if (!m_document || m_document->currentStep() < 0)
        return;
    const int step = m_document->currentStep();
    m_document->undoStack()->push(
        new AddStepCommand(m_document, step + 1, m_document->step(step), tr("Duplicate step %1").arg(step + 1)));
}

void RecipePanel::deleteStep()
{
    if (m_document && m_document->currentStep() >= 0)
        m_document->undoStack()->push(new RemoveStepCommand(m_document, m_document->currentStep()));
}

void RecipePanel::moveStep(int delta)
{
    if (!m_document)
        return;
    const int from = m_document->currentStep(), to = from + delta;
    if (from < 0 || to < 0 || to >= m_document->stepCount())
        return;
    m_document->undoStack()->push(new MoveStepCommand(m_document, from, to));
}

} // namespace preplab::desktop
