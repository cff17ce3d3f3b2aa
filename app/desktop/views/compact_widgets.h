// Compact widgets: controls whose content is data (column names, class labels, summaries that
// quote them) must not set the width of their panel, or one long name widens the panel and with it
// the minimum width of the whole window (past 1280 px).
//   makeCompact   a combo box asks for a few characters' width and takes more when its layout has
//                 room; its list still opens as wide as its longest item.
//   makeWrapping  a word-wrapped label takes the width its layout gives it: a word longer than
//                 that (a long column name) is cut at the edge instead of widening the layout.
//   ElidedLabel   a one-line plain-text label that ends in "…" when its layout gives it less
//                 width than its text needs (repeat the full text in its tooltip).
//   ScrollPanel   a vertical scroll area around a panel's content: it asks for the content's
//                 size (so a splitter gives it as much as before) but scrolls when given less,
//                 instead of squeezing the content's charts until their labels are cut.
#pragma once

#include <QLabel>
#include <QScrollArea>

class QComboBox;

namespace preplab::desktop {

void makeCompact(QComboBox* box, int minimumCharacters = 8);
void makeWrapping(QLabel* label);

class ElidedLabel : public QLabel {
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
};

class ScrollPanel : public QScrollArea {
public:
    explicit ScrollPanel(QWidget* content, QWidget* parent = nullptr);
    QSize sizeHint() const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // The content gets the panel's size, or its minimum height and a scroll bar when taller
    // (QScrollArea's own resizing gives word-wrapping content its preferred height instead).
    void fitContent();
};

} // namespace preplab::desktop
