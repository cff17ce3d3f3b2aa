// The main window's frame: the menus and toolbar MainMenus builds (titles, order, the recent-files
// list it keeps in QSettings; other tests running at the same time may add to that list).
#include "app_test_support.h"

#include "app/desktop/main_window.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
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
