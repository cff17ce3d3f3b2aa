#include "core/model/random_forest.h"

#include "core/util/parallel.h"

#include <cmath>

namespace preplab::model {

std::vector<double> bootstrapWeights(std::size_t n, std::uint64_t seed)
{
    Rng rng(seed);
    std::vector<double> w(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        w[rng.below(n)] += 1.0;
    return w;
}

namespace {

DecisionTreeParams treeParams(const RandomForestParams& p, int maxFeatures, std::size_t t)
{
    DecisionTreeParams tp;
    tp.maxDepth = p.maxDepth;
    tp.minSamplesLeaf = p.minSamplesLeaf;
    tp.maxFeatures = maxFeatures;
    tp.seed = Rng::derive(p.seed, 2 * t + 1);
    return tp;
}

Result<void> checkParams(const RandomForestParams& p)
{
    if (p.trees < 1)
        return makeError(ErrorCode::BadUsage, "random forest: at least one tree is needed");
    if (p.maxDepth < 1 || p.minSamplesLeaf < 1)
        return makeError(ErrorCode::BadUsage, "random forest: max depth and min samples per leaf must be at least 1");
    return {};
}

} // namespace

Result<void> RandomForestClassifier::fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount)
{
    if (auto ok = checkTrainingData(x, y.size(), "random forest"); !ok)
        return ok;
    if (auto ok = checkParams(m_params); !ok)
        return ok;
    m_classCount = std::max(classCount, *std::max_element(y.begin(), y.end()) + 1);
    const int d = static_cast<int>(x.cols());
    const int maxFeatures =
        m_params.maxFeatures > 0 ? m_params.maxFeatures : std::max(1, static_cast<int>(std::sqrt(static_cast<double>(d))));
    const auto count = static_cast<std::size_t>(m_params.trees);
    m_trees.assign(count, DecisionTreeClassifier{});
    parallelFor(
        count,
        [&](std::size_t begin, std::size_t end) {
            for (std::size_t t = begin; t < end; ++t) {
                m_trees[t] = DecisionTreeClassifier(treeParams(m_params, maxFeatures, t));
                auto w = bootstrapWeights(y.size(), Rng::derive(m_params.seed, 2 * t));
                (void)m_trees[t].fit(x, y, m_classCount, w);  // inputs were checked above
            }
        },
        1);
    return {};
}

Eigen::MatrixXd RandomForestClassifier::predictProba(const Eigen::MatrixXd& x) const
{
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(x.rows(), m_classCount);
    for (const auto& t : m_trees)
        out += t.predictProba(x);
    if (!m_trees.empty())
        out /= static_cast<double>(m_trees.size());
    return out;
}

Result<void> RandomForestRegressor::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y)
{
    if (auto ok = checkTrainingData(x, static_cast<std::size_t>(y.size()), "random forest"); !ok)
        return ok;
    if (auto ok = checkParams(m_params); !ok)
        return ok;
    if (!y.allFinite())
        return makeError(ErrorCode::BadData, "random forest: the target contains NaN or infinite values");
    const int maxFeatures = m_params.maxFeatures > 0 ? m_params.maxFeatures : 0;
    const auto count = static_cast<std::size_t>(m_params.trees);
    m_trees.assign(count, DecisionTreeRegressor{});
    parallelFor(
        count,
        [&](std::size_t begin, std::size_t end) {
            for (std::size_t t = begin; t < end; ++t) {
                m_trees[t] = DecisionTreeRegressor(treeParams(m_params, maxFeatures, t));
                auto w = bootstrapWeights(static_cast<std::size_t>(y.size()), Rng::derive(m_params.seed, 2 * t));
                (void)m_trees[t].fit(x, y, w);
            }
        },
        1);
    return {};
}

Eigen::VectorXd RandomForestRegressor::predict(const Eigen::MatrixXd& x) const
{
    Eigen::VectorXd out = Eigen::VectorXd::Zero(x.rows());
    for (const auto& t : m_trees)
        out += t.predict(x);
    if (!m_trees.empty())
        out /= static_cast<double>(m_trees.size());
    return out;
}

} // namespace preplab::model
