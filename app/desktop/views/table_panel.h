// TablePanel: the data table of the main window with a legend strip above it. The table shows the
// selected step's output with the cells the step changed marked (TableModel); the legend names
// each colour with its count ("11 cells imputed", "0 removed rows") and a toggle shows the rows
// the step removed instead.
#pragma once

#include "app/desktop/models/step_highlights.h"

#include <QWidget>

#include <memory>
#include <set>
#include <string>

class QLabel;
class QTableView;
class QToolButton;

namespace preplab::desktop {

class TableModel;

class TablePanel : public QWidget {
public:
    explicit TablePanel(QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    TableModel* model() const { return m_model; }
    // The legend's text: its title, then one item per colour in use (tests).
    QString legendText() const;

    // Shows `table` without marks (the source), naming `changed` columns in the header.
    void showTable(std::shared_ptr<const Table> table, std::set<std::string> changed = {});
    // Shows a step's output with its marks; `stepName` heads the legend ("Step 2 (scale)").
    void showStep(std::shared_ptr<const StepHighlights> highlights, const QString& stepName);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct LegendItem {
        QLabel* swatch = nullptr;
        QLabel* text = nullptr;
    };
    void updateLegend();
    void fitHeaderSections();
    static constexpr int kMaxHeaderWidth = 220;
    void updateColours();
    void setItem(LegendItem& item, std::size_t count, const QString& one, const QString& many);

    TableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_title = nullptr;
    LegendItem m_changed, m_imputed, m_newColumns, m_addedRows, m_removedRows;
    QToolButton* m_showRemoved = nullptr;
    QString m_stepName;
};

} // namespace preplab::desktop
