// Series budget: the most points any chart of the app hands one Qt Charts series. Qt Charts is
// slow with many points (measured: 10,000 on a QScatterSeries take 0.19 s, 100,000 take 11.6 s),
// so lines are decimated with LTTB (core/stats/decimation.h, 1M points to 2,000 in ~2 ms) and
// scatters sampled or drawn as a density image (ScatterComparison).
#pragma once

#include <QList>
#include <QPointF>

#include <cstddef>
#include <span>

namespace preplab::desktop {

inline constexpr std::size_t kSeriesPointBudget = 3000;

// The points (x[i], y[i]) with both values finite, decimated by LTTB to at most `budget` points
// (first and last kept) when there are more.
QList<QPointF> decimatedLine(std::span<const double> x, std::span<const double> y,
                             std::size_t budget = kSeriesPointBudget);

} // namespace preplab::desktop
