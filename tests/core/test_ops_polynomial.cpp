// polynomial against scikit-learn 1.2.1 PolynomialFeatures(include_bias=False) on wine and
// airquality (tests/data/ops/polynomial_*.json).
#include "ops_reference.h"

using namespace preplab;
using namespace preplab::ops;
using namespace preplab::testref;
using nlohmann::json;

TEST_CASE("polynomial: every reference case matches scikit-learn 1.2.1", "[ops][polynomial]")
{
    auto cases = referenceCases("polynomial_");
    REQUIRE(cases.size() >= 6);
    for (const auto& name : cases) {
        ReferenceCase rc = loadReferenceCase(name);
        INFO("case " << name);
        StepOutput out = runReferenceCase(rc);
        CHECK(out.report.columnsAdded == rc.expected.at("added").get<std::vector<std::string>>());
    }
}

TEST_CASE("polynomial: [2, 3] gives a^2 = 4, a*b = 6, b^2 = 9", "[ops][polynomial]")
{
    Table t;
    REQUIRE(t.addColumn("a", Column::fromOptionals({2.0})));
    REQUIRE(t.addColumn("b", Column::fromOptionals({3.0})));
    auto out = runStep(t, json{{"op", "polynomial"}}, StepContext::allRows(t));
    REQUIRE(out);
    CHECK(out->table.names() == std::vector<std::string>{"a", "b", "a^2", "a*b", "b^2"});
    CHECK(out->table.column(2).number(0) == 4);
    CHECK(out->table.column(3).number(0) == 6);
    CHECK(out->table.column(4).number(0) == 9);
    auto clash = runStep(out->table, json{{"op", "polynomial"}, {"columns", {"a", "b"}}}, StepContext::allRows(t));
    REQUIRE_FALSE(clash);
    CHECK(clash.error().message.find("already exists") != std::string::npos);
}
