// transform against numpy and scikit-learn 1.2.1 (PowerTransformer, QuantileTransformer) on
// breast_cancer, wine, airquality and cars (tests/data/ops/transform_*.json): 1e-6 for the power
// transforms (lambda by Brent), 1e-9 for the rest.
#include "ops_reference.h"

using namespace preplab;
using namespace preplab::ops;
using namespace preplab::testref;
using nlohmann::json;

TEST_CASE("transform: every reference case matches scikit-learn 1.2.1", "[ops][transform]")
{
    auto cases = referenceCases("transform_");
    REQUIRE(cases.size() >= 25);
    for (const auto& name : cases) {
        ReferenceCase rc = loadReferenceCase(name);
        INFO("case " << name);
        StepOutput out = runReferenceCase(rc);
        if (!rc.fitted.is_object())
            continue;
        for (const auto& [column, f] : rc.fitted.items()) {
            INFO("fitted " << column);
            const json& got = out.report.fitted.at(column);
            if (f.contains("lambda")) {
                CHECK(closeEnough(got.at("lambda").get<double>(), f.at("lambda").get<double>(), 1e-6));
                if (f.contains("mean"))
                    CHECK(closeEnough(got.at("mean").get<double>(), f.at("mean").get<double>(), 1e-6));
            } else {
                CHECK(got.at("n_quantiles") == f.at("n_quantiles"));
                CHECK(closeEnough(got.at("max").get<double>(), f.at("quantiles").back().get<double>(), 1e-12));
            }
        }
    }
}

TEST_CASE("transform: values outside the domain are refused with row and value", "[ops][transform]")
{
    Table t;
    REQUIRE(t.addColumn("x", Column::fromOptionals({1.0, 0.0, 3.0})));
    auto log = runStep(t, json{{"op", "transform"}, {"method", "log"}}, StepContext::allRows(t));
    REQUIRE_FALSE(log);
    CHECK(log.error().message == "step 1 (transform): column \"x\", row 2: log needs strictly positive values, got 0");
    auto bc = runStep(t, json{{"op", "transform"}, {"method", "box_cox"}}, StepContext::allRows(t));
    REQUIRE_FALSE(bc);
    CHECK(bc.error().message.find("strictly positive") != std::string::npos);
    auto ok = runStep(t, json{{"op", "transform"}, {"method", "log1p"}}, StepContext::allRows(t));
    REQUIRE(ok);
    CHECK(ok->table.column(0).number(1) == 0.0);
}

TEST_CASE("transform: constant, one-row and all-missing columns", "[ops][transform]")
{
    Table t;
    REQUIRE(t.addColumn("c", Column::fromOptionals({2.0, 2.0, 2.0})));
    REQUIRE(t.addColumn("m", Column::fromOptionals({std::nullopt, std::nullopt, std::nullopt})));
    auto yj = runStep(t, json{{"op", "transform"}, {"method", "yeo_johnson"}}, StepContext::allRows(t));
    REQUIRE(yj);
    CHECK(yj->table.column(0).number(0) == 0.0);  // constant: centred, not divided
    CHECK(yj->report.warnings.size() == 1);
    auto q = runStep(t, json{{"op", "transform"}, {"method", "quantile_normal"}, {"columns", {"c"}}},
                     StepContext::allRows(t));
    REQUIRE(q);
    CHECK(q->report.fitted["c"]["n_quantiles"] == 3);
    Table one;
    REQUIRE(one.addColumn("x", Column::fromOptionals({4.0})));
    auto u = runStep(one, json{{"op", "transform"}, {"method", "quantile_uniform"}}, StepContext::allRows(one));
    REQUIRE(u);
    CHECK(u->table.column(0).number(0) == 0.0);
}
