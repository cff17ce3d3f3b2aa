#include "app/desktop/charts/bias_charts.h"

#include "app/desktop/util/qt_convert.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QHorizontalStackedBarSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QCursor>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace preplab::desktop {
namespace {

// Okabe-Ito colours (readable by colour-blind people).
const QColor kBlue(0x00, 0x72, 0xB2);
const QColor kVermillion(0xD5, 0x5E, 0x00);
const QColor kOrange(0xE6, 0x9F, 0x00);
const QColor kSky(0x56, 0xB4, 0xE9);
const QColor kGrey(0x88, 0x88, 0x88);
const QColor kInk(0x33, 0x33, 0x33);

void reset(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle({});
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = chart->legend()->font();  // a smaller legend leaves the axes their labels
    legendFont.setPointSizeF(std::max(7.0, QFont().pointSizeF() * 0.85));
    chart->legend()->setFont(legendFont);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
}

// A slightly smaller font for an axis' labels: group labels "female (n = 165)" fit a bar's width
// in the docked panel at 1280x720.
void useSmallLabels(QAbstractAxis* axis)
{
    QFont font = axis->labelsFont();
    font.setPointSizeF(std::max(7.0, QFont().pointSizeF() * 0.85));
    axis->setLabelsFont(font);
}

// 0 to `top` rounded up to a tenth (a twentieth below 0.2), ticks on round values at most six
// apart (Qt Charts cuts the labels to "..." when ticks are closer than a line of text).
QValueAxis* rateAxis(double top, const QString& title)
{
    auto* axis = new QValueAxis;
    const double step = top <= 0.2 ? 0.05 : 0.1;
    const double end = std::min(1.0, std::ceil(top / step - 1e-9) * step);
    axis->setRange(0, end);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(end <= 0.2 ? 0.05 : end <= 0.5 ? 0.1 : 0.2);
    axis->setLabelFormat(QStringLiteral("%.2f"));
    axis->setTitleText(title);
    useSmallLabels(axis);
    return axis;
}

void hideFromLegend(QChart* chart, QAbstractSeries* series)
{
    for (QLegendMarker* marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

QLineSeries* horizontalLine(double y, double from, double to, const QString& name, const QPen& pen)
{
    auto* line = new QLineSeries;
    line->setName(name);
    line->append(from, y);
    line->append(to, y);
    line->setPen(pen);
    return line;
}

QString shortLabel(const std::string& text, int max = 28)
{
    QString s = toQString(text);
    return s.size() > max ? s.left(max - 1) + QStringLiteral("…") : s;
}

} // namespace

QString percentText(const std::optional<double>& value, const std::string& reason, int decimals)
{
    if (!value)
        return QStringLiteral("n/a — %1").arg(reason.empty() ? QStringLiteral("undefined") : toQString(reason));
    return QStringLiteral("%1%").arg(*value * 100, 0, 'f', decimals);
}

QString rateText(const bias::Rate& rate)
{
    if (!rate.value)
        return percentText(rate.value, rate.undefinedReason);
    return QStringLiteral("%1 [%2–%3%] (%4/%5)")
        .arg(percentText(rate.value, {}))
        .arg(rate.low * 100, 0, 'f', 1)
        .arg(rate.high * 100, 0, 'f', 1)
        .arg(rate.numerator, 0, 'f', 0)
        .arg(rate.denominator, 0, 'f', 0);
}

QString signedPointsText(const std::optional<double>& difference, const std::string& reason)
{
    if (!difference)
        return QStringLiteral("n/a — %1").arg(reason.empty() ? QStringLiteral("undefined") : toQString(reason));
    const double pts = *difference * 100;
    const QString sign = pts > 0.0005 ? QStringLiteral("+") : pts < -0.0005 ? QStringLiteral("−") : QString();
    return QStringLiteral("%1%2 pts").arg(sign).arg(std::abs(pts), 0, 'f', 1);
}

void drawMessage(QChart* chart, const QString& message)
{
    reset(chart);
    chart->legend()->setVisible(false);
    chart->setTitle(message);
}

void drawGroupRates(QChart* chart, const bias::GroupReport& report)
{
    reset(chart);
    if (report.groups.empty()) {
        drawMessage(chart, QObject::tr("No groups in %1").arg(toQString(report.sensitive)));
        return;
    }
    auto* meets = new QBarSet(kRateMeetsSeries);
    auto* flagged = new QBarSet(kRateFlaggedSeries);
    meets->setColor(kBlue);
    meets->setBorderColor(kBlue);
    flagged->setColor(kVermillion);
    flagged->setBorderColor(kVermillion);
    QStringList categories;
    double top = 0;
    std::optional<double> referenceRate;
    for (const auto& g : report.groups) {
        const double v = g.positiveRate.value.value_or(0);
        *meets << (g.fourFifthsViolation ? 0 : v);
        *flagged << (g.fourFifthsViolation ? v : 0);
        top = std::max(top, g.positiveRate.value ? g.positiveRate.high : 0.0);
        // Two lines (axis labels are HTML): the group, then its count, so both fit a bar's width.
        QString label = shortLabel(g.group, 18).toHtmlEscaped();
        label += g.positiveRate.value
                     ? QStringLiteral("<br>(n = %1)").arg(g.positiveRate.denominator, 0, 'f', 0)
                     : QStringLiteral("<br>(n/a — %1)").arg(toQString(g.positiveRate.undefinedReason).toHtmlEscaped());
        categories << label;
        if (g.group == report.referenceGroup)
            referenceRate = g.positiveRate.value;
    }
    auto* bars = new QStackedBarSeries;
    bars->setBarWidth(std::min(0.6, 0.2 * static_cast<double>(report.groups.size())));
    bars->append(meets);
    bars->append(flagged);
    chart->addSeries(bars);

    auto* xAxis = new QBarCategoryAxis;
    xAxis->append(categories);
    useSmallLabels(xAxis);
    xAxis->setTitleText(QObject::tr("%1%2 (reference: %3)")
                            .arg(toQString(report.sensitive), report.binned ? QObject::tr(", quartile bins") : QString(),
                                 toQString(report.referenceGroup)));
    if (report.overallRate.value)
        top = std::max(top, *report.overallRate.value);
    auto* yAxis = rateAxis(std::min(1.0, std::max(0.05, top * 1.15)), QObject::tr("Positive rate"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    bars->attachAxis(xAxis);
    bars->attachAxis(yAxis);

    const double n = static_cast<double>(report.groups.size());
    QPen whiskerPen(kInk, 2);
    bool first = true;
    for (std::size_t i = 0; i < report.groups.size(); ++i) {
        const auto& rate = report.groups[i].positiveRate;
        if (!rate.value)
            continue;
        auto* whisker = new QLineSeries;
        whisker->setName(kWhiskerSeries);
        whisker->setPen(whiskerPen);
        const double x = static_cast<double>(i);
        whisker->append(x - 0.06, rate.low);
        whisker->append(x + 0.06, rate.low);
        whisker->append(x, rate.low);
        whisker->append(x, rate.high);
        whisker->append(x - 0.06, rate.high);
        whisker->append(x + 0.06, rate.high);
        chart->addSeries(whisker);
        whisker->attachAxis(xAxis);
        whisker->attachAxis(yAxis);
        if (!first)
            hideFromLegend(chart, whisker);
        first = false;
    }
    if (report.overallRate.value) {
        QPen pen(kGrey, 2);
        auto* base = horizontalLine(*report.overallRate.value, -0.5, n - 0.5,
                                    kBaseRateSeries + QStringLiteral(" %1").arg(percentText(report.overallRate.value, {})),
                                    pen);
        base->setObjectName(kBaseRateSeries);
        chart->addSeries(base);
        base->attachAxis(xAxis);
        base->attachAxis(yAxis);
    }
    if (referenceRate) {
        QPen pen(kVermillion, 2, Qt::DashLine);
        auto* line = horizontalLine(0.8 * *referenceRate, -0.5, n - 0.5, kFourFifthsSeries, pen);
        line->setObjectName(kFourFifthsSeries);
        chart->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
    }
    QObject::connect(bars, &QStackedBarSeries::hovered, chart, [report](bool on, int index, QBarSet*) {
        if (!on || index < 0 || index >= static_cast<int>(report.groups.size())) {
            QToolTip::hideText();
            return;
        }
        const auto& g = report.groups[static_cast<std::size_t>(index)];
        QToolTip::showText(QCursor::pos(),
                           QObject::tr("<b>%1</b><br>positive rate %2<br>SPD %3, DI %4%5")
                               .arg(toQString(g.group), rateText(g.positiveRate),
                                    signedPointsText(g.parityDifference, g.disparityUndefinedReason),
                                    g.disparateImpact ? QString::number(*g.disparateImpact, 'f', 3)
                                                      : QStringLiteral("n/a — %1").arg(toQString(g.disparityUndefinedReason)),
                                    g.fourFifthsViolation ? QObject::tr("<br>below the four-fifths line") : QString()));
    });
}

void drawShares(QChart* chart, const bias::GroupReport& report)
{
    reset(chart);
    if (report.groups.empty()) {
        drawMessage(chart, QObject::tr("No groups"));
        return;
    }
    auto* data = new QBarSet(QObject::tr("Share of the data"));
    data->setColor(kSky);
    data->setBorderColor(kSky);
    auto* expected = new QBarSet(QObject::tr("Expected share"));
    expected->setColor(kGrey);
    bool anyExpected = false;
    QStringList categories;
    double top = 0;
    for (std::size_t k = report.groups.size(); k-- > 0;) {
        const auto& g = report.groups[k];
        *data << g.share;
        *expected << g.referenceShare.value_or(0);
        anyExpected = anyExpected || g.referenceShare.has_value();
        top = std::max({top, g.share, g.referenceShare.value_or(0)});
        categories << QStringLiteral("%1 (%2)").arg(shortLabel(g.group, 18), percentText(g.share, {}));
    }
    auto* bars = new QHorizontalBarSeries;
    bars->append(data);
    if (anyExpected)
        bars->append(expected);
    else
        delete expected;
    bars->setBarWidth(std::min(0.6, 0.15 * static_cast<double>(report.groups.size())));
    chart->addSeries(bars);
    auto* yAxis = new QBarCategoryAxis;
    yAxis->append(categories);
    auto* xAxis = rateAxis(std::max(0.05, top), QObject::tr("Share of rows"));
    chart->addAxis(yAxis, Qt::AlignLeft);
    chart->addAxis(xAxis, Qt::AlignBottom);
    bars->attachAxis(yAxis);
    bars->attachAxis(xAxis);
    chart->legend()->setVisible(anyExpected);
}

void drawIntersection(QChart* chart, const bias::GroupReport& report)
{
    reset(chart);
    if (report.groups.empty()) {
        drawMessage(chart, QObject::tr("Choose two sensitive columns to see their intersection"));
        return;
    }
    auto* positives = new QBarSet(QObject::tr("Positive outcome"));
    auto* negatives = new QBarSet(QObject::tr("Other outcome"));
    positives->setColor(kBlue);
    positives->setBorderColor(kBlue);
    negatives->setColor(QColor(0xC8, 0xD6, 0xE5));
    negatives->setBorderColor(QColor(0xC8, 0xD6, 0xE5));
    QStringList categories;
    double top = 0;
    // Horizontal bars draw the first category at the bottom: append in reverse to read top-down.
    for (std::size_t k = report.groups.size(); k-- > 0;) {
        const auto& g = report.groups[k];
        *positives << g.positiveRate.numerator;
        *negatives << (g.positiveRate.denominator - g.positiveRate.numerator);
        top = std::max(top, g.positiveRate.denominator);
        categories << QStringLiteral("%1 — %2 of %3").arg(shortLabel(g.group, 30),
                                                        percentText(g.positiveRate.value, g.positiveRate.undefinedReason))
                                                    .arg(g.positiveRate.denominator, 0, 'f', 0);
    }
    auto* bars = new QHorizontalStackedBarSeries;
    bars->setBarWidth(std::min(0.7, 0.12 * static_cast<double>(report.groups.size())));
    bars->append(positives);
    bars->append(negatives);
    chart->addSeries(bars);
    auto* yAxis = new QBarCategoryAxis;
    yAxis->append(categories);
    yAxis->setTitleText(QObject::tr("%1 (cell — positive rate of n)").arg(toQString(report.sensitive)));
    auto* xAxis = new QValueAxis;
    xAxis->setRange(0, std::max(1.0, top));
    xAxis->applyNiceNumbers();
    xAxis->setLabelFormat(QStringLiteral("%.0f"));
    xAxis->setTitleText(QObject::tr("Rows (target present)"));
    chart->addAxis(yAxis, Qt::AlignLeft);
    chart->addAxis(xAxis, Qt::AlignBottom);
    bars->attachAxis(yAxis);
    bars->attachAxis(xAxis);
}

void drawProxies(QChart* chart, const std::vector<bias::ProxyScore>& proxies, std::size_t maxBars)
{
    reset(chart);
    if (proxies.empty()) {
        drawMessage(chart, QObject::tr("No other column to rank as a proxy"));
        return;
    }
    const std::size_t count = std::min(maxBars, proxies.size());
    auto* set = new QBarSet(QObject::tr("Association with the sensitive column"));
    set->setColor(kOrange);
    set->setBorderColor(kOrange);
    QStringList categories;
    // Horizontal bars draw the first category at the bottom: append weakest first.
    for (std::size_t k = count; k-- > 0;) {
        const auto& p = proxies[k];
        const QString measure = p.measure == "cramers_v" ? QObject::tr("Cramér's V") : QObject::tr("η");
        *set << p.strength.value_or(0);
        categories << (p.strength ? QStringLiteral("%1 (%2 %3)").arg(shortLabel(p.column), measure).arg(*p.strength, 0, 'f', 2)
                                  : QStringLiteral("%1 (n/a — %2)").arg(shortLabel(p.column), toQString(p.undefinedReason)));
    }
    auto* bars = new QHorizontalBarSeries;
    bars->setBarWidth(std::min(0.7, 0.15 * static_cast<double>(count)));
    bars->append(set);
    chart->addSeries(bars);
    auto* yAxis = new QBarCategoryAxis;
    yAxis->append(categories);
    auto* xAxis = rateAxis(1.0, QObject::tr("Strength: 0 = unrelated, 1 = reveals the group"));
    chart->addAxis(yAxis, Qt::AlignLeft);
    chart->addAxis(xAxis, Qt::AlignBottom);
    bars->attachAxis(yAxis);
    bars->attachAxis(xAxis);
    chart->legend()->setVisible(false);
}

void drawSimpson(QChart* chart, const bias::SimpsonResult& s)
{
    reset(chart);
    auto* a = new QBarSet(toQString(s.groupA));
    auto* b = new QBarSet(toQString(s.groupB));
    a->setColor(kBlue);
    b->setColor(kOrange);
    QStringList categories;
    *a << s.rateA.value.value_or(0);
    *b << s.rateB.value.value_or(0);
    categories << QObject::tr("All rows (%1)").arg(signedPointsText(s.aggregateGap, {}));
    double top = std::max(s.rateA.value.value_or(0), s.rateB.value.value_or(0));
    for (const auto& z : s.strata) {
        *a << z.rateA.value.value_or(0);
        *b << z.rateB.value.value_or(0);
        top = std::max({top, z.rateA.value.value_or(0), z.rateB.value.value_or(0)});
        categories << QStringLiteral("%1 (%2)").arg(shortLabel(z.stratum, 16),
                                                  z.gap ? signedPointsText(z.gap, {}) : QObject::tr("n/a — a group has no rows"));
    }
    auto* bars = new QBarSeries;
    bars->append(a);
    bars->append(b);
    chart->addSeries(bars);
    auto* xAxis = new QBarCategoryAxis;
    xAxis->append(categories);
    xAxis->setTitleText(QObject::tr("%1: all rows, then within each value of %2")
                            .arg(toQString(s.sensitive), toQString(s.stratifier)));
    auto* yAxis = rateAxis(std::min(1.0, std::max(0.05, top * 1.15)), QObject::tr("Positive rate"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    bars->attachAxis(xAxis);
    bars->attachAxis(yAxis);
}

void drawLedgerStep(QChart* chart, const std::vector<bias::LedgerEntry>& entries, bool rate, const QString& title)
{
    reset(chart);
    chart->setTitle(title);
    if (entries.empty()) {
        drawMessage(chart, QObject::tr("No group in this step"));
        return;
    }
    auto* before = new QBarSet(QObject::tr("Before the step"));
    auto* after = new QBarSet(QObject::tr("After the step"));
    before->setColor(kGrey);
    before->setBorderColor(kGrey);
    after->setColor(kBlue);
    after->setBorderColor(kBlue);
    QStringList categories;
    double top = 0;
    for (const auto& e : entries) {
        const double b = rate ? e.rateBefore.value.value_or(0) : e.shareBefore;
        const double a = rate ? e.rateAfter.value.value_or(0) : e.shareAfter;
        *before << b;
        *after << a;
        top = std::max({top, b, a});
        QString label = shortLabel(e.group, 18);
        if (rate && (!e.rateBefore.value || !e.rateAfter.value))
            label += QStringLiteral(" (n/a — %1)")
                         .arg(toQString(!e.rateAfter.value ? e.rateAfter.undefinedReason : e.rateBefore.undefinedReason));
        if (!e.flags.empty())
            label += QStringLiteral(" ⚠");
        categories << label;
    }
    auto* bars = new QBarSeries;
    bars->append(before);
    bars->append(after);
    chart->addSeries(bars);
    auto* xAxis = new QBarCategoryAxis;
    xAxis->append(categories);
    auto* yAxis = rateAxis(std::max(0.05, top * 1.1), rate ? QObject::tr("Positive rate") : QObject::tr("Share of rows"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    bars->attachAxis(xAxis);
    bars->attachAxis(yAxis);
}

} // namespace preplab::desktop
