#include "app/desktop/views/compact_widgets.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QEvent>
#include <QScrollBar>

namespace preplab::desktop {

void makeCompact(QComboBox* box, int minimumCharacters)
{
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(minimumCharacters);
    // The open list stays as wide as its longest item (styles without a popup-style list would
    // otherwise make it as narrow as the box and elide the names).
    auto fitList = [box] {
        QAbstractItemView* view = box->view();
        view->setMinimumWidth(view->sizeHintForColumn(0) + view->verticalScrollBar()->sizeHint().width());
    };
    QAbstractItemModel* model = box->model();
    QObject::connect(model, &QAbstractItemModel::rowsInserted, box, fitList);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, box, fitList);
    QObject::connect(model, &QAbstractItemModel::modelReset, box, fitList);
    QObject::connect(model, &QAbstractItemModel::dataChanged, box, fitList);
    fitList();
}

void makeWrapping(QLabel* label)
{
    label->setWordWrap(true);
    QSizePolicy policy = label->sizePolicy();
    policy.setHorizontalPolicy(QSizePolicy::Ignored);
    label->setSizePolicy(policy);
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QMargins m = contentsMargins();
    return {fontMetrics().horizontalAdvance(QStringLiteral("…")) + m.left() + m.right(),
            QLabel::minimumSizeHint().height()};
}

void ElidedLabel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
    style()->drawItemText(&painter, area, static_cast<int>(alignment() | Qt::TextSingleLine), palette(), isEnabled(),
                          shown, foregroundRole());
}

ScrollPanel::ScrollPanel(QWidget* content, QWidget* parent) : QScrollArea(parent)
{
    setWidget(content);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    content->installEventFilter(this);
}

bool ScrollPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        fitContent();
    return QScrollArea::eventFilter(watched, event);
}

void ScrollPanel::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    fitContent();
}

void ScrollPanel::fitContent()
{
    QWidget* content = widget();
    if (!content)
        return;
    const int needed = content->minimumSizeHint().height();
    if (needed <= height())
        content->resize(width(), height());
    else
        content->resize(width() - verticalScrollBar()->sizeHint().width(), needed);
}

QSize ScrollPanel::sizeHint() const
{
    // QScrollArea caps its hint at 36 x 24 lines of text; the panel wants its content's size.
    return widget() ? widget()->sizeHint() : QScrollArea::sizeHint();
}

} // namespace preplab::desktop
