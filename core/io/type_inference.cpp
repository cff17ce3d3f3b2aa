#include "core/io/type_inference.h"

#include "core/io/read_options.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>

namespace preplab::io {

const std::vector<std::string>& defaultNaMarkers()
{
    static const std::vector<std::string> markers{"", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?"};
    return markers;
}

NaMatcher::NaMatcher(const std::vector<std::string>& markers)
{
    for (const auto& m : markers) {
        if (m.empty()) {
            m_empty = true;
            continue;
        }
        m_markers.push_back(m);
        m_first[static_cast<unsigned char>(m.front())] = true;
        m_maxLength = std::max(m_maxLength, m.size());
    }
}

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool equalsNoCase(std::string_view a, std::string_view lowerB)
{
    if (a.size() != lowerB.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if ((a[i] >= 'A' && a[i] <= 'Z' ? a[i] + ('a' - 'A') : a[i]) != lowerB[i])
            return false;
    return true;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at s[pos].
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out)
{
    if (pos + n > s.size())
        return false;
    out = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!isDigit(s[pos + i]))
            return false;
        out = out * 10 + (s[pos + i] - '0');
    }
    return true;
}

unsigned daysInMonth(int year, int month)
{
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// Whether a present cell is a boolean spelled as a word (not 1/0).
bool isBoolWord(std::string_view s)
{
    s = trim(s);
    return !(s == "1" || s == "0");
}

// Candidate types still possible after the cells seen so far.
struct TypeVotes {
    bool canBool = true, canInt = true, canDouble = true, canDate = true;
    bool boolWord = false, hasTime = false;
    std::size_t present = 0;

    bool anyLeft() const { return canBool || canInt || canDouble || canDate; }

    void add(std::string_view cell, bool decimalComma)
    {
        ++present;
        bool b;
        if (canBool) {
            canBool = parseBool(cell, b);
            boolWord = boolWord || (canBool && isBoolWord(cell));
        }
        std::int64_t i;
        if (canInt)
            canInt = parseInt64(cell, i);
        double d;
        if (canDouble && !canInt)
            canDouble = parseDouble(cell, d, decimalComma);
        if (canDate) {
            bool t = false;
            canDate = parseDatetime(cell, i, t);
            hasTime = hasTime || t;
        }
    }

    // The first type left in the documented order; Categorical stands for "a string type".
    ColumnType result() const
    {
        if (present == 0)
            return ColumnType::Numeric;
        if (canBool && boolWord)
            return ColumnType::Boolean;
        if (canInt)
            return ColumnType::Integer;
        if (canDouble)
            return ColumnType::Numeric;
        if (canDate)
            return ColumnType::Datetime;
        return ColumnType::Categorical;
    }
};

} // namespace

bool parseInt64(std::string_view s, std::int64_t& out)
{
    s = trim(s);
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
        if (!s.empty() && (s.front() == '+' || s.front() == '-'))
            return false;
    }
    if (s.empty())
        return false;
    auto res = std::from_chars(s.data(), s.data() + s.size(), out);
    return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

bool parseDouble(std::string_view s, double& out, bool decimalComma)
{
    s = trim(s);
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
        if (!s.empty() && (s.front() == '+' || s.front() == '-'))
            return false;
    }
    if (s.empty())
        return false;
    char buf[128];
    if (decimalComma && s.find(',') != std::string_view::npos) {
        if (s.size() >= sizeof buf || std::count(s.begin(), s.end(), ',') != 1 || s.find('.') != std::string_view::npos)
            return false;
        std::copy(s.begin(), s.end(), buf);
        buf[s.find(',')] = '.';
        s = std::string_view(buf, s.size());
    }
    auto res = std::from_chars(s.data(), s.data() + s.size(), out);
    if (res.ptr != s.data() + s.size())
        return false;
    if (res.ec == std::errc::result_out_of_range) {
        // from_chars leaves the value alone; strtod gives +-inf or a (sub)normal/zero like pandas.
        std::string copy(s);
        out = std::strtod(copy.c_str(), nullptr);
        return true;
    }
    return res.ec == std::errc();
}

bool parseBool(std::string_view s, bool& out)
{
    s = trim(s);
    if (s.empty() || s.size() > 5)
        return false;
    static constexpr std::string_view trueWords[] = {"true", "yes", "t", "y", "1"};
    static constexpr std::string_view falseWords[] = {"false", "no", "f", "n", "0"};
    for (auto w : trueWords)
        if (equalsNoCase(s, w))
            return out = true, true;
    for (auto w : falseWords)
        if (equalsNoCase(s, w))
            return out = false, true;
    return false;
}

bool parseDatetime(std::string_view s, std::int64_t& millis, bool& hasTime)
{
    s = trim(s);
    int year, month, day;
    if (s.size() < 10 || !digits(s, 0, 4, year) || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
        !digits(s, 8, 2, day))
        return false;
    if (month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > daysInMonth(year, month))
        return false;
    std::int64_t ms = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400000;
    hasTime = false;
    if (s.size() == 10) {
        millis = ms;
        return true;
    }
    int hour, minute, second = 0, fraction = 0;
    if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, hour) || s.size() < 16 || s[13] != ':' ||
        !digits(s, 14, 2, minute) || hour > 23 || minute > 59)
        return false;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2, second) || second > 60)
            return false;
        pos += 3;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            std::size_t start = ++pos;
            while (pos < s.size() && isDigit(s[pos])) {
                if (pos - start < 3)
                    fraction = fraction * 10 + (s[pos] - '0');
                ++pos;
            }
            if (pos == start)
                return false;
            for (std::size_t n = pos - start; n < 3; ++n)
                fraction *= 10;
        }
    }
    ms += (hour * 3600LL + minute * 60LL + second) * 1000 + fraction;
    if (pos < s.size()) {
        if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
            pos = s.size();
        } else if (s[pos] == '+' || s[pos] == '-') {
            int sign = s[pos] == '+' ? 1 : -1, oh, om = 0;
            if (!digits(s, pos + 1, 2, oh) || oh > 23)
                return false;
            std::size_t rest = s.size() - (pos + 3);
            if (rest == 3 && s[pos + 3] == ':' && digits(s, pos + 4, 2, om)) {
            } else if (rest == 2 && digits(s, pos + 3, 2, om)) {
            } else if (rest != 0) {
                return false;
            }
            if (om > 59)
                return false;
            ms -= sign * (oh * 3600LL + om * 60LL) * 1000;
            pos = s.size();
        } else {
            return false;
        }
    }
    millis = ms;
    hasTime = true;
    return true;
}

bool looksCategorical(std::size_t distinct, std::size_t present)
{
    std::size_t limit = std::min<std::size_t>(1000, std::max<std::size_t>(20, present / 20));
    return distinct < present && distinct <= limit;
}

ColumnPtr stringColumn(StringArena strings, Column::Mask valid, std::optional<ColumnType> forced)
{
    const std::size_t n = strings.size();
    if (forced == ColumnType::Text)
        return Column::makeText(std::move(strings), std::move(valid));
    std::size_t present = valid.empty() ? n : static_cast<std::size_t>(std::count(valid.begin(), valid.end(), 1));
    std::size_t limit = forced ? SIZE_MAX : std::min<std::size_t>(1000, std::max<std::size_t>(20, present / 20));
    std::unordered_map<std::string_view, std::int32_t> index;
    std::vector<std::string> categories;
    std::vector<std::int32_t> codes(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!valid.empty() && !valid[i])
            continue;
        auto [it, inserted] = index.emplace(strings.at(i), static_cast<std::int32_t>(categories.size()));
        if (inserted) {
            if (categories.size() >= limit)
                return Column::makeText(std::move(strings), std::move(valid));
            categories.emplace_back(strings.at(i));
        }
        codes[i] = it->second;
    }
    if (!forced && !looksCategorical(categories.size(), present))
        return Column::makeText(std::move(strings), std::move(valid));
    return Column::makeCategorical(std::move(codes), std::move(categories), std::move(valid));
}

ColumnType inferType(const std::vector<std::string_view>& cells, const InferOptions& options, bool* hasTime,
                     const Column::Mask* present)
{
    NaMatcher markers(options.naMarkers);
    auto isMissing = [&](std::size_t i) { return (present && (*present)[i] == 0) || markers(cells[i]); };
    TypeVotes votes;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (isMissing(i))
            continue;
        votes.add(cells[i], options.decimalComma);
        if (!votes.anyLeft())
            break;
    }
    if (hasTime)
        *hasTime = votes.hasTime;
    ColumnType type = votes.result();
    if (type != ColumnType::Categorical)
        return type;
    std::size_t count = 0;
    for (std::size_t i = 0; i < cells.size(); ++i)
        count += !isMissing(i);
    std::size_t limit = std::min<std::size_t>(1000, std::max<std::size_t>(20, count / 20));
    std::unordered_map<std::string_view, char> distinct;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!isMissing(i) && distinct.emplace(cells[i], 0).second && distinct.size() > limit)
            return ColumnType::Text;
    }
    return looksCategorical(distinct.size(), count) ? ColumnType::Categorical : ColumnType::Text;
}

ColumnPtr inferColumn(const std::vector<std::string_view>& cells, const InferOptions& options,
                      std::optional<ColumnType> forced, const std::string& columnName, Diagnostics* warnings,
                      const Column::Mask* present)
{
    NaMatcher markers(options.naMarkers);
    const std::size_t n = cells.size();
    auto isMissing = [&](std::size_t i) { return (present && (*present)[i] == 0) || markers(cells[i]); };
    bool hasTime = false;
    ColumnType type = forced ? *forced : inferType(cells, options, &hasTime, present);
    Column::Mask valid(n, 1);
    std::size_t failed = 0;
    std::string_view firstFailure;
    auto fail = [&](std::size_t i) {
        valid[i] = 0;
        if (failed++ == 0)
            firstFailure = cells[i];
    };

    ColumnPtr column;
    switch (type) {
    case ColumnType::Integer:
    case ColumnType::Boolean:
    case ColumnType::Datetime: {
        std::vector<std::int64_t> values(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            if (isMissing(i)) {
                valid[i] = 0;
                continue;
            }
            bool ok, b = false, t = false;
            if (type == ColumnType::Integer)
                ok = parseInt64(cells[i], values[i]);
            else if (type == ColumnType::Boolean)
                ok = parseBool(cells[i], b), values[i] = b;
            else
                ok = parseDatetime(cells[i], values[i], t), hasTime = hasTime || t;
            if (!ok)
                fail(i);
        }
        if (type == ColumnType::Integer)
            column = Column::makeInteger(std::move(values), std::move(valid));
        else if (type == ColumnType::Boolean)
            column = Column::makeBooleanFromInts(values, std::move(valid));
        else
            column = Column::makeDatetime(std::move(values), std::move(valid), hasTime);
        break;
    }
    case ColumnType::Numeric: {
        std::vector<double> values(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            if (isMissing(i))
                valid[i] = 0;
            else if (!parseDouble(cells[i], values[i], options.decimalComma))
                fail(i);
        }
        column = Column::makeNumeric(std::move(values), std::move(valid));
        break;
    }
    case ColumnType::Categorical:
    case ColumnType::Text: {
        StringArena arena;
        arena.offsets.reserve(n + 1);
        for (std::size_t i = 0; i < n; ++i) {
            bool missing = isMissing(i);
            valid[i] = !missing;
            arena.push(missing ? std::string_view() : cells[i]);
        }
        column = stringColumn(std::move(arena), std::move(valid), forced);
        break;
    }
    }
    if (failed > 0 && warnings) {
        std::string shown(firstFailure.substr(0, 40));
        warnings->push_back({Diagnostic::Severity::Warning,
                             std::to_string(failed) + " cell(s) of column '" + columnName + "' could not be read as " +
                                 std::string(columnTypeName(type)) + " and are missing (first: '" + shown + "')",
                             -1, columnName});
    }
    return column;
}

} // namespace preplab::io
