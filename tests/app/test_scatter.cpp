// The before/after scatter and the series budget: penguins after an impute step (every pair drawn,
// the two filled rows marked), a filter (removed rows marked), generated tables big enough for the
// sample and density paths (with their notes), every chart series within kSeriesPointBudget even
// for 100k-row inputs, export of the scatter, and screenshots of the main window in scatter mode.
#include "app_test_support.h"

#include "app/desktop/charts/before_after_chart.h"
#include "app/desktop/charts/model_charts.h"
#include "app/desktop/charts/scatter_chart.h"
#include "app/desktop/charts/series_budget.h"
#include "app/desktop/document/document.h"
#include "app/desktop/main_window.h"
#include "app/desktop/views/recipe_panel.h"
#include "app/desktop/workers/evaluation.h"
#include "app/desktop/workers/evaluation_worker.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QTextStream>
#include <QXYSeries>

#include <cmath>

using namespace preplab;
using namespace preplab::desktop;

namespace {

// Points handed to the largest series of `chart`.
qsizetype largestSeries(QChart* chart)
{
    qsizetype most = 0;
    for (QAbstractSeries* s : chart->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(s))
            most = std::max(most, qsizetype(xy->count()));
        else if (auto* area = qobject_cast<QAreaSeries*>(s))
            most = std::max(most, qsizetype(area->upperSeries()->count()));
        else if (auto* bars = qobject_cast<QBarSeries*>(s))
            for (QBarSet* set : bars->barSets())
                most = std::max(most, qsizetype(set->count()));
    }
    return most;
}

QScatterSeries* seriesNamed(QChart* chart, const QString& prefix)
{
    for (QAbstractSeries* s : chart->series())
        if (s->name().startsWith(prefix))
            return qobject_cast<QScatterSeries*>(s);
    return nullptr;
}

EvaluationResult evaluateStep(std::shared_ptr<const Table> source, const nlohmann::json& step)
{
    EvaluationRequest request;
    request.source = std::move(source);
    request.steps = {step};
    request.step = 0;
    EvaluationResult result = evaluate(request);
    REQUIRE_FALSE(result.error);
    return result;
}

ScatterInputs inputsOf(const EvaluationResult& r, const QString& column)
{
    return {r.before, r.after, r.highlights, true, QStringLiteral("step 1"), column};
}

ScatterRequest requestOf(const EvaluationResult& r, const std::string& x, const std::string& y)
{
    ScatterRequest request;
    request.before = r.before;
    request.after = r.after;
    request.highlights = r.highlights;
    request.hasStep = true;
    request.x = x;
    request.y = y;
    return request;
}

// n rows: x uniform-ish on [0, 100), y = 0.5 x + a wave; every 10th x missing when `gaps`.
std::shared_ptr<const Table> generated(std::size_t n, bool gaps)
{
    std::vector<std::optional<double>> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double u = std::fmod(static_cast<double>(i) * 0.61803398875, 1.0) * 100;
        x[i] = u;
        y[i] = 0.5 * u + 10 * std::sin(static_cast<double>(i) * 0.001);
        if (gaps && i % 10 == 3)
            x[i] = std::nullopt;
    }
    auto table = std::make_shared<Table>();
    REQUIRE(table->addColumn("x", Column::fromOptionals(x)));
    REQUIRE(table->addColumn("y", Column::fromOptionals(y)));
    return table;
}

} // namespace

TEST_CASE("Scatter: penguins bill length vs depth after a median impute, filled rows marked", "[app][scatter]")
{
    const LoadOutcome loaded = testing::loadPenguins();
    const EvaluationResult result = evaluateStep(loaded.table, {{"op", "impute"}, {"strategy", "median"}});
    const ScatterComparison c = compareScatter(requestOf(result, "bill_length_mm", "bill_depth_mm"));
    REQUIRE(c.mode == ScatterComparison::Mode::Points);
    CHECK(c.before.pairs == 342);  // 2 penguins were not measured
    CHECK(c.before.missingPairs == 2);
    CHECK(c.after.pairs == 344);
    CHECK(c.after.missingPairs == 0);
    CHECK(c.before.points.size() == 342);
    CHECK(c.after.points.size() == 344);
    CHECK(c.removedCount == 0);
    REQUIRE(c.filledCount == 2);
    REQUIRE(c.filled.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {  // both filled with the medians
        CHECK_THAT(c.filled.x[i], Catch::Matchers::WithinAbs(44.45, 1e-12));
        CHECK_THAT(c.filled.y[i], Catch::Matchers::WithinAbs(17.3, 1e-12));
    }
    CHECK(c.xMin == 32.1);
    CHECK(c.xMax == 59.6);
    CHECK(c.yMin == 13.1);
    CHECK(c.yMax == 21.5);

    ScatterChart chart;
    chart.resize(700, 400);
    chart.setInputs(inputsOf(result, QStringLiteral("bill_length_mm")));
    chart.setActive(true);
    chart.waitForIdle();
    // Y defaults to the column most correlated with X: flipper length (pandas corr 0.656).
    CHECK(chart.xBox()->currentText() == QStringLiteral("bill_length_mm"));
    CHECK(chart.yBox()->currentText() == QStringLiteral("flipper_length_mm"));
    CHECK(chart.comparison().y == "flipper_length_mm");
    chart.yBox()->setCurrentText(QStringLiteral("bill_depth_mm"));
    chart.waitForIdle();
    CHECK(chart.comparison().y == "bill_depth_mm");
    QChart* ch = chart.chart();
    REQUIRE(seriesNamed(ch, QStringLiteral("before")));
    REQUIRE(seriesNamed(ch, QStringLiteral("after")));
    REQUIRE(seriesNamed(ch, QStringLiteral("filled by the step")));
    CHECK(seriesNamed(ch, QStringLiteral("before"))->count() == 342);
    CHECK(seriesNamed(ch, QStringLiteral("after"))->count() == 344);
    QScatterSeries* filled = seriesNamed(ch, QStringLiteral("filled by the step"));
    CHECK(filled->name() == QStringLiteral("filled by the step (2)"));
    CHECK(filled->count() == 2);
    CHECK(filled->color() != seriesNamed(ch, QStringLiteral("after"))->color());
    CHECK_FALSE(seriesNamed(ch, QStringLiteral("removed")));
    CHECK_FALSE(chart.hasDensityImage());
    CHECK(chart.noteText().contains(QStringLiteral("all 342 rows before and 344 after")));
    CHECK(chart.noteText().contains(QStringLiteral("2 before, 0 after")));
    // The user's Y stays when the step changes; a new selected column brings back the default.
    chart.setInputs(inputsOf(result, QStringLiteral("bill_length_mm")));
    chart.waitForIdle();
    CHECK(chart.comparison().y == "bill_depth_mm");
    chart.setInputs(inputsOf(result, QStringLiteral("body_mass_g")));
    chart.waitForIdle();
    CHECK(chart.comparison().x == "body_mass_g");
    CHECK(chart.comparison().y == "flipper_length_mm");  // r = 0.871
}

TEST_CASE("Scatter: rows a filter removes are marked and counted", "[app][scatter]")
{
    const LoadOutcome loaded = testing::loadPenguins();
    const EvaluationResult result = evaluateStep(loaded.table, {{"op", "filter"}, {"expr", "body_mass_g < 5000"}});
    REQUIRE(result.after->rowCount() == 275);  // pandas: query("body_mass_g < 5000")
    const ScatterComparison c = compareScatter(requestOf(result, "bill_length_mm", "bill_depth_mm"));
    CHECK(c.before.pairs == 342);
    CHECK(c.after.pairs == 275);
    CHECK(c.removedCount == 67);  // pandas: pairs present whose row the query drops
    CHECK(c.removed.size() == 67);
    CHECK(c.filledCount == 0);
    ScatterChart chart;
    chart.resize(640, 400);
    chart.show();
    chart.setInputs(inputsOf(result, QStringLiteral("bill_length_mm")));
    chart.draw(c);
    QApplication::processEvents();
    QScatterSeries* removed = seriesNamed(chart.chart(), QStringLiteral("removed by the step"));
    REQUIRE(removed);
    CHECK(removed->name() == QStringLiteral("removed by the step (67)"));
    CHECK(removed->count() == 67);
    CHECK(removed->markerShape() == QScatterSeries::MarkerShapeRectangle);
    CHECK(chart.noteText().startsWith(QStringLiteral("all 342 rows before and 275 after")));
    testing::saveScreenshot(chart, QStringLiteral("scatter_filter.png"));
}

TEST_CASE("Scatter: degenerate inputs draw nothing and say why", "[app][scatter]")
{
    ScatterRequest request;
    auto empty = std::make_shared<Table>();
    REQUIRE(empty->addColumn("a", Column::fromOptionals({})));
    REQUIRE(empty->addColumn("b", Column::fromOptionals({})));
    request.before = request.after = empty;
    request.x = "a";
    request.y = "b";
    ScatterComparison c = compareScatter(request);
    CHECK(c.mode == ScatterComparison::Mode::Empty);
    CHECK(c.problem == "no row has both values");

    auto allMissing = std::make_shared<Table>();
    REQUIRE(allMissing->addColumn("a", Column::fromOptionals({std::nullopt, 1.0})));
    REQUIRE(allMissing->addColumn("b", Column::fromOptionals({2.0, std::nullopt})));
    request.before = request.after = allMissing;
    c = compareScatter(request);
    CHECK(c.mode == ScatterComparison::Mode::Empty);
    CHECK(c.after.missingPairs == 2);

    // One row, constant: one point; a single numeric column: no Y to pick.
    auto one = std::make_shared<Table>();
    REQUIRE(one->addColumn("a", Column::fromOptionals({3.0})));
    REQUIRE(one->addColumn("b", Column::fromOptionals({4.0})));
    request.before = request.after = one;
    c = compareScatter(request);
    CHECK(c.mode == ScatterComparison::Mode::Points);
    CHECK(c.after.points.size() == 1);
    request.y.clear();
    CHECK(compareScatter(request).y == "b");
    auto single = std::make_shared<Table>();
    REQUIRE(single->addColumn("a", Column::fromOptionals({3.0})));
    request.before = request.after = single;
    c = compareScatter(request);
    CHECK(c.mode == ScatterComparison::Mode::Empty);
    CHECK(c.problem == "choose two numeric columns");
    ScatterChart chart;
    chart.draw(c);
    CHECK(chart.chart()->series().isEmpty());
    CHECK(chart.noteText() == QStringLiteral("Nothing to draw: choose two numeric columns."));
}

TEST_CASE("Scatter: 10,000 rows are drawn as a 3,000-point sample of the same rows", "[app][scatter]")
{
    const EvaluationResult result = evaluateStep(generated(10'000, false), {{"op", "scale"}, {"method", "minmax"}});
    ScatterChart chart;
    chart.setInputs(inputsOf(result, QStringLiteral("x")));
    chart.setActive(true);
    chart.waitForIdle();
    const ScatterComparison& c = chart.comparison();
    REQUIRE(c.mode == ScatterComparison::Mode::Sample);
    CHECK(c.before.points.size() == 3000);
    CHECK(c.after.points.size() == 3000);
    // The same rows on both sides: min-max scaling maps each before point onto its after point.
    for (std::size_t i = 0; i < 3000; i += 250)
        CHECK_THAT(c.after.points.x[i], Catch::Matchers::WithinAbs((c.before.points.x[i] - c.xMin) / 100.0, 1e-3));
    CHECK(chart.noteText().startsWith(QStringLiteral("showing a 3,000-point sample of 10,000 rows")));
    CHECK(largestSeries(chart.chart()) <= static_cast<qsizetype>(kSeriesPointBudget));
}

TEST_CASE("Scatter: 200,000 rows become a density image with a note", "[app][scatter]")
{
    QElapsedTimer timer;
    timer.start();
    const EvaluationResult result = evaluateStep(generated(200'000, true), {{"op", "impute"}, {"strategy", "mean"}});
    ScatterChart chart;
    chart.resize(800, 450);
    chart.show();
    chart.setInputs(inputsOf(result, QStringLiteral("x")));
    chart.setActive(true);
    chart.waitForIdle();
    QApplication::processEvents();
    const ScatterComparison& c = chart.comparison();
    REQUIRE(c.mode == ScatterComparison::Mode::Density);
    CHECK(c.before.pairs == 180'000);
    CHECK(c.after.pairs == 200'000);
    CHECK(c.after.density.binned == 200'000);
    CHECK(c.before.density.missingPairs == 20'000);
    CHECK(c.filledCount == 20'000);
    CHECK(c.filled.size() == ScatterRequest{}.markBudget);
    CHECK(chart.hasDensityImage());
    CHECK(chart.noteText().startsWith(QStringLiteral("density of 180,000 rows before and 200,000 after")));
    CHECK(chart.noteText().contains(QStringLiteral("filled and removed marks sampled")));
    CHECK(largestSeries(chart.chart()) <= static_cast<qsizetype>(kSeriesPointBudget));
    WARN("200k rows: evaluate + scatter in " << timer.elapsed() << " ms");
}

TEST_CASE("Series budget: no chart series exceeds it, even for a 100k-row table", "[app][scatter][model]")
{
    const std::size_t n = 100'000;
    std::vector<int> truth(n);
    std::vector<double> scores(n);
    for (std::size_t i = 0; i < n; ++i) {
        truth[i] = (i * 7919) % 3 == 0 ? 1 : 0;
        scores[i] = std::fmod(static_cast<double>(i) * 0.7548776662, 1.0) * 0.7 + (truth[i] ? 0.3 : 0.0);
    }
    const model::RocCurve roc = model::rocCurve(truth, scores, 1, false);
    const model::PrecisionRecallCurve pr = model::precisionRecallCurve(truth, scores);
    REQUIRE(roc.fpr.size() > 50'000);  // one point per distinct score
    REQUIRE(pr.recall.size() > 50'000);
    QChart chart;
    drawRoc(&chart, &roc, &roc, {});
    CHECK(largestSeries(&chart) <= static_cast<qsizetype>(kSeriesPointBudget));
    auto* line = qobject_cast<QXYSeries*>(chart.series().value(1));
    REQUIRE(line);
    CHECK(line->at(0) == QPointF(roc.fpr.front(), roc.tpr.front()));  // LTTB keeps both ends
    CHECK(line->at(line->count() - 1) == QPointF(roc.fpr.back(), roc.tpr.back()));
    drawPrecisionRecall(&chart, &pr, &pr, {});
    CHECK(largestSeries(&chart) <= static_cast<qsizetype>(kSeriesPointBudget));
    std::vector<model::ValidationPoint> points(20'000);
    for (std::size_t i = 0; i < points.size(); ++i) {
        points[i].parameter = static_cast<double>(i + 1);
        points[i].score.train = model::MetricValue::of(0.9);
        points[i].score.test = model::MetricValue::of(0.8 - 1e-6 * static_cast<double>(i));
    }
    drawValidationCurve(&chart, points, QStringLiteral("max_depth"), {});
    CHECK(largestSeries(&chart) <= static_cast<qsizetype>(kSeriesPointBudget));

    ScatterChart scatter;
    scatter.setInputs({generated(n, true), generated(n, false), nullptr, true, QStringLiteral("step 1"), QStringLiteral("x")});
    scatter.setActive(true);
    scatter.waitForIdle();
    CHECK(scatter.comparison().mode == ScatterComparison::Mode::Density);
    CHECK(largestSeries(scatter.chart()) <= static_cast<qsizetype>(kSeriesPointBudget));
}

TEST_CASE("Scatter: the shown chart exports as PNG and SVG", "[app][scatter]")
{
    const LoadOutcome loaded = testing::loadPenguins();
    const EvaluationResult result = evaluateStep(loaded.table, {{"op", "impute"}, {"strategy", "median"}});
    BeforeAfterChart chart;
    chart.resize(900, 360);
    chart.show();
    chart.setComparison(result.comparison, true, QStringLiteral("step 1"));
    chart.setScatterInputs(inputsOf(result, QStringLiteral("bill_length_mm")));
    chart.setScatterShown(true);
    chart.scatter()->waitForIdle();
    QApplication::processEvents();
    REQUIRE(chart.isScatterShown());
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("scatter.png"));
    const QString svg = dir.filePath(QStringLiteral("scatter.svg"));
    REQUIRE(chart.exportPng(png));
    REQUIRE(chart.exportSvg(svg));
    const QImage image(png);
    CHECK(image.size() == chart.scatter()->view()->size() * image.devicePixelRatio());
    QFile file(svg);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    CHECK(text.contains(QStringLiteral("<svg")));
    CHECK(text.contains(QStringLiteral("flipper_length_mm vs bill_length_mm")));
    chart.setScatterShown(false);
    CHECK_FALSE(chart.isScatterShown());
}

TEST_CASE("MainWindow: scatter screenshots (penguins impute, 200k-row density)", "[app][scatter][screenshot]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    window.openInitial(testing::samplesDir() + QStringLiteral("/penguins.csv"));
    testing::settleWindow(window);
    REQUIRE(window.document());
    window.document()->setCurrentColumn(QStringLiteral("bill_length_mm"));
    window.recipePanel()->addStepOfOp(QStringLiteral("impute"));
    testing::settleWindow(window);
    BeforeAfterChart* area = window.beforeAfterChart();
    area->setScatterShown(true);
    testing::settleWindow(window);
    area->scatter()->yBox()->setCurrentText(QStringLiteral("bill_depth_mm"));
    testing::settleWindow(window);
    const ScatterComparison& c = area->scatter()->comparison();
    CHECK(c.y == "bill_depth_mm");
    CHECK(c.after.points.size() == 344);
    CHECK(c.filledCount == 2);
    testing::saveScreenshot(window, QStringLiteral("scatter_penguins.png"));

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("generated.csv"));
    {
        QFile file(csv);
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Text));
        QTextStream out(&file);
        out << "height,weight,age\n";
        // Two clusters of roughly normal heights (sums of four low-discrepancy uniforms) and
        // weights that follow them with noise; every 13th height missing.
        auto uniform = [](int i, double step) { return std::fmod(i * step, 1.0); };
        for (int i = 0; i < 200'000; ++i) {
            const double z1 = (uniform(i, 0.6180339887) + uniform(i, 0.7548776662) + uniform(i, 0.5698402910) +
                               uniform(i, 0.4142135624) - 2) * 1.7320508;
            const double z2 = (uniform(i, 0.3247179572) + uniform(i, 0.2207440846) + uniform(i, 0.8191725134) +
                               uniform(i, 0.7071067812) - 2) * 1.7320508;
            const bool tall = i % 3 == 0;
            const double height = (tall ? 178 : 163) + (tall ? 6 : 5) * z1;
            const double weight = 0.9 * height - (tall ? 78 : 88) + 7 * z2;
            if (i % 13 == 5)
                out << ",";
            else
                out << QString::number(height, 'f', 1) << ",";
            out << QString::number(weight, 'f', 1) << "," << (18 + i % 60) << "\n";
        }
    }
    window.document()->undoStack()->clear();
    window.document()->undoStack()->setClean();
    window.openFile(csv);
    testing::settleWindow(window);
    REQUIRE(window.document()->source()->rowCount() == 200'000);
    window.document()->setCurrentColumn(QStringLiteral("height"));
    window.recipePanel()->addStepOfOp(QStringLiteral("impute"));
    testing::settleWindow(window);
    const ScatterComparison& big = area->scatter()->comparison();
    CHECK(big.mode == ScatterComparison::Mode::Density);
    CHECK(big.y == "weight");
    CHECK(area->scatter()->noteText().startsWith(QStringLiteral("density of 184,615 rows before and 200,000 after")));
    testing::saveScreenshot(window, QStringLiteral("scatter_density.png"));
    window.document()->undoStack()->clear();
    window.document()->undoStack()->setClean();
}

TEST_CASE("Scatter: timings on a million rows (run by hand)", "[.][bench][scatter]")
{
    const auto before = generated(1'000'000, true);
    const auto after = generated(1'000'000, false);
    ScatterRequest request;
    request.before = before;
    request.after = after;
    request.hasStep = true;
    request.x = "x";
    request.y = "y";
    QElapsedTimer timer;
    timer.start();
    const ScatterComparison density = compareScatter(request);
    const qint64 densityMs = timer.restart();
    ScatterChart chart;
    chart.resize(800, 450);
    chart.show();
    chart.draw(density);
    QApplication::processEvents();
    const qint64 drawDensityMs = timer.restart();
    request.sampleLimit = 2'000'000;  // force the sample path on the same rows
    const ScatterComparison sample = compareScatter(request);
    const qint64 sampleMs = timer.restart();
    chart.draw(sample);
    const qint64 setSampleMs = timer.restart();
    QApplication::processEvents();
    const qint64 drawSampleMs = timer.restart();
    WARN("sample: series set in " << setSampleMs << " ms, painted in " << drawSampleMs << " ms");
    request.y.clear();
    (void)compareScatter(request);
    const qint64 autoYMs = timer.restart();
    CHECK(density.mode == ScatterComparison::Mode::Density);
    CHECK(sample.mode == ScatterComparison::Mode::Sample);
    WARN("1M rows: density " << densityMs << " ms + draw " << drawDensityMs << " ms; sample " << sampleMs
                             << " ms + draw " << drawSampleMs << " ms; with the most-correlated Y " << autoYMs << " ms");
}
