// MainWindow: wiring only. Creates the panels, docks and workers (menus and toolbar: MainMenus) and
// connects them to the current Document; the work itself lives in document/, commands/, models/,
// views/, charts/ and workers/.
#pragma once

#include "app/desktop/workers/evaluation.h"
#include "app/desktop/workers/load_worker.h"

#include <nlohmann/json.hpp>

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QUndoGroup;
class QLabel;
class QListView;
class QProgressBar;
class QTableView;
class QTabWidget;
class QTimer;
class QToolButton;

namespace preplab::desktop {

class BeforeAfterChart;
class BiasPanel;
class ModelPanel;
class ColumnInspector;
class RecipePanel;
class ColumnListModel;
class Document;
class EvaluationWorker;
class IssuesPanel;
class MainMenus;
class TableModel;
class TablePanel;
struct ChangeEvent;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    RecipePanel* recipePanel() const { return m_recipePanel; }
    BeforeAfterChart* beforeAfterChart() const { return m_chart; }
    TablePanel* tablePanel() const { return m_tablePanel; }
    // Opens `path`, or the penguins sample when empty.
    void openInitial(const QString& path);
    void openFile(const QString& path);
    // Offers to restore the recipe autosaved by a session that did not end cleanly; true when it
    // is being restored (its data file is loading).
    bool offerRestore();
    Document* document() const { return m_document.get(); }
    LoadWorker* loadWorker() const { return m_loader; }
    EvaluationWorker* evaluationWorker() const { return m_evaluator; }
    const EvaluationResult& lastEvaluation() const { return m_lastEvaluation; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createWidgets();
    void createMenus();
    void onLoadFinished(const LoadOutcome& outcome);
    void setDocument(std::unique_ptr<Document> document);
    void onDocumentChanged(const ChangeEvent& event);
    void requestEvaluation(bool now = false);
    void onEvaluated(const EvaluationResult& result);
    void onProfiled(const EvaluationResult& result);
    void showColumn(const QString& name);
    void updateTitle();
    void updateIssuesDock();
    void updateStatus();
    bool saveRecipe(bool askForPath);
    void openRecipe();
    void exportData();
    void exportChart();
    bool maybeSaveRecipe();
    void autosave();
    QString autosavePath() const;

    std::unique_ptr<Document> m_document;
    LoadWorker* m_loader = nullptr;
    EvaluationWorker* m_evaluator = nullptr;
    EvaluationResult m_lastEvaluation;
    // The step just selected or added whose evaluation may move the inspected column to one the
    // step touched (-1 = none; cleared when the user picks a column).
    int m_followStep = -1;
    bool m_followingColumn = false;
    std::shared_ptr<PipelineCache> m_pipelineCache;

    TablePanel* m_tablePanel = nullptr;
    TableModel* m_tableModel = nullptr;
    ColumnListModel* m_columnModel = nullptr;
    QTableView* m_tableView = nullptr;
    QListView* m_columnList = nullptr;
    ColumnInspector* m_inspector = nullptr;
    QTabWidget* m_bottomTabs = nullptr;
    IssuesPanel* m_issues = nullptr;
    QDockWidget* m_issuesDock = nullptr;
    RecipePanel* m_recipePanel = nullptr;
    BeforeAfterChart* m_chart = nullptr;
    BiasPanel* m_biasPanel = nullptr;
    ModelPanel* m_modelPanel = nullptr;
    QTimer* m_autosaveTimer = nullptr;
    QUndoGroup* m_undoGroup = nullptr;
    nlohmann::json m_pendingRecipe;  // a recipe to apply once the data it belongs to has loaded
    bool m_pendingRecipeModified = false;

    MainMenus* m_menus = nullptr;
    QProgressBar* m_loadProgress = nullptr;
    QToolButton* m_cancelLoad = nullptr;
    QLabel* m_statusShape = nullptr;
    QLabel* m_statusTime = nullptr;
};

} // namespace preplab::desktop
