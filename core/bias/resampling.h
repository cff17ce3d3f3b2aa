// Resampling kernels (imbalanced-learn semantics), applied by the `resample` op to training rows only.
//
// sampling_strategy: "auto" raises every non-majority class to the majority count (over-sampling,
// SMOTE) or lowers every non-minority class to the minority count (under-sampling). A ratio α
// (two classes only): over-sampling targets int(α · n_majority) rows of the minority class,
// under-sampling keeps int(n_minority / α) rows of the majority class (imblearn's float rule).
// Every draw comes from one seeded generator (splitmix64), so a seed gives the same rows everywhere.
#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace preplab::bias {

// Deterministic generator: splitmix64, with unbiased bounded integers (Lemire) and [0, 1) doubles.
class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    std::size_t below(std::size_t n);  // uniform in [0, n)
    double unit();                     // uniform in [0, 1)

private:
    std::uint64_t m_state;
};

// Target row count per class (index = class code) for the strategy; ratio empty = "auto".
Result<std::vector<std::size_t>> samplingTargets(const std::vector<std::size_t>& classCounts, bool over,
                                                 std::optional<double> ratio);

// Random over-sampling: rows (indices into `classOf`) to append, drawn with replacement per class.
std::vector<std::size_t> randomOverSample(const std::vector<std::int32_t>& classOf,
                                          const std::vector<std::size_t>& targets, std::uint64_t seed);
// Random under-sampling: rows to keep, in ascending order (a random subset without replacement).
std::vector<std::size_t> randomUnderSample(const std::vector<std::int32_t>& classOf,
                                           const std::vector<std::size_t>& targets, std::uint64_t seed);

// SMOTE: one synthetic sample = base + u · (neighbour − base), u ~ U[0, 1), the neighbour drawn from
// the base's k nearest same-class rows (Euclidean on `features`, self excluded).
struct SyntheticRow {
    std::size_t base = 0, neighbour = 0;
    double u = 0;
};
// features: row-major, rows × dims, no missing values (the op imputes or refuses first).
Result<std::vector<SyntheticRow>> smote(const std::vector<double>& features, std::size_t dims,
                                        const std::vector<std::int32_t>& classOf,
                                        const std::vector<std::size_t>& targets, int kNeighbours, std::uint64_t seed);

} // namespace preplab::bias
