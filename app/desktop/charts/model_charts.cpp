#include "app/desktop/charts/model_charts.h"

#include "app/desktop/charts/bias_charts.h"
#include "app/desktop/charts/series_budget.h"
#include "app/desktop/util/qt_convert.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QHeaderView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QTableWidget>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace preplab::desktop {
namespace {

const QColor kBlue(0x00, 0x72, 0xB2);
const QColor kVermillion(0xD5, 0x5E, 0x00);
const QColor kGrey(0x99, 0x99, 0x99);

void reset(QChart* chart, const QString& title)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(title);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
}

QValueAxis* unitAxis(const QString& title)
{
    auto* axis = new QValueAxis;
    axis->setRange(0, 1);
    axis->setTickCount(6);
    axis->setLabelFormat(QStringLiteral("%.1f"));
    axis->setTitleText(title);
    // Slightly smaller type: the docked panel's curves at 1280x720 keep whole axis titles.
    QFont font = axis->titleFont();
    font.setPointSizeF(std::max(7.0, QFont().pointSizeF() * 0.85));
    axis->setTitleFont(font);
    font.setBold(false);
    axis->setLabelsFont(font);
    return axis;
}

QLineSeries* curve(const std::vector<double>& x, const std::vector<double>& y, const QString& name, const QPen& pen)
{
    auto* s = new QLineSeries;
    s->setName(name);
    s->setPen(pen);
    // A curve has up to one point per test row: LTTB keeps its shape within the series budget.
    s->replace(decimatedLine(x, y));
    return s;
}

void attach(QChart* chart, QAbstractSeries* s, QAbstractAxis* x, QAbstractAxis* y)
{
    chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
}

void addMarker(QChart* chart, QAbstractAxis* x, QAbstractAxis* y)
{
    auto* marker = new QScatterSeries;
    marker->setName(kThresholdSeries);
    marker->setMarkerSize(11);
    marker->setColor(kVermillion);
    marker->setBorderColor(Qt::white);
    attach(chart, marker, x, y);
}

const model::MetricValue& pick(const model::GroupRates& g, const std::string& metric)
{
    if (metric == "selection_rate")
        return g.selectionRate;
    if (metric == "tpr")
        return g.truePositiveRate;
    if (metric == "fpr")
        return g.falsePositiveRate;
    return g.accuracy;
}

} // namespace

QString metricText(const model::MetricValue& value, int decimals)
{
    if (!value.value)
        return QStringLiteral("n/a — %1").arg(value.reason.empty() ? QStringLiteral("undefined") : toQString(value.reason));
    return QString::number(*value.value, 'f', decimals);
}

void drawRoc(QChart* chart, const model::RocCurve* before, const model::RocCurve* after, const QString& undefined)
{
    reset(chart, QObject::tr("ROC curve (test rows)"));
    auto* x = unitAxis(QObject::tr("False positive rate"));
    auto* y = unitAxis(QObject::tr("True positive rate"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* chance = curve({0, 1}, {0, 1}, QObject::tr("Chance"), QPen(kGrey, 1, Qt::DotLine));
    attach(chart, chance, x, y);
    for (QLegendMarker* m : chart->legend()->markers(chance))
        m->setVisible(false);
    if (!before && !after) {
        chart->setTitle(QObject::tr("ROC curve: %1").arg(undefined));
        return;
    }
    if (before)
        attach(chart, curve(before->fpr, before->tpr, kBeforeSeries, QPen(kGrey, 2)), x, y);
    if (after)
        attach(chart, curve(after->fpr, after->tpr, kAfterSeries, QPen(kBlue, 2)), x, y);
    addMarker(chart, x, y);
}

void drawPrecisionRecall(QChart* chart, const model::PrecisionRecallCurve* before,
                         const model::PrecisionRecallCurve* after, const QString& undefined)
{
    reset(chart, QObject::tr("Precision–recall curve (test rows)"));
    auto* x = unitAxis(QObject::tr("Recall"));
    auto* y = unitAxis(QObject::tr("Precision"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    if (!before && !after) {
        chart->setTitle(QObject::tr("Precision–recall curve: %1").arg(undefined));
        return;
    }
    if (before)
        attach(chart, curve(before->recall, before->precision, kBeforeSeries, QPen(kGrey, 2)), x, y);
    if (after)
        attach(chart, curve(after->recall, after->precision, kAfterSeries, QPen(kBlue, 2)), x, y);
    addMarker(chart, x, y);
}

void setThresholdMarker(QChart* chart, double x, double y)
{
    for (QAbstractSeries* s : chart->series())
        if (auto* marker = qobject_cast<QScatterSeries*>(s); marker && marker->name() == kThresholdSeries) {
            marker->clear();
            if (std::isfinite(x) && std::isfinite(y))
                marker->append(x, y);
        }
}

void drawGroupMetric(QChart* chart, const model::GroupMetrics* before, const model::GroupMetrics* after,
                     const std::string& metric)
{
    reset(chart, {});
    chart->legend()->setAlignment(Qt::AlignTop);
    const model::GroupMetrics* any = after ? after : before;
    if (!any || any->groups.empty()) {
        chart->legend()->setVisible(false);
        chart->setTitle(QObject::tr("Choose a sensitive column to see the metric per group"));
        return;
    }
    auto* b = new QBarSet(kBeforeSeries);
    auto* a = new QBarSet(kAfterSeries);
    b->setColor(kGrey);
    a->setColor(kBlue);
    QStringList categories;
    for (const auto& g : any->groups) {
        auto find = [&](const model::GroupMetrics* m) -> const model::GroupRates* {
            if (!m)
                return nullptr;
            for (const auto& r : m->groups)
                if (r.group == g.group)
                    return &r;
            return nullptr;
        };
        const auto* gb = find(before);
        const auto* ga = find(after);
        *b << (gb ? pick(*gb, metric).valueOr(0) : 0);
        *a << (ga ? pick(*ga, metric).valueOr(0) : 0);
        QString label = QStringLiteral("%1\nn = %2").arg(toQString(g.group)).arg(g.rows);
        const model::MetricValue* undefined = ga && !pick(*ga, metric).defined() ? &pick(*ga, metric)
                                              : gb && !pick(*gb, metric).defined() ? &pick(*gb, metric)
                                                                                   : nullptr;
        if (undefined)
            label += QStringLiteral("\n") + metricText(*undefined);
        categories << label;
    }
    auto* bars = new QBarSeries;
    if (before)
        bars->append(b);
    else
        delete b;
    if (after)
        bars->append(a);
    else
        delete a;
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    auto* y = unitAxis(metric == "selection_rate" ? QObject::tr("Selection rate P(ŷ = +)")
                       : metric == "tpr"          ? QObject::tr("True positive rate (recall)")
                       : metric == "fpr"          ? QObject::tr("False positive rate")
                                                  : QObject::tr("Accuracy"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, bars, x, y);
}

void drawValidationCurve(QChart* chart, const std::vector<model::ValidationPoint>& points, const QString& parameter,
                         const QString& undefined)
{
    reset(chart, {});
    if (points.empty()) {
        chart->legend()->setVisible(false);
        chart->setTitle(QObject::tr("Validation curve: %1").arg(undefined));
        return;
    }
    const bool logScale = parameter == QStringLiteral("c");
    QAbstractAxis* x = nullptr;
    if (logScale) {
        auto* axis = new QLogValueAxis;
        axis->setBase(10);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setRange(points.front().parameter, points.back().parameter);
        x = axis;
    } else {
        auto* axis = new QValueAxis;
        const double from = points.front().parameter, to = points.back().parameter;
        axis->setRange(from, to);
        axis->setLabelFormat(QStringLiteral("%g"));
        // Whole-number ticks (a depth or k of 4.5 means nothing).
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        axis->setTickInterval(std::max(1.0, std::ceil((to - from) / 8)));
        x = axis;
    }
    x->setTitleText(QObject::tr("%1 (the recipe's data)").arg(parameter));
    double lo = 1, hi = 0;
    std::vector<double> trainX, trainY, testX, testY;
    for (const auto& p : points) {
        if (p.score.train.defined()) {
            trainX.push_back(p.parameter);
            trainY.push_back(*p.score.train);
        }
        if (p.score.test.defined()) {
            testX.push_back(p.parameter);
            testY.push_back(*p.score.test);
        }
    }
    for (const auto* scores : {&trainY, &testY})
        for (double v : *scores) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    auto* train = curve(trainX, trainY, QObject::tr("Train score"), QPen(kGrey, 2, Qt::DashLine));
    auto* test = curve(testX, testY, QObject::tr("Test score"), QPen(kBlue, 2));
    train->setPointsVisible(true);
    test->setPointsVisible(true);
    auto* y = new QValueAxis;
    const double pad = std::max(0.01, (hi - lo) * 0.1);
    y->setRange(std::max(0.0, lo - pad), std::min(1.0, hi + pad));
    y->setLabelFormat(QStringLiteral("%.2f"));
    y->setTitleText(QObject::tr("Score (accuracy or R²)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, train, x, y);
    attach(chart, test, x, y);
}

void fillConfusion(QTableWidget* table, const std::vector<std::string>& classNames,
                   const std::vector<std::vector<double>>& counts)
{
    const int k = static_cast<int>(classNames.size());
    table->clear();
    table->setRowCount(k);
    table->setColumnCount(k);
    QStringList labels;
    for (const auto& c : classNames)
        labels << toQString(c);
    table->setHorizontalHeaderLabels(labels);
    table->setVerticalHeaderLabels(labels);
    for (int r = 0; r < k; ++r) {
        double rowTotal = 0;
        for (int c = 0; c < k; ++c)
            rowTotal += counts[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
        for (int c = 0; c < k; ++c) {
            const double v = counts[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            auto* item = new QTableWidgetItem(QString::number(v, 'f', 0));
            item->setTextAlignment(Qt::AlignCenter);
            const double share = rowTotal > 0 ? v / rowTotal : 0;
            const QColor base = r == c ? kBlue : kVermillion;
            item->setBackground(QColor::fromRgbF(1 - (1 - base.redF()) * share * 0.55, 1 - (1 - base.greenF()) * share * 0.55,
                                                 1 - (1 - base.blueF()) * share * 0.55));
            item->setToolTip(QObject::tr("%1 test rows of true class %2 predicted %3 (%4 of the class)")
                                 .arg(v, 0, 'f', 0)
                                 .arg(labels[r], labels[c])
                                 .arg(rowTotal > 0 ? percentText(share, {}) : QObject::tr("n/a — no rows")));
            table->setItem(r, c, item);
        }
    }
}

} // namespace preplab::desktop
