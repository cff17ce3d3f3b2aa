// Tests of incremental pipeline evaluation: re-running only from the first changed step, sharing
// untouched columns between step outputs, row provenance, the split mask and cancelling.
#include "core/io/reader.h"
#include "core/pipeline/pipeline.h"

#include <catch2/catch.hpp>

#include <atomic>

using namespace preplab;
using namespace preplab::pipeline;

namespace {

Table penguins()
{
    auto r = io::readTable(std::string(PREPLAB_SHARED_DIR) + "/datasets/penguins.csv");
    REQUIRE(r);
    return std::move(r->table);
}

Recipe recipeOf(const std::string& steps)
{
    auto r = Recipe::parse(R"({"format": "preplab-recipe", "version": 1, "target": "species", "steps": [)" + steps + "]}");
    if (!r)
        FAIL(r.error().message);
    return std::move(*r);
}

const std::string kSteps = R"({"op": "drop_missing", "columns": ["sex"]},
    {"op": "filter", "expr": "bill_length_mm > 40"},
    {"op": "formula", "name": "ratio", "expr": "bill_length_mm / bill_depth_mm"},
    {"op": "split", "seed": 1},
    {"op": "sample", "fraction": 0.5, "seed": 2})";

} // namespace

TEST_CASE("Pipeline: a change at step k re-runs steps k.. only", "[pipeline]")
{
    Pipeline p(penguins());
    Recipe recipe = recipeOf(kSteps);
    REQUIRE(p.run(recipe));
    CHECK(p.completedSteps() == 5);
    CHECK(p.executions() == std::vector<std::size_t>{1, 1, 1, 1, 1});
    CHECK(p.firstRecomputed() == 0);

    // Same recipe again: nothing runs.
    REQUIRE(p.run(recipe));
    CHECK(p.executions() == std::vector<std::size_t>{1, 1, 1, 1, 1});
    CHECK(p.firstRecomputed() == 5);

    // Change step 3 (index 2): steps 0 and 1 are kept.
    recipe.steps[2].json["expr"] = "bill_length_mm * 2";
    REQUIRE(p.run(recipe));
    CHECK(p.executions() == std::vector<std::size_t>{1, 1, 2, 2, 2});
    CHECK(p.firstRecomputed() == 2);

    // Disable the last step: only it re-runs, and passes its input through.
    recipe.steps[4].json["enabled"] = false;
    REQUIRE(p.run(recipe));
    CHECK(p.executions() == std::vector<std::size_t>{1, 1, 2, 2, 3});
    CHECK_FALSE(p.step(4).report.ran);
    CHECK(p.output().rowCount() == p.step(3).table.rowCount());

    // A new target re-runs everything (defaults depend on it).
    recipe.target = "island";
    REQUIRE(p.run(recipe));
    CHECK(p.executions() == std::vector<std::size_t>{2, 2, 3, 3, 4});
}

TEST_CASE("Pipeline: untouched columns are shared by pointer between steps", "[pipeline]")
{
    Pipeline p(penguins());
    REQUIRE(p.run(recipeOf(R"({"op": "formula", "name": "ratio", "expr": "bill_length_mm / bill_depth_mm"},
                               {"op": "text_clean", "columns": ["island"], "case": "upper"})")));
    const Table& src = p.source();
    const Table& s1 = p.step(0).table;
    const Table& s2 = p.step(1).table;
    for (std::size_t i = 0; i < src.columnCount(); ++i)
        CHECK(s1.columnPtr(i) == src.columnPtr(i));
    CHECK(s1.columnCount() == src.columnCount() + 1);
    const auto island = *src.indexOf("island");
    for (std::size_t i = 0; i < s2.columnCount(); ++i)
        CHECK((s2.columnPtr(i) == s1.columnPtr(i)) == (i != island));
    // The report names the changed column: every island value was upper-cased.
    REQUIRE(p.step(1).report.changed.size() == 1);
    CHECK(p.step(1).report.changed[0].column == "island");
    CHECK(p.step(1).report.changed[0].changedCells == 344);
    CHECK(p.step(0).report.columnsAdded == std::vector<std::string>{"ratio"});
}

TEST_CASE("Pipeline: row provenance and the split mask follow the rows", "[pipeline]")
{
    Pipeline p(penguins());
    REQUIRE(p.run(recipeOf(kSteps)));
    // penguins: 11 rows have no sex, so drop_missing removes source rows 3, 8, 9, 10, 11, ...
    const auto& removed = p.step(0).report.rowsRemoved;
    CHECK(removed.size() == 11);
    CHECK(removed.front() == 3);
    CHECK(p.step(0).table.rowCount() == 333);
    // After the filter, origin maps each row back to its source row.
    const Table& filtered = p.step(1).table;
    const auto& origin = p.step(1).origin;
    REQUIRE(origin.size() == filtered.rowCount());
    const Column* bill = p.source().find("bill_length_mm");
    for (std::size_t i = 0; i < filtered.rowCount(); ++i)
        CHECK(filtered.find("bill_length_mm")->number(i) == bill->number(static_cast<std::size_t>(origin[i])));
    // Rows removed by the filter are reported by their source position.
    for (auto r : p.step(1).report.rowsRemoved)
        CHECK((bill->isMissing(static_cast<std::size_t>(r)) || bill->number(static_cast<std::size_t>(r)) <= 40));
    // Split: a quarter of the rows are test rows, stratified by species; the mask follows the sample.
    const auto& mask = p.step(3).trainMask;
    const std::size_t n = p.step(3).table.rowCount();
    REQUIRE(mask.size() == n);
    const std::size_t test = n - static_cast<std::size_t>(std::count(mask.begin(), mask.end(), 1));
    CHECK(test == static_cast<std::size_t>(std::ceil(0.25 * static_cast<double>(n))));
    const Column* split = p.step(3).table.find("split");
    for (std::size_t i = 0; i < n; ++i)
        CHECK(split->format(i) == (mask[i] ? "train" : "test"));
    const Table& sampled = p.output();
    const Column* sampledSplit = sampled.find("split");
    for (std::size_t i = 0; i < sampled.rowCount(); ++i)
        CHECK(sampledSplit->format(i) == (p.outputTrainMask()[i] ? "train" : "test"));
}

TEST_CASE("Pipeline: cancel stops between steps and keeps the finished ones", "[pipeline]")
{
    Pipeline p(penguins());
    std::atomic<bool> cancel{false};
    int reports = 0;
    Progress progress(
        [&](double, std::string_view) {
            if (++reports == 3)
                cancel = true;
        },
        &cancel);
    auto r = p.run(recipeOf(kSteps), progress);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Cancelled);
    CHECK(p.completedSteps() < 5);
    const std::size_t done = p.completedSteps();
    cancel = false;
    REQUIRE(p.run(recipeOf(kSteps)));
    CHECK(p.completedSteps() == 5);
    CHECK(p.firstRecomputed() == done);
}

TEST_CASE("Pipeline: an error at step k keeps steps before k", "[pipeline]")
{
    Pipeline p(penguins());
    auto r = p.run(recipeOf(R"({"op": "drop_missing"}, {"op": "filter", "expr": "flipper > 3"})"));
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "step 2 (filter): field \"expr\": at character 1: no column named \"flipper\" (did you "
                               "mean \"flipper_length_mm\"?)");
    CHECK(p.completedSteps() == 1);
    CHECK(p.output().rowCount() == 333);
}

TEST_CASE("Pipeline: empty source and empty recipe", "[pipeline]")
{
    Pipeline empty;
    REQUIRE(empty.run(Recipe{}));
    CHECK(empty.output().rowCount() == 0);
    // The recipe's target must exist in the table.
    CHECK(empty.run(recipeOf("")).error().message == "field \"target\": no column named \"species\"");
    Table t;
    REQUIRE(t.addColumn("species", Column::fromStrings({})));
    Pipeline p(t);
    REQUIRE(p.run(recipeOf(R"({"op": "filter", "expr": "species == 'x'"}, {"op": "drop_duplicates"})")));
    CHECK(p.output().rowCount() == 0);
    auto split = p.run(recipeOf(R"({"op": "split"})"));
    REQUIRE_FALSE(split);
    CHECK(split.error().message == "step 1 (split): cannot split 0 rows into 0 test rows and at least one training row");
}

TEST_CASE("Pipeline: a KNN imputation step reports progress within the step and can be cancelled", "[pipeline]")
{
    // adult's 32,561 rows with age, hours_per_week and education_num missing in every 10th row.
    auto read = io::readTable(std::string(PREPLAB_SHARED_DIR) + "/datasets/adult.csv");
    REQUIRE(read);
    Table t = std::move(read->table);
    for (const char* name : {"age", "hours_per_week", "education_num"}) {
        const auto found = t.indexOf(name);
        REQUIRE(found);
        const std::size_t index = *found;
        const Column& c = t.column(index);
        std::vector<std::optional<double>> cells(c.size());
        for (std::size_t i = 0; i < c.size(); ++i)
            if ((i + index) % 10 != 0)
                cells[i] = c.number(i);
        REQUIRE(t.setColumn(index, Column::fromOptionals(cells)));
    }
    auto parsed = Recipe::parse(R"json({"format": "preplab-recipe", "version": 1, "target": "income", "steps": [
        {"op": "filter", "expr": "age > 0 or isna(age)"},
        {"op": "impute", "strategy": "knn", "columns": ["age", "hours_per_week", "education_num"]}]})json");
    REQUIRE(parsed);
    const Recipe recipe = std::move(*parsed);
    Pipeline p(t);
    std::atomic<bool> cancel{false};
    std::vector<std::pair<double, std::string>> seen;
    Progress progress(
        [&](double f, std::string_view stage) {
            seen.emplace_back(f, std::string(stage));
            if (stage == "KNN imputation" && f > 0.55)  // step 2 covers [0.5, 1]: 10% into it
                cancel = true;
        },
        &cancel);
    auto r = p.run(recipe, progress);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Cancelled);
    CHECK(r.error().message == "step 2 (impute): cancelled");
    CHECK(p.completedSteps() == 1);  // the filter's output is kept
    std::size_t within = 0;
    for (const auto& [f, stage] : seen)
        within += stage == "KNN imputation" && f >= 0.5 && f < 0.75;
    CHECK(within >= 2);  // the bar moves while the step runs, and stopped early
}
