// impute against scikit-learn 1.2.1 (SimpleImputer, KNNImputer) on airquality, penguins, cars and
// adult (tests/data/ops/impute_*.json), plus degenerate inputs.
#include "ops_reference.h"

using namespace preplab;
using namespace preplab::ops;
using namespace preplab::testref;
using nlohmann::json;

TEST_CASE("impute: every reference case matches scikit-learn 1.2.1", "[ops][impute]")
{
    auto cases = referenceCases("impute_");
    REQUIRE(cases.size() >= 15);
    for (const auto& name : cases) {
        ReferenceCase rc = loadReferenceCase(name);
        INFO("case " << name);
        StepOutput out = runReferenceCase(rc);
        if (rc.fitted.is_object()) {
            const std::string strategy = rc.step.at("strategy");
            for (const auto& [column, value] : rc.fitted.items()) {
                INFO("fitted " << column);
                const json& got = out.report.fitted.at(column).at(strategy);
                if (value.is_string())
                    CHECK(got == value);
                else
                    CHECK(closeEnough(got.get<double>(), value.get<double>(), rc.tolerance));
            }
        }
        if (rc.expected.contains("added"))
            CHECK(out.report.columnsAdded == rc.expected.at("added").get<std::vector<std::string>>());
    }
}

namespace {
Table ozone()
{
    Table t;
    REQUIRE(t.addColumn("o", Column::fromOptionals({41, 36, std::nullopt, 18, std::nullopt, 28})));
    REQUIRE(t.addColumn("none", Column::fromOptionals({std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                                       std::nullopt, std::nullopt})));
    return t;
}
Result<StepOutput> run(const Table& t, const json& step)
{
    return runStep(t, step, StepContext::allRows(t));
}
} // namespace

TEST_CASE("impute: the report says what was filled with what", "[ops][impute]")
{
    Table t = ozone();
    auto out = run(t, json{{"op", "impute"}, {"columns", {"o"}}, {"strategy", "median"}});
    REQUIRE(out);
    CHECK(out->report.description == "filled 2 missing values with the median, 32");
    CHECK(out->report.changedCells() == 2);
    CHECK(out->report.fitted == json{{"o", {{"median", 32.0}}}});
}

TEST_CASE("impute: an all-missing column is left unchanged with a warning", "[ops][impute]")
{
    Table t = ozone();
    auto out = run(t, json{{"op", "impute"}, {"strategy", "mean"}});
    REQUIRE(out);
    CHECK(out->table.column(1).missingCount() == 6);
    REQUIRE(out->report.warnings.size() == 1);
    CHECK(out->report.warnings[0].message.find("\"none\" has no value in the fit rows") != std::string::npos);
    auto knn = run(t, json{{"op", "impute"}, {"strategy", "knn"}});
    REQUIRE(knn);
    CHECK(knn->table.column(0).missingCount() == 0);
    CHECK(knn->table.column(1).missingCount() == 6);
}

TEST_CASE("impute: fit rows only — the test rows' values never reach the statistic", "[ops][impute]")
{
    Table t = ozone();
    StepContext ctx = StepContext::allRows(t);
    ctx.fitRows = {0, 1, 2};  // 41, 36, missing
    ctx.trainMask = {1, 1, 1, 0, 0, 0};
    auto out = runStep(t, json{{"op", "impute"}, {"columns", {"o"}}}, ctx);
    REQUIRE(out);
    CHECK(out->table.column(0).number(2) == 38.5);
    CHECK(out->table.column(0).number(4) == 38.5);
    CHECK(out->report.fittedOn == "training rows");
}

TEST_CASE("impute: empty table, one row and bad fields", "[ops][impute]")
{
    Table empty;
    REQUIRE(empty.addColumn("x", Column::fromOptionals({})));
    auto e = run(empty, json{{"op", "impute"}});
    REQUIRE(e);
    CHECK(e->table.rowCount() == 0);
    Table one;
    REQUIRE(one.addColumn("x", Column::fromOptionals({std::nullopt})));
    REQUIRE(one.addColumn("c", Column::fromStrings({std::nullopt})));
    auto o = run(one, json{{"op", "impute"}, {"strategy", "constant"}});
    REQUIRE(o);
    CHECK(o->table.column(0).number(0) == 0.0);
    CHECK(o->table.column(1).text(0) == "missing_value");
    auto bad = run(one, json{{"op", "impute"}, {"strategy", "avg"}});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("\"strategy\"") != std::string::npos);
    auto wrongType = run(one, json{{"op", "impute"}, {"columns", {"c"}}, {"strategy", "mean"}});
    REQUIRE_FALSE(wrongType);
    CHECK(wrongType.error().message.find("categorical") != std::string::npos);
    auto stray = run(one, json{{"op", "impute"}, {"strategy", "mean"}, {"fill_value", 3}});
    REQUIRE_FALSE(stray);
    CHECK(stray.error().message.find("fill_value") != std::string::npos);
}

TEST_CASE("impute add_indicator: 0/1 Integer columns of one byte a row", "[ops][impute]")
{
    Table t;
    REQUIRE(t.addColumn("x", Column::fromOptionals({1.0, std::nullopt, 3.0, std::nullopt})));
    auto out = runStep(t, json{{"op", "impute"}, {"add_indicator", true}}, StepContext::allRows(t));
    REQUIRE(out);
    const Column* flag = out->table.find("missingindicator_x");
    REQUIRE(flag);
    CHECK(flag->type() == ColumnType::Integer);
    CHECK(flag->oneByte());
    CHECK(flag->format(0) == "0");
    CHECK(flag->format(1) == "1");
    CHECK(flag->integer(3) == 1);
    CHECK(out->table.find("x")->number(1) == 2.0);
}
