// knn_impute: scikit-learn 1.2.1's KNNImputer (metric "nan_euclidean") on a block of numeric
// columns.
//
// nan_euclidean distance between rows x and y over p columns:
//   d(x, y) = sqrt( p / m * sum_{j present in both} (x_j - y_j)^2 ),  m = number of such j;
//   undefined (NaN) when m = 0.
// For each row and each column j it misses: donors are the FIT rows whose column j is present;
// the k = min(n_neighbors, #donors) nearest by d (undefined distances sort last; exact ties as
// numpy's argpartition resolves them, stats::argPartition, so the same donors as sklearn's) give
// the value, summed in argpartition's order as numpy does:
//   uniform:  mean of the donors' values;
//   distance: sum w_i v_i / sum w_i with w_i = 1/d_i; when a donor is at distance 0, only the
//             donors at distance 0 count (weight 1 each); undefined distances weigh 0.
// When every donor distance is undefined, the mean of column j over the fit rows is used.
// A column with no present value in the fit rows cannot be imputed (left missing: the op
// reports it; sklearn drops such columns). Distances use the values as they were before
// imputation.
// The cost is (rows with a missing value) x (fit rows) distances: on a large table knnImpute
// reports the fraction of receiving rows done and stops, with ErrorCode::Cancelled, soon after
// its Progress is cancelled.
#pragma once

#include "core/util/progress.h"
#include "core/util/result.h"

#include <cstddef>
#include <vector>

namespace preplab::stats {

// One column's values with NaN for missing.
using NanColumn = std::vector<double>;

double nanEuclidean(const std::vector<const double*>& columns, std::size_t a, std::size_t b);

struct KnnImputeOptions {
    std::size_t nNeighbors = 5;
    bool distanceWeights = false;
};

// Imputes `columns` (all of one length) using the rows `fitRows` as the only donors; returns the
// columns with every imputable missing cell filled.
Result<std::vector<NanColumn>> knnImpute(const std::vector<NanColumn>& columns,
                                         const std::vector<std::size_t>& fitRows, const KnnImputeOptions& options,
                                         const Progress& progress = {});

} // namespace preplab::stats
