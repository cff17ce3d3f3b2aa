// Bias charts: the figures of core/bias drawn on Qt Charts for the Bias panel. Every function
// clears the chart and draws one view; series carry fixed names so tests can find them.
//   Group rates   positive rate per group (bars; groups below the four-fifths line in vermillion),
//                 Wilson 95% interval whiskers, the overall base rate and the dashed four-fifths
//                 line at 0.8 × the reference group's rate; n under each bar.
//   Intersection  stacked positive / negative counts per two-way cell "a × b".
//   Proxies       strength (Cramér's V or correlation ratio η) of each column, horizontal bars.
//   Simpson       the two groups' rates over all rows and inside each stratum of the stratifier.
//   Ledger step   each group's share or positive rate before -> after one recipe step.
// Undefined values are never drawn as 0 without saying so: their label reads "n/a — reason".
#pragma once

#include "core/bias/diagnostics.h"
#include "core/bias/ledger.h"
#include "core/bias/proxy.h"
#include "core/bias/simpson.h"

#include <QString>

#include <vector>

class QChart;

namespace preplab::desktop {

// Series names used by the charts (and by the tests).
inline const QString kRateMeetsSeries = QStringLiteral("Positive rate");
inline const QString kRateFlaggedSeries = QStringLiteral("Below four-fifths");
inline const QString kBaseRateSeries = QStringLiteral("Overall rate");
inline const QString kFourFifthsSeries = QStringLiteral("0.8 × reference rate");
inline const QString kWhiskerSeries = QStringLiteral("95% interval");

// "30.4%" or "n/a — no rows in group".
QString percentText(const std::optional<double>& value, const std::string& reason, int decimals = 1);
QString rateText(const bias::Rate& rate);              // "30.4% [28.3–32.5%] (557/1835)"
QString signedPointsText(const std::optional<double>& difference, const std::string& reason);  // "−14.1 pts"

void drawGroupRates(QChart* chart, const bias::GroupReport& report);
// Each group's share of the rows (and the expected share, when one was given).
void drawShares(QChart* chart, const bias::GroupReport& report);
void drawIntersection(QChart* chart, const bias::GroupReport& report);
void drawProxies(QChart* chart, const std::vector<bias::ProxyScore>& proxies, std::size_t maxBars = 12);
void drawSimpson(QChart* chart, const bias::SimpsonResult& simpson);
// One step of the group-impact ledger: each group's share (rate = false) or positive rate
// (rate = true) before (grey) and after (blue) the step; flagged groups' labels end with " ⚠".
void drawLedgerStep(QChart* chart, const std::vector<bias::LedgerEntry>& entries, bool rate, const QString& title);
// A chart with no series and a centred message in its title.
void drawMessage(QChart* chart, const QString& message);

} // namespace preplab::desktop
