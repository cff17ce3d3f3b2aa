// Histogram: equal-width bins over the range of a sample, with the bin count chosen by numpy's
// 'auto' rule, so that a PrepLab histogram has the same bars as numpy.histogram(x, bins="auto").
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace preplab::stats {

struct Histogram {
    std::vector<double> edges;  // counts.size() + 1 ascending edges
    std::vector<std::int64_t> counts;  // bin i holds edges[i] <= x < edges[i+1]; the last bin is closed
};

// Bin count by numpy's 'auto' rule: width = min(Freedman-Diaconis, Sturges) when the FD width
// 2 * IQR * n^(-1/3) is positive, else the Sturges width range / (log2(n) + 1); bins =
// ceil(range / width), 1 for a constant sample. IQR = Q3 - Q1 with linear quantiles. Capped at
// maxBins (PrepLab shows at most 50 bars: beyond that bars get thinner than a pixel in the
// column cards and FD is already noise-driven). `sorted` holds finite values in ascending order.
int autoBinCount(std::span<const double> sorted, int maxBins = 50);

// Histogram of finite ascending-sorted values with `bins` equal-width bins between the smallest
// and largest value (numpy.linspace edges; a constant sample v gets [v - 0.5, v + 0.5] as numpy
// does). bins <= 0 means autoBinCount(sorted, maxBins). Empty input gives an empty histogram.
Histogram histogramSorted(std::span<const double> sorted, int bins = 0, int maxBins = 50);

} // namespace preplab::stats
