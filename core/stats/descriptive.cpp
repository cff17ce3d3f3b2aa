#include "core/stats/descriptive.h"

#include "core/stats/numpy_like.h"
#include "core/stats/radix_sort.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace preplab::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// numpy's pairwise_sum (numpy/core/src/umath/loops_utils.h.src), kept identical so that sums
// round the same way.
template <class Get>
double pairwise(Get&& get, std::size_t begin, std::size_t n)
{
    constexpr std::size_t kBlock = 128;
    if (n < 8) {
        double res = 0.0;
        for (std::size_t i = 0; i < n; ++i)
            res += get(begin + i);
        return res;
    }
    if (n <= kBlock) {
        double r[8];
        for (std::size_t j = 0; j < 8; ++j)
            r[j] = get(begin + j);
        std::size_t i = 8;
        for (; i < n - (n % 8); i += 8)
            for (std::size_t j = 0; j < 8; ++j)
                r[j] += get(begin + i + j);
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            res += get(begin + i);
        return res;
    }
    std::size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(get, begin, n2) + pairwise(get, begin + n2, n - n2);
}

// pairwise() for the sums of d^2 and d^3 (d = x - mean) at once: one pass instead of two, same
// blocking and so the same rounding as two separate pairwise sums.
std::pair<double, double> pairwiseSquaresCubes(const double* a, std::size_t n, double mean)
{
    constexpr std::size_t kBlock = 128;
    if (n < 8) {
        double s2 = 0.0, s3 = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double d = a[i] - mean;
            s2 += d * d;
            s3 += d * d * d;
        }
        return {s2, s3};
    }
    if (n <= kBlock) {
        double r2[8], r3[8];
        for (std::size_t j = 0; j < 8; ++j) {
            const double d = a[j] - mean;
            r2[j] = d * d;
            r3[j] = d * d * d;
        }
        std::size_t i = 8;
        for (; i < n - (n % 8); i += 8)
            for (std::size_t j = 0; j < 8; ++j) {
                const double d = a[i + j] - mean;
                r2[j] += d * d;
                r3[j] += d * d * d;
            }
        double s2 = ((r2[0] + r2[1]) + (r2[2] + r2[3])) + ((r2[4] + r2[5]) + (r2[6] + r2[7]));
        double s3 = ((r3[0] + r3[1]) + (r3[2] + r3[3])) + ((r3[4] + r3[5]) + (r3[6] + r3[7]));
        for (; i < n; ++i) {
            const double d = a[i] - mean;
            s2 += d * d;
            s3 += d * d * d;
        }
        return {s2, s3};
    }
    std::size_t n2 = n / 2;
    n2 -= n2 % 8;
    const auto left = pairwiseSquaresCubes(a, n2, mean);
    const auto right = pairwiseSquaresCubes(a + n2, n - n2, mean);
    return {left.first + right.first, left.second + right.second};
}

double zeroOutNoise(double v) { return std::abs(v) < 1e-14 ? 0.0 : v; }

// Order-preserving map from a double to an unsigned key: flip all bits of negatives, the sign bit
// of positives.
std::uint64_t sortKey(double v)
{
    auto u = std::bit_cast<std::uint64_t>(v);
    return (u & 0x8000000000000000ull) ? ~u : (u | 0x8000000000000000ull);
}

double fromSortKey(std::uint64_t k)
{
    return std::bit_cast<double>((k & 0x8000000000000000ull) ? (k & 0x7fffffffffffffffull) : ~k);
}

} // namespace

double pairwiseSum(std::span<const double> values)
{
    const double* data = values.data();
    return pairwise([data](std::size_t i) { return data[i]; }, 0, values.size());
}

double mean(std::span<const double> values)
{
    if (values.empty())
        return kNaN;
    return pairwiseSum(values) / static_cast<double>(values.size());
}

double variance(std::span<const double> values, int ddof)
{
    const std::size_t n = values.size();
    if (static_cast<std::int64_t>(n) <= ddof)
        return kNaN;
    double sum = 0.0;
    for (double v : values)
        sum += v;
    const double avg = sum / static_cast<double>(n);
    double ss = 0.0;
    for (double v : values) {
        const double d = v - avg;
        ss += d * d;
    }
    return ss / static_cast<double>(static_cast<std::int64_t>(n) - ddof);
}

double standardDeviation(std::span<const double> values, int ddof) { return std::sqrt(variance(values, ddof)); }

double skewness(std::span<const double> values)
{
    const std::size_t n = values.size();
    if (n < 3)
        return kNaN;
    const double* data = values.data();
    const double avg = pairwiseSum(values) / static_cast<double>(n);
    double m2 = pairwise(
        [data, avg](std::size_t i) {
            const double d = data[i] - avg;
            return d * d;
        },
        0, n);
    double m3 = pairwise(
        [data, avg](std::size_t i) {
            const double d = data[i] - avg;
            return d * d * d;
        },
        0, n);
    m2 = zeroOutNoise(m2);
    m3 = zeroOutNoise(m3);
    if (m2 == 0.0)
        return 0.0;
    const double count = static_cast<double>(n);
    return (count * std::sqrt(count - 1.0) / (count - 2.0)) * (m3 / std::pow(m2, 1.5));
}

Moments moments(std::span<const double> values)
{
    Moments m;
    m.n = static_cast<std::int64_t>(values.size());
    m.mean = m.variance = m.skewness = kNaN;
    if (values.empty())
        return m;
    const double count = static_cast<double>(values.size());
    m.mean = pairwiseSum(values) / count;
    if (values.size() < 2)
        return m;
    auto [m2, m3] = pairwiseSquaresCubes(values.data(), values.size(), m.mean);
    m.variance = m2 / (count - 1.0);
    if (values.size() < 3)
        return m;
    m2 = zeroOutNoise(m2);
    m3 = zeroOutNoise(m3);
    m.skewness = m2 == 0.0 ? 0.0 : (count * std::sqrt(count - 1.0) / (count - 2.0)) * (m3 / std::pow(m2, 1.5));
    return m;
}

double quantileSorted(std::span<const double> sorted, double p)
{
    const std::size_t n = sorted.size();
    if (n == 0)
        return kNaN;
    const double h = static_cast<double>(n - 1) * p;
    if (h >= static_cast<double>(n - 1))
        return sorted[n - 1];
    if (h < 0.0)
        return sorted[0];
    const double lower = std::floor(h);
    const auto i = static_cast<std::size_t>(lower);
    return numpyLerp(sorted[i], sorted[i + 1], h - lower);
}

double quantile(std::span<const double> values, double p)
{
    const std::size_t n = values.size();
    if (n == 0)
        return kNaN;
    std::vector<double> v(values.begin(), values.end());
    const double h = static_cast<double>(n - 1) * p;
    const auto i = static_cast<std::size_t>(std::clamp(std::floor(h), 0.0, static_cast<double>(n - 1)));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
    if (i + 1 >= n || h < 0.0)
        return v[i];
    // After nth_element the next order statistic is the smallest value right of position i.
    const double next = *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(i) + 1, v.end());
    return numpyLerp(v[i], next, h - std::floor(h));
}

void sortValues(std::vector<double>& values)
{
    std::vector<double> scratch;
    sortValues(values, scratch);
}

namespace {

// Counting sort for integer values spanning fewer than kCountingRange consecutive integers (ages,
// counts, codes, booleans, days): one pass to count into a cache-resident table, one to write the
// values back in order. Returns false, leaving `values` alone, when they do not qualify.
bool countingSort(std::vector<double>& values)
{
    constexpr double kCountingRange = 65536.0;
    double lo = values[0], hi = values[0];
    bool integral = true;
    for (double v : values) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        integral &= v == std::trunc(v);
    }
    if (!integral || !(hi - lo < kCountingRange) || std::abs(lo) > 9007199254740992.0)
        return false;
    thread_local std::vector<std::uint32_t> counts;
    const auto range = static_cast<std::size_t>(hi - lo) + 1;
    counts.assign(range, 0);
    for (double v : values)
        ++counts[static_cast<std::size_t>(v - lo)];
    std::size_t k = 0;
    for (std::size_t i = 0; i < range; ++i) {
        const double v = lo + static_cast<double>(i);
        for (std::uint32_t c = counts[i]; c > 0; --c)
            values[k++] = v == 0.0 ? 0.0 : v;
    }
    return true;
}

} // namespace

void sortValues(std::vector<double>& values, std::vector<double>& scratch)
{
    if (values.size() < 512) {
        for (double& v : values)
            if (v == 0.0)
                v = 0.0;  // -0.0 and 0.0 are one value
        std::sort(values.begin(), values.end());
        return;
    }
    if (countingSort(values))
        return;
    // The order-preserving keys are kept in the doubles' own bits (bit_cast moves bits unchanged),
    // so the sort needs no array beyond the scratch buffer. -0.0 becomes 0.0 on the way.
    for (double& v : values)
        v = std::bit_cast<double>(sortKey(v == 0.0 ? 0.0 : v));
    radixSort(values, [](double k) { return std::bit_cast<std::uint64_t>(k); }, scratch);
    for (double& v : values)
        v = fromSortKey(std::bit_cast<std::uint64_t>(v));
}

std::int64_t countOutsideSorted(std::span<const double> sorted, double low, double high)
{
    const auto lo = std::lower_bound(sorted.begin(), sorted.end(), low);
    const auto hi = std::upper_bound(sorted.begin(), sorted.end(), high);
    return static_cast<std::int64_t>((lo - sorted.begin()) + (sorted.end() - hi));
}

std::int64_t countEqualSorted(std::span<const double> sorted, double v)
{
    const auto range = std::equal_range(sorted.begin(), sorted.end(), v);
    return static_cast<std::int64_t>(range.second - range.first);
}

} // namespace preplab::stats
