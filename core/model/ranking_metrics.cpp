#include "core/model/ranking_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace preplab::model {

BinaryCounts binaryCounts(const std::vector<int>& yTrue, const std::vector<double>& scores, int positive)
{
    BinaryCounts out;
    const std::size_t n = std::min(yTrue.size(), scores.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    double tp = 0, fp = 0;
    for (std::size_t j = 0; j < n; ++j) {
        std::size_t i = order[j];
        (yTrue[i] == positive ? tp : fp) += 1;
        // A threshold closes where the next score differs (and at the last row).
        if (j + 1 == n || scores[order[j + 1]] != scores[i]) {
            out.thresholds.push_back(scores[i]);
            out.tps.push_back(tp);
            out.fps.push_back(fp);
        }
    }
    return out;
}

RocCurve rocCurve(const std::vector<int>& yTrue, const std::vector<double>& scores, int positive,
                  bool dropIntermediate)
{
    BinaryCounts c = binaryCounts(yTrue, scores, positive);
    RocCurve out;
    std::vector<std::size_t> keep;
    const std::size_t m = c.tps.size();
    for (std::size_t i = 0; i < m; ++i) {
        bool corner = true;
        // sklearn keeps a point when the second difference of fps or tps is non-zero there.
        if (dropIntermediate && m > 2 && i > 0 && i + 1 < m) {
            double d2f = c.fps[i + 1] - 2 * c.fps[i] + c.fps[i - 1];
            double d2t = c.tps[i + 1] - 2 * c.tps[i] + c.tps[i - 1];
            corner = d2f != 0 || d2t != 0;
        }
        if (corner)
            keep.push_back(i);
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double positives = m ? c.tps.back() : 0, negatives = m ? c.fps.back() : 0;
    if (positives <= 0)
        out.reason = "no positive row, so the true positive rate is undefined";
    else if (negatives <= 0)
        out.reason = "no negative row, so the false positive rate is undefined";
    out.thresholds.push_back(std::numeric_limits<double>::infinity());
    out.fpr.push_back(negatives > 0 ? 0.0 : nan);
    out.tpr.push_back(positives > 0 ? 0.0 : nan);
    for (std::size_t i : keep) {
        out.thresholds.push_back(c.thresholds[i]);
        out.fpr.push_back(negatives > 0 ? c.fps[i] / negatives : nan);
        out.tpr.push_back(positives > 0 ? c.tps[i] / positives : nan);
    }
    return out;
}

double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y)
{
    double area = 0;
    for (std::size_t i = 1; i < std::min(x.size(), y.size()); ++i)
        area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
    bool decreasing = x.size() > 1 && x.back() < x.front();
    return decreasing ? -area : area;
}

MetricValue rocAuc(const std::vector<int>& yTrue, const std::vector<double>& scores, int positive)
{
    if (yTrue.size() != scores.size())
        return MetricValue::undefined("yTrue and the scores differ in length");
    if (yTrue.empty())
        return MetricValue::undefined("no rows");
    RocCurve roc = rocCurve(yTrue, scores, positive, true);
    if (!roc.reason.empty())
        return MetricValue::undefined("ROC AUC needs both classes: " + roc.reason);
    return MetricValue::of(trapezoidArea(roc.fpr, roc.tpr));
}

MetricValue rocAucOvr(const std::vector<int>& yTrue, const Eigen::MatrixXd& proba)
{
    if (static_cast<Eigen::Index>(yTrue.size()) != proba.rows())
        return MetricValue::undefined("yTrue and the probabilities differ in length");
    if (proba.cols() < 2)
        return MetricValue::undefined("ROC AUC needs at least two classes");
    double sum = 0;
    for (Eigen::Index k = 0; k < proba.cols(); ++k) {
        std::vector<double> s(proba.rows());
        for (Eigen::Index i = 0; i < proba.rows(); ++i)
            s[static_cast<std::size_t>(i)] = proba(i, k);
        MetricValue v = rocAuc(yTrue, s, static_cast<int>(k));
        if (!v.defined())
            return MetricValue::undefined("class " + std::to_string(k) + ": " + v.reason);
        sum += *v;
    }
    return MetricValue::of(sum / static_cast<double>(proba.cols()));
}

PrecisionRecallCurve precisionRecallCurve(const std::vector<int>& yTrue, const std::vector<double>& scores,
                                          int positive)
{
    BinaryCounts c = binaryCounts(yTrue, scores, positive);
    PrecisionRecallCurve out;
    const std::size_t m = c.tps.size();
    const double positives = m ? c.tps.back() : 0;
    if (positives == 0)
        out.reason = "no positive row: recall is set to 1 for every threshold";
    for (std::size_t j = m; j-- > 0;) {
        double predicted = c.tps[j] + c.fps[j];
        out.precision.push_back(predicted != 0 ? c.tps[j] / predicted : 0.0);
        out.recall.push_back(positives == 0 ? 1.0 : c.tps[j] / positives);
        out.thresholds.push_back(c.thresholds[j]);
    }
    out.precision.push_back(1.0);
    out.recall.push_back(0.0);
    return out;
}

MetricValue averagePrecision(const std::vector<int>& yTrue, const std::vector<double>& scores, int positive)
{
    if (yTrue.size() != scores.size())
        return MetricValue::undefined("yTrue and the scores differ in length");
    if (yTrue.empty())
        return MetricValue::undefined("no rows");
    PrecisionRecallCurve pr = precisionRecallCurve(yTrue, scores, positive);
    if (!pr.reason.empty())
        return MetricValue::undefined("average precision needs a positive row: none in yTrue");
    double ap = 0;
    for (std::size_t i = 0; i + 1 < pr.recall.size(); ++i)
        ap -= (pr.recall[i + 1] - pr.recall[i]) * pr.precision[i];
    return MetricValue::of(ap);
}

} // namespace preplab::model
