// scikit-learn's seeded train/test split over row positions 0..n-1, draw for draw: the first split
// of ShuffleSplit (train_test_split without stratify) and of StratifiedShuffleSplit
// (train_test_split with stratify), using numpy's legacy RandomState(seed) (numpy_random.h).
//   ShuffleSplit: p = permutation(n); test = p[:n_test], train = p[n_test:].
//   StratifiedShuffleSplit: classes in ascending order of value (np.unique), counts c_i;
//     n_i = approximateMode(c, n_train), t_i = approximateMode(c - n_i, n_test); then per class
//     p = permutation(c_i) over the class's rows in ascending position: the first n_i train, the
//     next t_i test. Needs every class to have >= 2 rows and n_train, n_test >= the class count.
//   approximateMode (sklearn.utils._approximate_mode): floor(c_i / sum(c) * n_draws), then the
//     rows still to give go to the largest remainders; a tie among more classes than rows left is
//     broken by choice(tied, k, replace=False).
// Results are returned with row positions ascending (only membership matters to a split).
#pragma once

#include "core/stats/numpy_random.h"
#include "core/table/column.h"
#include "core/util/result.h"

#include <cstdint>
#include <vector>

namespace preplab::stats {

struct TrainTestRows {
    std::vector<std::size_t> train, test;  // ascending
};

std::vector<std::size_t> approximateMode(const std::vector<std::size_t>& classCounts, std::size_t draws,
                                         LegacyRandomState& rng);

// classOf empty: not stratified. Otherwise classOf[r] in 0..k-1 is row r's class, codes numbered in
// ascending order of the class values (sortedClassCodes). Errors say what sklearn would refuse.
Result<TrainTestRows> shuffleSplit(std::size_t n, std::size_t testCount, std::uint64_t seed,
                                   const std::vector<int>& classOf = {});

// Per row of `rows` (every row when null), the class code of `column`'s value numbered in
// np.unique order: numbers numerically, booleans false < true, text by its UTF-8 bytes (code
// points); missing values form one more class, the last. `classCount` receives k.
std::vector<int> sortedClassCodes(const Column& column, const std::vector<std::size_t>* rows, std::size_t* classCount);

} // namespace preplab::stats
