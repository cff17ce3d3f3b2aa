// Tests of the non-fitted cleaning ops (drop_missing, ...) run through the registry, the way a
// recipe runs them.
#include "core/ops/registry.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::ops;
using nlohmann::json;

namespace {

Table smallTable()
{
    Table t;
    REQUIRE(t.addColumn("a", Column::fromOptionals({1.0, std::nullopt, 3.0, std::nullopt, 5.0})));
    REQUIRE(t.addColumn("b", Column::fromOptionals({std::nullopt, std::nullopt, 30.0, 40.0, 50.0})));
    REQUIRE(t.addColumn("c", Column::fromStrings({"x", "y", std::nullopt, "x", "y"})));
    REQUIRE(t.addColumn("d", Column::fromOptionals({std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                                    std::nullopt})));
    return t;
}

Result<StepOutput> run(const Table& t, const json& step, std::string target = {})
{
    return runStep(t, step, StepContext::allRows(t, {}, std::move(target)));
}

} // namespace

TEST_CASE("drop_missing: rows with any missing value in the listed columns", "[ops][drop_missing]")
{
    Table t = smallTable();
    auto out = run(t, json{{"op", "drop_missing"}, {"columns", {"a", "c"}}});
    REQUIRE(out);
    CHECK(out->table.rowCount() == 2);
    CHECK(out->rowSource == std::vector<std::size_t>{0, 4});
    CHECK(out->report.rowsRemoved == std::vector<std::int64_t>{1, 2, 3});
    CHECK(out->report.rowsAdded.empty());
    CHECK(out->report.changed.empty());
    CHECK(out->report.description == "dropped 3 of 5 rows with any of 2 columns missing");
}

TEST_CASE("drop_missing: how all keeps rows with one present value", "[ops][drop_missing]")
{
    Table t = smallTable();
    auto out = run(t, json{{"op", "drop_missing"}, {"columns", {"a", "b"}}, {"how", "all"}});
    REQUIRE(out);
    CHECK(out->report.rowsRemoved == std::vector<std::int64_t>{1});
    // Default columns = every column, and d is all missing: every row goes.
    auto all = run(t, json{{"op", "drop_missing"}});
    REQUIRE(all);
    CHECK(all->table.rowCount() == 0);
    CHECK(all->table.columnCount() == 4);
}

TEST_CASE("drop_missing: columns axis with min_present", "[ops][drop_missing]")
{
    Table t = smallTable();
    auto out = run(t, json{{"op", "drop_missing"}, {"axis", "columns"}, {"min_present", 0.7}});
    REQUIRE(out);
    CHECK(out->table.names() == std::vector<std::string>{"c"});
    CHECK(out->report.columnsRemoved == std::vector<std::string>{"a", "b", "d"});
    // Untouched columns are shared, not copied.
    CHECK(out->table.columnPtr(0) == t.columnPtr(2));
    auto allMissing = run(t, json{{"op", "drop_missing"}, {"axis", "columns"}, {"how", "all"}});
    REQUIRE(allMissing);
    CHECK(allMissing->table.names() == std::vector<std::string>{"a", "b", "c"});
    // The target is never dropped by default.
    auto keepTarget = run(t, json{{"op", "drop_missing"}, {"axis", "columns"}, {"how", "all"}}, "d");
    REQUIRE(keepTarget);
    CHECK(keepTarget->table.columnCount() == 4);
}

TEST_CASE("drop_missing: degenerate tables", "[ops][drop_missing]")
{
    Table empty;
    REQUIRE(empty.addColumn("a", Column::fromOptionals({})));
    auto out = run(empty, json{{"op", "drop_missing"}});
    REQUIRE(out);
    CHECK(out->table.rowCount() == 0);
    Table one;
    REQUIRE(one.addColumn("a", Column::fromOptionals({std::nullopt})));
    auto dropped = run(one, json{{"op", "drop_missing"}, {"axis", "columns"}, {"min_present", 0.5}});
    REQUIRE(dropped);
    CHECK(dropped->table.columnCount() == 0);
    CHECK(dropped->table.rowCount() == 1);
}

TEST_CASE("drop_missing: field errors name the step and field", "[ops][drop_missing][recipe]")
{
    Table t = smallTable();
    auto bad = run(t, json{{"op", "drop_missing"}, {"how", "some"}});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "step 1 (drop_missing): field \"how\": expected one of any, all, got \"some\"");
    auto unknown = run(t, json{{"op", "drop_missing"}, {"colums", {"a"}}});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message ==
          "step 1 (drop_missing): unknown field \"colums\" (did you mean \"columns\"?); drop_missing takes axis, "
          "columns, how, min_present");
    auto column = run(t, json{{"op", "drop_missing"}, {"columns", {"A", "zzz"}}});
    REQUIRE_FALSE(column);
    CHECK(column.error().message == "step 1 (drop_missing): field \"columns\": no column named \"A\" (did you mean "
                                    "\"a\"?)");
    auto rowsOnly = run(t, json{{"op", "drop_missing"}, {"min_present", 0.5}});
    REQUIRE_FALSE(rowsOnly);
    CHECK(rowsOnly.error().message ==
          "step 1 (drop_missing): field \"min_present\": applies to \"axis\": \"columns\" only");
    auto range = run(t, json{{"op", "drop_missing"}, {"axis", "columns"}, {"min_present", 2}});
    REQUIRE_FALSE(range);
    CHECK(range.error().message ==
          "step 1 (drop_missing): field \"min_present\": expected a number between 0 and 1, got 2");
    auto type = run(t, json{{"op", "drop_missing"}, {"columns", "a"}});
    REQUIRE_FALSE(type);
    CHECK(type.error().message == "step 1 (drop_missing): field \"columns\": expected an array of column names, got "
                                  "\"a\"");
}

TEST_CASE("Registry: unknown op is named, with the known ones", "[ops][recipe]")
{
    auto op = createOp(json{{"op", "frobnicate"}}, 1, nullptr);
    REQUIRE_FALSE(op);
    CHECK(op.error().message.rfind("step 2: unknown op \"frobnicate\"; known ops: ", 0) == 0);
    auto noOp = createOp(json{{"columns", {"a"}}}, 0, nullptr);
    REQUIRE_FALSE(noOp);
    CHECK(noOp.error().message == "step 1: field \"op\" is required");
    CHECK(opGroupName(findOp("drop_missing")->group) == "Missing values");
}
