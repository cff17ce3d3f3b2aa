// Table: named columns of equal length. Columns are shared (shared_ptr<const Column>), so copying
// a Table or deriving one that changes a few columns is cheap: a per-step snapshot only holds
// the columns that step changed.
#pragma once

#include "core/table/column.h"
#include "core/util/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace preplab {

class Table {
public:
    Table() = default;

    std::size_t rowCount() const { return m_rows; }
    std::size_t columnCount() const { return m_columns.size(); }
    bool empty() const { return m_columns.empty(); }

    const std::string& name(std::size_t i) const { return m_names[i]; }
    const std::vector<std::string>& names() const { return m_names; }
    const Column& column(std::size_t i) const { return *m_columns[i]; }
    const ColumnPtr& columnPtr(std::size_t i) const { return m_columns[i]; }
    std::optional<std::size_t> indexOf(std::string_view name) const;
    const Column* find(std::string_view name) const;

    // Appends a column; fails on a duplicate name or a length that differs from rowCount().
    Result<void> addColumn(std::string name, ColumnPtr column);
    // Replaces column i (same length required).
    Result<void> setColumn(std::size_t i, ColumnPtr column);
    // Inserts at position i.
    Result<void> insertColumn(std::size_t i, std::string name, ColumnPtr column);
    void removeColumn(std::size_t i);
    Result<void> renameColumn(std::size_t i, std::string newName);

    // A table with rows[i] of this one, in order; every column gathered.
    Table selectRows(const std::vector<std::size_t>& rows) const;
    // Row count of a table without columns (e.g. after dropping all of them).
    void setRowCountIfEmpty(std::size_t rows) { if (m_columns.empty()) m_rows = rows; }

    std::size_t memoryBytes() const;

private:
    std::vector<std::string> m_names;
    std::vector<ColumnPtr> m_columns;
    std::size_t m_rows = 0;
};

} // namespace preplab
