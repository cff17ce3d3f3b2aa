// Type badges: a small coloured label per column type ("num", "cat", ...), drawn with QPainter
// so that it follows the palette and needs no image files.
#pragma once

#include "core/table/column.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QPainter;
class QRect;

namespace preplab::desktop {

QString typeShortName(ColumnType type);  // "int", "num", "bool", "date", "cat", "text"
QColor typeColor(ColumnType type);
void paintTypeBadge(QPainter& painter, const QRect& rect, ColumnType type);
QIcon typeIcon(ColumnType type);  // cached

} // namespace preplab::desktop
