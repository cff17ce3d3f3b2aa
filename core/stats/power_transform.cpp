#include "core/stats/power_transform.h"

#include "core/stats/brent.h"
#include "core/stats/numpy_like.h"
#include "core/table/column.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace preplab::stats {

namespace {

const double kSpacing1 = std::nextafter(1.0, 2.0) - 1.0;  // numpy.spacing(1.0)
constexpr double kOverflowExponent = 600.0;                 // exp(600) is far from overflow

// log var(values) where value_i = sign_i * (exp(a_i) - 1) / d_i, or value_i = plain_i when
// usePlain_i. When every exponent is small the values are formed directly (as numpy does);
// otherwise the largest exponent A is factored out: var(v) = exp(2A) var(v exp(-A)).
struct LogVarTerms {
    std::vector<double> exponent;  // a_i
    std::vector<double> divisor;   // d_i (signed)
};

double logVarianceOf(const LogVarTerms& t, double& varianceOut)
{
    const std::size_t n = t.exponent.size();
    double maxExp = -std::numeric_limits<double>::infinity();
    for (double a : t.exponent)
        maxExp = std::max(maxExp, a);
    std::vector<double> v(n);
    if (!(maxExp > kOverflowExponent)) {
        for (std::size_t i = 0; i < n; ++i)
            v[i] = std::expm1(t.exponent[i]) / t.divisor[i];
        varianceOut = numpyVariance(v);
        return std::log(varianceOut);
    }
    const double shift = std::exp(-maxExp);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = (std::exp(t.exponent[i] - maxExp) - shift) / t.divisor[i];
    const double scaledVar = numpyVariance(v);
    varianceOut = std::numeric_limits<double>::infinity();
    return std::log(scaledVar) + 2.0 * maxExp;
}

} // namespace

double numpyVariance(const std::vector<double>& x)
{
    const double n = static_cast<double>(x.size());
    const double mean = pairwiseSum(x.data(), x.size()) / n;
    std::vector<double> d(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        d[i] = (x[i] - mean) * (x[i] - mean);
    return pairwiseSum(d.data(), d.size()) / n;
}

double yeoJohnson(double x, double lambda)
{
    if (std::isnan(x))
        return x;
    if (x >= 0) {
        if (std::abs(lambda) < kSpacing1)
            return std::log1p(x);
        return (std::pow(x + 1.0, lambda) - 1.0) / lambda;
    }
    if (std::abs(lambda - 2.0) > kSpacing1)
        return -(std::pow(-x + 1.0, 2.0 - lambda) - 1.0) / (2.0 - lambda);
    return -std::log1p(-x);
}

double boxCox(double x, double lambda)
{
    if (std::isnan(x))
        return x;
    if (std::abs(lambda) < 1e-19)
        return std::log(x);
    return std::expm1(lambda * std::log(x)) / lambda;
}

double yeoJohnsonLogLikelihood(const std::vector<double>& x, double lambda)
{
    const std::size_t n = x.size();
    // Terms: value = (exp(a) - 1) / d with a, d chosen per branch; the log branches have a
    // small exponent-free form, written as a = log(1 + value) style terms below.
    LogVarTerms t;
    t.exponent.resize(n);
    t.divisor.resize(n);
    const bool logPos = std::abs(lambda) < kSpacing1;
    const bool logNeg = !(std::abs(lambda - 2.0) > kSpacing1);
    bool anyLog = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (x[i] >= 0) {
            if (logPos) {
                anyLog = true;
            } else {
                t.exponent[i] = lambda * std::log1p(x[i]);
                t.divisor[i] = lambda;
            }
        } else if (logNeg) {
            anyLog = true;
        } else {
            t.exponent[i] = (2.0 - lambda) * std::log1p(-x[i]);
            t.divisor[i] = -(2.0 - lambda);
        }
    }
    double var = 0.0, logVar = 0.0;
    // the values as numpy forms them (same pow, same sums: the same likelihood to the last bit);
    // the log-space path only when a value overflows
    // When every x >= 0 the constant -1/lambda of psi is left out of the variance (it does not
    // change it) to avoid the cancellation that makes sklearn's likelihood noisy when psi is
    // nearly constant (large x, negative lambda); with mixed signs psi is formed as sklearn does.
    const bool allNonNegative = std::all_of(x.begin(), x.end(), [](double v) { return v >= 0; });
    std::vector<double> v(n);
    bool finite = true;
    for (std::size_t i = 0; i < n; ++i) {
        v[i] = allNonNegative && !logPos ? std::pow(x[i] + 1.0, lambda) / lambda : yeoJohnson(x[i], lambda);
        finite = finite && std::isfinite(v[i]);
    }
    if (finite || anyLog) {
        var = numpyVariance(v);
        logVar = std::log(var);
    } else {
        logVar = logVarianceOf(t, var);
    }
    if (var < std::numeric_limits<double>::min())
        return -std::numeric_limits<double>::infinity();
    double signedLogs = 0.0;
    std::vector<double> s(n);
    for (std::size_t i = 0; i < n; ++i)
        s[i] = (x[i] > 0 ? 1.0 : (x[i] < 0 ? -1.0 : 0.0)) * std::log1p(std::abs(x[i]));
    signedLogs = pairwiseSum(s.data(), n);
    return -static_cast<double>(n) / 2.0 * logVar + (lambda - 1.0) * signedLogs;
}

double boxCoxLogLikelihood(const std::vector<double>& x, double lambda)
{
    const std::size_t n = x.size();
    if (n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    std::vector<double> logs(n);
    for (std::size_t i = 0; i < n; ++i)
        logs[i] = std::log(x[i]);
    double logVar;
    if (lambda == 0.0) {
        logVar = std::log(numpyVariance(logs));
    } else {
        // scipy: var(x**l / l), formed directly unless a power overflows; then var(x^l / l) =
        // var((exp(l ln x) - 1) / l) in log space (the offset does not change the variance)
        std::vector<double> v(n);
        bool finite = true;
        for (std::size_t i = 0; i < n; ++i) {
            v[i] = std::pow(x[i], lambda) / lambda;
            finite = finite && std::isfinite(v[i]);
        }
        if (finite)
            return (lambda - 1.0) * pairwiseSum(logs.data(), n) -
                   static_cast<double>(n) / 2.0 * std::log(numpyVariance(v));
        LogVarTerms t;
        t.exponent.resize(n);
        t.divisor.assign(n, lambda);
        for (std::size_t i = 0; i < n; ++i)
            t.exponent[i] = lambda * logs[i];
        double var = 0.0;
        logVar = logVarianceOf(t, var);
    }
    return (lambda - 1.0) * pairwiseSum(logs.data(), n) - static_cast<double>(n) / 2.0 * logVar;
}

Result<double> fitYeoJohnsonLambda(const std::vector<double>& x)
{
    if (x.empty())
        return makeError(ErrorCode::BadData, "no values to fit a Yeo-Johnson lambda on");
    auto negLogLik = [&x](double l) { return -yeoJohnsonLogLikelihood(x, l); };
    BrentResult r = brentMinimize(negLogLik, -2.0, 2.0);
    if (r.bracketFailed)
        return makeError(ErrorCode::BadData, "the Yeo-Johnson likelihood has no maximum (bracket search failed)");
    return r.xmin;
}

Result<double> fitBoxCoxLambda(const std::vector<double>& x)
{
    if (x.empty())
        return makeError(ErrorCode::BadData, "no values to fit a Box-Cox lambda on");
    for (double v : x)
        if (!(v > 0))
            return makeError(ErrorCode::BadData,
                             "Box-Cox needs strictly positive values (found " + formatDouble(v) +
                                 "); use yeo_johnson for zero or negative data");
    if (std::all_of(x.begin(), x.end(), [&](double v) { return v == x[0]; }))
        return makeError(ErrorCode::BadData, "Box-Cox cannot fit a constant column");
    auto negLogLik = [&x](double l) { return -boxCoxLogLikelihood(x, l); };
    BrentResult r = brentMinimize(negLogLik, -2.0, 2.0);
    if (r.bracketFailed)
        return makeError(ErrorCode::BadData, "the Box-Cox likelihood has no maximum (bracket search failed)");
    return r.xmin;
}

} // namespace preplab::stats
