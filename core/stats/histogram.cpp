#include "core/stats/histogram.h"

#include "core/stats/descriptive.h"

#include <algorithm>
#include <cmath>

namespace preplab::stats {

namespace {

// The outer edges numpy uses: min and max, widened by 0.5 each side when they coincide.
std::pair<double, double> outerEdges(std::span<const double> sorted)
{
    double first = sorted.front(), last = sorted.back();
    if (first == last) {
        first -= 0.5;
        last += 0.5;
    }
    return {first, last};
}

} // namespace

int autoBinCount(std::span<const double> sorted, int maxBins)
{
    if (sorted.empty())
        return 0;
    const double n = static_cast<double>(sorted.size());
    const double sturges = (sorted.back() - sorted.front()) / (std::log2(n) + 1.0);
    const double iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
    const double fd = 2.0 * iqr * std::pow(n, -1.0 / 3.0);
    const double width = fd != 0.0 ? std::min(fd, sturges) : sturges;
    if (width == 0.0 || !std::isfinite(width))
        return 1;
    const auto [first, last] = outerEdges(sorted);
    const double bins = std::ceil((last - first) / width);
    return static_cast<int>(std::clamp(bins, 1.0, static_cast<double>(std::max(maxBins, 1))));
}

Histogram histogramSorted(std::span<const double> sorted, int bins, int maxBins)
{
    Histogram h;
    if (sorted.empty())
        return h;
    if (bins <= 0)
        bins = autoBinCount(sorted, maxBins);
    const auto [first, last] = outerEdges(sorted);
    // numpy.linspace(first, last, bins + 1): i * step + first, the last edge set to `last`.
    const double step = (last - first) / static_cast<double>(bins);
    h.edges.resize(static_cast<std::size_t>(bins) + 1);
    for (int i = 0; i <= bins; ++i)
        h.edges[static_cast<std::size_t>(i)] = static_cast<double>(i) * step + first;
    h.edges.back() = last;
    h.counts.assign(static_cast<std::size_t>(bins), 0);
    auto begin = sorted.begin();
    for (int i = 0; i < bins; ++i) {
        auto end = i + 1 == bins ? sorted.end()
                                 : std::lower_bound(begin, sorted.end(), h.edges[static_cast<std::size_t>(i) + 1]);
        h.counts[static_cast<std::size_t>(i)] = end - begin;
        begin = end;
    }
    return h;
}

} // namespace preplab::stats
