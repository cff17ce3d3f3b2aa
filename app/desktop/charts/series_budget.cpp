#include "app/desktop/charts/series_budget.h"

#include "core/stats/decimation.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace preplab::desktop {

QList<QPointF> decimatedLine(std::span<const double> x, std::span<const double> y, std::size_t budget)
{
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<double> fx, fy;
    fx.reserve(n);
    fy.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i])) {
            fx.push_back(x[i]);
            fy.push_back(y[i]);
        }
    QList<QPointF> points;
    const std::vector<std::size_t> kept = stats::lttbIndices(fx, fy, budget);
    points.reserve(static_cast<qsizetype>(kept.size()));
    for (std::size_t i : kept)
        points.append({fx[i], fy[i]});
    return points;
}

} // namespace preplab::desktop
