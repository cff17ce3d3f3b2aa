#include "core/bias/diagnostics.h"
#include "core/bias/proxy.h"
#include "core/bias/simpson.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::bias;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

std::vector<std::optional<std::string>> strings(std::initializer_list<const char*> v)
{
    std::vector<std::optional<std::string>> out;
    for (const char* s : v)
        out.push_back(s ? std::optional<std::string>(s) : std::nullopt);
    return out;
}

// The reference note's 20-row toy: groups a (rows 1-10) and b (rows 11-20).
Table toyTable()
{
    Table t;
    std::vector<std::optional<std::string>> group, label;
    const int ya[] = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0}, yb[] = {1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 10; ++i) {
        group.push_back("a");
        label.push_back(ya[i] ? "yes" : "no");
    }
    for (int i = 0; i < 10; ++i) {
        group.push_back("b");
        label.push_back(yb[i] ? "yes" : "no");
    }
    REQUIRE(t.addColumn("group", Column::fromStrings(group)).ok());
    REQUIRE(t.addColumn("label", Column::fromStrings(label)).ok());
    return t;
}

} // namespace

TEST_CASE("Wilson interval: 5 of 10 and the edges", "[bias]")
{
    auto ci = wilsonInterval(5, 10);
    CHECK_THAT(ci.low, WithinAbs(0.236593, 1e-6));
    CHECK_THAT(ci.high, WithinAbs(0.763407, 1e-6));
    auto zero = wilsonInterval(0, 10);
    CHECK(zero.low == 0.0);
    CHECK_THAT(zero.high, WithinAbs(0.277533, 1e-6));
    Rate empty = makeRate(0, 0, "no rows in group");
    CHECK_FALSE(empty.value.has_value());
    CHECK(empty.undefinedReason == "no rows in group");
}

TEST_CASE("Group report: base rates, SPD and DI on the reference toy", "[bias]")
{
    Table t = toyTable();
    auto g = groupBy(t, "group");
    REQUIRE(g.ok());
    auto y = binaryOutcome(t, "label", "yes");
    REQUIRE(y.ok());
    GroupOptions opt;
    opt.referenceGroup = "a";  // AIF360: p = a (privileged), u = b
    GroupReport r = groupReport(*g, *y, opt);
    REQUIRE(r.groups.size() == 2);
    CHECK(r.referenceGroup == "a");
    CHECK_THAT(*r.groups[0].positiveRate.value, WithinAbs(0.5, 1e-12));
    CHECK_THAT(*r.groups[1].positiveRate.value, WithinAbs(0.3, 1e-12));
    CHECK_THAT(*r.groups[1].parityDifference, WithinAbs(-0.2, 1e-12));
    CHECK_THAT(*r.groups[1].disparateImpact, WithinAbs(0.6, 1e-12));
    CHECK(r.groups[1].fourFifthsViolation);
    CHECK_FALSE(r.groups[0].fourFifthsViolation);
    CHECK_THAT(*r.overallRate.value, WithinAbs(0.4, 1e-12));
    CHECK(r.groups[1].positiveRate.denominator == 10);
}

TEST_CASE("Group report: reference shares give a representation gap", "[bias]")
{
    Table t = toyTable();
    auto g = groupBy(t, "group");
    auto y = binaryOutcome(t, "label", "yes");
    GroupOptions opt;
    opt.referenceShares = {{"a", 0.3}, {"b", 0.7}};
    GroupReport r = groupReport(*g, *y, opt);
    CHECK_THAT(*r.groups[0].shareGap, WithinAbs(0.2, 1e-12));
    CHECK_THAT(*r.groups[1].shareGap, WithinAbs(-0.2, 1e-12));
}

TEST_CASE("Group report: degenerate groups are undefined, never 0", "[bias]")
{
    SECTION("one group only")
    {
        Table t;
        REQUIRE(t.addColumn("g", Column::fromStrings(strings({"x", "x", "x"}))).ok());
        REQUIRE(t.addColumn("y", Column::fromStrings(strings({"1", "0", "1"}))).ok());
        auto r = groupReport(*groupBy(t, "g"), *binaryOutcome(t, "y", "1"));
        REQUIRE(r.groups.size() == 1);
        CHECK_THAT(*r.groups[0].disparateImpact, WithinAbs(1.0, 1e-12));
    }
    SECTION("no positives anywhere: DI undefined with the reason")
    {
        Table t;
        REQUIRE(t.addColumn("g", Column::fromStrings(strings({"x", "y", "y"}))).ok());
        REQUIRE(t.addColumn("y", Column::fromStrings(strings({"0", "0", "0"}))).ok());
        auto out = binaryOutcome(t, "y", "1");
        REQUIRE(out.ok());
        CHECK(out->warning.find("never occurs") != std::string::npos);
        auto r = groupReport(*groupBy(t, "g"), *out);
        CHECK(r.referenceGroup == "y");
        CHECK_THAT(*r.groups[0].parityDifference, WithinAbs(0.0, 1e-12));
        CHECK_FALSE(r.groups[0].disparateImpact.has_value());
        CHECK(r.groups[0].disparityUndefinedReason.find("no positives") != std::string::npos);
    }
    SECTION("a group whose target is always missing")
    {
        Table t;
        REQUIRE(t.addColumn("g", Column::fromStrings(strings({"x", "x", "z"}))).ok());
        REQUIRE(t.addColumn("y", Column::fromStrings(strings({"1", "0", nullptr}))).ok());
        auto r = groupReport(*groupBy(t, "g"), *binaryOutcome(t, "y", "1"));
        REQUIRE(r.groups.size() == 2);
        CHECK(r.groups[1].rows == 1);
        CHECK_FALSE(r.groups[1].positiveRate.value.has_value());
        CHECK_FALSE(r.groups[1].parityDifference.has_value());
        CHECK(r.groups[1].disparityUndefinedReason.find("no rows with a target") != std::string::npos);
    }
    SECTION("a positive value that never occurs warns, naming the values")
    {
        Table t = toyTable();
        auto out = binaryOutcome(t, "label", "maybe");
        REQUIRE(out.ok());
        CHECK(out->warning.find("'maybe'") != std::string::npos);
        CHECK(out->warning.find("no, yes") != std::string::npos);
        CHECK(std::count(out->y.begin(), out->y.end(), 1) == 0);
        CHECK_FALSE(binaryOutcome(t, "nope", "x").ok());
    }
}

TEST_CASE("Class balance: counts, imbalance ratio and the majority baseline", "[bias]")
{
    Table t;
    REQUIRE(t.addColumn("y", Column::fromStrings(strings({"a", "a", "a", "b", nullptr}))).ok());
    ClassBalance cb = classBalance(t, "y");
    REQUIRE(cb.classes.size() == 2);
    CHECK(cb.classes[0].value == "a");
    CHECK(cb.missing == 1);
    CHECK_THAT(*cb.imbalanceRatio, WithinAbs(3.0, 1e-12));
    CHECK_THAT(*cb.majorityBaselineAccuracy, WithinAbs(0.75, 1e-12));
    Table one;
    REQUIRE(one.addColumn("y", Column::fromStrings(strings({"a", "a"}))).ok());
    CHECK_FALSE(classBalance(one, "y").imbalanceRatio.has_value());
}

TEST_CASE("Grouping: numeric sensitive columns are cut into quartile bins", "[bias]")
{
    Table t;
    std::vector<double> ages;
    for (int i = 0; i < 100; ++i)
        ages.push_back(20 + i % 50);
    REQUIRE(t.addColumn("age", Column::makeNumeric(ages)).ok());
    auto g = groupBy(t, "age");
    REQUIRE(g.ok());
    CHECK(g->binned);
    REQUIRE(g->labels.size() == 4);
    CHECK(g->labels[0] == "[20, 32)");  // numpy: quantile([20,20,...,69,69], .25) = 32
    CHECK(g->labels[3] == "[57, 69]");
    Table small;
    REQUIRE(small.addColumn("k", Column::makeInteger({2, 1, 2, 10})).ok());
    auto s = groupBy(small, "k");
    CHECK_FALSE(s->binned);
    CHECK(s->labels == std::vector<std::string>{"1", "2", "10"});
}

TEST_CASE("Intersections: two sensitive columns combine into joint groups", "[bias]")
{
    Table t;
    REQUIRE(t.addColumn("sex", Column::fromStrings(strings({"F", "M", "F", "M"}))).ok());
    REQUIRE(t.addColumn("race", Column::fromStrings(strings({"A", "A", "B", "B"}))).ok());
    auto g = intersect(*groupBy(t, "sex"), *groupBy(t, "race"));
    CHECK(g.labels == std::vector<std::string>{"F × A", "F × B", "M × A", "M × B"});
    CHECK(g.code == std::vector<std::int32_t>{0, 2, 1, 3});
}

TEST_CASE("Proxy measures: Cramér's V and the correlation ratio", "[bias]")
{
    std::vector<std::uint8_t> all(4, 1);
    CHECK_THAT(*cramersV({0, 0, 1, 1}, {0, 0, 1, 1}, all), WithinAbs(1.0, 1e-12));
    CHECK_THAT(*cramersV({0, 1, 0, 1}, {0, 0, 1, 1}, all), WithinAbs(0.0, 1e-12));
    CHECK_FALSE(cramersV({0, 0, 0, 0}, {0, 0, 1, 1}, all).has_value());
    CHECK_THAT(*correlationRatio({1, 2, 3, 4}, {0, 0, 1, 1}, all), WithinRel(std::sqrt(0.8), 1e-12));
    CHECK_FALSE(correlationRatio({5, 5, 5, 5}, {0, 0, 1, 1}, all).has_value());
    // 2x3 table [[10, 20, 30], [20, 20, 0]]: chi2 = 30.5556 (scipy chi2_contingency, correction=False), n = 100.
    std::vector<std::int32_t> x, g;
    auto add = [&](int a, int b, int count) {
        for (int i = 0; i < count; ++i) {
            x.push_back(a);
            g.push_back(b);
        }
    };
    add(0, 0, 10), add(0, 1, 20), add(0, 2, 30), add(1, 0, 20), add(1, 1, 20);
    std::vector<std::uint8_t> use(x.size(), 1);
    CHECK_THAT(*cramersV(x, g, use), WithinRel(std::sqrt(30.555555555555554 / 100.0), 1e-12));
}

TEST_CASE("Proxy ranking: the column that reveals the group ranks first", "[bias]")
{
    Table t;
    REQUIRE(t.addColumn("sex", Column::fromStrings(strings({"F", "F", "M", "M", "F", "M"}))).ok());
    REQUIRE(t.addColumn("rel", Column::fromStrings(strings({"Wife", "Wife", "Husband", "Husband", "Wife", "Husband"}))).ok());
    REQUIRE(t.addColumn("noise", Column::fromStrings(strings({"x", "y", "x", "y", "y", "x"}))).ok());
    REQUIRE(t.addColumn("h", Column::makeNumeric({30, 35, 40, 45, 30, 50})).ok());
    auto ranked = rankProxies(t, *groupBy(t, "sex"), {});
    REQUIRE(ranked.size() == 3);
    CHECK(ranked[0].column == "rel");
    CHECK_THAT(*ranked[0].strength, WithinAbs(1.0, 1e-12));
    CHECK(ranked[1].column == "h");
    CHECK(ranked[1].measure == "correlation_ratio");
    CHECK(ranked[2].column == "noise");
}

TEST_CASE("Simpson check: a gap that reverses within strata", "[bias]")
{
    // Two departments: A admits 80%, B admits 20%. Men apply mostly to B, women to A... reversed:
    // men mostly to A (easy), women mostly to B (hard); within each, women do slightly better.
    Table t;
    std::vector<std::optional<std::string>> sex, dept, admit;
    auto add = [&](const char* s, const char* d, int admitted, int rejected) {
        for (int i = 0; i < admitted + rejected; ++i) {
            sex.push_back(s);
            dept.push_back(d);
            admit.push_back(i < admitted ? "yes" : "no");
        }
    };
    add("M", "A", 80, 20), add("M", "B", 2, 8), add("F", "A", 9, 1), add("F", "B", 30, 70);
    REQUIRE(t.addColumn("sex", Column::fromStrings(sex)).ok());
    REQUIRE(t.addColumn("dept", Column::fromStrings(dept)).ok());
    REQUIRE(t.addColumn("admit", Column::fromStrings(admit)).ok());
    auto res = findSimpson(t, *groupBy(t, "sex"), *binaryOutcome(t, "admit", "yes"), {});
    REQUIRE(res.size() == 1);
    const SimpsonResult& r = res[0];
    CHECK(r.stratifier == "dept");
    CHECK(r.verdict == "reversal");
    // M: 82/110, F: 39/110 — groups sorted by size tie -> first label (F) first.
    CHECK(r.groupA == "F");
    CHECK_THAT(r.aggregateGap, WithinAbs(39.0 / 110 - 82.0 / 110, 1e-12));
    CHECK(r.strataReversed == 2);
    CHECK_THAT(*r.adjustedGap, WithinAbs((110 * 0.1 + 110 * 0.1) / 220, 1e-12));
}

TEST_CASE("Missingness by group", "[bias]")
{
    Table t;
    REQUIRE(t.addColumn("g", Column::fromStrings(strings({"a", "a", "b", "b"}))).ok());
    REQUIRE(t.addColumn("x", Column::fromOptionals({1.0, std::nullopt, 2.0, 3.0})).ok());
    MissingByGroup m = missingByGroup(t, *groupBy(t, "g"));
    REQUIRE(m.columns.size() == 2);
    CHECK_THAT(*m.missing[1][0].value, WithinAbs(0.5, 1e-12));
    CHECK_THAT(*m.missing[1][1].value, WithinAbs(0.0, 1e-12));
}

#include "core/bias/diagnosis.h"

#include <nlohmann/json.hpp>

TEST_CASE("Diagnosis: every figure lands in the JSON, undefined as null with a reason", "[bias]")
{
    Table t = toyTable();
    REQUIRE(t.addColumn("x", Column::makeNumeric({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}))
                .ok());
    DiagnoseOptions opt;
    opt.target = "label";
    opt.positive = "yes";
    opt.sensitive = {"group"};
    opt.groups.referenceGroup = "a";
    auto d = diagnose(t, opt);
    REQUIRE(d.ok());
    nlohmann::json j = toJson(*d);
    CHECK(j["rows"] == 20);
    CHECK(j["target"]["positive"] == "yes");
    CHECK(j["target"]["imbalance_ratio"].get<double>() == Approx(1.5));
    const auto& groups = j["sensitive"][0]["groups"];
    REQUIRE(groups.size() == 2);
    CHECK(groups[1]["disparate_impact"].get<double>() == Approx(0.6));
    CHECK(groups[1]["positive_rate"]["n"] == 10);
    CHECK(j["sensitive"][0]["proxies"][0]["column"] == "x");
    CHECK(j["sensitive"][0]["proxies"][0]["strength"].get<double>() > 0.8);

    opt.sensitive = {"label"};
    CHECK_FALSE(diagnose(t, opt).ok());
}
