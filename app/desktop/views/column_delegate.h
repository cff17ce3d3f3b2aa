// ColumnDelegate: draws one row of the column list: type badge, name, a missing-share bar and a
// small histogram sparkline (all read from ColumnListModel's roles). Long names are elided in the
// middle; the model's tooltip gives them whole.
#pragma once

#include <QStyledItemDelegate>

namespace preplab::desktop {

class ColumnDelegate : public QStyledItemDelegate {
public:
    // The narrowest row that still shows the badge, a few characters of the name and the sparkline.
    static constexpr int kMinimumWidth = 150;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace preplab::desktop
