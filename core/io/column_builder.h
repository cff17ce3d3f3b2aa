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

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::io {

class ColumnBuilder {
public:
    enum class Kind : std::uint8_t { Missing, Integer, Real, Boolean, String };

    void addMissing() { push(Kind::Missing, 0, 0.0, {}); }
    void addInteger(std::int64_t v) { push(Kind::Integer, v, 0.0, {}); }
    void addReal(double v) { push(Kind::Real, 0, v, {}); }
    void addBoolean(bool v) { push(Kind::Boolean, v ? 1 : 0, 0.0, {}); }
    void addString(std::string_view s) { push(Kind::String, 0, 0.0, s); }

    std::size_t size() const { return m_kinds.size(); }

    ColumnPtr finish(const std::string& name, const InferOptions& inferOptions, std::optional<ColumnType> forced,
                     Diagnostics* warnings) const;

private:
    void push(Kind kind, std::int64_t i, double d, std::string_view s)
    {
        m_kinds.push_back(kind);
        m_ints.push_back(i);
        m_doubles.push_back(d);
        m_strings.push(s);
    }
    std::string cellText(std::size_t i) const;

    std::vector<Kind> m_kinds;
    std::vector<std::int64_t> m_ints;
    std::vector<double> m_doubles;
    StringArena m_strings;
};

// `compact` holds the present cells only, in order; the result has one row per entry of `valid`
// (1 = present), with compact's values at the present rows. A value that `compact` itself marks
// missing (a forced cast that failed) stays missing.
ColumnPtr expandWithMissing(const Column& compact, const std::vector<std::uint8_t>& valid);

} // namespace preplab::io
