// The `resample` op picks exactly imbalanced-learn's rows for the same seed: RandomOverSampler's
// appended rows in order, RandomUnderSampler's kept rows, SMOTE's synthetic rows and values, on
// real datasets, after a split too (training rows only). Reference: tests/data/resample/*.json,
// written by tests/tools/gen_resample_reference.py (imblearn 0.10 re-implemented line by line on
// numpy 1.24's RandomState and scikit-learn 1.2.1's NearestNeighbors).
#include "core/pipeline/pipeline.h"
#include "core/stats/numpy_random.h"
#include "reference_data.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace preplab;
using nlohmann::json;
using Catch::Matchers::WithinAbs;

namespace {

json readJson(const std::string& name) { return testdata::readJson("resample/" + name); }

// "datasets/<file>" is a file of ../shared/datasets; any other path is under tests/data.
const Table& dataset(const std::string& path)
{
    return testdata::cachedTable(path.rfind("datasets/", 0) == 0 ? std::string(PREPLAB_SHARED_DIR) + "/" + path
                                                                 : std::string(PREPLAB_TEST_DATA_DIR) + "/" + path);
}

// Runs the case's recipe (an optional split, then resample) and checks the rows against imblearn's.
void checkCase(const Table& table, const json& c)
{
    INFO(c["name"].get<std::string>());
    json steps = json::array();
    if (!c["split"].is_null())
        steps.push_back(c["split"]);
    steps.push_back(c["step"]);
    auto recipe = pipeline::Recipe::fromJson(
        json{{"format", "preplab-recipe"}, {"version", 1}, {"target", c["target"]}, {"steps", steps}});
    REQUIRE(recipe);
    pipeline::Pipeline p(table);
    auto ran = p.run(*recipe);
    if (!ran)
        FAIL(ran.error().message);
    const auto& origin = p.outputOrigin();
    const std::size_t n = table.rowCount();
    if (c.contains("kept_rows")) {
        std::vector<std::int64_t> expected = c["kept_rows"].get<std::vector<std::int64_t>>();
        CHECK(origin == expected);
        return;
    }
    REQUIRE(origin.size() >= n);
    for (std::size_t r = 0; r < n; ++r)
        REQUIRE(origin[r] == static_cast<std::int64_t>(r));
    const Table& out = p.output();
    if (c.contains("appended_rows")) {
        std::vector<std::int64_t> appended(origin.begin() + static_cast<std::ptrdiff_t>(n), origin.end());
        CHECK(appended == c["appended_rows"].get<std::vector<std::int64_t>>());
        return;
    }
    const json& synthetic = c["synthetic"];
    REQUIRE(out.rowCount() == n + synthetic.size());
    const auto features = c["features"].get<std::vector<std::string>>();
    const Column* target = out.find(c["target"].get<std::string>());
    for (std::size_t m = 0; m < synthetic.size(); ++m) {
        const json& s = synthetic[m];
        const std::size_t row = n + m, base = s["base"].get<std::size_t>();
        CHECK(origin[row] < 0);
        CHECK(target->format(row) == target->format(base));
        for (std::size_t f = 0; f < features.size(); ++f) {
            const Column* col = out.find(features[f]);
            REQUIRE(col);
            REQUIRE(col->isValid(row));
            CHECK_THAT(col->number(row), WithinAbs(s["values"][f].get<double>(), 1e-9));
        }
    }
}

void checkFile(const std::string& name)
{
    const json doc = readJson(name);
    const Table& table = dataset(doc["data"].get<std::string>());
    for (const json& c : doc["cases"])
        checkCase(table, c);
}

} // namespace

TEST_CASE("LegacyRandomState: numpy's randint(0, high, size) and uniform(size) draws", "[resample]")
{
    const json draws = readJson("numpy_draws.json");  // kept alive: a range-for over a temporary's member dangles
    for (const json& d : draws["draws"]) {
        stats::LegacyRandomState rng(d["seed"].get<std::uint64_t>());
        const auto high = d["high"].get<std::uint64_t>();
        for (const json& v : d["randint"])
            CHECK(rng.interval(high - 1) == v.get<std::uint64_t>());
        for (const json& v : d["uniform"])
            CHECK(rng.randomSample() == v.get<double>());
    }
}

TEST_CASE("resample = imblearn on adult income: over, under, ratio, after a split", "[resample]")
{
    checkFile("adult.json");
}

TEST_CASE("resample = imblearn on german credit: over, under, ratios, after a split, SMOTE", "[resample]")
{
    checkFile("german_credit.json");
}

TEST_CASE("resample = imblearn SMOTE on breast cancer: seeds, k, ratio, after a split", "[resample]")
{
    checkFile("breast_cancer_wisconsin.json");
}

TEST_CASE("resample = imblearn on three penguin species, after a stratified split too", "[resample]")
{
    checkFile("penguins.json");
}

TEST_CASE("resample = imblearn SMOTE on three wine cultivars (a fresh generator per class)", "[resample]")
{
    checkFile("wine.json");
}

TEST_CASE("resample = imblearn with tied class counts: the first class in label order wins", "[resample]")
{
    checkFile("iris_tied_minority.json");
    checkFile("iris_tied_majority.json");
}
