// Train/test splits and cross-validation folds over row positions 0..n-1.
//   trainTestSplit: n_test = ceil(testFraction * n), n_train = n - n_test (sklearn
//     train_test_split). Stratified: each class gets floor(n_test * n_c / n) test rows and the
//     remaining test rows go to the classes with the largest remainders (ties: lower class code);
//     a class keeps at least one training row when it has one to spare. Rows are drawn with the
//     seeded Rng and returned in ascending order.
//   splitFromColumn: honours an existing `split` column whose values are "train" / "test".
//   kFold: sklearn KFold(shuffle=False): contiguous folds, the first n % k one row larger.
//   stratifiedKFold: sklearn StratifiedKFold(shuffle=False) exactly: classes ordered by first
//     appearance, the rows of each class dealt to folds by the allocation of
//     bincount(sorted classes[i::k]).
#pragma once

#include "core/table/column.h"
#include "core/util/result.h"

#include <cstdint>
#include <vector>

namespace preplab::model {

struct SplitIndices {
    std::vector<std::size_t> train;
    std::vector<std::size_t> test;
};

// labels empty = no stratification. testFraction in (0, 1).
Result<SplitIndices> trainTestSplit(std::size_t n, double testFraction, std::uint64_t seed,
                                    const std::vector<int>& labels = {});

// rows[i] = the table row of sample i (after rows with missing values were dropped); the split
// column is read at those rows. Values are matched case-insensitively after trimming.
Result<SplitIndices> splitFromColumn(const Column& split, const std::vector<std::size_t>& rows,
                                     const std::string& columnName = "split");

// folds[f] = the test rows of fold f; the other rows train.
Result<std::vector<SplitIndices>> kFold(std::size_t n, int folds);
Result<std::vector<SplitIndices>> stratifiedKFold(const std::vector<int>& labels, int folds);

} // namespace preplab::model
