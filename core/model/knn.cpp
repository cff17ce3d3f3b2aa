#include "core/model/knn.h"

#include "core/util/parallel.h"

#include <algorithm>
#include <numeric>

namespace preplab::model {

std::vector<std::vector<std::size_t>> NearestNeighbours::query(const Eigen::MatrixXd& x) const
{
    const Eigen::Index n = m_trainT.cols();
    const Eigen::MatrixXd queries = x.transpose();
    const auto k = static_cast<std::size_t>(std::min<Eigen::Index>(m_k, n));
    std::vector<std::vector<std::size_t>> out(static_cast<std::size_t>(x.rows()));
    parallelFor(
        static_cast<std::size_t>(x.rows()),
        [&](std::size_t begin, std::size_t end) {
            std::vector<std::pair<double, std::size_t>> dist(static_cast<std::size_t>(n));
            for (std::size_t q = begin; q < end; ++q) {
                auto point = queries.col(static_cast<Eigen::Index>(q));
                for (Eigen::Index j = 0; j < n; ++j)
                    dist[static_cast<std::size_t>(j)] = {(m_trainT.col(j) - point).squaredNorm(),
                                                         static_cast<std::size_t>(j)};
                std::partial_sort(dist.begin(), dist.begin() + static_cast<std::ptrdiff_t>(k), dist.end());
                out[q].resize(k);
                for (std::size_t j = 0; j < k; ++j)
                    out[q][j] = dist[j].second;
            }
        },
        64);
    return out;
}

Result<void> KnnClassifier::fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount)
{
    if (auto ok = checkTrainingData(x, y.size(), "k-nearest neighbours"); !ok)
        return ok;
    if (m_nn.k() < 1)
        return makeError(ErrorCode::BadUsage, "k-nearest neighbours: k must be at least 1");
    if (x.rows() < m_nn.k())
        return makeError(ErrorCode::BadData, "k-nearest neighbours: k = " + std::to_string(m_nn.k()) +
                                                 " but only " + std::to_string(x.rows()) + " training rows");
    m_nn.setTraining(x);
    m_y = y;
    m_classCount = std::max(classCount, *std::max_element(y.begin(), y.end()) + 1);
    return {};
}

Eigen::MatrixXd KnnClassifier::predictProba(const Eigen::MatrixXd& x) const
{
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(x.rows(), m_classCount);
    auto neighbours = m_nn.query(x);
    for (std::size_t q = 0; q < neighbours.size(); ++q) {
        for (std::size_t j : neighbours[q])
            out(static_cast<Eigen::Index>(q), m_y[j]) += 1.0;
        if (!neighbours[q].empty())
            out.row(static_cast<Eigen::Index>(q)) /= static_cast<double>(neighbours[q].size());
    }
    return out;
}

Result<void> KnnRegressor::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y)
{
    if (auto ok = checkTrainingData(x, static_cast<std::size_t>(y.size()), "k-nearest neighbours"); !ok)
        return ok;
    if (m_nn.k() < 1)
        return makeError(ErrorCode::BadUsage, "k-nearest neighbours: k must be at least 1");
    if (x.rows() < m_nn.k())
        return makeError(ErrorCode::BadData, "k-nearest neighbours: k = " + std::to_string(m_nn.k()) +
                                                 " but only " + std::to_string(x.rows()) + " training rows");
    m_nn.setTraining(x);
    m_y = y;
    return {};
}

Eigen::VectorXd KnnRegressor::predict(const Eigen::MatrixXd& x) const
{
    Eigen::VectorXd out = Eigen::VectorXd::Zero(x.rows());
    auto neighbours = m_nn.query(x);
    for (std::size_t q = 0; q < neighbours.size(); ++q) {
        double sum = 0;
        for (std::size_t j : neighbours[q])
            sum += m_y(static_cast<Eigen::Index>(j));
        out(static_cast<Eigen::Index>(q)) = neighbours[q].empty() ? 0.0 : sum / static_cast<double>(neighbours[q].size());
    }
    return out;
}

} // namespace preplab::model
