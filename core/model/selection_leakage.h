// SelectionLeakage: the strong version of teaching scenario 4 (semantics-and-bias.md §4; ESL
// §7.10.2, "the wrong way to do cross-validation"). Pure noise — `rows` rows, `features` standard
// normal features, labels 0/1 drawn half and half at random, so nothing can be learned — and a
// selector that keeps the `selected` features most correlated with the label, then a model scored
// by stratified k-fold cross-validation:
//   wrong way  the selector is fitted once on ALL rows, then only the model is cross-validated:
//              the kept features were chosen because they happen to match the labels of the test
//              folds too, so the accuracy looks far better than chance (ESL: ~0.97 with 1-NN);
//   right way  the selector is refitted inside each fold on its training rows only: accuracy ~0.5.
// Correlation = Pearson's r of a feature with the 0/1 label over the fit rows; features are ranked
// by |r| (ties: lower feature index first). Deterministic for a given seed.
#pragma once

#include "core/model/evaluation.h"
#include "core/util/result.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace preplab::model {

struct SelectionLeakageOptions {
    std::size_t rows = 100;
    std::size_t features = 5000;
    std::size_t selected = 100;
    int folds = 5;
    std::uint64_t seed = 0;
    ModelSpec model = {"knn", 1};  // 1-nearest neighbour, as ESL
};

struct SelectionLeakageResult {
    Eigen::MatrixXd x;    // the noise (rows x features)
    std::vector<int> y;   // the random labels
    double wrongWayAccuracy = 0;   // selection on all rows, mean over the folds
    double rightWayAccuracy = 0;   // selection inside each fold
    std::vector<double> wrongWayFolds, rightWayFolds;
    std::vector<std::size_t> selectedOnAllRows;  // the features the wrong way keeps
};

// The `k` columns of x with the largest |Pearson r| with y over `rows`, in that order. A column
// constant over `rows` has r = 0.
std::vector<std::size_t> topCorrelatedFeatures(const Eigen::MatrixXd& x, const std::vector<int>& y,
                                               const std::vector<std::size_t>& rows, std::size_t k);

Result<SelectionLeakageResult> selectionLeakage(const SelectionLeakageOptions& options);

} // namespace preplab::model
