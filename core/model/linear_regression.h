// LinearRegression: ordinary least squares and ridge regression with an unpenalised intercept
// (scikit-learn's LinearRegression and Ridge):
//   alpha = 0: minimise |y - Xw - b|^2; the minimum-norm solution when X is rank deficient
//              (complete orthogonal decomposition, like sklearn's lstsq)
//   alpha > 0: minimise |y - Xw - b|^2 + alpha |w|^2 (sklearn Ridge default alpha = 1), solved as
//              (Xc'Xc + alpha I) w = Xc'yc on column-centred data (sklearn's "cholesky")
// b = mean(y) - mean(X) w.
#pragma once

#include "core/model/model.h"

namespace preplab::model {

class LinearRegression : public Regressor {
public:
    explicit LinearRegression(double alpha = 0.0) : m_alpha(alpha) {}

    Result<void> fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) override;
    Eigen::VectorXd predict(const Eigen::MatrixXd& x) const override;
    std::string name() const override { return m_alpha > 0 ? "ridge" : "linear"; }

    const Eigen::VectorXd& coefficients() const { return m_coef; }
    double intercept() const { return m_intercept; }
    double alpha() const { return m_alpha; }

private:
    double m_alpha;
    Eigen::VectorXd m_coef;
    double m_intercept = 0;
};

} // namespace preplab::model
