// The before/after statistics of number columns (compareColumn): exact medians found through a fine
// histogram, checked against a plain sort on awkward data (ties, heavy skew, infinities, missing
// values, even and odd counts), the degenerate columns, and the per-column cache.
#include "app/desktop/charts/column_comparison.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace preplab;
using namespace preplab::desktop;

namespace {

// numpy.median of the finite values, by sorting.
double sortedMedian(std::vector<double> v)
{
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }), v.end());
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

} // namespace

TEST_CASE("compareColumn: exact medians on skewed data with ties and infinities", "[app][charts]")
{
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> skewed(0.0, 2.0);
    for (std::size_t n : {1u, 2u, 3u, 10u, 1001u, 20000u, 20001u}) {
        std::vector<double> values(n);
        for (std::size_t i = 0; i < n; ++i)
            values[i] = i % 5 == 0 ? 3.0 : skewed(rng);  // a heavy tie inside a long right tail
        if (n > 10) {
            values[1] = INFINITY;  // ignored, as numpy's finite-value statistics do here
            values[2] = 1e12;      // one far outlier stretches the range: most values share few bins
        }
        INFO("n = " << n);
        auto column = Column::makeNumeric(values);
        const ColumnComparison c = compareColumn("x", column.get(), column.get());
        REQUIRE(c.afterSummary.median);
        CHECK(*c.afterSummary.median == sortedMedian(values));
        CHECK(*c.beforeSummary.median == *c.afterSummary.median);
    }
}

TEST_CASE("compareColumn: missing values, a constant column and an all-missing column", "[app][charts]")
{
    auto withMissing = Column::fromOptionals({4.0, std::nullopt, 1.0, 3.0, std::nullopt, 2.0});
    const ColumnComparison c = compareColumn("x", withMissing.get(), withMissing.get());
    CHECK(c.beforeSummary.count == 4);
    CHECK(c.beforeSummary.missing == 2);
    CHECK(*c.beforeSummary.median == 2.5);
    CHECK(*c.beforeSummary.mean == 2.5);
    CHECK_THAT(*c.beforeSummary.std, Catch::Matchers::WithinRel(std::sqrt(5.0 / 3.0), 1e-12));

    auto constant = Column::makeNumeric({7.0, 7.0, 7.0});
    const ColumnComparison k = compareColumn("k", constant.get(), constant.get());
    CHECK(*k.afterSummary.median == 7.0);
    CHECK(*k.afterSummary.std == 0.0);
    REQUIRE(k.edges.size() == 31);
    CHECK(k.edges.front() == 6.5);  // numpy widens a constant range by 0.5 each side
    CHECK(std::accumulate(k.after.begin(), k.after.end(), std::int64_t{0}) == 3);

    auto none = Column::fromOptionals({std::nullopt, std::nullopt});
    const ColumnComparison e = compareColumn("e", none.get(), none.get());
    CHECK(e.kind == ColumnComparison::Kind::Numeric);
    CHECK_FALSE(e.afterSummary.median);
    CHECK(e.afterSummary.missing == 2);
    CHECK(e.edges.empty());
}

TEST_CASE("compareColumn: the cache gives the same figures for a column it holds", "[app][charts]")
{
    ComparisonCache cache;
    ColumnPtr before = Column::fromOptionals({1.0, std::nullopt, 5.0, 2.0});
    ColumnPtr after = Column::makeNumeric({1.0, 3.0, 5.0, 2.0});
    const ColumnComparison first = compareColumn("x", before, after, cache);
    REQUIRE(cache.find(before.get()));
    const ColumnComparison second = compareColumn("x", before, after, cache);
    CHECK(second.before == first.before);
    CHECK(second.after == first.after);
    CHECK(second.edges == first.edges);
    CHECK(*second.beforeSummary.median == 2.0);
    CHECK(*second.afterSummary.median == 2.5);
    CHECK_FALSE(cache.find(nullptr));

    // The input asked for at every parameter change stays while new outputs come and go.
    for (int i = 0; i < 6; ++i) {
        ColumnPtr next = Column::makeNumeric({double(i), 1.0, 2.0});
        (void)compareColumn("x", before, next, cache);
    }
    CHECK(cache.find(before.get()));
    CHECK_FALSE(cache.find(after.get()));
}
