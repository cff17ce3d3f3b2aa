#include "core/table/column.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace preplab {

namespace {
constexpr std::string_view kTypeNames[] = {"integer", "numeric", "boolean", "datetime", "categorical", "text"};
}

std::string_view columnTypeName(ColumnType type) { return kTypeNames[static_cast<int>(type)]; }

std::optional<ColumnType> parseColumnType(std::string_view name)
{
    for (int i = 0; i < 6; ++i)
        if (kTypeNames[i] == name)
            return static_cast<ColumnType>(i);
    return std::nullopt;
}

void Column::finish()
{
    switch (m_type) {
    case ColumnType::Numeric: m_size = m_doubles.size(); break;
    case ColumnType::Categorical: m_size = m_codes.size(); break;
    case ColumnType::Text: m_size = m_strings.size(); break;
    default: m_size = m_oneByte ? m_bytes.size() : m_ints.size(); break;
    }
    if (!m_valid.empty()) {
        m_valid.resize(m_size, 1);
        m_missing = static_cast<std::size_t>(std::count(m_valid.begin(), m_valid.end(), std::uint8_t{0}));
        if (m_missing == 0)
            Mask().swap(m_valid);
    }
}

ColumnPtr Column::makeNumeric(std::vector<double> values, Mask valid)
{
    auto c = std::shared_ptr<Column>(new Column);
    c->m_type = ColumnType::Numeric;
    c->m_doubles = std::move(values);
    c->m_valid = std::move(valid);
    c->finish();
    return c;
}

ColumnPtr Column::makeInteger(std::vector<std::int64_t> values, Mask valid)
{
    auto c = std::shared_ptr<Column>(new Column);
    c->m_type = ColumnType::Integer;
    c->m_ints = std::move(values);
    c->m_valid = std::move(valid);
    c->finish();
    return c;
}

ColumnPtr Column::makeSmallInteger(std::vector<std::uint8_t> values, Mask valid)
{
    auto c = std::shared_ptr<Column>(new Column);
    c->m_type = ColumnType::Integer;
    c->m_oneByte = true;
    c->m_bytes = std::move(values);
    c->m_valid = std::move(valid);
    c->finish();
    return c;
}

const std::vector<std::int64_t>& Column::ints() const
{
    if (m_oneByte && m_type == ColumnType::Integer)
        std::call_once(m_widened, [this] { m_ints.assign(m_bytes.begin(), m_bytes.end()); });
    return m_ints;
}

ColumnPtr Column::makeBoolean(std::vector<std::uint8_t> values, Mask valid)
{
    auto c = std::shared_ptr<Column>(new Column);
    c->m_type = ColumnType::Boolean;
    c->m_oneByte = true;
    c->m_bytes = std::move(values);
    for (std::uint8_t& b : c->m_bytes)
        b = b != 0;
    c->m_valid = std::move(valid);
    c->finish();
    return c;
}

ColumnPtr Column::makeBooleanFromInts(const std::vector<std::int64_t>& values, Mask valid)
{
    std::vector<std::uint8_t> bools(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        bools[i] = values[i] != 0;
    return makeBoolean(std::move(bools), std::move(valid));
}

ColumnPtr Column::makeDatetime(std::vector<std::int64_t> millis, Mask valid, bool hasTime)
{
    auto c = std::shared_ptr<Column>(new Column);
    c->m_type = ColumnType::Datetime;
    c->m_ints = std::move(millis);
    c->m_valid = std::move(valid);
    c->m_hasTime = hasTime;
    c->finish();
    return c;
}

ColumnPtr Column::makeCategorical(std::vector<std::int32_t> codes, std::vector<std::string> categories, Mask valid)
{
    auto c = std::shared_ptr<Column>(new Column);
    c->m_type = ColumnType::Categorical;
    c->m_codes = std::move(codes);
    c->m_categories = std::move(categories);
    c->m_valid = std::move(valid);
    c->finish();
    return c;
}

ColumnPtr Column::makeText(StringArena strings, Mask valid)
{
    auto c = std::shared_ptr<Column>(new Column);
    c->m_type = ColumnType::Text;
    c->m_strings = std::move(strings);
    c->m_valid = std::move(valid);
    c->finish();
    return c;
}

ColumnPtr Column::fromStrings(const std::vector<std::optional<std::string>>& cells, ColumnType type)
{
    Mask valid(cells.size(), 1);
    if (type == ColumnType::Text) {
        StringArena arena;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            arena.push(cells[i] ? std::string_view(*cells[i]) : std::string_view());
            valid[i] = cells[i].has_value();
        }
        return makeText(std::move(arena), std::move(valid));
    }
    std::vector<std::int32_t> codes(cells.size(), 0);
    std::vector<std::string> categories;
    std::unordered_map<std::string, std::int32_t> index;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!cells[i]) {
            valid[i] = 0;
            continue;
        }
        auto [it, inserted] = index.emplace(*cells[i], static_cast<std::int32_t>(categories.size()));
        if (inserted)
            categories.push_back(*cells[i]);
        codes[i] = it->second;
    }
    return makeCategorical(std::move(codes), std::move(categories), std::move(valid));
}

ColumnPtr Column::fromOptionals(const std::vector<std::optional<double>>& cells)
{
    std::vector<double> values(cells.size(), 0.0);
    Mask valid(cells.size(), 1);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (cells[i])
            values[i] = *cells[i];
        else
            valid[i] = 0;
    }
    return makeNumeric(std::move(values), std::move(valid));
}

std::string Column::format(std::size_t i) const
{
    if (!isValid(i))
        return {};
    switch (m_type) {
    case ColumnType::Integer: return std::to_string(integer(i));
    case ColumnType::Numeric: return formatDouble(m_doubles[i]);
    case ColumnType::Boolean: return m_bytes[i] ? "true" : "false";
    case ColumnType::Datetime: return formatDatetime(m_ints[i], m_hasTime);
    case ColumnType::Categorical:
    case ColumnType::Text: return std::string(text(i));
    }
    return {};
}

ColumnPtr Column::gather(const std::vector<std::size_t>& rows) const
{
    Mask valid;
    if (!m_valid.empty()) {
        valid.resize(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            valid[i] = m_valid[rows[i]];
    }
    switch (m_type) {
    case ColumnType::Numeric: {
        std::vector<double> v(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            v[i] = m_doubles[rows[i]];
        return makeNumeric(std::move(v), std::move(valid));
    }
    case ColumnType::Categorical: {
        std::vector<std::int32_t> v(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            v[i] = m_codes[rows[i]];
        return makeCategorical(std::move(v), m_categories, std::move(valid));
    }
    case ColumnType::Text: {
        StringArena arena;
        arena.offsets.reserve(rows.size() + 1);
        for (std::size_t r : rows)
            arena.push(m_strings.at(r));
        return makeText(std::move(arena), std::move(valid));
    }
    case ColumnType::Boolean:
    case ColumnType::Integer:
        if (m_oneByte) {
            std::vector<std::uint8_t> v(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i)
                v[i] = m_bytes[rows[i]];
            return m_type == ColumnType::Boolean ? makeBoolean(std::move(v), std::move(valid))
                                                 : makeSmallInteger(std::move(v), std::move(valid));
        }
        [[fallthrough]];
    default: {
        std::vector<std::int64_t> v(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            v[i] = m_ints[rows[i]];
        auto c = std::shared_ptr<Column>(new Column);
        c->m_type = m_type;
        c->m_hasTime = m_hasTime;
        c->m_ints = std::move(v);
        c->m_valid = std::move(valid);
        c->finish();
        return c;
    }
    }
}

std::vector<double> Column::toDoubles() const
{
    std::vector<double> out(m_size, std::nan(""));
    if (!hasNumberValue(m_type))
        return out;
    for (std::size_t i = 0; i < m_size; ++i)
        if (isValid(i))
            out[i] = number(i);
    return out;
}

std::size_t Column::memoryBytes() const
{
    std::size_t bytes = m_valid.capacity() + m_doubles.capacity() * sizeof(double) +
                        m_ints.capacity() * sizeof(std::int64_t) + m_bytes.capacity() +
                        m_codes.capacity() * sizeof(std::int32_t) + m_strings.bytes.capacity() +
                        m_strings.offsets.capacity() * sizeof(std::uint64_t);
    for (const auto& s : m_categories)
        bytes += sizeof(std::string) + s.capacity();
    return bytes;
}

std::string formatDouble(double v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

std::string formatDatetime(std::int64_t millis, bool hasTime)
{
    constexpr std::int64_t msPerDay = 86400000;
    std::int64_t days = millis >= 0 ? millis / msPerDay : -((-millis + msPerDay - 1) / msPerDay);
    std::int64_t rest = millis - days * msPerDay;
    CivilDate c = civilFromDays(days);
    char buf[64];
    if (!hasTime) {
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month, c.day);
        return buf;
    }
    int h = static_cast<int>(rest / 3600000), mi = static_cast<int>(rest / 60000 % 60),
        s = static_cast<int>(rest / 1000 % 60), ms = static_cast<int>(rest % 1000);
    if (ms)
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03d", static_cast<long long>(c.year), c.month,
                      c.day, h, mi, s, ms);
    else
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d", static_cast<long long>(c.year), c.month, c.day,
                      h, mi, s);
    return buf;
}

} // namespace preplab
