#include "app/desktop/views/metric_cards.h"

#include "app/desktop/charts/model_charts.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/compact_widgets.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>

#include <cmath>
#include <vector>

namespace preplab::desktop {
namespace {

struct CardSpec {
    QString key, title, tooltip;
};
const std::vector<CardSpec>& cardSpecs()
{
    static const std::vector<CardSpec> specs = {
        {QStringLiteral("accuracy"), QObject::tr("Accuracy"), QObject::tr("Share of the test rows the model predicts correctly")},
        {QStringLiteral("balanced_accuracy"), QObject::tr("Bal. acc."),
         QObject::tr("Balanced accuracy: mean recall over the classes, an accuracy that always guessing the majority class cannot inflate")},
        {QStringLiteral("precision"), QObject::tr("Precision"),
         QObject::tr("Of the test rows predicted positive, the share that truly are positive")},
        {QStringLiteral("recall"), QObject::tr("Recall"),
         QObject::tr("Of the positive test rows, the share the model finds (the true positive rate)")},
        {QStringLiteral("f1"), QObject::tr("F1"), QObject::tr("Harmonic mean of precision and recall")},
        {QStringLiteral("roc_auc"), QObject::tr("ROC AUC"),
         QObject::tr("Probability that a random positive row scores above a random negative one; 0.5 = chance")},
        {QStringLiteral("baseline"), QObject::tr("Baseline"),
         QObject::tr("Majority baseline: accuracy of always predicting the most frequent training class; a useful model beats it")},
    };
    return specs;
}

const model::MetricValue& cardMetric(const model::PassResult& p, const QString& key)
{
    const auto& s = p.testScores;
    if (key == QLatin1String("balanced_accuracy"))
        return s.balancedAccuracy;
    if (key == QLatin1String("precision"))
        return s.precision;
    if (key == QLatin1String("recall"))
        return s.recall;
    if (key == QLatin1String("f1"))
        return s.f1;
    if (key == QLatin1String("roc_auc"))
        return s.rocAuc;
    if (key == QLatin1String("baseline"))
        return p.baselineTestAccuracy;
    return s.accuracy;
}

} // namespace

MetricCards::MetricCards(QWidget* parent) : QWidget(parent)
{
    // The cards take two lines: four one-line cards a row, each the metric's name, its value after
    // the recipe and the change from the raw-data model (the change's tooltip has the before value,
    // or the reason the metric is n/a).
    auto* cards = new QGridLayout(this);
    cards->setContentsMargins(0, 0, 0, 0);
    cards->setSpacing(3);
    constexpr int kCardsPerRow = 4;
    for (const auto& spec : cardSpecs()) {
        const int index = static_cast<int>(m_cards.size());
        auto* frame = new QFrame;
        frame->setObjectName(QStringLiteral("card_") + spec.key);
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setStyleSheet(QStringLiteral("QFrame#card_%1 { background: palette(base); border: 1px solid #d0d4da; border-radius: 4px; }")
                                 .arg(spec.key));
        frame->setToolTip(spec.tooltip);
        auto* l = new QHBoxLayout(frame);
        l->setContentsMargins(5, 1, 4, 1);
        l->setSpacing(5);
        auto* title = new QLabel(spec.title);
        title->setStyleSheet(QStringLiteral("color: #555; border: none;"));
        Card card;
        card.value = new QLabel(QStringLiteral("—"));
        card.value->setStyleSheet(QStringLiteral("font-size: 11pt; font-weight: 600; border: none;"));
        // One line: a long reason ("n/a — ...") ends in "…" at the card's edge, the tooltip has it all.
        card.detail = new ElidedLabel;
        card.detail->setStyleSheet(QStringLiteral("border: none;"));
        card.detail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // the cards share the width evenly
        QFont small = card.detail->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        card.detail->setFont(small);
        l->addWidget(title);
        l->addWidget(card.value);
        l->addWidget(card.detail, 1);
        cards->addWidget(frame, index / kCardsPerRow, index % kCardsPerRow);
        m_cards[spec.key] = card;
    }
    for (int c = 0; c < kCardsPerRow; ++c)
        cards->setColumnStretch(c, 1);
}

void MetricCards::setPasses(const model::PassResult* before, const model::PassResult* after)
{
    for (auto& [key, card] : m_cards) {
        if (!before) {
            card.value->setText(QStringLiteral("—"));
            card.detail->clear();
            continue;
        }
        const model::MetricValue& beforeValue = cardMetric(*before, key);
        const model::MetricValue* afterValue = after ? &cardMetric(*after, key) : nullptr;
        const model::MetricValue& shown = afterValue ? *afterValue : beforeValue;
        card.value->setText(shown.defined() ? metricText(shown) : QStringLiteral("n/a"));
        card.value->setToolTip(shown.defined() ? QString() : metricText(shown));
        QString detail;
        QString colour = QStringLiteral("#555");
        card.detail->setToolTip(QString());
        if (!shown.defined()) {
            detail = toQString(shown.reason);
            colour = QStringLiteral("#777");
            card.detail->setToolTip(metricText(shown));
        } else if (afterValue && beforeValue.defined()) {
            const double delta = **afterValue - *beforeValue;
            const bool better = delta > 0.0005, worse = delta < -0.0005;
            colour = key == QLatin1String("baseline") ? QStringLiteral("#555")
                     : better                         ? QStringLiteral("#1a7f37")
                     : worse                          ? QStringLiteral("#b42318")
                                                      : QStringLiteral("#555");
            const QString change = QStringLiteral("%1%2").arg(delta >= 0 ? QStringLiteral("+") : QStringLiteral("−"))
                                       .arg(std::abs(delta), 0, 'f', 3);
            detail = QStringLiteral("Δ\u2009%1").arg(change);
            card.detail->setToolTip(tr("Before the recipe %1, after %2 (Δ %3)").arg(metricText(beforeValue), metricText(shown), change));
        } else if (!afterValue)
            detail = tr("raw data only");
        else
            detail = tr("before %1").arg(metricText(beforeValue));
        card.detail->setText(detail);
        card.detail->setStyleSheet(QStringLiteral("border: none; color: %1;").arg(colour));
    }
}

QString MetricCards::value(const QString& metric) const
{
    auto it = m_cards.find(metric);
    return it == m_cards.end() ? QString() : it->second.value->text();
}

QString MetricCards::detail(const QString& metric) const
{
    auto it = m_cards.find(metric);
    return it == m_cards.end() ? QString() : it->second.detail->text();
}

QString MetricCards::detailToolTip(const QString& metric) const
{
    auto it = m_cards.find(metric);
    return it == m_cards.end() ? QString() : it->second.detail->toolTip();
}

} // namespace preplab::desktop
