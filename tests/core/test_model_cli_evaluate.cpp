// `preplab-cli evaluate` end to end: JSON with every metric, the predictions file recomputes them,
// both passes share the split, usage errors exit 2 and bad recipes exit 1.
#include "core/stats/shuffle_split.h"
#include "tests/core/cli_test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

namespace fs = std::filesystem;
using preplab::test::evaluatePenguins;
using preplab::test::readPredictions;
using preplab::test::shellQuote;
using preplab::test::testDataArg;

TEST_CASE("CLI evaluate: JSON has every metric and the predictions file recomputes accuracy", "[cli][model]")
{
    preplab::test::TempDir dir;
    const fs::path pred = dir / "pred.csv";
    fs::remove(pred);
    auto r = evaluatePenguins("--target sex --model logistic --sensitive island --json --predictions " +
                              shellQuote(pred.string()));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["split_source"] == "evaluate");
    REQUIRE(doc["passes"].size() == 1);
    const auto& p = doc["passes"][0];
    for (const char* key : {"accuracy", "balanced_accuracy", "precision", "recall", "f1", "roc_auc", "average_precision",
                            "log_loss", "brier", "f1_macro", "f1_weighted"})
        CHECK(p["test"][key].is_number());
    CHECK(p["positive"] == "male");
    CHECK(p["groups"][0]["groups"].size() == 3);
    auto rows = readPredictions(pred);
    std::size_t test = 0, hits = 0;
    for (const auto& row : rows) {
        if (row.split != "test")
            continue;
        ++test;
        hits += row.truth == row.predicted;
    }
    CHECK(test == p["test_rows"].get<std::size_t>());
    CHECK(static_cast<double>(hits) / static_cast<double>(test) == p["test"]["accuracy"].get<double>());
    fs::remove(pred);
}

TEST_CASE("CLI evaluate: with a recipe both passes use the same split", "[cli][model]")
{
    preplab::test::TempDir dir;
    const fs::path pred = dir / "pred2.csv";
    fs::remove(pred);
    auto r = evaluatePenguins("--target species --model tree --max-depth 3 --json --recipe " +
                              testDataArg("model/drop_year_oversample.preplab.json") + " --predictions " +
                              shellQuote(pred.string()));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["passes"].size() == 2);
    CHECK(doc["passes"][1]["pass"] == "with");
    CHECK(doc["delta_test"].contains("accuracy"));
    // Over-sampling repeats training rows: the "with" pass trains on more rows.
    CHECK(doc["passes"][1]["train_rows"].get<std::size_t>() > doc["passes"][0]["train_rows"].get<std::size_t>());
    std::map<std::string, std::set<long>> testRows;
    for (const auto& row : readPredictions(pred)) {
        if (row.split == "test")
            testRows[row.pass].insert(row.row);
        if (row.row < 0)
            CHECK(row.split == "train");  // synthetic rows only train
    }
    CHECK(testRows["with"] == testRows["without"]);
    CHECK(testRows["with"].size() == doc["passes"][1]["test_rows"].get<std::size_t>());
    fs::remove(pred);
}

TEST_CASE("CLI evaluate: usage errors exit 2, bad recipes exit 1", "[cli][model]")
{
    auto noTarget = evaluatePenguins("--model logistic");
    CHECK(noTarget.exitCode == 2);
    CHECK(noTarget.err.find("preplab-cli: error: ") == 0);
    CHECK(noTarget.err.find("--target") != std::string::npos);
    auto badModel = evaluatePenguins("--target sex --model svm");
    CHECK(badModel.exitCode == 2);
    CHECK(badModel.err.find("svm") != std::string::npos);
    auto badColumn = evaluatePenguins("--target colour --model tree");
    CHECK(badColumn.exitCode == 2);
    auto badRecipe =
        evaluatePenguins("--target sex --model tree --recipe " + testDataArg("model/no_such_recipe.preplab.json"));
    CHECK(badRecipe.exitCode == 1);
    auto regression = evaluatePenguins("--target body_mass_g --model ridge --json");
    REQUIRE(regression.exitCode == 0);
    auto doc = nlohmann::json::parse(regression.out);
    CHECK(doc["passes"][0]["test"]["r2"].get<double>() > 0.7);
}

TEST_CASE("CLI evaluate: a split that cannot be stratified is plain, with a warning and split_note", "[cli][model]")
{
    // penguins.csv with the species of row 10 renamed: a class of one row, which
    // StratifiedShuffleSplit refuses.
    preplab::test::TempDir dir;
    const fs::path data = dir / "penguins_hybrid.csv";
    preplab::test::writePenguinsCopy(data, [](std::size_t row, const std::string& line) {
        return row == 10 ? "Hybrid" + line.substr(line.find(',')) : line;
    });
    const std::string note =
        "not stratified by species: the class \"Hybrid\" has only one row (row 10), and every class needs at least two";
    const std::string args = "evaluate " + shellQuote(data.string()) + " --target species --model tree";

    auto text = preplab::test::runCli(args);
    INFO(text.err);
    REQUIRE(text.exitCode == 0);
    CHECK(text.err == "preplab-cli: warning: " + data.string() + ": " + note + "\n");
    CHECK(text.out.find("not stratified") == std::string::npos);  // the warning is on stderr only

    const fs::path pred = dir / "pred.csv";
    auto json = preplab::test::runCli(args + " --json --predictions " + shellQuote(pred.string()));
    REQUIRE(json.exitCode == 0);
    const auto doc = nlohmann::json::parse(json.out);
    CHECK(doc["split_note"] == note);
    CHECK(doc["split_source"] == "evaluate");
    CHECK(doc["test_rows_in_data"] == 86);  // ceil(0.25 * 344)
    // The plain train_test_split(test_size=0.25, random_state=0) rows.
    auto plain = preplab::stats::shuffleSplit(344, 86, 0);
    REQUIRE(plain.ok());
    const std::set<long> plainTest(plain->test.begin(), plain->test.end());
    std::size_t tests = 0;
    for (const auto& row : readPredictions(pred))
        if (row.split == "test") {
            ++tests;
            CHECK(plainTest.count(row.row) == 1);
        }
    CHECK(tests == doc["passes"][0]["test_rows"].get<std::size_t>());

    // A recipe's own split step that cannot stratify says so too, naming the step.
    const fs::path recipe = dir / "split.preplab.json";
    std::ofstream(recipe) << R"({"format": "preplab-recipe", "version": 1, "steps": [{"op": "split", "seed": 3}]})";
    auto withRecipe = preplab::test::runCli(args + " --json --recipe " + shellQuote(recipe.string()));
    INFO(withRecipe.err);
    REQUIRE(withRecipe.exitCode == 0);
    const auto recipeDoc = nlohmann::json::parse(withRecipe.out);
    CHECK(recipeDoc["split_source"] == "recipe");
    CHECK(recipeDoc["split_note"] == "step 1 (split): " + note);
    CHECK(withRecipe.err.find("preplab-cli: warning: " + recipe.string() + ": step 1 (split): " + note) == 0);

    // A split that stratifies has no note.
    auto plainRun = evaluatePenguins("--target species --model tree --json");
    REQUIRE(plainRun.exitCode == 0);
    CHECK_FALSE(nlohmann::json::parse(plainRun.out).contains("split_note"));
    CHECK(plainRun.err.empty());
}
