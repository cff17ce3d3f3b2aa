#include "app/desktop/views/bias_panel.h"

#include "app/desktop/charts/bias_charts.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/compact_widgets.h"
#include "app/desktop/views/ledger_view.h"
#include "app/desktop/workers/latest_task.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace preplab::desktop {
namespace {

const QString kAutomatic = QObject::tr("(automatic)");
const QString kLargest = QObject::tr("(largest group)");

QChartView* makeChartView(const QString& tooltip)
{
    auto* view = new QChartView(new QChart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(220, 160);
    view->setToolTip(tooltip);
    view->chart()->setBackgroundRoundness(0);
    return view;
}

QLabel* makeNote()
{
    auto* label = new QLabel;
    makeWrapping(label);
    label->setTextFormat(Qt::RichText);
    label->setContentsMargins(6, 2, 6, 2);
    return label;
}

QTableWidgetItem* item(const QString& text, const QString& tooltip = {})
{
    auto* it = new QTableWidgetItem(text);
    if (!tooltip.isEmpty())
        it->setToolTip(tooltip);
    return it;
}

// "30.4% [28.3–32.5]" (the table's column; the tooltip has the counts).
QString shortRateText(const bias::Rate& rate)
{
    if (!rate.value)
        return percentText(rate.value, rate.undefinedReason);
    return QStringLiteral("%1 [%2–%3]").arg(percentText(rate.value, {})).arg(rate.low * 100, 0, 'f', 1).arg(rate.high * 100, 0, 'f', 1);
}

} // namespace

BiasPanel::BiasPanel(QWidget* parent) : QWidget(parent)
{
    qRegisterMetaType<BiasAnalysis>();
    m_task = new LatestTask(this);
    connect(m_task, &LatestTask::started, this, [this] { m_status->setText(tr("Computing…")); });
    connect(m_task, &LatestTask::finished, this, [this](const QVariant& v) { onFinished(v.value<BiasAnalysis>()); });

    m_target = new QComboBox;
    m_target->setObjectName(QStringLiteral("BiasTarget"));
    m_target->setToolTip(tr("The outcome column: each group's rate of its positive value is compared"));
    m_positive = new QComboBox;
    m_positive->setToolTip(tr("The value of the target that counts as the favourable (positive) outcome"));
    m_sensitive = new QToolButton;
    m_sensitive->setPopupMode(QToolButton::InstantPopup);
    m_sensitive->setMinimumWidth(110);
    m_sensitive->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_sensitive->setMenu(new QMenu(m_sensitive));
    m_sensitive->setToolTip(tr("The columns that define the groups to compare (sex, race, age, …); two or more also show their intersection"));
    m_reference = new QComboBox;
    m_reference->setToolTip(tr("The group every other group is compared with (the 'privileged' group in fairness terms)"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("BiasStatus"));
    makeWrapping(m_status);
    for (QComboBox* box : {m_target, m_positive, m_reference})
        makeCompact(box, 6);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Target")));
    controls->addWidget(m_target, 1);
    controls->addWidget(new QLabel(tr("Positive value")));
    controls->addWidget(m_positive, 1);
    controls->addWidget(new QLabel(tr("Sensitive")));
    controls->addWidget(m_sensitive, 1);
    controls->addWidget(new QLabel(tr("Reference group")));
    controls->addWidget(m_reference, 1);
    controls->addWidget(m_status, 1);

    m_summary = makeNote();
    m_summary->setObjectName(QStringLiteral("BiasSummary"));

    // Groups tab: the rate chart beside the figures table.
    m_shownColumn = new QComboBox;
    makeCompact(m_shownColumn, 10);
    m_shownColumn->setToolTip(tr("The sensitive column whose groups are shown"));
    m_rateView = makeChartView(
        tr("Share of each group with the positive outcome, with its 95% Wilson interval. The grey line is the overall "
           "rate; the dashed line is 0.8 × the reference group's rate: a group below it fails the four-fifths rule."));
    m_groupTable = new QTableWidget(0, 7);
    m_groupTable->setObjectName(QStringLiteral("BiasGroupTable"));
    const QStringList headers = {tr("Group"), tr("n"), tr("Share"), tr("Positive rate [95% CI]"), tr("SPD"),
                                 tr("DI"), tr("4/5 rule")};
    const QStringList headerTips = {
        tr("The group (a missing value is its own group)"),
        tr("Rows of the group whose target is present: the rate's denominator"),
        tr("The group's rows as a share of all rows of the data"),
        tr("Share of the group with the positive outcome, with its Wilson 95% interval"),
        tr("Statistical parity difference: this group's rate minus the reference group's; negative = favoured less often"),
        tr("Disparate impact: this group's rate divided by the reference group's; 1 = parity"),
        tr("The four-fifths rule flags a group whose disparate impact is below 0.8")};
    for (int i = 0; i < headers.size(); ++i) {
        auto* h = new QTableWidgetItem(headers[i]);
        h->setToolTip(headerTips[i]);
        m_groupTable->setHorizontalHeaderItem(i, h);
    }
    m_groupTable->verticalHeader()->hide();
    m_groupTable->verticalHeader()->setDefaultSectionSize(m_groupTable->fontMetrics().height() + 8);
    m_groupTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_groupTable->horizontalHeader()->setStretchLastSection(true);
    m_groupTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_groupTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_groupTable->setAlternatingRowColors(true);

    auto* groupsPage = new QWidget;
    // "Groups of" sits beside the tabs (shown with the Groups tab only): the rate chart keeps the
    // height its axis labels need.
    auto* groupsTop = new QWidget;
    auto* groupsTopLayout = new QHBoxLayout(groupsTop);
    groupsTopLayout->setContentsMargins(0, 0, 4, 0);
    groupsTopLayout->addWidget(new QLabel(tr("Groups of")));
    groupsTopLayout->addWidget(m_shownColumn);
    m_shareView = makeChartView(tr("Each group's share of the rows: a small group's rates are uncertain and a model "
                                   "sees few of its rows"));
    m_shareView->setMinimumSize(200, 120);
    auto* side = new QSplitter(Qt::Vertical);
    side->addWidget(m_groupTable);
    side->addWidget(m_shareView);
    side->setSizes({150, 330});
    auto* groupsSplit = new QSplitter(Qt::Horizontal);
    groupsSplit->addWidget(m_rateView);
    groupsSplit->addWidget(side);
    groupsSplit->setStretchFactor(0, 3);
    groupsSplit->setStretchFactor(1, 2);
    groupsSplit->setSizes({700, 560});
    auto* groupsLayout = new QVBoxLayout(groupsPage);
    groupsLayout->setContentsMargins(0, 2, 0, 0);
    groupsLayout->addWidget(groupsSplit, 1);

    m_intersectionView = makeChartView(
        tr("Each cell of the two sensitive columns crossed: rows with the positive outcome (blue) stacked on the rest; "
           "a small cell's rate is uncertain"));
    m_proxyView = makeChartView(
        tr("How strongly each other column reveals the sensitive column: Cramér's V for categories, the correlation "
           "ratio η for numbers; a strong proxy keeps the group's information after the column is dropped"));
    m_proxyNote = makeNote();
    auto* proxyPage = new QWidget;
    auto* proxyLayout = new QVBoxLayout(proxyPage);
    proxyLayout->setContentsMargins(4, 4, 4, 4);
    proxyLayout->addWidget(m_proxyNote);
    proxyLayout->addWidget(m_proxyView, 1);

    m_stratifier = new QComboBox;
    makeCompact(m_stratifier, 10);
    m_stratifier->setToolTip(tr("The column whose values split the rows into strata"));
    m_simpsonNote = makeNote();
    m_simpsonView = makeChartView(
        tr("Simpson's paradox check: the two largest groups' positive rates over all rows, then inside each stratum. "
           "A reversal means the overall gap points the other way once the stratifier is taken into account."));
    auto* simpsonPage = new QWidget;
    auto* simpsonTop = new QHBoxLayout;
    simpsonTop->addWidget(new QLabel(tr("Stratify by")));
    simpsonTop->addWidget(m_stratifier);
    simpsonTop->addWidget(m_simpsonNote, 1);
    auto* simpsonLayout = new QVBoxLayout(simpsonPage);
    simpsonLayout->setContentsMargins(4, 4, 4, 4);
    simpsonLayout->addLayout(simpsonTop);
    simpsonLayout->addWidget(m_simpsonView, 1);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(groupsPage, tr("Groups"));
    m_tabs->addTab(m_intersectionView, tr("Intersection"));
    m_tabs->addTab(proxyPage, tr("Proxies"));
    m_tabs->addTab(simpsonPage, tr("Simpson"));
    m_ledger = new LedgerView;
    m_tabs->addTab(m_ledger, tr("Ledger"));
    m_tabs->setCornerWidget(groupsTop, Qt::TopRightCorner);
    connect(m_tabs, &QTabWidget::currentChanged, groupsTop, [this, groupsTop, groupsPage] {
        groupsTop->setVisible(m_tabs->currentWidget() == groupsPage);
    });
    // Below this height the charts' axis labels are cut: the panel scrolls instead.
    m_tabs->setMinimumHeight(250);

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(3);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    auto* scroll = new ScrollPanel(content);
    scroll->setObjectName(QStringLiteral("BiasScroll"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_target, &QComboBox::currentTextChanged, this, [this] {
        if (m_updating)
            return;
        fillTargetPickers();
        recompute();
    });
    connect(m_positive, &QComboBox::currentTextChanged, this, [this] {
        if (!m_updating)
            recompute();
    });
    connect(m_reference, &QComboBox::currentTextChanged, this, [this] {
        if (!m_updating)
            recompute();
    });
    connect(m_shownColumn, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            showGroups();
    });
    connect(m_stratifier, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            showSimpson();
    });
    drawMessage(m_rateView->chart(), tr("Open a dataset and choose a target and a sensitive column"));
}

QChart* BiasPanel::rateChart() const { return m_rateView->chart(); }
QChart* BiasPanel::intersectionChart() const { return m_intersectionView->chart(); }
QChart* BiasPanel::proxyChart() const { return m_proxyView->chart(); }
QChart* BiasPanel::simpsonChart() const { return m_simpsonView->chart(); }

void BiasPanel::setTable(std::shared_ptr<const Table> table, const std::string& targetHint)
{
    if (table && table == m_table)
        return;
    const bool first = !m_table;
    m_table = std::move(table);
    m_updating = true;
    const QString previousTarget = m_target->currentText();
    m_target->clear();
    if (m_table)
        for (const auto& name : m_table->names())
            m_target->addItem(toQString(name));
    QString target = previousTarget;
    if (!targetHint.empty() && (first || target.isEmpty()))
        target = toQString(targetHint);
    if (m_target->findText(target) < 0 && m_table)
        target = toQString(likelyTarget(*m_table));
    m_target->setCurrentText(target);
    m_updating = false;
    // The target's values take a pass over the column: only while the panel is seen.
    if (isVisible())
        fillTargetPickers();
    else
        m_pickersStale = true;
    fillSensitiveMenu();
    recompute();
}

void BiasPanel::setRecipe(std::shared_ptr<const Table> source, std::vector<nlohmann::json> steps)
{
    if (source == m_source && steps == m_steps)
        return;
    m_source = std::move(source);
    m_steps = std::move(steps);
    recompute();
}

void BiasPanel::setChoices(const std::string& target, const std::string& positive,
                           const std::vector<std::string>& sensitive, const std::string& reference)
{
    m_updating = true;
    m_target->setCurrentText(toQString(target));
    m_updating = false;
    fillTargetPickers();
    m_updating = true;
    m_positive->setCurrentText(positive.empty() ? kAutomatic : toQString(positive));
    for (QAction* action : m_sensitive->menu()->actions())
        action->setChecked(std::find(sensitive.begin(), sensitive.end(), toStdString(action->text())) != sensitive.end());
    m_reference->clear();
    m_reference->addItem(kLargest);
    if (!reference.empty())
        m_reference->addItem(toQString(reference));
    m_reference->setCurrentText(reference.empty() ? kLargest : toQString(reference));
    m_updating = false;
    updateSensitiveText();
    recompute();
}

void BiasPanel::fillTargetPickers()
{
    m_pickersStale = false;
    const QString previous = m_positive->currentText();
    m_updating = true;
    m_positive->clear();
    m_positive->addItem(kAutomatic);
    const std::string target = toStdString(m_target->currentText());
    const auto index = m_table ? m_table->indexOf(target) : std::nullopt;
    ColumnPtr column = index ? m_table->columnPtr(*index) : ColumnPtr();
    if (!column || column != m_pickerColumn)
        m_pickerValues = column ? distinctValues(*m_table, target) : std::vector<std::string>();
    m_pickerColumn = column;
    for (const auto& value : m_pickerValues)
        m_positive->addItem(toQString(value));
    m_positive->setCurrentText(m_positive->findText(previous) >= 0 ? previous : kAutomatic);
    m_updating = false;
}

void BiasPanel::fillSensitiveMenu()
{
    QMenu* menu = m_sensitive->menu();
    std::vector<std::string> checked = checkedSensitive();
    if (menu->actions().isEmpty() && m_table)
        checked = likelySensitiveColumns(*m_table);
    menu->clear();
    if (m_table) {
        for (const auto& name : m_table->names()) {
            QAction* action = menu->addAction(toQString(name));
            action->setCheckable(true);
            action->setChecked(std::find(checked.begin(), checked.end(), name) != checked.end());
            connect(action, &QAction::toggled, this, [this] {
                updateSensitiveText();
                recompute();
            });
        }
    }
    updateSensitiveText();
}

void BiasPanel::updateSensitiveText()
{
    const auto now = checkedSensitive();
    QStringList names;
    for (const auto& s : now)
        names << toQString(s);
    m_sensitive->setText(names.isEmpty() ? tr("(choose columns)") : names.join(QStringLiteral(", ")));
}

std::vector<std::string> BiasPanel::checkedSensitive() const
{
    std::vector<std::string> out;
    for (QAction* action : m_sensitive->menu()->actions())
        if (action->isChecked())
            out.push_back(toStdString(action->text()));
    return out;
}

void BiasPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_pickersStale)
        fillTargetPickers();
    if (m_stale)
        recompute();
}

void BiasPanel::recompute()
{
    if (m_updating)
        return;
    m_stale = !isVisible();  // computed once the panel is shown
    if (m_stale)
        return;
    BiasRequest request;
    request.table = m_table;
    request.target = toStdString(m_target->currentText());
    request.positive = m_positive->currentText() == kAutomatic ? std::string() : toStdString(m_positive->currentText());
    request.sensitive = checkedSensitive();
    request.reference = m_reference->currentText() == kLargest ? std::string() : toStdString(m_reference->currentText());
    request.source = m_source;
    request.steps = m_steps;
    m_task->request([request](const Progress& progress) {
        return QVariant::fromValue(analyzeBias(request, progress));
    });
}

void BiasPanel::fillReferencePicker()
{
    const QString previous = m_reference->currentText();
    m_updating = true;
    m_reference->clear();
    m_reference->addItem(kLargest);
    if (m_analysis.diagnosis && !m_analysis.diagnosis->sensitive.empty())
        for (const auto& g : m_analysis.diagnosis->sensitive.front().groups.groups)
            m_reference->addItem(toQString(g.group));
    m_reference->setCurrentText(m_reference->findText(previous) >= 0 ? previous : kLargest);
    m_updating = false;
}

void BiasPanel::onFinished(const BiasAnalysis& analysis)
{
    m_analysis = analysis;
    m_status->clear();
    fillReferencePicker();
    m_updating = true;
    const QString shown = m_shownColumn->currentText();
    m_shownColumn->clear();
    const QString stratifier = m_stratifier->currentText();
    m_stratifier->clear();
    if (analysis.diagnosis) {
        for (const auto& s : analysis.diagnosis->sensitive)
            m_shownColumn->addItem(toQString(s.groups.sensitive));
        if (m_shownColumn->findText(shown) >= 0)
            m_shownColumn->setCurrentText(shown);
        if (!analysis.diagnosis->sensitive.empty())
            for (const auto& s : analysis.diagnosis->sensitive.front().simpson)
                m_stratifier->addItem(QStringLiteral("%1 (%2)").arg(toQString(s.stratifier), toQString(s.verdict)),
                                      toQString(s.stratifier));
        const int keep = m_stratifier->findData(stratifier.section(QLatin1Char(' '), 0, 0));
        if (keep >= 0)
            m_stratifier->setCurrentIndex(keep);
    }
    m_updating = false;

    if (!analysis.diagnosis) {
        const QString why = analysis.error.empty() ? tr("Nothing to show") : toQString(analysis.error);
        m_summary->setText(QStringLiteral("<span style='color:#a04000'>%1</span>").arg(why.toHtmlEscaped()));
        m_groupTable->setRowCount(0);
        for (QChart* chart : {rateChart(), intersectionChart(), proxyChart(), simpsonChart()})
            drawMessage(chart, why);
        m_ledger->setLedger({});
        Q_EMIT analysisShown();
        return;
    }
    const auto& d = *analysis.diagnosis;
    const auto& balance = d.balance;
    std::int64_t positives = 0, present = 0;
    for (const auto& c : balance.classes) {
        present += c.count;
        if (c.value == d.positive)
            positives = c.count;
    }
    QString summary = tr("<b>%1</b> = <b>%2</b> is the positive outcome: %3 of %4 rows (%5). Majority-class baseline "
                         "accuracy %6.")
                          .arg(toQString(balance.target).toHtmlEscaped(), toQString(d.positive).toHtmlEscaped())
                          .arg(positives)
                          .arg(present)
                          .arg(present ? percentText(double(positives) / double(present), {}) : tr("n/a — no rows"))
                          .arg(percentText(balance.majorityBaselineAccuracy, "fewer than two classes"));
    if (balance.missing > 0)
        summary += tr(" %1 rows have no target and are left out.").arg(balance.missing);
    for (const auto& w : d.warnings)
        summary += QStringLiteral(" <span style='color:#a04000'>%1</span>").arg(toQString(w).toHtmlEscaped());
    m_summary->setText(summary);

    showGroups();
    if (!d.intersections.empty())
        drawIntersection(intersectionChart(), d.intersections.front());
    else
        drawMessage(intersectionChart(), tr("Choose two sensitive columns to see their intersection"));
    if (!d.sensitive.empty()) {
        drawProxies(proxyChart(), d.sensitive.front().proxies);
        m_proxyNote->setText(tr("Columns that reveal <b>%1</b>. Dropping %1 does not remove its information while a "
                                "strong proxy stays.")
                                 .arg(toQString(d.sensitive.front().groups.sensitive).toHtmlEscaped()));
    }
    showSimpson();
    m_ledger->setLedger(analysis.ledger);
    Q_EMIT analysisShown();
}

void BiasPanel::showGroups()
{
    if (!m_analysis.diagnosis || m_analysis.diagnosis->sensitive.empty())
        return;
    const auto& all = m_analysis.diagnosis->sensitive;
    const int index = std::clamp(m_shownColumn->currentIndex(), 0, static_cast<int>(all.size()) - 1);
    const bias::GroupReport& report = all[static_cast<std::size_t>(index)].groups;
    drawGroupRates(rateChart(), report);
    drawShares(m_shareView->chart(), report);

    m_groupTable->setRowCount(static_cast<int>(report.groups.size()));
    const QColor flaggedBackground(0xFB, 0xE3, 0xD3);
    for (std::size_t r = 0; r < report.groups.size(); ++r) {
        const auto& g = report.groups[r];
        const int row = static_cast<int>(r);
        const bool isReference = g.group == report.referenceGroup;
        const QString di = g.disparateImpact ? QString::number(*g.disparateImpact, 'f', 3)
                                             : QStringLiteral("n/a — %1").arg(toQString(g.disparityUndefinedReason));
        QString verdict = isReference ? tr("reference")
                          : !g.disparateImpact ? QStringLiteral("n/a — %1").arg(toQString(g.disparityUndefinedReason))
                          : g.fourFifthsViolation ? tr("below 0.8 ⚠")
                                                  : tr("ok");
        m_groupTable->setItem(row, 0, item(toQString(g.group) + (isReference ? tr(" (ref.)") : QString())));
        m_groupTable->setItem(row, 1, item(QString::number(g.positiveRate.denominator, 'f', 0)));
        m_groupTable->setItem(row, 2, item(percentText(g.share, {}), tr("%1 of all rows").arg(g.rows)));
        m_groupTable->setItem(row, 3, item(shortRateText(g.positiveRate), rateText(g.positiveRate)));
        m_groupTable->setItem(row, 4, item(isReference ? QStringLiteral("—") : signedPointsText(g.parityDifference, g.disparityUndefinedReason),
                                           tr("SPD = rate of %1 − rate of %2").arg(toQString(g.group), toQString(report.referenceGroup))));
        m_groupTable->setItem(row, 5, item(isReference ? QStringLiteral("—") : di,
                                           tr("DI = rate of %1 ÷ rate of %2").arg(toQString(g.group), toQString(report.referenceGroup))));
        m_groupTable->setItem(row, 6, item(verdict, tr("Flagged when DI < 0.8 (the four-fifths rule of US hiring guidelines)")));
        for (int c = 1; c < 6; ++c)
            m_groupTable->item(row, c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (g.fourFifthsViolation)
            for (int c = 0; c < 7; ++c)
                m_groupTable->item(row, c)->setBackground(flaggedBackground);
    }
}

void BiasPanel::showSimpson()
{
    if (!m_analysis.diagnosis || m_analysis.diagnosis->sensitive.empty())
        return;
    const auto& results = m_analysis.diagnosis->sensitive.front().simpson;
    const int index = m_stratifier->currentIndex();
    if (results.empty() || index < 0 || index >= static_cast<int>(results.size())) {
        drawMessage(simpsonChart(), tr("No categorical column to stratify by"));
        m_simpsonNote->clear();
        return;
    }
    const auto& s = results[static_cast<std::size_t>(index)];
    drawSimpson(simpsonChart(), s);
    const QString verdict = s.verdict == "reversal"   ? tr("<b style='color:#D55E00'>Reversal</b>: the gap changes sign within the strata")
                            : s.verdict == "vanishes" ? tr("<b style='color:#E69F00'>Vanishes</b>: the gap mostly disappears within the strata")
                                                      : tr("<b>%1</b>").arg(toQString(s.verdict));
    m_simpsonNote->setText(tr("%1. %2 − %3: overall %4, weighted within %5: %6; %7 of %8 strata reversed.")
                               .arg(verdict, toQString(s.groupA).toHtmlEscaped(), toQString(s.groupB).toHtmlEscaped(),
                                    signedPointsText(s.aggregateGap, {}), toQString(s.stratifier).toHtmlEscaped(),
                                    signedPointsText(s.adjustedGap, "no stratum holds both groups"))
                               .arg(s.strataReversed)
                               .arg(s.strata.size()));
}

} // namespace preplab::desktop
