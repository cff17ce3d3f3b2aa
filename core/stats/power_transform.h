// power_transform: the Yeo-Johnson and Box-Cox power transforms and their maximum-likelihood
// lambda, as scikit-learn 1.2.1's PowerTransformer (Yeo-Johnson) and scipy 1.10's
// stats.boxcox (Box-Cox, which sklearn calls) compute them.
//
// Yeo-Johnson psi(x; l):  ((x+1)^l - 1)/l        x >= 0, |l| >= spacing(1)   (else ln(1+x))
//                         -((1-x)^(2-l) - 1)/(2-l) x < 0, |l-2| > spacing(1)  (else -ln(1-x))
//   lambda maximises  L(l) = -(n/2) ln var(psi(x; l)) + (l - 1) sum sign(x_i) ln(1 + |x_i|)
//   (var = population variance; L = -inf when var < DBL_MIN), found by scipy's brent with
//   bracket guess (-2, 2).
// Box-Cox (x > 0):        (x^l - 1)/l  (ln x when |l| < 1e-19, scipy.special.boxcox)
//   lambda maximises  L(l) = (l - 1) sum ln x_i - (n/2) ln var(x^l / l)   (var(ln x) at l = 0),
//   scipy.stats.boxcox_llf, same optimiser.
// Values are formed exactly as numpy forms them (pow, pairwise sums), so that the likelihood, and
// hence Brent's path and lambda, are the same to the last bit. When a power overflows, the
// variance is taken in log space instead (exp(l * log1p(x)) with the largest exponent factored
// out), so that the likelihood stays finite where numpy's overflows (sklearn#23319).
// Missing values must be removed by the caller (sklearn ignores NaN when fitting).
#pragma once

#include "core/util/result.h"

#include <vector>

namespace preplab::stats {

double yeoJohnson(double x, double lambda);
double boxCox(double x, double lambda);

double yeoJohnsonLogLikelihood(const std::vector<double>& x, double lambda);
double boxCoxLogLikelihood(const std::vector<double>& x, double lambda);

// Maximum-likelihood lambda. Box-Cox fails on a non-positive value or a constant column (scipy:
// "Data must not be constant"); Yeo-Johnson fails on an empty input.
Result<double> fitYeoJohnsonLambda(const std::vector<double>& x);
Result<double> fitBoxCoxLambda(const std::vector<double>& x);

// numpy's ndarray.var(): pairwise sums, mean then mean of squared deviations.
double numpyVariance(const std::vector<double>& x);

} // namespace preplab::stats
