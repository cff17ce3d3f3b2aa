#include "core/stats/knn_impute.h"

#include "core/stats/numpy_like.h"
#include "core/stats/numpy_select.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>

namespace preplab::stats {

double nanEuclidean(const std::vector<const double*>& columns, std::size_t a, std::size_t b)
{
    double sum = 0.0;
    std::size_t present = 0;
    for (const double* col : columns) {
        const double x = col[a], y = col[b];
        if (std::isnan(x) || std::isnan(y))
            continue;
        sum += (x - y) * (x - y);
        ++present;
    }
    if (present == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return std::sqrt(sum / static_cast<double>(present) * static_cast<double>(columns.size()));
}

Result<std::vector<NanColumn>> knnImpute(const std::vector<NanColumn>& columns,
                                         const std::vector<std::size_t>& fitRows, const KnnImputeOptions& options,
                                         const Progress& progress)
{
    std::vector<NanColumn> out = columns;
    if (columns.empty())
        return out;
    const std::size_t rows = columns[0].size(), p = columns.size();
    std::vector<const double*> ptrs(p);
    for (std::size_t j = 0; j < p; ++j)
        ptrs[j] = columns[j].data();

    // per column: the fit rows where it is present (donors) and its mean over them
    std::vector<std::vector<std::size_t>> donors(p);
    std::vector<double> means(p, std::numeric_limits<double>::quiet_NaN());
    std::vector<double> filled(fitRows.size());
    for (std::size_t j = 0; j < p; ++j) {
        // np.ma mean: the masked values count as 0 in numpy's pairwise sum
        for (std::size_t i = 0; i < fitRows.size(); ++i) {
            const double v = columns[j][fitRows[i]];
            filled[i] = std::isnan(v) ? 0.0 : v;
            if (!std::isnan(v))
                donors[j].push_back(fitRows[i]);
        }
        if (!donors[j].empty())
            means[j] = pairwiseSum(filled.data(), filled.size()) / static_cast<double>(donors[j].size());
    }
    std::vector<std::size_t> receivers;
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t j = 0; j < p; ++j)
            if (std::isnan(columns[j][r]) && !donors[j].empty()) {
                receivers.push_back(r);
                break;
            }

    // Every thread counts the rows it finished and checks the cancel flag between rows; the
    // caller's thread (the block from 0) reports the total now and then.
    std::atomic<std::size_t> finished{0};
    std::atomic<bool> stop{false};
    const double total = static_cast<double>(receivers.size());
    progress.report(0.0, "KNN imputation");
    parallelFor(receivers.size(), [&](std::size_t begin, std::size_t end) {
        std::vector<double> dist(fitRows.size());
        std::vector<std::size_t> fitPos(rows, 0);
        std::vector<std::size_t> order;
        std::vector<double> candDist, terms, weights;
        for (std::size_t i = 0; i < fitRows.size(); ++i)
            fitPos[fitRows[i]] = i;
        for (std::size_t ri = begin; ri < end; ++ri) {
            if ((ri - begin) % 16 == 0) {
                if (progress.cancelled())
                    stop = true;
                if (stop)
                    return;
                if (begin == 0)
                    progress.report(static_cast<double>(finished.load()) / total, "KNN imputation");
            }
            finished.fetch_add(1, std::memory_order_relaxed);
            const std::size_t r = receivers[ri];
            for (std::size_t i = 0; i < fitRows.size(); ++i)
                dist[i] = nanEuclidean(ptrs, r, fitRows[i]);
            for (std::size_t j = 0; j < p; ++j) {
                if (!std::isnan(columns[j][r]) || donors[j].empty())
                    continue;
                const auto& cand = donors[j];
                order.resize(cand.size());
                std::iota(order.begin(), order.end(), 0);
                bool anyDefined = false;
                for (std::size_t c : cand)
                    anyDefined = anyDefined || !std::isnan(dist[fitPos[c]]);
                if (!anyDefined) {
                    out[j][r] = means[j];
                    continue;
                }
                // sklearn: np.argpartition(distances, k - 1)[:k] over the donors in fit-row order
                candDist.resize(cand.size());
                for (std::size_t c = 0; c < cand.size(); ++c)
                    candDist[c] = dist[fitPos[cand[c]]];
                const std::size_t k = std::min(options.nNeighbors, cand.size());
                argPartition(candDist.data(), order.data(), order.size(), k - 1);
                // numpy sums each row of k terms pairwise (np.ma.average)
                terms.resize(k);
                if (!options.distanceWeights) {
                    for (std::size_t t = 0; t < k; ++t)
                        terms[t] = columns[j][cand[order[t]]];
                    out[j][r] = pairwiseSum(terms.data(), k) / static_cast<double>(k);
                    continue;
                }
                bool anyZero = false;
                for (std::size_t t = 0; t < k; ++t)
                    anyZero = anyZero || candDist[order[t]] == 0.0;
                weights.resize(k);
                for (std::size_t t = 0; t < k; ++t) {
                    const double d = candDist[order[t]];
                    double w;
                    if (std::isnan(d))
                        w = 0.0;
                    else if (anyZero)
                        w = d == 0.0 ? 1.0 : 0.0;
                    else
                        w = 1.0 / d;
                    weights[t] = w;
                    terms[t] = w * columns[j][cand[order[t]]];
                }
                const double num = pairwiseSum(terms.data(), k), den = pairwiseSum(weights.data(), k);
                out[j][r] = num / den;
            }
        }
    }, 64);
    if (stop)
        return makeError(ErrorCode::Cancelled, "KNN imputation cancelled");
    progress.report(1.0, "KNN imputation");
    return out;
}

} // namespace preplab::stats
