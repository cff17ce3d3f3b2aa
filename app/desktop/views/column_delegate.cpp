#include "app/desktop/views/column_delegate.h"

#include "app/desktop/models/column_list_model.h"
#include "app/desktop/views/type_badge.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace preplab::desktop {

void ColumnDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // Background and selection from the style; the content is drawn here.
    opt.text.clear();
    opt.icon = QIcon();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette& pal = opt.palette;
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = selected ? text : pal.color(QPalette::Disabled, QPalette::Text);
    const QRect r = opt.rect.adjusted(6, 4, -6, -4);

    painter->save();
    const auto type = static_cast<ColumnType>(index.data(ColumnListModel::TypeRole).toInt());
    const QRect badge(r.left(), r.top() + 1, 34, 15);
    paintTypeBadge(*painter, badge, type);

    // Sparkline on the right, full height; it gives up width before the name does.
    const auto bars = index.data(ColumnListModel::SparklineRole).value<QVector<double>>();
    const int sparkWidth = std::clamp(r.width() / 4, 24, 64);
    const QRect spark(r.right() - sparkWidth, r.top() + 2, sparkWidth, r.height() - 4);
    if (!bars.isEmpty()) {
        const double w = double(spark.width()) / bars.size();
        QColor barColor = selected ? text : typeColor(type);
        barColor.setAlpha(selected ? 200 : 170);
        painter->setPen(Qt::NoPen);
        painter->setBrush(barColor);
        for (int i = 0; i < bars.size(); ++i) {
            const double h = std::max(1.0, bars[i] * spark.height());
            painter->drawRect(QRectF(spark.left() + i * w, spark.bottom() + 1 - h, std::max(1.0, w - 1), h));
        }
    }

    // Name (elided) next to the badge.
    const QRect nameRect(badge.right() + 6, r.top(), spark.left() - badge.right() - 12, 17);
    QFont nameFont = opt.font;
    const int alerts = index.data(ColumnListModel::AlertCountRole).toInt();
    painter->setFont(nameFont);
    painter->setPen(text);
    const QString name = index.data(Qt::DisplayRole).toString();
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(name, Qt::ElideMiddle, nameRect.width()));

    // Missing share: a thin bar plus its percentage, under the name.
    const double missing = index.data(ColumnListModel::MissingShareRole).toDouble();
    const QRect bar(badge.left(), r.bottom() - 7, 60, 5);
    painter->setPen(Qt::NoPen);
    painter->setBrush(pal.color(QPalette::Mid));
    painter->drawRoundedRect(bar, 2, 2);
    if (missing > 0) {
        painter->setBrush(QColor(0xD5, 0x5E, 0x00));
        painter->drawRoundedRect(QRectF(bar.left(), bar.top(), std::max(2.0, bar.width() * missing), bar.height()), 2, 2);
    }
    QFont small = opt.font;
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    painter->setFont(small);
    painter->setPen(muted);
    QString detail = missing > 0 ? QStringLiteral("%1% missing").arg(missing * 100.0, 0, 'f', missing < 0.001 ? 2 : 1)
                                 : QStringLiteral("complete");
    if (alerts > 0)
        detail += QStringLiteral(" · %1 alert%2").arg(alerts).arg(alerts > 1 ? QStringLiteral("s") : QString());
    const QRect detailRect(bar.right() + 6, r.bottom() - 13, spark.left() - bar.right() - 10, 14);
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(detail, Qt::ElideRight, detailRect.width()));
    painter->restore();
}

QSize ColumnDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // Narrow: the list fills the dock's width anyway, and a wider hint would only add a
    // horizontal scroll bar to a narrow dock. Names are elided (the tooltip has them whole).
    return QSize(kMinimumWidth, std::max(40, option.fontMetrics.height() * 2 + 12));
}

} // namespace preplab::desktop
