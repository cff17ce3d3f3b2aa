// RecipeModel: the recipe's steps as a list for the recipe panel. The check box enables or
// disables a step and drag and drop reorders; both become undo commands on the Document (the
// model never edits the recipe itself). The last evaluation's per-step status shows as an icon
// and tooltip.
#pragma once

#include "app/desktop/workers/evaluation.h"

#include <QAbstractListModel>

namespace preplab::desktop {

class Document;

class RecipeModel : public QAbstractListModel {
public:
    explicit RecipeModel(QObject* parent = nullptr);

    void setDocument(Document* document);
    void setStatuses(std::vector<StepStatus> statuses);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

private:
    Document* m_document = nullptr;
    std::vector<StepStatus> m_statuses;
};

} // namespace preplab::desktop
