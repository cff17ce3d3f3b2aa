// Decimation: what keeps charts fast on big tables. A chart never hands its drawing layer more than
// a few thousand points per series (Qt Charts takes 0.19 s for 10,000 scatter points and 11.6 s for
// 100,000), so the app thins what it draws with the kernels here:
//   lttbIndices   lines (ROC, PR, validation curves): Largest-Triangle-Three-Buckets keeps the
//                 points that carry the visible shape, first and last always kept;
//   sampleRows    scatters of moderate size: a uniform, seeded (reproducible) row sample;
//   binPairs      scatters of big tables: counts on a 2-D grid, drawn as a density image.
#pragma once

#include "core/table/column.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace preplab::stats {

// Largest-Triangle-Three-Buckets (S. Steinarsson, "Downsampling Time Series for Visual
// Representation", 2013), as in his reference implementation: points 1 .. n-2 are split by index
// into threshold - 2 buckets of (n - 2) / (threshold - 2) points (bucket i spans
// [floor(i * every) + 1, floor((i + 1) * every) + 1)); from each bucket the point kept is the one
// forming the largest triangle with the point kept from the previous bucket and the mean of the
// next bucket (the last point for the last bucket). Points are taken in index order, so x need not
// be monotone (a PR curve's recall is not increasing). Returns ascending indices into x and y,
// always holding 0 and n - 1: all of them when n <= threshold; threshold < 3 keeps first and last.
// x and y have equal length and finite values.
std::vector<std::size_t> lttbIndices(std::span<const double> x, std::span<const double> y, std::size_t threshold);

// k distinct positions out of 0 .. n-1, uniformly at random without replacement (Floyd's
// algorithm on a SplitMix64 stream seeded with `seed`), in ascending order. The same (n, k, seed)
// give the same rows on every platform. k >= n returns every position.
std::vector<std::size_t> sampleRows(std::size_t n, std::size_t k, std::uint64_t seed);

// A 2-D histogram of (x, y) pairs on `columns` x `rows` equal cells over [xMin, xMax] x [yMin, yMax],
// as numpy.histogram2d(x, y, bins=(columns, rows), range=...): each cell holds lo <= v < hi, the
// last cell on each axis is closed (v == max counts), a degenerate range (min == max) is widened
// by 0.5 on each side. Pairs with either value missing are skipped and counted (missingPairs);
// non-finite values and values outside the range are skipped and counted (outsidePairs).
struct DensityGrid {
    int columns = 0, rows = 0;
    double xMin = 0, xMax = 0, yMin = 0, yMax = 0;  // after widening
    std::vector<std::int64_t> counts;  // rows * columns, row-major, row 0 = lowest y
    std::int64_t binned = 0;
    std::int64_t missingPairs = 0;
    std::int64_t outsidePairs = 0;
    std::int64_t maxCount = 0;

    std::int64_t at(int column, int row) const
    {
        return counts[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(column)];
    }
};

struct GridSpec {
    int columns = 160, rows = 100;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
};

// Bins rows 0 .. x.size()-1 of two number-valued columns (Column::number(); equal sizes).
DensityGrid binPairs(const Column& x, const Column& y, const GridSpec& spec);

} // namespace preplab::stats
