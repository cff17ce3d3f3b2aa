#include "core/stats/quantile_transform.h"

#include "core/stats/numpy_like.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace preplab::stats {

namespace {

constexpr double kBoundsThreshold = 1e-7;

double midRank(double x, const QuantileFit& fit)
{
    const std::size_t n = fit.quantiles.size();
    std::vector<double> negQ(n), negR(n);
    for (std::size_t i = 0; i < n; ++i) {
        negQ[i] = -fit.quantiles[n - 1 - i];
        negR[i] = -fit.references[n - 1 - i];
    }
    return 0.5 * (interp(x, fit.quantiles.data(), fit.references.data(), n) -
                  interp(-x, negQ.data(), negR.data(), n));
}

} // namespace

QuantileFit fitQuantiles(std::vector<double> values, std::size_t rowCount, std::size_t nQuantiles)
{
    QuantileFit fit;
    if (values.empty())
        return fit;
    const std::size_t count = std::max<std::size_t>(1, std::min(nQuantiles, rowCount));
    fit.references = linspace(0.0, 1.0, count);
    std::sort(values.begin(), values.end());
    fit.quantiles.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        fit.quantiles[i] = percentileSorted(values, fit.references[i] * 100.0);
    for (std::size_t i = 1; i < count; ++i)
        fit.quantiles[i] = std::max(fit.quantiles[i], fit.quantiles[i - 1]);
    return fit;
}

double quantileUniform(double x, const QuantileFit& fit)
{
    if (std::isnan(x) || fit.quantiles.empty())
        return std::numeric_limits<double>::quiet_NaN();
    if (x == fit.quantiles.front())
        return 0.0;
    if (x == fit.quantiles.back())
        return 1.0;
    return midRank(x, fit);
}

double quantileNormal(double x, const QuantileFit& fit)
{
    if (std::isnan(x) || fit.quantiles.empty())
        return std::numeric_limits<double>::quiet_NaN();
    double u;
    if (x - kBoundsThreshold < fit.quantiles.front())
        u = 0.0;
    else if (x + kBoundsThreshold > fit.quantiles.back())
        u = 1.0;
    else
        u = midRank(x, fit);
    const double spacing1 = std::nextafter(1.0, 2.0) - 1.0;
    const double clipMin = normalQuantile(kBoundsThreshold - spacing1);
    const double clipMax = normalQuantile(1.0 - (kBoundsThreshold - spacing1));
    const double z = normalQuantile(u);
    return std::clamp(z, clipMin, clipMax);
}

double normalQuantile(double p)
{
    if (std::isnan(p) || p < 0.0 || p > 1.0)
        return std::numeric_limits<double>::quiet_NaN();
    if (p == 0.0)
        return -std::numeric_limits<double>::infinity();
    if (p == 1.0)
        return std::numeric_limits<double>::infinity();
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const double pLow = 0.02425;
    double x;
    if (p < pLow) {
        const double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - pLow) {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
        const double q = std::sqrt(-2 * std::log1p(-p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    // Halley refinement; the tail is refined on the side where the probability is small, so the
    // residual keeps its relative precision
    const double sqrt2pi = std::sqrt(2.0 * M_PI);
    for (int it = 0; it < 2; ++it) {
        double e;
        if (x < 0)
            e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
        else
            e = (1.0 - p) - 0.5 * std::erfc(x / std::sqrt(2.0));
        const double u = e * sqrt2pi * std::exp(x * x / 2.0);
        x = x - u / (1.0 + x * u / 2.0);
    }
    return x;
}

} // namespace preplab::stats
