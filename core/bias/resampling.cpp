#include "core/bias/resampling.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace preplab::bias {

namespace {
__extension__ typedef unsigned __int128 Uint128;
}

std::uint64_t SeededRandom::next()
{
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::size_t SeededRandom::below(std::size_t n)
{
    // Lemire's nearly divisionless method, 64-bit.
    Uint128 m = static_cast<Uint128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - static_cast<std::uint64_t>(n)) % n;
        while (low < threshold) {
            m = static_cast<Uint128>(next()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::size_t>(m >> 64);
}

double SeededRandom::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

Result<std::vector<std::size_t>> samplingTargets(const std::vector<std::size_t>& counts, bool over,
                                                 std::optional<double> ratio)
{
    std::vector<std::size_t> targets = counts;
    std::size_t present = 0;
    for (auto c : counts)
        present += c > 0;
    if (present < 2)
        return makeError(ErrorCode::BadRecipe, "resampling needs at least two classes in the training rows");
    const auto maj = static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    std::size_t minIdx = maj;
    for (std::size_t k = 0; k < counts.size(); ++k)
        if (counts[k] > 0 && counts[k] < counts[minIdx])
            minIdx = k;
    if (!ratio) {
        for (std::size_t k = 0; k < counts.size(); ++k)
            if (counts[k] > 0)
                targets[k] = over ? counts[maj] : counts[minIdx];
        return targets;
    }
    if (present != 2)
        return makeError(ErrorCode::BadRecipe, "a sampling_strategy ratio needs exactly two classes; use \"auto\"");
    if (!(*ratio > 0 && *ratio <= 1))
        return makeError(ErrorCode::BadRecipe, "sampling_strategy ratio must be in (0, 1]");
    if (over) {
        auto want = static_cast<std::size_t>(*ratio * static_cast<double>(counts[maj]));
        if (want < counts[minIdx])
            return makeError(ErrorCode::BadRecipe, "sampling_strategy ratio would remove minority rows; over-sampling "
                                                   "only adds rows (use a larger ratio)");
        targets[minIdx] = want;
    } else {
        auto keep = static_cast<std::size_t>(static_cast<double>(counts[minIdx]) / *ratio);
        if (keep > counts[maj])
            return makeError(ErrorCode::BadRecipe, "sampling_strategy ratio would add majority rows; under-sampling "
                                                   "only removes rows (use a smaller ratio)");
        targets[maj] = keep;
    }
    return targets;
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

} // namespace

std::vector<std::size_t> randomOverSample(const std::vector<std::int32_t>& classOf,
                                          const std::vector<std::size_t>& targets, std::uint64_t seed)
{
    SeededRandom rng(seed);
    auto rows = rowsByClass(classOf, targets.size());
    std::vector<std::size_t> added;
    for (std::size_t k = 0; k < targets.size(); ++k) {
        if (rows[k].empty() || targets[k] <= rows[k].size())
            continue;
        for (std::size_t n = rows[k].size(); n < targets[k]; ++n)
            added.push_back(rows[k][rng.below(rows[k].size())]);
    }
    return added;
}

std::vector<std::size_t> randomUnderSample(const std::vector<std::int32_t>& classOf,
                                           const std::vector<std::size_t>& targets, std::uint64_t seed)
{
    SeededRandom rng(seed);
    auto rows = rowsByClass(classOf, targets.size());
    std::vector<std::size_t> kept;
    for (std::size_t k = 0; k < targets.size(); ++k) {
        auto& r = rows[k];
        const std::size_t keep = std::min(targets[k], r.size());
        // Partial Fisher-Yates: the first `keep` entries become a uniform random subset.
        for (std::size_t i = 0; i < keep; ++i)
            std::swap(r[i], r[i + rng.below(r.size() - i)]);
        kept.insert(kept.end(), r.begin(), r.begin() + static_cast<std::ptrdiff_t>(keep));
    }
    std::sort(kept.begin(), kept.end());
    return kept;
}

Result<std::vector<SyntheticRow>> smote(const std::vector<double>& features, std::size_t dims,
                                        const std::vector<std::int32_t>& classOf,
                                        const std::vector<std::size_t>& targets, int kNeighbours, std::uint64_t seed)
{
    SeededRandom rng(seed);
    auto rows = rowsByClass(classOf, targets.size());
    std::vector<SyntheticRow> out;
    for (std::size_t k = 0; k < targets.size(); ++k) {
        const auto& r = rows[k];
        if (r.empty() || targets[k] <= r.size())
            continue;
        if (r.size() < 2)
            return makeError(ErrorCode::BadRecipe, "SMOTE needs at least 2 rows of a class to interpolate; class " +
                                                       std::to_string(k) + " has 1");
        const std::size_t kk = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, kNeighbours)), r.size() - 1);
        // k nearest same-class neighbours of every row of the class (brute force; classes to
        // over-sample are the small ones).
        std::vector<std::vector<std::size_t>> nn(r.size());
        std::vector<std::pair<double, std::size_t>> dist(r.size());
        for (std::size_t a = 0; a < r.size(); ++a) {
            for (std::size_t b = 0; b < r.size(); ++b) {
                double d = 0;
                for (std::size_t j = 0; j < dims; ++j) {
                    const double diff = features[r[a] * dims + j] - features[r[b] * dims + j];
                    d += diff * diff;
                }
                dist[b] = {b == a ? INFINITY : d, b};
            }
            std::partial_sort(dist.begin(), dist.begin() + static_cast<std::ptrdiff_t>(kk), dist.end());
            for (std::size_t m = 0; m < kk; ++m)
                nn[a].push_back(r[dist[m].second]);
        }
        for (std::size_t n = r.size(); n < targets[k]; ++n) {
            // Uniform over (sample, neighbour) pairs, as imblearn draws from samples × k.
            const std::size_t pick = rng.below(r.size() * kk);
            SyntheticRow s;
            s.base = r[pick / kk];
            s.neighbour = nn[pick / kk][pick % kk];
            s.u = rng.unit();
            out.push_back(s);
        }
    }
    return out;
}

} // namespace preplab::bias
