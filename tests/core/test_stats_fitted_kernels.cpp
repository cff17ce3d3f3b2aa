// Golden values of /work/shared/reference/semantics-and-bias.md section 2 (computed there with
// scikit-learn 1.2.1 / numpy 1.24 / scipy 1.10) for the numeric kernels behind the fitted ops.
#include "core/stats/brent.h"
#include "core/stats/descriptive.h"
#include "core/stats/kbins.h"
#include "core/stats/knn_impute.h"
#include "core/stats/numpy_like.h"
#include "core/stats/power_transform.h"
#include "core/stats/quantile_transform.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>

using namespace preplab::stats;
using preplab::ErrorCode;
using preplab::Progress;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const std::vector<double> kX{1, 2, 3, 4, 100};
}

TEST_CASE("numpy percentile: linear method with numpy's lerp", "[stats][fitops]")
{
    std::vector<double> s{1, 2, 3, 4, 5, 6};
    CHECK_THAT(percentileSorted(s, 100.0 / 3.0), WithinRel(2.666666666666667, 1e-15));
    CHECK(percentileSorted(s, 0) == 1);
    CHECK(percentileSorted(s, 100) == 6);
    CHECK(percentileSorted(std::vector<double>{7}, 30) == 7);
    CHECK(percentileSorted(kX, 25) == 2);
    CHECK(percentileSorted(kX, 75) == 4);
    CHECK(medianSorted(std::vector<double>{1, 2, 3, 4}) == 2.5);
    std::vector<double> shuffled{6, 1, 5, 2, 4, 3};
    CHECK(percentileSelect(shuffled, 100.0 / 3.0) == percentileSorted(s, 100.0 / 3.0));
    CHECK(percentileSelect(shuffled, 90) == percentileSorted(s, 90));
    CHECK(percentileSelect(shuffled, 100) == 6);
    CHECK(medianSelect(shuffled) == 3.5);
    std::vector<double> odd{9, 1, 5};
    CHECK(medianSelect(odd) == 5);
}

TEST_CASE("numpy percentile: sorted, selected and describe() quantiles are one definition", "[stats][fitops]")
{
    const std::vector<double> sorted{-3.5, -0.0, 0.1, 0.2, 0.7, 2, 2, 9.25, 1e6};
    const std::vector<double> unsorted{2, 0.7, 1e6, -0.0, 9.25, 0.1, -3.5, 2, 0.2};
    for (double q : linspace(0, 100, 101)) {
        INFO("q = " << q);
        const double expected = percentileSorted(sorted, q);
        CHECK(quantileSorted(sorted, q / 100.0) == expected);
        CHECK(quantile(unsorted, q / 100.0) == expected);
        std::vector<double> copy = unsorted;
        CHECK(percentileSelect(copy, q) == expected);
    }
    // np.percentile([-0.0, 1.0], 0) is 0.0: numpy interpolates even at the first value.
    CHECK_FALSE(std::signbit(percentileSorted(std::vector<double>{-0.0, 1.0}, 0)));
    CHECK_FALSE(std::signbit(quantileSorted(std::vector<double>{-0.0, 1.0}, 0)));
}

TEST_CASE("numpy linspace and interp", "[stats][fitops]")
{
    auto l = linspace(1, 100, 4);
    REQUIRE(l.size() == 4);
    CHECK(l[1] == 34);
    CHECK(l[2] == 67);
    CHECK(l[3] == 100);
    CHECK(linspace(0, 1, 1) == std::vector<double>{0});
    std::vector<double> xp{1, 2, 2, 4}, fp{0, 1, 2, 3};
    CHECK(interp(0, xp.data(), fp.data(), 4) == 0);
    CHECK(interp(2, xp.data(), fp.data(), 4) == 2);  // last of the tied xp
    CHECK(interp(3, xp.data(), fp.data(), 4) == 2.5);
    CHECK(interp(9, xp.data(), fp.data(), 4) == 3);
    CHECK(std::isnan(interp(kNaN, xp.data(), fp.data(), 4)));
}

TEST_CASE("StandardScaler statistics: mean 22, scale 39.012818 on [1,2,3,4,100]", "[stats][fitops]")
{
    MeanVar mv = meanVar(kX);
    CHECK(mv.mean == 22);
    CHECK_THAT(std::sqrt(mv.var), WithinRel(39.012818, 1e-7));
    CHECK_FALSE(isConstantFeature(mv.var, mv.mean, 5));
    MeanVar c = meanVar({0.1, 0.1, 0.1});
    CHECK(isConstantFeature(c.var, c.mean, 3));
    CHECK(handleZeroScale(0.0) == 1.0);
    CHECK(handleZeroScale(2.0) == 2.0);
}

TEST_CASE("SimpleImputer most_frequent: ties go to the smallest value", "[stats][fitops]")
{
    CHECK(mostFrequent({1, 3, 3, 1}) == 1);
    CHECK(mostFrequent({5, 3, 5}) == 5);
    CHECK(mostFrequent({2}) == 2);
}

TEST_CASE("scipy brent: minimum of a parabola and of a function outside the bracket", "[stats][fitops]")
{
    auto r = brentMinimize([](double x) { return (x - 0.3) * (x - 0.3) + 1; }, -2, 2);
    CHECK_THAT(r.xmin, WithinAbs(0.3, 1e-7));
    auto far = brentMinimize([](double x) { return (x - 7.5) * (x - 7.5); }, -2, 2);
    CHECK_THAT(far.xmin, WithinAbs(7.5, 1e-6));
}

TEST_CASE("PowerTransformer Yeo-Johnson: lambda -0.717864 on [1,2,3,4,100]", "[stats][fitops]")
{
    auto lambda = fitYeoJohnsonLambda(kX);
    REQUIRE(lambda.ok());
    CHECK_THAT(*lambda, WithinAbs(-0.717864, 1e-6));
    std::vector<double> t;
    for (double v : kX)
        t.push_back(yeoJohnson(v, *lambda));
    MeanVar mv = meanVar(t);
    const std::vector<double> expected{-1.334889, -0.519303, -0.068882, 0.221758, 1.701316};
    for (std::size_t i = 0; i < t.size(); ++i)
        CHECK_THAT((t[i] - mv.mean) / std::sqrt(mv.var), WithinAbs(expected[i], 1e-6));
}

TEST_CASE("PowerTransformer Yeo-Johnson: negative values and both branches", "[stats][fitops]")
{
    CHECK_THAT(yeoJohnson(-1.0, 0.5), WithinRel(-(std::pow(2.0, 1.5) - 1) / 1.5, 1e-14));
    CHECK_THAT(yeoJohnson(-1.0, 2.0), WithinRel(-std::log(2.0), 1e-14));
    CHECK_THAT(yeoJohnson(3.0, 0.0), WithinRel(std::log(4.0), 1e-14));
    CHECK(std::isnan(yeoJohnson(kNaN, 1.0)));
}

TEST_CASE("PowerTransformer Box-Cox: lambda -0.476293 on [1,2,3,4,100]", "[stats][fitops]")
{
    auto lambda = fitBoxCoxLambda(kX);
    REQUIRE(lambda.ok());
    CHECK_THAT(*lambda, WithinAbs(-0.476293, 1e-6));
    CHECK_THAT(boxCox(100, 0), WithinRel(std::log(100.0), 1e-15));
}

TEST_CASE("Box-Cox: zero, negative and constant data are refused with a message", "[stats][fitops]")
{
    auto z = fitBoxCoxLambda({0, 1, 2});
    REQUIRE_FALSE(z.ok());
    CHECK(z.error().message.find("strictly positive") != std::string::npos);
    CHECK_FALSE(fitBoxCoxLambda({3, 3, 3}).ok());
    CHECK_FALSE(fitBoxCoxLambda({}).ok());
}

TEST_CASE("Power transforms: huge values do not overflow the likelihood", "[stats][fitops]")
{
    std::vector<double> big{1e300, 2e300, 5e299, 1e10, 1};
    auto l = fitYeoJohnsonLambda(big);
    REQUIRE(l.ok());
    CHECK(std::isfinite(*l));
    CHECK(std::isfinite(yeoJohnsonLogLikelihood(big, 1.5)));
}

TEST_CASE("QuantileTransformer(n_quantiles=5) golden values", "[stats][fitops]")
{
    QuantileFit fit = fitQuantiles(kX, 5, 5);
    REQUIRE(fit.quantiles == kX);
    CHECK_THAT(quantileUniform(2.5, fit), WithinRel(0.375, 1e-12));
    CHECK_THAT(quantileUniform(50, fit), WithinRel(0.869792, 1e-6));
    CHECK(quantileUniform(0, fit) == 0);
    CHECK(quantileUniform(200, fit) == 1);
    const std::vector<double> normal{-5.199338, -0.674490, 0, 0.674490, 5.199338};
    for (std::size_t i = 0; i < kX.size(); ++i)
        CHECK_THAT(quantileNormal(kX[i], fit), WithinAbs(normal[i], 1e-6));
    CHECK_THAT(quantileNormal(1, fit), WithinRel(-5.199337582605575, 1e-12));
    CHECK_THAT(quantileNormal(100, fit), WithinRel(5.19933758270342, 1e-12));  // ppf(1 - (1e-7 - eps)): not symmetric
}

TEST_CASE("QuantileTransformer: n_quantiles capped at the row count, ties get the mid-rank", "[stats][fitops]")
{
    QuantileFit fit = fitQuantiles({1, 1, 1, 2}, 4, 1000);
    CHECK(fit.quantiles.size() == 4);
    CHECK_THAT(quantileUniform(1.0, fit), WithinAbs(0.0, 1e-15));  // equals the lowest quantile
    QuantileFit empty = fitQuantiles({}, 3, 10);
    CHECK(std::isnan(quantileUniform(1.0, empty)));
}

TEST_CASE("normal quantile function matches scipy.stats.norm.ppf", "[stats][fitops]")
{
    CHECK_THAT(normalQuantile(0.75), WithinRel(0.6744897501960817, 1e-14));
    CHECK_THAT(normalQuantile(0.025), WithinRel(-1.959963984540054, 1e-14));
    CHECK_THAT(normalQuantile(1e-10), WithinRel(-6.361340902404056, 1e-13));
    CHECK(normalQuantile(0.5) == 0.0);
}

TEST_CASE("KBinsDiscretizer uniform, kmeans and quantile edges", "[stats][fitops]")
{
    auto u = fitKBins(kX, 3, KBinsStrategy::Uniform);
    REQUIRE(u.ok());
    CHECK(u->edges == std::vector<double>{1, 34, 67, 100});
    std::vector<double> bins;
    for (double v : kX)
        bins.push_back(binOf(v, *u));
    CHECK(bins == std::vector<double>{0, 0, 0, 0, 2});
    auto k = fitKBins(kX, 2, KBinsStrategy::KMeans);
    REQUIRE(k.ok());
    REQUIRE(k->edges.size() == 3);
    CHECK_THAT(k->edges[1], WithinRel(51.25, 1e-12));
    auto q = fitKBins({1, 2, 3, 4, 5, 6}, 3, KBinsStrategy::Quantile);
    REQUIRE(q.ok());
    CHECK_THAT(q->edges[1], WithinRel(2.666666666666667, 1e-14));
    CHECK_THAT(q->edges[2], WithinRel(4.333333333333333, 1e-14));
    bins.clear();
    for (double v : {1, 2, 3, 4, 5, 6})
        bins.push_back(binOf(v, *q));
    CHECK(bins == std::vector<double>{0, 0, 1, 1, 2, 2});
}

TEST_CASE("KBinsDiscretizer: constant column is one bin, narrow bins are removed", "[stats][fitops]")
{
    auto c = fitKBins({4, 4, 4}, 3, KBinsStrategy::Quantile);
    REQUIRE(c.ok());
    CHECK(c->constant);
    CHECK(binOf(4, *c) == 0);
    auto q = fitKBins({1, 1, 1, 1, 1, 2}, 4, KBinsStrategy::Quantile);
    REQUIRE(q.ok());
    CHECK(q->binsRemoved);
    CHECK(q->binCount() == 1);
    CHECK_FALSE(fitKBins({}, 3, KBinsStrategy::Uniform).ok());
    CHECK_FALSE(fitKBins({1, 2}, 3, KBinsStrategy::KMeans).ok());
}

TEST_CASE("nan_euclidean distances and KNNImputer golden values", "[stats][fitops]")
{
    std::vector<NanColumn> d{{3, 0, 1}, {kNaN, 1, 1}, {kNaN, 1, 1}};
    std::vector<const double*> ptrs{d[0].data(), d[1].data(), d[2].data()};
    CHECK_THAT(nanEuclidean(ptrs, 0, 2), WithinRel(3.464102, 1e-6));
    CHECK_THAT(nanEuclidean(ptrs, 1, 2), WithinRel(1.0, 1e-15));

    std::vector<NanColumn> x{{1, 3, kNaN, 8}, {2, 4, 6, 8}, {kNaN, 3, 5, 7}};
    std::vector<std::size_t> all{0, 1, 2, 3};
    auto u = *knnImpute(x, all, {2, false});
    CHECK(u[2][0] == 4);
    CHECK(u[0][2] == 5.5);
    auto w = *knnImpute(x, all, {2, true});
    CHECK_THAT(w[2][0], WithinRel(3.666667, 1e-6));
    CHECK(w[0][2] == 5.5);
}

TEST_CASE("KNNImputer: only fit rows donate; no overlap falls back to the fit mean", "[stats][fitops]")
{
    std::vector<NanColumn> x{{1, 2, 100, kNaN}, {1, 2, 100, 5}};
    auto onlyFirst = *knnImpute(x, {0, 1}, {5, false});
    CHECK(onlyFirst[0][3] == 1.5);  // rows 2 (100) is not a fit row
    std::vector<NanColumn> y{{1, 3, kNaN}, {kNaN, kNaN, 7}};
    auto mean = *knnImpute(y, {0, 1, 2}, {5, false});
    CHECK(mean[0][2] == 2);  // row 2 shares no coordinate with any donor
}

TEST_CASE("KNNImputer on a large table reports progress and stops when cancelled", "[stats][fitops]")
{
    // 12,000 rows x 3 columns, every 10th row missing one value: 1,200 receivers x 12,000 donors.
    const std::size_t n = 12000;
    std::vector<NanColumn> x(3, NanColumn(n));
    for (std::size_t i = 0; i < n; ++i) {
        x[0][i] = static_cast<double>(i % 97);
        x[1][i] = static_cast<double>(i % 89) * 0.5;
        x[2][i] = static_cast<double>((i * 7) % 101);
        if (i % 10 == 3)
            x[i % 3][i] = kNaN;
    }
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), 0);

    std::atomic<bool> cancel{false};
    std::vector<double> fractions;
    Progress progress(
        [&](double f, std::string_view stage) {
            CHECK(stage == "KNN imputation");
            fractions.push_back(f);
            if (f > 0.05)
                cancel = true;  // as the desktop's Cancel button would, part way through
        },
        &cancel);
    auto cancelled = knnImpute(x, all, {5, false}, progress);
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().code == ErrorCode::Cancelled);
    REQUIRE(fractions.size() >= 2);
    CHECK(fractions.front() == 0.0);
    CHECK(fractions.back() < 0.5);  // stopped long before the end
    CHECK(std::is_sorted(fractions.begin(), fractions.end()));

    // Not cancelled: fractions rise to 1 and the result equals a run without progress.
    fractions.clear();
    Progress watching([&](double f, std::string_view) { fractions.push_back(f); });
    auto watched = knnImpute(x, all, {5, false}, watching);
    REQUIRE(watched);
    CHECK(fractions.size() > 10);
    CHECK(fractions.back() == 1.0);
    CHECK(std::is_sorted(fractions.begin(), fractions.end()));
    const auto plain = *knnImpute(x, all, {5, false});
    CHECK(*watched == plain);
    std::size_t filled = 0;
    for (std::size_t j = 0; j < 3; ++j)
        for (std::size_t i = 0; i < n; ++i)
            filled += std::isnan(x[j][i]) && !std::isnan(plain[j][i]);
    CHECK(filled == 1200);
}
