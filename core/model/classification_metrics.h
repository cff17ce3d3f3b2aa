// Classification metrics with scikit-learn's definitions. Labels are integer class codes
// (0..K-1 as produced by the feature-matrix builder); every function that can hit a zero
// denominator returns a MetricValue that is undefined with a reason instead of sklearn's
// zero_division=0 (the zero_division=np.nan semantics of sklearn >= 1.3).
#pragma once

#include "core/model/metric_value.h"

#include <Eigen/Core>

#include <vector>

namespace preplab::model {

// C(i, j) = number of rows of true class labels[i] predicted as labels[j]. labels = the sorted
// union of the classes in yTrue and yPred unless given. Binary (labels {0, 1}) ravel() order
// is (TN, FP, FN, TP) = C(0,0), C(0,1), C(1,0), C(1,1).
struct ConfusionMatrix {
    std::vector<int> labels;
    Eigen::MatrixXd counts;

    // Counts of one label treated as the positive class (one-vs-rest).
    double tp(int label) const;
    double fp(int label) const;
    double fn(int label) const;
    double tn(int label) const;
    double support(int label) const;  // rows whose true class is label (TP + FN)
    double total() const { return counts.sum(); }
    int indexOf(int label) const;     // -1 when label is not in labels
};

ConfusionMatrix confusionMatrix(const std::vector<int>& yTrue, const std::vector<int>& yPred,
                                const std::vector<int>& labels = {});

// sum 1[yPred_i = yTrue_i] / n. Undefined on no rows.
MetricValue accuracy(const std::vector<int>& yTrue, const std::vector<int>& yPred);

// Mean over the classes present in yTrue of their recall; a class that is only predicted is
// ignored (as sklearn). adjusted: (s - 1/K) / (1 - 1/K), K = classes in yTrue.
// Golden: y = [0,0,0,1], yPred = [0,0,0,0] -> 0.5 (adjusted 0.0) while accuracy is 0.75.
MetricValue balancedAccuracy(const std::vector<int>& yTrue, const std::vector<int>& yPred, bool adjusted = false);

// Averaging of precision, recall and F1 over labels (sklearn's `average`):
//   Binary    the positive label only
//   Micro     global TP, FP, FN (equals accuracy for single-label multiclass)
//   Macro     unweighted mean over labels (sorted union of yTrue and yPred)
//   Weighted  mean weighted by support (true count)
// A label whose score is undefined is left out of Macro and Weighted (sklearn >= 1.3 with
// zero_division=np.nan) and named in the note; all labels undefined -> undefined.
enum class Average { Binary, Micro, Macro, Weighted };

// precision = TP / (TP + FP): undefined when nothing is predicted positive.
MetricValue precision(const std::vector<int>& yTrue, const std::vector<int>& yPred, Average average = Average::Binary,
                      int positive = 1);
// recall = TP / (TP + FN): undefined when yTrue has no positive.
MetricValue recall(const std::vector<int>& yTrue, const std::vector<int>& yPred, Average average = Average::Binary,
                   int positive = 1);
// F1 = 2 TP / (2 TP + FP + FN) (sklearn >= 1.4, PR #27577): undefined only when TP + FP + FN = 0.
MetricValue f1(const std::vector<int>& yTrue, const std::vector<int>& yPred, Average average = Average::Binary,
               int positive = 1);

// Log loss = -(1/N) sum_i ln p(i, yTrue_i) with natural log. proba is N x K (column k = class k);
// each entry is clipped to [eps, 1 - eps], eps = 2.220446049250313e-16 (float64 machine epsilon,
// sklearn 1.2 eps="auto"), and rows are renormalised to sum 1 (sklearn 1.2).
// Golden: y = [1,0,0,1], p = [[.1,.9],[.9,.1],[.8,.2],[.35,.65]] -> 0.216162;
//         y = [0,1], P(class 1) = [1,0] -> 36.043653 (clipping).
MetricValue logLoss(const std::vector<int>& yTrue, const Eigen::MatrixXd& proba);
// Binary form: positiveProba = P(class 1), yTrue in {0, 1}.
MetricValue logLoss(const std::vector<int>& yTrue, const std::vector<double>& positiveProba);

// Brier score = mean((p_i - 1[yTrue_i = positive])^2).
MetricValue brierScore(const std::vector<int>& yTrue, const std::vector<double>& positiveProba, int positive = 1);

} // namespace preplab::model
