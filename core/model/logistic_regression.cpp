#include "core/model/logistic_regression.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <set>

namespace preplab::model {

namespace {

// ln(1 + e^z) without overflow.
double softplus(double z)
{
    return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

double sigmoid(double z)
{
    if (z >= 0)
        return 1 / (1 + std::exp(-z));
    double e = std::exp(z);
    return e / (1 + e);
}

// Solves H s = -g; a tiny ridge keeps the step finite when H is (nearly) singular, which it is
// along the "all intercepts + c" direction of the multinomial loss.
Eigen::VectorXd newtonStep(Eigen::MatrixXd h, const Eigen::VectorXd& g)
{
    const double damping = 1e-12 * std::max(1.0, h.diagonal().cwiseAbs().maxCoeff());
    h.diagonal().array() += damping;
    Eigen::LDLT<Eigen::MatrixXd> ldlt(h);
    Eigen::VectorXd s = ldlt.solve(-g);
    if (ldlt.info() != Eigen::Success || !s.allFinite())
        s = -g;  // fall back to steepest descent
    return s;
}

} // namespace

Result<void> LogisticRegression::fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount)
{
    if (auto ok = checkTrainingData(x, y.size(), "logistic regression"); !ok)
        return ok;
    std::set<int> present(y.begin(), y.end());
    if (present.size() < 2)
        return makeError(ErrorCode::BadData, "logistic regression: the training rows hold a single class; "
                                             "at least two are needed");
    m_classCount = std::max(classCount, *present.rbegin() + 1);
    m_classes.assign(present.begin(), present.end());
    Eigen::MatrixXd xa(x.rows(), x.cols() + 1);
    xa.leftCols(x.cols()) = x;
    xa.col(x.cols()).setOnes();
    if (m_classes.size() == 2) {
        Eigen::VectorXd y01(x.rows());
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            y01(i) = y[static_cast<std::size_t>(i)] == m_classes[1] ? 1.0 : 0.0;
        fitBinary(xa, y01);
    } else {
        std::vector<int> cls(y.size());
        for (std::size_t i = 0; i < y.size(); ++i)
            cls[i] = static_cast<int>(std::lower_bound(m_classes.begin(), m_classes.end(), y[i]) - m_classes.begin());
        fitMultinomial(xa, cls, static_cast<int>(m_classes.size()));
    }
    return {};
}

void LogisticRegression::fitBinary(const Eigen::MatrixXd& xa, const Eigen::VectorXd& y01)
{
    const Eigen::Index n = xa.rows(), p = xa.cols(), d = p - 1;
    const double c = m_params.c;
    Eigen::VectorXd theta = Eigen::VectorXd::Zero(p);
    auto objective = [&](const Eigen::VectorXd& t) {
        Eigen::VectorXd z = xa * t;
        double f = 0.5 * t.head(d).squaredNorm();
        for (Eigen::Index i = 0; i < n; ++i)
            f += c * (softplus(z(i)) - y01(i) * z(i));
        return f;
    };
    const double gradTol = m_params.tolerance * std::max(1.0, c * static_cast<double>(n));
    double f = objective(theta);
    m_converged = false;
    for (m_iterations = 0; m_iterations < m_params.maxIterations; ++m_iterations) {
        Eigen::VectorXd z = xa * theta;
        Eigen::VectorXd prob(n), curv(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            prob(i) = sigmoid(z(i));
            curv(i) = c * prob(i) * (1 - prob(i));
        }
        Eigen::VectorXd g = c * (xa.transpose() * (prob - y01));
        g.head(d) += theta.head(d);
        if (g.cwiseAbs().maxCoeff() <= gradTol) {
            m_converged = true;
            break;
        }
        Eigen::MatrixXd h = xa.transpose() * curv.asDiagonal() * xa;
        h.diagonal().head(d).array() += 1.0;
        Eigen::VectorXd s = newtonStep(std::move(h), g);
        double slope = g.dot(s), step = 1.0, fNew = f;
        for (int tries = 0; tries < 60; ++tries, step /= 2) {
            fNew = objective(theta + step * s);
            if (fNew <= f + 1e-4 * step * slope)
                break;
        }
        if (!(fNew <= f)) {  // no decrease possible: at the optimum to machine precision
            m_converged = true;
            break;
        }
        theta += step * s;
        f = fNew;
    }
    m_coef = theta.head(d).transpose();
    m_intercept = Eigen::VectorXd::Constant(1, theta(d));
}

void LogisticRegression::fitMultinomial(const Eigen::MatrixXd& xa, const std::vector<int>& cls, int k)
{
    const Eigen::Index n = xa.rows(), p = xa.cols(), d = p - 1;
    const double c = m_params.c;
    Eigen::MatrixXd theta = Eigen::MatrixXd::Zero(p, k);  // column j = class j's [w; b]
    Eigen::MatrixXd yOneHot = Eigen::MatrixXd::Zero(n, k);
    for (Eigen::Index i = 0; i < n; ++i)
        yOneHot(i, cls[static_cast<std::size_t>(i)]) = 1.0;
    auto probabilities = [&](const Eigen::MatrixXd& t, double* loss) {
        Eigen::MatrixXd z = xa * t;
        double sum = 0;
        for (Eigen::Index i = 0; i < n; ++i) {
            double m = z.row(i).maxCoeff();
            Eigen::ArrayXd e = (z.row(i).array() - m).exp();
            double s = e.sum();
            sum += m + std::log(s) - z(i, cls[static_cast<std::size_t>(i)]);
            z.row(i) = (e / s).matrix().transpose();
        }
        if (loss)
            *loss = c * sum + 0.5 * t.topRows(d).squaredNorm();
        return z;
    };
    const double gradTol = m_params.tolerance * std::max(1.0, c * static_cast<double>(n));
    double f = 0;
    Eigen::MatrixXd prob = probabilities(theta, &f);
    m_converged = false;
    for (m_iterations = 0; m_iterations < m_params.maxIterations; ++m_iterations) {
        Eigen::MatrixXd gm = c * (xa.transpose() * (prob - yOneHot));
        gm.topRows(d) += theta.topRows(d);
        Eigen::Map<Eigen::VectorXd> g(gm.data(), p * k);
        if (g.cwiseAbs().maxCoeff() <= gradTol) {
            m_converged = true;
            break;
        }
        Eigen::MatrixXd h = Eigen::MatrixXd::Zero(p * k, p * k);
        for (int a = 0; a < k; ++a) {
            for (int b = a; b < k; ++b) {
                Eigen::VectorXd w = -(prob.col(a).array() * prob.col(b).array()).matrix();
                if (a == b)
                    w += prob.col(a);
                Eigen::MatrixXd block = c * (xa.transpose() * w.asDiagonal() * xa);
                h.block(a * p, b * p, p, p) = block;
                if (a != b)
                    h.block(b * p, a * p, p, p) = block.transpose();
            }
            h.block(a * p, a * p, d, d).diagonal().array() += 1.0;
        }
        Eigen::VectorXd s = newtonStep(std::move(h), g);
        Eigen::Map<const Eigen::MatrixXd> sm(s.data(), p, k);
        double slope = g.dot(s), step = 1.0, fNew = f;
        Eigen::MatrixXd probNew;
        for (int tries = 0; tries < 60; ++tries, step /= 2) {
            probNew = probabilities(theta + step * sm, &fNew);
            if (fNew <= f + 1e-4 * step * slope)
                break;
        }
        if (!(fNew <= f)) {
            m_converged = true;
            break;
        }
        theta += step * sm;
        f = fNew;
        prob = std::move(probNew);
    }
    // The loss does not see a common shift of the intercepts; centre them (sklearn's lbfgs
    // starts at zero and its gradient keeps their sum at zero).
    theta.row(d).array() -= theta.row(d).mean();
    m_coef = theta.topRows(d).transpose();
    m_intercept = theta.row(d).transpose();
}

Eigen::MatrixXd LogisticRegression::predictProba(const Eigen::MatrixXd& x) const
{
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(x.rows(), m_classCount);
    if (m_classes.empty())
        return out;
    if (m_classes.size() == 2) {
        Eigen::VectorXd z = x * m_coef.row(0).transpose();
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            double p = sigmoid(z(i) + m_intercept(0));
            out(i, m_classes[0]) = 1 - p;
            out(i, m_classes[1]) = p;
        }
        return out;
    }
    Eigen::MatrixXd z = x * m_coef.transpose();
    z.rowwise() += m_intercept.transpose();
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        double m = z.row(i).maxCoeff();
        Eigen::ArrayXd e = (z.row(i).array() - m).exp();
        e /= e.sum();
        for (std::size_t j = 0; j < m_classes.size(); ++j)
            out(i, m_classes[j]) = e(static_cast<Eigen::Index>(j));
    }
    return out;
}

} // namespace preplab::model
