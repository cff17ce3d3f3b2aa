// Resampling kernels, draw for draw imbalanced-learn's (0.10: RandomOverSampler, RandomUnderSampler,
// SMOTE), applied by the `resample` op to training rows only. Classes are codes 0..k-1 numbered in
// np.unique order of the labels (stats::sortedClassCodes); every class has at least one row; a
// negative code is a row left alone (missing target). Draws come from numpy's legacy
// RandomState(seed) (stats::LegacyRandomState), so a seed picks exactly imblearn's rows.
//
// samplingStrategy = imblearn's check_sampling_strategy (imblearn/utils/_validation.py): per class the
// rows to draw — rows to add (over-sampling, SMOTE) or rows to keep (under-sampling) — or nothing for
// the class the strategy leaves alone. Counts come from np.unique, so the majority (minority) is the
// first class in label order with the largest (smallest) count.
//   "auto", over  = 'not majority': every class but the majority gets n_majority − n_class;
//   "auto", under = 'not minority': every class but the minority keeps n_minority rows (a class tied
//                   with the minority still draws, which moves the generator);
//   ratio α (binary only), over: the non-majority class gets int(n_majority·α − n_class) > 0;
//                          under: the non-minority class keeps int(n_minority / α) <= its rows.
#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace preplab::bias {

using SamplingStrategy = std::vector<std::optional<std::size_t>>;

Result<SamplingStrategy> samplingStrategy(const std::vector<std::size_t>& classCounts, bool over,
                                          std::optional<double> ratio);

// Random over-sampling (RandomOverSampler._fit_resample): one RandomState(seed); for each class in
// code order, choice(rows of the class, n, replace=True) = the class's rows at randint(0, size, n).
// Returns the rows (indices into `classOf`) to append, in that order.
std::vector<std::size_t> randomOverSample(const std::vector<std::int32_t>& classOf, const SamplingStrategy& strategy,
                                          std::uint64_t seed);

// Random under-sampling (RandomUnderSampler._fit_resample): one RandomState(seed); for each class in
// code order with a count, choice(size, n, replace=False) = permutation(size)[:n] of its rows; a class
// without one keeps every row. Returns the kept rows in ascending order (imblearn sorts them too).
std::vector<std::size_t> randomUnderSample(const std::vector<std::int32_t>& classOf, const SamplingStrategy& strategy,
                                           std::uint64_t seed);

// SMOTE (SMOTE._fit_resample, BaseSMOTE._make_samples): for each class in code order with n > 0, a
// fresh RandomState(seed); neighbours nn = NearestNeighbors(k + 1).kneighbors(X_class)[:, 1:]
// (Euclidean, ties by row order, so a duplicate row can stand before the row itself);
// idx = randint(0, size·k, n), then u = uniform(size=n); base = idx / k, neighbour = nn[base, idx % k];
// the synthetic row is base + u · (neighbour − base). A class with fewer than k + 1 rows uses its
// size − 1 neighbours (imblearn refuses); a class with one row cannot be interpolated (error).
struct SyntheticRow {
    std::size_t base = 0, neighbour = 0;
    double u = 0;
};
// features: row-major, rows × dims, no missing values (the op refuses first).
Result<std::vector<SyntheticRow>> smote(const std::vector<double>& features, std::size_t dims,
                                        const std::vector<std::int32_t>& classOf, const SamplingStrategy& strategy,
                                        int kNeighbours, std::uint64_t seed);

} // namespace preplab::bias
