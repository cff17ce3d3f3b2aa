// The main window as a person sees it at 1280x720: penguins open, a median-impute step selected,
// bill_length_mm inspected. Saves build/screenshots/*.png for a human look, and checks that the
// window shows what it should.
#include "app_test_support.h"

#include "app/desktop/document/document.h"
#include "app/desktop/main_window.h"
#include "app/desktop/charts/before_after_chart.h"
#include "app/desktop/commands/edit_step_command.h"
#include "app/desktop/views/recipe_panel.h"
#include "app/desktop/workers/evaluation_worker.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QChart>
#include <QDir>
#include <QSignalSpy>
#include <QTableView>

using namespace preplab;
using namespace preplab::desktop;

TEST_CASE("MainWindow: screenshot with penguins and an impute step", "[app][screenshot]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    window.openInitial(testing::samplesDir() + QStringLiteral("/penguins.csv"));
    testing::settleWindow(window);
    REQUIRE(window.document());
    CHECK(window.document()->source()->rowCount() == 344);
    window.document()->setCurrentColumn(QStringLiteral("bill_length_mm"));
    testing::settleWindow(window);
    testing::saveScreenshot(window, QStringLiteral("main_window_source.png"));

    window.recipePanel()->addStepOfOp(QStringLiteral("impute"));
    testing::settleWindow(window);
    REQUIRE(window.document()->stepCount() == 1);
    CHECK(window.document()->currentStep() == 0);
    CHECK(window.lastEvaluation().step == 0);
    CHECK_FALSE(window.lastEvaluation().error);
    CHECK(window.beforeAfterChart()->chart()->series().size() == 2);
    CHECK(window.windowTitle().contains(QStringLiteral("*")));
    testing::saveScreenshot(window, QStringLiteral("main_window.png"));

    window.document()->setCurrentColumn(QStringLiteral("island"));
    testing::settleWindow(window);
    testing::saveScreenshot(window, QStringLiteral("main_window_categorical.png"));
    window.document()->undoStack()->clear();
    window.document()->undoStack()->setClean();
}
