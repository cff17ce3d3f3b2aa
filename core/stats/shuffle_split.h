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
#include <optional>
#include <string>
#include <vector>

namespace preplab::stats {

struct TrainTestRows {
    std::vector<std::size_t> train, test;  // ascending
};

std::vector<std::size_t> approximateMode(const std::vector<std::size_t>& classCounts, std::size_t draws,
                                         LegacyRandomState& rng);

// Why StratifiedShuffleSplit would refuse to stratify: a class with fewer than 2 rows (the lowest
// such class code, with its row count and first row), or fewer training or test rows than classes.
struct StratifyRefusal {
    enum class Reason { SmallClass, TooFewRows };
    Reason reason = Reason::SmallClass;
    int classCode = -1;          // SmallClass: the class
    std::size_t classRows = 0;   // SmallClass: its rows (0 or 1)
    std::size_t firstRow = 0;    // SmallClass: its first row position, when it has one
    std::size_t classCount = 0;  // k
    std::size_t trainCount = 0, testCount = 0;
    std::string message() const;  // what shuffleSplit's error says
    // The reason in a recipe's words, naming the class by its value in `classes` (the column the
    // codes were made from, every row) and its row (1-based): what the split op and evaluate say.
    std::string describe(const Column& classes) const;
};

// classOf[r] in 0..k-1 as for shuffleSplit (k = the largest code + 1); testCount < classOf.size().
// Nothing when the split can be stratified or classOf is empty (no stratification asked).
std::optional<StratifyRefusal> stratifyRefusal(const std::vector<int>& classOf, std::size_t testCount);

// classOf empty: not stratified. Otherwise classOf[r] in 0..k-1 is row r's class, codes numbered in
// ascending order of the class values (sortedClassCodes). Errors say what sklearn would refuse
// (stratifyRefusal).
Result<TrainTestRows> shuffleSplit(std::size_t n, std::size_t testCount, std::uint64_t seed,
                                   const std::vector<int>& classOf = {});

// Per row of `rows` (every row when null), the class code of `column`'s value numbered in
// np.unique order: numbers numerically, booleans false < true, text by its UTF-8 bytes (code
// points); missing values form one more class, the last. `classCount` receives k.
std::vector<int> sortedClassCodes(const Column& column, const std::vector<std::size_t>* rows, std::size_t* classCount);

} // namespace preplab::stats
