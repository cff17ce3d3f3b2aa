#include "app/desktop/models/table_model.h"

#include "app/desktop/util/qt_convert.h"

#include <QApplication>
#include <QPalette>

#include <limits>

namespace preplab::desktop {
namespace {

// Okabe-Ito hues (distinguishable with the common colour-vision deficiencies).
QColor tintOf(TableModel::CellState state)
{
    switch (state) {
    case TableModel::CellState::Changed: return {0xE6, 0x9F, 0x00};    // orange
    case TableModel::CellState::Imputed: return {0x00, 0x9E, 0x73};    // bluish green
    case TableModel::CellState::NewColumn: return {0x56, 0xB4, 0xE9};  // sky blue
    case TableModel::CellState::AddedRow: return {0xCC, 0x79, 0xA7};   // reddish purple
    case TableModel::CellState::Removed: return {0xD5, 0x5E, 0x00};    // vermillion
    case TableModel::CellState::Plain: break;
    }
    return {};
}

QColor blend(const QColor& base, const QColor& tint, double share)
{
    return QColor::fromRgbF(float(base.redF() * (1 - share) + tint.redF() * share),
                            float(base.greenF() * (1 - share) + tint.greenF() * share),
                            float(base.blueF() * (1 - share) + tint.blueF() * share));
}

QString cellText(const Column& column, std::size_t row)
{
    return column.isMissing(row) ? QStringLiteral("missing") : toQString(column.format(row));
}

} // namespace

TableModel::TableModel(QObject* parent) : QAbstractTableModel(parent)
{
    m_italic.setItalic(true);
    setPalette(QApplication::palette());
}

QColor TableModel::background(CellState state, const QPalette& palette)
{
    if (state == CellState::Plain)
        return {};
    // A light base takes less of the tint than a dark one: both stay soft behind the text.
    const QColor base = palette.color(QPalette::Base);
    return blend(base, tintOf(state), base.lightnessF() > 0.5 ? 0.24 : 0.38);
}

void TableModel::setPalette(const QPalette& palette)
{
    for (int s = 1; s < 6; ++s)
        m_brushes[s] = QBrush(background(static_cast<CellState>(s), palette));
    if (m_highlights && rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::BackgroundRole});
}

void TableModel::setTable(std::shared_ptr<const Table> table, std::set<std::string> changed)
{
    replaceContents(std::move(table), std::move(changed), nullptr);
}

void TableModel::setHighlights(std::shared_ptr<const StepHighlights> highlights)
{
    if (!highlights) {
        setTable(m_table, m_changed);
        return;
    }
    std::shared_ptr<const Table> output = highlights->output;
    std::set<std::string> changed;
    for (std::size_t c = 0; c < highlights->columns.size(); ++c)
        if (highlights->columns[c].kind != ColumnMarks::Kind::Unchanged)
            changed.insert(output->name(c));
    replaceContents(std::move(output), std::move(changed), std::move(highlights));
}

void TableModel::replaceContents(std::shared_ptr<const Table> table, std::set<std::string> changed,
                                 std::shared_ptr<const StepHighlights> highlights)
{
    // Same shape (a parameter changed): the cells change in place, so the view keeps its scroll
    // position and selection; otherwise the model resets.
    const bool sameShape = m_table && table && !m_showRemoved && m_table->rowCount() == table->rowCount()
                           && m_table->names() == table->names();
    if (!sameShape)
        beginResetModel();
    m_table = std::move(table);
    m_changed = std::move(changed);
    m_highlights = std::move(highlights);
    m_showRemoved = false;
    if (!sameShape) {
        endResetModel();
    } else if (rowCount() > 0 && columnCount() > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    }
}

void TableModel::setShowRemoved(bool show)
{
    if (!m_highlights || show == m_showRemoved)
        return;
    beginResetModel();
    m_showRemoved = show;
    m_table = show ? m_highlights->input : m_highlights->output;
    endResetModel();
}

int TableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    if (m_showRemoved)
        return static_cast<int>(m_highlights->removedInputRows.size());
    // QTableView counts rows in int; larger tables show their first INT_MAX rows.
    return static_cast<int>(std::min<std::size_t>(m_table->rowCount(), std::numeric_limits<int>::max()));
}

int TableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->columnCount());
}

std::size_t TableModel::tableRow(int row) const
{
    return m_showRemoved ? static_cast<std::size_t>(m_highlights->removedInputRows[static_cast<std::size_t>(row)])
                         : static_cast<std::size_t>(row);
}

TableModel::CellState TableModel::cellState(std::size_t row, std::size_t column) const
{
    if (!m_highlights)
        return CellState::Plain;
    if (m_showRemoved)
        return CellState::Removed;
    const ColumnMarks& marks = m_highlights->columns[column];
    if (marks.kind == ColumnMarks::Kind::Added)
        return CellState::NewColumn;
    if (marks.kind == ColumnMarks::Kind::Changed && marks.changed[row]) {
        const int from = m_highlights->inputRowOf(row);
        const Column& input = m_highlights->input->column(static_cast<std::size_t>(marks.inputColumn));
        if (from >= 0 && input.isMissing(static_cast<std::size_t>(from)) && m_table->column(column).isValid(row))
            return CellState::Imputed;
        return CellState::Changed;
    }
    if (!m_highlights->addedRows.empty() && m_highlights->addedRows[row])
        return CellState::AddedRow;
    return CellState::Plain;
}

QString TableModel::cellToolTip(CellState state, std::size_t row, std::size_t column) const
{
    const Column& col = m_table->column(column);
    const QString method = m_highlights ? toQString(m_highlights->method) : QString();
    switch (state) {
    case CellState::Plain:
        return col.isMissing(row) ? QStringLiteral("Missing value") : QString();
    case CellState::Imputed:
        return QStringLiteral("imputed: was missing, now %1 (%2)").arg(cellText(col, row), method);
    case CellState::Changed: {
        const ColumnMarks& marks = m_highlights->columns[column];
        const Column& input = m_highlights->input->column(static_cast<std::size_t>(marks.inputColumn));
        const int from = m_highlights->inputRowOf(row);
        const QString before = from >= 0 ? cellText(input, static_cast<std::size_t>(from)) : QStringLiteral("?");
        return QStringLiteral("changed: was %1, now %2 (%3)").arg(before, cellText(col, row), method);
    }
    case CellState::NewColumn:
        return QStringLiteral("new column added by the step (%1): %2").arg(method, cellText(col, row));
    case CellState::AddedRow: {
        const int from = m_highlights->inputRowOf(row);
        return from >= 0 ? QStringLiteral("added row: a copy of input row %1 (%2)").arg(from + 1).arg(method)
                         : QStringLiteral("added row: synthetic (%1)").arg(method);
    }
    case CellState::Removed:
        return QStringLiteral("removed by the step (%1): %2").arg(method, cellText(col, row));
    }
    return {};
}

QVariant TableModel::data(const QModelIndex& index, int role) const
{
    if (!m_table || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto c = static_cast<std::size_t>(index.column());
    const Column& column = m_table->column(c);
    const std::size_t row = tableRow(index.row());
    const bool missing = column.isMissing(row);
    switch (role) {
    case Qt::DisplayRole:
        return missing ? QStringLiteral("NA") : toQString(column.format(row));
    case Qt::ToolTipRole: {
        const QString tip = cellToolTip(cellState(row, c), row, c);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::BackgroundRole: {
        const CellState state = cellState(row, c);
        return state == CellState::Plain ? QVariant() : QVariant(m_brushes[static_cast<int>(state)]);
    }
    case CellStateRole:
        return static_cast<int>(cellState(row, c));
    case Qt::ForegroundRole:
        if (missing)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (missing || cellState(row, c) == CellState::Imputed)
            return m_italic;
        return {};
    case Qt::TextAlignmentRole:
        if (hasNumberValue(column.type()) && column.type() != ColumnType::Datetime)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_table || section < 0)
        return {};
    if (orientation == Qt::Vertical) {
        if (section >= rowCount())
            return {};
        if (role == Qt::DisplayRole)
            return static_cast<qulonglong>(tableRow(section) + 1);
        if (role == Qt::ToolTipRole && m_showRemoved)
            return QStringLiteral("Row %1 of the step's input").arg(tableRow(section) + 1);
        if (role == Qt::ToolTipRole && m_highlights && !m_highlights->inputRow.empty()) {
            const int from = m_highlights->inputRowOf(static_cast<std::size_t>(section));
            return from >= 0 ? QStringLiteral("From row %1 of the step's input").arg(from + 1)
                             : QStringLiteral("Added by the step");
        }
        return {};
    }
    if (section >= columnCount())
        return {};
    const auto i = static_cast<std::size_t>(section);
    const std::string& name = m_table->name(i);
    const bool changed = !m_showRemoved && m_changed.count(name);
    switch (role) {
    case Qt::DisplayRole:
        return toQString(name);
    case Qt::ToolTipRole: {
        QString note;
        if (changed && m_highlights) {
            const ColumnMarks& marks = m_highlights->columns[i];
            if (marks.kind == ColumnMarks::Kind::Added)
                note = QStringLiteral(": added by the selected step");
            else
                note = QStringLiteral(": %L1 cells changed by the selected step, %L2 of them imputed")
                           .arg(marks.changedCells)
                           .arg(marks.imputedCells);
        } else if (changed) {
            note = QStringLiteral(": changed by the selected step");
        }
        return QStringLiteral("%1 (%2)%3").arg(toQString(name), toQString(columnTypeName(m_table->column(i).type())), note);
    }
    case Qt::FontRole:
        if (changed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (changed)
            return QApplication::palette().brush(QPalette::Highlight);
        return {};
    default:
        return {};
    }
}

} // namespace preplab::desktop
