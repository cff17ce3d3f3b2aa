// kbins: scikit-learn 1.2.1's KBinsDiscretizer(encode="ordinal") on one column.
//
// Edges: uniform  linspace(min, max, n_bins + 1);
//        quantile numpy percentile(values, linspace(0, 100, n_bins + 1)), `linear` method (1.2.1);
//        kmeans   1-D Lloyd k-means (sklearn KMeans, n_init 1, tol 1e-4 x variance, 300 iterations)
//                 started from the midpoints of the uniform bins; edges = midpoints of the sorted
//                 centres, with min and max as the outer edges.
//        quantile and kmeans then drop every edge closer than 1e-8 to the previous one (fewer bins).
//        A constant column gets one bin (edges -inf, +inf): every value becomes 0.
// Bin of x: searchsorted(inner edges, x, side="right"): bins are [e_i, e_{i+1}), the first open
// to -inf and the last to +inf, so values outside the fitted range land in the end bins.
#pragma once

#include "core/util/result.h"

#include <cstddef>
#include <string>
#include <vector>

namespace preplab::stats {

enum class KBinsStrategy { Uniform, Quantile, KMeans };

struct KBinsFit {
    std::vector<double> edges;   // n_bins_ + 1 ascending edges
    std::size_t requestedBins = 0;
    bool constant = false;       // one bin: the column was constant
    bool binsRemoved = false;    // quantile/kmeans dropped bins narrower than 1e-8
    std::size_t binCount() const { return edges.empty() ? 0 : edges.size() - 1; }
};

// `values`: present values of the fit rows (must be non-empty); nBins >= 2.
Result<KBinsFit> fitKBins(std::vector<double> values, std::size_t nBins, KBinsStrategy strategy);

// Ordinal bin (0-based) of x; NaN stays NaN.
double binOf(double x, const KBinsFit& fit);

// Centres of sklearn's 1-D KMeans (Lloyd, n_init 1) from the given initial centres, unsorted.
std::vector<double> kmeans1d(const std::vector<double>& values, std::vector<double> init);

} // namespace preplab::stats
