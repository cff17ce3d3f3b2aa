#include "app_test_support.h"

#include "app/desktop/charts/before_after_chart.h"
#include "app/desktop/charts/scatter_chart.h"
#include "app/desktop/main_window.h"
#include "app/desktop/workers/evaluation_worker.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QWidget>

namespace preplab::desktop::testing {

std::shared_ptr<const Table> smallTable()
{
    auto table = std::make_shared<Table>();
    REQUIRE(table->addColumn("x", Column::fromOptionals({1.0, 2.5, std::nullopt, 4.0, 10.0})));
    REQUIRE(table->addColumn("g", Column::fromStrings({"a", "b", "a", std::nullopt, "c"})));
    REQUIRE(table->addColumn("n", Column::makeInteger({3, 1, 4, 1, 5})));
    return table;
}

QString samplesDir() { return QStringLiteral(PREPLAB_SOURCE_DIR "/resources/samples"); }

LoadOutcome loadPenguins()
{
    LoadOutcome outcome = loadTable(samplesDir() + QStringLiteral("/penguins.csv"));
    INFO((outcome.error ? outcome.error->describe() : std::string()));
    REQUIRE(outcome.table);
    return outcome;
}

void settleWindow(MainWindow& window)
{
    for (int i = 0; i < 200 && (window.loadWorker()->isRunning() || window.evaluationWorker()->isBusy()); ++i) {
        window.loadWorker()->wait();
        window.evaluationWorker()->waitForIdle();
        QApplication::processEvents();
    }
    window.beforeAfterChart()->scatter()->waitForIdle();
    QApplication::processEvents();
}

void saveScreenshot(QWidget& widget, const QString& name)
{
    QDir().mkpath(QStringLiteral(PREPLAB_SCREENSHOT_DIR));
    REQUIRE(widget.grab().save(QStringLiteral(PREPLAB_SCREENSHOT_DIR "/") + name));
}

} // namespace preplab::desktop::testing
