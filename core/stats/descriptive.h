// Descriptive statistics of a sample of doubles: the kernels behind profiling. Each one gives the
// figure pandas 1.5 / numpy 1.24 give (Series.describe(), Series.skew(), numpy.percentile).
//
// Missing-value policy: every function takes the PRESENT values only (pandas skipna=True); the
// caller drops missing cells first. NaN must not be passed as a value.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace preplab::stats {

// Sum by numpy's pairwise algorithm: runs of up to 128 values summed with 8 interleaved
// accumulators, longer runs split in two halves (a multiple of 8) recursively. Error grows as
// O(log n), and the rounding matches numpy.sum / pandas Series.sum / Series.mean.
double pairwiseSum(std::span<const double> values);

// Arithmetic mean = pairwiseSum / n (pandas Series.mean). NaN when empty.
double mean(std::span<const double> values);

// Variance sum((x - mean)^2) / (n - ddof), two passes with plain running sums (what pandas
// Series.var / Series.std compute through bottleneck). pandas' default and describe()'s `std` use
// ddof = 1 (sample variance). NaN when n <= ddof.
double variance(std::span<const double> values, int ddof = 1);
double standardDeviation(std::span<const double> values, int ddof = 1);

// Sample skewness exactly as pandas Series.skew(): the adjusted Fisher-Pearson coefficient
//   G1 = n * sqrt(n - 1) / (n - 2) * m3 / m2^1.5,  m2 = sum((x - mean)^2), m3 = sum((x - mean)^3)
// (= sqrt(n(n-1))/(n-2) * g1 with g1 the biased moment ratio). As pandas does, m2 and m3 with an
// absolute value below 1e-14 count as 0 (floating-point noise), m2 == 0 gives 0 (a constant
// column is not skewed), and fewer than 3 values give NaN.
double skewness(std::span<const double> values);

// Mean, sample variance (ddof = 1) and skewness together in two passes over the values (sum;
// then sum((x - mean)^2) and sum((x - mean)^3) side by side, both pairwise): the same definitions
// as mean(), variance() and skewness() above. The variance comes from the pairwise m2 rather
// than a running sum, which agrees with pandas' figure to ~1e-15 relative.
struct Moments {
    std::int64_t n = 0;
    double mean, variance, skewness;  // NaN where undefined (see the functions above)
};
Moments moments(std::span<const double> values);

// Quantile of ASCENDING-SORTED values by numpy's default method 'linear' (Hyndman-Fan type 7, what
// describe()'s 25% / 50% / 75% use): h = (n - 1) * p, i = floor(h), t = h - i, result =
// lerp(x[i], x[i + 1], t) computed as numpy's _lerp does (numpyLerp, numpy_like.h); h >= n - 1
// gives the last value, h < 0 the first. p in [0, 1]. NaN when empty. numpy_like's
// percentileSorted(sorted, q) is quantileSorted(sorted, q / 100).
double quantileSorted(std::span<const double> sorted, double p);

// Quantile of unsorted values (copies them and uses nth_element; same definition as above).
double quantile(std::span<const double> values, double p);

// Sorts ascending in linear time (LSD radix sort on the IEEE-754 bit patterns, skipping bytes that
// every value shares). -0.0 becomes 0.0 (pandas and numpy treat them as equal). No NaN allowed.
void sortValues(std::vector<double>& values);
// The same with caller-owned scratch space (reused between calls, it saves page faults).
void sortValues(std::vector<double>& values, std::vector<double>& scratch);

// Number of sorted values outside [low, high]: e.g. the IQR outliers, outside
// [Q1 - 1.5 IQR, Q3 + 1.5 IQR] (Tukey's fences).
std::int64_t countOutsideSorted(std::span<const double> sorted, double low, double high);

// Number of sorted values equal to v.
std::int64_t countEqualSorted(std::span<const double> sorted, double v);

} // namespace preplab::stats
