// LedgerView: the Bias panel's Ledger tab. A table of the group-impact ledger (one row per step
// and group: rows removed and added, cells changed, share and positive rate before -> after,
// flags with the why; flagged rows highlighted) above two charts of the chosen step: each
// group's share of the rows and its positive rate, before -> after the step.
#pragma once

#include "app/desktop/workers/ledger_analysis.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;

namespace preplab::desktop {

class LedgerView : public QWidget {
public:
    explicit LedgerView(QWidget* parent = nullptr);

    void setLedger(const LedgerAnalysis& analysis);
    // Shows step `index` (0-based) in the charts.
    void showStep(int index);

    QTableWidget* table() const { return m_table; }
    QChart* shareChart() const;
    QChart* rateChart() const;

private:
    LedgerAnalysis m_analysis;
    QLabel* m_note = nullptr;
    QTableWidget* m_table = nullptr;
    QComboBox* m_step = nullptr;
    QChartView* m_shareView = nullptr;
    QChartView* m_rateView = nullptr;
};

} // namespace preplab::desktop
