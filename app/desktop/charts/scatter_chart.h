// ScatterChart: the before/after scatter of two numeric columns at one step, the "Scatter" page of
// the before/after area. X and Y are picked in combo boxes (X follows the selected column, Y
// defaults to the numeric column most correlated with it). Before is drawn muted, after in colour,
// on one locked pair of axes; cells the step filled and rows it removed get their own markers.
// A ScatterComparison is computed off the GUI thread (LatestTask) and only while the page is
// shown; big tables arrive sampled or as density grids, with a note saying so.
#pragma once

#include "app/desktop/charts/scatter_comparison.h"

#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QComboBox;
class QGraphicsPixmapItem;
class QLabel;

namespace preplab::desktop {

class LatestTask;

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
    // Blocks until the worker is idle and its result is drawn (tests).
    void waitForIdle();

private:
    void fillColumnBoxes();
    void request();
    void drawPoints(const ScatterComparison& c);
    void drawDensity(const ScatterComparison& c);
    void placeDensityImage();
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
    LatestTask* m_task = nullptr;
};

} // namespace preplab::desktop
