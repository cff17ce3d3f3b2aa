// Bias diagnostics on real data, with figures checked by hand against pandas group-bys
// (see the comments next to each number).
#include "core/bias/diagnosis.h"
#include "core/io/reader.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::bias;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

Table load(const std::string& name)
{
    auto r = io::readCsvFile(std::string(PREPLAB_SHARED_DIR) + "/datasets/" + name, io::ReadOptions{});
    INFO(name << ": " << (r.ok() ? std::string() : r.error().describe()));
    REQUIRE(r.ok());
    return std::move(r->table);
}

const GroupStat& group(const GroupReport& r, const std::string& label)
{
    for (const auto& g : r.groups)
        if (g.group == label)
            return g;
    FAIL("no group " << label);
    return r.groups.front();
}

} // namespace

TEST_CASE("Adult: income >50K by sex and race, four-fifths rule", "[bias][datasets]")
{
    Table t = load("adult.csv");
    DiagnoseOptions opt;
    opt.target = "income";
    opt.positive = ">50K";
    opt.sensitive = {"sex", "race"};
    auto d = diagnose(t, opt);
    REQUIRE(d.ok());
    // pandas: income value_counts <=50K 24720, >50K 7841
    CHECK(d->balance.classes[0].count == 24720);
    CHECK_THAT(*d->balance.imbalanceRatio, WithinRel(24720.0 / 7841.0, 1e-12));
    CHECK_THAT(*d->balance.majorityBaselineAccuracy, WithinRel(24720.0 / 32561.0, 1e-12));

    const GroupReport& sex = d->sensitive[0].groups;
    CHECK(sex.referenceGroup == "Male");  // the largest group
    // pandas: Female 1179 of 10771, Male 6662 of 21790
    const auto& f = group(sex, "Female");
    CHECK(f.rows == 10771);
    CHECK_THAT(*f.positiveRate.value, WithinRel(1179.0 / 10771.0, 1e-12));
    CHECK_THAT(*f.parityDifference, WithinRel(1179.0 / 10771.0 - 6662.0 / 21790.0, 1e-12));
    CHECK_THAT(*f.disparateImpact, WithinRel((1179.0 / 10771.0) / (6662.0 / 21790.0), 1e-12));
    CHECK(f.fourFifthsViolation);  // DI = 0.358

    const GroupReport& race = d->sensitive[1].groups;
    CHECK(race.referenceGroup == "White");
    // pandas: Black 387 of 3124, White 7117 of 27816
    CHECK_THAT(*group(race, "Black").disparateImpact, WithinRel((387.0 / 3124.0) / (7117.0 / 27816.0), 1e-12));
    // Asian-Pac-Islander 276 of 1039: a higher rate than White, no violation.
    CHECK_FALSE(group(race, "Asian-Pac-Islander").fourFifthsViolation);

    // relationship (Husband/Wife) is the strongest proxy for sex.
    CHECK(d->sensitive[0].proxies.front().column == "relationship");
    CHECK(*d->sensitive[0].proxies.front().strength > 0.6);
    REQUIRE(d->intersections.size() == 1);
    CHECK(d->intersections[0].groups.size() == 10);  // 2 sexes × 5 races
}

TEST_CASE("UC Berkeley admissions: Simpson's paradox by department", "[bias][datasets]")
{
    Table t = load("ucb_admissions_individual.csv");
    DiagnoseOptions opt;
    opt.target = "Admit";
    opt.positive = "Admitted";
    opt.sensitive = {"Gender"};
    opt.groups.referenceGroup = "Male";
    auto d = diagnose(t, opt);
    REQUIRE(d.ok());
    // Bickel et al. 1975: men 1198 / 2691, women 557 / 1835.
    const auto& women = group(d->sensitive[0].groups, "Female");
    CHECK_THAT(*women.positiveRate.value, WithinRel(557.0 / 1835.0, 1e-12));
    CHECK(women.fourFifthsViolation);  // 0.304 / 0.445 = 0.68
    REQUIRE_FALSE(d->sensitive[0].simpson.empty());
    const SimpsonResult& s = d->sensitive[0].simpson.front();
    CHECK(s.stratifier == "Dept");
    CHECK(s.verdict == "reversal");
    CHECK(s.groupA == "Male");
    CHECK_THAT(s.aggregateGap, WithinRel(1198.0 / 2691.0 - 557.0 / 1835.0, 1e-12));
    CHECK(*s.adjustedGap < -0.02);
    CHECK(s.strataReversed == 4);  // departments A, B, D, F
    // Department A: men 512/825, women 89/108.
    CHECK(s.strata[0].stratum == "A");
    CHECK_THAT(*s.strata[0].gap, WithinRel(512.0 / 825.0 - 89.0 / 108.0, 1e-12));
}

TEST_CASE("Penguins: missing values by species and by sex", "[bias][datasets]")
{
    Table t = load("penguins.csv");
    DiagnoseOptions opt;
    opt.target = "sex";
    opt.positive = "female";
    opt.sensitive = {"species"};
    auto d = diagnose(t, opt);
    REQUIRE(d.ok());
    const MissingByGroup& m = d->sensitive[0].missing;
    REQUIRE(m.groups == std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"});
    std::size_t sexCol = 0;
    for (std::size_t c = 0; c < m.columns.size(); ++c)
        if (m.columns[c] == "sex")
            sexCol = c;
    // pandas: sex missing Adelie 6 of 152, Chinstrap 0 of 68, Gentoo 5 of 124
    CHECK_THAT(*m.missing[sexCol][0].value, WithinRel(6.0 / 152.0, 1e-12));
    CHECK_THAT(*m.missing[sexCol][1].value, WithinAbs(0.0, 1e-15));
    CHECK_THAT(*m.missing[sexCol][2].value, WithinRel(5.0 / 124.0, 1e-12));
    // Rows without sex have no target: rates are over the 333 rows that have one.
    CHECK(d->balance.missing == 11);
    // Island is confounded with species (Chinstrap only on Dream): a strong proxy.
    CHECK(d->sensitive[0].proxies.front().column != "sex");
}
