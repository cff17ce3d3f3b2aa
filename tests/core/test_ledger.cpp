#include "core/bias/ledger.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace preplab;
using namespace preplab::bias;
using Catch::Matchers::WithinAbs;

namespace {

// Group a: 20 rows, 10 of them without x (and those 10 are all positives).
// Group b: 40 rows, none missing, 10 positives.
Table skewedMissing()
{
    std::vector<std::optional<std::string>> g, y;
    std::vector<std::optional<double>> x;
    for (int i = 0; i < 20; ++i) {
        g.push_back("a");
        x.push_back(i < 10 ? std::nullopt : std::optional<double>(i));
        y.push_back(i < 10 || i == 10 ? "1" : "0");
    }
    for (int i = 0; i < 40; ++i) {
        g.push_back("b");
        x.push_back(i);
        y.push_back(i < 10 ? "1" : "0");
    }
    Table t;
    REQUIRE(t.addColumn("g", Column::fromStrings(g)).ok());
    REQUIRE(t.addColumn("x", Column::fromOptionals(x)).ok());
    REQUIRE(t.addColumn("y", Column::fromStrings(y)).ok());
    return t;
}

const LedgerEntry& entry(const Ledger& l, std::size_t step, const std::string& group)
{
    for (const auto& e : l.entries)
        if (e.stepIndex == step && e.group == group)
            return e;
    FAIL("no ledger entry for step " << step << " group " << group);
    return l.entries.front();
}

} // namespace

TEST_CASE("Ledger: dropping rows with missing values is flagged for the group it hits", "[bias][ledger]")
{
    auto recipe = pipeline::Recipe::parse(R"({"format": "preplab-recipe", "version": 1, "target": "y",
        "steps": [ {"op": "drop_missing", "columns": ["x"]} ]})");
    REQUIRE(recipe.ok());
    pipeline::Pipeline p(skewedMissing());
    REQUIRE(p.run(*recipe).ok());
    auto ledger = groupImpactLedger(p, "g", "y", "1");
    REQUIRE(ledger.ok());
    const LedgerEntry& a = entry(*ledger, 0, "a");
    CHECK(a.rowsBefore == 20);
    CHECK(a.rowsRemoved == 10);
    CHECK(a.rowsAfter == 10);
    CHECK_THAT(a.shareBefore, WithinAbs(20.0 / 60, 1e-12));
    CHECK_THAT(a.shareAfter, WithinAbs(10.0 / 50, 1e-12));
    CHECK_THAT(*a.rateBefore.value, WithinAbs(11.0 / 20, 1e-12));
    CHECK_THAT(*a.rateAfter.value, WithinAbs(1.0 / 10, 1e-12));
    CHECK(a.flags == std::vector<std::string>{"share", "rate", "removal"});
    CHECK(a.why.find("lost 50% of its rows while all rows lost 16.7%") != std::string::npos);
    const LedgerEntry& b = entry(*ledger, 0, "b");
    CHECK(b.rowsRemoved == 0);
    CHECK(std::find(b.flags.begin(), b.flags.end(), "removal") == b.flags.end());
    CHECK(std::find(b.flags.begin(), b.flags.end(), "share") != b.flags.end());  // b's share rose to 80%

    nlohmann::json j = toJson(*ledger);
    CHECK(j["entries"][0]["step"] == 1);
    CHECK(j["entries"][0]["rows_removed"] == 10);
}

TEST_CASE("Ledger: a step that changes nothing for any group raises no flag", "[bias][ledger]")
{
    auto recipe = pipeline::Recipe::parse(R"({"format": "preplab-recipe", "version": 1, "target": "y",
        "steps": [ {"op": "drop_missing", "columns": ["g"]} ]})");
    REQUIRE(recipe.ok());
    pipeline::Pipeline p(skewedMissing());
    REQUIRE(p.run(*recipe).ok());
    auto ledger = groupImpactLedger(p, "g", "y", "1");
    REQUIRE(ledger.ok());
    REQUIRE(ledger->entries.size() == 2);
    for (const auto& e : ledger->entries) {
        CHECK(e.flags.empty());
        CHECK(e.rowsRemoved == 0);
        CHECK(*e.rateDelta == 0.0);
    }
    CHECK_FALSE(groupImpactLedger(p, "nope", "y", "1").ok());
}
