// Compact widgets: controls whose content is data (column names, class labels, summaries that
// quote them) must not set the width of their panel, or one long name widens the panel and with it
// the minimum width of the whole window (past 1280 px).
//   makeCompact   a combo box asks for a few characters' width and takes more when its layout has
//                 room; its list still opens as wide as its longest item.
//   makeWrapping  a word-wrapped label takes the width its layout gives it: a word longer than
//                 that (a long column name) is cut at the edge instead of widening the layout.
#pragma once

class QComboBox;
class QLabel;

namespace preplab::desktop {

void makeCompact(QComboBox* box, int minimumCharacters = 8);
void makeWrapping(QLabel* label);

} // namespace preplab::desktop
