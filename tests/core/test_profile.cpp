// Profiling (core/profile/): degenerate tables built in code, alerts, the JSON shape of
// `profile --json`, and the text report. The comparison with pandas on every shared dataset is in
// test_profile_reference.cpp.
#include "core/profile/profile.h"
#include "core/profile/profile_json.h"
#include "core/profile/profile_text.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace preplab;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

const profile::Alert* findAlert(const profile::TableProfile& p, const std::string& column, const std::string& kind)
{
    auto it = std::find_if(p.alerts.begin(), p.alerts.end(),
                           [&](const profile::Alert& a) { return a.column == column && a.kind == kind; });
    return it == p.alerts.end() ? nullptr : &*it;
}

profile::TableProfile profileOf(const Table& t)
{
    auto r = profile::profileTable(t);
    REQUIRE(r.ok());
    return std::move(r).value();
}

} // namespace

TEST_CASE("Profile: a table without columns or rows", "[profile]")
{
    Table t;
    auto p = profileOf(t);
    CHECK(p.rows == 0);
    CHECK(p.columns.empty());
    CHECK(p.alerts.empty());
    auto j = profile::profileToJson(p);
    CHECK(j["rows"] == 0);
    CHECK(j["columns"].is_array());
    CHECK(j["alerts"].is_array());
    CHECK(j["warnings"].is_array());
    CHECK_FALSE(profile::profileToText(p).empty());
}

TEST_CASE("Profile: zero rows, one value, all missing", "[profile]")
{
    SECTION("zero rows")
    {
        Table t;
        REQUIRE(t.addColumn("x", Column::makeNumeric({})).ok());
        REQUIRE(t.addColumn("s", Column::fromStrings({})).ok());
        auto p = profileOf(t);
        CHECK(p.columns[0].count == 0);
        CHECK_FALSE(p.columns[0].mean);
        CHECK_FALSE(p.columns[0].min);
        CHECK(p.columns[0].histogram.counts.empty());
        CHECK(p.columns[1].distinct == 0);
        CHECK(p.duplicateRows == 0);
        auto j = profile::profileToJson(p);
        CHECK(j["columns"][0]["mean"].is_null());
        CHECK(j["columns"][0]["median"].is_null());
    }
    SECTION("one value")
    {
        Table t;
        REQUIRE(t.addColumn("x", Column::makeNumeric({3.5})).ok());
        auto p = profileOf(t);
        const auto& c = p.columns[0];
        CHECK(c.count == 1);
        CHECK(*c.mean == 3.5);
        CHECK_FALSE(c.std);  // n - 1 = 0: undefined, as pandas
        CHECK_FALSE(c.skewness);
        CHECK(*c.min == 3.5);
        CHECK(*c.median == 3.5);
        CHECK(*c.max == 3.5);
        CHECK(c.histogram.edges == std::vector<double>{3.0, 4.0});
        CHECK(profile::profileToJson(p)["columns"][0]["std"].is_null());
    }
    SECTION("all missing")
    {
        Table t;
        REQUIRE(t.addColumn("x", Column::fromOptionals({std::nullopt, std::nullopt, std::nullopt})).ok());
        REQUIRE(t.addColumn("s", Column::fromStrings({std::nullopt, std::nullopt, std::nullopt})).ok());
        auto p = profileOf(t);
        CHECK(p.columns[0].missing == 3);
        CHECK(p.columns[0].count == 0);
        CHECK(p.columns[0].distinct == 0);
        CHECK_FALSE(p.columns[0].mean);
        CHECK(p.columns[1].top.empty());
        CHECK(findAlert(p, "x", "missing") != nullptr);
        CHECK(findAlert(p, "s", "missing") != nullptr);
        CHECK(p.duplicateRows == 2);  // missing equals missing, as in pandas duplicated()
    }
}

TEST_CASE("Profile: a constant column", "[profile]")
{
    Table t;
    REQUIRE(t.addColumn("k", Column::makeInteger({4, 4, 4, 4})).ok());
    REQUIRE(t.addColumn("id", Column::makeInteger({1, 2, 3, 4})).ok());
    auto p = profileOf(t);
    const auto& k = p.columns[0];
    CHECK(k.distinct == 1);
    CHECK(*k.std == 0.0);
    CHECK(*k.skewness == 0.0);
    CHECK(*k.outliers == 0);
    REQUIRE(findAlert(p, "k", "constant") != nullptr);
    CHECK(findAlert(p, "k", "constant")->message == "one value only: 4");
    CHECK(findAlert(p, "id", "unique") != nullptr);  // 1..n: a row number
    CHECK(p.duplicateRows == 0);
    CHECK(std::isnan(p.correlationMatrix[0 * 2 + 1]));
}

TEST_CASE("Profile: numbers with missing values match describe()", "[profile]")
{
    // pandas: Series([1, 2, None, 4, 10, 0]).describe() -> count 5, mean 3.4, std 3.974921382870358,
    // min 0, 25% 1, 50% 2, 75% 4, max 10; skew() 1.5381245216522863
    Table t;
    REQUIRE(t.addColumn("x", Column::fromOptionals({1, 2, std::nullopt, 4, 10, 0})).ok());
    auto p = profileOf(t);
    const auto& c = p.columns[0];
    CHECK(c.count == 5);
    CHECK(c.missing == 1);
    CHECK_THAT(*c.mean, WithinRel(3.4, 1e-15));
    CHECK_THAT(*c.std, WithinRel(3.974921382870358, 1e-14));
    CHECK(*c.min == 0.0);
    CHECK(*c.q25 == 1.0);
    CHECK(*c.median == 2.0);
    CHECK(*c.q75 == 4.0);
    CHECK(*c.max == 10.0);
    CHECK_THAT(*c.skewness, WithinRel(1.5381245216522863, 1e-13));
    CHECK(*c.zeros == 1);
    CHECK(*c.outliers == 1);  // fences [-3.5, 8.5]: 10 is outside
    CHECK(c.distinct == 5);
    CHECK(c.top.front().value == "0");  // all counts 1: ascending values
    CHECK(findAlert(p, "x", "missing") != nullptr);
    CHECK(findAlert(p, "x", "outliers")->count == 1);
    CHECK(findAlert(p, "x", "skewed") != nullptr);
}

TEST_CASE("Profile: booleans are described as 0/1", "[profile]")
{
    Table t;
    REQUIRE(t.addColumn("b", Column::makeBoolean({1, 0, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1, 1, 0})).ok());
    auto p = profileOf(t);
    const auto& b = p.columns[0];
    CHECK(b.type == ColumnType::Boolean);
    CHECK(b.count == 7);
    CHECK_THAT(*b.mean, WithinRel(6.0 / 7.0, 1e-15));
    CHECK(*b.zeros == 1);
    CHECK(b.distinct == 2);
    REQUIRE(b.top.size() == 2);
    CHECK(b.top[0].value == "true");
    CHECK(b.top[0].count == 6);
    CHECK(b.histogram.counts.empty());
    REQUIRE(findAlert(p, "b", "imbalanced") != nullptr);  // 6 : 1
    CHECK(findAlert(p, "b", "imbalanced")->message == "most frequent 'true' 6 vs least frequent 'false' 1 (6.0:1)");
}

TEST_CASE("Profile: datetimes are described in milliseconds and printed as dates", "[profile]")
{
    const std::int64_t day = 86400000;
    const std::int64_t d0 = daysFromCivil(2024, 3, 1) * day;
    Table t;
    REQUIRE(t.addColumn("d", Column::makeDatetime({d0, d0 + day, d0 + 2 * day, d0 + 2 * day})).ok());
    auto p = profileOf(t);
    const auto& d = p.columns[0];
    CHECK(*d.min == static_cast<double>(d0));
    CHECK(*d.median == static_cast<double>(d0) + 1.5 * day);
    CHECK_FALSE(d.zeros);
    CHECK(d.top[0].value == "2024-03-03");
    CHECK(d.top[0].count == 2);
    CHECK_FALSE(d.histogram.counts.empty());
    auto j = profile::profileToJson(p)["columns"][0];
    CHECK(j["type"] == "datetime");
    CHECK(j["min_text"] == "2024-03-01");
    CHECK(j["max_text"] == "2024-03-03");
    CHECK(j["unit"] == "ms");
}

TEST_CASE("Profile: text alerts (unique, high cardinality, mixed types)", "[profile]")
{
    std::vector<std::optional<std::string>> ids, mixed, many;
    for (int i = 0; i < 200; ++i) {
        ids.push_back(std::string("row-").append(std::to_string(i)));
        mixed.push_back(i % 4 == 0 ? std::string("unknown") : std::to_string(i % 7));
        many.push_back(std::string("v").append(std::to_string(i % 60)));
    }
    Table t;
    REQUIRE(t.addColumn("id", Column::fromStrings(ids, ColumnType::Text)).ok());
    REQUIRE(t.addColumn("mixed", Column::fromStrings(mixed)).ok());
    REQUIRE(t.addColumn("many", Column::fromStrings(many)).ok());
    auto p = profileOf(t);
    CHECK(findAlert(p, "id", "unique") != nullptr);
    CHECK(findAlert(p, "id", "high_cardinality") == nullptr);
    REQUIRE(findAlert(p, "mixed", "mixed_types") != nullptr);
    CHECK(findAlert(p, "mixed", "mixed_types")->count == 150);
    CHECK_THAT(p.columns[1].mixedShare, WithinRel(0.75, 1e-15));
    CHECK(findAlert(p, "many", "high_cardinality") != nullptr);
    CHECK(p.columns[2].distinct == 60);
    CHECK(p.columns[0].top.size() == 10);
    CHECK_FALSE(p.columns[0].mean);
    CHECK_FALSE(p.columns[0].zeros);
    CHECK(profile::profileToJson(p)["columns"][0]["zeros"].is_null());
}

TEST_CASE("Profile: duplicate rows and correlated columns are table alerts", "[profile]")
{
    Table t;
    REQUIRE(t.addColumn("x", Column::makeNumeric({1, 2, 3, 4, 5, 1})).ok());
    REQUIRE(t.addColumn("y", Column::makeNumeric({2.1, 3.9, 6.2, 8.1, 9.8, 2.1})).ok());
    REQUIRE(t.addColumn("g", Column::fromStrings({"a", "b", "a", "b", "a", "a"})).ok());
    auto p = profileOf(t);
    CHECK(p.duplicateRows == 1);
    REQUIRE(findAlert(p, "", "duplicates") != nullptr);
    CHECK(findAlert(p, "", "duplicates")->count == 1);
    REQUIRE(p.correlated.size() == 1);
    CHECK(p.correlated[0].a == "x");
    CHECK(p.correlated[0].b == "y");
    const auto* corr = findAlert(p, "x", "correlated");
    REQUIRE(corr != nullptr);
    CHECK(corr->other == "y");
    CHECK_FALSE(corr->why.empty());

    auto j = profile::profileToJson(p, {Diagnostic{Diagnostic::Severity::Warning, "row 17 has 3 fields", 17, {}}});
    CHECK(j["duplicate_rows"] == 1);
    CHECK(j["warnings"][0]["line"] == 17);
    CHECK(j["warnings"][0]["message"] == "row 17 has 3 fields");
    bool sawDuplicates = false;
    for (const auto& a : j["alerts"]) {
        CHECK(a.contains("kind"));
        CHECK(a.contains("message"));
        CHECK(a.contains("why"));
        if (a["kind"] == "duplicates") {
            sawDuplicates = true;
            CHECK(a["column"].is_null());
        }
    }
    CHECK(sawDuplicates);
    CHECK(j["correlations"]["columns"] == nlohmann::ordered_json({"x", "y"}));
    CHECK(j["correlations"]["pearson"][0][0] == 1.0);
    for (const char* field : {"name", "type", "missing", "distinct", "mean", "std", "min", "q25", "median", "q75",
                              "max", "skewness", "zeros", "histogram", "top"})
        CHECK(j["columns"][0].contains(field));
    CHECK(j["columns"][0]["histogram"]["edges"].size() == j["columns"][0]["histogram"]["counts"].size() + 1);
}

TEST_CASE("Profile: cancelling stops with ErrorCode::Cancelled", "[profile]")
{
    Table t;
    REQUIRE(t.addColumn("x", Column::makeNumeric({1, 2, 3})).ok());
    std::atomic<bool> cancel{true};
    auto r = profile::profileTable(t, {}, Progress({}, &cancel));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Cancelled);
}

TEST_CASE("Profile: the text report lists every column and each alert with its why", "[profile]")
{
    Table t;
    REQUIRE(t.addColumn("bill_length_mm", Column::fromOptionals({39.1, 39.5, std::nullopt, 40.3, 36.7})).ok());
    REQUIRE(t.addColumn("species", Column::fromStrings({"Adelie", "Adelie", "Gentoo", "Adelie", "Adelie"})).ok());
    auto p = profileOf(t);
    const std::string text = profile::profileToText(p, {Diagnostic{Diagnostic::Severity::Warning, "bad row", 3, {}}});
    CHECK(text.find("bill_length_mm") != std::string::npos);
    CHECK(text.find("species") != std::string::npos);
    CHECK(text.find("Adelie") != std::string::npos);
    CHECK(text.find("bad row") != std::string::npos);
    // The why is wrapped over lines: compare with runs of white space folded into one space.
    std::string folded;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n';
        if (!space || (!folded.empty() && folded.back() != ' '))
            folded += space ? ' ' : c;
    }
    // The column table is aligned: its last column is right-aligned, so its lines share one width.
    const std::size_t tableStart = text.find("column ");
    REQUIRE(tableStart != std::string::npos);
    const std::size_t tableEnd = text.find("\n\n", tableStart);
    std::size_t width = 0;
    for (std::size_t pos = tableStart; pos < tableEnd;) {
        const std::size_t eol = text.find('\n', pos);
        if (width == 0)
            width = eol - pos;
        CHECK(eol - pos == width);
        pos = eol + 1;
    }
    REQUIRE_FALSE(p.alerts.empty());
    for (const auto& a : p.alerts)
        CHECK(folded.find("why: " + a.why) != std::string::npos);
}

TEST_CASE("Profile: infinities, NaN and extreme integers never break the figures", "[profile]")
{
    const double inf = std::numeric_limits<double>::infinity();
    Table t;
    REQUIRE(t.addColumn("x", Column::makeNumeric({1.0, inf, -inf, std::nan(""), 2.0, 3.0})).ok());
    REQUIRE(t.addColumn("big", Column::makeInteger({INT64_MIN, INT64_MAX, 0, 0, 5, -5})).ok());
    REQUIRE(t.addColumn("old", Column::makeDatetime({-86400000LL * 365 * 100, 0, 86400000, 86400000, 0, 0})).ok());
    auto p = profileOf(t);
    const auto& x = p.columns[0];
    CHECK(x.count == 5);  // NaN counts as missing, as in pandas
    CHECK(x.missing == 1);
    CHECK(*x.min == -inf);
    CHECK(*x.max == inf);
    CHECK(*x.median == 2.0);
    CHECK_FALSE(x.mean);  // inf - inf: undefined
    CHECK(x.histogram.counts.size() >= 1);  // over the finite values 1, 2, 3
    const auto& big = p.columns[1];
    CHECK(big.distinct == 5);
    CHECK(*big.zeros == 2);
    CHECK(big.top[0].value == "0");
    CHECK(p.columns[2].top[0].value == "1970-01-01");
    auto j = profile::profileToJson(p);
    CHECK(j["columns"][0]["max"].is_null());  // JSON has no infinity
    CHECK(j["columns"][0]["median"] == 2.0);
    CHECK_FALSE(profile::profileToText(p).empty());
}
