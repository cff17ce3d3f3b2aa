// ColumnBuilder: collects the cells of one column from a typed source (JSON, SQLite, ARFF),
// where each cell already says whether it is missing, an integer, a real number, a boolean or a
// string, and turns them into a Column:
//   only integers                   Integer
//   integers and reals              Numeric
//   only booleans                   Boolean
//   anything with strings (or mixed kinds, or nested JSON kept as text)
//                                   every present cell as text, typed by inferColumn
//                                   (dates, categories, free text...)
//   a forced type (typeOverrides)   every present cell as text, inferColumn with that type
//   no present cell                 whatever inferColumn gives an all-missing column
// Missing cells stay missing whatever the type: inference only ever sees the present ones.
#pragma once

#include "core/io/type_inference.h"
#include "core/table/column.h"
#include "core/util/diagnostic.h"

#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::io {

class ColumnBuilder {
public:
    enum class Kind : std::uint8_t { Missing, Integer, Real, Boolean, String };

    void addMissing() { push(Kind::Missing, 0, {}); }
    void addInteger(std::int64_t v) { push(Kind::Integer, v, {}); }
    void addReal(double v) { push(Kind::Real, std::bit_cast<std::int64_t>(v), {}); }
    void addBoolean(bool v) { push(Kind::Boolean, v ? 1 : 0, {}); }
    void addString(std::string_view s) { push(Kind::String, 0, s); }
    // Drops the last cell (a repeated key in one JSON record: the last value wins).
    void removeLast()
    {
        m_kinds.pop_back();
        m_values.pop_back();
        m_strings.offsets.pop_back();
        m_strings.bytes.resize(m_strings.offsets.back());
    }

    std::size_t size() const { return m_kinds.size(); }

    ColumnPtr finish(const std::string& name, const InferOptions& inferOptions, std::optional<ColumnType> forced,
                     Diagnostics* warnings) const;

private:
    void push(Kind kind, std::int64_t value, std::string_view s)
    {
        m_kinds.push_back(kind);
        m_values.push_back(value);
        m_strings.push(s);
    }
    std::int64_t integer(std::size_t i) const { return m_values[i]; }
    double real(std::size_t i) const { return std::bit_cast<double>(m_values[i]); }
    std::string cellText(std::size_t i) const;

    std::vector<Kind> m_kinds;
    std::vector<std::int64_t> m_values;  // Integer and Boolean values, or a Real's bits
    StringArena m_strings;
};

// `compact` holds the present cells only, in order; the result has one row per entry of `valid`
// (1 = present), with compact's values at the present rows. A value that `compact` itself marks
// missing (a forced cast that failed) stays missing.
ColumnPtr expandWithMissing(const Column& compact, const std::vector<std::uint8_t>& valid);

} // namespace preplab::io
