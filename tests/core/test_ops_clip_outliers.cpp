// clip_outliers against numpy (percentiles, population std) on breast_cancer and wine
// (tests/data/ops/clip_*.json), plus degenerate inputs.
#include "ops_reference.h"

using namespace preplab;
using namespace preplab::ops;
using namespace preplab::testref;
using nlohmann::json;

TEST_CASE("clip_outliers: every reference case matches numpy", "[ops][clip_outliers]")
{
    auto cases = referenceCases("clip_");
    REQUIRE(cases.size() >= 20);
    for (const auto& name : cases) {
        ReferenceCase rc = loadReferenceCase(name);
        INFO("case " << name);
        StepOutput out = runReferenceCase(rc);
        checkFitted(rc.fitted, out.report.fitted, rc.tolerance);
    }
}

TEST_CASE("clip_outliers: remove drops rows, missing never counts as outside", "[ops][clip_outliers]")
{
    Table t;
    REQUIRE(t.addColumn("x", Column::fromOptionals({1, 2, 3, 4, std::nullopt, 100})));
    auto out = runStep(t, json{{"op", "clip_outliers"}, {"action", "remove"}}, StepContext::allRows(t));
    REQUIRE(out);
    CHECK(out->rowSource == std::vector<std::size_t>{0, 1, 2, 3, 4});
    CHECK(out->report.description == "removed 1 row with a value outside Q1 - 1.5 IQR, Q3 + 1.5 IQR in 1 column");
    auto bad = runStep(t, json{{"op", "clip_outliers"}, {"method", "zscore"}, {"lower", 5}}, StepContext::allRows(t));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("\"lower\"") != std::string::npos);
    Table empty;
    REQUIRE(empty.addColumn("x", Column::fromOptionals({})));
    auto e = runStep(empty, json{{"op", "clip_outliers"}}, StepContext::allRows(empty));
    REQUIRE(e);
    CHECK(e->report.warnings.size() == 1);
}
