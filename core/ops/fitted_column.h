// fitted_column: small helpers the fitted ops (impute, scale, transform, clip_outliers,
// discretize and the encoders) share: reading a column's values on the fit rows, building the
// output columns, and writing numbers in report sentences.
#pragma once

#include "core/table/column.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace preplab::ops {

// Whether ascending row positions `rows` are every row of a table of `rowCount` rows (the fit rows
// when no split ran): lets a kernel read the column's arrays directly.
inline bool coversAllRows(const std::vector<std::size_t>& rows, std::size_t rowCount)
{
    return rows.size() == rowCount && (rowCount == 0 || (rows.front() == 0 && rows.back() == rowCount - 1));
}

// Present values of `column` (read through Column::number) on `rows`, in row order.
std::vector<double> presentValues(const Column& column, const std::vector<std::size_t>& rows);

// Every row as a double, NaN for missing (Column::toDoubles).
inline std::vector<double> valuesWithNaN(const Column& column) { return column.toDoubles(); }

// A Numeric column from doubles where NaN means missing.
ColumnPtr numericFromNaN(std::vector<double> values);
// numericFromNaN of f(x) for each present value x of a number column (Column::number), NaN for
// each missing one, in one pass: what a scaler's apply does.
template <class Fn>
ColumnPtr mapNumbers(const Column& column, Fn f)
{
    const std::size_t n = column.size();
    std::vector<double> out;
    out.reserve(n);  // written once: no zero fill first
    const std::uint8_t* valid = column.validMask().empty() ? nullptr : column.validMask().data();
    if (valid) {  // the mask is built in the same pass: present and not NaN (value 0 when missing)
        Column::Mask mask;
        mask.reserve(n);
        auto run = [&](const auto* values) {
            for (std::size_t i = 0; i < n; ++i) {
                const double y = valid[i] ? f(static_cast<double>(values[i])) : std::nan("");
                mask.push_back(y == y);
                out.push_back(y == y ? y : 0.0);
            }
        };
        column.withNumbers(run);
        return Column::makeNumeric(std::move(out), std::move(mask));
    }
    bool anyNaN = false;
    auto run = [&](const auto* values) {
        for (std::size_t i = 0; i < n; ++i) {
            const double y = f(static_cast<double>(values[i]));
            anyNaN |= y != y;
            out.push_back(y);
        }
    };
    column.withNumbers(run);
    if (!anyNaN)
        return Column::makeNumeric(std::move(out));
    return numericFromNaN(std::move(out));
}
// An Integer column from doubles that are whole numbers, NaN meaning missing.
ColumnPtr integerFromNaN(const std::vector<double>& values);

// Number for report sentences: 6 significant digits, no trailing zeros ("44.45", "0.000123457").
std::string readable(double value);
// "1 value" / "3 values"
std::string countOf(std::size_t n, const std::string& singular, const std::string& plural = {});
// "a, b and c"
std::string listOf(const std::vector<std::string>& items, std::size_t max = 6);

// Present distinct values of a categorical-like column (Categorical, Boolean, Text, Integer) on
// `rows` as text, sorted the way scikit-learn sorts categories: numerically for Integer and
// Boolean columns, by code point (byte) order for strings.
std::vector<std::string> sortedCategories(const Column& column, const std::vector<std::size_t>& rows);

} // namespace preplab::ops

namespace preplab::ops {

inline constexpr std::int32_t kMissingCategory = -2;
inline constexpr std::int32_t kUnseenCategory = -1;

// Per row, the position of the row's value (Column::format text) in `categories`, or
// kUnseenCategory, or kMissingCategory. Categorical columns map each dictionary entry once.
std::vector<std::int32_t> categoryPositions(const Column& column, const std::vector<std::string>& categories);

} // namespace preplab::ops
