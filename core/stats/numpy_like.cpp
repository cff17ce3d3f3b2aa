#include "core/stats/numpy_like.h"

#include "core/stats/descriptive.h"

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

double numpyLerp(double a, double b, double t)
{
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

double percentileSorted(const std::vector<double>& sorted, double q)
{
    assert(!sorted.empty());
    return quantileSorted(sorted, q / 100.0);
}

namespace {

// An unsigned key with the order of operator< on doubles (-0 and +0 get the same key; no NaN).
std::uint64_t orderKey(double x)
{
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(x == 0.0 ? 0.0 : x);
    return bits >> 63 ? ~bits : bits | (std::uint64_t{1} << 63);
}

// The values of the given ranks (0-based positions in sorted order), by selection. Large inputs
// are first bucketed by the top bits of their keys (a histogram pass), so that only the buckets
// holding a wanted rank are partitioned: three streaming passes instead of a partition of
// everything per rank.
std::vector<double> selectRanks(std::vector<double>& v, const std::vector<std::size_t>& ranks)
{
    const std::size_t n = v.size();
    std::vector<double> out(ranks.size());
    constexpr std::size_t kSmall = 1 << 14;
    if (n < kSmall) {
        for (std::size_t r = 0; r < ranks.size(); ++r) {
            std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(ranks[r]), v.end());
            out[r] = v[ranks[r]];
        }
        return out;
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
    const std::size_t buckets = static_cast<std::size_t>(((hi - lo) >> shift) + 1);
    std::vector<std::uint32_t> counts(buckets, 0);
    for (double x : v)
        ++counts[(orderKey(x) - lo) >> shift];
    std::vector<std::size_t> below(buckets + 1, 0);  // values in the buckets before each one
    for (std::size_t b = 0; b < buckets; ++b)
        below[b + 1] = below[b] + counts[b];
    std::vector<std::int32_t> slotOf(buckets, -1);
    std::vector<std::vector<double>> slots;
    std::vector<std::size_t> bucketOf(ranks.size());
    for (std::size_t r = 0; r < ranks.size(); ++r) {
        const std::size_t b = static_cast<std::size_t>(std::upper_bound(below.begin(), below.end(), ranks[r]) - below.begin()) - 1;
        bucketOf[r] = b;
        if (slotOf[b] < 0) {
            slotOf[b] = static_cast<std::int32_t>(slots.size());
            slots.emplace_back().reserve(counts[b]);
        }
    }
    for (double x : v) {
        const std::int32_t slot = slotOf[(orderKey(x) - lo) >> shift];
        if (slot >= 0)
            slots[static_cast<std::size_t>(slot)].push_back(x);
    }
    for (std::size_t r = 0; r < ranks.size(); ++r) {
        std::vector<double>& inside = slots[static_cast<std::size_t>(slotOf[bucketOf[r]])];
        const std::size_t k = ranks[r] - below[bucketOf[r]];
        std::nth_element(inside.begin(), inside.begin() + static_cast<std::ptrdiff_t>(k), inside.end());
        out[r] = inside[k];
    }
    return out;
}

} // namespace

std::vector<double> percentilesSelect(std::vector<double>& values, const std::vector<double>& qs)
{
    assert(!values.empty());
    const std::size_t n = values.size();
    // per percentile: the ranks of its two neighbours (the same twice at the ends) and gamma
    std::vector<std::size_t> ranks;
    std::vector<double> gammas;
    for (double q : qs) {
        const double virtualIndex = static_cast<double>(n - 1) * (q / 100.0);
        if (virtualIndex >= static_cast<double>(n - 1)) {
            ranks.insert(ranks.end(), {n - 1, n - 1});
            gammas.push_back(-1.0);
        } else if (virtualIndex < 0) {
            ranks.insert(ranks.end(), {0, 0});
            gammas.push_back(-1.0);
        } else {
            const double prev = std::floor(virtualIndex);
            const auto i = static_cast<std::size_t>(prev);
            ranks.insert(ranks.end(), {i, i + 1});
            gammas.push_back(virtualIndex - prev);
        }
    }
    const std::vector<double> at = selectRanks(values, ranks);
    std::vector<double> out(qs.size());
    for (std::size_t p = 0; p < qs.size(); ++p) {
        const double a = at[2 * p], b = at[2 * p + 1], gamma = gammas[p];
        if (gamma < 0) {
            out[p] = a;  // the minimum or the maximum
            continue;
        }
        out[p] = numpyLerp(a, b, gamma);
    }
    return out;
}

double percentileSelect(std::vector<double>& values, double q) { return percentilesSelect(values, {q})[0]; }

double medianSelect(std::vector<double>& values)
{
    assert(!values.empty());
    const std::size_t n = values.size();
    if (n % 2 == 1)
        return selectRanks(values, {n / 2})[0];
    const std::vector<double> ab = selectRanks(values, {n / 2 - 1, n / 2});
    return (ab[0] + ab[1]) / 2.0;
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

MeanVar meanVar(const std::vector<double>& values) { return meanVar(std::vector<double>(values)); }

MeanVar meanVar(std::vector<double>&& values)
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
    std::vector<double>& temp = values;  // the deviations, then their squares, in place
    for (double& t : temp)
        t -= out.mean;
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
