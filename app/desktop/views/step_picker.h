// StepPicker: the "Add step" chooser: every op of the registry, grouped as the registry groups
// them, filtered as the user types (by title, name or summary).
#pragma once

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace preplab::desktop {

class StepPicker : public QDialog {
public:
    explicit StepPicker(QWidget* parent = nullptr);

    // The chosen op's name, empty when cancelled.
    QString chosenOp() const { return m_chosen; }
    void setFilter(const QString& text);
    int visibleOpCount() const;

private:
    void accept() override;

    QLineEdit* m_search = nullptr;
    QTreeWidget* m_tree = nullptr;
    QString m_chosen;
};

} // namespace preplab::desktop
