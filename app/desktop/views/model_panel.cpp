#include "app/desktop/views/model_panel.h"

#include "app/desktop/charts/model_charts.h"
#include "app/desktop/views/compact_widgets.h"
#include "app/desktop/views/leakage_view.h"
#include "app/desktop/views/metric_cards.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/workers/bias_analysis.h"
#include "app/desktop/workers/latest_task.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace preplab::desktop {
namespace {

const QString kNoGroups = QObject::tr("(none)");
const QString kAutomatic = QObject::tr("(automatic)");

QChartView* makeChartView(const QString& tooltip)
{
    auto* view = new QChartView(new QChart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(170, 150);
    view->setToolTip(tooltip);
    return view;
}

QTableWidget* makeConfusionTable(const QString& tooltip)
{
    auto* t = new QTableWidget;
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    t->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    t->setToolTip(tooltip);
    t->setMinimumHeight(90);
    t->setMaximumHeight(170);
    return t;
}

// Counts at a threshold as confusion rows [truth][predicted] in class-code order.
std::vector<std::vector<double>> binaryCounts(const model::ThresholdPoint& p, int positiveClass)
{
    std::vector<std::vector<double>> c(2, std::vector<double>(2, 0));
    const std::size_t pos = static_cast<std::size_t>(positiveClass), neg = 1 - pos;
    c[pos][pos] = p.tp;
    c[pos][neg] = p.fn;
    c[neg][pos] = p.fp;
    c[neg][neg] = p.tn;
    return c;
}

std::vector<std::vector<double>> fullCounts(const model::ConfusionMatrix& m, std::size_t k)
{
    std::vector<std::vector<double>> c(k, std::vector<double>(k, 0));
    for (std::size_t r = 0; r < k; ++r)
        for (std::size_t col = 0; col < k; ++col) {
            const int ir = m.indexOf(static_cast<int>(r)), ic = m.indexOf(static_cast<int>(col));
            if (ir >= 0 && ic >= 0)
                c[r][col] = m.counts(ir, ic);
        }
    return c;
}

QWidget* titled(const QString& title, QWidget* body)
{
    auto* box = new QWidget;
    auto* l = new QVBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(2);
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(title));
    l->addWidget(label);
    l->addWidget(body, 1);
    return box;
}

} // namespace

ModelPanel::ModelPanel(QWidget* parent) : QWidget(parent)
{
    qRegisterMetaType<ModelComparison>();
    m_task = new LatestTask(this);
    m_task->setDebounceMs(300);
    connect(m_task, &LatestTask::started, this, [this] {
        m_progress->setValue(0);
        m_progress->show();
        m_status->setText(tr("Training…"));
    });
    connect(m_task, &LatestTask::progressChanged, this, [this](int permille, const QString& stage) {
        m_progress->setValue(permille);
        m_status->setText(stage);
    });
    connect(m_task, &LatestTask::finished, this, [this](const QVariant& v) { onFinished(v.value<ModelComparison>()); });

    m_target = new QComboBox;
    m_target->setToolTip(tr("The column the model predicts"));
    m_positive = new QComboBox;
    m_positive->setToolTip(tr("The class whose precision, recall, F1 and ROC curve are shown (binary targets)"));
    m_model = new QComboBox;
    m_model->addItem(tr("Logistic regression"), QStringLiteral("logistic"));
    m_model->addItem(tr("Decision tree"), QStringLiteral("tree"));
    m_model->addItem(tr("Random forest"), QStringLiteral("forest"));
    m_model->addItem(tr("k nearest neighbours"), QStringLiteral("knn"));
    m_model->addItem(tr("Majority class"), QStringLiteral("majority"));
    m_model->setToolTip(tr("A quick model with scikit-learn's defaults, trained on 75% of the rows and scored on the other 25%"));
    m_parameterLabel = new QLabel;
    m_parameter = new QSpinBox;
    m_sensitive = new QComboBox;
    m_sensitive->setToolTip(tr("Per-group metrics are computed for the groups of this column (of the original data)"));
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("ModelStatus"));
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    for (QComboBox* box : {m_target, m_positive, m_model, m_sensitive})
        makeCompact(box, 6);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Target")));
    controls->addWidget(m_target, 1);
    controls->addWidget(new QLabel(tr("Positive class")));
    controls->addWidget(m_positive, 1);
    controls->addWidget(new QLabel(tr("Model")));
    controls->addWidget(m_model, 1);
    controls->addWidget(m_parameterLabel);
    controls->addWidget(m_parameter);
    controls->addWidget(new QLabel(tr("Groups")));
    controls->addWidget(m_sensitive, 1);
    controls->addWidget(m_progress);

    m_metricCards = new MetricCards;

    m_rocView = makeChartView(tr("True positive rate against false positive rate as the threshold falls; the marker is the "
                                 "slider's threshold on the recipe's model"));
    m_prView = makeChartView(tr("Precision against recall as the threshold falls; useful when positives are rare"));
    m_beforeConfusion = makeConfusionTable(tr("Test rows: true class in rows, predicted class in columns (raw data)"));
    m_afterConfusion = makeConfusionTable(tr("Test rows: true class in rows, predicted class in columns (after the recipe)"));
    m_threshold = new QSlider(Qt::Horizontal);
    m_threshold->setRange(1, 99);
    m_threshold->setValue(50);
    m_threshold->setToolTip(tr("Rows whose predicted probability of the positive class is at least this value are predicted positive"));
    m_thresholdLabel = new QLabel;
    m_thresholdSummary = new QLabel;
    m_thresholdSummary->setTextFormat(Qt::RichText);
    makeWrapping(m_thresholdSummary);

    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto* matrices = new QHBoxLayout;
    matrices->addWidget(titled(tr("Before (raw data)"), m_beforeConfusion));
    matrices->addWidget(titled(tr("After (recipe)"), m_afterConfusion));
    auto* matricesTitle = new QLabel(tr("<b>Confusion matrices</b> (test rows; rows = truth, columns = prediction)"));
    matricesTitle->setWordWrap(true);
    sideLayout->addWidget(matricesTitle);
    sideLayout->addLayout(matrices);
    auto* sliderRow = new QHBoxLayout;
    sliderRow->addWidget(m_thresholdLabel);
    sliderRow->addWidget(m_threshold, 1);
    sideLayout->addLayout(sliderRow);
    sideLayout->addWidget(m_thresholdSummary);
    sideLayout->addStretch(1);

    auto* curves = new QWidget;
    auto* curvesLayout = new QHBoxLayout(curves);
    curvesLayout->setContentsMargins(4, 4, 4, 4);
    curvesLayout->setContentsMargins(0, 2, 0, 0);
    curvesLayout->addWidget(m_rocView, 4);
    curvesLayout->addWidget(m_prView, 4);
    curvesLayout->addWidget(side, 4);

    m_groupMetric = new QComboBox;
    m_groupMetric->addItem(tr("Accuracy"), QStringLiteral("accuracy"));
    m_groupMetric->addItem(tr("Selection rate"), QStringLiteral("selection_rate"));
    m_groupMetric->addItem(tr("True positive rate"), QStringLiteral("tpr"));
    m_groupMetric->addItem(tr("False positive rate"), QStringLiteral("fpr"));
    m_groupMetric->setToolTip(tr("Selection rate = share predicted positive; TPR = share of positives found; FPR = share "
                                 "of negatives wrongly predicted positive. Equal TPR and FPR across groups = equalized odds."));
    m_groupView = makeChartView(tr("The metric on each group's test rows, before and after the recipe"));
    auto* groupsPage = new QWidget;
    auto* groupsLayout = new QVBoxLayout(groupsPage);
    auto* groupsTop = new QHBoxLayout;
    groupsTop->addWidget(new QLabel(tr("Metric")));
    groupsTop->addWidget(m_groupMetric);
    groupsTop->addStretch(1);
    groupsLayout->addLayout(groupsTop);
    groupsLayout->addWidget(m_groupView, 1);

    m_validationView = makeChartView(tr("Train and test score as the model's complexity grows: a widening gap means "
                                        "over-fitting"));

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(curves, tr("Curves and threshold"));
    m_tabs->addTab(groupsPage, tr("Per group"));
    m_tabs->addTab(m_validationView, tr("Validation curve"));
    m_leakageView = new LeakageView;
    m_tabs->addTab(m_leakageView, tr("Fitted on all rows (leakage)"));
    m_tabs->setTabToolTip(3, tr("The same recipe with every fitted step fitted on all rows, test rows included"));

    m_leakageSummary = new QLabel;
    m_leakageSummary->setObjectName(QStringLiteral("LeakageSummary"));
    m_leakageSummary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);  // one line, cut at the edge
    m_leakageSummary->setToolTip(tr("What fitting the recipe's steps on all rows instead of the training rows changes; "
                                    "details in the \"Fitted on all rows\" tab"));
    m_leakageSummary->hide();
    m_splitNote = new ElidedLabel;
    m_splitNote->setObjectName(QStringLiteral("SplitNote"));
    m_splitNote->setStyleSheet(QStringLiteral("color: #a04000;"));
    // One line whatever its length: it ends in "…" at the panel's edge, the tooltip has it all.
    m_splitNote->hide();
    // The tab repeats the line in full.
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this] { m_leakageSummary->setVisible(m_comparison.leakage && m_tabs->currentWidget() != m_leakageView); });

    // Below this height the charts' axis labels are cut: the panel scrolls instead.
    m_tabs->setMinimumHeight(270);
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(3);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_metricCards);
    layout->addWidget(m_splitNote);
    layout->addWidget(m_leakageSummary);
    layout->addWidget(m_tabs, 1);
    auto* scroll = new ScrollPanel(content);
    scroll->setObjectName(QStringLiteral("ModelScroll"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto changed = [this] {
        if (!m_updating)
            recompute();
    };
    connect(m_target, &QComboBox::currentTextChanged, this, [this] {
        if (m_updating)
            return;
        fillTargetChoices();
        recompute();
    });
    connect(m_positive, &QComboBox::currentTextChanged, this, changed);
    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        updateParameterSpin();
        if (!m_updating)
            recompute();
    });
    connect(m_parameter, &QSpinBox::valueChanged, this, changed);
    connect(m_sensitive, &QComboBox::currentTextChanged, this, changed);
    connect(m_threshold, &QSlider::valueChanged, this, &ModelPanel::updateThreshold);
    connect(m_groupMetric, &QComboBox::currentIndexChanged, this, &ModelPanel::showGroups);
    updateParameterSpin();
    updateThreshold();
}

QChart* ModelPanel::rocChart() const { return m_rocView->chart(); }
QChart* ModelPanel::prChart() const { return m_prView->chart(); }
QChart* ModelPanel::groupChart() const { return m_groupView->chart(); }
QChart* ModelPanel::validationChart() const { return m_validationView->chart(); }

QString ModelPanel::cardValue(const QString& metric) const { return m_metricCards->value(metric); }

QString ModelPanel::cardDetail(const QString& metric) const { return m_metricCards->detail(metric); }

QString ModelPanel::cardDetailToolTip(const QString& metric) const { return m_metricCards->detailToolTip(metric); }

void ModelPanel::updateParameterSpin()
{
    const QString model = m_model->currentData().toString();
    const bool updating = m_updating;
    m_updating = true;
    if (model == QLatin1String("knn")) {
        m_parameterLabel->setText(tr("k"));
        m_parameter->setRange(1, 99);
        m_parameter->setSpecialValueText({});
        m_parameter->setValue(5);
        m_parameter->setToolTip(tr("Number of neighbours that vote"));
    } else if (model == QLatin1String("tree") || model == QLatin1String("forest")) {
        m_parameterLabel->setText(tr("Max depth"));
        m_parameter->setRange(0, 50);
        m_parameter->setSpecialValueText(tr("unlimited"));
        m_parameter->setValue(0);
        m_parameter->setToolTip(tr("Deepest split of a tree; unlimited grows until the leaves are pure"));
    }
    const bool hasParameter = model == QLatin1String("knn") || model == QLatin1String("tree") || model == QLatin1String("forest");
    m_parameterLabel->setVisible(hasParameter);
    m_parameter->setVisible(hasParameter);
    m_updating = updating;
}

void ModelPanel::setRecipe(std::shared_ptr<const Table> source, std::vector<nlohmann::json> steps, const std::string& target)
{
    const bool newSource = source != m_source;
    if (!newSource && steps == m_steps && (target.empty() || toQString(target) == m_target->currentText()))
        return;
    m_source = std::move(source);
    m_steps = std::move(steps);
    if (newSource) {
        m_updating = true;
        const QString previous = m_target->currentText();
        m_target->clear();
        m_sensitive->clear();
        m_sensitive->addItem(kNoGroups);
        if (m_source)
            for (const auto& name : m_source->names()) {
                m_target->addItem(toQString(name));
                m_sensitive->addItem(toQString(name));
            }
        QString t = !target.empty() ? toQString(target) : previous;
        if (m_target->findText(t) < 0 && m_source)
            t = toQString(likelyTarget(*m_source));
        m_target->setCurrentText(t);
        if (m_source) {
            const auto guess = likelySensitiveColumns(*m_source);
            m_sensitive->setCurrentText(guess.empty() ? kNoGroups : toQString(guess.front()));
        }
        m_updating = false;
        fillTargetChoices();
    } else if (!target.empty() && m_target->currentText() != toQString(target)) {
        m_updating = true;
        m_target->setCurrentText(toQString(target));
        m_updating = false;
        fillTargetChoices();
    }
    recompute();
}

void ModelPanel::setChoices(const std::string& target, const std::string& positive, const std::string& model,
                            const std::string& sensitive)
{
    m_updating = true;
    m_target->setCurrentText(toQString(target));
    m_updating = false;
    fillTargetChoices();
    m_updating = true;
    m_positive->setCurrentText(positive.empty() ? kAutomatic : toQString(positive));
    const int index = m_model->findData(toQString(model));
    if (index >= 0)
        m_model->setCurrentIndex(index);
    updateParameterSpin();
    m_updating = true;
    m_sensitive->setCurrentText(sensitive.empty() ? kNoGroups : toQString(sensitive));
    m_updating = false;
    recompute();
}

void ModelPanel::setThreshold(double threshold) { m_threshold->setValue(static_cast<int>(std::lround(threshold * 100))); }

double ModelPanel::threshold() const { return m_threshold->value() / 100.0; }

void ModelPanel::fillTargetChoices()
{
    const QString previous = m_positive->currentText();
    m_updating = true;
    m_positive->clear();
    m_positive->addItem(kAutomatic);
    if (m_source)
        for (const auto& v : distinctValues(*m_source, toStdString(m_target->currentText()), 30))
            m_positive->addItem(toQString(v));
    m_positive->setCurrentText(m_positive->findText(previous) >= 0 ? previous : kAutomatic);
    m_updating = false;
}

void ModelPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        recompute();
}

void ModelPanel::recompute()
{
    if (m_updating || !m_source)
        return;
    // Training is the costliest figure of the app: only while the panel is on screen.
    m_stale = !isVisible();
    if (m_stale)
        return;
    ModelRequest request;
    request.source = m_source;
    request.steps = m_steps;
    request.target = toStdString(m_target->currentText());
    request.positive = m_positive->currentText() == kAutomatic ? std::string() : toStdString(m_positive->currentText());
    request.sensitive = m_sensitive->currentText() == kNoGroups ? std::string() : toStdString(m_sensitive->currentText());
    request.model.name = toStdString(m_model->currentData().toString());
    if (request.model.name == "knn")
        request.model.k = m_parameter->value();
    else if ((request.model.name == "tree" || request.model.name == "forest") && m_parameter->value() > 0)
        request.model.maxDepth = m_parameter->value();
    m_task->request([request](const Progress& progress) { return QVariant::fromValue(compareModels(request, progress)); });
}

void ModelPanel::onFinished(const ModelComparison& comparison)
{
    m_comparison = comparison;
    m_progress->hide();
    if (!comparison.error.empty())
        m_status->setText(QStringLiteral("<span style='color:#a04000'>%1</span>").arg(toQString(comparison.error).toHtmlEscaped()));
    else if (!comparison.recipeError.empty())
        m_status->setText(QStringLiteral("<span style='color:#a04000'>%1</span>")
                              .arg(tr("The recipe failed, only the raw-data model is shown: %1").arg(toQString(comparison.recipeError)).toHtmlEscaped()));
    else if (comparison.after)
        m_status->setText(tr("%1 train / %2 test rows · recipe: %3 train rows (%4 synthetic)")
                              .arg(comparison.before->trainRows)
                              .arg(comparison.before->testRows)
                              .arg(comparison.after->trainRows)
                              .arg(comparison.after->syntheticTrainRows));
    m_status->setToolTip(m_status->text());
    updateCards();
    const QString note = toQString(comparison.splitNote);
    m_splitNote->setText(note.isEmpty() ? QString() : tr("Split: %1").arg(note));
    m_splitNote->setToolTip(note.isEmpty() ? QString()
                                           : tr("The split asked for stratification by the target's class but is a plain "
                                                "seeded split: %1").arg(note));
    m_splitNote->setVisible(!note.isEmpty());
    m_leakageView->setComparison(comparison);
    m_leakageSummary->setText(tr("<b>Fitted on all rows:</b> %1").arg(toQString(comparison.leakageSentence).toHtmlEscaped()));
    m_leakageSummary->setToolTip(tr("What fitting the recipe's steps on all rows instead of the training rows changes "
                                    "(details in the \"Fitted on all rows\" tab): %1")
                                     .arg(toQString(comparison.leakageSentence)));
    m_leakageSummary->setVisible(comparison.leakage && m_tabs->currentWidget() != m_leakageView);

    const QString undefined = toQString(comparison.error.empty() ? comparison.curvesUndefinedReason : comparison.error);
    const model::RocCurve* rocBefore = comparison.beforeCurves ? &comparison.beforeCurves->roc : nullptr;
    const model::RocCurve* rocAfter = comparison.afterCurves ? &comparison.afterCurves->roc : nullptr;
    drawRoc(rocChart(), rocBefore, rocAfter, undefined);
    drawPrecisionRecall(prChart(), comparison.beforeCurves ? &comparison.beforeCurves->pr : nullptr,
                        comparison.afterCurves ? &comparison.afterCurves->pr : nullptr, undefined);
    showGroups();
    drawValidationCurve(validationChart(), comparison.validation, toQString(comparison.validationParameter),
                        toQString(comparison.validationUndefinedReason.empty() ? comparison.error
                                                                               : comparison.validationUndefinedReason));
    m_threshold->setEnabled(comparison.beforeCurves.has_value());
    updateThreshold();
    Q_EMIT comparisonShown();
}

void ModelPanel::updateCards()
{
    m_metricCards->setPasses(m_comparison.before ? &*m_comparison.before : nullptr,
                             m_comparison.after ? &*m_comparison.after : nullptr);
}

void ModelPanel::showGroups()
{
    const auto& c = m_comparison;
    auto groups = [](const std::optional<model::PassResult>& p) -> const model::GroupMetrics* {
        return p && !p->groups.empty() ? &p->groups.front().metrics : nullptr;
    };
    drawGroupMetric(groupChart(), groups(c.before), groups(c.after), toStdString(m_groupMetric->currentData().toString()));
}

void ModelPanel::updateThreshold()
{
    const double t = threshold();
    m_thresholdLabel->setText(tr("Threshold %1").arg(t, 0, 'f', 2));
    const auto& c = m_comparison;
    if (!c.before) {
        m_beforeConfusion->clear();
        m_afterConfusion->clear();
        m_thresholdSummary->clear();
        return;
    }
    if (!c.beforeCurves) {
        // Multiclass or regression: the model's own predictions, no threshold.
        fillConfusion(m_beforeConfusion, c.before->classNames,
                      fullCounts(c.before->testScores.confusion, c.before->classNames.size()));
        if (c.after)
            fillConfusion(m_afterConfusion, c.after->classNames,
                          fullCounts(c.after->testScores.confusion, c.after->classNames.size()));
        else
            m_afterConfusion->clear();
        m_thresholdSummary->setText(tr("Threshold: n/a — %1").arg(toQString(c.curvesUndefinedReason)));
        return;
    }
    auto at = [t](const PassCurves& curves) { return model::thresholdSweep(curves.yTrue, curves.scores, 1, {t}).front(); };
    const model::ThresholdPoint before = at(*c.beforeCurves);
    fillConfusion(m_beforeConfusion, c.before->classNames, binaryCounts(before, c.before->positiveClass));
    QString summary = tr("At %1: precision %2, recall %3, F1 %4 (raw data)")
                          .arg(t, 0, 'f', 2)
                          .arg(metricText(before.precision), metricText(before.recall), metricText(before.f1));
    const PassCurves* marked = &*c.beforeCurves;
    model::ThresholdPoint point = before;
    if (c.after && c.afterCurves) {
        const model::ThresholdPoint after = at(*c.afterCurves);
        fillConfusion(m_afterConfusion, c.after->classNames, binaryCounts(after, c.after->positiveClass));
        summary = tr("At %1 — <b>after</b>: precision %2, recall %3, F1 %4<br>before: precision %5, recall %6, F1 %7")
                      .arg(t, 0, 'f', 2)
                      .arg(metricText(after.precision), metricText(after.recall), metricText(after.f1),
                           metricText(before.precision), metricText(before.recall), metricText(before.f1));
        marked = &*c.afterCurves;
        point = after;
    } else {
        m_afterConfusion->clear();
    }
    double positives = 0, negatives = 0;
    for (int y : marked->yTrue)
        (y ? positives : negatives) += 1;
    const double fpr = negatives > 0 ? point.fp / negatives : NAN;
    const double tpr = positives > 0 ? point.tp / positives : NAN;
    setThresholdMarker(rocChart(), fpr, tpr);
    setThresholdMarker(prChart(), point.recall.valueOr(NAN), point.precision.valueOr(NAN));
    m_thresholdSummary->setText(summary);
}

} // namespace preplab::desktop
