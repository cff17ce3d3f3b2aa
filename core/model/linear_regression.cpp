#include "core/model/linear_regression.h"

#include <Eigen/Dense>

namespace preplab::model {

Result<void> LinearRegression::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y)
{
    if (auto ok = checkTrainingData(x, static_cast<std::size_t>(y.size()), name()); !ok)
        return ok;
    if (!y.allFinite())
        return makeError(ErrorCode::BadData, name() + ": the target contains NaN or infinite values");
    Eigen::RowVectorXd xMean = x.colwise().mean();
    double yMean = y.mean();
    Eigen::MatrixXd xc = x.rowwise() - xMean;
    Eigen::VectorXd yc = y.array() - yMean;
    if (m_alpha > 0) {
        Eigen::MatrixXd gram = xc.transpose() * xc;
        gram.diagonal().array() += m_alpha;
        m_coef = gram.ldlt().solve(xc.transpose() * yc);
    } else {
        m_coef = xc.completeOrthogonalDecomposition().solve(yc);
    }
    m_intercept = yMean - xMean.dot(m_coef);
    return {};
}

Eigen::VectorXd LinearRegression::predict(const Eigen::MatrixXd& x) const
{
    return (x * m_coef).array() + m_intercept;
}

} // namespace preplab::model
