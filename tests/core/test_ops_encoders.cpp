// one_hot, ordinal, frequency and target_encode against scikit-learn 1.2.1 (OneHotEncoder,
// OrdinalEncoder) and pandas (count and m-estimate encodings) on penguins and adult
// (tests/data/ops/{one_hot,ordinal,frequency,target_encode}_*.json), plus degenerate inputs.
#include "ops_reference.h"

using namespace preplab;
using namespace preplab::ops;
using namespace preplab::testref;
using nlohmann::json;

TEST_CASE("one_hot: every reference case matches scikit-learn 1.2.1", "[ops][one_hot]")
{
    auto cases = referenceCases("one_hot_");
    REQUIRE(cases.size() >= 7);
    for (const auto& name : cases) {
        ReferenceCase rc = loadReferenceCase(name);
        INFO("case " << name);
        StepOutput out = runReferenceCase(rc);
        for (const auto& [column, cats] : rc.fitted.items())
            CHECK(out.report.fitted.at(column).at("categories") == cats);
        CHECK(out.report.columnsAdded == rc.expected.at("added").get<std::vector<std::string>>());
    }
}

TEST_CASE("ordinal: every reference case matches scikit-learn 1.2.1", "[ops][ordinal]")
{
    auto cases = referenceCases("ordinal_");
    REQUIRE(cases.size() >= 3);
    for (const auto& name : cases) {
        ReferenceCase rc = loadReferenceCase(name);
        INFO("case " << name);
        StepOutput out = runReferenceCase(rc);
        for (const auto& [column, cats] : rc.fitted.items())
            CHECK(out.report.fitted.at(column).at("categories") == cats);
    }
}

TEST_CASE("frequency: every reference case matches pandas value_counts", "[ops][frequency]")
{
    auto cases = referenceCases("frequency_");
    REQUIRE(cases.size() >= 2);
    for (const auto& name : cases) {
        ReferenceCase rc = loadReferenceCase(name);
        INFO("case " << name);
        StepOutput out = runReferenceCase(rc);
        checkFitted(rc.fitted, out.report.fitted, 0);
    }
}

TEST_CASE("target_encode: every reference case matches the m-estimate computed by pandas", "[ops][target_encode]")
{
    auto cases = referenceCases("target_encode_");
    REQUIRE(cases.size() >= 4);
    for (const auto& name : cases) {
        ReferenceCase rc = loadReferenceCase(name);
        INFO("case " << name);
        StepOutput out = runReferenceCase(rc);
        checkFitted(rc.fitted, out.report.fitted, rc.tolerance);
    }
}

namespace {
Table pets()
{
    Table t;
    REQUIRE(t.addColumn("pet", Column::fromStrings({"dog", "cat", std::nullopt, "dog", "bird"})));
    REQUIRE(t.addColumn("y", Column::fromStrings({"yes", "no", "no", "yes", "yes"})));
    return t;
}
StepContext firstThree(const Table& t, std::string target = {})
{
    StepContext ctx = StepContext::allRows(t, {}, std::move(target));
    ctx.fitRows = {0, 1, 2};
    ctx.trainMask = {1, 1, 1, 0, 0};
    return ctx;
}
} // namespace

TEST_CASE("one_hot: categories come from the fit rows; unseen values get all zeros", "[ops][one_hot]")
{
    Table t = pets();
    auto out = runStep(t, json{{"op", "one_hot"}, {"columns", {"pet"}}}, firstThree(t));
    REQUIRE(out);
    CHECK(out->table.names() == std::vector<std::string>{"pet_cat", "pet_dog", "pet_nan", "y"});
    CHECK(out->table.column(0).number(4) == 0);
    CHECK(out->table.column(1).number(4) == 0);
    REQUIRE(out->report.warnings.size() == 1);
    CHECK(out->report.warnings[0].message == "1 value not seen in the fit rows got all zeros");
    auto first = runStep(t, json{{"op", "one_hot"}, {"columns", {"y"}}, {"drop", "if_binary"}}, StepContext::allRows(t));
    REQUIRE(first);
    CHECK(first->table.names() == std::vector<std::string>{"pet", "y_yes"});
}

TEST_CASE("encoders: unseen categories, missing values and the target", "[ops][ordinal][frequency][target_encode]")
{
    Table t = pets();
    auto ord = runStep(t, json{{"op", "ordinal"}, {"columns", {"pet"}}}, firstThree(t));
    REQUIRE(ord);
    CHECK(ord->table.column(0).number(3) == 1);  // dog; categories cat, dog
    CHECK(ord->table.column(0).isMissing(2));
    CHECK(ord->table.column(0).isMissing(4));  // bird: unseen
    auto freq = runStep(t, json{{"op", "frequency"}, {"columns", {"pet"}}}, firstThree(t));
    REQUIRE(freq);
    CHECK(freq->table.column(0).number(4) == 0);
    CHECK(freq->table.column(0).number(3) == 1);
    auto te = runStep(t, json{{"op", "target_encode"}, {"columns", {"pet"}}}, firstThree(t, "y"));
    REQUIRE(te);
    // y: yes is the positive class (second in sorted order); fit rows: dog yes, cat no, missing no
    const double ybar = 1.0 / 3.0;
    CHECK_THAT(te->table.column(0).number(0), Catch::Matchers::WithinRel((1 + ybar) / 2, 1e-15));
    CHECK_THAT(te->table.column(0).number(4), Catch::Matchers::WithinRel(ybar, 1e-15));
    CHECK(te->report.fitted["positive"] == "yes");
    auto noTarget = runStep(t, json{{"op", "target_encode"}, {"columns", {"pet"}}}, StepContext::allRows(t));
    REQUIRE_FALSE(noTarget);
    CHECK(noTarget.error().message.find("target") != std::string::npos);
    auto notGiven = runStep(t, json{{"op", "ordinal"}, {"columns", {"pet"}}, {"categories", {"dog", "cat"}}},
                            StepContext::allRows(t));
    REQUIRE_FALSE(notGiven);
    CHECK(notGiven.error().message.find("\"bird\" is not in the given categories") != std::string::npos);
}
