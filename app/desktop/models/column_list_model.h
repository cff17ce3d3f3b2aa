// ColumnListModel: one row per column of the shown table, from its profile (a plain core struct):
// name, type, missing share and a normalised histogram for the sparkline the delegate draws.
#pragma once

#include "core/profile/profile.h"

#include <QAbstractListModel>
#include <QVector>

namespace preplab::desktop {

class ColumnListModel : public QAbstractListModel {
public:
    enum Role {
        TypeRole = Qt::UserRole + 1,  // int(ColumnType)
        TypeNameRole,                 // "numeric", ...
        MissingShareRole,             // double in [0, 1]
        SparklineRole,                // QVector<double>, bar heights in [0, 1]
        AlertCountRole,               // int
    };

    explicit ColumnListModel(QObject* parent = nullptr);

    void setProfile(const profile::TableProfile& profile);
    const profile::TableProfile& profile() const { return m_profile; }
    // Row of the column named `name`, -1 when absent.
    int rowOf(const QString& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    profile::TableProfile m_profile;
    QVector<QVector<double>> m_sparklines;
    QVector<int> m_alertCounts;
};

// Bar heights in [0, 1] for a column's sparkline: histogram counts for numbers, top-value
// counts for categories; empty when there is nothing to draw.
QVector<double> sparklineOf(const profile::ColumnProfile& column);

} // namespace preplab::desktop
