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

TEST_CASE("cast: unparseable cells become missing and are counted", "[ops][cast]")
{
    Table t;
    REQUIRE(t.addColumn("s", Column::fromStrings({"1", "2.5", "x", std::nullopt, " 7 "})));
    REQUIRE(t.addColumn("d", Column::fromOptionals({1.0, 2.5, -3.0, std::nullopt, 0.0})));
    auto num = run(t, json{{"op", "cast"}, {"columns", {"s"}}, {"to", "numeric"}});
    REQUIRE(num);
    const Column* s = num->table.find("s");
    REQUIRE(s->type() == ColumnType::Numeric);
    CHECK(s->number(1) == 2.5);
    CHECK(s->isMissing(2));
    CHECK(s->number(4) == 7.0);
    REQUIRE(num->report.warnings.size() == 1);
    CHECK(num->report.warnings[0].message == "1 cell of \"s\" could not be read as numeric and became missing");
    REQUIRE(num->report.changed.size() == 1);
    CHECK(num->report.changed[0].changedCells == 2);  // "x" became missing, " 7 " became 7

    auto ints = run(t, json{{"op", "cast"}, {"columns", {"s", "d"}}, {"to", "integer"}});
    REQUIRE(ints);
    CHECK(ints->table.find("s")->format(0) == "1");
    CHECK(ints->table.find("s")->isMissing(1));  // 2.5 is not a whole number
    CHECK(ints->table.find("d")->format(2) == "-3");
    CHECK(ints->report.description == "cast 2 columns to integer; 3 unconvertible cells became missing");

    auto b = run(t, json{{"op", "cast"}, {"columns", {"d"}}, {"to", "boolean"}});
    REQUIRE(b);
    CHECK(b->table.find("d")->format(0) == "true");
    CHECK(b->table.find("d")->format(4) == "false");
    auto cat = run(t, json{{"op", "cast"}, {"columns", {"d"}}, {"to", "categorical"}});
    REQUIRE(cat);
    CHECK(cat->table.find("d")->categories() == std::vector<std::string>{"-3", "0", "1", "2.5"});
    auto date = run(t, json{{"op", "cast"}, {"columns", {"s"}}, {"to", "datetime"}});
    REQUIRE(date);
    CHECK(date->table.find("s")->missingCount() == 5);
}

TEST_CASE("replace: sentinels become missing or another value", "[ops][replace]")
{
    Table t;
    REQUIRE(t.addColumn("n", Column::makeInteger({-999, 3, -999, 5})));
    REQUIRE(t.addColumn("c", Column::fromStrings({"?", "a", "unknown", "a"})));
    auto out = run(t, json{{"op", "replace"}, {"values", {-999, "unknown"}}});
    REQUIRE(out);
    CHECK(out->table.find("n")->type() == ColumnType::Integer);
    CHECK(out->table.find("n")->missingCount() == 2);
    CHECK(out->table.find("c")->missingCount() == 1);
    CHECK(out->report.description == "replaced 3 cells with missing");
    auto with = run(t, json{{"op", "replace"}, {"columns", {"n"}}, {"values", {-999}}, {"with", 0.5}});
    REQUIRE(with);
    CHECK(with->table.find("n")->type() == ColumnType::Numeric);
    CHECK(with->table.find("n")->number(0) == 0.5);
    auto bad = run(t, json{{"op", "replace"}, {"columns", {"c"}}, {"values", {"?"}}, {"with", 1}});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "step 1 (replace): field \"with\": column \"c\" is categorical; a number can only "
                                 "replace values of integer or numeric columns");
}

TEST_CASE("text_clean: trims, collapses, changes case, merges categories", "[ops][text_clean]")
{
    Table t;
    REQUIRE(t.addColumn("c", Column::fromStrings({"  New   York ", "new york", "Boston", std::nullopt})));
    REQUIRE(t.addColumn("t", Column::fromStrings({"\tA  b", "x", "", "y"}, ColumnType::Text)));
    auto out = run(t, json{{"op", "text_clean"}, {"case", "lower"}});
    REQUIRE(out);
    const Column* c = out->table.find("c");
    CHECK(c->categories() == std::vector<std::string>{"new york", "boston"});
    CHECK(c->format(0) == "new york");
    CHECK(c->isMissing(3));
    CHECK(out->table.find("t")->format(0) == "a b");
    auto keep = run(t, json{{"op", "text_clean"}, {"columns", {"c"}}, {"trim", false}, {"collapse_spaces", false}});
    REQUIRE(keep);
    CHECK(keep->report.changed.empty());
}

TEST_CASE("drop_duplicates: keep first, last, none; missing equals missing", "[ops][drop_duplicates]")
{
    Table t;
    REQUIRE(t.addColumn("a", Column::fromOptionals({1.0, 1.0, std::nullopt, std::nullopt, 2.0, 1.0})));
    REQUIRE(t.addColumn("b", Column::fromStrings({"x", "x", "y", "y", "z", "w"})));
    auto first = run(t, json{{"op", "drop_duplicates"}});
    REQUIRE(first);
    CHECK(first->rowSource == std::vector<std::size_t>{0, 2, 4, 5});
    auto last = run(t, json{{"op", "drop_duplicates"}, {"keep", "last"}});
    REQUIRE(last);
    CHECK(last->rowSource == std::vector<std::size_t>{1, 3, 4, 5});
    auto none = run(t, json{{"op", "drop_duplicates"}, {"keep", "none"}});
    REQUIRE(none);
    CHECK(none->rowSource == std::vector<std::size_t>{4, 5});
    auto subset = run(t, json{{"op", "drop_duplicates"}, {"columns", {"a"}}});
    REQUIRE(subset);
    CHECK(subset->rowSource == std::vector<std::size_t>{0, 2, 4});
}

TEST_CASE("bin: right-closed intervals, include_lowest, numbered bins", "[ops][bin]")
{
    Table t;
    REQUIRE(t.addColumn("x", Column::fromOptionals({0.0, 5.0, 10.0, 10.5, 20.0, 25.0, std::nullopt})));
    auto out = run(t, json{{"op", "bin"}, {"column", "x"}, {"edges", {0, 10, 20}}});
    REQUIRE(out);
    const Column* x = out->table.find("x");
    CHECK(x->categories() == std::vector<std::string>{"(0, 10]", "(10, 20]"});
    std::vector<std::string> got;
    for (std::size_t i = 0; i < x->size(); ++i)
        got.push_back(x->format(i));
    CHECK(got == std::vector<std::string>{"", "(0, 10]", "(0, 10]", "(10, 20]", "(10, 20]", "", ""});
    CHECK(out->report.description == "binned x into 2 bins; 2 values outside the edges became missing");
    auto lowest = run(t, json{{"op", "bin"}, {"column", "x"}, {"edges", {0, 10, 20}}, {"include_lowest", true},
                              {"labels", false}, {"name", "k"}});
    REQUIRE(lowest);
    CHECK(lowest->table.find("k")->format(0) == "0");
    CHECK(lowest->table.find("k")->format(3) == "1");
    CHECK(lowest->table.find("x")->type() == ColumnType::Numeric);
    auto left = run(t, json{{"op", "bin"}, {"column", "x"}, {"edges", {0, 10, 20}}, {"right", false}});
    REQUIRE(left);
    CHECK(left->table.find("x")->format(2) == "[10, 20)");
    CHECK(left->table.find("x")->isMissing(4));
}

TEST_CASE("date_parts: year, month, day, weekday, hour, dayofyear", "[ops][date_parts]")
{
    Table t;
    // 2024-02-29T13:45:00 (a Thursday) and 1969-12-31T23:00:00 (a Wednesday).
    const std::int64_t leap = daysFromCivil(2024, 2, 29) * 86400000 + (13 * 60 + 45) * 60000;
    const std::int64_t before = -3600000;
    REQUIRE(t.addColumn("when", Column::makeDatetime({leap, before, 0}, {1, 1, 0}, true)));
    auto out = run(t, json{{"op", "date_parts"}, {"parts", {"year", "month", "day", "weekday", "hour", "dayofyear"}}});
    REQUIRE(out);
    CHECK(out->table.names() == std::vector<std::string>{"when", "when_year", "when_month", "when_day", "when_weekday",
                                                         "when_hour", "when_dayofyear"});
    auto row = [&](std::size_t r) {
        std::vector<std::string> v;
        for (std::size_t c = 1; c < out->table.columnCount(); ++c)
            v.push_back(out->table.column(c).format(r));
        return v;
    };
    CHECK(row(0) == std::vector<std::string>{"2024", "2", "29", "3", "13", "60"});
    CHECK(row(1) == std::vector<std::string>{"1969", "12", "31", "2", "23", "365"});
    CHECK(row(2) == std::vector<std::string>{"", "", "", "", "", ""});
}

TEST_CASE("split: sizes, stratification and determinism", "[ops][split]")
{
    // 100 rows: 80 "a", 20 "b".
    std::vector<std::optional<std::string>> cls;
    for (int i = 0; i < 100; ++i)
        cls.push_back(i % 5 == 0 ? "b" : "a");
    Table t;
    REQUIRE(t.addColumn("y", Column::fromStrings(cls)));
    auto out = run(t, json{{"op", "split"}, {"seed", 3}}, "y");
    REQUIRE(out);
    std::size_t testA = 0, testB = 0;
    for (std::size_t i = 0; i < 100; ++i)
        if (!out->trainMask[i])
            (cls[i] == "a" ? testA : testB)++;
    CHECK(testA == 20);
    CHECK(testB == 5);
    CHECK(out->report.description == "split 100 rows into 75 training and 25 test rows, stratified by y, seed 3");
    auto again = run(t, json{{"op", "split"}, {"seed", 3}}, "y");
    CHECK(again->trainMask == out->trainMask);
    auto other = run(t, json{{"op", "split"}, {"seed", 4}}, "y");
    CHECK(other->trainMask != out->trainMask);
    auto plain = run(t, json{{"op", "split"}, {"test_size", 10}, {"stratify", false}});
    REQUIRE(plain);
    CHECK(std::count(plain->trainMask.begin(), plain->trainMask.end(), 0) == 10);
    auto noTarget = run(t, json{{"op", "split"}, {"stratify", true}});
    REQUIRE_FALSE(noTarget);
    CHECK(noTarget.error().message ==
          "step 1 (split): field \"stratify\": needs the recipe's \"target\" (the classes to keep in proportion)");
    Table one;
    REQUIRE(one.addColumn("y", Column::fromStrings({"a"})));
    auto tiny = run(one, json{{"op", "split"}});
    REQUIRE_FALSE(tiny);
    CHECK(tiny.error().message == "step 1 (split): cannot split 1 row into 1 test rows and at least one training row");
}

TEST_CASE("sample: n, fraction, stratified, errors", "[ops][sample]")
{
    std::vector<std::optional<std::string>> cls;
    for (int i = 0; i < 50; ++i)
        cls.push_back(i < 10 ? "b" : "a");
    Table t;
    REQUIRE(t.addColumn("y", Column::fromStrings(cls)));
    auto n = run(t, json{{"op", "sample"}, {"n", 7}, {"seed", 1}});
    REQUIRE(n);
    CHECK(n->table.rowCount() == 7);
    CHECK(std::is_sorted(n->rowSource.begin(), n->rowSource.end()));
    CHECK(n->report.rowsRemoved.size() == 43);
    auto frac = run(t, json{{"op", "sample"}, {"fraction", 0.5}, {"stratify", true}}, "y");
    REQUIRE(frac);
    CHECK(frac->table.rowCount() == 25);
    CHECK(std::count_if(frac->rowSource.begin(), frac->rowSource.end(), [](std::size_t r) { return r < 10; }) == 5);
    auto all = run(t, json{{"op", "sample"}, {"fraction", 1.0}});
    REQUIRE(all);
    CHECK(all->rowSource.empty());
    auto both = run(t, json{{"op", "sample"}, {"n", 3}, {"fraction", 0.5}});
    REQUIRE_FALSE(both);
    CHECK(both.error().message == "step 1 (sample): give either \"n\" or \"fraction\", not both");
    auto big = run(t, json{{"op", "sample"}, {"n", 51}});
    REQUIRE_FALSE(big);
    CHECK(big.error().message == "step 1 (sample): cannot sample 51 rows from 50 without replacement");
}

TEST_CASE("rename and drop_columns; the report follows renames", "[ops][rename]")
{
    Table t = smallTable();
    auto swap = run(t, json{{"op", "rename"}, {"mapping", {{"a", "b"}, {"b", "a"}}}});
    REQUIRE(swap);
    CHECK(swap->table.names() == std::vector<std::string>{"b", "a", "c", "d"});
    CHECK(swap->table.columnPtr(0) == t.columnPtr(0));
    CHECK(swap->report.columnsAdded.empty());
    CHECK(swap->report.columnsRemoved.empty());
    auto clash = run(t, json{{"op", "rename"}, {"mapping", {{"a", "c"}}}});
    REQUIRE_FALSE(clash);
    CHECK(clash.error().message == "step 1 (rename): field \"mapping\": a column named \"c\" already exists");
    auto target = run(t, json{{"op", "rename"}, {"mapping", {{"a", "z"}}}}, "a");
    REQUIRE_FALSE(target);
    auto drop = run(t, json{{"op", "drop_columns"}, {"columns", {"a", "d"}}});
    REQUIRE(drop);
    CHECK(drop->table.names() == std::vector<std::string>{"b", "c"});
    CHECK(drop->report.columnsRemoved == std::vector<std::string>{"a", "d"});
    auto none = run(t, json{{"op", "drop_columns"}, {"columns", json::array()}});
    REQUIRE_FALSE(none);
    CHECK(none.error().message == "step 1 (drop_columns): field \"columns\": expected at least one column");
}

TEST_CASE("StepReport: changed cells, masks and before/after summaries", "[ops][report]")
{
    Table t = smallTable();
    auto out = run(t, json{{"op", "formula"}, {"name", "a"}, {"expr", "if(isna(a), 0, a * 2)"}});
    REQUIRE(out);
    const auto& r = out->report;
    REQUIRE(r.changed.size() == 1);
    const auto& c = r.changed[0];
    CHECK(c.column == "a");
    CHECK(c.changedCells == 5);
    CHECK(c.changedRows == std::vector<std::uint8_t>{1, 1, 1, 1, 1});
    CHECK(c.before.missing == 2);
    CHECK(c.after.missing == 0);
    CHECK(*c.before.mean == 3.0);
    CHECK(*c.after.mean == 3.6);
    CHECK_THAT(*c.before.std, Catch::Matchers::WithinRel(2.0, 1e-12));
    CHECK(r.text().find("a: 5 cells changed, missing 2 -> 0, mean 3 -> 3.6") != std::string::npos);
    auto j = r.toJson();
    CHECK(j["changed"][0]["changed_cells"] == 5);
    CHECK(j["changed"][0]["after"]["max"] == 10.0);
}
