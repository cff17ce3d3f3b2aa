// scale against scikit-learn 1.2.1 (StandardScaler, MinMaxScaler, RobustScaler, MaxAbsScaler) on
// wine and airquality (tests/data/ops/scale_*.json), plus degenerate inputs.
#include "ops_reference.h"

using namespace preplab;
using namespace preplab::ops;
using namespace preplab::testref;
using nlohmann::json;

TEST_CASE("scale: every reference case matches scikit-learn 1.2.1", "[ops][scale]")
{
    auto cases = referenceCases("scale_");
    REQUIRE(cases.size() >= 20);
    for (const auto& name : cases) {
        ReferenceCase rc = loadReferenceCase(name);
        INFO("case " << name);
        StepOutput out = runReferenceCase(rc);
        if (rc.fitted.is_object())
            checkFitted(rc.fitted, out.report.fitted, rc.tolerance);
    }
}

TEST_CASE("StandardScaler: constant column maps to zero", "[ops][scale]")
{
    Table t;
    REQUIRE(t.addColumn("c", Column::fromOptionals({0.1, 0.1, 0.1})));
    auto out = runStep(t, json{{"op", "scale"}}, StepContext::allRows(t));
    REQUIRE(out);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK_THAT(out->table.column(0).number(i), Catch::Matchers::WithinAbs(0.0, 1e-16));
    CHECK(out->report.fitted["c"]["scale"] == 1.0);
    CHECK(out->report.fitted["c"]["constant"] == true);
}

TEST_CASE("scale: never the target, one row, empty and all-missing columns", "[ops][scale]")
{
    Table t;
    REQUIRE(t.addColumn("x", Column::fromOptionals({5.0})));
    REQUIRE(t.addColumn("y", Column::fromOptionals({7.0})));
    REQUIRE(t.addColumn("m", Column::fromOptionals({std::nullopt})));
    auto out = runStep(t, json{{"op", "scale"}, {"method", "minmax"}}, StepContext::allRows(t, {}, "y"));
    REQUIRE(out);
    CHECK(out->table.column(0).number(0) == 0.0);
    CHECK(out->table.columnPtr(1) == t.columnPtr(1));  // the target is untouched
    REQUIRE(out->report.warnings.size() == 2);  // "m" has no value; "x" is constant (one row)
    CHECK(out->report.warnings[0].message == "column \"m\" has no value in the fit rows; left unchanged");
    Table empty;
    REQUIRE(empty.addColumn("x", Column::fromOptionals({})));
    auto e = runStep(empty, json{{"op", "scale"}, {"method", "robust"}}, StepContext::allRows(empty));
    REQUIRE(e);
    auto bad = runStep(t, json{{"op", "scale"}, {"method", "minmax"}, {"feature_range", {1, 0}}},
                       StepContext::allRows(t));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("feature_range") != std::string::npos);
}

TEST_CASE("RobustScaler: a 0/1 column with equal quartiles is centred and named as such, not as constant",
          "[ops][scale]")
{
    // 2 ones in 10 rows: the 25th and 75th percentiles are both 0 (not a constant column);
    // scikit-learn's RobustScaler then uses scale 1: x - median.
    Table t;
    REQUIRE(t.addColumn("flag", Column::makeSmallInteger({0, 1, 0, 0, 0, 0, 0, 0, 1, 0})));
    REQUIRE(t.addColumn("c", Column::fromOptionals({2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0})));
    auto out = runStep(t, json{{"op", "scale"}, {"method", "robust"}}, StepContext::allRows(t));
    REQUIRE(out);
    CHECK(out->report.fitted["flag"]["scale"] == 1.0);
    CHECK(out->report.fitted["flag"]["center"] == 0.0);
    CHECK(out->report.fitted["flag"].value("zero_spread", false));
    CHECK_FALSE(out->report.fitted["flag"].contains("constant"));
    CHECK(out->table.column(0).number(1) == 1.0);
    REQUIRE(out->report.warnings.size() == 1);
    CHECK(out->report.warnings[0].message ==
          "the 25th and 75th percentiles are equal in the fit rows, so only centred (scale 1, as scikit-learn): "
          "flag and c");
}
