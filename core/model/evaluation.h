// Evaluation helpers around the quick models: a model factory, sklearn's majority-class
// baseline, every score of a fitted classifier or regressor on one set, k-fold cross-validation,
// a validation curve over a complexity parameter and a threshold sweep.
#pragma once

#include "core/model/classification_metrics.h"
#include "core/model/feature_matrix.h"
#include "core/model/model.h"
#include "core/model/split.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace preplab::model {

// Model names as the CLI takes them: "logistic", "linear", "ridge", "knn", "tree", "forest",
// "majority". Defaults are sklearn's.
struct ModelSpec {
    std::string name = "logistic";
    int k = 5;                                        // knn
    int maxDepth = std::numeric_limits<int>::max();   // tree, forest
    int minSamplesLeaf = 1;                           // tree, forest
    int trees = 100;                                  // forest
    double c = 1.0;                                   // logistic
    double alpha = 1.0;                               // ridge
    std::uint64_t seed = 0;                           // forest
};

Result<std::unique_ptr<Classifier>> makeClassifier(const ModelSpec& spec);
Result<std::unique_ptr<Regressor>> makeRegressor(const ModelSpec& spec);

// sklearn DummyClassifier(strategy="prior"): predicts the most frequent training class (ties to
// the lowest code) with the training class shares as probabilities.
class MajorityClassifier : public Classifier {
public:
    Result<void> fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount) override;
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const override;
    std::string name() const override { return "majority"; }

private:
    Eigen::RowVectorXd m_prior;
};

// Scores of class probabilities on one set. positiveClass >= 0: binary scores (precision,
// recall, F1 for that class; ROC AUC, AP and Brier of its probability); -1: multiclass (binary
// scores undefined, ROC AUC one-vs-rest macro).
struct ClassificationScores {
    MetricValue accuracy, balancedAccuracy;
    MetricValue precision, recall, f1;                        // binary, the positive class
    MetricValue precisionMacro, recallMacro, f1Macro;
    MetricValue precisionWeighted, recallWeighted, f1Weighted;
    MetricValue rocAuc, averagePrecision, logLoss, brier;
    ConfusionMatrix confusion;                                // labels 0..K-1
};
ClassificationScores scoreClassification(const std::vector<int>& yTrue, const Eigen::MatrixXd& proba,
                                         int positiveClass);

struct RegressionScores {
    MetricValue mae, mse, rmse, r2;
};
RegressionScores scoreRegression(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred);

// Fits `spec` on data.rows in split.train and returns the score on train and test rows:
// accuracy for classification, R2 for regression.
struct TrainTestScore {
    MetricValue train, test;
};
Result<TrainTestScore> fitAndScore(const FeatureMatrix& data, const SplitIndices& split, const ModelSpec& spec);

// One fit per fold: stratified folds for classification, contiguous for regression.
struct CrossValidation {
    std::vector<TrainTestScore> folds;
    MetricValue meanTest, stdTest;  // population std of the fold test scores
};
Result<CrossValidation> crossValidate(const FeatureMatrix& data, const ModelSpec& spec, int folds);

// parameter: "max_depth" (tree, forest), "k" (knn), "min_samples_leaf", "c" (logistic) or
// "alpha" (ridge).
struct ValidationPoint {
    double parameter = 0;
    TrainTestScore score;
};
Result<std::vector<ValidationPoint>> validationCurve(const FeatureMatrix& data, const SplitIndices& split,
                                                     const ModelSpec& spec, const std::string& parameter,
                                                     const std::vector<double>& values);

// The binary confusion matrix and its rates when rows with score >= threshold are predicted
// positive.
struct ThresholdPoint {
    double threshold = 0;
    double tp = 0, fp = 0, fn = 0, tn = 0;
    MetricValue precision, recall, f1, selectionRate, accuracy;
};
std::vector<ThresholdPoint> thresholdSweep(const std::vector<int>& yTrue, const std::vector<double>& scores,
                                           int positive, const std::vector<double>& thresholds);

} // namespace preplab::model
