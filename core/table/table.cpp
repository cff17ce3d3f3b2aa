#include "core/table/table.h"

namespace preplab {

std::optional<std::size_t> Table::indexOf(std::string_view name) const
{
    for (std::size_t i = 0; i < m_names.size(); ++i)
        if (m_names[i] == name)
            return i;
    return std::nullopt;
}

const Column* Table::find(std::string_view name) const
{
    auto i = indexOf(name);
    return i ? m_columns[*i].get() : nullptr;
}

Result<void> Table::addColumn(std::string name, ColumnPtr column)
{
    return insertColumn(m_columns.size(), std::move(name), std::move(column));
}

Result<void> Table::insertColumn(std::size_t i, std::string name, ColumnPtr column)
{
    if (indexOf(name))
        return makeError(ErrorCode::Internal, "a column named '" + name + "' already exists");
    if (!m_columns.empty() && column->size() != m_rows)
        return makeError(ErrorCode::Internal, "column '" + name + "' has " + std::to_string(column->size()) +
                                                  " rows, the table has " + std::to_string(m_rows));
    if (m_columns.empty())
        m_rows = column->size();
    i = std::min(i, m_columns.size());
    m_names.insert(m_names.begin() + static_cast<std::ptrdiff_t>(i), std::move(name));
    m_columns.insert(m_columns.begin() + static_cast<std::ptrdiff_t>(i), std::move(column));
    return {};
}

Result<void> Table::setColumn(std::size_t i, ColumnPtr column)
{
    if (column->size() != m_rows && m_columns.size() > 1)
        return makeError(ErrorCode::Internal, "column '" + m_names[i] + "' replaced with a column of another length");
    if (m_columns.size() == 1)
        m_rows = column->size();
    m_columns[i] = std::move(column);
    return {};
}

void Table::removeColumn(std::size_t i)
{
    m_names.erase(m_names.begin() + static_cast<std::ptrdiff_t>(i));
    m_columns.erase(m_columns.begin() + static_cast<std::ptrdiff_t>(i));
}

Result<void> Table::renameColumn(std::size_t i, std::string newName)
{
    if (m_names[i] == newName)
        return {};
    if (indexOf(newName))
        return makeError(ErrorCode::Internal, "a column named '" + newName + "' already exists");
    m_names[i] = std::move(newName);
    return {};
}

Table Table::selectRows(const std::vector<std::size_t>& rows) const
{
    Table out;
    out.m_names = m_names;
    out.m_columns.reserve(m_columns.size());
    for (const auto& c : m_columns)
        out.m_columns.push_back(c->gather(rows));
    out.m_rows = rows.size();
    return out;
}

std::size_t Table::memoryBytes() const
{
    std::size_t bytes = 0;
    for (const auto& c : m_columns)
        bytes += c->memoryBytes();
    return bytes;
}

} // namespace preplab
