// Tests of the recipe format v1: reading, validation errors (each naming step, field and what was
// expected), writing back, and the column checks made when a recipe meets a table.
#include "core/pipeline/pipeline.h"
#include "core/pipeline/recipe.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace preplab;
using namespace preplab::pipeline;

namespace {

std::string errorOf(const std::string& text)
{
    auto r = Recipe::parse(text, "r.json");
    return r ? std::string("no error") : r.error().describe();
}

std::string withSteps(const std::string& steps, const std::string& target = "\"species\"")
{
    return R"({"format": "preplab-recipe", "version": 1, "target": )" + target + R"(, "steps": [)" + steps + "]}";
}

Table penguinsLike()
{
    Table t;
    REQUIRE(t.addColumn("species", Column::fromStrings({"Adelie", "Gentoo", "Adelie", "Chinstrap", "Gentoo", "Adelie"})));
    REQUIRE(t.addColumn("island", Column::fromStrings({"Torgersen", "Biscoe", "Dream", "Dream", "Biscoe", std::nullopt})));
    REQUIRE(t.addColumn("bill_length_mm", Column::fromOptionals({39.1, 46.1, std::nullopt, 46.5, 50.0, 38.9})));
    REQUIRE(t.addColumn("body_mass_g", Column::makeInteger({3750, 4500, 3800, 3500, 5700, 3650})));
    return t;
}

std::string runError(const std::string& text)
{
    auto r = Recipe::parse(text, "r.json");
    REQUIRE(r);
    Pipeline p(penguinsLike());
    auto ran = p.run(*r);
    return ran ? std::string("no error") : ran.error().describe();
}

} // namespace

TEST_CASE("Recipe: the contract's example reads, and writes back unchanged", "[recipe]")
{
    const std::string text = R"({ "format": "preplab-recipe", "version": 1,
  "target": "species",
  "steps": [
    { "op": "split", "test_size": 0.25, "stratify": true, "seed": 7 },
    { "op": "drop_missing", "columns": ["bill_length_mm"], "enabled": false },
    { "op": "filter", "expr": "body_mass_g > 3600" } ] })";
    auto r = Recipe::parse(text);
    REQUIRE(r);
    CHECK(r->target == "species");
    REQUIRE(r->steps.size() == 3);
    CHECK(r->steps[0].op() == "split");
    CHECK_FALSE(r->steps[1].enabled());
    CHECK(r->steps[2].enabled());
    auto again = Recipe::parse(r->dump());
    REQUIRE(again);
    CHECK(again->toJson() == r->toJson());
    // "op" comes first in each written step.
    CHECK(r->dump().find("\"op\": \"split\",\n      \"seed\"") != std::string::npos);
}

TEST_CASE("Recipe: invalid JSON names line and column", "[recipe]")
{
    CHECK(errorOf("{\n  \"format\": \"preplab-recipe\",\n  \"version\": 1,\n  \"steps\": [ { \"op\": } ]\n}") ==
          "r.json:4:22: invalid JSON: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal");
    CHECK(errorOf("").find("r.json:1:1: invalid JSON") == 0);
}

TEST_CASE("Recipe: document-level errors", "[recipe]")
{
    CHECK(errorOf("[]") == "r.json: expected a JSON object with \"format\": \"preplab-recipe\", got an array");
    CHECK(errorOf(R"({"version": 1, "steps": []})") ==
          "r.json: field \"format\": expected \"preplab-recipe\" (missing): is this a PrepLab recipe?");
    CHECK(errorOf(R"({"format": "preplab-recipe", "version": 2, "steps": []})") ==
          "r.json: recipe version 2 is newer than this PrepLab reads (version 1); update PrepLab");
    CHECK(errorOf(R"({"format": "preplab-recipe", "version": "1", "steps": []})") ==
          "r.json: field \"version\": expected a positive integer, got \"1\"");
    CHECK(errorOf(R"({"format": "preplab-recipe", "version": 1, "step": []})") ==
          "r.json: unknown field \"step\" (did you mean \"steps\"?); a recipe has format, version, target, steps, "
          "description");
    CHECK(errorOf(R"({"format": "preplab-recipe", "version": 1, "steps": {}})") ==
          "r.json: field \"steps\": expected an array of steps, got {}");
    CHECK(errorOf(R"({"format": "preplab-recipe", "version": 1, "target": 3, "steps": []})") ==
          "r.json: field \"target\": expected a column name (a string), got 3");
    CHECK(errorOf(withSteps("")) == "no error");
}

TEST_CASE("Recipe: step errors name the step, the field and what was expected", "[recipe]")
{
    CHECK(errorOf(withSteps(R"({"op": "filter", "expr": "1"}, {"op": "frobnicate"})"))
              .rfind("r.json: step 2: unknown op \"frobnicate\"; known ops: drop_columns, ", 0) == 0);
    CHECK(errorOf(withSteps(R"({"op": "fliter", "expr": "x"})")).find("unknown op \"fliter\" (did you mean \"filter\"?)") !=
          std::string::npos);
    CHECK(errorOf(withSteps(R"("split")")) == "r.json: step 1: expected an object, got a string");
    CHECK(errorOf(withSteps(R"({"op": 3})")) == "r.json: step 1: field \"op\": expected a string, got 3");
    CHECK(errorOf(withSteps(R"({"op": "split", "test_size": 0.2, "sed": 3})")) ==
          "r.json: step 1 (split): unknown field \"sed\" (did you mean \"seed\"?); split takes test_size, stratify, "
          "seed");
    CHECK(errorOf(withSteps(R"({"op": "split", "seed": "7"})")) ==
          "r.json: step 1 (split): field \"seed\": expected an integer between 0 and 4294967295, got \"7\"");
    CHECK(errorOf(withSteps(R"({"op": "split", "test_size": 1.5})")) ==
          "r.json: step 1 (split): field \"test_size\": expected a fraction in (0, 1) or a whole number of rows >= "
          "1, got 1.5");
    CHECK(errorOf(withSteps(R"({"op": "split"}, {"op": "text_clean", "case": "title"})")) ==
          "r.json: step 2 (text_clean): field \"case\": expected one of none, lower, upper, got \"title\"");
    CHECK(errorOf(withSteps(R"({"op": "text_clean", "enabled": "yes"})")) ==
          "r.json: step 1 (text_clean): field \"enabled\": expected true or false, got \"yes\"");
    CHECK(errorOf(withSteps(R"({"op": "text_clean", "fit_on": "all"})")) ==
          "r.json: step 1 (text_clean): field \"fit_on\": text_clean learns nothing from the data, so it has no fit_on");
    CHECK(errorOf(withSteps(R"({"op": "resample", "fit_on": "everything"})")) ==
          "r.json: step 1 (resample): field \"fit_on\": expected one of train, all, got \"everything\"");
    CHECK(errorOf(withSteps(R"({"op": "filter", "expr": "bill_length_mm >"})")) ==
          "r.json: step 1 (filter): field \"expr\": at character 17: unexpected end of formula: expected a value");
    CHECK(errorOf(withSteps(R"({"op": "formula", "expr": "a + 1"})")) ==
          "r.json: step 1 (formula): field \"name\": is required (a string)");
    CHECK(errorOf(withSteps(R"({"op": "bin", "column": "x", "edges": [0, 10, 5]})")) ==
          "r.json: step 1 (bin): field \"edges\": must increase strictly (10 then 5)");
    CHECK(errorOf(withSteps(R"({"op": "bin", "column": "x", "edges": [0, 10], "labels": ["a", "b"]})")) ==
          "r.json: step 1 (bin): field \"labels\": expected 1 labels (one per bin), got 2");
    CHECK(errorOf(withSteps(R"({"op": "sample"})")) == "r.json: step 1 (sample): needs \"n\" (rows) or \"fraction\"");
    CHECK(errorOf(withSteps(R"({"op": "drop_columns", "columns": [1]})")) ==
          "r.json: step 1 (drop_columns): field \"columns\": expected an array of strings, got 1");
    CHECK(errorOf(withSteps(R"({"op": "cast", "columns": ["a"], "to": "float"})")) ==
          "r.json: step 1 (cast): field \"to\": expected one of integer, numeric, boolean, datetime, categorical, text, "
          "got \"float\"");
}

TEST_CASE("Recipe: column names and types are checked against the table", "[recipe][pipeline]")
{
    CHECK(runError(withSteps(R"({"op": "drop_columns", "columns": ["bill_length"]})")) ==
          "step 1 (drop_columns): field \"columns\": no column named \"bill_length\" (did you mean \"bill_length_mm\"?)");
    CHECK(runError(withSteps(R"({"op": "bin", "column": "island", "edges": [0, 1]})")) ==
          "step 1 (bin): field \"column\": column \"island\" is categorical; bin needs integer or numeric columns");
    CHECK(runError(withSteps(R"({"op": "text_clean"}, {"op": "filter", "expr": "island > 3"})")) ==
          "step 2 (filter): field \"expr\": at character 8: cannot compare a string with a number");
    CHECK(runError(withSteps(R"({"op": "filter", "expr": "body_mass_g * 2"})")) ==
          "step 1 (filter): field \"expr\": expected a true/false condition (a comparison, isna(), ...), got a number");
    CHECK(runError(withSteps(R"({"op": "drop_columns", "columns": ["island"]}, {"op": "text_clean", "columns": ["island"]})")) ==
          "step 2 (text_clean): field \"columns\": no column named \"island\"");
    CHECK(runError(withSteps("", "\"specie\"")) == "field \"target\": no column named \"specie\" (did you mean \"species\"?)");
    CHECK(runError(withSteps(R"({"op": "date_parts", "columns": ["body_mass_g"]})")) ==
          "step 1 (date_parts): field \"columns\": column \"body_mass_g\" is integer; date_parts needs datetime columns");
}

TEST_CASE("Recipe: save and load through a file", "[recipe]")
{
    auto r = Recipe::parse(withSteps(R"({"op": "split", "seed": 3})"));
    REQUIRE(r);
    const auto path = (std::filesystem::temp_directory_path() / "preplab_test_recipe.preplab.json").string();
    REQUIRE(r->save(path));
    auto back = Recipe::load(path);
    REQUIRE(back);
    CHECK(back->toJson() == r->toJson());
    std::filesystem::remove(path);
    auto missing = Recipe::load(path);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::Io);
}

TEST_CASE("Recipe: a number too large for a double is an error, not an exception", "[recipe]")
{
    CHECK(errorOf(R"({"format": "preplab-recipe", "version": 1, "steps": [{"op": "sample", "n": 1e999}]})") ==
          "r.json: invalid JSON: number overflow parsing '1e999'");
}
