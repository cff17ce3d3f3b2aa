// The Model panel's leakage comparison (scenario 4): compareModels() runs the recipe a third time
// with every fitted step fitted on all rows, on the same split; the all-rows fit equals the mean of
// every row and the training fit the mean of the training rows (computed here); the panel's line
// and its "Fitted on all rows" tab show those figures. Screenshot: build/screenshots/.
#include "app_test_support.h"

#include "app/desktop/charts/model_charts.h"
#include "app/desktop/views/leakage_view.h"
#include "app/desktop/views/model_panel.h"
#include "app/desktop/workers/latest_task.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextDocumentFragment>

#include <set>

using namespace preplab;
using namespace preplab::desktop;
using Catch::Matchers::WithinRel;

namespace {

const std::vector<std::string> kMeasures = {"bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"};

std::vector<nlohmann::json> imputeAndStandardize()
{
    return {{{"op", "impute"}, {"columns", kMeasures}, {"strategy", "mean"}},
            {{"op", "scale"}, {"columns", kMeasures}, {"method", "standard"}}};
}

ModelRequest sexRequest(std::vector<nlohmann::json> steps)
{
    ModelRequest request;
    request.source = testing::loadPenguins().table;
    request.steps = std::move(steps);
    request.target = "sex";
    request.positive = "male";
    request.model.name = "logistic";
    return request;
}

std::set<std::size_t> testRows(const model::PassResult& pass)
{
    std::set<std::size_t> rows;
    for (const auto& p : pass.predictions)
        if (p.test)
            rows.insert(p.row);
    return rows;
}

// Mean of the present values of `column` over the rows where keep(row).
template <class Keep>
double meanOf(const Table& t, const std::string& column, Keep keep)
{
    const Column& c = *t.find(column);
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t r = 0; r < c.size(); ++r)
        if (c.isValid(r) && keep(r)) {
            sum += c.number(r);
            ++n;
        }
    return sum / static_cast<double>(n);
}

const model::FittedDifference* parameter(const model::StepFitComparison& s, const std::string& name)
{
    for (const auto& d : s.differences)
        if (d.parameter == name)
            return &d;
    return nullptr;
}

QString plain(const QLabel* label) { return QTextDocumentFragment::fromHtml(label->text()).toPlainText(); }

} // namespace

TEST_CASE("Model comparison: the recipe fitted on all rows is scored on the same test rows", "[app][model][leakage]")
{
    const ModelRequest request = sexRequest(imputeAndStandardize());
    const ModelComparison c = compareModels(request);
    INFO(c.error << c.recipeError << c.leakageError);
    REQUIRE(c.after);
    REQUIRE(c.leakage);
    const model::PassResult& leaky = c.leakage->leaky;
    CHECK(leaky.name == "with_fit_on_all");
    CHECK(leaky.testRows == c.after->testRows);
    CHECK(testRows(leaky) == testRows(*c.after));
    CHECK(testRows(*c.before) == testRows(*c.after));

    // The split the panel evaluates on is the one the "with" recipe fitted on.
    const Table& t = *request.source;
    auto split = model::originalSplit(t, "sex", 0.25, 0, true);
    REQUIRE(split.ok());
    const std::vector<char>& isTest = *split;
    std::size_t training = 0;
    for (char test : isTest)
        training += test ? 0 : 1;
    REQUIRE(c.leakage->steps.size() == 2);
    const auto& impute = c.leakage->steps[0];
    CHECK(impute.trainFitRows == training);
    CHECK(impute.allFitRows == 344);
    for (const auto& name : kMeasures) {
        INFO(name);
        const auto* d = parameter(impute, name + ".mean");
        REQUIRE(d);
        CHECK_THAT(*d->trainValue, WithinRel(meanOf(t, name, [&](std::size_t r) { return !isTest[r]; }), 1e-12));
        CHECK_THAT(*d->allValue, WithinRel(meanOf(t, name, [](std::size_t) { return true; }), 1e-12));
    }
    CHECK(c.leakageSentence == model::leakageSentence(*c.after, *c.leakage));

    // A recipe with its own split step decides the split of all three passes.
    ModelRequest own = sexRequest(imputeAndStandardize());
    own.steps.insert(own.steps.begin(), nlohmann::json{{"op", "split"}, {"test_size", 0.25}, {"seed", 3}});
    const ModelComparison o = compareModels(own);
    REQUIRE(o.after);
    REQUIRE(o.leakage);
    CHECK(o.leakage->fittedSteps == std::vector<std::size_t>{1, 2});
    CHECK(o.leakage->steps[0].trainFitRows == 258);  // 344 - ceil(0.25 * 344)
    CHECK(testRows(*o.before) == testRows(*o.after));
    CHECK(testRows(o.leakage->leaky) == testRows(*o.after));
    CHECK(testRows(*o.after) != testRows(*c.after));

    // Nothing fitted: no third pass.
    const ModelComparison none = compareModels(sexRequest({{{"op", "drop_columns"}, {"columns", {"year"}}}}));
    REQUIRE(none.after);
    CHECK_FALSE(none.leakage);
    CHECK(none.leakageSentence.empty());
}

TEST_CASE("Model panel: the leakage line and tab show the all-rows figures", "[app][model][leakage][screenshot]")
{
    ModelPanel panel;
    panel.resize(1280, 720);
    panel.show();
    panel.setRecipe(testing::loadPenguins().table, imputeAndStandardize(), "sex");
    panel.setChoices("sex", "male", "logistic", "species");
    panel.task()->waitForIdle();
    QApplication::processEvents();
    const ModelComparison& c = panel.comparison();
    REQUIRE(c.leakage);
    const model::PassResult& leaky = c.leakage->leaky;

    CHECK(panel.leakageSummary()->isVisible());
    CHECK(plain(panel.leakageSummary()).contains(QString::fromStdString(c.leakageSentence)));
    LeakageView* view = panel.leakageView();
    CHECK(plain(view->sentence()).contains(QString::fromStdString(c.leakageSentence)));
    CHECK(plain(view->sentence()).contains(QStringLiteral("training rows only")));

    QTableWidget* metrics = view->metricsTable();
    REQUIRE(metrics->rowCount() == 8);
    CHECK(metrics->item(5, 0)->text() == QStringLiteral("F1"));
    CHECK(metrics->item(5, 1)->text() == metricText(c.before->testScores.f1, 4));
    CHECK(metrics->item(5, 2)->text() == metricText(c.after->testScores.f1, 4));
    CHECK(metrics->item(5, 3)->text() == metricText(leaky.testScores.f1, 4));
    const double delta = *leaky.testScores.f1 - *c.after->testScores.f1;
    CHECK(metrics->item(5, 4)->text().endsWith(QString::number(std::abs(delta), 'f', 4)));
    CHECK(metrics->item(0, 3)->text() == QStringLiteral("%1 / %2").arg(leaky.trainRows).arg(leaky.testRows));

    QTableWidget* params = view->parametersTable();
    std::size_t listed = 0;
    for (const auto& s : c.leakage->steps)
        listed += s.differences.size();
    REQUIRE(params->rowCount() == static_cast<int>(listed));
    const auto* mean = parameter(c.leakage->steps[1], "body_mass_g.mean");
    REQUIRE(mean);
    bool found = false;
    for (int r = 0; r < params->rowCount(); ++r)
        if (params->item(r, 0)->text() == QStringLiteral("2 · scale") &&
            params->item(r, 1)->text() == QStringLiteral("body_mass_g.mean")) {
            found = true;
            CHECK(params->item(r, 2)->text() == QString::number(*mean->trainValue, 'g', 6));
            CHECK(params->item(r, 3)->text() == QString::number(*mean->allValue, 'g', 6));
        }
    CHECK(found);

    panel.tabs()->setCurrentWidget(view);
    QApplication::processEvents();
    QDir().mkpath(QStringLiteral(PREPLAB_SCREENSHOT_DIR));
    REQUIRE(panel.grab().save(QStringLiteral(PREPLAB_SCREENSHOT_DIR "/model_panel_leakage.png")));

    // A recipe without a fitted step hides the line and says why.
    panel.setRecipe(testing::loadPenguins().table, {{{"op", "drop_columns"}, {"columns", {"year"}}}}, "sex");
    panel.task()->waitForIdle();
    QApplication::processEvents();
    CHECK_FALSE(panel.comparison().leakage);
    CHECK_FALSE(panel.leakageSummary()->isVisible());
    CHECK(plain(view->sentence()).contains(QStringLiteral("no fitted step")));
    CHECK(view->metricsTable()->rowCount() == 0);
}
