// Column: one typed column of a Table, immutable once built and shared between tables through
// shared_ptr<const Column>, so that a step that leaves a column alone costs nothing.
//
// Storage by type:
//   Integer              int64 values                      ints()
//                        or, built by makeSmallInteger, one byte per value 0..255 (one-hot
//                        indicators: an eighth of the memory)      bytes()
//   Numeric              double values                     doubles()
//   Boolean              one byte per value, 0 or 1        bools() (= bytes())
//   Datetime             int64 milliseconds since 1970-01-01T00:00:00 UTC     ints()
//   Categorical          int32 codes into a dictionary     codes(), categories()
//   Text                 a string arena: bytes + offsets   text(i)
// Missing values live in a validity mask (1 = present), never as NaN or a sentinel. A present
// Numeric value may still be NaN or +-inf when the source said so explicitly.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace preplab {

enum class ColumnType : std::uint8_t { Integer, Numeric, Boolean, Datetime, Categorical, Text };

// "integer", "numeric", "boolean", "datetime", "categorical", "text" (the CLI contract's names).
std::string_view columnTypeName(ColumnType type);
std::optional<ColumnType> parseColumnType(std::string_view name);

// Integer or Numeric: the columns scalers and transforms apply to by default.
inline bool isNumericType(ColumnType t) { return t == ColumnType::Integer || t == ColumnType::Numeric; }
// Values readable through Column::number(): Integer, Numeric, Boolean, Datetime.
inline bool hasNumberValue(ColumnType t) { return t != ColumnType::Categorical && t != ColumnType::Text; }

// Strings of a Text column, kept in one buffer: value i is bytes[offsets[i], offsets[i+1]).
struct StringArena {
    std::string bytes;
    std::vector<std::uint64_t> offsets{0};

    std::size_t size() const { return offsets.size() - 1; }
    void push(std::string_view s)
    {
        bytes.append(s);
        offsets.push_back(bytes.size());
    }
    std::string_view at(std::size_t i) const
    {
        return std::string_view(bytes).substr(offsets[i], offsets[i + 1] - offsets[i]);
    }
};

class Column;
using ColumnPtr = std::shared_ptr<const Column>;

class Column {
public:
    using Mask = std::vector<std::uint8_t>;  // 1 = present, 0 = missing; empty = all present

    static ColumnPtr makeNumeric(std::vector<double> values, Mask valid = {});
    static ColumnPtr makeInteger(std::vector<std::int64_t> values, Mask valid = {});
    // Integer column of values 0..255 stored one byte a value; same type and values as makeInteger.
    static ColumnPtr makeSmallInteger(std::vector<std::uint8_t> values, Mask valid = {});
    static ColumnPtr makeBoolean(std::vector<std::uint8_t> values, Mask valid = {});
    // Boolean from integers (any non-zero value is true).
    static ColumnPtr makeBooleanFromInts(const std::vector<std::int64_t>& values, Mask valid = {});
    // hasTime = false prints values as dates (YYYY-MM-DD), true as date-times.
    static ColumnPtr makeDatetime(std::vector<std::int64_t> millis, Mask valid = {}, bool hasTime = false);
    static ColumnPtr makeCategorical(std::vector<std::int32_t> codes, std::vector<std::string> categories,
                                     Mask valid = {});
    static ColumnPtr makeText(StringArena strings, Mask valid = {});
    // Convenience for tests and small tables: builds Categorical (or Text) from strings;
    // std::nullopt is missing. Categories are in order of first appearance.
    static ColumnPtr fromStrings(const std::vector<std::optional<std::string>>& cells,
                                 ColumnType type = ColumnType::Categorical);
    // Numeric from doubles with std::nullopt for missing.
    static ColumnPtr fromOptionals(const std::vector<std::optional<double>>& cells);

    ColumnType type() const { return m_type; }
    std::size_t size() const { return m_size; }
    bool isValid(std::size_t i) const { return m_valid.empty() || m_valid[i] != 0; }
    bool isMissing(std::size_t i) const { return !isValid(i); }
    std::size_t missingCount() const { return m_missing; }
    const Mask& validMask() const { return m_valid; }  // may be empty (= all present)
    bool hasTime() const { return m_hasTime; }

    // Value as a double: Integer, Numeric, Boolean (0/1), Datetime (ms). Only for present rows.
    double number(std::size_t i) const
    {
        if (m_type == ColumnType::Numeric)
            return m_doubles[i];
        return m_oneByte ? static_cast<double>(m_bytes[i]) : static_cast<double>(m_ints[i]);
    }
    // Value as an integer: Integer, Boolean (0/1), Datetime (ms). Only for present rows.
    std::int64_t integer(std::size_t i) const { return m_oneByte ? m_bytes[i] : m_ints[i]; }
    // Value as text: Categorical (its category) and Text. Only for present rows.
    std::string_view text(std::size_t i) const
    {
        return m_type == ColumnType::Categorical ? std::string_view(m_categories[m_codes[i]]) : m_strings.at(i);
    }
    // Canonical text for any type: shortest round-trip numbers, true/false, ISO-8601 dates;
    // empty for missing.
    std::string format(std::size_t i) const;

    const std::vector<double>& doubles() const { return m_doubles; }
    // Integer, Datetime. A one-byte Integer column widens itself on the first call (kept, 8 bytes a
    // value): kernels should read bytes() there, through withNumbers.
    const std::vector<std::int64_t>& ints() const;
    const std::vector<std::uint8_t>& bools() const { return m_bytes; }  // Boolean
    // Whether values are stored one byte each in bytes(): Boolean, and makeSmallInteger's Integer.
    bool oneByte() const { return m_oneByte; }
    const std::vector<std::uint8_t>& bytes() const { return m_bytes; }
    // f(pointer to the values as stored): const double* (Numeric), const std::uint8_t* (oneByte),
    // const std::int64_t* (other Integer, Datetime). Number types only (hasNumberValue).
    template <class Fn>
    decltype(auto) withNumbers(Fn&& f) const
    {
        if (m_type == ColumnType::Numeric)
            return f(m_doubles.data());
        if (m_oneByte)
            return f(m_bytes.data());
        return f(m_ints.data());
    }
    const std::vector<std::int32_t>& codes() const { return m_codes; }
    const std::vector<std::string>& categories() const { return m_categories; }
    const StringArena& strings() const { return m_strings; }

    // A new column holding rows[i] of this one, in order (rows may repeat).
    ColumnPtr gather(const std::vector<std::size_t>& rows) const;
    // Values as doubles with missing (or non-number types) as NaN: for numeric kernels only.
    std::vector<double> toDoubles() const;
    // Approximate heap bytes held.
    std::size_t memoryBytes() const;

private:
    Column() = default;
    void finish();  // computes m_size, m_missing, drops an all-ones mask

    ColumnType m_type = ColumnType::Numeric;
    std::size_t m_size = 0;
    std::size_t m_missing = 0;
    bool m_hasTime = false;
    bool m_oneByte = false;  // values in m_bytes
    Mask m_valid;
    std::vector<double> m_doubles;
    mutable std::vector<std::int64_t> m_ints;  // written once by ints() for a one-byte Integer
    mutable std::once_flag m_widened;
    std::vector<std::uint8_t> m_bytes;
    std::vector<std::int32_t> m_codes;
    std::vector<std::string> m_categories;
    StringArena m_strings;
};

// Shortest text that reads back to the same double ("0.1", "1e+300", "nan", "inf", "-inf").
std::string formatDouble(double v);
// ISO-8601 text of milliseconds since the epoch: "2024-03-01" or "2024-03-01T12:30:00" (".250" when
// milliseconds are non-zero).
std::string formatDatetime(std::int64_t millis, bool hasTime);
// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d);
struct CivilDate { std::int64_t year; unsigned month; unsigned day; };
CivilDate civilFromDays(std::int64_t days);

} // namespace preplab
