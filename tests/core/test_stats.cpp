// Unit tests of the statistics kernels (core/stats/): hand-checked values, and values printed by
// pandas 1.5.3 / numpy 1.24.2 for the same small inputs (quoted next to each check).
#include "core/stats/correlation.h"
#include "core/stats/descriptive.h"
#include "core/stats/duplicate_rows.h"
#include "core/stats/frequency.h"
#include "core/stats/histogram.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>

using namespace preplab;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();
}

TEST_CASE("Stats: mean and pairwise sum", "[stats]")
{
    std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    CHECK(stats::pairwiseSum(v) == 55.0);
    CHECK(stats::mean(v) == 5.5);
    CHECK(std::isnan(stats::mean({})));
    CHECK(stats::mean(std::vector<double>{42.0}) == 42.0);
    // 0.1 * 1e6 summed pairwise stays far closer to 1e5 than a running sum does.
    std::vector<double> tenths(1000000, 0.1);
    CHECK_THAT(stats::pairwiseSum(tenths), WithinRel(100000.0, 1e-13));
}

TEST_CASE("Stats: sample variance and standard deviation (ddof = 1)", "[stats]")
{
    // deviations from the mean 5: -3 -1 -1 -1 0 0 2 4 -> sum of squares 32
    std::vector<double> v{2, 4, 4, 4, 5, 5, 7, 9};
    CHECK_THAT(stats::variance(v), WithinRel(32.0 / 7.0, 1e-15));
    CHECK_THAT(stats::standardDeviation(v), WithinRel(2.138089935299395, 1e-15));  // pandas .std()
    CHECK(stats::variance(v, 0) == 4.0);
    CHECK(std::isnan(stats::standardDeviation(std::vector<double>{3.0})));
    CHECK(std::isnan(stats::standardDeviation({})));
    CHECK(stats::standardDeviation(std::vector<double>{7, 7, 7}) == 0.0);
}

TEST_CASE("Stats: skewness is pandas' adjusted Fisher-Pearson G1", "[stats]")
{
    // mean 4, deviations -3 -2 -1 6: m2 = 50, m3 = 180, G1 = 4 sqrt(3) / 2 * 180 / 50^1.5
    std::vector<double> v{1, 2, 3, 10};
    CHECK_THAT(stats::skewness(v), WithinRel(2.0 * std::sqrt(3.0) * 180.0 / std::pow(50.0, 1.5), 1e-14));
    CHECK_THAT(stats::skewness(v), WithinRel(1.763632614803888, 1e-14));  // pandas .skew()
    CHECK(std::isnan(stats::skewness(std::vector<double>{1, 2})));
    CHECK(stats::skewness(std::vector<double>{5, 5, 5}) == 0.0);
    // m2 below 1e-14 is floating-point noise for pandas: skewness 0.
    CHECK(stats::skewness(std::vector<double>{0, 1e-8, 3e-8}) == 0.0);
    CHECK_THAT(stats::skewness(std::vector<double>{1, 2, 3}), WithinAbs(0.0, 1e-15));
}

TEST_CASE("Stats: moments() agrees with mean, variance and skewness", "[stats]")
{
    std::mt19937_64 rng(11);
    std::lognormal_distribution<double> skewed(3.0, 0.8);
    for (std::size_t n : {0u, 1u, 2u, 3u, 7u, 100u, 129u, 5000u}) {
        std::vector<double> v(n);
        for (auto& x : v)
            x = skewed(rng);
        const auto m = stats::moments(v);
        INFO("n = " << n);
        CHECK(m.n == static_cast<std::int64_t>(n));
        if (n == 0) {
            CHECK(std::isnan(m.mean));
            continue;
        }
        CHECK(m.mean == stats::mean(v));
        if (n < 2) {
            CHECK(std::isnan(m.variance));
        } else {
            CHECK_THAT(m.variance, WithinRel(stats::variance(v), 1e-13));
        }
        if (n < 3) {
            CHECK(std::isnan(m.skewness));
        } else {
            CHECK(m.skewness == stats::skewness(v));  // the same pairwise sums, bit for bit
        }
    }
    CHECK(stats::moments(std::vector<double>{4, 4, 4, 4}).skewness == 0.0);
}

TEST_CASE("Stats: quantiles use numpy's linear interpolation", "[stats]")
{
    std::vector<double> sorted{1, 2, 3, 4};
    CHECK(stats::quantileSorted(sorted, 0.25) == 1.75);
    CHECK(stats::quantileSorted(sorted, 0.5) == 2.5);
    CHECK(stats::quantileSorted(sorted, 0.75) == 3.25);
    CHECK(stats::quantileSorted(sorted, 0.0) == 1.0);
    CHECK(stats::quantileSorted(sorted, 1.0) == 4.0);
    CHECK(stats::quantileSorted(std::vector<double>{7}, 0.25) == 7.0);
    CHECK(std::isnan(stats::quantileSorted({}, 0.5)));
    // numpy.percentile([3,1,4,1,5,9,2,6], [25,50,75]) = [1.75, 3.5, 5.25]
    std::vector<double> unsorted{3, 1, 4, 1, 5, 9, 2, 6};
    CHECK(stats::quantile(unsorted, 0.25) == 1.75);
    CHECK(stats::quantile(unsorted, 0.5) == 3.5);
    CHECK(stats::quantile(unsorted, 0.75) == 5.25);
    // float(numpy.percentile([0.1, 0.2, 0.7], 75)) = 0.44999999999999996, to the last bit
    CHECK(stats::quantileSorted(std::vector<double>{0.1, 0.2, 0.7}, 0.75) == 0.44999999999999996);
}

TEST_CASE("Stats: radix sort orders like std::sort, folds -0 into 0", "[stats]")
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal(0.0, 1e3);
    std::vector<double> v(5000);
    for (auto& x : v)
        x = normal(rng);
    v[10] = -0.0;
    v[11] = 0.0;
    v[12] = std::numeric_limits<double>::infinity();
    v[13] = -std::numeric_limits<double>::infinity();
    v[14] = std::numeric_limits<double>::denorm_min();
    auto expected = v;
    std::sort(expected.begin(), expected.end());
    stats::sortValues(v);
    CHECK(v == expected);
    CHECK_FALSE(std::signbit(v[static_cast<std::size_t>(std::find(v.begin(), v.end(), 0.0) - v.begin())]));
    std::vector<double> small{3, -1, 2};
    stats::sortValues(small);
    CHECK(small == std::vector<double>{-1, 2, 3});
    std::vector<double> ints(3000);
    for (std::size_t i = 0; i < ints.size(); ++i)
        ints[i] = static_cast<double>((i * 7919) % 100);
    stats::sortValues(ints);
    CHECK(std::is_sorted(ints.begin(), ints.end()));
    CHECK(stats::countEqualSorted(ints, 0.0) == 30);
    CHECK(stats::countOutsideSorted(ints, 10.0, 89.0) == 600);
}

TEST_CASE("Stats: histogram matches numpy.histogram(bins='auto')", "[stats]")
{
    // numpy: counts [1, 2, 0, 3, 4], edges [1, 1.6, 2.2, 2.8, 3.4, 4]
    std::vector<double> v{1, 2, 2, 3, 3, 3, 4, 4, 4, 4};
    auto h = stats::histogramSorted(v);
    REQUIRE(h.counts.size() == 5);
    CHECK(h.counts == std::vector<std::int64_t>{1, 2, 0, 3, 4});
    CHECK_THAT(h.edges[1], WithinRel(1.6, 1e-15));
    CHECK(h.edges.back() == 4.0);
    // numpy: 21 bins for [0..10, 100]; PrepLab caps at maxBins
    std::vector<double> tail{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100};
    CHECK(stats::autoBinCount(tail) == 21);
    CHECK(stats::autoBinCount(tail, 10) == 10);
    auto capped = stats::histogramSorted(tail, 0, 10);
    CHECK(capped.counts.size() == 10);
    CHECK(capped.counts.front() == 10);  // [0, 10) holds 0..9; 10 falls in [10, 20)
    CHECK(capped.counts[1] == 1);
    CHECK(capped.counts.back() == 1);
    // constant: numpy gives one bin [v - 0.5, v + 0.5]
    auto constant = stats::histogramSorted(std::vector<double>{5, 5, 5});
    CHECK(constant.edges == std::vector<double>{4.5, 5.5});
    CHECK(constant.counts == std::vector<std::int64_t>{3});
    CHECK(stats::histogramSorted({}).counts.empty());
    // numpy: 11 bins for (0..999)^2
    std::vector<double> squares(1000);
    for (std::size_t i = 0; i < squares.size(); ++i)
        squares[i] = static_cast<double>(i * i);
    CHECK(stats::autoBinCount(squares) == 11);
}

TEST_CASE("Stats: Pearson correlation over pairwise-complete rows", "[stats]")
{
    std::vector<double> x{1, 2, 3, 4, 5}, y{2, 4, 5, 4, 5};
    CHECK_THAT(stats::pearson(x, y), WithinRel(0.7745966692414834, 1e-14));  // pandas Series.corr
    // pandas DataFrame({'x': [1,2,None,4,5,6], 'y': [2,None,5,4,5,1]}).corr() -> 0.08451542547285164
    std::vector<double> a{1, 2, kNaN, 4, 5, 6}, b{2, kNaN, 5, 4, 5, 1};
    CHECK_THAT(stats::pearson(a, b), WithinRel(0.08451542547285164, 1e-13));
    CHECK(std::isnan(stats::pearson(std::vector<double>{1, 2, 3}, std::vector<double>{4, 4, 4})));
    CHECK(std::isnan(stats::pearson(std::vector<double>{1}, std::vector<double>{2})));

    auto ca = Column::fromOptionals({1, 2, std::nullopt, 4, 5, 6});
    auto cb = Column::fromOptionals({2, std::nullopt, 5, 4, 5, 1});
    auto cc = Column::makeInteger({10, 20, 30, 40, 50, 60});
    auto cd = Column::makeInteger({7, 7, 7, 7, 7, 7});
    auto m = stats::pearsonMatrix({ca.get(), cb.get(), cc.get(), cd.get()});
    REQUIRE(m.size() == 16);
    CHECK_THAT(m[0 * 4 + 1], WithinRel(0.08451542547285164, 1e-12));
    CHECK_THAT(m[1 * 4 + 0], WithinRel(0.08451542547285164, 1e-12));
    CHECK_THAT(m[0 * 4 + 2], WithinRel(1.0, 1e-12));  // a and c are proportional where a is present
    CHECK_THAT(m[1 * 4 + 2], WithinRel(stats::pearson(std::vector<double>{2, 5, 4, 5, 1},
                                                      std::vector<double>{10, 30, 40, 50, 60}),
                                       1e-12));
    CHECK(m[0] == 1.0);
    CHECK(std::isnan(m[3 * 4 + 3]));
    CHECK(std::isnan(m[0 * 4 + 3]));
}

TEST_CASE("Stats: pearsonMatrix agrees with pearson on a large table with gaps", "[stats]")
{
    std::mt19937_64 rng(3);
    std::normal_distribution<double> normal(1000.0, 5.0);
    const std::size_t n = 50000;
    std::vector<double> x(n), y(n);
    Column::Mask mx(n, 1), my(n, 1);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = normal(rng);
        y[i] = 0.3 * x[i] + normal(rng);
        if (i % 7 == 0)
            mx[i] = 0;
        if (i % 11 == 0)
            my[i] = 0;
    }
    auto cx = Column::makeNumeric(x, mx), cy = Column::makeNumeric(y, my);
    auto m = stats::pearsonMatrix({cx.get(), cy.get()});
    CHECK_THAT(m[1], WithinRel(stats::pearson(cx->toDoubles(), cy->toDoubles()), 1e-11));
}

TEST_CASE("Stats: value frequencies and distinct counts", "[stats]")
{
    std::vector<double> sorted{1, 1, 2, 3, 3, 3, 4};
    auto f = stats::numberFrequenciesSorted(sorted, 2);
    CHECK(f.distinct == 4);
    REQUIRE(f.top.size() == 2);
    CHECK(f.top[0].value == 3.0);
    CHECK(f.top[0].count == 3);
    CHECK(f.top[1].value == 1.0);
    CHECK(f.least.value == 4.0);
    CHECK(f.least.count == 1);

    auto cat = Column::fromStrings({"b", "a", std::nullopt, "b", "c", "a", "12"});
    auto tf = stats::textFrequencies(*cat, 10);
    CHECK(tf.distinct == 4);
    REQUIRE(tf.top.size() == 4);
    CHECK(tf.top[0].value == "a");  // ties (a, b: 2 each) in ascending order
    CHECK(tf.top[1].value == "b");
    CHECK(tf.top[3].value == "c");
    CHECK(tf.numberLike == 1);
    CHECK(tf.least.value == "c");

    std::vector<std::optional<std::string>> cells;
    for (int i = 0; i < 5000; ++i)
        cells.push_back(i % 3 == 0 ? std::optional<std::string>() : std::to_string(i % 1000));
    auto text = Column::fromStrings(cells, ColumnType::Text);
    auto tt = stats::textFrequencies(*text, 3);
    CHECK(tt.distinct == 1000);  // every residue r has some i = r + 1000k that is not a multiple of 3
    CHECK(tt.numberLike == 3333);
    REQUIRE(tt.top.size() == 3);
    CHECK(tt.top[0].count == 4);
    CHECK(stats::textFrequencies(*Column::fromStrings({}, ColumnType::Text), 5).distinct == 0);

    CHECK(stats::looksLikeNumber(" -3.5e2 "));
    CHECK(stats::looksLikeNumber("+7"));
    CHECK_FALSE(stats::looksLikeNumber("12 kg"));
    CHECK_FALSE(stats::looksLikeNumber(""));
}

TEST_CASE("Stats: text frequencies on large columns (partitioned counting) match a plain count", "[stats]")
{
    std::mt19937_64 rng(5);
    for (std::size_t cardinality : {std::size_t{300}, std::size_t{30000}, std::size_t{10000000}}) {
        std::vector<std::optional<std::string>> cells;
        std::map<std::string, std::int64_t> expected;
        for (std::size_t i = 0; i < 100000; ++i) {
            if (rng() % 50 == 0) {
                cells.emplace_back();
                continue;
            }
            std::string v = std::string("k").append(std::to_string(rng() % cardinality));
            ++expected[v];
            cells.emplace_back(std::move(v));
        }
        auto column = Column::fromStrings(cells, ColumnType::Text);
        auto f = stats::textFrequencies(*column, 5);
        INFO("cardinality " << cardinality);
        CHECK(f.distinct == static_cast<std::int64_t>(expected.size()));
        std::vector<std::pair<std::int64_t, std::string>> ranked;
        for (const auto& [v, c] : expected)
            ranked.emplace_back(-c, v);
        std::sort(ranked.begin(), ranked.end());
        REQUIRE(f.top.size() == 5);
        for (std::size_t i = 0; i < 5; ++i) {
            CHECK(f.top[i].value == ranked[i].second);
            CHECK(f.top[i].count == -ranked[i].first);
        }
        CHECK(f.least.count == -ranked.back().first);
        CHECK(f.numberLike == 0);
    }
}

TEST_CASE("Stats: sortValues takes the counting and the radix path alike", "[stats]")
{
    std::mt19937_64 rng(9);
    for (std::int64_t range : {std::int64_t{2}, std::int64_t{1000}, std::int64_t{1} << 40}) {
        std::vector<double> v(20000);
        for (auto& x : v)
            x = static_cast<double>(static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(range)) - range / 2);
        auto expected = v;
        std::sort(expected.begin(), expected.end());
        std::vector<double> scratch;
        stats::sortValues(v, scratch);
        CHECK(v == expected);
    }
}

TEST_CASE("Stats: duplicate rows as pandas duplicated()", "[stats]")
{
    Table t;
    REQUIRE(t.addColumn("a", Column::fromOptionals({1, 1, std::nullopt, std::nullopt, 2, -0.0, 0.0})).ok());
    REQUIRE(t.addColumn("b", Column::fromStrings({"x", "x", "y", "y", "x", "z", "z"})).ok());
    auto flags = stats::duplicatedRows(t);
    CHECK(flags == std::vector<bool>{false, true, false, true, false, false, true});
    CHECK(stats::countDuplicateRows(t) == 3);
    Table empty;
    CHECK(stats::countDuplicateRows(empty) == 0);
}

TEST_CASE("Stats: duplicate rows of a large table match a plain set of rows", "[stats]")
{
    // 200000 rows drawn from about 16000 distinct ones, with missing cells and booleans.
    std::mt19937_64 rng(11);
    const std::size_t rows = 200000;
    std::vector<std::optional<double>> x(rows);
    std::vector<std::int64_t> flag(rows);
    std::vector<std::optional<std::string>> label(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::uint64_t r = rng();
        x[i] = r % 17 == 0 ? std::nullopt : std::optional<double>(static_cast<double>(r % 100) / 4.0);
        flag[i] = static_cast<std::int64_t>((r >> 20) % 2);
        label[i] = std::string("k").append(std::to_string((r >> 30) % 80));
    }
    Table t;
    REQUIRE(t.addColumn("x", Column::fromOptionals(x)).ok());
    REQUIRE(t.addColumn("flag", Column::makeBooleanFromInts(flag)).ok());
    REQUIRE(t.addColumn("label", Column::fromStrings(label, ColumnType::Text)).ok());
    std::set<std::string> seen;
    std::vector<bool> expected(rows);
    for (std::size_t i = 0; i < rows; ++i)
        expected[i] = !seen.insert(t.column(0).format(i) + "|" + t.column(1).format(i) + "|" + *label[i]).second;
    const auto flags = stats::duplicatedRows(t);
    CHECK(flags == expected);
    CHECK(stats::countDuplicateRows(t) == std::count(expected.begin(), expected.end(), true));
    CHECK(seen.size() > 10000);
}
