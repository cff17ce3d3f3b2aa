#include "core/model/classification_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>

namespace preplab::model {

namespace {

std::vector<int> unionLabels(const std::vector<int>& a, const std::vector<int>& b)
{
    std::set<int> s(a.begin(), a.end());
    s.insert(b.begin(), b.end());
    return {s.begin(), s.end()};
}

enum class Score { Precision, Recall, F1 };

const char* scoreName(Score s)
{
    switch (s) {
    case Score::Precision: return "precision";
    case Score::Recall: return "recall";
    case Score::F1: return "F1";
    }
    return "";
}

MetricValue scoreFromCounts(Score s, double tp, double fp, double fn, const std::string& what)
{
    switch (s) {
    case Score::Precision:
        if (tp + fp == 0)
            return MetricValue::undefined("no row predicted as " + what);
        return MetricValue::of(tp / (tp + fp));
    case Score::Recall:
        if (tp + fn == 0)
            return MetricValue::undefined("no true row of " + what);
        return MetricValue::of(tp / (tp + fn));
    case Score::F1:
        if (tp + fp + fn == 0)
            return MetricValue::undefined("no true and no predicted row of " + what);
        return MetricValue::of(2 * tp / (2 * tp + fp + fn));
    }
    return MetricValue::undefined("unknown score");
}

MetricValue averagedScore(Score s, const std::vector<int>& yTrue, const std::vector<int>& yPred, Average average,
                          int positive)
{
    if (yTrue.size() != yPred.size())
        return MetricValue::undefined("yTrue and yPred differ in length");
    if (yTrue.empty())
        return MetricValue::undefined("no rows");
    if (average == Average::Binary) {
        ConfusionMatrix cm = confusionMatrix(yTrue, yPred);
        const std::string what = "the positive class " + std::to_string(positive);
        return scoreFromCounts(s, cm.tp(positive), cm.fp(positive), cm.fn(positive), what);
    }
    ConfusionMatrix cm = confusionMatrix(yTrue, yPred);
    if (average == Average::Micro) {
        double tp = 0, fp = 0, fn = 0;
        for (int l : cm.labels) {
            tp += cm.tp(l);
            fp += cm.fp(l);
            fn += cm.fn(l);
        }
        return scoreFromCounts(s, tp, fp, fn, "any class");
    }
    double sum = 0, weightSum = 0;
    std::string left;
    int used = 0;
    for (int l : cm.labels) {
        MetricValue v = scoreFromCounts(s, cm.tp(l), cm.fp(l), cm.fn(l), "class " + std::to_string(l));
        if (!v.defined()) {
            left += (left.empty() ? "" : ", ") + std::to_string(l);
            continue;
        }
        double w = average == Average::Weighted ? cm.support(l) : 1.0;
        sum += w * *v;
        weightSum += w;
        ++used;
    }
    if (used == 0)
        return MetricValue::undefined(std::string(scoreName(s)) + " is undefined for every class");
    if (weightSum == 0)
        return MetricValue::undefined("the classes with a defined " + std::string(scoreName(s)) + " have no support");
    std::string note = left.empty() ? std::string()
                                    : std::string(scoreName(s)) + " undefined and left out for class(es) " + left;
    return MetricValue::of(sum / weightSum, note);
}

} // namespace

int ConfusionMatrix::indexOf(int label) const
{
    auto it = std::lower_bound(labels.begin(), labels.end(), label);
    return it != labels.end() && *it == label ? static_cast<int>(it - labels.begin()) : -1;
}

double ConfusionMatrix::tp(int label) const
{
    int i = indexOf(label);
    return i < 0 ? 0.0 : counts(i, i);
}

double ConfusionMatrix::fp(int label) const
{
    int i = indexOf(label);
    return i < 0 ? 0.0 : counts.col(i).sum() - counts(i, i);
}

double ConfusionMatrix::fn(int label) const
{
    int i = indexOf(label);
    return i < 0 ? 0.0 : counts.row(i).sum() - counts(i, i);
}

double ConfusionMatrix::tn(int label) const
{
    return total() - tp(label) - fp(label) - fn(label);
}

double ConfusionMatrix::support(int label) const
{
    int i = indexOf(label);
    return i < 0 ? 0.0 : counts.row(i).sum();
}

ConfusionMatrix confusionMatrix(const std::vector<int>& yTrue, const std::vector<int>& yPred,
                                const std::vector<int>& labels)
{
    ConfusionMatrix cm;
    cm.labels = labels.empty() ? unionLabels(yTrue, yPred) : labels;
    std::sort(cm.labels.begin(), cm.labels.end());
    const auto k = static_cast<Eigen::Index>(cm.labels.size());
    cm.counts = Eigen::MatrixXd::Zero(k, k);
    const std::size_t n = std::min(yTrue.size(), yPred.size());
    for (std::size_t i = 0; i < n; ++i) {
        int r = cm.indexOf(yTrue[i]), c = cm.indexOf(yPred[i]);
        if (r >= 0 && c >= 0)
            cm.counts(r, c) += 1.0;
    }
    return cm;
}

MetricValue accuracy(const std::vector<int>& yTrue, const std::vector<int>& yPred)
{
    if (yTrue.size() != yPred.size())
        return MetricValue::undefined("yTrue and yPred differ in length");
    if (yTrue.empty())
        return MetricValue::undefined("no rows");
    std::size_t hits = 0;
    for (std::size_t i = 0; i < yTrue.size(); ++i)
        hits += yTrue[i] == yPred[i];
    return MetricValue::of(static_cast<double>(hits) / static_cast<double>(yTrue.size()));
}

MetricValue balancedAccuracy(const std::vector<int>& yTrue, const std::vector<int>& yPred, bool adjusted)
{
    if (yTrue.size() != yPred.size())
        return MetricValue::undefined("yTrue and yPred differ in length");
    if (yTrue.empty())
        return MetricValue::undefined("no rows");
    ConfusionMatrix cm = confusionMatrix(yTrue, yPred);
    double sum = 0;
    int classes = 0;
    std::string ignored;
    for (int l : cm.labels) {
        double support = cm.support(l);
        if (support == 0) {
            ignored += (ignored.empty() ? "" : ", ") + std::to_string(l);
            continue;
        }
        sum += cm.tp(l) / support;
        ++classes;
    }
    double score = sum / classes;
    if (adjusted) {
        if (classes == 1)
            return MetricValue::undefined("adjusted balanced accuracy needs two classes in yTrue");
        double chance = 1.0 / classes;
        score = (score - chance) / (1 - chance);
    }
    return MetricValue::of(score, ignored.empty() ? std::string() : "class(es) " + ignored + " only predicted, ignored");
}

MetricValue precision(const std::vector<int>& yTrue, const std::vector<int>& yPred, Average average, int positive)
{
    return averagedScore(Score::Precision, yTrue, yPred, average, positive);
}

MetricValue recall(const std::vector<int>& yTrue, const std::vector<int>& yPred, Average average, int positive)
{
    return averagedScore(Score::Recall, yTrue, yPred, average, positive);
}

MetricValue f1(const std::vector<int>& yTrue, const std::vector<int>& yPred, Average average, int positive)
{
    return averagedScore(Score::F1, yTrue, yPred, average, positive);
}

MetricValue logLoss(const std::vector<int>& yTrue, const Eigen::MatrixXd& proba)
{
    if (yTrue.empty())
        return MetricValue::undefined("no rows");
    if (static_cast<Eigen::Index>(yTrue.size()) != proba.rows())
        return MetricValue::undefined("yTrue and the probabilities differ in length");
    if (proba.cols() < 2)
        return MetricValue::undefined("log loss needs probabilities for at least two classes");
    const double eps = std::numeric_limits<double>::epsilon();
    double total = 0;
    for (Eigen::Index i = 0; i < proba.rows(); ++i) {
        int y = yTrue[static_cast<std::size_t>(i)];
        if (y < 0 || y >= proba.cols())
            return MetricValue::undefined("class " + std::to_string(y) + " has no probability column");
        double rowSum = 0, py = 0;
        for (Eigen::Index k = 0; k < proba.cols(); ++k) {
            double p = std::clamp(proba(i, k), eps, 1 - eps);
            rowSum += p;
            if (k == y)
                py = p;
        }
        total -= std::log(py / rowSum);
    }
    return MetricValue::of(total / static_cast<double>(proba.rows()));
}

MetricValue logLoss(const std::vector<int>& yTrue, const std::vector<double>& positiveProba)
{
    const double eps = std::numeric_limits<double>::epsilon();
    Eigen::MatrixXd proba(static_cast<Eigen::Index>(positiveProba.size()), 2);
    for (std::size_t i = 0; i < positiveProba.size(); ++i) {
        // sklearn clips the 1-D column before building [1 - p, p].
        double p = std::clamp(positiveProba[i], eps, 1 - eps);
        proba(static_cast<Eigen::Index>(i), 0) = 1 - p;
        proba(static_cast<Eigen::Index>(i), 1) = p;
    }
    return logLoss(yTrue, proba);
}

MetricValue brierScore(const std::vector<int>& yTrue, const std::vector<double>& positiveProba, int positive)
{
    if (yTrue.empty())
        return MetricValue::undefined("no rows");
    if (yTrue.size() != positiveProba.size())
        return MetricValue::undefined("yTrue and the probabilities differ in length");
    double sum = 0;
    for (std::size_t i = 0; i < yTrue.size(); ++i) {
        double d = positiveProba[i] - (yTrue[i] == positive ? 1.0 : 0.0);
        sum += d * d;
    }
    return MetricValue::of(sum / static_cast<double>(yTrue.size()));
}

} // namespace preplab::model
