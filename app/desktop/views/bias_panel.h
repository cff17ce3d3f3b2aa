// BiasPanel: who is in the data and how the outcome differs between groups, for the table the
// recipe produces. The person chooses the target, its positive value, the sensitive columns and
// the reference group; the figures are recomputed off the GUI thread (LatestTask) whenever the
// table or a choice changes, a newer change cancelling an older one. Tabs:
//   Groups        positive rate per group with Wilson whiskers, base rate and four-fifths lines,
//                 and the table of n, share, rate, SPD, DI and the four-fifths flag;
//   Intersection  stacked bars of the first two sensitive columns crossed;
//   Proxies       columns ranked by how much they reveal the sensitive column;
//   Simpson       aggregate vs per-stratum rates for a stratifier (reversals first);
//   Ledger        what each recipe step does to each group (rows, cells, share, rate, flags).
#pragma once

#include "app/desktop/workers/bias_analysis.h"

#include <QWidget>

#include <memory>
#include <string>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTabWidget;
class QTableWidget;
class QToolButton;

namespace preplab::desktop {

class LatestTask;
class LedgerView;

class BiasPanel : public QWidget {
    Q_OBJECT
public:
    explicit BiasPanel(QWidget* parent = nullptr);

    // The table to diagnose (the recipe's output at the shown step). Keeps the choices that still
    // apply; the first time, guesses them (`targetHint`, sensitive-looking column names).
    void setTable(std::shared_ptr<const Table> table, const std::string& targetHint = {});
    // Sets every choice at once (tests, restoring a session) and recomputes.
    // The source table and the recipe's steps, for the Ledger tab; recomputes when they change.
    void setRecipe(std::shared_ptr<const Table> source, std::vector<nlohmann::json> steps);
    void setChoices(const std::string& target, const std::string& positive, const std::vector<std::string>& sensitive,
                    const std::string& reference = {});

    LatestTask* task() const { return m_task; }
    const BiasAnalysis& analysis() const { return m_analysis; }
    QChart* rateChart() const;
    QChart* intersectionChart() const;
    QChart* proxyChart() const;
    QChart* simpsonChart() const;
    QTableWidget* groupTable() const { return m_groupTable; }
    QTabWidget* tabs() const { return m_tabs; }
    LedgerView* ledgerView() const { return m_ledger; }

Q_SIGNALS:
    void analysisShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void recompute();
    void onFinished(const BiasAnalysis& analysis);
    void fillTargetPickers();
    void fillSensitiveMenu();
    void updateSensitiveText();
    void fillReferencePicker();
    void showGroups();
    void showSimpson();
    std::vector<std::string> checkedSensitive() const;

    std::shared_ptr<const Table> m_table;
    std::shared_ptr<const Table> m_source;
    std::vector<nlohmann::json> m_steps;
    LatestTask* m_task = nullptr;
    BiasAnalysis m_analysis;
    bool m_updating = false;
    bool m_stale = false;  // a change arrived while hidden
    bool m_pickersStale = false;  // the target's values are filled once the panel is shown
    // The target's distinct values, kept while the target column stays the same (every recipe
    // edit brings a new table, whose target column a step rarely touches).
    ColumnPtr m_pickerColumn;
    std::vector<std::string> m_pickerValues;

    QComboBox* m_target = nullptr;
    QComboBox* m_positive = nullptr;
    QToolButton* m_sensitive = nullptr;
    QComboBox* m_reference = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;
    QComboBox* m_shownColumn = nullptr;
    QChartView* m_rateView = nullptr;
    QTableWidget* m_groupTable = nullptr;
    QChartView* m_shareView = nullptr;
    QChartView* m_intersectionView = nullptr;
    QChartView* m_proxyView = nullptr;
    QLabel* m_proxyNote = nullptr;
    QComboBox* m_stratifier = nullptr;
    QLabel* m_simpsonNote = nullptr;
    QChartView* m_simpsonView = nullptr;
    LedgerView* m_ledger = nullptr;
};

} // namespace preplab::desktop
