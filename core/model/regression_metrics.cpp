#include "core/model/regression_metrics.h"

#include <cmath>
#include <limits>

namespace preplab::model {

namespace {

std::optional<MetricValue> checkInputs(const std::vector<double>& yTrue, const std::vector<double>& yPred)
{
    if (yTrue.size() != yPred.size())
        return MetricValue::undefined("yTrue and yPred differ in length");
    if (yTrue.empty())
        return MetricValue::undefined("no rows");
    return std::nullopt;
}

} // namespace

MetricValue meanAbsoluteError(const std::vector<double>& yTrue, const std::vector<double>& yPred)
{
    if (auto bad = checkInputs(yTrue, yPred))
        return *bad;
    double sum = 0;
    for (std::size_t i = 0; i < yTrue.size(); ++i)
        sum += std::abs(yTrue[i] - yPred[i]);
    return MetricValue::of(sum / static_cast<double>(yTrue.size()));
}

MetricValue meanSquaredError(const std::vector<double>& yTrue, const std::vector<double>& yPred)
{
    if (auto bad = checkInputs(yTrue, yPred))
        return *bad;
    double sum = 0;
    for (std::size_t i = 0; i < yTrue.size(); ++i)
        sum += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
    return MetricValue::of(sum / static_cast<double>(yTrue.size()));
}

MetricValue rootMeanSquaredError(const std::vector<double>& yTrue, const std::vector<double>& yPred)
{
    MetricValue mse = meanSquaredError(yTrue, yPred);
    return mse.defined() ? MetricValue::of(std::sqrt(*mse)) : mse;
}

MetricValue r2Score(const std::vector<double>& yTrue, const std::vector<double>& yPred, bool forceFinite)
{
    if (auto bad = checkInputs(yTrue, yPred))
        return *bad;
    if (yTrue.size() < 2)
        return MetricValue::undefined("R2 needs at least two rows");
    double mean = 0;
    for (double y : yTrue)
        mean += y;
    mean /= static_cast<double>(yTrue.size());
    double ssRes = 0, ssTot = 0;
    for (std::size_t i = 0; i < yTrue.size(); ++i) {
        ssRes += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
        ssTot += (yTrue[i] - mean) * (yTrue[i] - mean);
    }
    if (ssTot == 0) {
        if (forceFinite)
            return MetricValue::of(ssRes == 0 ? 1.0 : 0.0, "constant true values: R2 forced finite");
        if (ssRes == 0)
            return MetricValue::undefined("constant true values predicted perfectly: R2 is 0/0");
        return MetricValue::of(-std::numeric_limits<double>::infinity(), "constant true values");
    }
    return MetricValue::of(1 - ssRes / ssTot);
}

} // namespace preplab::model
