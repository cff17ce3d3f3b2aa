// Model charts: the before/after figures of the Model panel drawn on Qt Charts and tables.
//   ROC and PR    both passes' curves overlaid (before grey, after blue), the chance line, and a
//                 marker at the threshold the slider chose (after).
//   Group bars    one metric per sensitive group (accuracy, selection rate, TPR, FPR) before/after.
//   Validation    train and test score of the recipe's data against a complexity parameter.
//   Confusion     a count table shaded by the row share (true class), rows = truth.
// Undefined metrics read "n/a — reason", never 0.
#pragma once

#include "core/model/classification_metrics.h"
#include "core/model/evaluation.h"
#include "core/model/group_metrics.h"
#include "core/model/ranking_metrics.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

class QChart;
class QTableWidget;

namespace preplab::desktop {

inline const QString kBeforeSeries = QStringLiteral("Before");
inline const QString kAfterSeries = QStringLiteral("After recipe");
inline const QString kThresholdSeries = QStringLiteral("Threshold");

QString metricText(const model::MetricValue& value, int decimals = 3);

void drawRoc(QChart* chart, const model::RocCurve* before, const model::RocCurve* after, const QString& undefined);
void drawPrecisionRecall(QChart* chart, const model::PrecisionRecallCurve* before,
                         const model::PrecisionRecallCurve* after, const QString& undefined);
// Moves the threshold marker (a scatter series named kThresholdSeries) to (x, y).
void setThresholdMarker(QChart* chart, double x, double y);

// metric: "accuracy", "selection_rate", "tpr" or "fpr".
void drawGroupMetric(QChart* chart, const model::GroupMetrics* before, const model::GroupMetrics* after,
                     const std::string& metric);
void drawValidationCurve(QChart* chart, const std::vector<model::ValidationPoint>& points, const QString& parameter,
                         const QString& undefined);

// counts[truth][predicted]; classNames label rows and columns.
void fillConfusion(QTableWidget* table, const std::vector<std::string>& classNames,
                   const std::vector<std::vector<double>>& counts);

} // namespace preplab::desktop
