#include "core/stats/knn_impute.h"

#include "core/util/parallel.h"

#include <algorithm>
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

std::vector<NanColumn> knnImpute(const std::vector<NanColumn>& columns, const std::vector<std::size_t>& fitRows,
                                 const KnnImputeOptions& options)
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
    for (std::size_t j = 0; j < p; ++j) {
        double sum = 0.0;
        for (std::size_t r : fitRows)
            if (!std::isnan(columns[j][r])) {
                donors[j].push_back(r);
                sum += columns[j][r];
            }
        if (!donors[j].empty())
            means[j] = sum / static_cast<double>(donors[j].size());
    }
    std::vector<std::size_t> receivers;
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t j = 0; j < p; ++j)
            if (std::isnan(columns[j][r]) && !donors[j].empty()) {
                receivers.push_back(r);
                break;
            }

    parallelFor(receivers.size(), [&](std::size_t begin, std::size_t end) {
        std::vector<double> dist(fitRows.size());
        std::vector<std::size_t> fitPos(rows, 0);
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < fitRows.size(); ++i)
            fitPos[fitRows[i]] = i;
        for (std::size_t ri = begin; ri < end; ++ri) {
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
                auto key = [&](std::size_t c) {
                    double d = dist[fitPos[cand[c]]];
                    return std::isnan(d) ? std::numeric_limits<double>::infinity() : d;
                };
                auto less = [&](std::size_t a, std::size_t b) {
                    const double ka = key(a), kb = key(b);
                    const bool na = std::isnan(dist[fitPos[cand[a]]]), nb = std::isnan(dist[fitPos[cand[b]]]);
                    if (na != nb)
                        return nb;  // defined distances first
                    return ka < kb || (ka == kb && a < b);
                };
                const std::size_t k = std::min(options.nNeighbors, cand.size());
                if (k <= 3) {
                    // numpy's argpartition for kth < 3 is a selection sort with swaps (dumb_select):
                    // replaying it picks the same donors among exact ties as sklearn
                    for (std::size_t i = 0; i < k; ++i) {
                        std::size_t minIdx = i;
                        for (std::size_t t = i + 1; t < order.size(); ++t) {
                            const double a = dist[fitPos[cand[order[t]]]], b = dist[fitPos[cand[order[minIdx]]]];
                            if (a < b || (std::isnan(b) && !std::isnan(a)))
                                minIdx = t;
                        }
                        std::swap(order[i], order[minIdx]);
                    }
                } else {
                    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(), less);
                }
                double num = 0.0, den = 0.0;
                if (!options.distanceWeights) {
                    for (std::size_t t = 0; t < k; ++t)
                        num += columns[j][cand[order[t]]];
                    out[j][r] = num / static_cast<double>(k);
                    continue;
                }
                bool anyZero = false;
                for (std::size_t t = 0; t < k; ++t)
                    anyZero = anyZero || dist[fitPos[cand[order[t]]]] == 0.0;
                for (std::size_t t = 0; t < k; ++t) {
                    const double d = dist[fitPos[cand[order[t]]]];
                    double w;
                    if (std::isnan(d))
                        w = 0.0;
                    else if (anyZero)
                        w = d == 0.0 ? 1.0 : 0.0;
                    else
                        w = 1.0 / d;
                    num += w * columns[j][cand[order[t]]];
                    den += w;
                }
                out[j][r] = num / den;
            }
        }
    }, 64);
    return out;
}

} // namespace preplab::stats
