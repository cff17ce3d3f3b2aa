// The stratified `sample` op keeps exactly pandas' and scikit-learn's rows: with a fraction,
// df.groupby(target, sort=True).sample(frac=, random_state=seed); with n,
// train_test_split(df, train_size=n, stratify=target, random_state=seed)[0]. Reference rows from
// tests/data/sample/stratified.json (tests/tools/gen_sample_reference.py, pandas 1.5.3,
// scikit-learn 1.2.1) on adult, penguins and german_credit; plus degenerate inputs.
#include "core/io/reader.h"
#include "core/pipeline/pipeline.h"
#include "reference_data.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

using namespace preplab;
using nlohmann::json;

namespace {

const json& reference()
{
    static const json doc = testdata::readJson("sample/stratified.json");
    return doc;
}

const Table& dataset(const std::string& file) { return testdata::sharedDataset(file); }

// Runs a one-step recipe with `target`; the error message when it fails.
Result<std::unique_ptr<pipeline::Pipeline>> runSample(const Table& table, const json& step, const std::string& target)
{
    json recipe = {{"format", "preplab-recipe"}, {"version", 1}, {"target", target}, {"steps", json::array({step})}};
    auto r = pipeline::Recipe::fromJson(recipe);
    if (!r)
        return r.error();
    auto p = std::make_unique<pipeline::Pipeline>(table);
    auto ran = p->run(*r);
    if (!ran)
        return ran.error();
    return p;
}

std::vector<std::size_t> kept(const pipeline::Pipeline& p)
{
    return {p.outputOrigin().begin(), p.outputOrigin().end()};
}

Table classTable(const std::vector<std::optional<std::string>>& classes)
{
    Table t;
    std::vector<std::optional<double>> x;
    for (std::size_t i = 0; i < classes.size(); ++i)
        x.push_back(static_cast<double>(i));
    REQUIRE(t.addColumn("y", Column::fromStrings(classes)));
    REQUIRE(t.addColumn("x", Column::fromOptionals(x)));
    return t;
}

} // namespace

TEST_CASE("stratified sample: pandas' groupby.sample and sklearn's train_test_split rows on real data", "[sample]")
{
    std::size_t checked = 0, halfTies = 0, withMissing = 0;
    for (const json& c : reference()["cases"]) {
        DYNAMIC_SECTION(c["name"].get<std::string>())
        {
            json step = {{"op", "sample"}, {"seed", c["seed"]}, {"stratify", true}};
            if (c["n"].is_null())
                step["fraction"] = c["fraction"];
            else
                step["n"] = c["n"];
            auto p = runSample(dataset(c["data"]), step, c["target"]);
            INFO((p ? std::string() : p.error().message));
            REQUIRE(p);
            CHECK(kept(**p) == c["kept_rows"].get<std::vector<std::size_t>>());
            const auto& warnings = (*p)->step(0).report.warnings;
            const bool dropsMissing = c["n"].is_null() && c["missing_target_rows"].get<int>() > 0;
            REQUIRE(warnings.size() == (dropsMissing ? 1u : 0u));
            if (dropsMissing)
                CHECK(warnings[0].message == "11 rows with a missing sex cannot be kept (pandas' groupby drops missing keys)");
        }
        ++checked;
        halfTies += c["half_ties"].get<std::size_t>();
        withMissing += c["missing_target_rows"].get<std::size_t>() > 0 ? 1 : 0;
    }
    CHECK(checked == 18);
    CHECK(halfTies == 10);    // groups where round() met an exact .5 (half to even)
    CHECK(withMissing == 4);  // penguins by sex: 11 rows without a sex
}

TEST_CASE("stratified sample: round half to even per class, missing target never kept", "[sample]")
{
    // Classes a: 5 rows, b: 3 rows, c: 2 rows, plus 2 missing. fraction 0.5: a 2.5 -> 2, b 1.5 -> 2, c 1.
    Table t = classTable({"a", "b", std::nullopt, "a", "c", "a", "b", "a", "c", std::nullopt, "b", "a"});
    auto p = runSample(t, json{{"op", "sample"}, {"fraction", 0.5}, {"seed", 4}, {"stratify", true}}, "y");
    REQUIRE(p);
    std::map<std::string, int> perClass;
    for (std::size_t r : kept(**p)) {
        REQUIRE(t.column(0).isValid(r));
        ++perClass[std::string(t.column(0).text(r))];
    }
    CHECK(perClass == std::map<std::string, int>{{"a", 2}, {"b", 2}, {"c", 1}});
    auto all = runSample(t, json{{"op", "sample"}, {"fraction", 1.0}, {"stratify", true}}, "y");
    REQUIRE(all);
    CHECK(kept(**all) == std::vector<std::size_t>{0, 1, 3, 4, 5, 6, 7, 8, 10, 11});
    CHECK((*all)->step(0).report.warnings.size() == 1);
}

TEST_CASE("stratified sample: degenerate inputs and sklearn's refusals", "[sample]")
{
    const json frac = {{"op", "sample"}, {"fraction", 0.5}, {"stratify", true}};
    auto empty = runSample(classTable({}), frac, "y");
    REQUIRE(empty);
    CHECK((*empty)->output().rowCount() == 0);

    auto one = runSample(classTable({"a"}), frac, "y");  // round(0.5) = 0
    REQUIRE(one);
    CHECK((*one)->output().rowCount() == 0);
    auto oneAll = runSample(classTable({"a"}), json{{"op", "sample"}, {"fraction", 1.0}, {"stratify", true}}, "y");
    REQUIRE(oneAll);
    CHECK((*oneAll)->output().rowCount() == 1);

    auto constant = runSample(classTable({"k", "k", "k", "k", "k", "k"}), frac, "y");
    REQUIRE(constant);
    CHECK((*constant)->output().rowCount() == 3);

    auto allMissing = runSample(classTable({std::nullopt, std::nullopt, std::nullopt}), frac, "y");
    REQUIRE_FALSE(allMissing);
    CHECK(allMissing.error().message == "step 1 (sample): cannot stratify by y: every value is missing");

    const Table t = classTable({"a", "b", "a", "b", "a", "b", "a", "c"});
    auto lone = runSample(t, json{{"op", "sample"}, {"n", 4}, {"stratify", true}}, "y");
    REQUIRE_FALSE(lone);
    CHECK(lone.error().message == "step 1 (sample): cannot stratify by y: the class \"c\" has only one row (row 8), "
                                  "and every class needs at least two; set \"stratify\": false");
    const Table two = classTable({"a", "b", "a", "b", "a", "b", "c", "c"});
    auto few = runSample(two, json{{"op", "sample"}, {"n", 2}, {"stratify", true}}, "y");
    REQUIRE_FALSE(few);
    CHECK(few.error().message == "step 1 (sample): cannot stratify by y: 3 classes need at least 3 training and test "
                                 "rows each (there are 2 and 6); set \"stratify\": false");
    auto none = runSample(two, json{{"op", "sample"}, {"n", 0}, {"stratify", true}}, "y");
    REQUIRE(none);
    CHECK((*none)->output().rowCount() == 0);
    auto every = runSample(two, json{{"op", "sample"}, {"n", 8}, {"stratify", true}}, "y");
    REQUIRE(every);
    CHECK((*every)->output().rowCount() == 8);
    auto ok = runSample(two, json{{"op", "sample"}, {"n", 4}, {"stratify", true}, {"seed", 2}}, "y");
    REQUIRE(ok);
    CHECK((*ok)->output().rowCount() == 4);
    auto big = runSample(two, json{{"op", "sample"}, {"n", 9}, {"stratify", true}}, "y");
    REQUIRE_FALSE(big);
    CHECK(big.error().message == "step 1 (sample): cannot sample 9 rows from 8 without replacement");
}
