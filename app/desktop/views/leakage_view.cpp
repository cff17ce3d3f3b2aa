#include "app/desktop/views/leakage_view.h"

#include "app/desktop/charts/model_charts.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/compact_widgets.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace preplab::desktop {
namespace {

struct MetricRow {
    QString title;
    model::MetricValue (*get)(const model::PassResult&);
};

const std::vector<MetricRow>& classificationRows()
{
    static const std::vector<MetricRow> rows = {
        {QObject::tr("Accuracy"), [](const model::PassResult& p) { return p.testScores.accuracy; }},
        {QObject::tr("Balanced accuracy"), [](const model::PassResult& p) { return p.testScores.balancedAccuracy; }},
        {QObject::tr("Precision"), [](const model::PassResult& p) { return p.testScores.precision; }},
        {QObject::tr("Recall"), [](const model::PassResult& p) { return p.testScores.recall; }},
        {QObject::tr("F1"), [](const model::PassResult& p) { return p.testScores.f1; }},
        {QObject::tr("ROC AUC"), [](const model::PassResult& p) { return p.testScores.rocAuc; }},
        {QObject::tr("Log loss"), [](const model::PassResult& p) { return p.testScores.logLoss; }},
    };
    return rows;
}

const std::vector<MetricRow>& regressionRows()
{
    static const std::vector<MetricRow> rows = {
        {QObject::tr("MAE"), [](const model::PassResult& p) { return p.testRegression.mae; }},
        {QObject::tr("RMSE"), [](const model::PassResult& p) { return p.testRegression.rmse; }},
        {QObject::tr("R²"), [](const model::PassResult& p) { return p.testRegression.r2; }},
    };
    return rows;
}

QTableWidget* makeTable(const QStringList& headers, const QString& tooltip)
{
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    t->setToolTip(tooltip);
    return t;
}

QTableWidgetItem* cell(const QString& text, bool number = true)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    return item;
}

QString signedNumber(double v, int decimals)
{
    return (v >= 0 ? QStringLiteral("+") : QStringLiteral("−")) + QString::number(std::abs(v), 'f', decimals);
}

QWidget* titled(const QString& title, QWidget* body, QWidget* below = nullptr)
{
    auto* box = new QWidget;
    auto* l = new QVBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(2);
    l->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(title)));
    l->addWidget(body, 1);
    if (below)
        l->addWidget(below);
    return box;
}

} // namespace

LeakageView::LeakageView(QWidget* parent) : QWidget(parent)
{
    m_sentence = new QLabel;
    m_sentence->setObjectName(QStringLiteral("LeakageSentence"));
    makeWrapping(m_sentence);
    m_sentence->setTextFormat(Qt::RichText);
    m_sentence->setToolTip(tr("The recipe is run a second time with every fitted step (imputers, scalers, transforms, "
                              "encoders, outlier bounds, discretizers) fitted on all rows, test rows included, and the "
                              "same model is scored on the same test rows"));
    m_metrics = makeTable({tr("Test metric"), tr("Raw data"), tr("Recipe fitted on\ntraining rows"),
                           tr("Recipe fitted on\nall rows"), tr("Change")},
                          tr("Test-row metrics of the three models; Change = fitted on all rows minus fitted on "
                             "training rows. A gain here is not real: it comes from having seen the test rows."));
    m_parameters = makeTable({tr("Step"), tr("Learned value"), tr("From training rows"), tr("From all rows"), tr("Change")},
                             tr("What each fitted step learned from the training rows (what the recipe uses) and "
                                "from all rows (the leak)"));
    m_metrics->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_parameters->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_parameters->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_parametersNote = new QLabel;
    makeWrapping(m_parametersNote);
    m_parametersNote->setStyleSheet(QStringLiteral("color: #555;"));

    auto* tables = new QHBoxLayout;
    tables->addWidget(titled(tr("Test metrics"), m_metrics), 4);
    tables->addWidget(titled(tr("Learned values: training rows vs all rows"), m_parameters, m_parametersNote), 5);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_sentence);
    layout->addLayout(tables, 1);
}

void LeakageView::setComparison(const ModelComparison& c)
{
    const QString lesson = tr("<br><span style='color:#555'>Lesson: anything fitted (imputer, scaler, encoder, "
                              "selector) must be fitted on the training rows only.</span>");
    if (!c.error.empty() || !c.before)
        m_sentence->setText(tr("No model yet."));
    else if (!c.recipeError.empty())
        m_sentence->setText(tr("The recipe failed, so there is nothing to fit on all rows."));
    else if (!c.leakageError.empty())
        m_sentence->setText(tr("The recipe fitted on all rows failed: %1").arg(toQString(c.leakageError).toHtmlEscaped()));
    else if (!c.leakage)
        m_sentence->setText(tr("The recipe has no fitted step (impute, scale, transform, encode, clip outliers, "
                               "discretize), so no step can learn from the test rows.") +
                            lesson);
    else
        m_sentence->setText(toQString(c.leakageSentence).toHtmlEscaped() + lesson);
    fillMetrics(c);
    fillParameters(c);
}

void LeakageView::fillMetrics(const ModelComparison& c)
{
    m_metrics->setRowCount(0);
    if (!c.before || !c.after || !c.leakage)
        return;
    const auto& rows = c.before->classification ? classificationRows() : regressionRows();
    m_metrics->setRowCount(static_cast<int>(rows.size()) + 1);
    const model::PassResult& leaky = c.leakage->leaky;
    m_metrics->setItem(0, 0, cell(tr("Rows (train / test)"), false));
    const model::PassResult* passes[] = {&*c.before, &*c.after, &leaky};
    for (int k = 0; k < 3; ++k)
        m_metrics->setItem(0, k + 1, cell(QStringLiteral("%1 / %2").arg(passes[k]->trainRows).arg(passes[k]->testRows)));
    m_metrics->setItem(0, 4, cell(QString()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const int r = static_cast<int>(i) + 1;
        m_metrics->setItem(r, 0, cell(rows[i].title, false));
        for (int k = 0; k < 3; ++k) {
            const model::MetricValue v = rows[i].get(*passes[k]);
            m_metrics->setItem(r, k + 1, cell(v.defined() ? metricText(v, 4) : QStringLiteral("n/a")));
        }
        const model::MetricValue a = rows[i].get(*c.after), b = rows[i].get(leaky);
        m_metrics->setItem(r, 4, cell(a.defined() && b.defined() ? signedNumber(*b - *a, 4) : QStringLiteral("n/a")));
    }
    m_metrics->resizeRowsToContents();
}

void LeakageView::fillParameters(const ModelComparison& c)
{
    m_parameters->setRowCount(0);
    m_parametersNote->clear();
    if (!c.leakage)
        return;
    int row = 0;
    QStringList notes;
    for (const auto& step : c.leakage->steps) {
        const QString name = tr("%1 · %2").arg(step.stepIndex + 1).arg(toQString(step.op));
        for (const auto& d : step.differences) {
            m_parameters->insertRow(row);
            m_parameters->setItem(row, 0, cell(name, false));
            m_parameters->setItem(row, 1, cell(toQString(d.parameter), false));
            m_parameters->setItem(row, 2, cell(d.trainValue ? QString::number(*d.trainValue, 'g', 6) : toQString(d.trainText)));
            m_parameters->setItem(row, 3, cell(d.allValue ? QString::number(*d.allValue, 'g', 6) : toQString(d.allText)));
            m_parameters->setItem(row, 4, cell(d.trainValue && d.allValue ? QString::number(d.difference(), 'g', 6)
                                                                          : QStringLiteral("—")));
            ++row;
        }
        notes << tr("step %1 (%2): fitted on %3 training rows vs %4 rows; %5 of %6 learned values differ%7")
                     .arg(step.stepIndex + 1)
                     .arg(toQString(step.op))
                     .arg(step.trainFitRows)
                     .arg(step.allFitRows)
                     .arg(step.differing)
                     .arg(step.parameters)
                     .arg(step.differing > step.differences.size() ? tr(" (the first %1 listed)").arg(step.differences.size())
                                                                   : QString());
    }
    m_parameters->resizeRowsToContents();
    m_parametersNote->setText(notes.join(QStringLiteral("; ")));
}

} // namespace preplab::desktop
