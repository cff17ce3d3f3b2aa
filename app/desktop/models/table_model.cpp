#include "app/desktop/models/table_model.h"

#include "app/desktop/util/qt_convert.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

#include <limits>

namespace preplab::desktop {

TableModel::TableModel(QObject* parent) : QAbstractTableModel(parent) {}

void TableModel::setTable(std::shared_ptr<const Table> table, std::set<std::string> changed)
{
    beginResetModel();
    m_table = std::move(table);
    m_changed = std::move(changed);
    endResetModel();
}

int TableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    // QTableView counts rows in int; larger tables show their first INT_MAX rows.
    return static_cast<int>(std::min<std::size_t>(m_table->rowCount(), std::numeric_limits<int>::max()));
}

int TableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->columnCount());
}

QVariant TableModel::data(const QModelIndex& index, int role) const
{
    if (!m_table || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Column& column = m_table->column(static_cast<std::size_t>(index.column()));
    const auto row = static_cast<std::size_t>(index.row());
    const bool missing = column.isMissing(row);
    switch (role) {
    case Qt::DisplayRole:
        return missing ? QStringLiteral("NA") : toQString(column.format(row));
    case Qt::ToolTipRole:
        return missing ? QStringLiteral("Missing value") : QVariant();
    case Qt::ForegroundRole:
        if (missing)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (missing) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (hasNumberValue(column.type()) && column.type() != ColumnType::Datetime)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_table || section < 0)
        return {};
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section < rowCount())
            return section + 1;
        return {};
    }
    if (section >= columnCount())
        return {};
    const auto i = static_cast<std::size_t>(section);
    const std::string& name = m_table->name(i);
    switch (role) {
    case Qt::DisplayRole:
        return toQString(name);
    case Qt::ToolTipRole:
        return QStringLiteral("%1 (%2)%3")
            .arg(toQString(name), toQString(columnTypeName(m_table->column(i).type())),
                 m_changed.count(name) ? QStringLiteral(": changed by the selected step") : QString());
    case Qt::FontRole:
        if (m_changed.count(name)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (m_changed.count(name))
            return QApplication::palette().brush(QPalette::Highlight);
        return {};
    default:
        return {};
    }
}

} // namespace preplab::desktop
