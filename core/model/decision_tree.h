// Decision trees (CART) built like scikit-learn's DecisionTreeClassifier / DecisionTreeRegressor
// with the "best" splitter:
//   impurity: Gini 1 - sum_k p_k^2 (classification), squared error = weighted variance (regression)
//   a node becomes a leaf when depth >= maxDepth, rows < minSamplesSplit, rows < 2 minSamplesLeaf,
//   or impurity <= machine epsilon (pure); otherwise the best split over the features is taken
//   even when it does not lower the impurity (min_impurity_decrease = 0)
//   candidate thresholds: midpoints x[p-1]/2 + x[p]/2 between consecutive sorted values that
//   differ by more than 1e-7 (x[p-1] when the midpoint rounds up to x[p]); rows go left when
//   x <= threshold; each child keeps at least minSamplesLeaf rows
//   features are compared as float32, as sklearn converts X to float32 before fitting
// With all features considered they are visited in column order and the first strictly best
// split wins (sklearn visits them in a seeded random order, so trees can differ only where two
// splits tie). With maxFeatures < features (random forests) a seeded random subset is drawn per
// node until maxFeatures features, at least one non-constant, have been looked at.
#pragma once

#include "core/model/model.h"
#include "core/model/rng.h"

#include <cstdint>
#include <limits>

namespace preplab::model {

struct DecisionTreeParams {
    int maxDepth = std::numeric_limits<int>::max();  // sklearn max_depth=None
    int minSamplesLeaf = 1;
    int minSamplesSplit = 2;
    int maxFeatures = 0;  // 0 = all features
    std::uint64_t seed = 0;
};

class DecisionTree {
public:
    enum class Criterion { Gini, SquaredError };

    struct Node {
        int feature = -1;  // -1 for a leaf
        double threshold = 0;
        int left = -1, right = -1;
        double impurity = 0;
        std::size_t samples = 0;      // distinct training rows reaching the node
        double weightedSamples = 0;   // their total weight
        std::vector<double> value;    // class probabilities, or {mean} for regression
    };

    // y holds class codes (Gini) or values (SquaredError) as doubles. weights empty = all 1;
    // rows with weight 0 are left out (bootstrap).
    void fit(const Eigen::MatrixXd& x, const std::vector<double>& y, const std::vector<double>& weights,
             Criterion criterion, int classCount, const DecisionTreeParams& params);

    const Node& leaf(const Eigen::Ref<const Eigen::RowVectorXd>& row) const;
    const std::vector<Node>& nodes() const { return m_nodes; }
    int depth() const { return m_depth; }
    std::size_t leafCount() const;

private:
    struct Builder;
    std::vector<Node> m_nodes;
    int m_depth = 0;
};

class DecisionTreeClassifier : public Classifier {
public:
    explicit DecisionTreeClassifier(DecisionTreeParams params = {}) : m_params(params) {}

    Result<void> fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount) override;
    // Weighted fit (a bootstrap sample passes the draw counts as weights).
    Result<void> fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount,
                     const std::vector<double>& weights);
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const override;
    std::string name() const override { return "tree"; }
    const DecisionTree& tree() const { return m_tree; }

private:
    DecisionTreeParams m_params;
    DecisionTree m_tree;
    int m_classCount = 0;
};

class DecisionTreeRegressor : public Regressor {
public:
    explicit DecisionTreeRegressor(DecisionTreeParams params = {}) : m_params(params) {}

    Result<void> fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) override;
    Result<void> fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::vector<double>& weights);
    Eigen::VectorXd predict(const Eigen::MatrixXd& x) const override;
    std::string name() const override { return "tree"; }
    const DecisionTree& tree() const { return m_tree; }

private:
    DecisionTreeParams m_params;
    DecisionTree m_tree;
};

} // namespace preplab::model
