// BeforeAfterChart: the before/after view of one column at one step, drawn from a
// ColumnComparison: overlaid histograms on one locked pair of axes (before muted, after in colour)
// for numbers, grouped bars for categories; beside it the statistics before -> after with deltas.
// Exports the chart as PNG or SVG and copies it to the clipboard.
#pragma once

#include "app/desktop/charts/column_comparison.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QTableWidget;

namespace preplab::desktop {

class BeforeAfterChart : public QWidget {
public:
    explicit BeforeAfterChart(QWidget* parent = nullptr);

    // `hasStep` false: only the source is shown (no "after").
    void setComparison(const ColumnComparison& comparison, bool hasStep, const QString& stepName);
    // Text under the statistics: what the step did and learned (HTML).
    void setCaption(const QString& html);
    QChart* chart() const;
    QTableWidget* statsTable() const { return m_stats; }

    bool exportPng(const QString& path) const;
    bool exportSvg(const QString& path) const;
    void copyToClipboard() const;

private:
    void showNumeric(const ColumnComparison& c, bool hasStep);
    void showCategorical(const ColumnComparison& c, bool hasStep);
    void fillStats(const ColumnComparison& c, bool hasStep);

    QChartView* m_view = nullptr;
    QTableWidget* m_stats = nullptr;
    QLabel* m_caption = nullptr;
    QLabel* m_note = nullptr;  // "the step added this column", ...
};

} // namespace preplab::desktop
