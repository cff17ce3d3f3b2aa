// brent: scipy.optimize.brent(func, brack=(xa, xb)) as scipy 1.10 runs it: a downhill bracket
// search (scipy.optimize.bracket: golden-ratio growth 1.618034, parabolic extrapolation,
// grow_limit 110) followed by Brent's method (tol 1.48e-8, absolute floor 1e-11, at most 500
// iterations). Reproducing the same steps makes PowerTransformer's lambdas agree with scikit-learn
// to the last digits instead of merely "to optimiser tolerance".
#pragma once

#include <functional>

namespace preplab::stats {

struct BrentResult {
    double xmin = 0.0;
    double fmin = 0.0;
    int iterations = 0;
    int evaluations = 0;
    bool bracketFailed = false;  // the bracket search ran past 1000 iterations (scipy raises)
};

// Minimises f starting from the bracket guess (xa, xb). f may return +inf.
BrentResult brentMinimize(const std::function<double(double)>& f, double xa, double xb);

} // namespace preplab::stats
