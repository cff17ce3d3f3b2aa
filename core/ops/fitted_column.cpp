#include "core/ops/fitted_column.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>

namespace preplab::ops {

std::vector<double> presentValues(const Column& column, const std::vector<std::size_t>& rows)
{
    std::vector<double> out;
    out.reserve(rows.size());
    const std::uint8_t* valid = column.validMask().empty() ? nullptr : column.validMask().data();
    auto take = [&](const auto* values) {
        if (coversAllRows(rows, column.size())) {
            for (std::size_t r = 0; r < rows.size(); ++r)
                if (!valid || valid[r]) {
                    const auto v = static_cast<double>(values[r]);
                    if (!std::isnan(v))
                        out.push_back(v);
                }
            return;
        }
        for (std::size_t r : rows)
            if (!valid || valid[r]) {
                const auto v = static_cast<double>(values[r]);
                if (!std::isnan(v))
                    out.push_back(v);
            }
    };
    if (hasNumberValue(column.type()))
        column.withNumbers(take);
    return out;
}

ColumnPtr numericFromNaN(std::vector<double> values)
{
    Column::Mask mask;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (std::isnan(values[i])) {
            if (mask.empty())
                mask.assign(values.size(), 1);
            mask[i] = 0;
            values[i] = 0.0;
        }
    return Column::makeNumeric(std::move(values), std::move(mask));
}

ColumnPtr integerFromNaN(const std::vector<double>& values)
{
    std::vector<std::int64_t> ints(values.size(), 0);
    Column::Mask mask;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isnan(values[i])) {
            if (mask.empty())
                mask.assign(values.size(), 1);
            mask[i] = 0;
        } else {
            ints[i] = static_cast<std::int64_t>(values[i]);
        }
    }
    return Column::makeInteger(std::move(ints), std::move(mask));
}

std::string readable(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", value);
    return buf;
}

std::string countOf(std::size_t n, const std::string& singular, const std::string& plural)
{
    return std::to_string(n) + " " + (n == 1 ? singular : (plural.empty() ? singular + "s" : plural));
}

std::string listOf(const std::vector<std::string>& items, std::size_t max)
{
    std::string out;
    const std::size_t shown = std::min(items.size(), max);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0)
            out += (i + 1 == items.size()) ? " and " : ", ";
        out += items[i];
    }
    if (items.size() > shown)
        out += " and " + std::to_string(items.size() - shown) + " more";
    return out;
}

std::vector<std::string> sortedCategories(const Column& column, const std::vector<std::size_t>& rows)
{
    if (hasNumberValue(column.type())) {
        std::set<double> seen;
        for (std::size_t r : rows)
            if (column.isValid(r))
                seen.insert(column.number(r));
        std::vector<std::string> out;
        for (double v : seen)
            out.push_back(column.type() == ColumnType::Boolean ? (v != 0 ? "true" : "false") : formatDouble(v));
        return out;
    }
    std::set<std::string> seen;
    if (column.type() == ColumnType::Categorical) {
        std::vector<std::uint8_t> used(column.categories().size(), 0);
        for (std::size_t r : rows)
            if (column.isValid(r))
                used[column.codes()[r]] = 1;
        for (std::size_t c = 0; c < used.size(); ++c)
            if (used[c])
                seen.insert(column.categories()[c]);
    } else {
        for (std::size_t r : rows)
            if (column.isValid(r))
                seen.emplace(column.text(r));
    }
    return {seen.begin(), seen.end()};
}

} // namespace preplab::ops

namespace preplab::ops {

std::vector<std::int32_t> categoryPositions(const Column& column, const std::vector<std::string>& categories)
{
    std::unordered_map<std::string, std::int32_t> index;
    for (std::size_t i = 0; i < categories.size(); ++i)
        index.emplace(categories[i], static_cast<std::int32_t>(i));
    const std::size_t n = column.size();
    std::vector<std::int32_t> out(n, kMissingCategory);
    if (column.type() == ColumnType::Categorical) {
        std::vector<std::int32_t> byCode(column.categories().size());
        for (std::size_t c = 0; c < byCode.size(); ++c) {
            auto it = index.find(column.categories()[c]);
            byCode[c] = it == index.end() ? kUnseenCategory : it->second;
        }
        const auto& codes = column.codes();
        for (std::size_t i = 0; i < n; ++i)
            if (column.isValid(i))
                out[i] = byCode[codes[i]];
        return out;
    }
    for (std::size_t i = 0; i < n; ++i)
        if (column.isValid(i)) {
            auto it = index.find(column.format(i));
            out[i] = it == index.end() ? kUnseenCategory : it->second;
        }
    return out;
}

} // namespace preplab::ops
