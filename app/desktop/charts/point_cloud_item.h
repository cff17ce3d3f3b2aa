// PointCloudItem: many scatter points painted by one graphics item over a QChart's plot area.
// Qt Charts' QScatterSeries makes one QGraphicsItem per point even with a light marker (about
// 10 us each on the GUI thread: two 3,000-point series took ~90 ms to set), while this item only
// keeps the coordinates and paints each point's marker image when the chart is painted (a few ms).
// The chart keeps an empty series per layer for its legend swatch and axes; the item maps data
// to the plot through that series, so it follows resizes and axis ranges.
#pragma once

#include <QGraphicsItem>
#include <QImage>

#include <vector>

class QChart;
class QAbstractSeries;

namespace preplab::desktop {

struct ScatterPoints;

class PointCloudItem : public QGraphicsItem {
public:
    explicit PointCloudItem(QChart* chart);

    void clear();
    // Adds a layer, painted over the layers added before it: `marker` drawn in a `size` square
    // centred on each point, as Qt Charts draws a series' light marker.
    void addLayer(const ScatterPoints& points, const QImage& marker, qreal size);
    // Data coordinates map to the plot through `series`' axes.
    void setMappingSeries(QAbstractSeries* series) { m_series = series; }
    // Call when the plot area moves or resizes.
    void updateGeometry();

    std::size_t layerCount() const { return m_layers.size(); }
    // Points in layer `i` (tests).
    std::size_t pointCount(std::size_t i) const { return m_layers.at(i).x.size(); }
    std::size_t totalPoints() const;

    QRectF boundingRect() const override { return m_plot; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Layer {
        std::vector<double> x, y;
        QImage marker;
        qreal size = 0;
    };

    QChart* m_chart;
    QAbstractSeries* m_series = nullptr;
    std::vector<Layer> m_layers;
    QRectF m_plot;
};

} // namespace preplab::desktop
