// The main window's frame: the menus and toolbar MainMenus builds (titles, order, the recent-files
// list it keeps in QSettings; other tests running at the same time may add to that list), and its
// fit on a 1280x720 screen: the minimum size with every bottom page shown, with short and very
// long column names, and dock widths that leave names readable. Screenshots: build/screenshots/.
#include "app_test_support.h"

#include "app/desktop/charts/before_after_chart.h"
#include "app/desktop/charts/scatter_chart.h"
#include "app/desktop/document/document.h"
#include "app/desktop/main_window.h"
#include "app/desktop/views/recipe_panel.h"
#include "app/desktop/workers/evaluation_worker.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QToolBar>
#include <QToolButton>

using namespace preplab::desktop;

namespace {

QMenu* menuTitled(QMainWindow& window, const QString& title)
{
    for (QAction* a : window.menuBar()->actions())
        if (a->text() == title)
            return a->menu();
    return nullptr;
}

} // namespace

TEST_CASE("MainWindow: menus, toolbar and recent files", "[app][mainwindow]")
{
    QSettings().remove(QStringLiteral("recentFiles"));
    MainWindow window;
    QStringList titles;
    for (QAction* a : window.menuBar()->actions())
        titles << a->text();
    CHECK(titles == QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Recipe"),
                                QStringLiteral("&Chart"), QStringLiteral("&View"), QStringLiteral("&Help")});
    QMenu* view = menuTitled(window, QStringLiteral("&View"));
    REQUIRE(view);
    CHECK(view->actions().size() == 3);  // Columns, Recipe and Issues docks
    auto* toolbar = window.findChild<QToolBar*>(QStringLiteral("MainToolBar"));
    REQUIRE(toolbar);
    CHECK(toolbar->actions().size() == 8);  // open, samples, save, |, undo, redo, |, add step

    QMenu* file = menuTitled(window, QStringLiteral("&File"));
    REQUIRE(file);
    QMenu* recent = nullptr;
    for (QAction* a : file->actions())
        if (a->text() == QStringLiteral("Open &Recent"))
            recent = a->menu();
    REQUIRE(recent);
    window.openFile(testing::samplesDir() + QStringLiteral("/penguins.csv"));
    window.loadWorker()->wait();
    for (int i = 0; i < 50 && recent->actions().isEmpty(); ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    REQUIRE_FALSE(recent->actions().isEmpty());
    CHECK(recent->actions().first()->text() == QStringLiteral("penguins.csv"));
    CHECK(recent->isEnabled());
    QSettings().remove(QStringLiteral("recentFiles"));
}

TEST_CASE("MainWindow: fits 1280x720 with readable docks, even with long column names", "[app][mainwindow][screenshot]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    window.openInitial(testing::samplesDir() + QStringLiteral("/penguins.csv"));
    testing::settleWindow(window);
    window.recipePanel()->addStepOfOp(QStringLiteral("impute"));
    testing::settleWindow(window);
    for (int tab = 0; tab < 4; ++tab) {  // every page of the bottom area counts towards the minimum
        window.findChild<QTabWidget*>(QStringLiteral("BottomTabs"))->setCurrentIndex(tab);
        QElapsedTimer shown;  // the bias and model pages compute when first shown
        shown.start();
        while (shown.elapsed() < 1500)
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        testing::saveScreenshot(window, QStringLiteral("main_window_1280_tab%1.png").arg(tab));
        const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
        INFO("tab " << tab << ": minimum " << minimum.width() << "x" << minimum.height());
        CHECK(minimum.width() <= 1280);
        CHECK(minimum.height() <= 720);
    }
    CHECK(window.size() == QSize(1280, 720));
    auto* columns = window.findChild<QDockWidget*>(QStringLiteral("ColumnsDock"));
    auto* recipe = window.findChild<QDockWidget*>(QStringLiteral("RecipeDock"));
    REQUIRE(columns);
    REQUIRE(recipe);
    CHECK(columns->width() >= 200);  // badge, most names whole, sparkline
    CHECK(recipe->width() >= 260);
    CHECK(window.centralWidget()->width() >= 600);
    window.findChild<QTabWidget*>(QStringLiteral("BottomTabs"))->setCurrentIndex(0);
    QApplication::processEvents();
    testing::saveScreenshot(window, QStringLiteral("main_window_1280.png"));

    // Long column names must not widen the pickers (target, groups, X/Y) and with them the window.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("long_names.csv"));
    {
        QFile file(csv);
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Text));
        QTextStream out(&file);
        const QString stem = QStringLiteral("a_column_name_that_goes_on_and_on_for_quite_a_while_");
        out << stem << "x," << stem << "y," << stem << "group\n";
        for (int i = 0; i < 50; ++i)
            out << i << "," << (i * 7 % 13) << "," << (i % 3 == 0 ? "a_rather_long_group_label_indeed" : "b") << "\n";
    }
    window.document()->undoStack()->clear();
    window.document()->undoStack()->setClean();
    window.openFile(csv);
    testing::settleWindow(window);
    REQUIRE(window.document()->source()->columnCount() == 3);
    window.recipePanel()->addStepOfOp(QStringLiteral("scale"));
    testing::settleWindow(window);
    window.beforeAfterChart()->setScatterShown(true);
    testing::settleWindow(window);
    for (int tab = 0; tab < 4; ++tab) {
        window.findChild<QTabWidget*>(QStringLiteral("BottomTabs"))->setCurrentIndex(tab);
        testing::settleWindow(window);
        const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
        INFO("long names, tab " << tab << ": minimum " << minimum.width() << "x" << minimum.height());
        CHECK(minimum.width() <= 1280);
        CHECK(minimum.height() <= 720);
    }
    window.findChild<QTabWidget*>(QStringLiteral("BottomTabs"))->setCurrentIndex(0);
    testing::settleWindow(window);
    testing::saveScreenshot(window, QStringLiteral("main_window_1280_long_names.png"));
    window.beforeAfterChart()->setScatterShown(false);
    window.document()->undoStack()->clear();
    window.document()->undoStack()->setClean();
}
