// Regression metrics with scikit-learn's definitions.
#pragma once

#include "core/model/metric_value.h"

#include <vector>

namespace preplab::model {

// mean |y - yPred|.
MetricValue meanAbsoluteError(const std::vector<double>& yTrue, const std::vector<double>& yPred);
// mean (y - yPred)^2. Golden: y = [3,-0.5,2,7], yPred = [2.5,0,2,8] -> 0.375.
MetricValue meanSquaredError(const std::vector<double>& yTrue, const std::vector<double>& yPred);
// sqrt(MSE) (sklearn >= 1.4 root_mean_squared_error). Golden as above -> 0.612372.
MetricValue rootMeanSquaredError(const std::vector<double>& yTrue, const std::vector<double>& yPred);
// R^2 = 1 - SS_res / SS_tot, SS_tot = sum (y - mean y)^2. Constant yTrue with forceFinite
// (sklearn default): 1.0 if the prediction is perfect else 0.0; without it the value is
// undefined (0/0) or -inf. Fewer than two rows: undefined.
// Golden: y = [1,1,1], yPred = [1,1,2] -> 0.0 (-inf with forceFinite = false).
MetricValue r2Score(const std::vector<double>& yTrue, const std::vector<double>& yPred, bool forceFinite = true);

} // namespace preplab::model
