// Decimation kernels (core/stats/decimation.h): LTTB picks checked by hand on a small series,
// the row sample's determinism and uniformity, and 2-D binning against numpy.histogram2d
// (tests/data/stats/density_reference.json, written by tests/tools/gen_decimation_reference.py).
#include "core/io/reader.h"
#include "core/stats/decimation.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <set>

using namespace preplab;
using namespace preplab::stats;

TEST_CASE("LTTB: hand-checked picks on a 7-point series", "[stats][decimation]")
{
    // Buckets of 2.5 points: {1, 2} and {3, 4, 5}. Bucket 1 against (0,0) and the mean of the
    // next bucket (4, 11/3): twice the areas are 16.33 for point 1 and 3.33 for point 2. Bucket 2
    // against point 1 (1,5) and the last point (6,0): 10 (point 3), 30 (point 4), 5 (point 5).
    const std::vector<double> x = {0, 1, 2, 3, 4, 5, 6};
    const std::vector<double> y = {0, 5, 1, 1, 8, 2, 0};
    CHECK(lttbIndices(x, y, 4) == std::vector<std::size_t>{0, 1, 4, 6});
    // Three buckets of 5/3 points: {1}, {2, 3}, {4, 5}. Point 1 is alone; against (1,5) and the
    // mean of {4, 5} (4.5, 5): point 2 gives |(1-4.5)(1-5) - (1-2)(5-5)| = 14, point 3 gives 14
    // too: the first of equal areas wins; then point 4 (|(2-6)(8-1) - (2-4)(0-1)| = 30) beats 5.
    CHECK(lttbIndices(x, y, 5) == std::vector<std::size_t>{0, 1, 2, 4, 6});
}

TEST_CASE("LTTB: degenerate inputs and budgets", "[stats][decimation]")
{
    const std::vector<double> none;
    CHECK(lttbIndices(none, none, 10).empty());
    const std::vector<double> one = {3.0};
    CHECK(lttbIndices(one, one, 10) == std::vector<std::size_t>{0});
    CHECK(lttbIndices(one, one, 1) == std::vector<std::size_t>{0});
    const std::vector<double> x = {0, 1, 2, 3, 4};
    const std::vector<double> flat = {7, 7, 7, 7, 7};
    CHECK(lttbIndices(x, flat, 5) == std::vector<std::size_t>{0, 1, 2, 3, 4});
    CHECK(lttbIndices(x, flat, 2) == std::vector<std::size_t>{0, 4});
    CHECK(lttbIndices(x, flat, 0) == std::vector<std::size_t>{0, 4});
    // A constant series keeps the first point of each bucket (all areas are 0).
    CHECK(lttbIndices(x, flat, 3) == std::vector<std::size_t>{0, 1, 4});
}

TEST_CASE("LTTB: a million-point series fits the budget and keeps its spike", "[stats][decimation]")
{
    const std::size_t n = 1'000'000;
    std::vector<double> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = static_cast<double>(i) * 0.001;
        y[i] = std::sin(static_cast<double>(i) * 1e-4);
    }
    y[654'321] = 25.0;  // a single spike must survive
    const auto kept = lttbIndices(x, y, 2000);
    REQUIRE(kept.size() == 2000);
    CHECK(kept.front() == 0);
    CHECK(kept.back() == n - 1);
    CHECK(std::is_sorted(kept.begin(), kept.end()));
    CHECK(std::adjacent_find(kept.begin(), kept.end()) == kept.end());
    CHECK(std::find(kept.begin(), kept.end(), 654'321u) != kept.end());
    double lo = 0, hi = 0;
    for (std::size_t i : kept) {
        lo = std::min(lo, y[i]);
        hi = std::max(hi, y[i]);
    }
    CHECK_THAT(hi, Catch::Matchers::WithinAbs(25.0, 0));
    CHECK_THAT(lo, Catch::Matchers::WithinAbs(-1.0, 2e-3));  // the troughs of the sine are kept
}

TEST_CASE("sampleRows: deterministic, distinct, ascending, uniform", "[stats][decimation]")
{
    CHECK(sampleRows(0, 5, 1).empty());
    CHECK(sampleRows(4, 10, 1) == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(sampleRows(4, 4, 1) == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(sampleRows(10, 0, 1).empty());
    CHECK(sampleRows(1, 1, 9) == std::vector<std::size_t>{0});

    const auto a = sampleRows(1'000'000, 3000, 42);
    REQUIRE(a.size() == 3000);
    CHECK(a == sampleRows(1'000'000, 3000, 42));
    CHECK(a != sampleRows(1'000'000, 3000, 43));
    CHECK(std::is_sorted(a.begin(), a.end()));
    CHECK(std::adjacent_find(a.begin(), a.end()) == a.end());
    CHECK(a.back() < 1'000'000);

    // Uniform: each row of 10 is drawn in 3/10 of 20,000 seeded samples of 3 (within 5 sigma).
    std::vector<int> hits(10, 0);
    for (std::uint64_t seed = 0; seed < 20'000; ++seed)
        for (std::size_t r : sampleRows(10, 3, seed))
            ++hits[r];
    const double expected = 20'000 * 0.3, sigma = std::sqrt(20'000 * 0.3 * 0.7);
    for (int h : hits)
        CHECK(std::abs(h - expected) < 5 * sigma);
}

TEST_CASE("binPairs: counts equal numpy.histogram2d on penguins", "[stats][decimation]")
{
    std::ifstream in(PREPLAB_TEST_DATA_DIR "/stats/density_reference.json");
    REQUIRE(in);
    const auto ref = nlohmann::json::parse(in);
    auto read = io::readTable(PREPLAB_SOURCE_DIR "/resources/samples/penguins.csv");
    REQUIRE(read);
    const Table& table = read->table;
    for (const auto& c : ref["cases"]) {
        INFO(c["x"].get<std::string>() << " vs " << c["y"].get<std::string>());
        const Column* x = table.find(c["x"].get<std::string>());
        const Column* y = table.find(c["y"].get<std::string>());
        REQUIRE(x);
        REQUIRE(y);
        GridSpec spec;
        spec.columns = c["columns"];
        spec.rows = c["rows"];
        spec.xMin = c["x_range"][0];
        spec.xMax = c["x_range"][1];
        spec.yMin = c["y_range"][0];
        spec.yMax = c["y_range"][1];
        const DensityGrid grid = binPairs(*x, *y, spec);
        CHECK(grid.missingPairs == c["missing_pairs"].get<std::int64_t>());
        CHECK(grid.binned == c["binned"].get<std::int64_t>());
        CHECK(grid.outsidePairs == c["outside_pairs"].get<std::int64_t>());
        CHECK(grid.binned + grid.missingPairs + grid.outsidePairs == static_cast<std::int64_t>(table.rowCount()));
        CHECK(std::accumulate(grid.counts.begin(), grid.counts.end(), std::int64_t{0}) == grid.binned);
        std::int64_t peak = 0;
        for (int r = 0; r < grid.rows; ++r)
            for (int col = 0; col < grid.columns; ++col) {
                INFO("cell (" << col << ", " << r << ")");
                CHECK(grid.at(col, r) == c["counts"][r][col].get<std::int64_t>());
                peak = std::max(peak, grid.at(col, r));
            }
        CHECK(grid.maxCount == peak);
    }
}

TEST_CASE("binPairs: missing pairs skipped and counted; degenerate inputs", "[stats][decimation]")
{
    const auto x = Column::fromOptionals({1.0, std::nullopt, 3.0, 4.0, std::nullopt, 2.0, NAN});
    const auto y = Column::fromOptionals({1.0, 2.0, std::nullopt, 4.0, std::nullopt, 2.0, 1.0});
    GridSpec spec;
    spec.columns = 3;
    spec.rows = 3;
    spec.xMin = 1;
    spec.xMax = 4;
    spec.yMin = 1;
    spec.yMax = 4;
    const DensityGrid grid = binPairs(*x, *y, spec);
    CHECK(grid.missingPairs == 3);  // rows 1, 2, 4
    CHECK(grid.outsidePairs == 1);  // the NaN
    CHECK(grid.binned == 3);        // (1,1) (4,4) (2,2)
    CHECK(grid.at(0, 0) == 1);
    CHECK(grid.at(1, 1) == 1);
    CHECK(grid.at(2, 2) == 1);      // the maximum lands in the last, closed cell
    CHECK(grid.maxCount == 1);

    // All missing: nothing binned, every pair counted.
    const auto empty = Column::fromOptionals({std::nullopt, std::nullopt});
    const DensityGrid none = binPairs(*empty, *empty, spec);
    CHECK(none.binned == 0);
    CHECK(none.missingPairs == 2);
    CHECK(none.maxCount == 0);

    // Constant values: the range is widened by 0.5 on each side as numpy does; all in the middle.
    const auto constant = Column::fromOptionals({5.0, 5.0, 5.0});
    spec.xMin = spec.xMax = spec.yMin = spec.yMax = 5.0;
    const DensityGrid middle = binPairs(*constant, *constant, spec);
    CHECK(middle.xMin == 4.5);
    CHECK(middle.xMax == 5.5);
    CHECK(middle.at(1, 1) == 3);
    CHECK(middle.binned == 3);

    // Zero rows.
    const auto zero = Column::fromOptionals({});
    CHECK(binPairs(*zero, *zero, spec).binned == 0);
}
