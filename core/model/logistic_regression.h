// LogisticRegression: L2-penalised logistic regression with scikit-learn's objective and
// defaults (penalty="l2", C = 1, fit_intercept, intercept not penalised):
//   binary (2 classes):  minimise C * sum_i [ln(1 + e^{z_i}) - y_i z_i] + 1/2 |w|^2,  z_i = w.x_i + b,
//                        y_i = 1 for the higher class code (sklearn's classes_[1])
//   multinomial (K > 2): minimise C * sum_i [ln sum_k e^{z_ik} - z_{i,y_i}] + 1/2 sum_k |w_k|^2,
//                        with the intercepts centred to sum 0 (the optimum sklearn's lbfgs reaches)
// Solved by Newton's method with a backtracking line search until the largest gradient entry is
// below `tolerance`, so the result is the exact optimum (sklearn's default lbfgs stops at
// tol = 1e-4 and may stop short on unscaled data).
#pragma once

#include "core/model/model.h"

namespace preplab::model {

struct LogisticRegressionParams {
    double c = 1.0;            // inverse regularisation strength
    int maxIterations = 100;   // Newton steps
    double tolerance = 1e-10;  // on max |gradient| / max(1, C * n)
};

class LogisticRegression : public Classifier {
public:
    explicit LogisticRegression(LogisticRegressionParams params = {}) : m_params(params) {}

    Result<void> fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount) override;
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const override;
    std::string name() const override { return "logistic"; }

    // Binary: one row (the higher class). Multinomial: one row per class in fittedClasses().
    const Eigen::MatrixXd& coefficients() const { return m_coef; }
    const Eigen::VectorXd& intercepts() const { return m_intercept; }
    const std::vector<int>& fittedClasses() const { return m_classes; }
    int iterations() const { return m_iterations; }
    bool converged() const { return m_converged; }

private:
    void fitBinary(const Eigen::MatrixXd& xa, const Eigen::VectorXd& y01);
    void fitMultinomial(const Eigen::MatrixXd& xa, const std::vector<int>& cls, int k);

    LogisticRegressionParams m_params;
    int m_classCount = 0;
    std::vector<int> m_classes;  // class codes present in training, sorted
    Eigen::MatrixXd m_coef;
    Eigen::VectorXd m_intercept;
    int m_iterations = 0;
    bool m_converged = false;
};

} // namespace preplab::model
