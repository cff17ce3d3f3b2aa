#include "core/io/csv_writer.h"

#include "core/io/read_options.h"

#include <cmath>

namespace preplab::io {

namespace {

constexpr std::size_t kChunkBytes = 1 << 16;

bool isBlank(char c) { return c == ' ' || c == '\t'; }

// A present value spelled like a missing marker is quoted, so that the file at least shows it
// was a value (readers that honour quoting keep it; most turn it missing all the same).
bool looksMissing(std::string_view value)
{
    for (const auto& marker : defaultNaMarkers())
        if (value == marker)
            return true;
    return false;
}

bool needsQuotes(std::string_view value, char delimiter)
{
    if (value.empty())
        return true;
    if (isBlank(value.front()) || isBlank(value.back()))
        return true;
    for (char c : value)
        if (c == delimiter || c == '"' || c == '\n' || c == '\r')
            return true;
    return looksMissing(value);
}

void appendField(std::string& out, std::string_view value, char delimiter)
{
    if (!needsQuotes(value, delimiter)) {
        out.append(value);
        return;
    }
    out.push_back('"');
    for (char c : value) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void appendCell(std::string& out, const Column& column, std::size_t row, char delimiter)
{
    if (column.isMissing(row))
        return;
    switch (column.type()) {
    case ColumnType::Categorical:
    case ColumnType::Text: appendField(out, column.text(row), delimiter); return;
    default: out.append(column.format(row)); return;  // numbers, booleans and dates never need quotes
    }
}

void warnNonFinite(const Table& table, Diagnostics* warnings)
{
    if (!warnings)
        return;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const Column& col = table.column(c);
        if (col.type() != ColumnType::Numeric)
            continue;
        std::size_t nans = 0;
        for (std::size_t r = 0; r < col.size(); ++r)
            if (col.isValid(r) && std::isnan(col.doubles()[r]))
                ++nans;
        if (nans > 0)
            warnings->push_back({Diagnostic::Severity::Warning,
                                 std::to_string(nans) + " NaN value(s) written as 'nan', which reads back as missing",
                                 -1, table.name(c)});
    }
}

} // namespace

std::string csvField(std::string_view value, char delimiter)
{
    std::string out;
    appendField(out, value, delimiter);
    return out;
}

void writeCsv(const Table& table, const TextSink& sink, const CsvWriteOptions& options, Diagnostics* warnings)
{
    const char d = options.delimiter;
    const std::size_t columns = table.columnCount();
    if (columns == 0)
        return;
    warnNonFinite(table, warnings);
    std::string chunk;
    chunk.reserve(kChunkBytes + 4096);
    for (std::size_t c = 0; c < columns; ++c) {
        if (c > 0)
            chunk.push_back(d);
        appendField(chunk, table.name(c), d);
    }
    chunk.push_back('\n');
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            if (c > 0)
                chunk.push_back(d);
            appendCell(chunk, table.column(c), r, d);
        }
        if (columns == 1 && table.column(0).isMissing(r))
            chunk += "\"\"";  // a blank line would be skipped by readers, losing the row
        chunk.push_back('\n');
        if (chunk.size() >= kChunkBytes) {
            sink(chunk);
            chunk.clear();
        }
    }
    if (!chunk.empty())
        sink(chunk);
}

std::string toCsv(const Table& table, const CsvWriteOptions& options, Diagnostics* warnings)
{
    std::string out;
    writeCsv(table, [&out](std::string_view s) { out.append(s); }, options, warnings);
    return out;
}

} // namespace preplab::io
