#include "core/model/model.h"

namespace preplab::model {

std::vector<int> argmaxRows(const Eigen::MatrixXd& proba)
{
    std::vector<int> out(static_cast<std::size_t>(proba.rows()), 0);
    for (Eigen::Index i = 0; i < proba.rows(); ++i) {
        Eigen::Index best = 0;
        for (Eigen::Index k = 1; k < proba.cols(); ++k)
            if (proba(i, k) > proba(i, best))
                best = k;
        out[static_cast<std::size_t>(i)] = static_cast<int>(best);
    }
    return out;
}

std::vector<int> Classifier::predict(const Eigen::MatrixXd& x) const
{
    return argmaxRows(predictProba(x));
}

Result<void> checkTrainingData(const Eigen::MatrixXd& x, std::size_t yRows, const std::string& model)
{
    if (x.rows() == 0)
        return makeError(ErrorCode::BadData, model + ": no training rows");
    if (static_cast<std::size_t>(x.rows()) != yRows)
        return makeError(ErrorCode::BadData, model + ": " + std::to_string(x.rows()) + " feature rows but " +
                                                 std::to_string(yRows) + " targets");
    if (!x.allFinite())
        return makeError(ErrorCode::BadData, model + ": the features contain NaN or infinite values");
    return {};
}

} // namespace preplab::model
