// ScatterChart: the before/after scatter of two numeric columns at one step, the "Scatter" page of
// the before/after area. X and Y are picked in combo boxes (X follows the selected column, Y
// defaults to the numeric column most correlated with it). Before is drawn muted, after in colour,
// on one locked pair of axes; cells the step filled and rows it removed get their own markers.
// A ScatterComparison is computed off the GUI thread (LatestTask: debounced, a newer request
// cancels the running one and a superseded result is dropped) and only while the page is shown;
// big tables arrive sampled or as density grids, with a note saying so. Up to
// kSeriesPointLimit points in all are drawn as QScatterSeries; more (a 3,000-point sample per
// side) are painted by a PointCloudItem, the series then only carrying the legend.
#pragma once

#include "app/desktop/charts/scatter_comparison.h"

#include <QWidget>

#include <cstddef>
#include <memory>
#include <utility>

class QChart;
class QChartView;
class QComboBox;
class QGraphicsPixmapItem;
class QLabel;
class QValueAxis;

namespace preplab::desktop {

class LatestTask;
class PointCloudItem;

// What the scatter needs from one evaluation (EvaluationResult's tables and the step's row map).
struct ScatterInputs {
    std::shared_ptr<const Table> before, after;
    std::shared_ptr<const StepHighlights> highlights;
    bool hasStep = false;
    QString stepName;
    QString selectedColumn;
};

class ScatterChart : public QWidget {
    Q_OBJECT
public:
    // Most points (before, after and marks together) drawn as Qt Charts series: each costs
    // ~10 us on the GUI thread there (one graphics item per point), ~1 us painted.
    static constexpr std::size_t kSeriesPointLimit = 1500;

    explicit ScatterChart(QWidget* parent = nullptr);
    ~ScatterChart() override;

    void setInputs(const ScatterInputs& inputs);
    // Computes only while active (the page is shown); activating recomputes what changed.
    void setActive(bool active);
    // Draws a comparison directly (tests; the worker's results land here too).
    void draw(const ScatterComparison& comparison);

    QChart* chart() const;
    QChartView* view() const { return m_view; }
    QComboBox* xBox() const { return m_xBox; }
    QComboBox* yBox() const { return m_yBox; }
    // The row of controls (X and Y pickers), placed by the before/after area beside its mode switch.
    QWidget* controls() const { return m_controls; }
    QString noteText() const;
    const ScatterComparison& comparison() const { return m_comparison; }
    bool hasDensityImage() const;
    // The painted points (empty when the series hold them).
    const PointCloudItem* pointCloud() const { return m_cloud; }
    // Blocks until the worker is idle and its result is drawn (tests).
    void waitForIdle();

Q_SIGNALS:
    // A comparison has been drawn (after the worker delivered it, or draw() was called).
    void drawn();

private:
    void fillColumnBoxes();
    void request();
    void drawPoints(const ScatterComparison& c);
    void addMarks(const ScatterComparison& c, bool painted);
    void addPoints(const ScatterPoints& points, const QString& name, QColor fill, QColor border, qreal size,
                   bool painted, bool square = false);
    void drawDensity(const ScatterComparison& c);
    void placeDensityImage();
    void placePointCloud();
    QString note(const ScatterComparison& c) const;

    ScatterInputs m_inputs;
    ScatterComparison m_comparison;
    bool m_active = false;
    bool m_dirty = false;
    bool m_autoY = true;  // Y follows X's most correlated column until the user picks one
    QWidget* m_controls = nullptr;
    QComboBox* m_xBox = nullptr;
    QComboBox* m_yBox = nullptr;
    QChartView* m_view = nullptr;
    QLabel* m_note = nullptr;
    QGraphicsPixmapItem* m_density = nullptr;
    PointCloudItem* m_cloud = nullptr;
    std::pair<QValueAxis*, QValueAxis*> m_axes{nullptr, nullptr};
    LatestTask* m_task = nullptr;
};

} // namespace preplab::desktop
