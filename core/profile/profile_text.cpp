#include "core/profile/profile_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace preplab::profile {

namespace {

// Display width of UTF-8 text: one per code point (continuation bytes do not count).
std::size_t displayWidth(const std::string& s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, std::size_t width, bool right)
{
    const std::size_t w = displayWidth(s);
    const std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

std::string shortNumber(double v)
{
    if (!std::isfinite(v))
        return std::isnan(v) ? "-" : (v > 0 ? "inf" : "-inf");
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string cell(const ColumnProfile& p, const std::optional<double>& v, bool spread = false)
{
    if (!v)
        return "-";
    if (p.type == ColumnType::Datetime) {
        if (spread)
            return shortNumber(*v / 86400000.0) + " d";
        return formatDatetime(static_cast<std::int64_t>(std::floor(*v)), p.hasTime);
    }
    return shortNumber(*v);
}

std::string withShare(std::int64_t part, std::int64_t whole)
{
    if (part == 0 || whole == 0)
        return std::to_string(part);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld (%.1f%%)", static_cast<long long>(part),
                  100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buf;
}

// Renders rows as columns separated by two spaces; the first `leftColumns` are left-aligned.
std::string renderTable(const std::vector<std::vector<std::string>>& rows, std::size_t leftColumns)
{
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths.resize(std::max(widths.size(), row.size()), 0);
            widths[i] = std::max(widths[i], displayWidth(row[i]));
        }
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0)
                line += "  ";
            line += pad(row[i], widths[i], i >= leftColumns);
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + '\n';
    }
    return out;
}

// Words of `text` in lines of at most `width` display columns, each after `indent` spaces.
std::string wrap(const std::string& text, std::size_t indent, std::size_t width)
{
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && indent + displayWidth(line) + 1 + displayWidth(word) > width) {
            out += std::string(indent, ' ') + line + '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty())
        out += std::string(indent, ' ') + line + '\n';
    return out;
}

// At most `width` display columns of s, ending in "..." when cut (never inside a UTF-8 sequence).
std::string truncated(const std::string& s, std::size_t width)
{
    if (displayWidth(s) <= width)
        return s;
    std::string out;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool starts = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        if (starts && ++shown > width - 3)
            break;
        out += s[i];
    }
    return out + "...";
}

bool showsTopValues(const ColumnProfile& p)
{
    return p.type == ColumnType::Categorical || p.type == ColumnType::Text || p.type == ColumnType::Boolean ||
           (p.type == ColumnType::Integer && p.distinct <= 20);
}

} // namespace

std::string profileToText(const TableProfile& profile, const Diagnostics& warnings)
{
    std::string out = std::to_string(profile.rows) + " rows x " + std::to_string(profile.columns.size()) +
                      " columns, " + std::to_string(profile.duplicateRows) + " duplicate rows\n\n";

    std::vector<std::vector<std::string>> rows;
    rows.push_back({"column", "type", "count", "missing", "distinct", "mean", "std", "min", "q25", "median", "q75",
                    "max", "skew", "zeros"});
    for (const ColumnProfile& p : profile.columns) {
        rows.push_back({truncated(p.name, 40), std::string(columnTypeName(p.type)), std::to_string(p.count),
                        withShare(p.missing, p.count + p.missing), std::to_string(p.distinct), cell(p, p.mean),
                        cell(p, p.std, true), cell(p, p.min), cell(p, p.q25), cell(p, p.median), cell(p, p.q75),
                        cell(p, p.max), p.skewness ? shortNumber(*p.skewness) : "-",
                        p.zeros ? std::to_string(*p.zeros) : "-"});
    }
    out += renderTable(rows, 2);

    std::vector<std::vector<std::string>> tops;
    for (const ColumnProfile& p : profile.columns) {
        if (!showsTopValues(p) || p.top.empty())
            continue;
        std::string list;
        const std::size_t shown = std::min<std::size_t>(p.top.size(), 5);
        for (std::size_t i = 0; i < shown; ++i)
            list += (i ? " | " : "") + truncated(p.top[i].value, 32) + " " + std::to_string(p.top[i].count);
        if (p.distinct > static_cast<std::int64_t>(shown))
            list += " | ... (" + std::to_string(p.distinct - static_cast<std::int64_t>(shown)) + " more)";
        tops.push_back({p.name, list});
    }
    if (!tops.empty()) {
        out += "\nMost frequent values\n";
        for (auto& row : tops)
            row.insert(row.begin(), "");
        out += renderTable(tops, 3);
    }

    if (!warnings.empty()) {
        out += "\nWarnings (" + std::to_string(warnings.size()) + ")\n";
        for (const Diagnostic& d : warnings)
            out += "  " + (d.line >= 0 ? "line " + std::to_string(d.line) + ": " : std::string()) + d.message + '\n';
    }

    out += "\nAlerts (" + std::to_string(profile.alerts.size()) + ")\n";
    if (profile.alerts.empty())
        out += "  none\n";
    std::size_t nameWidth = 0, kindWidth = 0;
    for (const Alert& a : profile.alerts) {
        nameWidth = std::max(nameWidth, displayWidth(a.column.empty() ? "(table)" : a.column));
        kindWidth = std::max(kindWidth, displayWidth(a.kind));
    }
    for (const Alert& a : profile.alerts) {
        out += "  " + pad(a.column.empty() ? "(table)" : a.column, nameWidth, false) + "  " +
               pad(a.kind, kindWidth, false) + "  " + a.message + '\n';
        out += wrap("why: " + a.why, nameWidth + kindWidth + 6, std::max<std::size_t>(100, nameWidth + kindWidth + 46));
    }
    return out;
}

} // namespace preplab::profile
