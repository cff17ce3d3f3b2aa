// k-nearest neighbours with scikit-learn's defaults (n_neighbors = 5, weights="uniform",
// Euclidean distance):
//   classifier: P(class c) = (neighbours of class c) / k; predict = most frequent class, ties to
//               the lowest class code (scipy's mode, as sklearn)
//   regressor:  mean target of the k neighbours
// Neighbours are found by brute force; at equal distance the training row that comes first wins
// (sklearn documents its tie order as dependent on the search algorithm).
#pragma once

#include "core/model/model.h"

namespace preplab::model {

class NearestNeighbours {
public:
    explicit NearestNeighbours(int k) : m_k(k) {}
    void setTraining(const Eigen::MatrixXd& x) { m_trainT = x.transpose(); }
    // For each query row, the indices of its k nearest training rows (nearest first).
    std::vector<std::vector<std::size_t>> query(const Eigen::MatrixXd& x) const;
    int k() const { return m_k; }
    Eigen::Index trainingRows() const { return m_trainT.cols(); }

private:
    int m_k;
    Eigen::MatrixXd m_trainT;  // one column per training row, contiguous
};

class KnnClassifier : public Classifier {
public:
    explicit KnnClassifier(int k = 5) : m_nn(k) {}

    Result<void> fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount) override;
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const override;
    std::string name() const override { return "knn"; }

private:
    NearestNeighbours m_nn;
    std::vector<int> m_y;
    int m_classCount = 0;
};

class KnnRegressor : public Regressor {
public:
    explicit KnnRegressor(int k = 5) : m_nn(k) {}

    Result<void> fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) override;
    Eigen::VectorXd predict(const Eigen::MatrixXd& x) const override;
    std::string name() const override { return "knn"; }

private:
    NearestNeighbours m_nn;
    Eigen::VectorXd m_y;
};

} // namespace preplab::model
