#include "core/stats/decimation.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <unordered_set>

namespace preplab::stats {

std::vector<std::size_t> lttbIndices(std::span<const double> x, std::span<const double> y, std::size_t threshold)
{
    assert(x.size() == y.size());
    const std::size_t n = x.size();
    std::vector<std::size_t> kept;
    if (n == 0)
        return kept;
    if (threshold >= n) {
        kept.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            kept[i] = i;
        return kept;
    }
    if (threshold < 3)
        return n == 1 ? std::vector<std::size_t>{0} : std::vector<std::size_t>{0, n - 1};

    kept.reserve(threshold);
    kept.push_back(0);
    const double every = static_cast<double>(n - 2) / static_cast<double>(threshold - 2);
    auto bucketStart = [&](std::size_t i) { return static_cast<std::size_t>(std::floor(static_cast<double>(i) * every)) + 1; };
    std::size_t a = 0;
    for (std::size_t bucket = 0; bucket + 2 < threshold; ++bucket) {
        const std::size_t nextStart = bucketStart(bucket + 1);
        const std::size_t nextEnd = std::min(bucketStart(bucket + 2), n);
        double meanX = 0, meanY = 0;
        for (std::size_t j = nextStart; j < nextEnd; ++j) {
            meanX += x[j];
            meanY += y[j];
        }
        const double count = static_cast<double>(nextEnd - nextStart);
        meanX /= count;
        meanY /= count;

        const std::size_t end = std::min(nextStart, n - 1);
        double bestArea = -1;
        std::size_t best = bucketStart(bucket);
        for (std::size_t j = bucketStart(bucket); j < end; ++j) {
            // Twice the triangle's area; the factor 1/2 does not change which point wins.
            const double area = std::abs((x[a] - meanX) * (y[j] - y[a]) - (x[a] - x[j]) * (meanY - y[a]));
            if (area > bestArea) {
                bestArea = area;
                best = j;
            }
        }
        kept.push_back(best);
        a = best;
    }
    kept.push_back(n - 1);
    return kept;
}

namespace {

// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and the same on every platform, unlike the
// standard library's distributions.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound] by a 128-bit multiply (Lemire); the bias is below 2^-40 for any table.
    std::uint64_t upTo(std::uint64_t bound)
    {
        __extension__ using Wide = unsigned __int128;  // GCC and Clang; __extension__ keeps -Wpedantic quiet
        const Wide wide = static_cast<Wide>(next()) * (static_cast<Wide>(bound) + 1);
        return static_cast<std::uint64_t>(wide >> 64);
    }
};

} // namespace

std::vector<std::size_t> sampleRows(std::size_t n, std::size_t k, std::uint64_t seed)
{
    std::vector<std::size_t> rows;
    if (k >= n) {
        rows.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            rows[i] = i;
        return rows;
    }
    // Floyd: for j = n-k .. n-1 pick t in [0, j]; take t, or j when t is already taken. Every
    // k-subset is equally likely, in O(k) draws whatever n is.
    SplitMix64 rng{seed};
    std::unordered_set<std::size_t> taken;
    taken.reserve(k * 2);
    rows.reserve(k);
    for (std::size_t j = n - k; j < n; ++j) {
        const auto t = static_cast<std::size_t>(rng.upTo(j));
        const std::size_t pick = taken.insert(t).second ? t : j;
        if (pick == j)
            taken.insert(j);
        rows.push_back(pick);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

DensityGrid binPairs(const Column& x, const Column& y, const GridSpec& spec)
{
    assert(x.size() == y.size() && hasNumberValue(x.type()) && hasNumberValue(y.type()));
    DensityGrid grid;
    grid.columns = std::max(1, spec.columns);
    grid.rows = std::max(1, spec.rows);
    grid.xMin = spec.xMin;
    grid.xMax = spec.xMax;
    grid.yMin = spec.yMin;
    grid.yMax = spec.yMax;
    if (!(grid.xMin < grid.xMax)) {
        grid.xMin -= 0.5;
        grid.xMax += 0.5;
    }
    if (!(grid.yMin < grid.yMax)) {
        grid.yMin -= 0.5;
        grid.yMax += 0.5;
    }
    grid.counts.assign(static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows), 0);
    // Cell of v as numpy finds it: the edges are numpy.linspace(min, max, cells + 1) (edge k =
    // k * step + min, the last one = max exactly) and v goes to the last edge <= v, the maximum to
    // the last cell. The division only guesses; comparing with the edges settles ties.
    auto cell = [](double v, double min, double max, int cells) {
        if (!(v >= min && v <= max))  // also rejects NaN
            return -1;
        const double step = (max - min) / cells;
        auto edge = [&](int k) { return k == cells ? max : k * step + min; };
        int c = std::clamp(static_cast<int>((v - min) / step), 0, cells - 1);
        while (c > 0 && v < edge(c))
            --c;
        while (c < cells - 1 && v >= edge(c + 1))
            ++c;
        return c;
    };
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (x.isMissing(i) || y.isMissing(i)) {
            ++grid.missingPairs;
            continue;
        }
        const int cx = cell(x.number(i), grid.xMin, grid.xMax, grid.columns);
        const int cy = cell(y.number(i), grid.yMin, grid.yMax, grid.rows);
        if (cx < 0 || cy < 0) {
            ++grid.outsidePairs;
            continue;
        }
        std::int64_t& c = grid.counts[static_cast<std::size_t>(cy) * static_cast<std::size_t>(grid.columns) +
                                      static_cast<std::size_t>(cx)];
        grid.maxCount = std::max(grid.maxCount, ++c);
        ++grid.binned;
    }
    return grid;
}

} // namespace preplab::stats
