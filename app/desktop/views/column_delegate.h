// ColumnDelegate: draws one row of the column list: type badge, name, a missing-share bar and a
// small histogram sparkline (all read from ColumnListModel's roles).
#pragma once

#include <QStyledItemDelegate>

namespace preplab::desktop {

class ColumnDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace preplab::desktop
