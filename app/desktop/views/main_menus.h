// MainMenus: the main window's menu bar and toolbar (File, Edit, Recipe, Chart, View, Help) and
// the recent-files list kept in QSettings. It builds the actions and says what the user asked
// for through signals; the main window decides what each request does. Recipe-step actions go
// straight to the RecipePanel, undo and redo to the window's QUndoGroup.
#pragma once

#include <QObject>
#include <QString>

class QMainWindow;
class QMenu;
class QToolBar;
class QUndoGroup;

namespace preplab::desktop {

class BeforeAfterChart;
class RecipePanel;

class MainMenus : public QObject {
    Q_OBJECT
public:
    // Adds the menus to `window`'s menu bar and a "MainToolBar" toolbar. Call after the docks
    // exist: the View menu lists their toggle actions.
    MainMenus(QMainWindow* window, QUndoGroup* undoGroup, RecipePanel* recipePanel, BeforeAfterChart* chart);

    // Puts `path` first in Open Recent (at most eight entries, kept across sessions).
    void addRecentFile(const QString& path);

Q_SIGNALS:
    void openFileRequested(const QString& path);
    void openRecipeRequested();
    void saveRecipeRequested(bool askForPath);
    void exportDataRequested();
    void exportChartRequested();
    void showSourceRequested();

private:
    void createFileMenu();
    void createEditMenu();
    void createRecipeMenu();
    void createChartMenu();
    void createViewAndHelpMenus();
    void updateRecentMenu();

    QMainWindow* m_window;
    QUndoGroup* m_undoGroup;
    RecipePanel* m_recipePanel;
    BeforeAfterChart* m_chart;
    QToolBar* m_toolbar = nullptr;
    QMenu* m_recentMenu = nullptr;
};

} // namespace preplab::desktop
