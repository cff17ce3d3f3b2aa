// quantile_transform: scikit-learn 1.2.1's QuantileTransformer on one column, with all rows used
// (no subsampling).
//
// Fit: n_quantiles_ = max(1, min(n_quantiles, n_rows)) where n_rows counts missing rows too (as
//   sklearn's X.shape[0]); references = linspace(0, 1, n_quantiles_); quantiles =
//   nanpercentile(values, 100 * references) (numpy `linear`), then a running maximum so that they
//   never decrease.
// Forward map of x: u = (interp(x; q -> r) - interp(-x; -q reversed -> -r reversed)) / 2, the
//   mid-rank of tied quantiles; x beyond the fitted range maps to 0 or 1.
//   uniform: x == q[0] -> 0, x == q[last] -> 1.
//   normal:  x - 1e-7 < q[0] -> 0, x + 1e-7 > q[last] -> 1, then z = Phi^-1(u) clipped to
//            +-Phi^-1(1e-7 - spacing(1)) = +-5.199337582605575.
#pragma once

#include <cstddef>
#include <vector>

namespace preplab::stats {

struct QuantileFit {
    std::vector<double> references;  // linspace(0, 1, n_quantiles_)
    std::vector<double> quantiles;   // ascending
};

// `values` are the present values of the fit rows; `rowCount` the fit rows including missing.
// Empty `values` gives an empty fit (every value then maps to missing).
QuantileFit fitQuantiles(std::vector<double> values, std::size_t rowCount, std::size_t nQuantiles);

double quantileUniform(double x, const QuantileFit& fit);
double quantileNormal(double x, const QuantileFit& fit);

// Standard normal quantile function Phi^-1(p) (scipy.stats.norm.ppf) to about 1e-15 relative:
// Acklam's rational approximation polished by two Halley steps on erfc.
double normalQuantile(double p);

} // namespace preplab::stats
