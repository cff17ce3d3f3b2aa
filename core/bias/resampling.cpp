#include "core/bias/resampling.h"

#include "core/stats/numpy_random.h"

#include <algorithm>
#include <string>

namespace preplab::bias {

Result<SamplingStrategy> samplingStrategy(const std::vector<std::size_t>& counts, bool over,
                                          std::optional<double> ratio)
{
    if (counts.size() < 2)
        return makeError(ErrorCode::BadRecipe, "resampling needs at least two classes in the training rows");
    // max / min over the np.unique-ordered counts: the first class wins a tie.
    const auto majority = static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    const auto minority = static_cast<std::size_t>(std::min_element(counts.begin(), counts.end()) - counts.begin());
    SamplingStrategy strategy(counts.size());
    if (ratio && counts.size() != 2)
        return makeError(ErrorCode::BadRecipe, "a sampling_strategy ratio needs exactly two classes; use \"auto\"");
    if (ratio && !(*ratio > 0 && *ratio <= 1))
        return makeError(ErrorCode::BadRecipe, "sampling_strategy ratio must be in (0, 1]");
    for (std::size_t k = 0; k < counts.size(); ++k) {
        if (over && k != majority) {
            if (!ratio) {
                strategy[k] = counts[majority] - counts[k];
                continue;
            }
            const double want = static_cast<double>(counts[majority]) * *ratio - static_cast<double>(counts[k]);
            if (static_cast<long long>(want) <= 0)
                return makeError(ErrorCode::BadRecipe,
                                 "sampling_strategy ratio " + std::to_string(*ratio) +
                                     " would remove minority rows or add none; over-sampling only adds rows "
                                     "(use a larger ratio)");
            strategy[k] = static_cast<std::size_t>(want);
        } else if (!over && k != minority) {
            if (!ratio) {
                strategy[k] = counts[minority];
                continue;
            }
            const auto keep = static_cast<std::size_t>(static_cast<double>(counts[minority]) / *ratio);
            if (keep > counts[k])
                return makeError(ErrorCode::BadRecipe, "sampling_strategy ratio would add majority rows; "
                                                       "under-sampling only removes rows (use a larger ratio)");
            strategy[k] = keep;
        }
    }
    return strategy;
}

namespace {

std::vector<std::vector<std::size_t>> rowsByClass(const std::vector<std::int32_t>& classOf, std::size_t classes)
{
    std::vector<std::vector<std::size_t>> rows(classes);
    for (std::size_t i = 0; i < classOf.size(); ++i)
        if (classOf[i] >= 0)
            rows[static_cast<std::size_t>(classOf[i])].push_back(i);
    return rows;
}

// NearestNeighbors(n_neighbors = k + 1).fit(X_class).kneighbors(X_class)[:, 1:], flattened row by row;
// squared Euclidean distances, equal distances in row order.
std::vector<std::size_t> neighbourTable(const std::vector<double>& features, std::size_t dims,
                                        const std::vector<std::size_t>& rows, std::size_t k)
{
    const std::size_t n = rows.size();
    std::vector<std::size_t> nn(n * k);
    std::vector<std::pair<double, std::size_t>> dist(n);
    for (std::size_t a = 0; a < n; ++a) {
        const double* xa = &features[rows[a] * dims];
        for (std::size_t b = 0; b < n; ++b) {
            const double* xb = &features[rows[b] * dims];
            double d = 0;
            for (std::size_t j = 0; j < dims; ++j)
                d += (xa[j] - xb[j]) * (xa[j] - xb[j]);
            dist[b] = {d, b};
        }
        std::partial_sort(dist.begin(), dist.begin() + static_cast<std::ptrdiff_t>(k + 1), dist.end());
        for (std::size_t m = 0; m < k; ++m)
            nn[a * k + m] = dist[m + 1].second;
    }
    return nn;
}

} // namespace

std::vector<std::size_t> randomOverSample(const std::vector<std::int32_t>& classOf, const SamplingStrategy& strategy,
                                          std::uint64_t seed)
{
    stats::LegacyRandomState rng(seed);
    const auto rows = rowsByClass(classOf, strategy.size());
    std::vector<std::size_t> added;
    for (std::size_t k = 0; k < strategy.size(); ++k) {
        if (!strategy[k] || rows[k].empty())
            continue;
        for (std::size_t n = 0; n < *strategy[k]; ++n)
            added.push_back(rows[k][rng.interval(rows[k].size() - 1)]);
    }
    return added;
}

std::vector<std::size_t> randomUnderSample(const std::vector<std::int32_t>& classOf, const SamplingStrategy& strategy,
                                           std::uint64_t seed)
{
    stats::LegacyRandomState rng(seed);
    const auto rows = rowsByClass(classOf, strategy.size());
    std::vector<std::size_t> kept;
    for (std::size_t k = 0; k < strategy.size(); ++k) {
        if (!strategy[k]) {
            kept.insert(kept.end(), rows[k].begin(), rows[k].end());
            continue;
        }
        for (std::size_t pick : rng.choice(rows[k].size(), *strategy[k]))
            kept.push_back(rows[k][pick]);
    }
    std::sort(kept.begin(), kept.end());
    return kept;
}

Result<std::vector<SyntheticRow>> smote(const std::vector<double>& features, std::size_t dims,
                                        const std::vector<std::int32_t>& classOf, const SamplingStrategy& strategy,
                                        int kNeighbours, std::uint64_t seed)
{
    const auto rows = rowsByClass(classOf, strategy.size());
    std::vector<SyntheticRow> out;
    for (std::size_t k = 0; k < strategy.size(); ++k) {
        const auto& r = rows[k];
        if (!strategy[k] || *strategy[k] == 0)
            continue;
        if (r.size() < 2)
            return makeError(ErrorCode::BadRecipe, "SMOTE needs at least 2 rows of a class to interpolate; class " +
                                                       std::to_string(k) + " has " + std::to_string(r.size()));
        const std::size_t kk = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, kNeighbours)), r.size() - 1);
        const auto nn = neighbourTable(features, dims, r, kk);
        stats::LegacyRandomState rng(seed);  // _make_samples: check_random_state(seed) for every class
        const std::size_t n = *strategy[k];
        std::vector<std::size_t> picks(n);
        for (auto& p : picks)
            p = rng.interval(nn.size() - 1);
        for (std::size_t m = 0; m < n; ++m) {
            SyntheticRow s;
            s.base = r[picks[m] / kk];
            s.neighbour = r[nn[picks[m]]];
            s.u = rng.randomSample();
            out.push_back(s);
        }
    }
    return out;
}

} // namespace preplab::bias
