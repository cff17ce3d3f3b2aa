#include "core/stats/numpy_like.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cassert>
#include <cmath>
#include <limits>

namespace preplab::stats {

std::vector<double> linspace(double start, double stop, std::size_t num)
{
    std::vector<double> out(num);
    if (num == 0)
        return out;
    if (num == 1) {
        out[0] = start;
        return out;
    }
    const double div = static_cast<double>(num - 1);
    const double delta = stop - start;
    const double step = delta / div;
    for (std::size_t i = 0; i < num; ++i) {
        // numpy divides first when the step underflows to zero
        double y = step == 0.0 ? static_cast<double>(i) / div * delta : static_cast<double>(i) * step;
        out[i] = y + start;
    }
    out[num - 1] = stop;
    return out;
}

double percentileSorted(const std::vector<double>& sorted, double q)
{
    assert(!sorted.empty());
    const std::size_t n = sorted.size();
    const double quantile = q / 100.0;
    const double virtualIndex = static_cast<double>(n - 1) * quantile;
    if (virtualIndex >= static_cast<double>(n - 1))
        return sorted[n - 1];
    if (virtualIndex < 0)
        return sorted[0];
    const double prev = std::floor(virtualIndex);
    const auto i = static_cast<std::size_t>(prev);
    const double gamma = virtualIndex - prev;
    const double a = sorted[i], b = sorted[i + 1];
    const double diff = b - a;
    // numpy's _lerp: from the lower end, or from the upper end when gamma >= 0.5
    return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
}

namespace {

// An unsigned key with the order of operator< on doubles (-0 and +0 get the same key; no NaN).
std::uint64_t orderKey(double x)
{
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(x == 0.0 ? 0.0 : x);
    return bits >> 63 ? ~bits : bits | (std::uint64_t{1} << 63);
}

// The k-th smallest value and, when `alsoNext`, the (k+1)-th, by selection. Large inputs are
// first bucketed by the top bits of their keys (a histogram pass), so that only the bucket
// holding rank k is selected in: three streaming passes instead of a partition of everything.
std::pair<double, double> selectPair(std::vector<double>& v, std::size_t k, bool alsoNext)
{
    const std::size_t n = v.size();
    constexpr std::size_t kSmall = 1 << 14;
    if (n < kSmall) {
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
        const double a = v[k];
        if (!alsoNext || k + 1 >= n)
            return {a, a};
        return {a, *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(k) + 1, v.end())};
    }
    std::uint64_t lo = ~std::uint64_t{0}, hi = 0;
    for (double x : v) {
        const std::uint64_t key = orderKey(x);
        lo = std::min(lo, key);
        hi = std::max(hi, key);
    }
    constexpr int kBucketBits = 16;
    int shift = 0;
    while (((hi - lo) >> shift) >= (std::uint64_t{1} << kBucketBits))
        ++shift;
    std::vector<std::uint32_t> counts(static_cast<std::size_t>(((hi - lo) >> shift) + 1), 0);
    for (double x : v)
        ++counts[(orderKey(x) - lo) >> shift];
    std::size_t bucket = 0, below = 0;
    while (below + counts[bucket] <= k)
        below += counts[bucket++];
    const bool nextInside = !alsoNext || k + 1 >= n || k + 1 < below + counts[bucket];
    std::vector<double> inside;
    inside.reserve(counts[bucket]);
    double nextAbove = INFINITY;
    std::uint64_t nextKey = ~std::uint64_t{0};
    for (double x : v) {
        const std::uint64_t key = orderKey(x);
        const std::size_t b = (key - lo) >> shift;
        if (b == bucket) {
            inside.push_back(x);
        } else if (!nextInside && b > bucket && key < nextKey) {
            nextKey = key;
            nextAbove = x;
        }
    }
    const std::size_t r = k - below;
    std::nth_element(inside.begin(), inside.begin() + static_cast<std::ptrdiff_t>(r), inside.end());
    const double a = inside[r];
    if (!alsoNext || k + 1 >= n)
        return {a, a};
    if (!nextInside)
        return {a, nextAbove};
    return {a, *std::min_element(inside.begin() + static_cast<std::ptrdiff_t>(r) + 1, inside.end())};
}

} // namespace

double percentileSelect(std::vector<double>& values, double q)
{
    assert(!values.empty());
    const std::size_t n = values.size();
    const double virtualIndex = static_cast<double>(n - 1) * (q / 100.0);
    if (virtualIndex >= static_cast<double>(n - 1))
        return *std::max_element(values.begin(), values.end());
    if (virtualIndex < 0)
        return *std::min_element(values.begin(), values.end());
    const double prev = std::floor(virtualIndex);
    const auto i = static_cast<std::size_t>(prev);
    const double gamma = virtualIndex - prev;
    const auto [a, b] = selectPair(values, i, true);
    const double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
}

double medianSelect(std::vector<double>& values)
{
    assert(!values.empty());
    const std::size_t n = values.size();
    if (n % 2 == 1)
        return selectPair(values, n / 2, false).first;
    const auto [a, b] = selectPair(values, n / 2 - 1, true);
    return (a + b) / 2.0;
}

double medianSorted(const std::vector<double>& sorted)
{
    assert(!sorted.empty());
    const std::size_t n = sorted.size();
    if (n % 2 == 1)
        return sorted[n / 2];
    return (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

double interp(double x, const double* xp, const double* fp, std::size_t n)
{
    assert(n >= 1);
    if (std::isnan(x))
        return x;
    if (x < xp[0])
        return fp[0];
    if (x > xp[n - 1])
        return fp[n - 1];
    if (x == xp[n - 1])
        return fp[n - 1];
    // j: last index with xp[j] <= x (then x < xp[j + 1])
    const std::size_t j = static_cast<std::size_t>(std::upper_bound(xp, xp + n, x) - xp) - 1;
    if (xp[j] == x)
        return fp[j];
    const double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    double r = slope * (x - xp[j]) + fp[j];
    if (std::isnan(r)) {
        r = slope * (x - xp[j + 1]) + fp[j + 1];
        if (std::isnan(r) && fp[j] == fp[j + 1])
            r = fp[j];
    }
    return r;
}

double pairwiseSum(const double* a, std::size_t n)
{
    if (n < 8) {
        double res = 0.0;
        for (std::size_t i = 0; i < n; ++i)
            res += a[i];
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (int k = 0; k < 8; ++k)
            r[k] = a[k];
        std::size_t i = 8;
        for (; i < n - (n % 8); i += 8)
            for (int k = 0; k < 8; ++k)
                r[k] += a[i + k];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            res += a[i];
        return res;
    }
    std::size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwiseSum(a, n2) + pairwiseSum(a + n2, n - n2);
}

MeanVar meanVar(const std::vector<double>& values)
{
    MeanVar out;
    out.n = values.size();
    if (values.empty()) {
        out.mean = out.var = std::numeric_limits<double>::quiet_NaN();
        return out;
    }
    const double n = static_cast<double>(values.size());
    const double sum = pairwiseSum(values.data(), values.size());
    out.mean = sum / n;
    std::vector<double> temp(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        temp[i] = values[i] - out.mean;
    const double correction = pairwiseSum(temp.data(), temp.size());
    for (double& t : temp)
        t *= t;
    double unnormalized = pairwiseSum(temp.data(), temp.size());
    unnormalized -= correction * correction / n;
    out.var = unnormalized / n;
    return out;
}

bool isConstantFeature(double var, double mean, std::size_t n)
{
    const double eps = std::numeric_limits<double>::epsilon();
    const double nd = static_cast<double>(n);
    const double upper = nd * eps * var + (nd * mean * eps) * (nd * mean * eps);
    return var <= upper;
}

double handleZeroScale(double scale)
{
    return scale < 10.0 * std::numeric_limits<double>::epsilon() ? 1.0 : scale;
}

double mostFrequent(std::vector<double> values)
{
    assert(!values.empty());
    std::sort(values.begin(), values.end());
    double best = values[0];
    std::size_t bestCount = 0;
    for (std::size_t i = 0; i < values.size();) {
        std::size_t j = i;
        while (j < values.size() && values[j] == values[i])
            ++j;
        if (j - i > bestCount) {  // strictly greater: the smaller value wins a tie
            bestCount = j - i;
            best = values[i];
        }
        i = j == i ? i + 1 : j;
    }
    return best;
}

} // namespace preplab::stats
