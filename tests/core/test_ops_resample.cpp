#include "core/ops/registry.h"

#include <catch2/catch.hpp>

#include <map>

using namespace preplab;
using namespace preplab::ops;
using nlohmann::json;

namespace {

// 8 rows of class "no", 3 of class "yes"; x = row index, g = group.
Table imbalanced()
{
    Table t;
    std::vector<std::optional<std::string>> y, g;
    std::vector<double> x;
    for (int i = 0; i < 11; ++i) {
        y.push_back(i < 8 ? "no" : "yes");
        g.push_back(i % 2 ? "a" : "b");
        x.push_back(i);
    }
    REQUIRE(t.addColumn("x", Column::makeNumeric(x)).ok());
    REQUIRE(t.addColumn("k", Column::makeInteger({1, 2, 3, 4, 5, 6, 7, 8, 90, 91, 95})).ok());
    REQUIRE(t.addColumn("g", Column::fromStrings(g)).ok());
    REQUIRE(t.addColumn("y", Column::fromStrings(y)).ok());
    return t;
}

std::map<std::string, int> classCounts(const Table& t)
{
    std::map<std::string, int> c;
    const Column* y = t.find("y");
    for (std::size_t i = 0; i < t.rowCount(); ++i)
        ++c[std::string(y->text(i))];
    return c;
}

} // namespace

TEST_CASE("resample random_over: minority copies appended, originals untouched", "[ops][resample]")
{
    Table t = imbalanced();
    auto out = runStep(t, json{{"op", "resample"}, {"method", "random_over"}, {"seed", 3}},
                       StepContext::allRows(t, "resample", "y"));
    REQUIRE(out.ok());
    CHECK(out->table.rowCount() == 16);
    CHECK(classCounts(out->table) == std::map<std::string, int>{{"no", 8}, {"yes", 8}});
    CHECK(out->report.rowsAdded.size() == 5);
    CHECK(out->report.fitted["class_counts_after"]["yes"] == 8);
    for (std::size_t i = 0; i < 11; ++i)
        CHECK(out->table.column(0).number(i) == static_cast<double>(i));
    auto again = runStep(t, json{{"op", "resample"}, {"method", "random_over"}, {"seed", 3}},
                         StepContext::allRows(t, "resample", "y"));
    CHECK(again->rowSource == out->rowSource);
}

TEST_CASE("resample random_under with a ratio keeps n_min / ratio majority rows", "[ops][resample]")
{
    Table t = imbalanced();
    auto out = runStep(t, json{{"op", "resample"}, {"method", "random_under"}, {"sampling_strategy", 0.5}},
                       StepContext::allRows(t, "resample", "y"));
    REQUIRE(out.ok());
    CHECK(classCounts(out->table) == std::map<std::string, int>{{"no", 6}, {"yes", 3}});
    CHECK(out->report.rowsRemoved.size() == 2);
}

TEST_CASE("resample only touches the training rows after a split", "[ops][resample]")
{
    Table t = imbalanced();
    StepContext ctx = StepContext::allRows(t, "resample", "y");
    // Rows 0-5 and 8-9 train; 6, 7, 10 test.
    ctx.trainMask = {1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0};
    ctx.fitRows = {0, 1, 2, 3, 4, 5, 8, 9};
    auto out = runStep(t, json{{"op", "resample"}, {"method", "random_under"}}, ctx);
    REQUIRE(out.ok());
    // Train: 6 "no", 2 "yes" -> 2 and 2; the 3 test rows stay.
    CHECK(out->table.rowCount() == 7);
    const Column& x = out->table.column(0);
    int testRows = 0;
    for (std::size_t i = 0; i < out->table.rowCount(); ++i)
        testRows += x.number(i) == 6 || x.number(i) == 7 || x.number(i) == 10;
    CHECK(testRows == 3);
}

TEST_CASE("resample smote: synthetic minority rows interpolate numeric features", "[ops][resample]")
{
    Table t = imbalanced();
    auto out = runStep(t, json{{"op", "resample"}, {"method", "smote"}, {"k_neighbors", 2}, {"seed", 1}},
                       StepContext::allRows(t, "resample", "y"));
    REQUIRE(out.ok());
    REQUIRE(out->table.rowCount() == 16);
    CHECK(out->table.column(1).type() == ColumnType::Numeric);  // interpolated integers become numeric
    for (std::size_t i = 11; i < 16; ++i) {
        CHECK(out->table.find("y")->text(i) == "yes");
        const double x = out->table.column(0).number(i), k = out->table.column(1).number(i);
        CHECK((x >= 8 && x <= 10));
        CHECK((k >= 90 && k <= 95));
        CHECK(out->rowSource[i] == kNewRow);
    }
}

TEST_CASE("resample: clear errors for a missing target, one class, missing SMOTE features", "[ops][resample]")
{
    Table t = imbalanced();
    auto noTarget = runStep(t, json{{"op", "resample"}}, StepContext::allRows(t, "resample", ""));
    REQUIRE_FALSE(noTarget.ok());
    CHECK(noTarget.error().message.find("target") != std::string::npos);

    auto badStrategy = runStep(t, json{{"op", "resample"}, {"sampling_strategy", "most"}},
                               StepContext::allRows(t, "resample", "y"));
    REQUIRE_FALSE(badStrategy.ok());
    CHECK(badStrategy.error().message.find("sampling_strategy") != std::string::npos);

    Table one;
    REQUIRE(one.addColumn("x", Column::makeNumeric({1, 2})).ok());
    REQUIRE(one.addColumn("y", Column::fromStrings({"a", "a"})).ok());
    auto oneClass = runStep(one, json{{"op", "resample"}}, StepContext::allRows(one, "resample", "y"));
    REQUIRE_FALSE(oneClass.ok());
    CHECK(oneClass.error().message.find("two classes") != std::string::npos);

    Table gap = imbalanced();
    REQUIRE(gap.setColumn(0, Column::fromOptionals({0, 1, 2, 3, 4, 5, 6, 7, std::nullopt, 9, 10})).ok());
    auto smote = runStep(gap, json{{"op", "resample"}, {"method", "smote"}}, StepContext::allRows(gap, "resample", "y"));
    REQUIRE_FALSE(smote.ok());
    CHECK(smote.error().message.find("impute first") != std::string::npos);
}

TEST_CASE("resample: clear errors for a one-row SMOTE class, a ratio that adds no rows, a seed numpy refuses",
          "[ops][resample]")
{
    Table t = imbalanced();
    std::vector<std::optional<std::string>> y(11, "no");
    y[10] = "yes";
    Table lone = imbalanced();
    REQUIRE(lone.setColumn(3, Column::fromStrings(y)).ok());
    auto single = runStep(lone, json{{"op", "resample"}, {"method", "smote"}}, StepContext::allRows(lone, "resample", "y"));
    REQUIRE_FALSE(single.ok());
    CHECK(single.error().message.find("class 'yes' has 1 row") != std::string::npos);
    // random_over copies the one row: nothing to interpolate, no error.
    CHECK(runStep(lone, json{{"op", "resample"}}, StepContext::allRows(lone, "resample", "y")).ok());

    // 8 "no", 3 "yes": int(8 * 0.3 - 3) < 0 would remove minority rows; imblearn refuses too.
    auto shrink = runStep(t, json{{"op", "resample"}, {"sampling_strategy", 0.3}}, StepContext::allRows(t, "resample", "y"));
    REQUIRE_FALSE(shrink.ok());
    CHECK(shrink.error().message.find("over-sampling only adds rows") != std::string::npos);

    auto seed = runStep(t, json{{"op", "resample"}, {"seed", 4294967296ll}}, StepContext::allRows(t, "resample", "y"));
    REQUIRE_FALSE(seed.ok());
    CHECK(seed.error().message.find("seed") != std::string::npos);
}
