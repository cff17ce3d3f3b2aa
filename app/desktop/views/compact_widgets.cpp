#include "app/desktop/views/compact_widgets.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QLabel>
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

} // namespace preplab::desktop
