// Pearson correlation between numeric columns, computed as pandas DataFrame.corr(method="pearson")
// does: each pair uses only the rows where BOTH values are present (pairwise-complete), with the
// means of those rows:  r = sum(dx * dy) / sqrt(sum(dx^2) * sum(dy^2)).
// r is NaN (undefined) when fewer than 2 rows are complete or either column is constant on them.
#pragma once

#include "core/table/column.h"

#include <span>
#include <vector>

namespace preplab::stats {

// x and y of equal length; NaN marks a missing value. Two passes over the complete rows.
double pearson(std::span<const double> x, std::span<const double> y);

// The symmetric matrix (row-major, columns.size()^2) of pairwise-complete Pearson r between
// number-valued columns (Column::number(); non-finite values count as missing). The diagonal is 1,
// or NaN for a constant column. Fast path for wide tables: one pass over row blocks accumulating
// Gram matrices of the values (shifted by each column's mean) and of the validity masks, split
// over threads; agrees with pearson() to ~1e-12. `means`, when given, holds each column's mean of
// its present values (a profile already knows them; it saves a pass over the data).
std::vector<double> pearsonMatrix(const std::vector<const Column*>& columns, std::span<const double> means = {});

} // namespace preplab::stats
