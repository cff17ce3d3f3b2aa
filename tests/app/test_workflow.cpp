// End to end through the workers: open a sample off the GUI thread, add an impute step, and check
// the before/after chart's series against the data; loading errors name the file and line.
#include "app_test_support.h"

#include "app/desktop/charts/before_after_chart.h"
#include "app/desktop/commands/add_step_command.h"
#include "app/desktop/document/document.h"
#include "app/desktop/document/recipe_file.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/workers/evaluation_worker.h"

#include <catch2/catch.hpp>

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include <numeric>

using namespace preplab;
using namespace preplab::desktop;

namespace {

// Sum of the bar heights of a step outline (every bar appears as two points at its height).
double outlineTotal(const QLineSeries* s)
{
    double total = 0;
    const auto points = s->points();
    for (qsizetype i = 1; i + 1 < points.size(); i += 2)
        total += points[i].y();
    return total;
}

} // namespace

TEST_CASE("LoadWorker: reads the penguins sample off the GUI thread", "[app][workflow]")
{
    LoadWorker worker;
    QSignalSpy finished(&worker, &LoadWorker::finished);
    worker.start(testing::samplesDir() + QStringLiteral("/penguins.csv"));
    REQUIRE((finished.count() == 1 || finished.wait(20000)));
    const auto outcome = finished.first().first().value<LoadOutcome>();
    REQUIRE(outcome.table);
    CHECK(outcome.table->rowCount() == 344);
    CHECK(outcome.table->columnCount() == 8);
    CHECK_FALSE(outcome.error);
}

TEST_CASE("LoadWorker: an unreadable file gives an error naming the file and line", "[app][workflow]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("[\n  {\"a\": 1},\n  {\"a\": }\n]\n");
    file.close();
    const LoadOutcome outcome = loadTable(path);
    REQUIRE_FALSE(outcome.table);
    REQUIRE(outcome.error);
    const QString text = describeError(*outcome.error);
    INFO(text.toStdString());
    CHECK(text.startsWith(QStringLiteral("broken.json")));
    CHECK(outcome.error->line == 3);
}

TEST_CASE("LoadWorker: a missing file is an error, not a crash", "[app][workflow]")
{
    const LoadOutcome outcome = loadTable(QStringLiteral("/nonexistent/nothing.csv"));
    REQUIRE(outcome.error);
    CHECK(describeError(*outcome.error).contains(QStringLiteral("nothing.csv")));
}

TEST_CASE("Evaluation: dropping rows with missing values shows in the chart series", "[app][workflow]")
{
    const LoadOutcome loaded = testing::loadPenguins();
    Document document(loaded.path, loaded.table);
    document.undoStack()->push(new AddStepCommand(&document, 0, {{"op", "drop_missing"}}, QStringLiteral("add")));
    REQUIRE(document.currentStep() == 0);

    EvaluationWorker worker;
    QSignalSpy finished(&worker, &EvaluationWorker::finished);
    EvaluationRequest request;
    request.source = document.source();
    request.steps = document.steps();
    request.step = document.currentStep();
    request.column = "body_mass_g";
    worker.requestNow(request);
    REQUIRE(finished.wait(30000));
    const auto result = finished.first().first().value<EvaluationResult>();
    INFO((result.error ? result.error->describe() : std::string()));
    REQUIRE_FALSE(result.error);
    REQUIRE(result.report);
    CHECK(result.after->rowCount() == 333);  // 11 penguins lack a sex, 2 of them every measurement

    const ColumnComparison& cmp = result.comparison;
    REQUIRE(cmp.kind == ColumnComparison::Kind::Numeric);
    CHECK(std::accumulate(cmp.before.begin(), cmp.before.end(), std::int64_t{0}) == 342);
    CHECK(std::accumulate(cmp.after.begin(), cmp.after.end(), std::int64_t{0}) == 333);
    CHECK(cmp.beforeSummary.missing == 2);
    CHECK(cmp.afterSummary.missing == 0);
    CHECK(*cmp.beforeSummary.min == 2700);
    CHECK(*cmp.beforeSummary.max == 6300);
    // Dropping rows can only lower a bin.
    for (std::size_t i = 0; i < cmp.before.size(); ++i)
        CHECK(cmp.after[i] <= cmp.before[i]);

    BeforeAfterChart chart;
    chart.setComparison(cmp, true, QStringLiteral("step 1"));
    const auto series = chart.chart()->series();
    REQUIRE(series.size() == 2);
    auto* before = qobject_cast<QAreaSeries*>(series[0]);
    auto* after = qobject_cast<QAreaSeries*>(series[1]);
    REQUIRE(before);
    REQUIRE(after);
    CHECK(before->name() == QStringLiteral("before"));
    CHECK(outlineTotal(before->upperSeries()) == 342);
    CHECK(outlineTotal(after->upperSeries()) == 333);
    // Each bar of the outline sits on the shared edges.
    const auto points = after->upperSeries()->points();
    REQUIRE(points.size() == static_cast<qsizetype>(cmp.after.size() * 2 + 2));
    CHECK(points[1].x() == cmp.edges[0]);
    CHECK(points[1].y() == double(cmp.after[0]));
    // Locked shared axes: one x axis and one y axis for both series.
    CHECK(before->attachedAxes() == after->attachedAxes());
    CHECK(chart.chart()->axes(Qt::Horizontal).size() == 1);
    // Stats table: present 342 -> 333, delta -9; missing 2 -> 0.
    QTableWidget* stats = chart.statsTable();
    REQUIRE(stats->item(0, 0)->text() == QStringLiteral("present"));
    CHECK(stats->item(0, 1)->text() == QStringLiteral("342"));
    CHECK(stats->item(0, 2)->text() == QStringLiteral("333"));
    CHECK(stats->item(0, 3)->text() == QStringLiteral("-9"));
    CHECK(stats->item(1, 3)->text() == QStringLiteral("-2"));
}

TEST_CASE("Evaluation: median imputation shows in the chart series", "[app][workflow]")
{
    const LoadOutcome loaded = testing::loadPenguins();
    Document document(loaded.path, loaded.table);
    document.undoStack()->push(new AddStepCommand(
        &document, 0, {{"op", "impute"}, {"columns", {"bill_length_mm"}}, {"strategy", "median"}}, QStringLiteral("add")));
    REQUIRE(document.currentStep() == 0);

    EvaluationWorker worker;
    QSignalSpy finished(&worker, &EvaluationWorker::finished);
    EvaluationRequest request;
    request.source = document.source();
    request.steps = document.steps();
    request.step = document.currentStep();
    request.column = "bill_length_mm";
    worker.requestNow(request);
    REQUIRE(finished.wait(30000));
    const auto result = finished.first().first().value<EvaluationResult>();
    INFO((result.error ? result.error->describe() : std::string()));
    REQUIRE_FALSE(result.error);
    REQUIRE(result.report);
    CHECK(result.changedColumns.count("bill_length_mm") == 1);
    CHECK(result.after->find("bill_length_mm")->missingCount() == 0);

    const ColumnComparison& cmp = result.comparison;
    REQUIRE(cmp.kind == ColumnComparison::Kind::Numeric);
    CHECK(std::accumulate(cmp.before.begin(), cmp.before.end(), std::int64_t{0}) == 342);
    CHECK(std::accumulate(cmp.after.begin(), cmp.after.end(), std::int64_t{0}) == 344);
    CHECK(cmp.beforeSummary.missing == 2);
    CHECK(cmp.afterSummary.missing == 0);
    CHECK_THAT(*cmp.beforeSummary.median, Catch::Matchers::WithinAbs(44.45, 1e-9));
    // Exactly one bin changed: the median's, by the two filled values.
    int changedBins = 0;
    for (std::size_t i = 0; i < cmp.before.size(); ++i) {
        if (cmp.after[i] == cmp.before[i])
            continue;
        ++changedBins;
        CHECK(cmp.after[i] - cmp.before[i] == 2);
        CHECK(cmp.edges[i] <= 44.45);
        CHECK(44.45 <= cmp.edges[i + 1]);
    }
    CHECK(changedBins == 1);

    BeforeAfterChart chart;
    chart.setComparison(cmp, true, QStringLiteral("step 1"));
    const auto series = chart.chart()->series();
    REQUIRE(series.size() == 2);
    auto* before = qobject_cast<QAreaSeries*>(series[0]);
    auto* after = qobject_cast<QAreaSeries*>(series[1]);
    REQUIRE(before);
    REQUIRE(after);
    CHECK(before->name() == QStringLiteral("before"));
    CHECK(outlineTotal(before->upperSeries()) == 342);
    CHECK(outlineTotal(after->upperSeries()) == 344);
    // Locked shared axes: one x axis and one y axis for both series.
    CHECK(before->attachedAxes() == after->attachedAxes());
    CHECK(chart.chart()->axes(Qt::Horizontal).size() == 1);
    // Stats table: missing 2 -> 0, delta -2.
    QTableWidget* stats = chart.statsTable();
    REQUIRE(stats->item(1, 0)->text() == QStringLiteral("missing"));
    CHECK(stats->item(1, 1)->text() == QStringLiteral("2"));
    CHECK(stats->item(1, 2)->text() == QStringLiteral("0"));
    CHECK(stats->item(1, 3)->text() == QStringLiteral("-2"));
}

TEST_CASE("Evaluation: categorical columns become grouped bars", "[app][workflow]")
{
    const LoadOutcome loaded = testing::loadPenguins();
    EvaluationRequest request;
    request.source = loaded.table;
    request.steps = {{{"op", "drop_missing"}}};
    request.step = 0;
    request.column = "sex";
    const EvaluationResult result = evaluate(request);
    REQUIRE_FALSE(result.error);
    REQUIRE(result.comparison.kind == ColumnComparison::Kind::Categorical);
    BeforeAfterChart chart;
    chart.setComparison(result.comparison, true, QStringLiteral("step 1"));
    auto* bars = qobject_cast<QBarSeries*>(chart.chart()->series().value(0));
    REQUIRE(bars);
    REQUIRE(bars->count() == 2);
    double before = 0, after = 0;
    for (int i = 0; i < bars->barSets()[0]->count(); ++i) {
        before += bars->barSets()[0]->at(i);
        after += bars->barSets()[1]->at(i);
    }
    CHECK(before == 333);  // 344 penguins, 11 without a recorded sex
    CHECK(after == double(result.after->rowCount()));
    CHECK(result.after->rowCount() == 333);
}

TEST_CASE("Evaluation: a newer request cancels the running one and only the newest arrives", "[app][workflow]")
{
    const LoadOutcome loaded = testing::loadPenguins();
    EvaluationWorker worker;
    worker.setDebounceMs(30);
    QSignalSpy finished(&worker, &EvaluationWorker::finished);
    for (const char* column : {"bill_length_mm", "bill_depth_mm", "island"}) {
        EvaluationRequest request;
        request.source = loaded.table;
        request.column = column;
        worker.request(request);
    }
    worker.waitForIdle();
    REQUIRE((finished.count() == 1 || finished.wait(10000)));
    CHECK(finished.count() == 1);
    CHECK(finished.first().first().value<EvaluationResult>().comparison.column == "island");
}

TEST_CASE("Recipe files: save and open round trip and a bad step names the step", "[app][workflow]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.preplab.json"));
    nlohmann::json recipe = {{"format", "preplab-recipe"}, {"version", 1}, {"target", "species"},
                             {"steps", {{{"op", "drop_missing"}, {"how", "all"}}}}};
    REQUIRE(writeRecipeFile(path, recipe));
    auto back = readRecipeFile(path);
    REQUIRE(back);
    CHECK(*back == recipe);
    recipe["steps"].push_back({{"op", "no_such_op"}});
    REQUIRE(writeRecipeFile(path, recipe));
    auto bad = readRecipeFile(path);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("step 2") != std::string::npos);
    recipe["version"] = 2;
    CHECK_FALSE(validateRecipe(recipe, "x"));
}

TEST_CASE("Evaluation: an edit re-runs only from the changed step", "[app][workflow]")
{
    const LoadOutcome loaded = testing::loadPenguins();
    EvaluationRequest request;
    request.source = loaded.table;
    request.cache = makePipelineCache();
    request.steps = {{{"op", "drop_missing"}}, {{"op", "filter"}, {"expr", "bill_length_mm > 40"}}};
    request.step = 1;
    request.column = "bill_length_mm";
    EvaluationResult first = evaluate(request);
    REQUIRE_FALSE(first.error);
    CHECK(first.stepsRun == 2);
    const std::size_t keptAt40 = first.after->rowCount();
    CHECK(keptAt40 < 333);
    CHECK(*first.comparison.afterSummary.min > 40);

    request.steps[1]["expr"] = "bill_length_mm > 45";
    EvaluationResult second = evaluate(request);
    REQUIRE_FALSE(second.error);
    CHECK(second.stepsRun == 1);
    CHECK(second.after->rowCount() < keptAt40);
    CHECK(second.before->rowCount() == 333);

    request.steps[1]["expr"] = "no_such_column > 1";
    EvaluationResult bad = evaluate(request);
    REQUIRE(bad.error);
    CHECK(bad.error->message.find("step 2") != std::string::npos);
    REQUIRE(bad.steps.size() == 2);
    CHECK(bad.steps[0].state == StepStatus::State::Ran);
    CHECK(bad.steps[1].state == StepStatus::State::Failed);
}
