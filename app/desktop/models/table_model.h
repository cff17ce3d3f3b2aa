// TableModel: a read-only, virtual view of a core Table for QTableView. Cells are formatted on
// demand, only for the rows on screen, so a table of a million rows scrolls as fast as a small one.
// Missing cells show as a muted "NA"; numbers are right-aligned.
#pragma once

#include "core/table/table.h"

#include <QAbstractTableModel>

#include <memory>
#include <set>
#include <string>

namespace preplab::desktop {

class TableModel : public QAbstractTableModel {
public:
    explicit TableModel(QObject* parent = nullptr);

    // Shows `table`; columns named in `changed` get a tinted header (the step's output columns).
    void setTable(std::shared_ptr<const Table> table, std::set<std::string> changed = {});
    const Table* table() const { return m_table.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Table> m_table;
    std::set<std::string> m_changed;
};

} // namespace preplab::desktop
