#include "app/desktop/charts/scatter_chart.h"

#include "app/desktop/charts/point_cloud_item.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/compact_widgets.h"
#include "app/desktop/workers/latest_task.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsPixmapItem>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLegendMarker>
#include <QLocale>
#include <QPainter>
#include <QtMath>
#include <QScatterSeries>
#include <QSignalBlocker>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace preplab::desktop {
namespace {

const QColor kAfter(0x00, 0x72, 0xB2);    // Okabe-Ito blue, as the histograms
const QColor kBefore(0x99, 0x99, 0x99);   // muted grey
// The table view's marks (TableModel): imputed cells bluish green, removed rows vermillion.
const QColor kFilled(0x00, 0x9E, 0x73);
const QColor kRemoved(0xD5, 0x5E, 0x00);

// Counts with group separators even under the C locale ("1,000,000").
QString count(std::int64_t n)
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    return locale.toString(static_cast<qlonglong>(n));
}

// The marker as an image: Qt Charts paints such "light markers" directly instead of creating a
// graphics item per point (measured: 7,000 points set in 219 ms as items).
QImage markerImage(QScatterSeries::MarkerShape shape, qreal size, QColor fill, QColor border)
{
    const int side = qCeil(size) + 2;
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(border, 1.2));
    painter.setBrush(fill);
    const QRectF box(1, 1, side - 2, side - 2);
    if (shape == QScatterSeries::MarkerShapeRectangle)
        painter.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
    else
        painter.drawEllipse(box.adjusted(0.3, 0.3, -0.3, -0.3));
    return image;
}

QScatterSeries* pointSeries(const ScatterPoints& p, const QString& name, QColor fill, QColor border, qreal size,
                            QScatterSeries::MarkerShape shape = QScatterSeries::MarkerShapeCircle)
{
    auto* s = new QScatterSeries;
    s->setName(name);
    s->setMarkerShape(shape);
    s->setMarkerSize(size);
    s->setColor(fill);
    s->setBorderColor(border);
    s->setLightMarker(markerImage(shape, size, fill, border));
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(p.size()));
    for (std::size_t i = 0; i < p.size(); ++i)
        points.append({p.x[i], p.y[i]});
    s->replace(points);
    return s;
}

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

// Shade of a cell: 0 when empty, else 0.3 .. 1 on a log scale of its count (a few rows stay
// visible beside a dense core).
double shade(std::int64_t n, std::int64_t max)
{
    if (n <= 0 || max <= 0)
        return 0;
    return 0.3 + 0.7 * std::log1p(static_cast<double>(n)) / std::log1p(static_cast<double>(max));
}

// Before (grey) under after (blue), composited per cell; transparent where both are empty.
QImage densityImage(const ScatterComparison& c)
{
    const stats::DensityGrid& any = c.after.exists ? c.after.density : c.before.density;
    QImage image(any.columns, any.rows, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    auto at = [](const stats::DensityGrid& g, int x, int y) { return g.counts.empty() ? 0 : g.at(x, y); };
    for (int row = 0; row < any.rows; ++row) {
        for (int col = 0; col < any.columns; ++col) {
            double r = 0, g = 0, b = 0, a = 0;  // premultiplied, 0..1
            auto over = [&](QColor color, double alpha) {
                r = color.redF() * alpha + r * (1 - alpha);
                g = color.greenF() * alpha + g * (1 - alpha);
                b = color.blueF() * alpha + b * (1 - alpha);
                a = alpha + a * (1 - alpha);
            };
            if (c.hasStep && c.before.exists)
                over(kBefore, 0.8 * shade(at(c.before.density, col, row), c.before.density.maxCount));
            if (c.after.exists)
                over(kAfter, 0.9 * shade(at(c.after.density, col, row), c.after.density.maxCount));
            image.setPixel(col, any.rows - 1 - row,
                           qRgba(qRound(r * 255), qRound(g * 255), qRound(b * 255), qRound(a * 255)));
        }
    }
    return image;
}

} // namespace

ScatterChart::ScatterChart(QWidget* parent) : QWidget(parent)
{
    m_xBox = new QComboBox;
    m_xBox->setObjectName(QStringLiteral("ScatterX"));
    m_xBox->setToolTip(tr("Column on the horizontal axis (follows the selected column)"));
    makeCompact(m_xBox, 10);
    m_yBox = new QComboBox;
    m_yBox->setObjectName(QStringLiteral("ScatterY"));
    m_yBox->setToolTip(tr("Column on the vertical axis; by default the numeric column most correlated with X (|Pearson r|)"));
    makeCompact(m_yBox, 10);
    m_controls = new QWidget(this);
    auto* row = new QHBoxLayout(m_controls);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("X")));
    row->addWidget(m_xBox);
    row->addSpacing(6);
    row->addWidget(new QLabel(tr("Y")));
    row->addWidget(m_yBox);
    m_controls->hide();  // the before/after area shows it beside its mode switch

    m_view = new QChartView(new QChart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(280, 180);
    m_view->setToolTip(tr("Each row as a point: before the step in grey, after it in blue, on the same axes"));
    QChart* c = m_view->chart();
    c->legend()->setAlignment(Qt::AlignTop);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(0);
    m_density = new QGraphicsPixmapItem(c);
    m_density->setTransformationMode(Qt::FastTransformation);  // crisp cells
    m_density->setZValue(1.5);  // above the plot background, below grid lines and series
    m_density->hide();
    m_cloud = new PointCloudItem(c);
    m_cloud->setZValue(3.5);  // above grid lines and axes, where Qt Charts puts its series
    connect(c, &QChart::plotAreaChanged, this, [this] {
        placeDensityImage();
        m_cloud->updateGeometry();
    });
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("ScatterNote"));
    makeWrapping(m_note);
    m_note->setToolTip(tr("How many rows the scatter shows, and how"));
    m_note->setContentsMargins(6, 0, 6, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);

    m_task = new LatestTask(this);
    m_task->setDebounceMs(60);
    connect(m_task, &LatestTask::finished, this, [this](const QVariant& v) { draw(v.value<ScatterComparison>()); });
    connect(m_xBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_yBox->currentText() == m_xBox->currentText())
            m_autoY = true;
        request();
    });
    connect(m_yBox, &QComboBox::currentIndexChanged, this, [this] {
        m_autoY = false;
        request();
    });
}

ScatterChart::~ScatterChart() = default;

QChart* ScatterChart::chart() const { return m_view->chart(); }

QString ScatterChart::noteText() const { return m_note->text(); }

bool ScatterChart::hasDensityImage() const { return m_density->isVisible() && !m_density->pixmap().isNull(); }

void ScatterChart::waitForIdle() { m_task->waitForIdle(); }

void ScatterChart::setInputs(const ScatterInputs& inputs)
{
    const bool newColumn = inputs.selectedColumn != m_inputs.selectedColumn;
    m_inputs = inputs;
    fillColumnBoxes();
    if (newColumn && m_xBox->findText(inputs.selectedColumn) >= 0) {
        const QSignalBlocker block(m_xBox);
        m_xBox->setCurrentText(inputs.selectedColumn);
        m_autoY = true;
    }
    m_dirty = true;
    if (m_active)
        request();
}

void ScatterChart::setActive(bool active)
{
    m_active = active;
    if (m_active && m_dirty)
        request();
}

void ScatterChart::fillColumnBoxes()
{
    QStringList names;
    for (const auto* table : {m_inputs.after.get(), m_inputs.hasStep ? m_inputs.before.get() : nullptr})
        if (table)
            for (const auto& name : scatterColumns(*table))
                if (!names.contains(toQString(name)))
                    names << toQString(name);
    for (QComboBox* box : {m_xBox, m_yBox}) {
        const QString current = box->currentText();
        const QSignalBlocker block(box);
        box->clear();
        box->addItems(names);
        box->setCurrentIndex(std::max(0, static_cast<int>(names.indexOf(current))));
    }
}

void ScatterChart::request()
{
    m_dirty = !m_active;
    if (!m_active)
        return;
    ScatterRequest r;
    r.before = m_inputs.before;
    r.after = m_inputs.after;
    r.highlights = m_inputs.highlights;
    r.hasStep = m_inputs.hasStep;
    r.x = toStdString(m_xBox->currentText());
    r.y = m_autoY ? std::string() : toStdString(m_yBox->currentText());
    if (!r.after && !r.before) {
        draw(ScatterComparison{});
        return;
    }
    m_task->request([r](const Progress& progress) { return QVariant::fromValue(compareScatter(r, progress)); });
}

void ScatterChart::draw(const ScatterComparison& comparison)
{
    m_comparison = comparison;
    if (m_autoY && !comparison.y.empty()) {
        const QSignalBlocker block(m_yBox);
        m_yBox->setCurrentText(toQString(comparison.y));
    }
    QChart* c = chart();
    m_cloud->clear();
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes())
        c->removeAxis(axis);
    m_axes = {nullptr, nullptr};
    m_density->hide();
    const QString title = toQString(comparison.y) + QStringLiteral(" vs ") + toQString(comparison.x);
    c->setTitle(comparison.x.empty() || comparison.y.empty() ? QString()
                : comparison.hasStep ? tr("%1: before and after %2").arg(title, m_inputs.stepName)
                                     : title);
    if (comparison.mode == ScatterComparison::Mode::Density)
        drawDensity(comparison);
    else if (comparison.mode != ScatterComparison::Mode::Empty)
        drawPoints(comparison);
    c->legend()->setVisible(comparison.mode != ScatterComparison::Mode::Empty &&
                            (comparison.hasStep || comparison.filledCount || comparison.removedCount));
    m_note->setText(note(comparison));
    Q_EMIT drawn();
}

namespace {

// Locked, shared axes over both sides' range, padded so edge points are not cut.
std::pair<QValueAxis*, QValueAxis*> addAxes(QChart* chart, const ScatterComparison& c)
{
    auto padded = [](QValueAxis* axis, double lo, double hi) {
        const double pad = hi > lo ? (hi - lo) * 0.04 : 0.5;
        axis->setRange(lo - pad, hi + pad);
        axis->applyNiceNumbers();
    };
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(toQString(c.x));
    y->setTitleText(toQString(c.y));
    padded(x, c.xMin, c.xMax);
    padded(y, c.yMin, c.yMax);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    return {x, y};
}

std::size_t markCount(const ScatterComparison& c)
{
    return (c.removedCount > 0 ? c.removed.size() : 0) + (c.filledCount > 0 ? c.filled.size() : 0);
}

} // namespace

void ScatterChart::addPoints(const ScatterPoints& points, const QString& name, QColor fill, QColor border, qreal size,
                             bool painted, bool square)
{
    const auto shape = square ? QScatterSeries::MarkerShapeRectangle : QScatterSeries::MarkerShapeCircle;
    QScatterSeries* s = pointSeries(painted ? ScatterPoints{} : points, name, fill, border, size, shape);
    QChart* c = chart();
    c->addSeries(s);
    s->attachAxis(m_axes.first);
    s->attachAxis(m_axes.second);
    if (painted && points.size() > 0)
        m_cloud->addLayer(points, s->lightMarker(), s->markerSize());
}

// The marks of filled cells and removed rows, drawn over both sides.
void ScatterChart::addMarks(const ScatterComparison& c, bool painted)
{
    if (c.removedCount > 0)
        addPoints(c.removed, tr("removed by the step (%1)").arg(count(c.removedCount)), withAlpha(kRemoved, 70), kRemoved,
                  9, painted, true);
    if (c.filledCount > 0)
        addPoints(c.filled, tr("filled by the step (%1)").arg(count(c.filledCount)), kFilled, kFilled.darker(140), 10,
                  painted);
}

void ScatterChart::drawPoints(const ScatterComparison& cmp)
{
    m_axes = addAxes(chart(), cmp);
    const bool before = cmp.hasStep && cmp.before.exists;
    const std::size_t total = (before ? cmp.before.points.size() : 0) + (cmp.after.exists ? cmp.after.points.size() : 0)
                              + markCount(cmp);
    const bool painted = total > kSeriesPointLimit;
    const qreal size = cmp.mode == ScatterComparison::Mode::Sample ? 5 : 6.5;
    if (before)
        addPoints(cmp.before.points, tr("before"), withAlpha(kBefore, 150), withAlpha(kBefore, 150), size, painted);
    if (cmp.after.exists)
        addPoints(cmp.after.points, cmp.hasStep ? tr("after") : tr("rows"), withAlpha(kAfter, 170), withAlpha(kAfter, 170),
                  size, painted);
    addMarks(cmp, painted);
    placePointCloud();
}

void ScatterChart::drawDensity(const ScatterComparison& cmp)
{
    m_axes = addAxes(chart(), cmp);
    // Empty series give the legend its swatches and the image a coordinate system to map through.
    if (cmp.hasStep && cmp.before.exists)
        addPoints({}, tr("before (density)"), kBefore, kBefore, 10, false, true);
    if (cmp.after.exists)
        addPoints({}, cmp.hasStep ? tr("after (density)") : tr("density"), kAfter, kAfter, 10, false, true);
    addMarks(cmp, markCount(cmp) > kSeriesPointLimit);
    placePointCloud();
    m_density->setPixmap(QPixmap::fromImage(densityImage(cmp)));
    m_density->show();
    placeDensityImage();
}

void ScatterChart::placePointCloud()
{
    QChart* c = chart();
    m_cloud->setMappingSeries(c->series().isEmpty() ? nullptr : c->series().first());
    m_cloud->updateGeometry();
}

void ScatterChart::placeDensityImage()
{
    QChart* c = chart();
    if (!m_density->isVisible() || m_density->pixmap().isNull() || c->series().isEmpty())
        return;
    const stats::DensityGrid& g = m_comparison.after.exists ? m_comparison.after.density : m_comparison.before.density;
    QAbstractSeries* s = c->series().first();
    const QPointF topLeft = c->mapToPosition(QPointF(g.xMin, g.yMax), s);
    const QPointF bottomRight = c->mapToPosition(QPointF(g.xMax, g.yMin), s);
    const QRectF target = QRectF(topLeft, bottomRight).normalized();
    const QSize pixels = m_density->pixmap().size();
    m_density->setPos(target.topLeft());
    m_density->setTransform(QTransform::fromScale(target.width() / pixels.width(), target.height() / pixels.height()));
}

QString ScatterChart::note(const ScatterComparison& cmp) const
{
    using Mode = ScatterComparison::Mode;
    if (cmp.mode == Mode::Empty)
        return cmp.problem.empty() ? QString() : tr("Nothing to draw: %1.").arg(toQString(cmp.problem));
    const bool both = cmp.hasStep && cmp.before.exists && cmp.after.exists;
    const ScatterSide& primary = cmp.after.exists ? cmp.after : cmp.before;
    auto rows = [&](std::int64_t before, std::int64_t after) {
        return both && before != after ? tr("%1 rows before and %2 after").arg(count(before), count(after))
                                       : tr("%1 rows").arg(count(primary.pairs));
    };
    QStringList parts;
    if (cmp.mode == Mode::Points)
        parts << tr("all %1").arg(rows(cmp.before.pairs, cmp.after.pairs));
    else if (cmp.mode == Mode::Sample) {
        const auto shown = static_cast<std::int64_t>(std::max(cmp.before.points.size(), cmp.after.points.size()));
        parts << tr("showing a %1-point sample of %2").arg(count(shown), rows(cmp.before.pairs, cmp.after.pairs));
    } else {
        parts << tr("density of %1").arg(rows(cmp.before.pairs, cmp.after.pairs));
    }
    const std::int64_t missingBefore = both ? cmp.before.missingPairs : 0;
    if (missingBefore > 0 || primary.missingPairs > 0)
        parts << (both ? tr("rows missing X or Y (not drawn): %1 before, %2 after")
                             .arg(count(cmp.before.missingPairs), count(cmp.after.missingPairs))
                       : tr("%1 rows missing X or Y (not drawn)").arg(count(primary.missingPairs)));
    const bool marksThinned = static_cast<std::int64_t>(cmp.filled.size()) < cmp.filledCount ||
                              static_cast<std::int64_t>(cmp.removed.size()) < cmp.removedCount;
    if (cmp.mode != Mode::Points && marksThinned)
        parts << tr("filled and removed marks sampled");
    return parts.join(QStringLiteral(" · "));
}

} // namespace preplab::desktop
