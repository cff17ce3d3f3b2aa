#include "app/desktop/main_window.h"

#include "app/desktop/charts/before_after_chart.h"
#include "app/desktop/charts/scatter_chart.h"
#include "app/desktop/document/document.h"
#include "app/desktop/document/op_fields.h"
#include "app/desktop/document/recipe_file.h"
#include "app/desktop/document/samples.h"
#include "app/desktop/models/column_list_model.h"
#include "app/desktop/models/recipe_model.h"
#include "app/desktop/models/table_model.h"
#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/column_delegate.h"
#include "app/desktop/views/column_inspector.h"
#include "app/desktop/views/issues_panel.h"
#include "app/desktop/views/main_menus.h"
#include "app/desktop/views/recipe_panel.h"
#include "app/desktop/views/step_editor.h"
#include "app/desktop/views/table_panel.h"
#include "app/desktop/workers/evaluation_worker.h"
#include "app/desktop/views/bias_panel.h"
#include "app/desktop/views/model_panel.h"
#include "core/io/writer.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoGroup>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

namespace preplab::desktop {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    m_loader = new LoadWorker(this);
    m_undoGroup = new QUndoGroup(this);
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(30'000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    m_autosaveTimer->start();
    m_evaluator = new EvaluationWorker(this);
    connect(m_loader, &LoadWorker::finished, this, &MainWindow::onLoadFinished);
    connect(m_loader, &LoadWorker::progressChanged, this, [this](int permille, const QString& stage) {
        m_loadProgress->setValue(permille);
        m_loadProgress->setFormat(stage.isEmpty() ? QStringLiteral("Loading %p%") : stage + QStringLiteral(" %p%"));
    });
    connect(m_evaluator, &EvaluationWorker::finished, this, &MainWindow::onEvaluated);
    connect(m_evaluator, &EvaluationWorker::profiled, this, &MainWindow::onProfiled);
    createWidgets();
    createMenus();
    // Dock sizes for a 1280x720 window, set once it has that size (resizeDocks on a window still
    // at its default size is squeezed away); a saved state replaces them.
    resize(1280, 720);
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("ColumnsDock")), findChild<QDockWidget*>(QStringLiteral("RecipeDock"))},
                {235, 300}, Qt::Horizontal);
    resizeDocks({m_issuesDock}, {110}, Qt::Vertical);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets()
{
    m_tablePanel = new TablePanel;
    m_tableModel = m_tablePanel->model();
    m_tableView = m_tablePanel->view();
    connect(m_tableView->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        if (m_tableModel->table() && m_document)
            m_document->setCurrentColumn(m_tableModel->headerData(section, Qt::Horizontal).toString());
    });

    m_inspector = new ColumnInspector;
    m_bottomTabs = new QTabWidget;
    m_bottomTabs->setObjectName(QStringLiteral("BottomTabs"));
    m_chart = new BeforeAfterChart;
    m_bottomTabs->addTab(m_chart, tr("Before / after"));
    m_bottomTabs->setTabToolTip(0, tr("The selected column before and after the selected step, on shared axes"));
    m_bottomTabs->addTab(m_inspector, tr("Column profile"));
    m_bottomTabs->setTabToolTip(1, tr("Every statistic of the selected column and its alerts"));
    m_biasPanel = new BiasPanel;
    m_bottomTabs->addTab(m_biasPanel, tr("Bias"));
    m_bottomTabs->setTabToolTip(2, tr("Positive rate per group, parity, proxies and Simpson checks of the shown table"));
    m_modelPanel = new ModelPanel;
    m_bottomTabs->addTab(m_modelPanel, tr("Model"));
    m_bottomTabs->setTabToolTip(3, tr("A quick model trained before and after the recipe on the same split"));

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("CentralSplitter"));
    splitter->addWidget(m_tablePanel);
    splitter->addWidget(m_bottomTabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    m_columnModel = new ColumnListModel(this);
    m_columnList = new QListView;
    m_columnList->setObjectName(QStringLiteral("ColumnList"));
    m_columnList->setModel(m_columnModel);
    m_columnList->setItemDelegate(new ColumnDelegate(m_columnList));
    m_columnList->setUniformItemSizes(true);
    m_columnList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_columnList->setMinimumWidth(ColumnDelegate::kMinimumWidth + m_columnList->verticalScrollBar()->sizeHint().width() + 4);
    m_columnList->setToolTip(tr("Columns of the shown table: type, missing share and distribution. Click one to inspect it."));
    connect(m_columnList->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& index) {
        if (index.isValid() && m_document)
            m_document->setCurrentColumn(index.data().toString());
    });
    auto* columnsDock = new QDockWidget(tr("Columns"), this);
    columnsDock->setObjectName(QStringLiteral("ColumnsDock"));
    columnsDock->setWidget(m_columnList);
    addDockWidget(Qt::LeftDockWidgetArea, columnsDock);

    m_recipePanel = new RecipePanel;
    auto* recipeDock = new QDockWidget(tr("Recipe"), this);
    recipeDock->setObjectName(QStringLiteral("RecipeDock"));
    recipeDock->setWidget(m_recipePanel);
    addDockWidget(Qt::RightDockWidgetArea, recipeDock);

    m_issues = new IssuesPanel;
    m_issuesDock = new QDockWidget(tr("Issues"), this);
    m_issuesDock->setObjectName(QStringLiteral("IssuesDock"));
    m_issuesDock->setWidget(m_issues);
    addDockWidget(Qt::BottomDockWidgetArea, m_issuesDock);
    m_issuesDock->hide();

    m_loadProgress = new QProgressBar;
    m_loadProgress->setRange(0, 1000);
    m_loadProgress->setMaximumWidth(240);
    m_loadProgress->setToolTip(tr("Reading the file"));
    m_loadProgress->hide();
    m_cancelLoad = new QToolButton;
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop reading the file"));
    m_cancelLoad->hide();
    connect(m_cancelLoad, &QToolButton::clicked, m_loader, &LoadWorker::cancel);
    m_statusShape = new QLabel;
    m_statusShape->setToolTip(tr("Rows and columns of the shown table"));
    m_statusTime = new QLabel;
    m_statusTime->setToolTip(tr("Time the selected step took, and the whole evaluation"));
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->addPermanentWidget(m_cancelLoad);
    statusBar()->addPermanentWidget(m_statusTime);
    statusBar()->addPermanentWidget(m_statusShape);
}

void MainWindow::createMenus()
{
    m_menus = new MainMenus(this, m_undoGroup, m_recipePanel, m_chart);
    connect(m_menus, &MainMenus::openFileRequested, this, &MainWindow::openFile);
    connect(m_menus, &MainMenus::openRecipeRequested, this, &MainWindow::openRecipe);
    connect(m_menus, &MainMenus::saveRecipeRequested, this, &MainWindow::saveRecipe);
    connect(m_menus, &MainMenus::exportDataRequested, this, &MainWindow::exportData);
    connect(m_menus, &MainMenus::exportChartRequested, this, &MainWindow::exportChart);
    connect(m_menus, &MainMenus::showSourceRequested, this, [this] {
        if (m_document)
            m_document->setCurrentStep(-1);
    });
}

void MainWindow::openInitial(const QString& path)
{
    if (!path.isEmpty()) {
        openFile(path);
        return;
    }
    const QString sample = samplePath(QStringLiteral("penguins.csv"));
    if (!sample.isEmpty())
        openFile(sample);
}

void MainWindow::openFile(const QString& path)
{
    if (m_document && m_pendingRecipe.is_null() && !maybeSaveRecipe())
        return;
    m_loadProgress->setValue(0);
    m_loadProgress->setFormat(tr("Loading %p%"));
    m_loadProgress->show();
    m_cancelLoad->show();
    statusBar()->showMessage(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    m_loader->start(path);
}

void MainWindow::onLoadFinished(const LoadOutcome& outcome)
{
    m_loadProgress->hide();
    m_cancelLoad->hide();
    statusBar()->clearMessage();
    if (outcome.cancelled || outcome.error)
        m_pendingRecipe = nullptr;
    if (outcome.cancelled) {
        statusBar()->showMessage(tr("Loading %1 was cancelled").arg(QFileInfo(outcome.path).fileName()), 5000);
        return;
    }
    if (outcome.error) {
        QMessageBox box(QMessageBox::Warning, tr("Cannot open %1").arg(QFileInfo(outcome.path).fileName()),
                        tr("PrepLab could not read this file."), QMessageBox::Ok, this);
        box.setInformativeText(describeError(*outcome.error));
        box.exec();
        return;
    }
    m_menus->addRecentFile(outcome.path);
    setDocument(std::make_unique<Document>(outcome.path, outcome.table, outcome.warnings));
    statusBar()->showMessage(tr("Read %1 in %2 ms").arg(QFileInfo(outcome.path).fileName()).arg(outcome.elapsedMs), 5000);
}

void MainWindow::setDocument(std::unique_ptr<Document> document)
{
    m_evaluator->cancel();
    m_recipePanel->setDocument(nullptr);
    if (m_document)
        m_undoGroup->removeStack(m_document->undoStack());
    m_document = std::move(document);
    m_pipelineCache = makePipelineCache();  // a new source: nothing to reuse
    connect(m_document.get(), &Document::changed, this, &MainWindow::onDocumentChanged);
    m_undoGroup->addStack(m_document->undoStack());
    m_undoGroup->setActiveStack(m_document->undoStack());
    m_recipePanel->setDocument(m_document.get());
    if (!m_pendingRecipe.is_null()) {
        m_document->loadRecipe(m_pendingRecipe, QString());
        if (m_pendingRecipeModified)
            m_document->undoStack()->resetClean();
        m_pendingRecipe = nullptr;
        m_pendingRecipeModified = false;
    }
    m_issues->setIssues(tr("file"), m_document->readWarnings());
    updateIssuesDock();
    m_tablePanel->showTable(m_document->source());
    const Table& table = *m_document->source();
    if (table.columnCount() > 0)
        m_document->setCurrentColumn(toQString(table.name(0)));
    updateTitle();
    requestEvaluation(true);
}

void MainWindow::onDocumentChanged(const ChangeEvent& event)
{
    switch (event.kind) {
    case ChangeEvent::Kind::ColumnSelected:
        if (!m_followingColumn)
            m_followStep = -1;  // the user's own choice stands
        showColumn(m_document->currentColumn());
        requestEvaluation(true);
        break;
    case ChangeEvent::Kind::StepSelected:
        m_followStep = m_document->currentStep();
        requestEvaluation(true);
        break;
    case ChangeEvent::Kind::RecipeChanged:
        requestEvaluation(false);
        break;
    case ChangeEvent::Kind::RecipePathChanged:
        updateTitle();
        break;
    }
}

void MainWindow::requestEvaluation(bool now)
{
    if (!m_document)
        return;
    EvaluationRequest request;
    request.source = m_document->source();
    request.steps = m_document->steps();
    request.target = m_document->target();
    request.step = m_document->currentStep();
    request.cache = m_pipelineCache;
    request.column = toStdString(m_document->currentColumn());
    if (now)
        m_evaluator->requestNow(std::move(request));
    else
        m_evaluator->request(std::move(request));
}

void MainWindow::onEvaluated(const EvaluationResult& result)
{
    m_lastEvaluation = result;
    if (m_document && m_followStep >= 0 && result.step == m_followStep && result.report &&
        m_document->currentStep() == result.step) {
        m_followStep = -1;
        const QString column = toQString(columnToInspect(*result.report, toStdString(m_document->currentColumn())));
        if (column != m_document->currentColumn()) {
            // A new evaluation for that column follows; this one still updates the views.
            m_followingColumn = true;
            m_document->setCurrentColumn(column);
            m_followingColumn = false;
        }
    }
    if (m_document)
        m_biasPanel->setRecipe(m_document->source(), m_document->steps());
    m_biasPanel->setTable(result.after, m_document ? m_document->target() : std::string());
    if (m_document)
        m_modelPanel->setRecipe(m_document->source(), m_document->steps(), m_document->target());
    if (result.highlights && m_document && result.step < m_document->stepCount()) {
        const QString op = toQString(m_document->step(result.step).value("op", std::string()));
        const bool disabled = result.report && !result.report->ran;
        if (result.highlights.get() != m_tableModel->highlights())
            m_tablePanel->showStep(result.highlights, disabled ? tr("Step %1 (%2, disabled)").arg(result.step + 1).arg(op)
                                                               : tr("Step %1 (%2)").arg(result.step + 1).arg(op));
    } else if (result.after && result.after.get() != m_tableModel->table()) {
        m_tablePanel->showTable(result.after, result.changedColumns);
    }
    if (!result.profilePending)  // else it follows (onProfiled)
        m_columnModel->setProfile(result.profile);
    showColumn(m_document ? m_document->currentColumn() : QString());
    QStringList inputColumns;
    if (result.before)
        for (const auto& name : result.before->names())
            inputColumns << toQString(name);
    m_recipePanel->setColumns(inputColumns);
    m_recipePanel->model()->setStatuses(result.steps);
    const bool hasStep = result.step >= 0 && m_document && result.step < m_document->stepCount();
    const QString stepName = hasStep ? QStringLiteral("step %1").arg(result.step + 1) : QString();
    m_chart->setComparison(result.comparison, hasStep, stepName);
    m_chart->setScatterInputs({result.before, result.after, result.highlights, hasStep, stepName,
                               m_document ? m_document->currentColumn() : QString()});
    const QString summary = stepSummaryHtml(result);
    m_chart->setCaption(summary);
    m_recipePanel->editor()->setStepSummary(summary);
    Diagnostics recipeIssues = result.warnings;
    if (result.error)
        recipeIssues.push_back({Diagnostic::Severity::Warning, result.error->message, -1, {}});
    m_issues->setIssues(tr("recipe"), recipeIssues);
    updateIssuesDock();
    updateStatus();
}

void MainWindow::onProfiled(const EvaluationResult& result)
{
    if (result.after != m_lastEvaluation.after)
        return;
    m_lastEvaluation.profile = result.profile;
    m_lastEvaluation.profilePending = false;
    m_columnModel->setProfile(result.profile);
    showColumn(m_document ? m_document->currentColumn() : QString());
}

void MainWindow::showColumn(const QString& name)
{
    const int row = m_columnModel->rowOf(name);
    if (row >= 0) {
        const QModelIndex index = m_columnModel->index(row);
        if (m_columnList->currentIndex() != index)
            m_columnList->setCurrentIndex(index);
        m_inspector->showColumn(m_columnModel->profile(), &m_columnModel->profile().columns[static_cast<std::size_t>(row)]);
        if (const Table* table = m_tableModel->table()) {
            if (auto col = table->indexOf(toStdString(name))) {
                const int top = std::max(0, m_tableView->rowAt(0));
                m_tableView->scrollTo(m_tableModel->index(top, static_cast<int>(*col)));
            }
        }
    } else {
        m_inspector->showColumn(m_columnModel->profile(), nullptr);
    }
}

void MainWindow::updateIssuesDock()
{
    const int count = m_issues->issueCount();
    m_issuesDock->setWindowTitle(count ? tr("Issues (%1)").arg(count) : tr("Issues"));
    // The panel appears when there is something to see; the user can still open it from View.
    if (count > 0 && !m_issuesDock->isVisible())
        m_issuesDock->show();
}

void MainWindow::updateTitle()
{
    QString title = m_document ? QFileInfo(m_document->sourcePath()).fileName() : tr("No data");
    if (m_document) {
        const QString recipe = m_document->recipePath().isEmpty() ? tr("untitled recipe")
                                                                  : QFileInfo(m_document->recipePath()).fileName();
        title += QStringLiteral(" · ") + recipe + (m_document->isRecipeModified() ? QStringLiteral("*") : QString());
    }
    setWindowTitle(title + QStringLiteral(" — PrepLab"));
}

void MainWindow::updateStatus()
{
    const Table* table = m_tableModel->table();
    m_statusShape->setText(table ? tr("%L1 rows × %L2 columns").arg(table->rowCount()).arg(table->columnCount())
                                 : tr("No table"));
    QString time;
    if (m_lastEvaluation.after && m_lastEvaluation.step >= 0)
        time = tr("step %1: %2 ms · ").arg(m_lastEvaluation.step + 1).arg(m_lastEvaluation.stepMs, 0, 'f', 1);
    if (m_lastEvaluation.after)
        time += tr("evaluated in %1 ms").arg(m_lastEvaluation.totalMs, 0, 'f', 1);
    m_statusTime->setText(time);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSaveRecipe()) {
        event->ignore();
        return;
    }
    QFile::remove(autosavePath());  // a clean exit: nothing to restore next time
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_loader->cancel();
    m_evaluator->cancel();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty() && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = event->mimeData()->urls().first().toLocalFile();
    event->acceptProposedAction();
    openFile(path);
}

bool MainWindow::saveRecipe(bool askForPath)
{
    if (!m_document)
        return false;
    QString path = m_document->recipePath();
    if (askForPath || path.isEmpty()) {
        const QString suggested = QFileInfo(m_document->sourcePath()).completeBaseName() + QStringLiteral(".preplab.json");
        path = QFileDialog::getSaveFileName(this, tr("Save recipe"), suggested, tr("PrepLab recipes (*.preplab.json)"));
        if (path.isEmpty())
            return false;
        if (!path.endsWith(QStringLiteral(".json")))
            path += QStringLiteral(".preplab.json");
    }
    if (auto ok = writeRecipeFile(path, m_document->recipeJson()); !ok) {
        QMessageBox::warning(this, tr("Cannot save the recipe"), describeError(ok.error()));
        return false;
    }
    m_document->markRecipeSaved(path);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

void MainWindow::openRecipe()
{
    if (!m_document || !maybeSaveRecipe())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open recipe"), QString(),
                                                      tr("PrepLab recipes (*.preplab.json *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    auto recipe = readRecipeFile(path);
    if (!recipe) {
        QMessageBox::warning(this, tr("Cannot open %1").arg(QFileInfo(path).fileName()), describeError(recipe.error()));
        return;
    }
    m_document->loadRecipe(*recipe, path);
}

void MainWindow::exportData()
{
    if (!m_document)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export transformed data"), QFileInfo(m_document->sourcePath()).completeBaseName() + QStringLiteral("_prepared.csv"),
        tr("CSV (*.csv);;TSV (*.tsv);;JSON (*.json);;JSON Lines (*.jsonl)"));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    EvaluationRequest request;
    request.source = m_document->source();
    request.steps = m_document->steps();
    request.target = m_document->target();
    request.step = m_document->stepCount() - 1;
    request.deferProfile = true;  // only the table is written: no profile
    const EvaluationResult result = evaluate(request);
    std::optional<Error> error = result.error;
    if (!error && result.after) {
        io::WriteOptions options;
        options.protectedPaths.push_back(toStdString(m_document->sourcePath()));
        auto written = io::writeTable(*result.after, toStdString(path), options);
        if (!written)
            error = written.error();
    }
    QApplication::restoreOverrideCursor();
    if (error)
        QMessageBox::warning(this, tr("Cannot export the data"), describeError(*error));
    else
        statusBar()->showMessage(tr("Wrote %1 (%L2 rows)").arg(QFileInfo(path).fileName()).arg(result.after->rowCount()), 5000);
}

void MainWindow::exportChart()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QStringLiteral("chart.png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    const bool ok = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive) ? m_chart->exportSvg(path) : m_chart->exportPng(path);
    if (!ok)
        QMessageBox::warning(this, tr("Cannot export the chart"), tr("Could not write %1.").arg(path));
}

bool MainWindow::maybeSaveRecipe()
{
    if (!m_document || !m_document->isRecipeModified() || m_document->stepCount() == 0)
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved recipe"),
                                              tr("The recipe has changes that are not saved. Save them?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    return answer == QMessageBox::Discard || saveRecipe(false);
}

QString MainWindow::autosavePath() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave.preplab.json");
}

void MainWindow::autosave()
{
    if (!m_document || !m_document->isRecipeModified())
        return;
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    nlohmann::json state = {{"source", toStdString(m_document->sourcePath())}, {"recipe", m_document->recipeJson()}};
    (void)writeRecipeFile(autosavePath(), state);  // best effort: a failed autosave must not interrupt
}

bool MainWindow::offerRestore()
{
    QFile file(autosavePath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.readAll();
    file.close();
    auto state = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (state.is_discarded() || !state.contains("recipe") || !state["source"].is_string() ||
        !validateRecipe(state["recipe"], "autosave")) {
        QFile::remove(autosavePath());
        return false;
    }
    const QString source = toQString(state["source"].get<std::string>());
    const auto answer = QMessageBox::question(
        this, tr("Restore unsaved work?"),
        tr("PrepLab did not close normally. Restore the unsaved recipe of %1 (%2 steps)?")
            .arg(QFileInfo(source).fileName())
            .arg(state["recipe"]["steps"].size()));
    QFile::remove(autosavePath());
    if (answer != QMessageBox::Yes)
        return false;
    m_pendingRecipe = state["recipe"];
    m_pendingRecipeModified = true;
    openFile(source);
    return true;
}

} // namespace preplab::desktop
