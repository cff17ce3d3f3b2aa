// MetricCards: the Model panel's test-set metrics (accuracy, balanced accuracy, precision, recall,
// F1, ROC AUC, majority baseline) as one-line cards, four a row, so they take two lines: each the
// metric's name, its value after the recipe and its change from the raw-data model. The change's
// tooltip has the before and after values, or the reason a metric is n/a.
#pragma once

#include "core/model/model_evaluation.h"

#include <QString>
#include <QWidget>

#include <map>

class QLabel;

namespace preplab::desktop {

class MetricCards : public QWidget {
public:
    explicit MetricCards(QWidget* parent = nullptr);

    // `after` is the pass on the recipe's data (null when the recipe failed: `before` is shown);
    // both null = dashes.
    void setPasses(const model::PassResult* before, const model::PassResult* after);

    // By metric key ("accuracy", "balanced_accuracy", "precision", "recall", "f1", "roc_auc",
    // "baseline"): the value shown, the change line ("Δ +0.012" or the n/a reason), its tooltip.
    QString value(const QString& metric) const;
    QString detail(const QString& metric) const;
    QString detailToolTip(const QString& metric) const;

private:
    struct Card {
        QLabel* value = nullptr;
        QLabel* detail = nullptr;
    };
    std::map<QString, Card> m_cards;
};

} // namespace preplab::desktop
