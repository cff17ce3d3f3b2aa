#include "app/desktop/charts/point_cloud_item.h"

#include "app/desktop/charts/scatter_comparison.h"

#include <QChart>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace preplab::desktop {

PointCloudItem::PointCloudItem(QChart* chart) : QGraphicsItem(chart), m_chart(chart) {}

void PointCloudItem::clear()
{
    m_layers.clear();
    m_series = nullptr;
    update();
}

void PointCloudItem::addLayer(const ScatterPoints& points, const QImage& marker, qreal size)
{
    m_layers.push_back({points.x, points.y, marker, size});
    update();
}

std::size_t PointCloudItem::totalPoints() const
{
    std::size_t n = 0;
    for (const Layer& layer : m_layers)
        n += layer.x.size();
    return n;
}

void PointCloudItem::updateGeometry()
{
    prepareGeometryChange();
    m_plot = m_chart->plotArea();
    update();
}

void PointCloudItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_layers.empty() || !m_series || !m_chart->series().contains(m_series))
        return;
    // The axes are linear: a reference point and one step away from it give the whole affine
    // map, instead of one mapToPosition per point. The reference is a data point and the step
    // scales with it, so neither vanishes in rounding whatever the axis range.
    const Layer* first = nullptr;
    for (const Layer& layer : m_layers)
        if (!first && !layer.x.empty())
            first = &layer;
    if (!first)
        return;
    const double x0 = first->x.front(), y0 = first->y.front();
    const QPointF origin = m_chart->mapToPosition(QPointF(x0, y0), m_series);
    const double hx = std::max(1.0, std::abs(x0)), hy = std::max(1.0, std::abs(y0));
    const QPointF step = m_chart->mapToPosition(QPointF(x0 + hx, y0 + hy), m_series);
    const double sx = (step.x() - origin.x()) / hx, sy = (step.y() - origin.y()) / hy;
    if (!std::isfinite(sx) || !std::isfinite(sy))
        return;
    painter->save();
    painter->setClipRect(m_plot);  // points beyond the padded axes are not drawn
    for (const Layer& layer : m_layers) {
        const qreal half = layer.size / 2;
        for (std::size_t i = 0; i < layer.x.size(); ++i) {
            const QRectF box(origin.x() + sx * (layer.x[i] - x0) - half, origin.y() + sy * (layer.y[i] - y0) - half,
                             layer.size, layer.size);
            painter->drawImage(box, layer.marker);
        }
    }
    painter->restore();
}

} // namespace preplab::desktop
