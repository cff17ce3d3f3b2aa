// Random forests in the manner of scikit-learn's RandomForestClassifier / RandomForestRegressor
// (n_estimators = 100, bootstrap = true): tree t is fitted on n rows drawn with replacement
// (the draw counts become row weights) and, for classification, looks at max(1, floor(sqrt(d)))
// random features per node (sklearn max_features="sqrt"; regression uses all features, sklearn's
// 1.0). Classifier probabilities are the mean of the trees' probabilities; regression
// predictions the mean of the trees' predictions. Each tree's seed is derived from the forest's
// seed and the tree's index, so the forest is the same whatever the number of threads. The random
// draws are PrepLab's own: forests match sklearn in behaviour, not tree for tree.
#pragma once

#include "core/model/decision_tree.h"

#include <memory>

namespace preplab::model {

struct RandomForestParams {
    int trees = 100;
    int maxDepth = std::numeric_limits<int>::max();
    int minSamplesLeaf = 1;
    int maxFeatures = 0;  // 0 = sklearn's default for the task (sqrt for classification, all for regression)
    std::uint64_t seed = 0;
};

class RandomForestClassifier : public Classifier {
public:
    explicit RandomForestClassifier(RandomForestParams params = {}) : m_params(params) {}

    Result<void> fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount) override;
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const override;
    std::string name() const override { return "forest"; }
    const std::vector<DecisionTreeClassifier>& trees() const { return m_trees; }

private:
    RandomForestParams m_params;
    std::vector<DecisionTreeClassifier> m_trees;
    int m_classCount = 0;
};

class RandomForestRegressor : public Regressor {
public:
    explicit RandomForestRegressor(RandomForestParams params = {}) : m_params(params) {}

    Result<void> fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) override;
    Eigen::VectorXd predict(const Eigen::MatrixXd& x) const override;
    std::string name() const override { return "forest"; }

private:
    RandomForestParams m_params;
    std::vector<DecisionTreeRegressor> m_trees;
};

// Bootstrap draw counts: n draws with replacement from n rows.
std::vector<double> bootstrapWeights(std::size_t n, std::uint64_t seed);

} // namespace preplab::model
