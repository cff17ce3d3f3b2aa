#include "app/desktop/views/step_picker.h"

#include "app/desktop/util/qt_convert.h"
#include "core/ops/registry.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMap>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace preplab::desktop {

StepPicker::StepPicker(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Add a step"));
    resize(460, 480);
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search steps (e.g. missing, scale, one hot)…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Type to filter the steps by name or description"));
    m_tree = new QTreeWidget;
    m_tree->setHeaderHidden(true);
    m_tree->setToolTip(tr("Double-click a step to add it after the selected one"));
    QMap<int, QTreeWidgetItem*> groups;
    for (const auto& info : ops::allOps()) {
        const int g = static_cast<int>(info.group);
        if (!groups.contains(g)) {
            auto* group = new QTreeWidgetItem(m_tree, {toQString(ops::opGroupName(info.group))});
            group->setFlags(Qt::ItemIsEnabled);
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            groups.insert(g, group);
        }
        auto* item = new QTreeWidgetItem(groups[g], {toQString(info.title)});
        item->setData(0, Qt::UserRole, toQString(info.name));
        item->setToolTip(0, QStringLiteral("%1\n(op \"%2\"%3)")
                                .arg(toQString(info.summary), toQString(info.name),
                                     info.fitted ? tr(", learns from the training rows") : QString()));
    }
    m_tree->expandAll();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &StepPicker::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this] { accept(); });
    connect(m_search, &QLineEdit::textChanged, this, &StepPicker::setFilter);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (visibleOpCount() == 1 || m_tree->currentItem())
            accept();
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    m_search->setFocus();
}

void StepPicker::setFilter(const QString& text)
{
    QTreeWidgetItem* firstVisible = nullptr;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive) ||
                               item->data(0, Qt::UserRole).toString().contains(text, Qt::CaseInsensitive) ||
                               item->toolTip(0).contains(text, Qt::CaseInsensitive) ||
                               group->text(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            visible += match;
            if (match && !firstVisible)
                firstVisible = item;
        }
        group->setHidden(visible == 0);
    }
    if (firstVisible)
        m_tree->setCurrentItem(firstVisible);
}

int StepPicker::visibleOpCount() const
{
    int n = 0;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        for (int i = 0; i < m_tree->topLevelItem(g)->childCount(); ++i)
            n += !m_tree->topLevelItem(g)->child(i)->isHidden();
    return n;
}

void StepPicker::accept()
{
    QTreeWidgetItem* item = m_tree->currentItem();
    if (!item || item->isHidden() || item->data(0, Qt::UserRole).toString().isEmpty())
        return;
    m_chosen = item->data(0, Qt::UserRole).toString();
    QDialog::accept();
}

} // namespace preplab::desktop
