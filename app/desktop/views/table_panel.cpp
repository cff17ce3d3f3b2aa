#include "app/desktop/views/table_panel.h"

#include "app/desktop/models/table_model.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace preplab::desktop {

namespace {

// A column header that elides names too long for their section (in the middle: both ends of
// "a_long_name_x" stay), measured in the font each is drawn in (bold for a changed column). Qt
// 6.4's header draws the whole name centred instead, clipped at both ends.
class ColumnHeader : public QHeaderView {
public:
    using QHeaderView::QHeaderView;

protected:
    void initStyleOptionForIndex(QStyleOptionHeader* option, int logicalIndex) const override
    {
        QHeaderView::initStyleOptionForIndex(option, logicalIndex);
        const QVariant font = model() ? model()->headerData(logicalIndex, orientation(), Qt::FontRole) : QVariant();
        const QFontMetrics metrics = font.canConvert<QFont>() ? QFontMetrics(font.value<QFont>()) : fontMetrics();
        const int room = sectionSize(logicalIndex) - 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, option, this);
        option->text = metrics.elidedText(option->text, Qt::ElideMiddle, std::max(0, room));
    }
};

} // namespace

TablePanel::TablePanel(QWidget* parent) : QWidget(parent)
{
    m_model = new TableModel(this);
    m_view = new QTableView;
    m_view->setHorizontalHeader(new ColumnHeader(Qt::Horizontal, m_view));
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("DataTable"));
    m_view->setToolTip(tr("The table as the selected step leaves it. Missing cells show as NA."));
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectColumns);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights: the view never measures rows, so a million rows scroll smoothly.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setDefaultSectionSize(110);
    // Long names are elided by ColumnHeader; the header's tooltip has the whole name.
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setHighlightSections(true);  // as QTableView's own header

    auto* legend = new QWidget;
    legend->setObjectName(QStringLiteral("TableLegend"));
    auto* row = new QHBoxLayout(legend);
    row->setContentsMargins(4, 2, 4, 2);
    row->setSpacing(6);
    m_title = new QLabel;
    row->addWidget(m_title);
    for (LegendItem* item : {&m_changed, &m_imputed, &m_newColumns, &m_addedRows, &m_removedRows}) {
        item->swatch = new QLabel;
        item->swatch->setFixedSize(12, 12);
        item->text = new QLabel;
        row->addSpacing(6);
        row->addWidget(item->swatch);
        row->addWidget(item->text);
    }
    m_changed.swatch->setToolTip(tr("Cells whose value the step changed; hover one to see before → after"));
    m_imputed.swatch->setToolTip(tr("Cells that were missing and the step filled (in italics)"));
    m_newColumns.swatch->setToolTip(tr("Cells of columns the step added"));
    m_addedRows.swatch->setToolTip(tr("Rows the step added (copies or synthetic rows)"));
    m_removedRows.swatch->setToolTip(tr("Rows the step removed; shown with “Show removed rows”"));
    for (LegendItem* item : {&m_changed, &m_imputed, &m_newColumns, &m_addedRows, &m_removedRows})
        item->text->setToolTip(item->swatch->toolTip());
    m_showRemoved = new QToolButton;
    m_showRemoved->setObjectName(QStringLiteral("ShowRemovedRows"));
    m_showRemoved->setText(tr("Show removed rows"));
    m_showRemoved->setCheckable(true);
    m_showRemoved->setAutoRaise(true);
    m_showRemoved->setToolTip(tr("Show the rows the selected step removed (from its input) instead of its output"));
    connect(m_showRemoved, &QToolButton::toggled, this, [this](bool on) {
        m_model->setShowRemoved(on);
        m_view->scrollToTop();
        updateLegend();
    });
    row->addSpacing(6);
    row->addWidget(m_showRemoved);
    row->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(legend);
    layout->addWidget(m_view);
    updateColours();
    updateLegend();
}

void TablePanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

void TablePanel::updateColours()
{
    const QPalette palette = this->palette();
    m_model->setPalette(palette);
    const std::pair<LegendItem*, TableModel::CellState> items[] = {
        {&m_changed, TableModel::CellState::Changed},       {&m_imputed, TableModel::CellState::Imputed},
        {&m_newColumns, TableModel::CellState::NewColumn},  {&m_addedRows, TableModel::CellState::AddedRow},
        {&m_removedRows, TableModel::CellState::Removed}};
    for (const auto& [item, state] : items)
        item->swatch->setStyleSheet(QStringLiteral("background: %1; border: 1px solid %2;")
                                        .arg(TableModel::background(state, palette).name(),
                                             palette.color(QPalette::Mid).name()));
}

void TablePanel::showTable(std::shared_ptr<const Table> table, std::set<std::string> changed)
{
    m_stepName.clear();
    m_model->setTable(std::move(table), std::move(changed));
    fitHeaderSections();
    updateLegend();
}

void TablePanel::showStep(std::shared_ptr<const StepHighlights> highlights, const QString& stepName)
{
    m_stepName = stepName;
    m_model->setHighlights(std::move(highlights));
    fitHeaderSections();
    updateLegend();
}

void TablePanel::fitHeaderSections()
{
    // The header measures its text in its own font, but a changed column's name is drawn in
    // bold: sections widen (never narrow, so a width the user set stays) to fit the bold name,
    // up to a cap past which the name is elided. Cells are not measured: a million rows would.
    QHeaderView* header = m_view->horizontalHeader();
    QFont bold = header->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int padding = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + 8;
    for (int section = 0; section < m_model->columnCount(); ++section) {
        const QString name = m_model->headerData(section, Qt::Horizontal).toString();
        const int wanted = std::min(kMaxHeaderWidth, metrics.horizontalAdvance(name) + padding);
        if (header->sectionSize(section) < wanted)
            header->resizeSection(section, wanted);
    }
}

void TablePanel::setItem(LegendItem& item, std::size_t count, const QString& one, const QString& many)
{
    // Only the colours in use are explained; the removed rows are always counted (0 is news too).
    const bool shown = count > 0 || &item == &m_removedRows;
    item.text->setText((count == 1 ? one : many).arg(count));
    item.swatch->setVisible(shown);
    item.text->setVisible(shown);
}

void TablePanel::updateLegend()
{
    const StepHighlights* h = m_model->highlights();
    if (!h) {
        m_title->setText(m_model->table() ? tr("Source table: select a step to see the cells it changes")
                                          : QString());
        for (LegendItem* item : {&m_changed, &m_imputed, &m_newColumns, &m_addedRows, &m_removedRows}) {
            item->swatch->hide();
            item->text->hide();
        }
        const QSignalBlocker blocker(m_showRemoved);
        m_showRemoved->setChecked(false);
        m_showRemoved->hide();
        return;
    }
    const bool unchanged = h->changedCells == 0 && h->addedColumns == 0 && h->addedRowCount == 0;
    m_title->setText(m_model->showsRemoved() ? tr("<b>%1</b>, the rows it removed:").arg(m_stepName)
                     : unchanged         ? tr("<b>%1</b>: no cells changed,").arg(m_stepName)
                                         : tr("<b>%1</b>:").arg(m_stepName));
    setItem(m_changed, h->changedCells - h->imputedCells, tr("%L1 cell changed"), tr("%L1 cells changed"));
    setItem(m_imputed, h->imputedCells, tr("%L1 cell imputed"), tr("%L1 cells imputed"));
    setItem(m_newColumns, h->addedColumns, tr("%L1 new column"), tr("%L1 new columns"));
    setItem(m_addedRows, h->addedRowCount, tr("%L1 added row"), tr("%L1 added rows"));
    setItem(m_removedRows, h->removedInputRows.size(), tr("%L1 removed row"), tr("%L1 removed rows"));
    const QSignalBlocker blocker(m_showRemoved);
    m_showRemoved->setChecked(m_model->showsRemoved());
    m_showRemoved->setEnabled(!h->removedInputRows.empty());
    m_showRemoved->show();
}

QString TablePanel::legendText() const
{
    QStringList parts;
    for (const LegendItem* item : {&m_changed, &m_imputed, &m_newColumns, &m_addedRows, &m_removedRows})
        if (!item->text->isHidden())
            parts << item->text->text();
    return parts.isEmpty() ? m_title->text() : m_title->text() + QLatin1Char(' ') + parts.join(QStringLiteral(", "));
}

} // namespace preplab::desktop
