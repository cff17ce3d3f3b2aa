// Train/test splits and cross-validation folds over row positions 0..n-1.
//   trainTestSplit: n_test = ceil(testFraction * n), n_train = n - n_test, and exactly the rows of
//     sklearn's train_test_split(test_size=testFraction, random_state=seed, stratify=labels)
//     (core/stats/shuffle_split.h; labels are ranked in ascending order as np.unique does). When
//     sklearn would refuse to stratify (a class with one row, fewer rows than classes on a side)
//     the split is not stratified and `note` says why. Rows are returned in ascending order.
//   splitFromColumn: honours an existing `split` column whose values are "train" / "test".
//   kFold: sklearn KFold(shuffle=False): contiguous folds, the first n % k one row larger.
//   stratifiedKFold: sklearn StratifiedKFold(shuffle=False) exactly: classes ordered by first
//     appearance, the rows of each class dealt to folds by the allocation of
//     bincount(sorted classes[i::k]).
#pragma once

#include "core/table/column.h"
#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace preplab::model {

struct SplitIndices {
    std::vector<std::size_t> train;
    std::vector<std::size_t> test;
    std::string note;  // why a requested stratification was not done, else empty
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
