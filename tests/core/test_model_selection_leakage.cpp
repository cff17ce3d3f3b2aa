// The strong version of scenario 4 (ESL §7.10.2): on pure noise, selecting features by their
// correlation with the label on all rows before cross-validation reports an accuracy far above
// chance; selecting inside each fold gives chance. Also the selector itself on a hand example and
// bad options.
#include "core/model/selection_leakage.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

using namespace preplab::model;

TEST_CASE("Selection leakage: top correlated features by |r| over the given rows", "[model][leakage]")
{
    // Column 0 = y (r = 1), column 1 = -y plus noise (|r| < 1), column 2 constant (r = 0),
    // column 3 tied with column 0 (also r = 1): ties keep the lower index first.
    const std::vector<int> y = {0, 1, 0, 1, 1, 0};
    Eigen::MatrixXd x(6, 4);
    const double noise[] = {0.3, -0.2, 0.1, 0.4, -0.1, 0.2};
    for (int i = 0; i < 6; ++i) {
        x(i, 0) = y[static_cast<std::size_t>(i)];
        x(i, 1) = -y[static_cast<std::size_t>(i)] + noise[i];
        x(i, 2) = 7.0;
        x(i, 3) = 2.0 * y[static_cast<std::size_t>(i)] + 1.0;
    }
    std::vector<std::size_t> all(6);
    std::iota(all.begin(), all.end(), std::size_t{0});
    CHECK(topCorrelatedFeatures(x, y, all, 4) == std::vector<std::size_t>{0, 3, 1, 2});
    CHECK(topCorrelatedFeatures(x, y, all, 1) == std::vector<std::size_t>{0});
    CHECK(topCorrelatedFeatures(x, y, all, 10).size() == 4);
    // Over rows where y is constant every r is 0: the order is the column order.
    CHECK(topCorrelatedFeatures(x, y, {0, 2, 5}, 2) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("Selection leakage: selecting on all rows fakes accuracy on noise, inside the folds gives chance",
          "[model][leakage]")
{
    for (std::uint64_t seed : {0u, 1u, 2u}) {
        SelectionLeakageOptions o;
        o.seed = seed;
        auto r = selectionLeakage(o);
        REQUIRE(r.ok());
        INFO("seed " << seed << ": wrong way " << r->wrongWayAccuracy << ", right way " << r->rightWayAccuracy);
        REQUIRE(r->wrongWayFolds.size() == 5);
        CHECK(r->y.size() == 100);
        CHECK(std::accumulate(r->y.begin(), r->y.end(), 0) == 50);
        CHECK(r->selectedOnAllRows.size() == 100);
        // ESL reports ~3% error the wrong way and ~50% the right way (1-NN, 5 folds).
        CHECK(r->wrongWayAccuracy > 0.85);
        CHECK(r->rightWayAccuracy > 0.3);
        CHECK(r->rightWayAccuracy < 0.7);
        // The wrong way keeps the top-|r| features of all rows.
        std::vector<std::size_t> all(100);
        std::iota(all.begin(), all.end(), std::size_t{0});
        CHECK(topCorrelatedFeatures(r->x, r->y, all, 100) == r->selectedOnAllRows);
    }
}

TEST_CASE("Selection leakage: bad options are errors", "[model][leakage]")
{
    SelectionLeakageOptions o;
    o.selected = 0;
    CHECK_FALSE(selectionLeakage(o).ok());
    o.selected = 10;
    o.features = 5;
    CHECK_FALSE(selectionLeakage(o).ok());
    o.features = 50;
    o.rows = 3;
    CHECK_FALSE(selectionLeakage(o).ok());
}
