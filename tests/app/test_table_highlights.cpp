// The data table's marks for the selected step: StepHighlights built from the pipeline's origins
// and report masks, the TableModel's roles for changed, imputed, new-column, added and removed
// cells (under QAbstractItemModelTester), the legend's counts, and a screenshot.
#include "app_test_support.h"

#include "app/desktop/commands/edit_step_command.h"
#include "app/desktop/document/document.h"
#include "app/desktop/main_window.h"
#include "app/desktop/models/step_highlights.h"
#include "app/desktop/models/table_model.h"
#include "app/desktop/views/bias_panel.h"
#include "app/desktop/views/recipe_panel.h"
#include "app/desktop/workers/latest_task.h"
#include "app/desktop/views/table_panel.h"
#include "app/desktop/workers/evaluation.h"
#include "app/desktop/workers/evaluation_worker.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QApplication>
#include <QDir>
#include <QFont>
#include <QHeaderView>
#include <QPalette>
#include <QSignalSpy>
#include <QTableView>
#include <QToolButton>

using namespace preplab;
using namespace preplab::desktop;
using State = TableModel::CellState;

namespace {

// Evaluates `steps` on penguins and returns the last step's result (REQUIREs success).
EvaluationResult runOnPenguins(std::vector<nlohmann::json> steps)
{
    EvaluationRequest request;
    request.source = testing::loadPenguins().table;
    request.steps = std::move(steps);
    request.step = static_cast<int>(request.steps.size()) - 1;
    EvaluationResult result = evaluate(request);
    INFO((result.error ? result.error->message : std::string()));
    REQUIRE_FALSE(result.error);
    REQUIRE(result.highlights);
    return result;
}

State stateAt(const TableModel& model, int row, int column)
{
    return static_cast<State>(model.data(model.index(row, column), TableModel::CellStateRole).toInt());
}

int columnOf(const TableModel& model, const char* name)
{
    const auto index = model.table()->indexOf(name);
    REQUIRE(index);
    return static_cast<int>(*index);
}

} // namespace

TEST_CASE("TableModel: an impute step marks the imputed cells, with the fill value in the tooltip", "[app][models]")
{
    const EvaluationResult result =
        runOnPenguins({{{"op", "impute"}, {"columns", {"bill_length_mm"}}, {"strategy", "median"}}});
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHighlights(result.highlights);
    REQUIRE(model.rowCount() == 344);
    const int bill = columnOf(model, "bill_length_mm");
    const int depth = columnOf(model, "bill_depth_mm");

    // Row 3 (0-based) of penguins is missing everywhere; only bill_length_mm was imputed.
    const QModelIndex imputed = model.index(3, bill);
    CHECK(model.data(imputed).toString() == QStringLiteral("44.45"));
    CHECK(stateAt(model, 3, bill) == State::Imputed);
    CHECK(model.data(imputed, Qt::ToolTipRole).toString() == QStringLiteral("imputed: was missing, now 44.45 (median)"));
    CHECK(model.data(imputed, Qt::FontRole).value<QFont>().italic());
    const QVariant imputedBackground = model.data(imputed, Qt::BackgroundRole);
    REQUIRE(imputedBackground.isValid());

    const QModelIndex unchanged = model.index(0, bill);
    CHECK(stateAt(model, 0, bill) == State::Plain);
    CHECK_FALSE(model.data(unchanged, Qt::BackgroundRole).isValid());
    CHECK_FALSE(model.data(unchanged, Qt::ToolTipRole).isValid());
    CHECK(model.data(imputed, Qt::BackgroundRole) != model.data(unchanged, Qt::BackgroundRole));
    // A missing cell of a column the step left alone stays a plain missing cell.
    CHECK(stateAt(model, 3, depth) == State::Plain);
    CHECK(model.data(model.index(3, depth), Qt::ToolTipRole).toString() == QStringLiteral("Missing value"));

    const StepHighlights& h = *model.highlights();
    CHECK(h.changedCells == 2);
    CHECK(h.imputedCells == 2);
    CHECK(h.removedInputRows.empty());
    CHECK(h.inputRow.empty());  // same rows: identity
    CHECK(model.headerData(bill, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("2 cells changed")));
    CHECK(model.headerData(bill, Qt::Horizontal, Qt::FontRole).value<QFont>().bold());
    CHECK_FALSE(model.headerData(depth, Qt::Horizontal, Qt::FontRole).isValid());
}

TEST_CASE("TableModel: a scale step's changed cells say before -> after", "[app][models]")
{
    const EvaluationResult result = runOnPenguins({{{"op", "impute"}, {"strategy", "median"}},
                                                   {{"op", "scale"}, {"method", "standard"}, {"columns", {"bill_length_mm"}}}});
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHighlights(result.highlights);
    const int bill = columnOf(model, "bill_length_mm");
    CHECK(stateAt(model, 0, bill) == State::Changed);
    // (39.1 - mean) / std (ddof 0) over the imputed column: mean 43.9247, std 5.4516.
    const QString tip = model.data(model.index(0, bill), Qt::ToolTipRole).toString();
    CHECK(tip.startsWith(QStringLiteral("changed: was 39.1, now -0.88")));
    CHECK(tip.endsWith(QStringLiteral("(scale: standard)")));
    // Row 3 was imputed by step 1, not by this step: here it is an ordinary change.
    CHECK(stateAt(model, 3, bill) == State::Changed);
    CHECK(model.data(model.index(0, bill), Qt::BackgroundRole) != model.data(model.index(3, columnOf(model, "year")), Qt::BackgroundRole));
    CHECK(result.highlights->changedCells == 344);
    CHECK(result.highlights->imputedCells == 0);
}

TEST_CASE("TableModel: removed rows are counted and can be shown; new columns are tinted", "[app][models]")
{
    const EvaluationResult result = runOnPenguins(
        {{{"op", "drop_missing"}, {"columns", {"sex"}}}, {{"op", "formula"}, {"name", "ratio"}, {"expr", "bill_length_mm / bill_depth_mm"}}});
    const StepHighlights& formula = *result.highlights;
    CHECK(formula.addedColumns == 1);
    CHECK(formula.removedInputRows.empty());

    const EvaluationResult dropped = runOnPenguins({{{"op", "drop_missing"}, {"columns", {"sex"}}}});
    const StepHighlights& h = *dropped.highlights;
    REQUIRE(h.removedInputRows.size() == 11);  // penguins has 11 rows without a sex
    CHECK(h.removedInputRows.front() == 3);
    CHECK(h.inputRow.size() == 333);
    CHECK(h.inputRow[3] == 4);  // output row 3 is input row 4: row 3 was dropped
    CHECK(h.addedRowCount == 0);

    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHighlights(result.highlights);
    CHECK(model.rowCount() == 333);
    const int ratio = columnOf(model, "ratio");
    CHECK(stateAt(model, 0, ratio) == State::NewColumn);
    CHECK(model.data(model.index(0, ratio), Qt::BackgroundRole).isValid());
    CHECK(stateAt(model, 0, 0) == State::Plain);

    model.setHighlights(dropped.highlights);
    CHECK(model.rowCount() == 333);
    CHECK(model.headerData(3, Qt::Vertical, Qt::ToolTipRole).toString() == QStringLiteral("From row 5 of the step's input"));
    model.setShowRemoved(true);
    REQUIRE(model.rowCount() == 11);
    CHECK(model.headerData(0, Qt::Vertical).toInt() == 4);  // input row 4 (1-based)
    CHECK(model.data(model.index(0, columnOf(model, "sex"))).toString() == QStringLiteral("NA"));
    CHECK(stateAt(model, 0, 0) == State::Removed);
    CHECK(model.data(model.index(0, 0), Qt::ToolTipRole).toString().startsWith(QStringLiteral("removed by the step")));
    model.setShowRemoved(false);
    CHECK(model.rowCount() == 333);

    TablePanel panel;
    panel.showStep(dropped.highlights, QStringLiteral("Step 1 (drop_missing)"));
    CHECK(panel.legendText().contains(QStringLiteral("11 removed rows")));
    CHECK(panel.legendText().contains(QStringLiteral("no cells changed")));
    CHECK_FALSE(panel.legendText().contains(QStringLiteral("imputed")));
}

TEST_CASE("StepHighlights: a disabled step marks nothing", "[app][models]")
{
    const EvaluationResult result =
        runOnPenguins({{{"op", "impute"}, {"strategy", "median"}, {"enabled", false}}});
    REQUIRE(result.report);
    CHECK_FALSE(result.report->ran);
    const StepHighlights& h = *result.highlights;
    CHECK(h.changedCells == 0);
    CHECK(h.addedColumns == 0);
    CHECK(h.removedInputRows.empty());
    TablePanel panel;
    panel.showStep(result.highlights, QStringLiteral("Step 1 (impute, disabled)"));
    CHECK(panel.legendText() == QStringLiteral("<b>Step 1 (impute, disabled)</b>: no cells changed, 0 removed rows"));
}

TEST_CASE("StepHighlights: rows follow their origin; copies and synthetic rows are added rows", "[app][models]")
{
    auto input = std::make_shared<Table>();
    REQUIRE(input->addColumn("x", Column::fromOptionals({1.0, std::nullopt, 3.0, 4.0})));
    auto output = std::make_shared<Table>();
    REQUIRE(output->addColumn("x", Column::fromOptionals({1.0, 3.0, 3.0, 9.0})));
    ops::StepReport report;  // no per-row mask: the cells are compared
    ops::ColumnChange change;
    change.column = "x";
    change.changedCells = 1;
    report.changed.push_back(change);
    auto h = buildHighlights(input, {0, 1, 2, 3}, output, {0, 2, 2, -1}, report, {{"op", "resample"}});
    CHECK(h->inputRow == std::vector<std::int32_t>{0, 2, 2, -1});
    CHECK(h->addedRows == std::vector<std::uint8_t>{0, 0, 1, 1});
    CHECK(h->addedRowCount == 2);
    CHECK(h->removedInputRows == std::vector<std::int32_t>{1, 3});
    CHECK(h->method == "resample");
    REQUIRE(h->columns.size() == 1);
    CHECK(h->columns[0].changedCells == 0);  // the copies hold the values they copied; row 3 has no input row

    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHighlights(h);
    CHECK(stateAt(model, 0, 0) == State::Plain);
    CHECK(stateAt(model, 2, 0) == State::AddedRow);
    CHECK(model.data(model.index(2, 0), Qt::ToolTipRole).toString() == QStringLiteral("added row: a copy of input row 3 (resample)"));
    CHECK(model.data(model.index(3, 0), Qt::ToolTipRole).toString() == QStringLiteral("added row: synthetic (resample)"));
}

TEST_CASE("StepHighlights: degenerate tables", "[app][models]")
{
    ops::StepReport report;
    auto empty = std::make_shared<Table>();
    auto h = buildHighlights(empty, {}, empty, {}, report, {{"op", "impute"}});
    CHECK(h->columns.empty());
    CHECK(h->method == "mean");
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHighlights(h);
    CHECK(model.rowCount() == 0);
    model.setShowRemoved(true);
    CHECK(model.rowCount() == 0);

    // One row, all missing, imputed with a constant.
    auto before = std::make_shared<Table>();
    REQUIRE(before->addColumn("x", Column::fromOptionals({std::nullopt})));
    auto after = std::make_shared<Table>();
    REQUIRE(after->addColumn("x", Column::fromOptionals({0.0})));
    ops::ColumnChange change;
    change.column = "x";
    change.changedCells = 1;
    change.changedRows = {1};
    report.changed.push_back(change);
    h = buildHighlights(before, {0}, after, {0}, report, {{"op", "impute"}, {"strategy", "constant"}});
    CHECK(h->imputedCells == 1);
    model.setHighlights(h);
    CHECK(model.data(model.index(0, 0), Qt::ToolTipRole).toString() == QStringLiteral("imputed: was missing, now 0 (constant)"));
}

TEST_CASE("Bias panel: a hidden panel reads its target's values only once shown", "[app][bias]")
{
    // Every recipe edit hands the panel a new table; counting the target's values is a pass over
    // the whole column on the GUI thread, so a hidden panel leaves it until it is shown.
    BiasPanel panel;
    panel.setTable(testing::loadPenguins().table, "sex");
    QComboBox* positive = nullptr;
    for (QComboBox* box : panel.findChildren<QComboBox*>())
        if (box->toolTip().contains(QStringLiteral("favourable")))
            positive = box;
    REQUIRE(positive);
    CHECK(positive->count() == 0);
    panel.show();
    QApplication::processEvents();
    CHECK(positive->findText(QStringLiteral("male")) >= 0);
    CHECK(positive->findText(QStringLiteral("female")) >= 0);
    panel.task()->waitForIdle();
}

TEST_CASE("MainWindow: screenshot of the table marking an impute step's cells", "[app][screenshot]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    window.openInitial(testing::samplesDir() + QStringLiteral("/penguins.csv"));
    auto settle = [&] {
        for (int i = 0; i < 200 && (window.loadWorker()->isRunning() || window.evaluationWorker()->isBusy()); ++i) {
            window.loadWorker()->wait();
            window.evaluationWorker()->waitForIdle();
            QApplication::processEvents();
        }
        QApplication::processEvents();
    };
    settle();
    REQUIRE(window.document());
    window.document()->setCurrentColumn(QStringLiteral("bill_length_mm"));
    settle();
    CHECK(window.tablePanel()->legendText().startsWith(QStringLiteral("Source table")));
    window.recipePanel()->addStepOfOp(QStringLiteral("impute"));
    settle();
    REQUIRE(window.lastEvaluation().highlights);
    const TableModel* model = window.tablePanel()->model();
    CHECK(model->highlights() == window.lastEvaluation().highlights.get());
    CHECK(stateAt(*model, 3, columnOf(*model, "bill_length_mm")) == State::Imputed);
    // 2 in each of 4 columns; only the colours in use, and the removed rows
    CHECK(window.tablePanel()->legendText().endsWith(QStringLiteral("8 cells imputed, 0 removed rows")));
    window.tablePanel()->view()->scrollToTop();
    QApplication::processEvents();
    QDir().mkpath(QStringLiteral(PREPLAB_SCREENSHOT_DIR));
    REQUIRE(window.grab().save(QStringLiteral(PREPLAB_SCREENSHOT_DIR "/table_highlight.png")));

    // The same marks on a dark palette: the tints are blended into the base colour, so they stay soft.
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
    QApplication::setPalette(dark);
    QApplication::processEvents();
    const QColor imputed = model->data(model->index(3, columnOf(*model, "bill_length_mm")), Qt::BackgroundRole)
                               .value<QBrush>()
                               .color();
    CHECK(imputed.lightnessF() < 0.4);  // a dark tint, not the light palette's pastel
    REQUIRE(window.tablePanel()->grab().save(QStringLiteral(PREPLAB_SCREENSHOT_DIR "/table_highlight_dark.png")));
    QApplication::setPalette(light);
    QApplication::processEvents();

    // A parameter change keeps the table where it was: the cells change in place.
    QTableView* view = window.tablePanel()->view();
    view->scrollTo(model->index(200, 0), QAbstractItemView::PositionAtTop);
    const int top = view->rowAt(0);
    CHECK(top > 150);
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    window.document()->undoStack()->push(new EditStepCommand(window.document(), 0, "strategy", "mean"));
    settle();
    CHECK(resets.isEmpty());
    CHECK(view->rowAt(0) == top);
    CHECK(model->data(model->index(3, columnOf(*model, "bill_length_mm")), Qt::ToolTipRole)
              .toString()
              .startsWith(QStringLiteral("imputed: was missing, now 43.92")));

    // A step that removes rows: the legend counts them and the toggle shows them.
    window.recipePanel()->addStepOfOp(QStringLiteral("drop_missing"));
    settle();
    REQUIRE(window.document()->currentStep() == 1);
    CHECK(window.tablePanel()->legendText().contains(QStringLiteral("11 removed rows")));
    auto* toggle = window.tablePanel()->findChild<QToolButton*>(QStringLiteral("ShowRemovedRows"));
    REQUIRE(toggle);
    CHECK(toggle->isEnabled());
    toggle->click();
    QApplication::processEvents();
    CHECK(model->showsRemoved());
    CHECK(model->rowCount() == 11);
    CHECK(window.tablePanel()->view()->rowAt(0) == 0);
    REQUIRE(window.grab().save(QStringLiteral(PREPLAB_SCREENSHOT_DIR "/table_removed_rows.png")));
    toggle->click();
    CHECK(model->rowCount() == 333);
    window.document()->undoStack()->clear();
    window.document()->undoStack()->setClean();
}
