#include "tests/core/cli_runner.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace preplab::test;
using Catch::Matchers::WithinRel;

TEST_CASE("CLI diagnose: UC Berkeley admissions, rates, four-fifths and Simpson in JSON", "[cli][bias]")
{
    auto run = runCli("diagnose " + sharedDataset("ucb_admissions_individual.csv") +
                      " --target Admit --positive Admitted --sensitive Gender --json");
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    auto j = nlohmann::json::parse(run.out);
    const auto& before = j["before"];
    CHECK(before["rows"] == 4526);
    CHECK(before["target"]["positive"] == "Admitted");
    const auto& gender = before["sensitive"][0];
    CHECK(gender["reference_group"] == "Male");
    const auto& female = gender["groups"][0];
    CHECK(female["group"] == "Female");
    CHECK_THAT(female["positive_rate"]["value"].get<double>(), WithinRel(557.0 / 1835.0, 1e-12));
    CHECK(female["positive_rate"]["n"] == 1835);
    CHECK(female["four_fifths_violation"] == true);
    CHECK(gender["simpson"][0]["stratifier"] == "Dept");
    CHECK(gender["simpson"][0]["verdict"] == "reversal");
    CHECK_FALSE(j.contains("after"));
}

TEST_CASE("CLI diagnose --recipe: after figures and the group-impact ledger", "[cli][bias]")
{
    TempDir dir;
    writeFile(dir / "r.json", R"({"format": "preplab-recipe", "version": 1, "target": "income",
        "steps": [{"op": "drop_missing"}]})");
    auto run = runCli("diagnose " + sharedDataset("adult.csv") + " --target income --positive '>50K' --sensitive race" +
                      " --sensitive sex --recipe " + shellQuote((dir / "r.json").string()) + " --json");
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    auto j = nlohmann::json::parse(run.out);
    CHECK(j["before"]["rows"] == 32561);
    CHECK(j["after"]["rows"] == 30162);  // pandas: adult.dropna() keeps 30162 rows
    REQUIRE(j["ledger"].size() == 2);
    const auto& race = j["ledger"][0];
    CHECK(race["sensitive"] == "race");
    int removed = 0;
    bool otherFlagged = false;
    for (const auto& e : race["entries"]) {
        removed += e["rows_removed"].get<int>();
        if (e["group"] == "Other")
            otherFlagged = std::find(e["flags"].begin(), e["flags"].end(), "removal") != e["flags"].end();
    }
    CHECK(removed == 32561 - 30162);
    CHECK(otherFlagged);  // 'Other' lost 14.8% of its rows, twice the 7.4% of all rows

    auto text = runCli("diagnose " + sharedDataset("adult.csv") + " --target income --sensitive race --recipe " +
                       shellQuote((dir / "r.json").string()));
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.find("group-impact ledger by 'race'") != std::string::npos);
    CHECK(text.out.find("lost 14.8% of its rows") != std::string::npos);
}

TEST_CASE("CLI diagnose: usage and data errors follow the contract", "[cli][bias]")
{
    auto noTarget = runCli("diagnose " + sharedDataset("penguins.csv"));
    CHECK(noTarget.exitCode == 2);
    CHECK(noTarget.err.rfind("preplab-cli: error: ", 0) == 0);
    auto badColumn = runCli("diagnose " + sharedDataset("penguins.csv") + " --target nope");
    CHECK(badColumn.exitCode == 2);
    CHECK(badColumn.err.find("'nope'") != std::string::npos);
    auto badShare = runCli("diagnose " + sharedDataset("penguins.csv") + " --target sex --expected Adelie=2");
    CHECK(badShare.exitCode == 2);
    TempDir dir;
    writeFile(dir / "bad.json", R"({"format": "preplab-recipe", "version": 1, "steps": [{"op": "frobnicate"}]})");
    auto badRecipe = runCli("diagnose " + sharedDataset("penguins.csv") + " --target sex --recipe " +
                            shellQuote((dir / "bad.json").string()));
    CHECK(badRecipe.exitCode == 1);
    CHECK(badRecipe.err.find("frobnicate") != std::string::npos);
}
