// Scenario 4 (leakage by preprocessing on all data): which steps are forced to "fit_on": "all",
// the fitted parameters of the training-rows fit and of the all-rows fit against means and
// standard deviations computed here independently from the penguins file, and the leaky pass
// scored on exactly the test rows of the "with" pass.
#include "core/io/reader.h"
#include "core/model/leakage_comparison.h"
#include "core/pipeline/pipeline.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <numeric>
#include <set>

using namespace preplab;
using namespace preplab::model;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

const std::vector<std::string> kMeasures = {"bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"};

Table penguins()
{
    auto read = io::readTable(std::string(PREPLAB_SHARED_DIR) + "/datasets/penguins.csv");
    REQUIRE(read.ok());
    return std::move(read->table);
}

std::vector<nlohmann::json> imputeAndStandardize()
{
    return {{{"op", "split"}, {"test_size", 0.25}, {"seed", 7}},
            {{"op", "impute"}, {"columns", kMeasures}, {"strategy", "mean"}},
            {{"op", "scale"}, {"columns", kMeasures}, {"method", "standard"}}};
}

pipeline::Recipe recipeOf(const std::vector<nlohmann::json>& steps)
{
    pipeline::Recipe r;
    r.target = "sex";
    for (const auto& s : steps)
        r.steps.push_back({s});
    return r;
}

std::vector<ops::StepReport> reports(const pipeline::Pipeline& run)
{
    std::vector<ops::StepReport> out;
    for (std::size_t i = 0; i < run.completedSteps(); ++i)
        out.push_back(run.step(i).report);
    return out;
}

// Mean and population standard deviation (ddof 0, StandardScaler) of `values` at `rows`.
std::pair<double, double> meanStd(const std::vector<double>& values, const std::vector<std::size_t>& rows)
{
    double sum = 0;
    for (std::size_t r : rows)
        sum += values[r];
    const double mean = sum / static_cast<double>(rows.size());
    double ss = 0;
    for (std::size_t r : rows)
        ss += (values[r] - mean) * (values[r] - mean);
    return {mean, std::sqrt(ss / static_cast<double>(rows.size()))};
}

PassInput passOf(const char* name, const pipeline::Pipeline& run, const Table& original, const std::vector<char>& isTest)
{
    PassInput in;
    in.name = name;
    in.table = &run.output();
    in.original = &original;
    in.originalIsTest = isTest;
    for (std::int64_t o : run.outputOrigin())
        in.originalRow.push_back(o < 0 ? kSyntheticRow : static_cast<std::size_t>(o));
    return in;
}

const FittedDifference* find(const StepFitComparison& s, const std::string& parameter)
{
    for (const auto& d : s.differences)
        if (d.parameter == parameter)
            return &d;
    return nullptr;
}

} // namespace

TEST_CASE("Leakage: fit_on all is forced on the enabled fitted steps only", "[model][leakage]")
{
    const std::vector<nlohmann::json> steps = {
        {{"op", "split"}},
        {{"op", "impute"}, {"strategy", "median"}},
        {{"op", "scale"}, {"method", "robust"}, {"enabled", false}},
        {{"op", "text_clean"}},
        {{"op", "resample"}, {"method", "random_over"}},
        {{"op", "one_hot"}, {"columns", {"island"}}},
        {{"op", "target_encode"}, {"fit_on", "all"}},
        {{"op", "no_such_op"}},
    };
    std::vector<std::size_t> fitted;
    const auto leaky = fitStepsOnAllRows(steps, &fitted);
    CHECK(fitted == std::vector<std::size_t>{1, 5, 6});
    REQUIRE(leaky.size() == steps.size());
    CHECK(leaky[1]["fit_on"] == "all");
    CHECK(leaky[1]["strategy"] == "median");
    CHECK(leaky[5]["fit_on"] == "all");
    CHECK_FALSE(leaky[2].contains("fit_on"));  // disabled
    CHECK_FALSE(leaky[4].contains("fit_on"));  // resampling all rows is scenario 3, not this one
    CHECK(leaky[0] == steps[0]);
    CHECK(leaky[3] == steps[3]);
    CHECK(leaky[7] == steps[7]);

    // Degenerate: nothing to force.
    std::vector<std::size_t> none;
    CHECK(fitStepsOnAllRows({}, &none).empty());
    CHECK(none.empty());
    CHECK(fitStepsOnAllRows({{{"op", "filter"}, {"expr", "year > 2007"}}}, &none).size() == 1);
    CHECK(none.empty());
}

TEST_CASE("Leakage: penguins impute + standardize, training-rows fit vs all-rows fit", "[model][leakage]")
{
    const Table data = penguins();
    REQUIRE(data.rowCount() == 344);
    const auto steps = imputeAndStandardize();
    std::vector<std::size_t> fitted;
    const auto leakySteps = fitStepsOnAllRows(steps, &fitted);
    REQUIRE(fitted == std::vector<std::size_t>{1, 2});

    pipeline::Pipeline withRun(data), leakyRun(data);
    REQUIRE(withRun.run(recipeOf(steps)).ok());
    REQUIRE(leakyRun.run(recipeOf(leakySteps)).ok());

    // The training rows, as the split step marked them (the same in both runs).
    const Column* split = withRun.step(0).table.find("split");
    REQUIRE(split);
    std::vector<std::size_t> train, all(data.rowCount());
    std::iota(all.begin(), all.end(), std::size_t{0});
    std::vector<char> isTest(data.rowCount(), 0);
    for (std::size_t r = 0; r < data.rowCount(); ++r) {
        CHECK(leakyRun.step(0).table.find("split")->format(r) == split->format(r));
        if (split->format(r) == "train")
            train.push_back(r);
        else
            isTest[r] = 1;
    }
    REQUIRE(train.size() == 258);  // 344 - ceil(0.25 * 344)

    const auto comparison = compareFits(reports(withRun), reports(leakyRun), fitted);
    REQUIRE(comparison.size() == 2);
    const StepFitComparison& impute = comparison[0];
    const StepFitComparison& scale = comparison[1];
    CHECK(impute.stepIndex == 1);
    CHECK(impute.op == "impute");
    CHECK(impute.trainFitRows == 258);
    CHECK(impute.allFitRows == 344);
    CHECK(impute.parameters == 4);
    CHECK(scale.parameters == 12);  // mean, var, scale per column

    for (const std::string& name : kMeasures) {
        INFO(name);
        const Column& c = *data.find(name);
        std::vector<std::size_t> trainPresent, allPresent;
        for (std::size_t r = 0; r < c.size(); ++r)
            if (c.isValid(r)) {
                allPresent.push_back(r);
                if (split->format(r) == "train")
                    trainPresent.push_back(r);
            }
        const std::vector<double> raw = c.toDoubles();
        const double trainMean = meanStd(raw, trainPresent).first, allMean = meanStd(raw, allPresent).first;

        // The imputer's value: the mean of the present values of the fit rows.
        const FittedDifference* fill = find(impute, name + ".mean");
        REQUIRE(fill);
        CHECK_THAT(*fill->trainValue, WithinRel(trainMean, 1e-12));
        CHECK_THAT(*fill->allValue, WithinRel(allMean, 1e-12));
        CHECK(*fill->allValue != *fill->trainValue);

        // The scaler learns from the imputed column: mean and std (ddof 0) of its fit rows.
        std::vector<double> trainImputed = raw, allImputed = raw;
        for (std::size_t r = 0; r < c.size(); ++r)
            if (!c.isValid(r)) {
                trainImputed[r] = trainMean;
                allImputed[r] = allMean;
            }
        const auto [trainM, trainS] = meanStd(trainImputed, train);
        const auto [allM, allS] = meanStd(allImputed, all);
        const FittedDifference* mean = find(scale, name + ".mean");
        const FittedDifference* sd = find(scale, name + ".scale");
        REQUIRE(mean);
        REQUIRE(sd);
        CHECK_THAT(*mean->trainValue, WithinRel(trainM, 1e-12));
        CHECK_THAT(*mean->allValue, WithinRel(allM, 1e-12));
        CHECK_THAT(*sd->trainValue, WithinRel(trainS, 1e-12));
        CHECK_THAT(*sd->allValue, WithinRel(allS, 1e-12));
        CHECK_THAT(mean->difference(), WithinAbs(allM - trainM, 1e-9 * std::abs(allM)));
    }

    // The three passes on the same split: the leaky one is scored on the very test rows of "with".
    EvaluateOptions options;
    options.target = "sex";
    options.model.name = "logistic";
    options.exclude = {"year"};
    auto with = runPass(passOf("with", withRun, data, isTest), options);
    auto leaky = runPass(passOf(kLeakyPassName, leakyRun, data, isTest), options);
    REQUIRE(with.ok());
    REQUIRE(leaky.ok());
    CHECK(leaky->testRows == with->testRows);
    CHECK(leaky->trainRows == with->trainRows);
    std::set<std::size_t> withTest, leakyTest;
    for (const auto& p : with->predictions)
        if (p.test)
            withTest.insert(p.row);
    for (const auto& p : leaky->predictions)
        if (p.test)
            leakyTest.insert(p.row);
    CHECK(withTest == leakyTest);
    for (std::size_t r : withTest)
        CHECK(isTest[r] == 1);

    LeakageComparison leakage{*leaky, fitted, comparison};
    const nlohmann::json j = leakageToJson(*with, leakage);
    CHECK(j["pass"] == "with_fit_on_all");
    CHECK(j["fitted_steps"] == nlohmann::json::array({1, 2}));
    CHECK(j["metrics"]["test_rows"] == with->testRows);
    CHECK_THAT(j["delta_test_vs_with"]["f1"].get<double>(), WithinAbs(*leaky->testScores.f1 - *with->testScores.f1, 1e-15));
    CHECK(j["steps"].size() == 2);
    CHECK(j["steps"][0]["fitted_training_rows"]["bill_length_mm"]["mean"] == *find(impute, "bill_length_mm.mean")->trainValue);
    CHECK(j["steps"][1]["differing_parameters"] == 12);
    const std::string sentence = j["explanation"];
    INFO(sentence);
    CHECK(sentence.find("on all 344 rows instead of the 258 training rows") != std::string::npos);
    CHECK(sentence.find("moved from") != std::string::npos);
    CHECK(sentence.find("test F1 changed by") != std::string::npos);
}

TEST_CASE("Leakage: no fitted step, missing reports and identical fits", "[model][leakage]")
{
    PassResult with;
    with.testScores.f1 = MetricValue::of(0.5);
    with.positiveClass = 1;
    LeakageComparison empty;
    CHECK(leakageSentence(with, empty) == "The recipe has no fitted step, so fitting on all rows changes nothing.");

    ops::StepReport a, b;
    a.op = b.op = "scale";
    a.fitted = {{"x", {{"mean", 1.5}, {"scale", 2.0}}}};
    b.fitted = a.fitted;
    a.fitRowCount = b.fitRowCount = 10;
    // Index 3 is beyond both lists (the run stopped earlier): skipped.
    auto same = compareFits({a}, {b}, {0, 3});
    REQUIRE(same.size() == 1);
    CHECK(same[0].parameters == 2);
    CHECK(same[0].differing == 0);
    CHECK(same[0].differences.empty());
    LeakageComparison unchanged;
    unchanged.steps = same;
    CHECK(leakageSentence(with, unchanged).find("changed none of their learned parameters") != std::string::npos);

    // A text leaf (a most frequent category) and a leaf only one fit has.
    b.fitted = {{"x", {{"mean", 1.5}, {"scale", 2.0}}}, {"island", {{"most_frequent", "Biscoe"}}}};
    a.fitted["island"] = {{"most_frequent", "Dream"}};
    b.fitted["extra"] = 3;
    auto text = compareFits({a}, {b}, {0});
    REQUIRE(text.size() == 1);
    CHECK(text[0].differing == 2);
    REQUIRE(text[0].differences.size() == 2);
    CHECK(text[0].parameters == 4);
    CHECK(text[0].differences[0].parameter == "island.most_frequent");
    CHECK(text[0].differences[0].allText == "\"Biscoe\"");
    CHECK(text[0].differences[1].parameter == "extra");
    CHECK(text[0].differences[1].trainText == "absent");
    CHECK_FALSE(text[0].differences[1].trainValue);
    CHECK(*text[0].differences[1].allValue == 3);
    LeakageComparison textOnly;
    textOnly.steps = text;
    CHECK(leakageSentence(with, textOnly).find("island.most_frequent changed from \"Dream\" to \"Biscoe\"") !=
          std::string::npos);
}
