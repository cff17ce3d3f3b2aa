// IssuesPanel: every non-fatal problem found while reading the file or running the recipe
// (ragged rows, decoding fallbacks, a step that found nothing to do), one per line, with where.
#pragma once

#include "core/util/diagnostic.h"

#include <QTreeWidget>

namespace preplab::desktop {

class IssuesPanel : public QTreeWidget {
public:
    explicit IssuesPanel(QWidget* parent = nullptr);

    // Replaces the issues of `source` ("file" or "recipe") with `diagnostics`.
    void setIssues(const QString& source, const Diagnostics& diagnostics);
    int issueCount() const { return topLevelItemCount(); }
};

} // namespace preplab::desktop
