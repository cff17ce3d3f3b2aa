#include "app/desktop/views/type_badge.h"

#include <QFont>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace preplab::desktop {

QString typeShortName(ColumnType type)
{
    switch (type) {
    case ColumnType::Integer: return QStringLiteral("int");
    case ColumnType::Numeric: return QStringLiteral("num");
    case ColumnType::Boolean: return QStringLiteral("bool");
    case ColumnType::Datetime: return QStringLiteral("date");
    case ColumnType::Categorical: return QStringLiteral("cat");
    case ColumnType::Text: return QStringLiteral("text");
    }
    return {};
}

QColor typeColor(ColumnType type)
{
    // Colour-blind-safe hues (Okabe-Ito), dark enough for white text.
    switch (type) {
    case ColumnType::Integer: return QColor(0x00, 0x72, 0xB2);
    case ColumnType::Numeric: return QColor(0x00, 0x5A, 0x8C);
    case ColumnType::Boolean: return QColor(0x00, 0x8A, 0x6A);
    case ColumnType::Datetime: return QColor(0x8A, 0x5A, 0x00);
    case ColumnType::Categorical: return QColor(0xB0, 0x4A, 0x00);
    case ColumnType::Text: return QColor(0x80, 0x50, 0x80);
    }
    return Qt::gray;
}

void paintTypeBadge(QPainter& painter, const QRect& rect, ColumnType type)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(typeColor(type));
    painter.drawRoundedRect(rect, 3, 3);
    QFont font = painter.font();
    font.setPixelSize(std::max(8, rect.height() * 6 / 10));
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(rect, Qt::AlignCenter, typeShortName(type));
    painter.restore();
}

QIcon typeIcon(ColumnType type)
{
    static QHash<int, QIcon> cache;
    auto it = cache.find(static_cast<int>(type));
    if (it != cache.end())
        return *it;
    QPixmap pixmap(64, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintTypeBadge(painter, QRect(0, 2, 64, 28), type);
    painter.end();
    QIcon icon(pixmap);
    cache.insert(static_cast<int>(type), icon);
    return icon;
}

} // namespace preplab::desktop
