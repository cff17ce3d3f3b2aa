// ColumnInspector: the full profile of one column (every statistic, the most frequent values)
// and its alerts, each with the sentence saying why it matters.
#pragma once

#include "core/profile/profile.h"

#include <QTextBrowser>

namespace preplab::desktop {

class ColumnInspector : public QTextBrowser {
public:
    explicit ColumnInspector(QWidget* parent = nullptr);

    // Shows `column` of `table`; a null column clears the view.
    void showColumn(const profile::TableProfile& table, const profile::ColumnProfile* column);
};

// The inspector's HTML (separate so that tests can read it).
QString columnProfileHtml(const profile::TableProfile& table, const profile::ColumnProfile& column);

} // namespace preplab::desktop
