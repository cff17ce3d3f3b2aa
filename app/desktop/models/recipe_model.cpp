#include "app/desktop/models/recipe_model.h"

#include "app/desktop/commands/move_step_command.h"
#include "app/desktop/commands/set_step_enabled_command.h"
#include "app/desktop/document/document.h"
#include "app/desktop/document/op_fields.h"
#include "app/desktop/util/qt_convert.h"
#include "core/ops/registry.h"

#include <QApplication>
#include <QIcon>
#include <QMimeData>
#include <QPalette>
#include <QStyle>

namespace preplab::desktop {
namespace {
const QString kMime = QStringLiteral("application/x-preplab-step-row");
}

RecipeModel::RecipeModel(QObject* parent) : QAbstractListModel(parent) {}

void RecipeModel::setDocument(Document* document)
{
    beginResetModel();
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    m_statuses.clear();
    endResetModel();
    if (!m_document)
        return;
    connect(m_document, &Document::changed, this, [this](const ChangeEvent& event) {
        if (event.kind == ChangeEvent::Kind::RecipeChanged) {
            // Steps may have been added, removed or moved: a reset keeps every view consistent.
            beginResetModel();
            m_statuses.clear();
            endResetModel();
        }
    });
}

void RecipeModel::setStatuses(std::vector<StepStatus> statuses)
{
    if (!m_document || static_cast<int>(statuses.size()) != m_document->stepCount())
        return;
    m_statuses = std::move(statuses);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole, Qt::ToolTipRole, Qt::ForegroundRole});
}

int RecipeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_document ? 0 : m_document->stepCount();
}

QVariant RecipeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const nlohmann::json& step = m_document->step(index.row());
    const bool enabled = Document::isEnabled(step);
    const StepStatus* status =
        static_cast<std::size_t>(index.row()) < m_statuses.size() ? &m_statuses[static_cast<std::size_t>(index.row())] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1. %2").arg(index.row() + 1).arg(toQString(stepLabel(step)));
    case Qt::CheckStateRole:
        return enabled ? Qt::Checked : Qt::Unchecked;
    case Qt::ForegroundRole:
        if (!enabled)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::DecorationRole:
        if (status && status->state == StepStatus::State::Failed)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        return {};
    case Qt::ToolTipRole: {
        const ops::OpInfo* info = ops::findOp(step.value("op", std::string()));
        QString tip = info ? toQString(info->summary) : QObject::tr("Unknown op");
        if (status && !status->description.empty())
            tip += QStringLiteral("\n\n") + toQString(status->description);
        if (status && status->state == StepStatus::State::Ran)
            tip += QObject::tr("\n(%1 ms)").arg(status->ms, 0, 'f', 1);
        return tip + QObject::tr("\n\nDrag to reorder; the check box turns the step on or off.");
    }
    default:
        return {};
    }
}

bool RecipeModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const bool enabled = value.toInt() == Qt::Checked;
    if (enabled == Document::isEnabled(m_document->step(index.row())))
        return false;
    m_document->undoStack()->push(new SetStepEnabledCommand(m_document, index.row(), enabled));
    return true;
}

Qt::ItemFlags RecipeModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractListModel::flags(index);
    if (index.isValid())
        return f | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled;
    return f | Qt::ItemIsDropEnabled;
}

Qt::DropActions RecipeModel::supportedDropActions() const { return Qt::MoveAction; }

QStringList RecipeModel::mimeTypes() const { return {kMime}; }

QMimeData* RecipeModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(kMime, QByteArray::number(indexes.first().row()));
    return data;
}

bool RecipeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                               const QModelIndex& parent)
{
    if (!m_document || action != Qt::MoveAction || !data->hasFormat(kMime))
        return false;
    const int from = data->data(kMime).toInt();
    int to = row < 0 ? (parent.isValid() ? parent.row() : rowCount()) : row;
    if (to > from)
        --to;  // the dragged row leaves its place first
    to = std::clamp(to, 0, rowCount() - 1);
    if (from < 0 || from >= rowCount() || to == from)
        return false;
    m_document->undoStack()->push(new MoveStepCommand(m_document, from, to));
    // The move is done by the command; returning false stops the view from removing the source row.
    return false;
}

} // namespace preplab::desktop
