// ModelEvaluation passes end to end on real data (penguins read by the io reader), against
// scikit-learn 1.2.1 on the same rows and split.
#include "core/io/reader.h"
#include "core/model/model_evaluation.h"
#include "core/model/split.h"
#include "test_model_reference.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>
#include <optional>

using namespace preplab;
using namespace preplab::model;
using namespace preplab::testref;
using Catch::Matchers::WithinAbs;

namespace {

Table penguins()
{
    auto read = io::readTable(std::string(PREPLAB_SHARED_DIR) + "/datasets/penguins.csv");
    REQUIRE(read.ok());
    return std::move(read->table);
}

EvaluateOptions sexByIsland()
{
    EvaluateOptions o;
    o.target = "sex";
    o.model.name = "logistic";
    o.sensitive = {"island"};
    o.exclude = {"year"};
    return o;
}

PassInput identityPass(const Table& t, std::vector<char> isTest)
{
    PassInput in;
    in.name = "without";
    in.table = &t;
    in.original = &t;
    in.originalRow.resize(t.rowCount());
    std::iota(in.originalRow.begin(), in.originalRow.end(), std::size_t{0});
    in.originalIsTest = std::move(isTest);
    return in;
}

} // namespace

TEST_CASE("ModelEvaluation: penguins sex from the raw data matches scikit-learn on the same split", "[model]")
{
    Table t = penguins();
    auto ref = loadModelReference("penguins_pass.json");
    std::vector<char> isTest(t.rowCount(), 0);
    for (std::size_t r : indices(ref["test_rows"]))
        isTest[r] = 1;
    auto pass = runPass(identityPass(t, isTest), sexByIsland());
    REQUIRE(pass.ok());
    CHECK(pass->rows == ref["kept_rows"].get<std::size_t>());
    CHECK(pass->droppedMissingTarget + pass->droppedMissingFeatures == 11);
    CHECK(pass->testRows == ref["test_rows"].size());
    CHECK(pass->classNames == std::vector<std::string>{"female", "male"});
    CHECK_THAT(*pass->testScores.accuracy, WithinAbs(ref["accuracy"].get<double>(), 1e-12));
    CHECK_THAT(*pass->testScores.f1, WithinAbs(ref["f1"].get<double>(), 1e-12));
    CHECK_THAT(*pass->testScores.rocAuc, WithinAbs(ref["roc_auc"].get<double>(), 1e-9));
    CHECK_THAT(*pass->testScores.logLoss, WithinAbs(ref["log_loss"].get<double>(), 1e-5));
    REQUIRE(pass->groups.size() == 1);
    for (const auto& g : pass->groups[0].metrics.groups) {
        INFO(g.group);
        const auto& r = ref["groups"][g.group];
        CHECK(g.rows == r["n"].get<std::size_t>());
        CHECK_THAT(*g.selectionRate, WithinAbs(r["selection_rate"].get<double>(), 1e-12));
        CHECK_THAT(*g.truePositiveRate, WithinAbs(r["tpr"].get<double>(), 1e-12));
        CHECK_THAT(*g.falsePositiveRate, WithinAbs(r["fpr"].get<double>(), 1e-12));
    }
    CHECK(pass->predictions.size() == pass->rows);
    std::size_t testPredictions = 0;
    for (const auto& p : pass->predictions) {
        testPredictions += p.test;
        CHECK(p.score.has_value());
    }
    CHECK(testPredictions == pass->testRows);

    nlohmann::json j = passToJson(*pass);
    CHECK(j["test"]["accuracy"].get<double>() == *pass->testScores.accuracy);
    CHECK(j["groups"][0]["column"] == "island");
    CHECK(j["test"]["confusion_matrix"]["labels"][1] == "male");
}

TEST_CASE("ModelEvaluation: a transformed table with dropped and synthetic rows keeps the split", "[model]")
{
    Table t = penguins();
    auto split = originalSplit(t, "sex", 0.25, 3, true);
    REQUIRE(split.ok());
    CHECK(std::accumulate(split->begin(), split->end(), 0) == 84);  // ceil(0.25 * 333 labelled rows)
    // "After a recipe": every other row only, plus one synthetic copy of row 0 (training only).
    std::vector<std::size_t> keep;
    for (std::size_t r = 0; r < t.rowCount(); r += 2)
        keep.push_back(r);
    keep.push_back(0);
    Table after = t.selectRows(keep);
    PassInput in = identityPass(t, *split);
    in.name = "with";
    in.table = &after;
    in.originalRow = keep;
    in.originalRow.back() = kSyntheticRow;
    EvaluateOptions o = sexByIsland();
    o.model.name = "tree";
    o.model.maxDepth = 3;
    auto pass = runPass(in, o);
    REQUIRE(pass.ok());
    CHECK(pass->syntheticTrainRows == 1);
    for (const auto& p : pass->predictions)
        if (p.row != kSyntheticRow)
            CHECK(p.test == ((*split)[p.row] != 0));
    // Same inputs, same result.
    auto again = runPass(in, o);
    REQUIRE(again.ok());
    CHECK(passToJson(*again) == passToJson(*pass));
}

TEST_CASE("ModelEvaluation: bad inputs are clear errors", "[model]")
{
    Table t = penguins();
    std::vector<char> none(t.rowCount(), 0);
    auto noTest = runPass(identityPass(t, none), sexByIsland());
    REQUIRE_FALSE(noTest.ok());
    CHECK_THAT(noTest.error().message, Catch::Matchers::Contains("test set is empty"));
    EvaluateOptions o = sexByIsland();
    o.sensitive = {"colour"};
    auto split = originalSplit(t, "sex", 0.25, 0, true);
    REQUIRE(split.ok());
    CHECK_FALSE(runPass(identityPass(t, *split), o).ok());
    o = sexByIsland();
    o.model.name = "linear";
    CHECK_FALSE(runPass(identityPass(t, *split), o).ok());  // a class target for a regression model
    CHECK_FALSE(originalSplit(t, "nope", 0.25, 0, true).ok());
    // Regression on body mass works and reports regression scores.
    o = sexByIsland();
    o.target = "body_mass_g";
    o.model.name = "ridge";
    o.sensitive.clear();
    auto massSplit = originalSplit(t, "body_mass_g", 0.25, 0, false);
    REQUIRE(massSplit.ok());
    auto reg = runPass(identityPass(t, *massSplit), o);
    REQUIRE(reg.ok());
    CHECK_FALSE(reg->classification);
    CHECK(*reg->testRegression.r2 > 0.7);
}

TEST_CASE("originalSplit: a stratification that falls back to a plain split says so in its note", "[model]")
{
    // Eleven rows: classes a (5 rows), b (5) and c (1 row), which a stratified split refuses.
    Table t;
    std::vector<std::optional<std::string>> y(5, "a");
    y.insert(y.end(), 5, std::optional<std::string>("b"));
    y.push_back("c");
    REQUIRE(t.addColumn("y", Column::fromStrings(y, ColumnType::Categorical)).ok());
    std::string note = "stale";
    auto split = originalSplit(t, "y", 0.25, 0, true, &note);
    REQUIRE(split.ok());
    CHECK(note == "not stratified by y: a class has 1 row; stratifying needs at least 2 rows in every class");
    // The rows are those of the plain split (ceil(0.25 * 11) = 3 test rows).
    auto plain = trainTestSplit(11, 0.25, 0);
    REQUIRE(plain.ok());
    std::vector<char> expected(11, 0);
    for (std::size_t i : plain->test)
        expected[i] = 1;
    CHECK(*split == expected);
    CHECK(std::count(split->begin(), split->end(), 1) == 3);

    // Without the one-row class the split stratifies and the note is cleared; so it is for a
    // regression target, and the call without a note still works.
    y.back() = "b";
    Table ok;
    REQUIRE(ok.addColumn("y", Column::fromStrings(y, ColumnType::Categorical)).ok());
    REQUIRE(originalSplit(ok, "y", 0.25, 0, true, &note).ok());
    CHECK(note.empty());
    note = "stale";
    REQUIRE(originalSplit(t, "y", 0.25, 0, false, &note).ok());
    CHECK(note.empty());
    CHECK(originalSplit(t, "y", 0.25, 0, true).ok());
}
