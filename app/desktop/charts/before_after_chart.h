// BeforeAfterChart: the before/after view of one column at one step, drawn from a
// ColumnComparison: overlaid histograms on one locked pair of axes (before muted, after in colour)
// for numbers, grouped bars for categories; beside it the statistics before -> after with deltas.
// A switch above the chart turns it into a ScatterChart of two numeric columns before/after.
// Exports the shown chart (distribution or scatter) as PNG or SVG and copies it to the clipboard.
#pragma once

#include "app/desktop/charts/column_comparison.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace preplab::desktop {

class ScatterChart;
struct ScatterInputs;

class BeforeAfterChart : public QWidget {
public:
    explicit BeforeAfterChart(QWidget* parent = nullptr);

    // `hasStep` false: only the source is shown (no "after").
    void setComparison(const ColumnComparison& comparison, bool hasStep, const QString& stepName);
    // Text under the statistics: what the step did and learned (HTML).
    void setCaption(const QString& html);
    // The tables the scatter page draws from (it computes only while shown).
    void setScatterInputs(const ScatterInputs& inputs);
    void setScatterShown(bool scatter);
    bool isScatterShown() const;
    ScatterChart* scatter() const { return m_scatter; }
    QChart* chart() const;  // the distribution chart
    QTableWidget* statsTable() const { return m_stats; }

    bool exportPng(const QString& path) const;
    bool exportSvg(const QString& path) const;
    void copyToClipboard() const;

private:
    void showNumeric(const ColumnComparison& c, bool hasStep);
    void showCategorical(const ColumnComparison& c, bool hasStep);
    void fillStats(const ColumnComparison& c, bool hasStep);
    QChartView* shownView() const;

    QChartView* m_view = nullptr;
    ScatterChart* m_scatter = nullptr;
    QStackedWidget* m_pages = nullptr;
    QToolButton* m_distributionButton = nullptr;
    QToolButton* m_scatterButton = nullptr;
    QTableWidget* m_stats = nullptr;
    QLabel* m_caption = nullptr;
    QLabel* m_note = nullptr;  // "the step added this column", ...
};

} // namespace preplab::desktop
