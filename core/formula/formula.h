// Formula: PrepLab's small expression language, used by the `formula` op (a new column) and the
// `filter` op (a row predicate). A formula holds data only and is evaluated column-wise: each
// node of the tree is computed for every row at once.
//
// Values are numbers (Integer, Numeric and Datetime columns; a Datetime is milliseconds since the
// epoch), true/false (Boolean columns, comparisons) or strings (Categorical and Text columns,
// string literals). A string literal compared with a Datetime column is read as an ISO date.
//
// Missing values propagate: arithmetic, functions and comparisons with a missing operand are
// missing, as is a result that is not a number (log(-1), 0/0). `and` / `or` use three-valued
// logic (false and missing = false, true or missing = true). isna(x) / notna(x) are never missing.
// A filter keeps the rows where the predicate is true (missing = dropped, like DataFrame.query,
// where a comparison with NaN is False).
//
// Operators: + - * / (true division; x/0 = inf) // (floor division) % (sign of the divisor, as in
// Python) ** or ^ (power); == != < <= > >=; and or not (also && || ! & | ~).
// Functions: if(c, a, b), log (natural), log10, log1p, exp, sqrt, abs, floor, ceil, min(a, ...),
// max(a, ...), pow(x, y), round(x, digits = 0) (half to even, like numpy.round), isna, notna.
// Column names are identifiers or `backticked names`. Errors point at a 1-based character.
#pragma once

#include "core/formula/ast.h"
#include "core/table/table.h"
#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::formula {

enum class ValueType { Number, Boolean, String };

// A column-wise value: `scalar` ones (literals) hold one element that stands for every row.
struct Value {
    ValueType type = ValueType::Number;
    bool scalar = false;
    bool datetime = false;                // a Number holding milliseconds since the epoch
    std::vector<double> num;              // Number; Boolean as 0 / 1
    std::vector<std::string_view> str;    // String (views into the table or the formula)
    std::vector<std::uint8_t> valid;      // 1 = present; empty = all present

    std::size_t size() const { return type == ValueType::String ? str.size() : num.size(); }
    bool present(std::size_t i) const { return valid.empty() || valid[scalar ? 0 : i]; }
};

class Formula {
public:
    // Parses `source`; syntax errors read "at character N: ...".
    static Result<Formula> compile(std::string source);

    const std::string& source() const { return m_source; }
    // Checks column names and operand types against a table's columns; returns the result type.
    Result<ValueType> check(const std::vector<std::string>& names, const std::vector<ColumnType>& types) const;
    // Evaluates on every row of `table` (check() first; evaluate() repeats the checks it needs).
    Result<Value> evaluate(const Table& table) const;
    // The result as a column of `rows` rows: Numeric, Boolean or Categorical.
    static ColumnPtr toColumn(Value value, std::size_t rows);
    // Column names the formula reads, in order of appearance, without repeats.
    std::vector<std::string> columnsUsed() const;

private:
    std::string m_source;
    std::shared_ptr<const Node> m_root;
};

std::string_view valueTypeName(ValueType type);  // "a number", "true/false", "a string"

} // namespace preplab::formula
