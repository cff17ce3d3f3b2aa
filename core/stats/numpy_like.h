// numpy_like: the handful of numpy / scikit-learn numeric primitives that PrepLab's fitted ops must
// reproduce bit for bit (or to the last few ulps) so that their numbers match scikit-learn 1.2.1
// with numpy 1.24: linspace, the `linear` percentile, np.interp, the corrected two-pass variance
// that StandardScaler uses, and sklearn's rules for near-zero scales.
//
// Every function takes present values only: callers drop missing cells first (the `nan*`
// functions of numpy ignore NaN, so that is what "missing" means here too).
#pragma once

#include <cstddef>
#include <vector>

namespace preplab::stats {

// numpy.linspace(start, stop, num, endpoint=True): value i = i * ((stop - start) / (num - 1)) + start,
// the last value exactly `stop`. num = 1 gives {start}; num = 0 gives {}.
std::vector<double> linspace(double start, double stop, std::size_t num);

// numpy's _lerp(a, b, t): a + (b - a) * t, or b - (b - a) * (1 - t) when t >= 0.5 (exact at both
// ends, monotone in t). Every `linear` percentile here interpolates with it.
double numpyLerp(double a, double b, double t);

// numpy.percentile(values, q, method="linear") on values already sorted ascending (no NaN),
// q in percent [0, 100]. Hyndman & Fan type 7: virtual index h = (n - 1) * (q / 100),
// result = numpyLerp(x[floor h], x[floor h + 1], h - floor h). Requires a non-empty input.
// It is descriptive.h's quantileSorted(sorted, q / 100), the one implementation.
double percentileSorted(const std::vector<double>& sorted, double q);

// The same percentile on unsorted values, by selection (O(n); may reorder `values`): numpy's
// result exactly, without a full sort. Large inputs are bucketed by a histogram of their top
// bits first, so only the bucket holding the wanted rank is partitioned.
double percentileSelect(std::vector<double>& values, double q);
// Several percentiles of the same values at once (one histogram pass for all), in the order of qs.
std::vector<double> percentilesSelect(std::vector<double>& values, const std::vector<double>& qs);
// numpy.median by selection (reorders `values`).
double medianSelect(std::vector<double>& values);

// numpy.median on sorted values: the middle value, or (a + b) / 2 of the two middle values.
double medianSorted(const std::vector<double>& sorted);

// numpy.interp(x, xp, fp) for ascending xp (ties allowed) of length n >= 1: x below xp[0] gives
// fp[0], above xp[n-1] gives fp[n-1]; between, the segment j with xp[j] <= x < xp[j+1] (for a
// tied xp, the last of the ties) and slope (fp[j+1]-fp[j])/(xp[j+1]-xp[j]); x equal to xp[j]
// gives fp[j] exactly. NaN gives NaN.
double interp(double x, const double* xp, const double* fp, std::size_t n);

// Mean and population variance (ddof = 0) as sklearn's _incremental_mean_and_var computes them
// from an empty state: mean = sum / n; var = (sum (x - mean)^2 - (sum (x - mean))^2 / n) / n
// (the Chan-Golub-LeVeque corrected two-pass formula). n = 0 gives NaN for both.
struct MeanVar {
    double mean = 0.0;
    double var = 0.0;
    std::size_t n = 0;
};
MeanVar meanVar(const std::vector<double>& values);
// The same, using `values` as its scratch space (no copy).
MeanVar meanVar(std::vector<double>&& values);

// sklearn's _is_constant_feature: var <= n * eps * var + (n * mean * eps)^2 with eps the float64
// machine epsilon. A constant column (up to rounding) is centred but never divided.
bool isConstantFeature(double var, double mean, std::size_t n);

// sklearn's _handle_zeros_in_scale without a mask: a scale below 10 * eps becomes 1.
double handleZeroScale(double scale);

// scipy.stats.mode / SimpleImputer(strategy="most_frequent") on numbers: the most frequent
// value, ties broken towards the smallest value. Requires a non-empty input.
double mostFrequent(std::vector<double> values);

// Sum of values as numpy's float64 add.reduce computes it (pairwise summation over blocks of
// 128 with 8 partial sums), so that means and variances agree with numpy to the last ulps.
double pairwiseSum(const double* values, std::size_t n);

} // namespace preplab::stats
