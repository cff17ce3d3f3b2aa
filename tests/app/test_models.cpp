// The app's item models under QAbstractItemModelTester (which fails the test on any violation of
// the model contract), plus the values they show.
#include "app_test_support.h"

#include "app/desktop/document/document.h"
#include "app/desktop/models/column_list_model.h"
#include "app/desktop/models/recipe_model.h"
#include "app/desktop/models/table_model.h"
#include "app/desktop/commands/add_step_command.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QMimeData>

#include <memory>

using namespace preplab;
using namespace preplab::desktop;

TEST_CASE("TableModel: passes the model tester and formats cells on demand", "[app][models]")
{
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 0);
    model.setTable(testing::smallTable(), {"x"});
    REQUIRE(model.rowCount() == 5);
    REQUIRE(model.columnCount() == 3);
    CHECK(model.data(model.index(1, 0)).toString() == QStringLiteral("2.5"));
    CHECK(model.data(model.index(2, 0)).toString() == QStringLiteral("NA"));
    CHECK(model.data(model.index(2, 0), Qt::ToolTipRole).toString() == QStringLiteral("Missing value"));
    CHECK(model.data(model.index(4, 1)).toString() == QStringLiteral("c"));
    CHECK(model.headerData(0, Qt::Horizontal).toString() == QStringLiteral("x"));
    CHECK(model.headerData(0, Qt::Horizontal, Qt::FontRole).value<QFont>().bold());
    CHECK_FALSE(model.headerData(1, Qt::Horizontal, Qt::FontRole).isValid());
    CHECK(model.headerData(4, Qt::Vertical).toInt() == 5);
    model.setTable(nullptr);
    CHECK(model.columnCount() == 0);
}

TEST_CASE("TableModel: a million rows cost nothing until shown", "[app][models]")
{
    std::vector<double> values(1'000'000);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = double(i) * 0.5;
    auto table = std::make_shared<Table>();
    REQUIRE(table->addColumn("v", Column::makeNumeric(std::move(values))));
    TableModel model;
    model.setTable(table);
    CHECK(model.rowCount() == 1'000'000);
    CHECK(model.data(model.index(999'999, 0)).toString() == QStringLiteral("499999.5"));
}

TEST_CASE("ColumnListModel: passes the model tester and exposes the profile", "[app][models]")
{
    ColumnListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto table = testing::smallTable();
    auto profiled = profile::profileTable(*table);
    REQUIRE(profiled);
    model.setProfile(*profiled);
    REQUIRE(model.rowCount() == 3);
    CHECK(model.rowOf(QStringLiteral("g")) == 1);
    CHECK(model.rowOf(QStringLiteral("nope")) == -1);
    const QModelIndex x = model.index(0);
    CHECK(model.data(x).toString() == QStringLiteral("x"));
    CHECK_THAT(model.data(x, ColumnListModel::MissingShareRole).toDouble(), Catch::Matchers::WithinAbs(0.2, 1e-12));
    CHECK(model.data(x, ColumnListModel::TypeNameRole).toString() == QStringLiteral("numeric"));
    const auto bars = model.data(x, ColumnListModel::SparklineRole).value<QVector<double>>();
    REQUIRE_FALSE(bars.isEmpty());
    CHECK(*std::max_element(bars.begin(), bars.end()) == 1.0);
    model.setProfile({});
    CHECK(model.rowCount() == 0);
}

TEST_CASE("ColumnListModel: sparkline of a degenerate column", "[app][models]")
{
    profile::ColumnProfile empty;
    CHECK(sparklineOf(empty).isEmpty());
    profile::ColumnProfile zero;
    zero.histogram.edges = {0, 1};
    zero.histogram.counts = {0};
    CHECK(sparklineOf(zero).isEmpty());
}

TEST_CASE("RecipeModel: passes the model tester and the check box becomes an undo command", "[app][models]")
{
    Document document(QStringLiteral("small.csv"), testing::smallTable());
    RecipeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setDocument(&document);
    CHECK(model.rowCount() == 0);
    document.undoStack()->push(new AddStepCommand(&document, 0, {{"op", "drop_missing"}}, QStringLiteral("add")));
    document.undoStack()->push(new AddStepCommand(&document, 1, {{"op", "drop_duplicates"}}, QStringLiteral("add")));
    REQUIRE(model.rowCount() == 2);
    CHECK(model.data(model.index(0)).toString().startsWith(QStringLiteral("1. ")));
    CHECK(model.data(model.index(0), Qt::CheckStateRole).toInt() == Qt::Checked);
    REQUIRE(model.setData(model.index(0), Qt::Unchecked, Qt::CheckStateRole));
    CHECK(document.step(0).value("enabled", true) == false);
    CHECK(model.data(model.index(0), Qt::CheckStateRole).toInt() == Qt::Unchecked);
    CHECK(document.undoStack()->count() == 3);
    document.undoStack()->undo();
    CHECK(Document::isEnabled(document.step(0)));
    document.undoStack()->undo();
    document.undoStack()->undo();
    CHECK(model.rowCount() == 0);
}

TEST_CASE("RecipeModel: dropping a dragged step moves it with one undo command", "[app][models]")
{
    Document document(QStringLiteral("small.csv"), testing::smallTable());
    RecipeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setDocument(&document);
    for (const char* op : {"drop_missing", "drop_duplicates", "filter"})
        document.undoStack()->push(new AddStepCommand(&document, document.stepCount(), {{"op", op}}, QStringLiteral("add")));
    std::unique_ptr<QMimeData> drag(model.mimeData({model.index(0)}));
    REQUIRE(drag);
    // Dropped below the last row: the first step becomes the last.
    CHECK_FALSE(model.dropMimeData(drag.get(), Qt::MoveAction, 3, 0, {}));
    CHECK(document.step(2)["op"] == "drop_missing");
    CHECK(document.step(0)["op"] == "drop_duplicates");
    CHECK(document.undoStack()->count() == 4);
    document.undoStack()->undo();
    CHECK(document.step(0)["op"] == "drop_missing");
    // Dropped onto its own place: nothing happens.
    std::unique_ptr<QMimeData> same(model.mimeData({model.index(1)}));
    CHECK_FALSE(model.dropMimeData(same.get(), Qt::MoveAction, 1, 0, {}));
    CHECK(document.undoStack()->index() == 3);
}
