#include "app/desktop/charts/column_comparison.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace preplab::desktop {
namespace {

using Entry = ComparisonCache::Entry;

// Calls f(x) for every present finite value of a number-valued column, in row order, straight
// from its storage (a tight loop per storage kind rather than a type test per cell).
template <class F>
void forEachFinite(const Column& c, F&& f)
{
    const Column::Mask& valid = c.validMask();
    const std::size_t n = c.size();
    if (c.type() == ColumnType::Numeric) {
        const double* d = c.doubles().data();
        for (std::size_t i = 0; i < n; ++i)
            if ((valid.empty() || valid[i]) && std::isfinite(d[i]))
                f(d[i]);
    } else {
        auto each = [&](const auto* v) {
            for (std::size_t i = 0; i < n; ++i)
                if (valid.empty() || valid[i])
                    f(static_cast<double>(v[i]));
        };
        if (c.oneByte())
            each(c.bytes().data());
        else
            each(c.ints().data());
    }
}

// count and missing over all rows; mean, std (n-1), min, median, max and the range over present
// finite values. Sums run in row order. The median is exact without sorting a copy of the column:
// a fine histogram finds the bin(s) holding the middle rank(s), and only their values are selected.
Entry summariseNumbers(const ColumnPtr& column)
{
    Entry e;
    e.column = column;
    e.lo = INFINITY;
    e.hi = -INFINITY;
    SideSummary& s = e.summary;
    s.exists = true;
    s.type = column->type();
    s.missing = static_cast<std::int64_t>(column->missingCount());
    s.count = static_cast<std::int64_t>(column->size()) - s.missing;
    const Column& c = *column;
    std::size_t n = 0;
    double sum = 0, lo = INFINITY, hi = -INFINITY;
    forEachFinite(c, [&](double x) {
        ++n;
        sum += x;
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    });
    if (n == 0)
        return e;
    const double mean = sum / double(n);
    constexpr std::size_t kFine = 4096;
    const double scale = hi > lo ? double(kFine) / (hi - lo) : 0.0;
    auto fineBin = [&](double x) { return std::min(static_cast<std::size_t>((x - lo) * scale), kFine - 1); };
    std::vector<std::size_t> fine(kFine, 0);
    double ss = 0;
    forEachFinite(c, [&](double x) {
        ss += (x - mean) * (x - mean);
        ++fine[fineBin(x)];
    });
    s.mean = mean;
    if (n > 1)
        s.std = std::sqrt(ss / double(n - 1));
    s.min = e.lo = lo;
    s.max = e.hi = hi;

    const std::size_t upper = n / 2, lower = n % 2 ? upper : upper - 1;  // the middle rank(s), 0-based
    std::size_t first = 0, before = 0;  // first bin holding rank `lower`; values in the bins below it
    while (before + fine[first] <= lower)
        before += fine[first++];
    std::size_t last = first, through = before + fine[first];
    while (through <= upper)
        through += fine[++last];
    std::vector<double> middle;
    middle.reserve(through - before);
    forEachFinite(c, [&](double x) {
        const std::size_t b = fineBin(x);
        if (b >= first && b <= last)
            middle.push_back(x);
    });
    const std::size_t at = upper - before;
    std::nth_element(middle.begin(), middle.begin() + static_cast<std::ptrdiff_t>(at), middle.end());
    double median = middle[at];
    if (n % 2 == 0)
        median = (median + *std::max_element(middle.begin(), middle.begin() + static_cast<std::ptrdiff_t>(at))) / 2;
    s.median = median;
    return e;
}

SideSummary summariseOther(const Column* column)
{
    SideSummary s;
    if (!column)
        return s;
    s.exists = true;
    s.type = column->type();
    s.missing = static_cast<std::int64_t>(column->missingCount());
    s.count = static_cast<std::int64_t>(column->size()) - s.missing;
    return s;
}

// numpy.histogram's binning on shared edges: bin i holds [e_i, e_{i+1}), the last bin is closed.
std::vector<std::int64_t> binCounts(const Column* column, double lo, double hi, int bins)
{
    std::vector<std::int64_t> counts(static_cast<std::size_t>(bins), 0);
    if (!column)
        return counts;
    const double width = (hi - lo) / bins;
    forEachFinite(*column, [&](double v) {
        const int b = std::clamp(static_cast<int>((v - lo) / width), 0, bins - 1);
        ++counts[static_cast<std::size_t>(b)];
    });
    return counts;
}

void countCategories(const Column& column, std::unordered_map<std::string, std::int64_t>& counts)
{
    for (std::size_t i = 0; i < column.size(); ++i)
        if (column.isValid(i))
            ++counts[column.format(i)];
}

} // namespace

namespace {

Entry numbersOf(const ColumnPtr& column, ComparisonCache* cache)
{
    if (cache)
        if (auto hit = cache->find(column.get()))
            return *hit;
    Entry e = summariseNumbers(column);
    if (cache)
        cache->insert(e);
    return e;
}

ColumnComparison compare(const std::string& name, const ColumnPtr& before, const ColumnPtr& after, int bins,
                         int maxCategories, ComparisonCache* cache)
{
    ColumnComparison out;
    out.column = name;
    const Column* any = after ? after.get() : before.get();
    if (!any)
        return out;
    const bool numeric = (!before || hasNumberValue(before->type())) && (!after || hasNumberValue(after->type()))
                         && any->type() != ColumnType::Boolean;
    if (numeric) {
        out.kind = ColumnComparison::Kind::Numeric;
        out.datetime = any->type() == ColumnType::Datetime;
        double lo = INFINITY, hi = -INFINITY;
        for (const auto& [column, summary] : {std::pair{&before, &out.beforeSummary}, std::pair{&after, &out.afterSummary}}) {
            if (!*column)
                continue;
            const Entry e = numbersOf(*column, cache);
            *summary = e.summary;
            if (e.lo <= e.hi) {
                lo = std::min(lo, e.lo);
                hi = std::max(hi, e.hi);
            }
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
        out.before = binCounts(before.get(), lo, hi, bins);
        out.after = binCounts(after.get(), lo, hi, bins);
        return out;
    }
    out.kind = ColumnComparison::Kind::Categorical;
    out.beforeSummary = summariseOther(before.get());
    out.afterSummary = summariseOther(after.get());
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

} // namespace

std::optional<ComparisonCache::Entry> ComparisonCache::find(const Column* column)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->column.get() != column)
            continue;
        // Most recently used last: a step's input, asked for at every change, stays.
        std::rotate(it, it + 1, m_entries.end());
        return m_entries.back();
    }
    return std::nullopt;
}

void ComparisonCache::insert(Entry entry)
{
    std::lock_guard lock(m_mutex);
    if (m_entries.size() >= 4)
        m_entries.erase(m_entries.begin());
    m_entries.push_back(std::move(entry));
}

ColumnComparison compareColumn(const std::string& name, const Column* before, const Column* after, int bins,
                               int maxCategories)
{
    // Borrowed, not owned: the comparison does not outlive the call.
    const auto borrow = [](const Column* c) { return c ? ColumnPtr(c, [](const Column*) {}) : ColumnPtr(); };
    return compare(name, borrow(before), borrow(after), bins, maxCategories, nullptr);
}

ColumnComparison compareColumn(const std::string& name, const ColumnPtr& before, const ColumnPtr& after,
                               ComparisonCache& cache, int bins, int maxCategories)
{
    return compare(name, before, after, bins, maxCategories, &cache);
}

} // namespace preplab::desktop
