// Ranking metrics of a binary score with scikit-learn's definitions: ROC curve and AUC,
// precision-recall curve and average precision. A row is positive when yTrue == positive;
// the score is higher for "more positive". Thresholds are the distinct scores in decreasing
// order and a row counts as predicted positive when score >= threshold.
#pragma once

#include "core/model/metric_value.h"

#include <Eigen/Core>

#include <vector>

namespace preplab::model {

// Cumulative counts at each distinct score, highest first (sklearn's _binary_clf_curve):
// tps[i] / fps[i] = positives / negatives with score >= thresholds[i].
struct BinaryCounts {
    std::vector<double> thresholds;
    std::vector<double> tps;
    std::vector<double> fps;
};
BinaryCounts binaryCounts(const std::vector<int>& yTrue, const std::vector<double>& scores, int positive = 1);

// fpr = fps / negatives, tpr = tps / positives. With dropIntermediate (sklearn default) points
// that are collinear with their neighbours are removed. A first point (0, 0) is prepended with
// threshold +inf (sklearn >= 1.3; 1.2 used max(score) + 1). One class in yTrue: `reason` says so
// and the undefined axis is NaN.
struct RocCurve {
    std::vector<double> fpr;
    std::vector<double> tpr;
    std::vector<double> thresholds;
    std::string reason;  // non-empty when the curve is undefined
};
RocCurve rocCurve(const std::vector<int>& yTrue, const std::vector<double>& scores, int positive = 1,
                  bool dropIntermediate = true);

// Trapezoidal area under the ROC curve = P(S_pos > S_neg) + 1/2 P(S_pos = S_neg): tied scores
// form one diagonal step, so ties get half credit. Undefined with one class in yTrue (sklearn
// >= 1.6 returns NaN). Golden: y = [0,0,1,1], s = [.5,.5,.5,.9] -> 0.75; s = [.1,.4,.35,.8] -> 0.75.
MetricValue rocAuc(const std::vector<int>& yTrue, const std::vector<double>& scores, int positive = 1);

// One-vs-rest macro ROC AUC of a K-class probability matrix (sklearn multi_class="ovr",
// average="macro"): the mean over classes of the binary AUC of column k. Undefined if any
// class is absent from yTrue.
MetricValue rocAucOvr(const std::vector<int>& yTrue, const Eigen::MatrixXd& proba);

// precision[i] = tps / (tps + fps), recall[i] = tps / positives, ordered by increasing
// threshold, with a final point (recall 0, precision 1) that has no threshold (sklearn 1.2:
// thresholds has one element fewer than precision and recall). No positive in yTrue: recall
// is 1 everywhere (as sklearn) and `reason` says so.
struct PrecisionRecallCurve {
    std::vector<double> precision;
    std::vector<double> recall;
    std::vector<double> thresholds;
    std::string reason;
};
PrecisionRecallCurve precisionRecallCurve(const std::vector<int>& yTrue, const std::vector<double>& scores,
                                          int positive = 1);

// AP = sum_n (R_n - R_{n-1}) P_n over the distinct thresholds, no interpolation (not the
// trapezoid). Undefined when yTrue has no positive (sklearn 1.2 returns -0.0).
// Golden: y = [0,0,1,1], s = [.1,.4,.35,.8] -> 0.833333; s = [.5,.5,.5,.9] -> 0.75.
MetricValue averagePrecision(const std::vector<int>& yTrue, const std::vector<double>& scores, int positive = 1);

// Trapezoidal area under any curve given by increasing (or decreasing) x (sklearn.metrics.auc).
double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y);

} // namespace preplab::model
