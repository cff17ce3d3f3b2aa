#include "app/desktop/views/ledger_view.h"

#include "app/desktop/charts/bias_charts.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/compact_widgets.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace preplab::desktop {
namespace {

QChartView* makeChartView(const QString& tooltip)
{
    auto* view = new QChartView(new QChart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 160);
    view->setToolTip(tooltip);
    return view;
}

QString arrow(const QString& before, const QString& after) { return before + QStringLiteral(" → ") + after; }

} // namespace

LedgerView::LedgerView(QWidget* parent) : QWidget(parent)
{
    m_note = new QLabel;
    makeWrapping(m_note);
    m_note->setTextFormat(Qt::RichText);
    m_table = new QTableWidget(0, 8);
    m_table->setObjectName(QStringLiteral("LedgerTable"));
    const QStringList headers = {tr("Step"), tr("Group"), tr("Removed"), tr("Added"), tr("Cells changed"),
                                 tr("Share before → after"), tr("Positive rate before → after"), tr("Why flagged")};
    const QStringList tips = {
        tr("The recipe step (1-based) and its op"),
        tr("The group of the sensitive column in the source data, followed through every step"),
        tr("Rows of the group the step removed"),
        tr("Rows of the group the step added (resampling copies or synthetic rows)"),
        tr("Cells of the group's existing rows whose value the step changed (imputed, scaled, encoded, …)"),
        tr("The group's share of all rows before and after the step"),
        tr("Share of the group's rows with the positive outcome before and after the step"),
        tr("A step is flagged when it moves a group's share or rate by more than 2 points, or removes the group's "
           "rows more than twice as fast as the rest")};
    for (int i = 0; i < headers.size(); ++i) {
        auto* h = new QTableWidgetItem(headers[i]);
        h->setToolTip(tips[i]);
        m_table->setHorizontalHeaderItem(i, h);
    }
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);

    m_step = new QComboBox;
    makeCompact(m_step, 12);
    m_step->setToolTip(tr("The step whose before → after the charts show"));
    m_shareView = makeChartView(tr("Each group's share of the rows before (grey) and after (blue) the step"));
    m_rateView = makeChartView(tr("Each group's positive rate before (grey) and after (blue) the step"));

    auto* charts = new QWidget;
    auto* chartsLayout = new QVBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    auto* stepRow = new QHBoxLayout;
    stepRow->addWidget(new QLabel(tr("Step")));
    stepRow->addWidget(m_step);
    stepRow->addStretch(1);
    chartsLayout->addLayout(stepRow);
    auto* pair = new QHBoxLayout;
    pair->addWidget(m_shareView);
    pair->addWidget(m_rateView);
    chartsLayout->addLayout(pair, 1);

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(charts);
    split->setSizes({200, 300});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_note);
    layout->addWidget(split, 1);

    connect(m_step, &QComboBox::currentIndexChanged, this, [this](int index) { showStep(index); });
    setLedger({});
}

QChart* LedgerView::shareChart() const { return m_shareView->chart(); }
QChart* LedgerView::rateChart() const { return m_rateView->chart(); }

void LedgerView::setLedger(const LedgerAnalysis& analysis)
{
    m_analysis = analysis;
    const int previous = m_step->currentIndex();
    m_table->setRowCount(0);
    if (!analysis.ledger) {
        m_note->setText(QStringLiteral("<span style='color:#777'>%1</span>")
                            .arg(toQString(analysis.undefinedReason.empty() ? std::string("no ledger") : analysis.undefinedReason)
                                     .toHtmlEscaped()));
        m_step->blockSignals(true);
        m_step->clear();
        m_step->blockSignals(false);
        drawMessage(shareChart(), tr("No step to show"));
        drawMessage(rateChart(), tr("No step to show"));
        return;
    }
    const bias::Ledger& ledger = *analysis.ledger;
    int flagged = 0;
    const QColor flaggedBackground(0xFB, 0xE3, 0xD3);
    m_table->setRowCount(static_cast<int>(ledger.entries.size()));
    for (std::size_t r = 0; r < ledger.entries.size(); ++r) {
        const auto& e = ledger.entries[r];
        const int row = static_cast<int>(r);
        const QString step = e.stepIndex < analysis.stepLabels.size() ? toQString(analysis.stepLabels[e.stepIndex])
                                                                      : QString::number(e.stepIndex + 1);
        const QStringList cells = {
            step,
            toQString(e.group),
            QString::number(e.rowsRemoved),
            QString::number(e.rowsAdded),
            QString::number(e.cellsChanged),
            arrow(percentText(e.shareBefore, {}), percentText(e.shareAfter, {})),
            arrow(percentText(e.rateBefore.value, e.rateBefore.undefinedReason),
                  percentText(e.rateAfter.value, e.rateAfter.undefinedReason)),
            e.flags.empty() ? QString() : toQString(e.why)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c >= 2 && c <= 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 7 && !e.why.empty())
                item->setToolTip(toQString(e.why));
            if (c == 6)
                item->setToolTip(arrow(rateText(e.rateBefore), rateText(e.rateAfter)));
            if (!e.flags.empty())
                item->setBackground(flaggedBackground);
            m_table->setItem(row, c, item);
        }
        flagged += e.flags.empty() ? 0 : 1;
    }
    QString note = tr("What each step does to the groups of <b>%1</b> (outcome %2 = %3). %4 flagged row(s).")
                       .arg(toQString(ledger.sensitive).toHtmlEscaped(), toQString(ledger.target).toHtmlEscaped(),
                            toQString(ledger.positive).toHtmlEscaped())
                       .arg(flagged);
    if (!analysis.undefinedReason.empty())
        note += QStringLiteral(" <span style='color:#a04000'>%1</span>").arg(toQString(analysis.undefinedReason).toHtmlEscaped());
    m_note->setText(note);
    m_step->blockSignals(true);
    m_step->clear();
    for (const auto& label : analysis.stepLabels)
        m_step->addItem(toQString(label));
    // The first flagged step, unless the person chose one that still exists.
    int show = previous >= 0 && previous < m_step->count() ? previous : -1;
    if (show < 0)
        for (const auto& e : ledger.entries)
            if (!e.flags.empty()) {
                show = static_cast<int>(e.stepIndex);
                break;
            }
    m_step->setCurrentIndex(std::max(0, show));
    m_step->blockSignals(false);
    showStep(m_step->currentIndex());
}

void LedgerView::showStep(int index)
{
    if (!m_analysis.ledger || index < 0)
        return;
    std::vector<bias::LedgerEntry> entries;
    for (const auto& e : m_analysis.ledger->entries)
        if (static_cast<int>(e.stepIndex) == index)
            entries.push_back(e);
    const QString label = index < static_cast<int>(m_analysis.stepLabels.size())
                              ? toQString(m_analysis.stepLabels[static_cast<std::size_t>(index)])
                              : QString::number(index + 1);
    drawLedgerStep(shareChart(), entries, false, tr("Share of rows, step %1").arg(label));
    drawLedgerStep(rateChart(), entries, true, tr("Positive rate, step %1").arg(label));
}

} // namespace preplab::desktop
