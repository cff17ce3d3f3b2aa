#include "app/desktop/views/main_menus.h"

#include "app/desktop/charts/before_after_chart.h"
#include "app/desktop/document/samples.h"
#include "app/desktop/views/recipe_panel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUndoGroup>

namespace preplab::desktop {

namespace {
constexpr int kMaxRecent = 8;
const QString kFileFilter = QStringLiteral(
    "Tables (*.csv *.tsv *.txt *.json *.jsonl *.ndjson *.arff *.db *.sqlite *.sqlite3);;All files (*)");
} // namespace

MainMenus::MainMenus(QMainWindow* window, QUndoGroup* undoGroup, RecipePanel* recipePanel, BeforeAfterChart* chart)
    : QObject(window), m_window(window), m_undoGroup(undoGroup), m_recipePanel(recipePanel), m_chart(chart)
{
    m_toolbar = window->addToolBar(tr("Main"));
    m_toolbar->setObjectName(QStringLiteral("MainToolBar"));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    createFileMenu();
    createEditMenu();
    createRecipeMenu();
    createChartMenu();
    createViewAndHelpMenus();
}

void MainMenus::createFileMenu()
{
    QMenu* file = m_window->menuBar()->addMenu(tr("&File"));
    QStyle* style = m_window->style();
    QAction* open = file->addAction(style->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open a table"), QString(), kFileFilter);
        if (!path.isEmpty())
            Q_EMIT openFileRequested(path);
    });
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a CSV, TSV, JSON, ARFF or SQLite table (%1)").arg(open->shortcut().toString()));
    m_toolbar->addAction(open);

    QMenu* sampleMenu = file->addMenu(tr("Open &Sample"));
    sampleMenu->setToolTipsVisible(true);
    for (const Sample& sample : samples()) {
        QAction* a = sampleMenu->addAction(sample.title, this, [this, sample] {
            const QString path = samplePath(sample.fileName);
            if (path.isEmpty())
                QMessageBox::warning(m_window, tr("Sample not found"), tr("The sample %1 is not installed.").arg(sample.fileName));
            else
                Q_EMIT openFileRequested(path);
        });
        a->setToolTip(sample.description);
    }
    auto* sampleButton = new QToolButton;
    sampleButton->setText(tr("Samples"));
    sampleButton->setIcon(style->standardIcon(QStyle::SP_DirHomeIcon));
    sampleButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    sampleButton->setPopupMode(QToolButton::InstantPopup);
    sampleButton->setMenu(sampleMenu);
    sampleButton->setToolTip(tr("Open one of the bundled sample datasets"));
    m_toolbar->addWidget(sampleButton);

    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    QAction* openRecipe = file->addAction(tr("Open R&ecipe…"), this, &MainMenus::openRecipeRequested);
    openRecipe->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openRecipe->setToolTip(tr("Open a saved recipe (*.preplab.json) and apply it to this data"));
    QAction* save = file->addAction(style->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save Recipe"), this,
                                    [this] { Q_EMIT saveRecipeRequested(false); });
    save->setShortcut(QKeySequence::Save);
    save->setToolTip(tr("Save the recipe (%1)").arg(save->shortcut().toString()));
    QAction* saveAs = file->addAction(tr("Save Recipe &As…"), this, [this] { Q_EMIT saveRecipeRequested(true); });
    saveAs->setShortcut(QKeySequence::SaveAs);
    QAction* exportAction = file->addAction(tr("&Export Transformed Data…"), this, &MainMenus::exportDataRequested);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Run the whole recipe and write the result as CSV, TSV or JSON"));
    m_toolbar->addAction(save);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), m_window, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

void MainMenus::createEditMenu()
{
    QMenu* edit = m_window->menuBar()->addMenu(tr("&Edit"));
    QStyle* style = m_window->style();
    QAction* undo = m_undoGroup->createUndoAction(m_window, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(style->standardIcon(QStyle::SP_ArrowBack));
    undo->setToolTip(tr("Undo the last recipe edit (%1)").arg(undo->shortcut().toString()));
    QAction* redo = m_undoGroup->createRedoAction(m_window, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(style->standardIcon(QStyle::SP_ArrowForward));
    redo->setToolTip(tr("Redo the recipe edit (%1)").arg(redo->shortcut().toString()));
    edit->addAction(undo);
    edit->addAction(redo);
    m_toolbar->addSeparator();
    for (QAction* a : {undo, redo}) {
        // Icon-only on the toolbar: the undo text names the command and would resize the bar.
        auto* button = new QToolButton;
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setAutoRaise(true);
        m_toolbar->addWidget(button);
    }
}

void MainMenus::createRecipeMenu()
{
    QMenu* recipe = m_window->menuBar()->addMenu(tr("&Recipe"));
    QAction* add = recipe->addAction(m_window->style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("&Add Step…"),
                                     m_recipePanel, &RecipePanel::addStep);
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    add->setToolTip(tr("Add a preprocessing step after the selected one (%1)").arg(add->shortcut().toString()));
    m_toolbar->addSeparator();
    m_toolbar->addAction(add);
    QAction* duplicate = recipe->addAction(tr("&Duplicate Step"), m_recipePanel, &RecipePanel::duplicateStep);
    duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction* remove = recipe->addAction(tr("De&lete Step"), m_recipePanel, &RecipePanel::deleteStep);
    remove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    QAction* up = recipe->addAction(tr("Move Step &Up"), m_recipePanel, [this] { m_recipePanel->moveStep(-1); });
    up->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    QAction* down = recipe->addAction(tr("Move Step Do&wn"), m_recipePanel, [this] { m_recipePanel->moveStep(1); });
    down->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    recipe->addSeparator();
    QAction* source = recipe->addAction(tr("Show &Source Table"), this, &MainMenus::showSourceRequested);
    source->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
}

void MainMenus::createChartMenu()
{
    QMenu* chart = m_window->menuBar()->addMenu(tr("&Chart"));
    QAction* exportChart = chart->addAction(tr("&Export Chart…"), this, &MainMenus::exportChartRequested);
    exportChart->setToolTip(tr("Save the before/after chart as PNG or SVG"));
    QAction* copy = chart->addAction(tr("&Copy Chart"), m_chart, [this] { m_chart->copyToClipboard(); });
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy->setToolTip(tr("Copy the before/after chart to the clipboard as an image"));
}

void MainMenus::createViewAndHelpMenus()
{
    QMenu* view = m_window->menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* help = m_window->menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About PrepLab"), this, [this] {
        QMessageBox::about(m_window, tr("About PrepLab"),
                           tr("<h3>PrepLab %1</h3><p>See what data preprocessing does: profile a table, build a "
                              "recipe of steps and watch each step's effect.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    help->addAction(tr("About the &Sample Data"), this, [this] {
        QFile readme(samplesDirectory() + QStringLiteral("/README.md"));
        QString text = readme.open(QIODevice::ReadOnly) ? QString::fromUtf8(readme.readAll()) : tr("Not installed.");
        QMessageBox box(QMessageBox::Information, tr("About the sample data"), QString(), QMessageBox::Ok, m_window);
        box.setTextFormat(Qt::MarkdownText);
        box.setText(text);
        box.exec();
    });
}

void MainMenus::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& path : recent) {
        QAction* a = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { Q_EMIT openFileRequested(path); });
        a->setToolTip(path);
    }
    m_recentMenu->setToolTipsVisible(true);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainMenus::addRecentFile(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    updateRecentMenu();
}

} // namespace preplab::desktop
