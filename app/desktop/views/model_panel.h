// ModelPanel: what the recipe does to a quick model. The person chooses the target, its positive
// class, the model (logistic regression, decision tree, random forest, kNN, majority) and a
// sensitive column; the panel trains the model before (raw data) and after the recipe on the same
// split in the background (LatestTask, with progress; a newer change cancels the older run) and
// shows metric cards with deltas, the majority-class baseline, confusion matrices side by side,
// overlaid ROC and precision-recall curves, per-group metric bars and a validation curve. The
// threshold slider moves the marker on the curves and recomputes the confusion matrices,
// precision, recall and F1 at that threshold (binary targets). When the recipe has fitted steps, a
// line under the cards and the "Fitted on all rows" tab (LeakageView) show the same recipe fitted
// on all rows: the leak of scenario 4.
#pragma once

#include "app/desktop/workers/model_comparison.h"

#include <QWidget>

#include <map>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QProgressBar;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace preplab::desktop {

class MetricCards;

class LatestTask;
class LeakageView;

class ModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelPanel(QWidget* parent = nullptr);

    // The source table and the recipe; recomputes (debounced) when either changes.
    void setRecipe(std::shared_ptr<const Table> source, std::vector<nlohmann::json> steps, const std::string& target);
    // Sets the choices at once (tests, restoring a session) and recomputes.
    void setChoices(const std::string& target, const std::string& positive, const std::string& model,
                    const std::string& sensitive = {});
    void setThreshold(double threshold);

    LatestTask* task() const { return m_task; }
    const ModelComparison& comparison() const { return m_comparison; }
    QChart* rocChart() const;
    QChart* prChart() const;
    QChart* groupChart() const;
    QChart* validationChart() const;
    QTableWidget* beforeConfusion() const { return m_beforeConfusion; }
    QTableWidget* afterConfusion() const { return m_afterConfusion; }
    QLabel* thresholdSummary() const { return m_thresholdSummary; }
    QTabWidget* tabs() const { return m_tabs; }
    LeakageView* leakageView() const { return m_leakageView; }
    QLabel* leakageSummary() const { return m_leakageSummary; }
    // One line: why the split is not stratified although the target is a class (hidden when it is).
    QLabel* splitNote() const { return m_splitNote; }
    // The "after" value shown on a metric card ("accuracy", "balanced_accuracy", "precision",
    // "recall", "f1", "roc_auc", "baseline"), its change line ("Δ +0.012" or the n/a reason) and
    // that line's tooltip (the before and after values, or the reason in full).
    QString cardValue(const QString& metric) const;
    QString cardDetail(const QString& metric) const;
    QString cardDetailToolTip(const QString& metric) const;

Q_SIGNALS:
    void comparisonShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void recompute();
    void onFinished(const ModelComparison& comparison);
    void fillTargetChoices();
    void updateParameterSpin();
    void updateCards();
    void showGroups();
    void updateThreshold();
    double threshold() const;

    std::shared_ptr<const Table> m_source;
    std::vector<nlohmann::json> m_steps;
    LatestTask* m_task = nullptr;
    ModelComparison m_comparison;
    bool m_updating = false;
    bool m_stale = false;  // a change arrived while hidden

    QComboBox* m_target = nullptr;
    QComboBox* m_positive = nullptr;
    QComboBox* m_model = nullptr;
    QLabel* m_parameterLabel = nullptr;
    QSpinBox* m_parameter = nullptr;
    QComboBox* m_sensitive = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    MetricCards* m_metricCards = nullptr;
    QTabWidget* m_tabs = nullptr;
    QChartView* m_rocView = nullptr;
    QChartView* m_prView = nullptr;
    QTableWidget* m_beforeConfusion = nullptr;
    QTableWidget* m_afterConfusion = nullptr;
    QSlider* m_threshold = nullptr;
    QLabel* m_thresholdLabel = nullptr;
    QLabel* m_thresholdSummary = nullptr;
    QComboBox* m_groupMetric = nullptr;
    QChartView* m_groupView = nullptr;
    QChartView* m_validationView = nullptr;
    QLabel* m_leakageSummary = nullptr;
    QLabel* m_splitNote = nullptr;
    LeakageView* m_leakageView = nullptr;
};

} // namespace preplab::desktop
