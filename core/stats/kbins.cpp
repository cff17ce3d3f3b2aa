#include "core/stats/kbins.h"

#include "core/stats/numpy_like.h"
#include "core/stats/numpy_select.h"
#include "core/stats/power_transform.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace preplab::stats {

namespace {

constexpr std::size_t kChunk = 256;  // sklearn's Lloyd processes samples in chunks of 256

// One Lloyd iteration (sklearn lloyd_iter_chunked_dense, one feature). Returns the new centres;
// fills labels and the per-centre shift.
std::vector<double> lloydStep(const std::vector<double>& x, const std::vector<double>& centers,
                              std::vector<int>& labels, std::vector<double>& shift, bool update)
{
    const std::size_t k = centers.size(), n = x.size();
    std::vector<double> squared(k);
    for (std::size_t j = 0; j < k; ++j)
        squared[j] = centers[j] * centers[j];
    std::vector<double> sums(k, 0.0), weights(k, 0.0);
    std::vector<double> chunkSums(k), chunkWeights(k);
    for (std::size_t start = 0; start < n; start += kChunk) {
        const std::size_t end = std::min(n, start + kChunk);
        std::fill(chunkSums.begin(), chunkSums.end(), 0.0);
        std::fill(chunkWeights.begin(), chunkWeights.end(), 0.0);
        for (std::size_t i = start; i < end; ++i) {
            // ||c||^2 - 2 x.c, as sklearn's gemm-based distance (||x||^2 is dropped); BLAS rounds
            // the product x.c, then adds -2 times it to ||c||^2 (no fused multiply-add: a fused
            // one breaks ties such as x exactly between two centres the other way)
            double best = squared[0] + -2.0 * (x[i] * centers[0]);
            int label = 0;
            for (std::size_t j = 1; j < k; ++j) {
                const double d = squared[j] + -2.0 * (x[i] * centers[j]);
                if (d < best) {
                    best = d;
                    label = static_cast<int>(j);
                }
            }
            labels[i] = label;
            if (update) {
                chunkWeights[label] += 1.0;
                chunkSums[label] += x[i];
            }
        }
        for (std::size_t j = 0; j < k; ++j) {
            weights[j] += chunkWeights[j];
            sums[j] += chunkSums[j];
        }
    }
    if (!update)
        return centers;
    // empty clusters take the points farthest from their centres (sklearn's relocation)
    std::vector<std::size_t> empty;
    for (std::size_t j = 0; j < k; ++j)
        if (weights[j] == 0.0)
            empty.push_back(j);
    if (!empty.empty()) {
        std::vector<double> dist(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double d = x[i] - centers[labels[i]];
            dist[i] = d * d;
        }
        // sklearn: far = np.argpartition(dist, -n_empty)[:-n_empty-1:-1], the farthest first;
        // among equal distances numpy's partition decides (stats::argPartition)
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), 0);
        const std::size_t nEmpty = std::min(empty.size(), n);
        argPartition(dist.data(), order.data(), n, n - nEmpty);
        std::reverse(order.begin(), order.end());
        for (std::size_t e = 0; e < empty.size() && e < n; ++e) {
            const std::size_t far = order[e];
            const int old = labels[far];
            sums[old] -= x[far];
            sums[empty[e]] = x[far];
            weights[empty[e]] = 1.0;
            weights[old] -= 1.0;
        }
    }
    std::vector<double> next(k);
    for (std::size_t j = 0; j < k; ++j)
        next[j] = weights[j] > 0 ? sums[j] * (1.0 / weights[j]) : sums[j];
    for (std::size_t j = 0; j < k; ++j)
        shift[j] = std::abs(next[j] - centers[j]);
    return next;
}

} // namespace

std::vector<double> kmeans1d(const std::vector<double>& values, std::vector<double> init)
{
    const std::size_t n = values.size(), k = init.size();
    const double tol = numpyVariance(values) * 1e-4;
    // sklearn centres the data (and the initial centres) before iterating
    const double mean = pairwiseSum(values.data(), n) / static_cast<double>(n);
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = values[i] - mean;
    for (double& c : init)
        c -= mean;
    std::vector<double> centers = std::move(init);
    std::vector<int> labels(n, -1), labelsOld(n, -1);
    std::vector<double> shift(k, 0.0);
    for (int iter = 0; iter < 300; ++iter) {
        centers = lloydStep(x, centers, labels, shift, true);
        if (labels == labelsOld)
            break;
        double shiftTotal = 0.0;
        for (double s : shift)
            shiftTotal += s * s;
        if (shiftTotal <= tol)
            break;
        labelsOld = labels;
    }
    for (double& c : centers)
        c += mean;
    return centers;
}

Result<KBinsFit> fitKBins(std::vector<double> values, std::size_t nBins, KBinsStrategy strategy)
{
    if (values.empty())
        return makeError(ErrorCode::BadData, "no values to compute bin edges from");
    if (nBins < 2)
        return makeError(ErrorCode::BadRecipe, "n_bins must be at least 2 (got " + std::to_string(nBins) + ")");
    KBinsFit fit;
    fit.requestedBins = nBins;
    const auto [minIt, maxIt] = std::minmax_element(values.begin(), values.end());
    const double lo = *minIt, hi = *maxIt;
    if (lo == hi) {
        fit.constant = true;
        fit.edges = {-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
        return fit;
    }
    switch (strategy) {
    case KBinsStrategy::Uniform:
        fit.edges = linspace(lo, hi, nBins + 1);
        return fit;
    case KBinsStrategy::Quantile: {
        std::sort(values.begin(), values.end());
        for (double q : linspace(0.0, 100.0, nBins + 1))
            fit.edges.push_back(percentileSorted(values, q));
        break;
    }
    case KBinsStrategy::KMeans: {
        if (values.size() < nBins)
            return makeError(ErrorCode::BadData, "kmeans needs at least as many values as bins (" +
                                                     std::to_string(values.size()) + " values, " +
                                                     std::to_string(nBins) + " bins)");
        const std::vector<double> uniform = linspace(lo, hi, nBins + 1);
        std::vector<double> init(nBins);
        for (std::size_t i = 0; i < nBins; ++i)
            init[i] = (uniform[i + 1] + uniform[i]) * 0.5;
        std::vector<double> centers = kmeans1d(values, std::move(init));
        std::sort(centers.begin(), centers.end());
        fit.edges.push_back(lo);
        for (std::size_t i = 0; i + 1 < centers.size(); ++i)
            fit.edges.push_back((centers[i + 1] + centers[i]) * 0.5);
        fit.edges.push_back(hi);
        break;
    }
    }
    std::vector<double> kept{fit.edges[0]};
    for (std::size_t i = 1; i < fit.edges.size(); ++i)
        if (fit.edges[i] - fit.edges[i - 1] > 1e-8)
            kept.push_back(fit.edges[i]);
    fit.binsRemoved = kept.size() != fit.edges.size();
    fit.edges = std::move(kept);
    return fit;
}

double binOf(double x, const KBinsFit& fit)
{
    if (std::isnan(x))
        return x;
    if (fit.edges.size() <= 2)
        return 0.0;
    // searchsorted(edges[1:-1], x, side="right")
    auto first = fit.edges.begin() + 1, last = fit.edges.end() - 1;
    return static_cast<double>(std::upper_bound(first, last, x) - first);
}

} // namespace preplab::stats
