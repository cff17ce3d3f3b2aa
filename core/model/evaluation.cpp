#include "core/model/evaluation.h"

#include "core/model/decision_tree.h"
#include "core/model/knn.h"
#include "core/model/linear_regression.h"
#include "core/model/logistic_regression.h"
#include "core/model/random_forest.h"
#include "core/model/ranking_metrics.h"
#include "core/model/regression_metrics.h"

#include <cmath>

namespace preplab::model {

namespace {

std::vector<double> column(const Eigen::MatrixXd& m, int c)
{
    std::vector<double> out(static_cast<std::size_t>(m.rows()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        out[static_cast<std::size_t>(i)] = m(i, c);
    return out;
}

std::vector<double> toStd(const Eigen::VectorXd& v)
{
    return {v.data(), v.data() + v.size()};
}

DecisionTreeParams treeParams(const ModelSpec& s)
{
    DecisionTreeParams p;
    p.maxDepth = s.maxDepth;
    p.minSamplesLeaf = s.minSamplesLeaf;
    p.seed = s.seed;
    return p;
}

RandomForestParams forestParams(const ModelSpec& s)
{
    RandomForestParams p;
    p.trees = s.trees;
    p.maxDepth = s.maxDepth;
    p.minSamplesLeaf = s.minSamplesLeaf;
    p.seed = s.seed;
    return p;
}

} // namespace

Result<std::unique_ptr<Classifier>> makeClassifier(const ModelSpec& spec)
{
    const std::string& n = spec.name;
    if (n == "logistic") {
        LogisticRegressionParams p;
        p.c = spec.c;
        return std::unique_ptr<Classifier>(std::make_unique<LogisticRegression>(p));
    }
    if (n == "knn")
        return std::unique_ptr<Classifier>(std::make_unique<KnnClassifier>(spec.k));
    if (n == "tree")
        return std::unique_ptr<Classifier>(std::make_unique<DecisionTreeClassifier>(treeParams(spec)));
    if (n == "forest")
        return std::unique_ptr<Classifier>(std::make_unique<RandomForestClassifier>(forestParams(spec)));
    if (n == "majority")
        return std::unique_ptr<Classifier>(std::make_unique<MajorityClassifier>());
    if (n == "linear" || n == "ridge")
        return makeError(ErrorCode::BadUsage, "model '" + n + "' is a regression model; the target is a class");
    return makeError(ErrorCode::BadUsage,
                     "unknown model '" + n + "' (expected logistic, linear, ridge, knn, tree, forest or majority)");
}

Result<std::unique_ptr<Regressor>> makeRegressor(const ModelSpec& spec)
{
    const std::string& n = spec.name;
    if (n == "linear")
        return std::unique_ptr<Regressor>(std::make_unique<LinearRegression>(0.0));
    if (n == "ridge")
        return std::unique_ptr<Regressor>(std::make_unique<LinearRegression>(spec.alpha));
    if (n == "knn")
        return std::unique_ptr<Regressor>(std::make_unique<KnnRegressor>(spec.k));
    if (n == "tree")
        return std::unique_ptr<Regressor>(std::make_unique<DecisionTreeRegressor>(treeParams(spec)));
    if (n == "forest")
        return std::unique_ptr<Regressor>(std::make_unique<RandomForestRegressor>(forestParams(spec)));
    if (n == "logistic" || n == "majority")
        return makeError(ErrorCode::BadUsage, "model '" + n + "' is a classifier; the target is a number");
    return makeError(ErrorCode::BadUsage,
                     "unknown model '" + n + "' (expected logistic, linear, ridge, knn, tree, forest or majority)");
}

Result<void> MajorityClassifier::fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount)
{
    if (y.empty())
        return makeError(ErrorCode::BadData, "majority baseline: no training rows");
    int k = std::max(classCount, *std::max_element(y.begin(), y.end()) + 1);
    m_prior = Eigen::RowVectorXd::Zero(k);
    for (int c : y)
        m_prior(c) += 1.0;
    m_prior /= static_cast<double>(y.size());
    return {};
}

Eigen::MatrixXd MajorityClassifier::predictProba(const Eigen::MatrixXd& x) const
{
    return m_prior.replicate(x.rows(), 1);
}

ClassificationScores scoreClassification(const std::vector<int>& yTrue, const Eigen::MatrixXd& proba,
                                         int positiveClass)
{
    ClassificationScores s;
    std::vector<int> yPred = argmaxRows(proba);
    s.accuracy = accuracy(yTrue, yPred);
    s.balancedAccuracy = balancedAccuracy(yTrue, yPred);
    s.precisionMacro = precision(yTrue, yPred, Average::Macro);
    s.recallMacro = recall(yTrue, yPred, Average::Macro);
    s.f1Macro = f1(yTrue, yPred, Average::Macro);
    s.precisionWeighted = precision(yTrue, yPred, Average::Weighted);
    s.recallWeighted = recall(yTrue, yPred, Average::Weighted);
    s.f1Weighted = f1(yTrue, yPred, Average::Weighted);
    s.logLoss = logLoss(yTrue, proba);
    std::vector<int> labels(static_cast<std::size_t>(proba.cols()));
    for (std::size_t i = 0; i < labels.size(); ++i)
        labels[i] = static_cast<int>(i);
    s.confusion = confusionMatrix(yTrue, yPred, labels);
    if (positiveClass >= 0 && positiveClass < proba.cols()) {
        s.precision = precision(yTrue, yPred, Average::Binary, positiveClass);
        s.recall = recall(yTrue, yPred, Average::Binary, positiveClass);
        s.f1 = f1(yTrue, yPred, Average::Binary, positiveClass);
        std::vector<double> score = column(proba, positiveClass);
        s.rocAuc = rocAuc(yTrue, score, positiveClass);
        s.averagePrecision = averagePrecision(yTrue, score, positiveClass);
        s.brier = brierScore(yTrue, score, positiveClass);
    } else {
        const std::string why = "binary metric: the target has more than two classes";
        s.precision = s.recall = s.f1 = s.averagePrecision = s.brier = MetricValue::undefined(why);
        s.rocAuc = rocAucOvr(yTrue, proba);
        if (s.rocAuc.defined())
            s.rocAuc.note = "one-vs-rest, macro average";
    }
    return s;
}

RegressionScores scoreRegression(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred)
{
    auto t = toStd(yTrue), p = toStd(yPred);
    return {meanAbsoluteError(t, p), meanSquaredError(t, p), rootMeanSquaredError(t, p), r2Score(t, p)};
}

Result<TrainTestScore> fitAndScore(const FeatureMatrix& data, const SplitIndices& split, const ModelSpec& spec)
{
    Eigen::MatrixXd xTrain = selectRows(data.x, split.train), xTest = selectRows(data.x, split.test);
    TrainTestScore out;
    if (data.classification) {
        auto model = makeClassifier(spec);
        if (!model)
            return model.error();
        std::vector<int> yTrain = selectRows(data.labels, split.train), yTest = selectRows(data.labels, split.test);
        if (auto ok = (*model)->fit(xTrain, yTrain, static_cast<int>(data.classCount())); !ok)
            return ok.error();
        out.train = accuracy(yTrain, (*model)->predict(xTrain));
        out.test = accuracy(yTest, (*model)->predict(xTest));
    } else {
        auto model = makeRegressor(spec);
        if (!model)
            return model.error();
        Eigen::VectorXd yTrain = selectRows(data.values, split.train), yTest = selectRows(data.values, split.test);
        if (auto ok = (*model)->fit(xTrain, yTrain); !ok)
            return ok.error();
        out.train = r2Score(toStd(yTrain), toStd((*model)->predict(xTrain)));
        out.test = r2Score(toStd(yTest), toStd((*model)->predict(xTest)));
    }
    return out;
}

Result<CrossValidation> crossValidate(const FeatureMatrix& data, const ModelSpec& spec, int folds)
{
    auto splits = data.classification ? stratifiedKFold(data.labels, folds)
                                      : kFold(static_cast<std::size_t>(data.x.rows()), folds);
    if (!splits)
        return splits.error();
    CrossValidation cv;
    double sum = 0, sumSq = 0;
    int defined = 0;
    for (const SplitIndices& s : *splits) {
        auto score = fitAndScore(data, s, spec);
        if (!score)
            return score.error();
        cv.folds.push_back(*score);
        if (score->test.defined()) {
            sum += *score->test;
            sumSq += *score->test * *score->test;
            ++defined;
        }
    }
    if (defined == 0) {
        cv.meanTest = cv.stdTest = MetricValue::undefined("no fold has a defined test score");
    } else {
        double mean = sum / defined;
        cv.meanTest = MetricValue::of(mean);
        cv.stdTest = MetricValue::of(std::sqrt(std::max(0.0, sumSq / defined - mean * mean)));
    }
    return cv;
}

Result<std::vector<ValidationPoint>> validationCurve(const FeatureMatrix& data, const SplitIndices& split,
                                                     const ModelSpec& spec, const std::string& parameter,
                                                     const std::vector<double>& values)
{
    std::vector<ValidationPoint> out;
    for (double v : values) {
        ModelSpec s = spec;
        if (parameter == "max_depth")
            s.maxDepth = static_cast<int>(v);
        else if (parameter == "k")
            s.k = static_cast<int>(v);
        else if (parameter == "min_samples_leaf")
            s.minSamplesLeaf = static_cast<int>(v);
        else if (parameter == "c")
            s.c = v;
        else if (parameter == "alpha")
            s.alpha = v;
        else
            return makeError(ErrorCode::BadUsage, "unknown validation-curve parameter '" + parameter +
                                                      "' (expected max_depth, k, min_samples_leaf, c or alpha)");
        auto score = fitAndScore(data, split, s);
        if (!score)
            return score.error();
        out.push_back({v, *score});
    }
    return out;
}

std::vector<ThresholdPoint> thresholdSweep(const std::vector<int>& yTrue, const std::vector<double>& scores,
                                           int positive, const std::vector<double>& thresholds)
{
    std::vector<ThresholdPoint> out;
    const std::size_t n = std::min(yTrue.size(), scores.size());
    for (double t : thresholds) {
        ThresholdPoint p;
        p.threshold = t;
        for (std::size_t i = 0; i < n; ++i) {
            bool truth = yTrue[i] == positive, predicted = scores[i] >= t;
            (truth ? (predicted ? p.tp : p.fn) : (predicted ? p.fp : p.tn)) += 1;
        }
        auto ratio = [](double a, double b, const char* why) {
            return b == 0 ? MetricValue::undefined(why) : MetricValue::of(a / b);
        };
        p.precision = ratio(p.tp, p.tp + p.fp, "no row predicted positive");
        p.recall = ratio(p.tp, p.tp + p.fn, "no positive row");
        p.f1 = ratio(2 * p.tp, 2 * p.tp + p.fp + p.fn, "no positive row and none predicted");
        p.selectionRate = ratio(p.tp + p.fp, static_cast<double>(n), "no rows");
        p.accuracy = ratio(p.tp + p.tn, static_cast<double>(n), "no rows");
        out.push_back(p);
    }
    return out;
}

} // namespace preplab::model
