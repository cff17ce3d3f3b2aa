// Classifier and Regressor: the interfaces of PrepLab's quick models. A feature matrix X has one
// row per sample and one column per feature (Eigen::MatrixXd); class labels are codes 0..K-1.
// Every model is deterministic: the same data and the same seed give the same model.
#pragma once

#include "core/util/result.h"

#include <Eigen/Core>

#include <memory>
#include <string>
#include <vector>

namespace preplab::model {

class Classifier {
public:
    virtual ~Classifier() = default;

    // classCount = K; classes absent from y get probability 0. Fails (with a message naming the
    // model) on inputs it cannot learn from, e.g. no rows or a single class where two are needed.
    virtual Result<void> fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount) = 0;
    // N x K class probabilities; rows sum to 1.
    virtual Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const = 0;
    // The most probable class; ties go to the lowest class code (numpy argmax, as sklearn).
    virtual std::vector<int> predict(const Eigen::MatrixXd& x) const;
    virtual std::string name() const = 0;
};

class Regressor {
public:
    virtual ~Regressor() = default;

    virtual Result<void> fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) = 0;
    virtual Eigen::VectorXd predict(const Eigen::MatrixXd& x) const = 0;
    virtual std::string name() const = 0;
};

// argmax per row, first maximum wins.
std::vector<int> argmaxRows(const Eigen::MatrixXd& proba);

// Shared input checks: same number of rows, at least one row, finite values.
Result<void> checkTrainingData(const Eigen::MatrixXd& x, std::size_t yRows, const std::string& model);

} // namespace preplab::model
