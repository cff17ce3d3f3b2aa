// TableModel: a read-only, virtual view of a core Table for QTableView. Cells are formatted on
// demand, only for the rows on screen, so a table of a million rows scrolls as fast as a small one.
// Missing cells show as a muted "NA"; numbers are right-aligned.
//
// Given a step's StepHighlights it shows the step's output and marks what the step did: changed
// cells on a soft amber, imputed ones (missing before, present after) on green in italics, cells
// of new columns on blue, added rows on purple; each marked cell's tooltip says before -> after.
// It can instead show the rows the step removed (taken from the step's input, on red). Every
// look-up in data() is O(1): the row maps and masks are built off the GUI thread.
#pragma once

#include "app/desktop/models/step_highlights.h"
#include "core/table/table.h"

#include <QAbstractTableModel>
#include <QBrush>
#include <QFont>

#include <memory>
#include <set>
#include <string>

class QPalette;

namespace preplab::desktop {

class TableModel : public QAbstractTableModel {
public:
    // What a cell shows about the selected step (CellStateRole).
    enum class CellState { Plain, Changed, Imputed, NewColumn, AddedRow, Removed };
    static constexpr int CellStateRole = Qt::UserRole + 1;

    explicit TableModel(QObject* parent = nullptr);

    // Shows `table`; columns named in `changed` get a tinted header (the step's output columns).
    // No cell marks.
    void setTable(std::shared_ptr<const Table> table, std::set<std::string> changed = {});
    // Shows a step's output with its cell marks (null: no marks, the table stays).
    void setHighlights(std::shared_ptr<const StepHighlights> highlights);
    // Shows the rows the step removed instead of its output (no-op without highlights).
    void setShowRemoved(bool show);
    bool showsRemoved() const { return m_showRemoved; }
    const Table* table() const { return m_table.get(); }
    const StepHighlights* highlights() const { return m_highlights.get(); }

    // The soft background of a cell state: `tint` blended into the palette's base colour, so it
    // reads on light and dark palettes alike. Plain gives an invalid colour.
    static QColor background(CellState state, const QPalette& palette);
    // Recomputes the cell backgrounds for `palette` (the view's, after a palette change).
    void setPalette(const QPalette& palette);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The shared tail of setTable and setHighlights: swaps in what is shown, in place when the
    // shape is unchanged, else with a model reset.
    void replaceContents(std::shared_ptr<const Table> table, std::set<std::string> changed,
                         std::shared_ptr<const StepHighlights> highlights);
    CellState cellState(std::size_t row, std::size_t column) const;
    QString cellToolTip(CellState state, std::size_t row, std::size_t column) const;
    std::size_t tableRow(int row) const;

    std::shared_ptr<const Table> m_table;
    std::set<std::string> m_changed;
    std::shared_ptr<const StepHighlights> m_highlights;
    bool m_showRemoved = false;
    QBrush m_brushes[6];
    QFont m_italic;
};

} // namespace preplab::desktop
