#include "app/desktop/charts/column_comparison.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace preplab::desktop {
namespace {

// Finite present values of a number-valued column.
std::vector<double> finiteValues(const Column& column)
{
    std::vector<double> out;
    out.reserve(column.size() - column.missingCount());
    for (std::size_t i = 0; i < column.size(); ++i) {
        if (column.isMissing(i))
            continue;
        const double v = column.number(i);
        if (std::isfinite(v))
            out.push_back(v);
    }
    return out;
}

// count and missing over all rows; mean, std (n-1), min, median, max over present finite values.
SideSummary summarise(const Column* column, std::vector<double>* values)
{
    SideSummary s;
    if (!column)
        return s;
    s.exists = true;
    s.type = column->type();
    s.missing = static_cast<std::int64_t>(column->missingCount());
    s.count = static_cast<std::int64_t>(column->size()) - s.missing;
    if (!values || values->empty())
        return s;
    std::vector<double>& v = *values;
    double sum = 0;
    for (double x : v)
        sum += x;
    const double mean = sum / double(v.size());
    double ss = 0;
    for (double x : v)
        ss += (x - mean) * (x - mean);
    s.mean = mean;
    if (v.size() > 1)
        s.std = std::sqrt(ss / double(v.size() - 1));
    auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    s.min = *lo;
    s.max = *hi;
    std::vector<double> sorted = v;
    const std::size_t mid = sorted.size() / 2;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(mid), sorted.end());
    double median = sorted[mid];
    if (sorted.size() % 2 == 0)
        median = (median + *std::max_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(mid))) / 2;
    s.median = median;
    return s;
}

// numpy.histogram's binning on shared edges: bin i holds [e_i, e_{i+1}), the last bin is closed.
std::vector<std::int64_t> binCounts(const std::vector<double>& values, double lo, double hi, int bins)
{
    std::vector<std::int64_t> counts(static_cast<std::size_t>(bins), 0);
    const double width = (hi - lo) / bins;
    for (double v : values) {
        int b = static_cast<int>((v - lo) / width);
        b = std::clamp(b, 0, bins - 1);
        ++counts[static_cast<std::size_t>(b)];
    }
    return counts;
}

void countCategories(const Column& column, std::unordered_map<std::string, std::int64_t>& counts)
{
    for (std::size_t i = 0; i < column.size(); ++i)
        if (column.isValid(i))
            ++counts[column.format(i)];
}

} // namespace

ColumnComparison compareColumn(const std::string& name, const Column* before, const Column* after, int bins,
                               int maxCategories)
{
    ColumnComparison out;
    out.column = name;
    const Column* any = after ? after : before;
    if (!any)
        return out;
    const bool numeric = (!before || hasNumberValue(before->type())) && (!after || hasNumberValue(after->type()))
                         && any->type() != ColumnType::Boolean;
    if (numeric) {
        out.kind = ColumnComparison::Kind::Numeric;
        out.datetime = any->type() == ColumnType::Datetime;
        std::vector<double> b = before ? finiteValues(*before) : std::vector<double>{};
        std::vector<double> a = after ? finiteValues(*after) : std::vector<double>{};
        out.beforeSummary = summarise(before, &b);
        out.afterSummary = summarise(after, &a);
        double lo = INFINITY, hi = -INFINITY;
        for (const auto* side : {&b, &a}) {
            if (side->empty())
                continue;
            auto [mn, mx] = std::minmax_element(side->begin(), side->end());
            lo = std::min(lo, *mn);
            hi = std::max(hi, *mx);
        }
        if (!(lo <= hi))
            return out;  // nothing finite on either side: no bars
        if (lo == hi) {  // numpy: a constant range is widened by 0.5 on each side
            lo -= 0.5;
            hi += 0.5;
        }
        out.edges.resize(static_cast<std::size_t>(bins) + 1);
        for (int i = 0; i <= bins; ++i)
            out.edges[static_cast<std::size_t>(i)] = i == bins ? hi : lo + (hi - lo) * i / bins;
        out.before = before ? binCounts(b, lo, hi, bins) : std::vector<std::int64_t>(static_cast<std::size_t>(bins), 0);
        out.after = after ? binCounts(a, lo, hi, bins) : std::vector<std::int64_t>(static_cast<std::size_t>(bins), 0);
        return out;
    }
    out.kind = ColumnComparison::Kind::Categorical;
    out.beforeSummary = summarise(before, nullptr);
    out.afterSummary = summarise(after, nullptr);
    std::unordered_map<std::string, std::int64_t> cb, ca;
    if (before)
        countCategories(*before, cb);
    if (after)
        countCategories(*after, ca);
    std::map<std::string, std::int64_t> total;
    for (const auto& [k, v] : cb)
        total[k] += v;
    for (const auto& [k, v] : ca)
        total[k] += v;
    std::vector<std::pair<std::string, std::int64_t>> ranked(total.begin(), total.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    const std::size_t kept = std::min<std::size_t>(ranked.size(), static_cast<std::size_t>(maxCategories));
    std::int64_t otherBefore = 0, otherAfter = 0;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const std::string& key = ranked[i].first;
        const std::int64_t vb = cb.count(key) ? cb[key] : 0, va = ca.count(key) ? ca[key] : 0;
        if (i < kept) {
            out.categories.push_back(key);
            out.before.push_back(vb);
            out.after.push_back(va);
        } else {
            otherBefore += vb;
            otherAfter += va;
        }
    }
    if (ranked.size() > kept) {
        out.categories.push_back("(other)");
        out.before.push_back(otherBefore);
        out.after.push_back(otherAfter);
    }
    return out;
}

} // namespace preplab::desktop
