// Seeded splits and samples pick exactly scikit-learn's and pandas' rows: numpy's legacy
// RandomState, sklearn's train_test_split (plain and stratified) and DataFrame.sample, against
// tests/data/split/reference.json (tests/tools/gen_split_reference.py, scikit-learn 1.2.1).
#include "core/io/reader.h"
#include "core/model/model_evaluation.h"
#include "core/model/split.h"
#include "core/pipeline/pipeline.h"
#include "core/stats/numpy_random.h"
#include "core/stats/shuffle_split.h"
#include "reference_data.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


using namespace preplab;
using nlohmann::json;

namespace {

const json& reference()
{
    static const json doc = testdata::readJson("split/reference.json");
    return doc;
}

// ties.csv is under tests/data/split; the others are files of ../shared/datasets.
const Table& dataset(const std::string& file)
{
    return file == "ties.csv" ? testdata::cachedTable(std::string(PREPLAB_TEST_DATA_DIR) + "/split/ties.csv")
                              : testdata::sharedDataset(file);
}

// Runs a one-step recipe and returns the pipeline (its output and row origins).
pipeline::Pipeline runStep(const Table& table, const json& step, const json& target)
{
    json recipe = {{"format", "preplab-recipe"}, {"version", 1}, {"steps", json::array({step})}};
    if (!target.is_null())
        recipe["target"] = target;
    auto r = pipeline::Recipe::fromJson(recipe);
    REQUIRE(r);
    pipeline::Pipeline p(table);
    auto ran = p.run(*r);
    if (!ran)
        FAIL(ran.error().message);
    return p;
}

std::vector<std::size_t> rowsOf(const json& a)
{
    return a.get<std::vector<std::size_t>>();
}

} // namespace

TEST_CASE("LegacyRandomState: numpy's RandomState draws", "[split]")
{
    // numpy: RandomState(7).permutation(10), then .permutation(5); RandomState(3).choice(20, 5, replace=False).
    stats::LegacyRandomState a(7);
    CHECK(a.permutation(10) == std::vector<std::size_t>{8, 5, 0, 2, 1, 9, 7, 3, 6, 4});
    CHECK(a.permutation(5) == std::vector<std::size_t>{3, 1, 0, 4, 2});
    CHECK(stats::LegacyRandomState(3).choice(20, 5) == std::vector<std::size_t>{14, 2, 1, 17, 4});
    // RandomState(0).randint(0, 2**32, dtype=np.uint64) twice: each is one 32-bit output.
    stats::LegacyRandomState z(0);
    CHECK(z.nextUint32() == 2357136044u);
    CHECK(z.nextUint32() == 2546248239u);
    CHECK(stats::LegacyRandomState(5).permutation(0).empty());
    CHECK(stats::LegacyRandomState(5).permutation(1) == std::vector<std::size_t>{0});
    CHECK(stats::LegacyRandomState(1).interval(0) == 0);
    CHECK_FALSE(stats::LegacyRandomState::isValidSeed(4294967296ull));
}

TEST_CASE("split op: the test rows of scikit-learn's train_test_split", "[split][ops]")
{
    std::size_t checked = 0;
    for (const json& c : reference()["cases"]) {
        if (c["kind"] != "split")
            continue;
        DYNAMIC_SECTION(c["name"].get<std::string>())
        {
            json step = {{"op", "split"}, {"test_size", c["test_size"]}, {"seed", c["seed"]}};
            step["stratify"] = !c["target"].is_null();
            auto p = runStep(dataset(c["data"]), step, c["target"]);
            const Column* split = p.output().find("split");
            REQUIRE(split);
            std::vector<std::size_t> test;
            for (std::size_t r = 0; r < split->size(); ++r)
                if (split->text(r) == "test")
                    test.push_back(r);
            CHECK(test == rowsOf(c["test_rows"]));
            CHECK(p.step(0).report.warnings.empty());
        }
        ++checked;
    }
    CHECK(checked == 17);
}

TEST_CASE("sample op: the rows DataFrame.sample keeps", "[split][ops]")
{
    std::size_t checked = 0;
    for (const json& c : reference()["cases"]) {
        if (c["kind"] != "sample")
            continue;
        DYNAMIC_SECTION(c["name"].get<std::string>())
        {
            json step = {{"op", "sample"}, {"seed", c["seed"]}};
            if (!c["n"].is_null())
                step["n"] = c["n"];
            else
                step["fraction"] = c["fraction"];
            auto p = runStep(dataset(c["data"]), step, nullptr);
            std::vector<std::size_t> kept(p.outputOrigin().begin(), p.outputOrigin().end());
            CHECK(kept == rowsOf(c["kept_rows"]));
        }
        ++checked;
    }
    CHECK(checked == 3);
}

TEST_CASE("evaluate's split is train_test_split's, stratified by the target", "[split][model]")
{
    for (const json& c : reference()["cases"]) {
        if (c["kind"] != "split" || c["target"].is_null() || !c["test_size"].is_number_float() ||
            c["data"] != "penguins.csv" || c["target"] != "species")
            continue;
        auto isTest = model::originalSplit(dataset("penguins.csv"), "species", c["test_size"].get<double>(),
                                           c["seed"].get<std::uint64_t>(), true);
        REQUIRE(isTest);
        std::vector<std::size_t> test;
        for (std::size_t r = 0; r < isTest->size(); ++r)
            if ((*isTest)[r])
                test.push_back(r);
        CHECK(test == rowsOf(c["test_rows"]));
    }
}

TEST_CASE("split: a class with one row cannot be stratified", "[split][ops]")
{
    Table t;
    REQUIRE(t.addColumn("y", Column::fromStrings({"a", "a", "b", "a", "b", "c", "a", "b"})));
    REQUIRE(t.addColumn("x", Column::fromOptionals({1, 2, 3, 4, 5, 6, 7, 8})));
    auto recipe = [](const std::string& steps) {
        auto r = pipeline::Recipe::parse(R"({"format": "preplab-recipe", "version": 1, "target": "y", "steps": [)" +
                                         steps + "]}");
        REQUIRE(r);
        return std::move(*r);
    };
    pipeline::Pipeline p(t);
    auto refused = p.run(recipe(R"({"op": "split", "stratify": true, "test_size": 0.5})"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message ==
          "step 1 (split): cannot stratify by y: the class \"c\" has only one row (row 6), and every class needs at "
          "least two; set \"stratify\": false");
    // Not asked for explicitly: split without stratifying, and say so.
    auto fallback = p.run(recipe(R"({"op": "split", "test_size": 0.5})"));
    REQUIRE(fallback);
    REQUIRE(p.step(0).report.warnings.size() == 1);
    CHECK(p.step(0).report.warnings[0].message ==
          "not stratified by y: the class \"c\" has only one row (row 6), and every class needs at least two");
    // Same rows as the plain split with the same seed.
    auto plain = stats::shuffleSplit(8, 4, 0);
    REQUIRE(plain);
    const Column* split = p.output().find("split");
    for (std::size_t r : plain->test)
        CHECK(split->text(r) == "test");
    auto seed = pipeline::Recipe::parse(
        R"({"format": "preplab-recipe", "version": 1, "steps": [{"op": "split", "seed": 4294967296}]})");
    REQUIRE_FALSE(seed);
    CHECK_THAT(seed.error().message, Catch::Matchers::Contains("seed"));
}

TEST_CASE("approximateMode: scikit-learn's allocation with random tie-breaks", "[split]")
{
    // sklearn.utils._approximate_mode(np.array([10, 10, 10]), 22, RandomState(0)) = [7, 7, 8];
    // ([10, 10, 10, 10], 22, RandomState(5)) = [6, 6, 5, 5]; ([357, 212], 426): no tie.
    stats::LegacyRandomState rng(0);
    CHECK(stats::approximateMode({10, 10, 10}, 22, rng) == std::vector<std::size_t>{7, 7, 8});
    stats::LegacyRandomState rng5(5);
    CHECK(stats::approximateMode({10, 10, 10, 10}, 22, rng5) == std::vector<std::size_t>{6, 6, 5, 5});
    stats::LegacyRandomState rng2(0);
    CHECK(stats::approximateMode({357, 212}, 426, rng2) == std::vector<std::size_t>{267, 159});
}

TEST_CASE("stratifyRefusal: the reasons StratifiedShuffleSplit refuses, shared by shuffleSplit and the split op", "[split]")
{
    // Nothing to refuse: not stratified, or every class has 2 rows and 2 rows on each side.
    CHECK_FALSE(stats::stratifyRefusal({}, 3));
    CHECK_FALSE(stats::stratifyRefusal({0, 1, 0, 1}, 2));
    // Class 2 has one row, at position 4 (class 1 comes first in rows but has two).
    auto small = stats::stratifyRefusal({1, 0, 1, 0, 2, 0}, 3);
    REQUIRE(small);
    CHECK(small->reason == stats::StratifyRefusal::Reason::SmallClass);
    CHECK(small->classCode == 2);
    CHECK(small->classRows == 1);
    CHECK(small->firstRow == 4);
    CHECK(small->message() == "a class has 1 row; stratifying needs at least 2 rows in every class");
    CHECK(stats::shuffleSplit(6, 3, 0, {1, 0, 1, 0, 2, 0}).error().message == small->message());
    auto y = Column::fromStrings({"b", "a", "b", "a", "c", "a"});
    REQUIRE(stats::sortedClassCodes(*y, nullptr, nullptr) == std::vector<int>{1, 0, 1, 0, 2, 0});
    CHECK(small->describe(*y) == "the class \"c\" has only one row (row 5), and every class needs at least two");
    // Three classes but two test rows.
    auto few = stats::stratifyRefusal({0, 1, 2, 0, 1, 2}, 2);
    REQUIRE(few);
    CHECK(few->reason == stats::StratifyRefusal::Reason::TooFewRows);
    CHECK(few->classCount == 3);
    CHECK(few->trainCount == 4);
    CHECK(few->testCount == 2);
    CHECK(few->message() == "stratifying 3 classes needs at least 3 training and 3 test rows (have 4 and 2)");
    CHECK(stats::shuffleSplit(6, 2, 0, {0, 1, 2, 0, 1, 2}).error().message == few->message());
    CHECK(few->describe(*y) == "3 classes need at least 3 training and test rows each (there are 4 and 2)");
    // A missing target is the last class.
    auto withMissing = Column::fromStrings({"a", std::nullopt, "a", "a"});
    auto missing = stats::stratifyRefusal(stats::sortedClassCodes(*withMissing, nullptr, nullptr), 2);
    REQUIRE(missing);
    CHECK(missing->classCode == 1);
    CHECK(missing->describe(*withMissing) == "the class missing has only one row (row 2), and every class needs at least two");
    // A single row: one class with one row.
    auto one = stats::stratifyRefusal({0}, 0);
    REQUIRE(one);
    CHECK(one->reason == stats::StratifyRefusal::Reason::SmallClass);
}

TEST_CASE("split: fewer test rows than classes falls back to a plain split", "[split][ops]")
{
    Table t;
    REQUIRE(t.addColumn("y", Column::fromStrings({"a", "b", "c", "a", "b", "c"})));
    REQUIRE(t.addColumn("x", Column::fromOptionals({1, 2, 3, 4, 5, 6})));
    auto r = pipeline::Recipe::parse(
        R"({"format": "preplab-recipe", "version": 1, "target": "y", "steps": [{"op": "split", "test_size": 2}]})");
    REQUIRE(r);
    pipeline::Pipeline p(t);
    REQUIRE(p.run(*r));
    REQUIRE(p.step(0).report.warnings.size() == 1);
    CHECK(p.step(0).report.warnings[0].message ==
          "not stratified by y: 3 classes need at least 3 training and test rows each (there are 4 and 2)");
}
