// `preplab-cli evaluate` with a recipe that has fitted steps: the "leakage" JSON section (the
// recipe fitted on all rows, scored on the same split), its prediction rows, its lines in the text
// report, and a `split` column in DATA telling the recipe which rows train.
#include "core/io/reader.h"
#include "tests/core/cli_test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using preplab::test::evaluatePenguins;
using preplab::test::readPredictions;
using preplab::test::shellQuote;

// The recipe with fitted steps, shell-quoted for the command line.
const std::string kRecipeArg = preplab::test::testDataArg("leakage/impute_standardize.preplab.json");

// Mean of the present values of a penguins column, over every row.
double meanOfAllRows(const std::string& column)
{
    auto read = preplab::io::readTable(std::string(PREPLAB_SHARED_DIR) + "/datasets/penguins.csv");
    REQUIRE(read.ok());
    const preplab::Column& c = *read->table.find(column);
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t r = 0; r < c.size(); ++r)
        if (c.isValid(r)) {
            sum += c.number(r);
            ++n;
        }
    return sum / static_cast<double>(n);
}

} // namespace

TEST_CASE("CLI evaluate: the leakage section compares the recipe fitted on all rows", "[cli][model][leakage]")
{
    preplab::test::TempDir dir;
    const fs::path pred = dir / "pred.csv", leakyPred = dir / "leaky.csv";
    auto r = evaluatePenguins("--target sex --model logistic --json --recipe " + kRecipeArg + " --predictions " +
                              shellQuote(pred.string()) + " --leakage-predictions " + shellQuote(leakyPred.string()));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["passes"].size() == 2);  // the existing passes are unchanged
    CHECK(doc["passes"][1]["pass"] == "with");
    REQUIRE(doc.contains("leakage"));
    const auto& leak = doc["leakage"];
    CHECK(leak["pass"] == "with_fit_on_all");
    CHECK(leak["fitted_steps"] == nlohmann::json::array({1, 2}));  // positions in the user's recipe
    const auto& with = doc["passes"][1];
    const auto& leaky = leak["metrics"];
    CHECK(leaky["pass"] == "with_fit_on_all");
    CHECK(leaky["test_rows"] == with["test_rows"]);
    CHECK(leaky["train_rows"] == with["train_rows"]);
    for (const char* key : {"accuracy", "f1", "roc_auc", "log_loss"})
        CHECK_THAT(leak["delta_test_vs_with"][key].get<double>(),
                   WithinAbs(leaky["test"][key].get<double>() - with["test"][key].get<double>(), 1e-15));

    REQUIRE(leak["steps"].size() == 2);
    const auto& impute = leak["steps"][0];
    CHECK(impute["step"] == 1);
    CHECK(impute["op"] == "impute");
    CHECK(impute["fit_rows_training"] == 258);  // 344 rows, ceil(0.25 * 344) = 86 test rows
    CHECK(impute["fit_rows_all"] == 344);
    CHECK(impute["parameters"] == 4);
    CHECK_THAT(impute["fitted_all_rows"]["bill_length_mm"]["mean"].get<double>(),
               WithinRel(meanOfAllRows("bill_length_mm"), 1e-12));
    CHECK(impute["fitted_training_rows"]["bill_length_mm"]["mean"] != impute["fitted_all_rows"]["bill_length_mm"]["mean"]);
    const auto& scale = leak["steps"][1];
    CHECK(scale["op"] == "scale");
    CHECK(scale["differing_parameters"] == 12);
    bool sawMean = false;
    for (const auto& d : scale["differences"])
        if (d["parameter"] == "body_mass_g.mean") {
            sawMean = true;
            CHECK_THAT(d["all_rows"].get<double>(), WithinRel(meanOfAllRows("body_mass_g"), 1e-12));
            CHECK(d["difference"].get<double>() == d["all_rows"].get<double>() - d["training_rows"].get<double>());
        }
    CHECK(sawMean);
    CHECK(leak["explanation"].get<std::string>().find("training rows lets it see the test rows") != std::string::npos);

    // --predictions keeps its two passes; --leakage-predictions recomputes the leaky accuracy on
    // the same test rows.
    std::map<std::string, std::set<long>> testRows;
    for (const auto& row : readPredictions(pred)) {
        CHECK((row.pass == "with" || row.pass == "without"));
        if (row.split == "test")
            testRows[row.pass].insert(row.row);
    }
    std::size_t tests = 0, hits = 0;
    for (const auto& row : readPredictions(leakyPred)) {
        CHECK(row.pass == "with_fit_on_all");
        if (row.split == "test") {
            testRows[row.pass].insert(row.row);
            ++tests;
            hits += row.truth == row.predicted;
        }
    }
    CHECK(testRows["with_fit_on_all"] == testRows["with"]);
    REQUIRE(tests == leaky["test_rows"].get<std::size_t>());
    CHECK(static_cast<double>(hits) / static_cast<double>(tests) == leaky["test"]["accuracy"].get<double>());

    // The text report has the same figures in a section of its own.
    auto text = evaluatePenguins("--target sex --model logistic --recipe " + kRecipeArg);
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.find("recipe fitted on all rows (pass with_fit_on_all") != std::string::npos);
    CHECK(text.out.find(leak["explanation"].get<std::string>()) != std::string::npos);
    CHECK(text.out.find("step 2 (impute): fitted on 258 training rows vs 344 rows") != std::string::npos);

    auto help = preplab::test::runCli("evaluate --help");
    CHECK(help.out.find("--leakage-predictions") != std::string::npos);
}

TEST_CASE("CLI evaluate: no leakage section without a fitted step", "[cli][model][leakage]")
{
    preplab::test::TempDir dir;
    const fs::path leakyPred = dir / "leaky.csv";
    auto r = evaluatePenguins("--target species --model tree --json --recipe " +
                              preplab::test::testDataArg("model/drop_year_oversample.preplab.json") +
                              " --leakage-predictions " + shellQuote(leakyPred.string()));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK_FALSE(doc.contains("leakage"));  // drop_columns and resample are not forced onto all rows
    CHECK(r.err.find("no pass fitted on all rows") != std::string::npos);
    CHECK(readPredictions(leakyPred).empty());

    auto raw = evaluatePenguins("--target sex --model logistic --json");
    REQUIRE(raw.exitCode == 0);
    CHECK_FALSE(nlohmann::json::parse(raw.out).contains("leakage"));
}

TEST_CASE("CLI evaluate: a split column in DATA tells the recipe which rows train", "[cli][model][leakage]")
{
    preplab::test::TempDir dir;
    const fs::path data = dir / "penguins_split.csv";
    preplab::test::writePenguinsCopy(data, [](std::size_t row, const std::string& line) {
        if (row == 0)
            return line + ",split";
        return line + (row % 4 == 0 ? ",test" : ",train");  // 86 test rows of 344
    });
    auto r = preplab::test::runCli("evaluate " + shellQuote(data.string()) +
                                   " --target sex --model logistic --json --recipe " + kRecipeArg);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["split_source"] == "data");
    REQUIRE(doc.contains("leakage"));
    const auto& impute = doc["leakage"]["steps"][0];
    CHECK(impute["fit_rows_training"] == 258);
    CHECK(impute["fit_rows_all"] == 344);
    CHECK(doc["leakage"]["metrics"]["test_rows"] == doc["passes"][1]["test_rows"]);
    // `split` is bookkeeping, never a feature.
    for (const auto& f : doc["passes"][1]["features"])
        CHECK(f.get<std::string>().rfind("split", 0) != 0);
}
