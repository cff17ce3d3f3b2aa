// discretize against scikit-learn 1.2.1 KBinsDiscretizer(encode="ordinal") on wine, breast_cancer
// and cars (tests/data/ops/discretize_*.json), plus degenerate inputs.
#include "ops_reference.h"

using namespace preplab;
using namespace preplab::ops;
using namespace preplab::testref;
using nlohmann::json;

TEST_CASE("discretize: every reference case matches scikit-learn 1.2.1", "[ops][discretize]")
{
    auto cases = referenceCases("discretize_");
    REQUIRE(cases.size() >= 12);
    for (const auto& name : cases) {
        ReferenceCase rc = loadReferenceCase(name);
        INFO("case " << name);
        StepOutput out = runReferenceCase(rc);
        checkFitted(rc.fitted, out.report.fitted, rc.tolerance);
    }
}

TEST_CASE("discretize: constant column is one bin with a warning; missing stays missing", "[ops][discretize]")
{
    Table t;
    REQUIRE(t.addColumn("c", Column::fromOptionals({3, 3, std::nullopt, 3})));
    auto out = runStep(t, json{{"op", "discretize"}}, StepContext::allRows(t));
    REQUIRE(out);
    CHECK(out->table.column(0).type() == ColumnType::Integer);
    CHECK(out->table.column(0).number(0) == 0);
    CHECK(out->table.column(0).isMissing(2));
    REQUIRE(out->report.warnings.size() == 1);
    CHECK(out->report.warnings[0].message.find("constant") != std::string::npos);
    auto km = runStep(t, json{{"op", "discretize"}, {"strategy", "kmeans"}, {"n_bins", 1}}, StepContext::allRows(t));
    REQUIRE_FALSE(km);
    CHECK(km.error().message.find("n_bins") != std::string::npos);
}
