#include "app/desktop/models/column_list_model.h"

#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/type_badge.h"

#include <algorithm>

namespace preplab::desktop {

QVector<double> sparklineOf(const profile::ColumnProfile& column)
{
    QVector<double> bars;
    if (!column.histogram.counts.empty()) {
        for (auto c : column.histogram.counts)
            bars.push_back(static_cast<double>(c));
    } else {
        for (const auto& top : column.top)
            bars.push_back(static_cast<double>(top.count));
    }
    const double peak = bars.isEmpty() ? 0.0 : *std::max_element(bars.begin(), bars.end());
    if (peak <= 0.0)
        return {};
    for (double& b : bars)
        b /= peak;
    return bars;
}

ColumnListModel::ColumnListModel(QObject* parent) : QAbstractListModel(parent) {}

void ColumnListModel::setProfile(const profile::TableProfile& profile)
{
    beginResetModel();
    m_profile = profile;
    m_sparklines.clear();
    m_alertCounts.clear();
    for (const auto& column : m_profile.columns) {
        m_sparklines.push_back(sparklineOf(column));
        m_alertCounts.push_back(static_cast<int>(std::count_if(m_profile.alerts.begin(), m_profile.alerts.end(),
                                                               [&](const auto& a) { return a.column == column.name; })));
    }
    endResetModel();
}

int ColumnListModel::rowOf(const QString& name) const
{
    const std::string key = toStdString(name);
    for (std::size_t i = 0; i < m_profile.columns.size(); ++i)
        if (m_profile.columns[i].name == key)
            return static_cast<int>(i);
    return -1;
}

int ColumnListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_profile.columns.size());
}

QVariant ColumnListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& column = m_profile.columns[static_cast<std::size_t>(index.row())];
    const double total = static_cast<double>(column.count + column.missing);
    const double missingShare = total > 0 ? static_cast<double>(column.missing) / total : 0.0;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return toQString(column.name);
    case Qt::DecorationRole:
        return typeIcon(column.type);
    case Qt::ToolTipRole:
        return QStringLiteral("<b>%1</b><br>%2 · %3 distinct · %4 missing (%5%)%6")
            .arg(toQString(column.name).toHtmlEscaped(), toQString(columnTypeName(column.type)))
            .arg(column.distinct)
            .arg(column.missing)
            .arg(missingShare * 100.0, 0, 'f', 1)
            .arg(m_alertCounts[index.row()] > 0 ? QStringLiteral("<br>%1 alert(s): see the inspector")
                                                      .arg(m_alertCounts[index.row()])
                                                : QString());
    case TypeRole:
        return static_cast<int>(column.type);
    case TypeNameRole:
        return toQString(columnTypeName(column.type));
    case MissingShareRole:
        return missingShare;
    case SparklineRole:
        return QVariant::fromValue(m_sparklines[index.row()]);
    case AlertCountRole:
        return m_alertCounts[index.row()];
    default:
        return {};
    }
}

} // namespace preplab::desktop
