// Model panel: the before/after comparison it trains on the penguins sample (target sex) and the
// figures it shows: metric cards, ROC and PR series, confusion matrices at the slider's
// threshold, per-group bars and the validation curve all equal core/model's numbers. Screenshots
// of each tab at 1280x720 go to build/screenshots/.
#include "app_test_support.h"

#include "app/desktop/charts/model_charts.h"
#include "app/desktop/views/model_panel.h"
#include "app/desktop/workers/latest_task.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTabWidget>
#include <QTableWidget>

using namespace preplab;
using namespace preplab::desktop;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

void settle(ModelPanel& panel)
{
    panel.task()->waitForIdle();
    QApplication::processEvents();
}

QLineSeries* lineNamed(QChart* chart, const QString& name)
{
    for (QAbstractSeries* s : chart->series())
        if (auto* line = qobject_cast<QLineSeries*>(s); line && line->name() == name)
            return line;
    return nullptr;
}

QScatterSeries* marker(QChart* chart)
{
    for (QAbstractSeries* s : chart->series())
        if (auto* m = qobject_cast<QScatterSeries*>(s); m && m->name() == kThresholdSeries)
            return m;
    return nullptr;
}

const nlohmann::json kOversample = {{"op", "resample"}, {"method", "random_over"}, {"seed", 1}};

} // namespace

TEST_CASE("Model comparison: same split before and after the recipe, test rows never resampled", "[app][model]")
{
    const auto penguins = testing::loadPenguins().table;
    ModelRequest request;
    request.source = penguins;
    request.steps = {kOversample};
    request.target = "sex";
    request.positive = "male";
    request.sensitive = "species";
    request.model.name = "logistic";
    const ModelComparison c = compareModels(request);
    INFO(c.error << c.recipeError);
    REQUIRE(c.error.empty());
    REQUIRE(c.before);
    REQUIRE(c.after);
    // 333 rows have sex; 11 miss it. The test rows are the same 25% in both passes.
    CHECK(c.before->testRows == c.after->testRows);
    CHECK(c.before->trainRows + c.before->testRows == 333);
    CHECK(c.after->trainRows > c.before->trainRows);  // over-sampling added training rows only
    REQUIRE(c.beforeCurves);
    REQUIRE(c.afterCurves);
    CHECK(c.beforeCurves->yTrue.size() == c.before->testRows);
    // The panel's curves are core/model's curves of the pass' test predictions.
    const auto roc = model::rocCurve(c.afterCurves->yTrue, c.afterCurves->scores, 1);
    CHECK(roc.fpr == c.afterCurves->roc.fpr);
    CHECK_THAT(model::trapezoidArea(roc.fpr, roc.tpr), WithinRel(*c.after->testScores.rocAuc, 1e-9));
    CHECK(c.validationParameter == "c");
    CHECK(c.validation.size() == 6);

    // Degenerate requests are explained.
    ModelRequest none = request;
    none.source = nullptr;
    CHECK(compareModels(none).error == "no data loaded");
    ModelRequest badTarget = request;
    badTarget.target = "nope";
    CHECK(compareModels(badTarget).error.find("'nope'") != std::string::npos);
    ModelRequest badRecipe = request;
    badRecipe.steps = {{{"op", "drop_missing"}, {"columns", {"no_such_column"}}}};
    const ModelComparison failed = compareModels(badRecipe);
    CHECK(failed.before);
    CHECK_FALSE(failed.after);
    CHECK_FALSE(failed.recipeError.empty());
}

TEST_CASE("Model panel: cards, curves, threshold and groups show the core's figures", "[app][model][screenshot]")
{
    const auto penguins = testing::loadPenguins().table;
    ModelPanel panel;
    panel.resize(1280, 720);
    panel.show();
    panel.setRecipe(penguins, {kOversample}, "sex");
    panel.setChoices("sex", "male", "logistic", "species");
    settle(panel);
    const ModelComparison& c = panel.comparison();
    REQUIRE(c.before);
    REQUIRE(c.after);

    CHECK(panel.cardValue(QStringLiteral("accuracy")) == metricText(c.after->testScores.accuracy));
    CHECK(panel.cardValue(QStringLiteral("roc_auc")) == metricText(c.after->testScores.rocAuc));
    CHECK(panel.cardValue(QStringLiteral("baseline")) == metricText(c.after->baselineTestAccuracy));
    CHECK(panel.cardDetail(QStringLiteral("f1")).contains(QStringLiteral("Δ")));
    CHECK(panel.cardDetailToolTip(QStringLiteral("f1")).contains(metricText(c.before->testScores.f1)));

    QLineSeries* after = lineNamed(panel.rocChart(), kAfterSeries);
    QLineSeries* before = lineNamed(panel.rocChart(), kBeforeSeries);
    REQUIRE(after);
    REQUIRE(before);
    REQUIRE(after->count() == static_cast<int>(c.afterCurves->roc.fpr.size()) - 0);
    for (int i = 0; i < after->count(); ++i) {
        CHECK(after->at(i).x() == c.afterCurves->roc.fpr[static_cast<std::size_t>(i)]);
        CHECK(after->at(i).y() == c.afterCurves->roc.tpr[static_cast<std::size_t>(i)]);
    }
    REQUIRE(lineNamed(panel.prChart(), kAfterSeries));
    CHECK(lineNamed(panel.prChart(), kAfterSeries)->count() == static_cast<int>(c.afterCurves->pr.recall.size()));

    // At the default threshold 0.5 the binary confusion matrix equals the model's predictions.
    panel.setThreshold(0.5);
    QTableWidget* matrix = panel.afterConfusion();
    REQUIRE(matrix->rowCount() == 2);
    const auto& confusion = c.after->testScores.confusion;
    double sum = 0;
    for (int r = 0; r < 2; ++r)
        for (int col = 0; col < 2; ++col) {
            CHECK(matrix->item(r, col)->text().toDouble() == confusion.counts(r, col));
            sum += matrix->item(r, col)->text().toDouble();
        }
    CHECK(sum == static_cast<double>(c.after->testRows));
    testing::saveScreenshot(panel, QStringLiteral("model_panel_curves.png"));

    // Moving the threshold moves the ROC marker to the sweep's (FPR, TPR) and updates the matrix.
    panel.setThreshold(0.8);
    const auto point = model::thresholdSweep(c.afterCurves->yTrue, c.afterCurves->scores, 1, {0.8}).front();
    double positives = 0;
    for (int y : c.afterCurves->yTrue)
        positives += y;
    const double negatives = static_cast<double>(c.afterCurves->yTrue.size()) - positives;
    QScatterSeries* m = marker(panel.rocChart());
    REQUIRE(m);
    REQUIRE(m->count() == 1);
    CHECK_THAT(m->at(0).x(), WithinRel(point.fp / negatives, 1e-12));
    CHECK_THAT(m->at(0).y(), WithinRel(point.tp / positives, 1e-12));
    const int pos = c.after->positiveClass;
    CHECK(matrix->item(pos, pos)->text().toDouble() == point.tp);
    CHECK(panel.thresholdSummary()->text().contains(metricText(point.f1)));

    // Per group: accuracy of each species' test rows, before and after.
    panel.tabs()->setCurrentIndex(1);
    QApplication::processEvents();
    QBarSeries* bars = nullptr;
    for (QAbstractSeries* s : panel.groupChart()->series())
        if (auto* b = qobject_cast<QBarSeries*>(s))
            bars = b;
    REQUIRE(bars);
    REQUIRE(bars->count() == 2);
    const auto& groups = c.after->groups.at(0).metrics.groups;
    REQUIRE(bars->barSets().at(1)->count() == static_cast<int>(groups.size()));
    for (std::size_t g = 0; g < groups.size(); ++g)
        CHECK(bars->barSets().at(1)->at(static_cast<int>(g)) == groups[g].accuracy.valueOr(0));
    testing::saveScreenshot(panel, QStringLiteral("model_panel_groups.png"));
}

TEST_CASE("Model panel: tree validation curve and a multiclass target", "[app][model][screenshot]")
{
    const auto penguins = testing::loadPenguins().table;
    ModelPanel panel;
    panel.resize(1280, 720);
    panel.show();
    panel.setRecipe(penguins, {}, "species");
    panel.setChoices("species", "", "tree", "island");
    settle(panel);
    const ModelComparison& c = panel.comparison();
    REQUIRE(c.before);
    REQUIRE(c.after);
    // Three species: no single positive class, so no ROC curve and no threshold; the matrix is 3x3.
    CHECK_FALSE(c.beforeCurves);
    CHECK(c.curvesUndefinedReason.find("more than two classes") != std::string::npos);
    CHECK(panel.afterConfusion()->rowCount() == 3);
    CHECK(panel.rocChart()->title().contains(QStringLiteral("more than two classes")));
    CHECK(panel.cardValue(QStringLiteral("precision")) == QStringLiteral("n/a"));
    // An empty recipe changes nothing.
    CHECK(*c.before->testScores.accuracy == *c.after->testScores.accuracy);

    REQUIRE(c.validationParameter == "max_depth");
    REQUIRE(c.validation.size() == 10);
    QLineSeries* test = lineNamed(panel.validationChart(), QObject::tr("Test score"));
    REQUIRE(test);
    REQUIRE(test->count() == 10);
    for (int i = 0; i < test->count(); ++i) {
        CHECK(test->at(i).x() == c.validation[static_cast<std::size_t>(i)].parameter);
        CHECK(test->at(i).y() == *c.validation[static_cast<std::size_t>(i)].score.test);
    }
    panel.tabs()->setCurrentIndex(2);
    QApplication::processEvents();
    testing::saveScreenshot(panel, QStringLiteral("model_panel_validation.png"));
}

TEST_CASE("Model panel: a split that cannot be stratified shows a one-line note", "[app][model]")
{
    // penguins with the species of row 10 renamed "Hybrid": a one-row class, which a stratified
    // split refuses, so the split is a plain one and the panel says so.
    const auto penguins = testing::loadPenguins().table;
    auto hybrid = std::make_shared<Table>();
    for (std::size_t c = 0; c < penguins->columnCount(); ++c) {
        ColumnPtr column = penguins->columnPtr(c);
        if (penguins->name(c) == "species") {
            std::vector<std::optional<std::string>> cells;
            for (std::size_t r = 0; r < column->size(); ++r)
                cells.push_back(r == 10 ? std::optional<std::string>("Hybrid")
                                        : column->isValid(r) ? std::optional<std::string>(column->format(r)) : std::nullopt);
            column = Column::fromStrings(cells);
        }
        REQUIRE(hybrid->addColumn(penguins->name(c), column).ok());
    }
    ModelPanel panel;
    panel.resize(1280, 720);
    panel.show();
    panel.setRecipe(hybrid, {}, "species");
    panel.setChoices("species", "", "tree", "(none)");
    settle(panel);
    const ModelComparison& c = panel.comparison();
    REQUIRE(c.before);
    CHECK(c.splitNote == "not stratified by species: a class has 1 row; stratifying needs at least 2 rows in every class");
    CHECK(panel.splitNote()->isVisible());
    CHECK(panel.splitNote()->text() == QStringLiteral("Split: ") + QString::fromStdString(c.splitNote));
    CHECK(panel.splitNote()->height() < 2 * panel.splitNote()->fontMetrics().height());

    // The plain penguins split stratifies: no note.
    panel.setRecipe(penguins, {}, "species");
    settle(panel);
    REQUIRE(panel.comparison().before);
    CHECK(panel.comparison().splitNote.empty());
    CHECK_FALSE(panel.splitNote()->isVisible());
}
