// Selecting or adding a step moves the inspected column to one the step touched, unless the
// user's column was touched by it; the user's own column choice afterwards stands.
#include "app_test_support.h"

#include "app/desktop/commands/add_step_command.h"
#include "app/desktop/document/document.h"
#include "app/desktop/main_window.h"
#include "app/desktop/workers/evaluation_worker.h"

#include <catch2/catch.hpp>

#include <QApplication>

using namespace preplab;
using namespace preplab::desktop;

namespace {

ops::ColumnChange change(const std::string& column, std::size_t cells)
{
    ops::ColumnChange c;
    c.column = column;
    c.changedCells = cells;
    return c;
}

} // namespace

TEST_CASE("columnToInspect: keeps a touched column, else the first changed or added one", "[app][workflow]")
{
    ops::StepReport report;
    CHECK(columnToInspect(report, "species") == "species");  // touched nothing
    report.changed = {change("bill_depth_mm", 0), change("bill_length_mm", 2), change("body_mass_g", 2)};
    CHECK(columnToInspect(report, "species") == "bill_length_mm");
    CHECK(columnToInspect(report, "body_mass_g") == "body_mass_g");
    CHECK(columnToInspect(report, "bill_depth_mm") == "bill_length_mm");  // no cell changed there
    report.columnsAdded = {"bill_length_mm_missing"};
    CHECK(columnToInspect(report, "bill_length_mm_missing") == "bill_length_mm_missing");
    report.changed.clear();
    CHECK(columnToInspect(report, "species") == "bill_length_mm_missing");
    report.columnsRemoved = {"island"};
    CHECK(columnToInspect(report, "island") == "island");
    report.renamed = {{"sex", "gender"}};
    CHECK(columnToInspect(report, "sex") == "gender");
}

TEST_CASE("MainWindow: adding or selecting a step shows a column it changed", "[app][workflow]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    window.openInitial(testing::samplesDir() + QStringLiteral("/penguins.csv"));
    testing::settleWindow(window);
    REQUIRE(window.document());
    Document& document = *window.document();
    document.setCurrentColumn(QStringLiteral("species"));
    testing::settleWindow(window);
    CHECK(window.lastEvaluation().comparison.column == "species");

    document.undoStack()->push(new AddStepCommand(
        &document, 0, {{"op", "impute"}, {"columns", {"bill_length_mm"}}, {"strategy", "median"}}, QStringLiteral("add")));
    testing::settleWindow(window);
    REQUIRE(document.currentStep() == 0);
    CHECK(document.currentColumn() == QStringLiteral("bill_length_mm"));
    CHECK(window.lastEvaluation().comparison.column == "bill_length_mm");

    // The user's own choice with the step selected stands.
    document.setCurrentColumn(QStringLiteral("species"));
    testing::settleWindow(window);
    CHECK(document.currentColumn() == QStringLiteral("species"));
    CHECK(window.lastEvaluation().comparison.column == "species");

    // Selecting the step again moves to its column; a column the step touched is kept.
    document.setCurrentStep(-1);
    testing::settleWindow(window);
    CHECK(document.currentColumn() == QStringLiteral("species"));
    document.setCurrentStep(0);
    testing::settleWindow(window);
    CHECK(document.currentColumn() == QStringLiteral("bill_length_mm"));
    document.setCurrentStep(-1);
    testing::settleWindow(window);
    document.setCurrentStep(0);
    testing::settleWindow(window);
    CHECK(document.currentColumn() == QStringLiteral("bill_length_mm"));
    document.undoStack()->clear();
    document.undoStack()->setClean();
}
