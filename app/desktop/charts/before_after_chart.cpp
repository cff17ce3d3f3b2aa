#include "app/desktop/charts/before_after_chart.h"

#include "app/desktop/charts/scatter_chart.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/compact_widgets.h"

#include <QApplication>
#include <QButtonGroup>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QAreaSeries>
#include <QPainter>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QLocale>
#include <QTableWidget>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace preplab::desktop {
namespace {

const QColor kAfter(0x00, 0x72, 0xB2);   // Okabe-Ito blue
QColor mutedBefore() { return QColor(0x99, 0x99, 0x99); }

// A histogram as a closed step outline: (e0,0) (e0,c0) (e1,c0) (e1,c1) ... (en,0).
QLineSeries* stepOutline(const std::vector<double>& edges, const std::vector<std::int64_t>& counts)
{
    auto* s = new QLineSeries;
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(counts.size() * 2 + 2));
    points.append({edges.front(), 0});
    for (std::size_t i = 0; i < counts.size(); ++i) {
        points.append({edges[i], double(counts[i])});
        points.append({edges[i + 1], double(counts[i])});
    }
    points.append({edges.back(), 0});
    s->replace(points);
    return s;
}

QString fmt(const std::optional<double>& v, bool datetime)
{
    if (!v)
        return QStringLiteral("—");
    if (datetime)
        return toQString(formatDatetime(static_cast<std::int64_t>(*v), true));
    return QString::number(*v, 'g', 5);
}

// Row counts in full ("184,615" where the locale groups digits), never in exponent form.
QString countText(const std::optional<double>& v)
{
    return v ? QLocale().toString(static_cast<qlonglong>(*v)) : QStringLiteral("—");
}

} // namespace

BeforeAfterChart::BeforeAfterChart(QWidget* parent) : QWidget(parent)
{
    m_view = new QChartView(new QChart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(280, 180);
    m_view->setToolTip(tr("Before (grey) and after (blue) the selected step, on the same axes"));
    m_view->chart()->legend()->setAlignment(Qt::AlignTop);
    m_view->chart()->setMargins(QMargins(4, 4, 4, 4));
    m_view->chart()->setBackgroundRoundness(0);
    m_stats = new QTableWidget(0, 4);
    m_stats->setObjectName(QStringLiteral("BeforeAfterStats"));
    m_stats->setHorizontalHeaderLabels({tr("Statistic"), tr("Before"), tr("After"), tr("Δ")});
    m_stats->verticalHeader()->hide();
    m_stats->verticalHeader()->setDefaultSectionSize(m_stats->fontMetrics().height() + 6);
    m_stats->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_stats->horizontalHeader()->setStretchLastSection(true);
    m_stats->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stats->setSelectionMode(QAbstractItemView::NoSelection);
    m_stats->setMinimumWidth(260);
    m_stats->setToolTip(tr("Summary statistics before and after the step; std is the sample standard deviation (n−1)"));
    m_caption = new QLabel;
    makeWrapping(m_caption);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setToolTip(tr("What the selected step did and what it learned"));
    m_note = new QLabel;
    makeWrapping(m_note);
    auto* right = new QVBoxLayout;
    right->addWidget(m_stats, 1);
    right->addWidget(m_note);
    right->addWidget(m_caption);
    m_scatter = new ScatterChart;
    m_pages = new QStackedWidget;
    m_pages->addWidget(m_view);
    m_pages->addWidget(m_scatter);
    m_distributionButton = new QToolButton;
    m_distributionButton->setText(tr("Distribution"));
    m_distributionButton->setToolTip(tr("Histogram or bar chart of the selected column before and after the step"));
    m_scatterButton = new QToolButton;
    m_scatterButton->setObjectName(QStringLiteral("ScatterButton"));
    m_scatterButton->setText(tr("Scatter"));
    m_scatterButton->setToolTip(tr("Two numeric columns against each other before and after the step; "
                                   "big tables are sampled or drawn as a density"));
    auto* modes = new QButtonGroup(this);
    for (QToolButton* b : {m_distributionButton, m_scatterButton}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        modes->addButton(b);
    }
    m_distributionButton->setChecked(true);
    connect(m_scatterButton, &QToolButton::toggled, this, &BeforeAfterChart::setScatterShown);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_distributionButton);
    top->addWidget(m_scatterButton);
    top->addSpacing(12);
    top->addWidget(m_scatter->controls());
    top->addStretch(1);
    m_scatter->controls()->hide();
    auto* left = new QVBoxLayout;
    left->setSpacing(2);
    left->addLayout(top);
    left->addWidget(m_pages, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);
}

void BeforeAfterChart::setScatterInputs(const ScatterInputs& inputs) { m_scatter->setInputs(inputs); }

void BeforeAfterChart::setScatterShown(bool scatter)
{
    if (m_scatterButton->isChecked() != scatter)
        (scatter ? m_scatterButton : m_distributionButton)->setChecked(true);
    m_pages->setCurrentWidget(scatter ? static_cast<QWidget*>(m_scatter) : m_view);
    m_scatter->controls()->setVisible(scatter);
    m_scatter->setActive(scatter);
}

bool BeforeAfterChart::isScatterShown() const { return m_pages->currentWidget() == m_scatter; }

QChartView* BeforeAfterChart::shownView() const { return isScatterShown() ? m_scatter->view() : m_view; }

QChart* BeforeAfterChart::chart() const { return m_view->chart(); }

void BeforeAfterChart::setCaption(const QString& html) { m_caption->setText(html); }

void BeforeAfterChart::setComparison(const ColumnComparison& comparison, bool hasStep, const QString& stepName)
{
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes())
        c->removeAxis(axis);
    c->setTitle(comparison.column.empty() ? QString()
                : hasStep ? tr("%1: before and after %2").arg(toQString(comparison.column), stepName)
                          : toQString(comparison.column));
    if (comparison.kind == ColumnComparison::Kind::Numeric && !comparison.edges.empty())
        showNumeric(comparison, hasStep);
    else if (comparison.kind == ColumnComparison::Kind::Categorical && !comparison.categories.empty())
        showCategorical(comparison, hasStep);
    fillStats(comparison, hasStep);
}

void BeforeAfterChart::showNumeric(const ColumnComparison& cmp, bool hasStep)
{
    QChart* c = chart();
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(cmp.datetime ? tr("milliseconds since 1970") : toQString(cmp.column));
    y->setTitleText(tr("rows"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    auto addArea = [&](const std::vector<std::int64_t>& counts, const QString& name, QColor color, int alpha) {
        QLineSeries* upper = stepOutline(cmp.edges, counts);
        auto* area = new QAreaSeries(upper);
        area->setName(name);
        QColor fill = color;
        fill.setAlpha(alpha);
        area->setBrush(fill);
        area->setPen(QPen(color, 1.5));
        c->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
    };
    if (hasStep)
        addArea(cmp.before, tr("before"), mutedBefore(), 90);
    addArea(hasStep ? cmp.after : cmp.before, hasStep ? tr("after") : tr("values"), kAfter, 110);
    std::int64_t peak = 1;
    for (auto v : cmp.before)
        peak = std::max(peak, v);
    if (hasStep)
        for (auto v : cmp.after)
            peak = std::max(peak, v);
    // Shared, locked axes: both series on the same range, whatever the step did.
    x->setRange(cmp.edges.front(), cmp.edges.back());
    y->setRange(0, double(peak) * 1.05);
    x->applyNiceNumbers();
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%d"));
    c->legend()->setVisible(hasStep);
}

void BeforeAfterChart::showCategorical(const ColumnComparison& cmp, bool hasStep)
{
    QChart* c = chart();
    auto* series = new QBarSeries;
    auto* before = new QBarSet(hasStep ? tr("before") : tr("count"));
    before->setColor(hasStep ? mutedBefore() : kAfter);
    for (auto v : cmp.before)
        before->append(double(v));
    series->append(before);
    std::int64_t peak = 1;
    for (auto v : cmp.before)
        peak = std::max(peak, v);
    if (hasStep) {
        auto* after = new QBarSet(tr("after"));
        after->setColor(kAfter);
        for (auto v : cmp.after) {
            after->append(double(v));
            peak = std::max(peak, v);
        }
        series->append(after);
    }
    c->addSeries(series);
    auto* x = new QBarCategoryAxis;
    QStringList labels;
    for (const auto& cat : cmp.categories)
        labels << (cat.size() > 14 ? toQString(cat.substr(0, 13)) + QStringLiteral("…") : toQString(cat));
    x->append(labels);
    auto* y = new QValueAxis;
    y->setRange(0, double(peak) * 1.05);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("rows"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    c->legend()->setVisible(hasStep);
}

void BeforeAfterChart::fillStats(const ColumnComparison& cmp, bool hasStep)
{
    const SideSummary& b = cmp.beforeSummary;
    const SideSummary& a = hasStep ? cmp.afterSummary : cmp.beforeSummary;
    struct Row {
        QString name;
        std::optional<double> before, after;
    };
    auto count = [](const SideSummary& s, std::int64_t v) { return s.exists ? std::optional<double>(double(v)) : std::nullopt; };
    std::vector<Row> rows = {{tr("present"), count(b, b.count), count(a, a.count)},
                             {tr("missing"), count(b, b.missing), count(a, a.missing)}};
    if (cmp.kind == ColumnComparison::Kind::Numeric) {
        rows.push_back({tr("mean"), b.mean, a.mean});
        rows.push_back({tr("std"), b.std, a.std});
        rows.push_back({tr("min"), b.min, a.min});
        rows.push_back({tr("median"), b.median, a.median});
        rows.push_back({tr("max"), b.max, a.max});
    }
    m_stats->setRowCount(static_cast<int>(rows.size()));
    m_stats->setColumnHidden(2, !hasStep);
    m_stats->setColumnHidden(3, !hasStep);
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const Row& row = rows[static_cast<std::size_t>(r)];
        const bool isCount = r < 2;  // present, missing
        const bool isDate = cmp.datetime && !isCount;
        m_stats->setItem(r, 0, new QTableWidgetItem(row.name));
        m_stats->setItem(r, 1, new QTableWidgetItem(isCount ? countText(row.before) : fmt(row.before, isDate)));
        m_stats->setItem(r, 2, new QTableWidgetItem(isCount ? countText(row.after) : fmt(row.after, isDate)));
        QString delta;
        if (row.before && row.after && !isDate) {
            const double d = *row.after - *row.before;
            delta = d == 0 ? QStringLiteral("0")
                           : (d > 0 ? QStringLiteral("+") : QString()) +
                                 (isCount ? QLocale().toString(static_cast<qlonglong>(d)) : QString::number(d, 'g', 4));
        }
        auto* deltaItem = new QTableWidgetItem(delta);
        if (!delta.isEmpty() && delta != QStringLiteral("0")) {
            QFont bold = deltaItem->font();
            bold.setBold(true);
            deltaItem->setFont(bold);
        }
        m_stats->setItem(r, 3, deltaItem);
        for (int col = 1; col < 4; ++col)
            m_stats->item(r, col)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    m_note->setText(!b.exists && a.exists   ? tr("The step added this column.")
                       : b.exists && !a.exists ? tr("The step removed this column.")
                                               : QString());
}

bool BeforeAfterChart::exportPng(const QString& path) const
{
    return shownView()->grab().save(path, "PNG");
}

bool BeforeAfterChart::exportSvg(const QString& path) const
{
    QChartView* view = shownView();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(view->size());
    generator.setViewBox(QRect(QPoint(0, 0), view->size()));
    generator.setTitle(view->chart()->title());
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    view->render(&painter);
    return painter.end();
}

void BeforeAfterChart::copyToClipboard() const
{
    QApplication::clipboard()->setPixmap(shownView()->grab());
}

} // namespace preplab::desktop
