#include "app/desktop/views/issues_panel.h"

#include "app/desktop/util/qt_convert.h"

#include <QHeaderView>
#include <QStyle>

namespace preplab::desktop {

IssuesPanel::IssuesPanel(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(4);
    setHeaderLabels({tr("Source"), tr("Line"), tr("Column"), tr("Message")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    setToolTip(tr("Problems found while reading the file and running the recipe. Nothing is dropped silently."));
}

void IssuesPanel::setIssues(const QString& source, const Diagnostics& diagnostics)
{
    for (int i = topLevelItemCount() - 1; i >= 0; --i)
        if (topLevelItem(i)->data(0, Qt::UserRole).toString() == source)
            delete takeTopLevelItem(i);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon info = style()->standardIcon(QStyle::SP_MessageBoxInformation);
    // A file with a million ragged rows must not freeze the panel: show the first few thousand.
    constexpr std::size_t kShown = 5000;
    QList<QTreeWidgetItem*> items;
    for (std::size_t i = 0; i < diagnostics.size() && i < kShown; ++i) {
        const auto& d = diagnostics[i];
        auto* item = new QTreeWidgetItem({source, d.line >= 0 ? QString::number(d.line) : QString(),
                                          toQString(d.column), toQString(d.message)});
        item->setIcon(0, d.severity == Diagnostic::Severity::Warning ? warning : info);
        item->setData(0, Qt::UserRole, source);
        item->setToolTip(3, toQString(d.message));
        items.push_back(item);
    }
    if (diagnostics.size() > kShown) {
        auto* item = new QTreeWidgetItem({source, QString(), QString(),
                                          tr("… and %1 more").arg(diagnostics.size() - kShown)});
        item->setData(0, Qt::UserRole, source);
        items.push_back(item);
    }
    addTopLevelItems(items);
}

} // namespace preplab::desktop
