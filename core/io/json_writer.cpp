#include "core/io/json_writer.h"

#include <cmath>
#include <cstdio>
#include <vector>

namespace preplab::io {

namespace {

constexpr std::size_t kChunkBytes = 1 << 16;

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b0 < 0x80)
        return 1;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

std::string numericLiteral(double v)
{
    std::string s = formatDouble(v);
    if (s.find_first_of(".e") == std::string::npos)
        s += ".0";
    return s;
}

struct ColumnIssues {
    std::size_t nonFinite = 0;
    std::size_t badUtf8 = 0;
};

void appendValue(std::string& out, const Column& column, std::size_t row, ColumnIssues& issues)
{
    if (column.isMissing(row)) {
        out += "null";
        return;
    }
    switch (column.type()) {
    case ColumnType::Integer: out += std::to_string(column.integer(row)); return;
    case ColumnType::Boolean: out += column.bools()[row] ? "true" : "false"; return;
    case ColumnType::Numeric: {
        double v = column.doubles()[row];
        if (!std::isfinite(v)) {
            ++issues.nonFinite;
            out += "null";
        } else {
            out += numericLiteral(v);
        }
        return;
    }
    case ColumnType::Datetime: appendJsonString(out, column.format(row)); return;
    case ColumnType::Categorical:
    case ColumnType::Text:
        if (!appendJsonString(out, column.text(row)))
            ++issues.badUtf8;
        return;
    }
}

} // namespace

bool appendJsonString(std::string& out, std::string_view value)
{
    bool valid = true;
    out.push_back('"');
    for (std::size_t i = 0; i < value.size();) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x80) {
            std::size_t len = utf8Length(value, i);
            if (len == 0) {
                out += "\\ufffd";
                valid = false;
                ++i;
            } else {
                out.append(value.substr(i, len));
                i += len;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out.push_back(static_cast<char>(c));
            }
        }
        ++i;
    }
    out.push_back('"');
    return valid;
}

void writeJson(const Table& table, const TextSink& sink, const JsonWriteOptions& options, Diagnostics* warnings)
{
    const std::size_t columns = table.columnCount();
    std::vector<std::string> keys(columns);
    std::size_t badKeys = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        if (!appendJsonString(keys[c], table.name(c)))
            ++badKeys;
        keys[c] += ':';
    }
    std::vector<ColumnIssues> issues(columns);
    std::string chunk;
    chunk.reserve(kChunkBytes + 4096);
    if (!options.lines)
        chunk += table.rowCount() == 0 ? "[" : "[\n";
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        chunk.push_back('{');
        for (std::size_t c = 0; c < columns; ++c) {
            if (c > 0)
                chunk.push_back(',');
            chunk += keys[c];
            appendValue(chunk, table.column(c), r, issues[c]);
        }
        chunk.push_back('}');
        if (!options.lines && r + 1 < table.rowCount())
            chunk.push_back(',');
        chunk.push_back('\n');
        if (chunk.size() >= kChunkBytes) {
            sink(chunk);
            chunk.clear();
        }
    }
    if (!options.lines)
        chunk += "]\n";
    if (!chunk.empty())
        sink(chunk);

    if (!warnings)
        return;
    if (badKeys > 0)
        warnings->push_back({Diagnostic::Severity::Warning,
                             "invalid UTF-8 in column names replaced by U+FFFD", -1, {}});
    for (std::size_t c = 0; c < columns; ++c) {
        if (issues[c].nonFinite > 0)
            warnings->push_back({Diagnostic::Severity::Warning,
                                 std::to_string(issues[c].nonFinite) +
                                     " non-finite number(s) (NaN or infinity) written as null",
                                 -1, table.name(c)});
        if (issues[c].badUtf8 > 0)
            warnings->push_back({Diagnostic::Severity::Warning,
                                 std::to_string(issues[c].badUtf8) +
                                     " value(s) with invalid UTF-8 bytes, replaced by U+FFFD",
                                 -1, table.name(c)});
    }
}

std::string toJson(const Table& table, const JsonWriteOptions& options, Diagnostics* warnings)
{
    std::string out;
    writeJson(table, [&out](std::string_view s) { out.append(s); }, options, warnings);
    return out;
}

} // namespace preplab::io
