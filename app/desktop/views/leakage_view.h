// LeakageView: the Model panel's "Fitted on all rows" tab — scenario 4 of the teaching scenarios
// (leakage by preprocessing on all data). One sentence says what changed; a table puts the test
// metrics of the raw data, of the recipe fitted on the training rows and of the same recipe with
// every fitted step fitted on all rows side by side; a second table lists, per fitted step, what it
// learned from the training rows against what it learned from all rows. It only shows what
// compareModels() computed off the GUI thread.
#pragma once

#include "app/desktop/workers/model_comparison.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace preplab::desktop {

class LeakageView : public QWidget {
    Q_OBJECT
public:
    explicit LeakageView(QWidget* parent = nullptr);

    void setComparison(const ModelComparison& comparison);

    QLabel* sentence() const { return m_sentence; }
    // Rows: metrics; columns: raw data, recipe (training rows), recipe (all rows), change.
    QTableWidget* metricsTable() const { return m_metrics; }
    // Rows: learned values; columns: step, parameter, training rows, all rows, change.
    QTableWidget* parametersTable() const { return m_parameters; }

private:
    void fillMetrics(const ModelComparison& comparison);
    void fillParameters(const ModelComparison& comparison);

    QLabel* m_sentence = nullptr;
    QTableWidget* m_metrics = nullptr;
    QTableWidget* m_parameters = nullptr;
    QLabel* m_parametersNote = nullptr;
};

} // namespace preplab::desktop
