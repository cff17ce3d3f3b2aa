// Metrics against the semantics reference's golden values (§1, §3) and against scikit-learn 1.2.1
// on hand cases and on real datasets (tests/data/model/*.json).
#include "core/model/classification_metrics.h"
#include "core/model/evaluation.h"
#include "core/model/group_metrics.h"
#include "core/model/ranking_metrics.h"
#include "core/model/regression_metrics.h"
#include "test_model_reference.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace preplab::model;
using namespace preplab::testref;
using Catch::Matchers::WithinAbs;

namespace {

void checkValue(const MetricValue& v, double expected, double tol = 1e-9)
{
    INFO("reason: " << v.reason);
    REQUIRE(v.defined());
    CHECK_THAT(*v, WithinAbs(expected, tol));
}

void checkSeries(const std::vector<double>& got, const std::vector<double>& expected, double tol = 1e-9)
{
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("index " << i);
        if (std::isinf(expected[i]))
            CHECK(got[i] == expected[i]);
        else
            CHECK_THAT(got[i], WithinAbs(expected[i], tol));
    }
}

std::vector<double> column(const Eigen::MatrixXd& m, int c)
{
    std::vector<double> out;
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        out.push_back(m(i, c));
    return out;
}

} // namespace

TEST_CASE("Metrics: golden balanced accuracy shows the accuracy paradox", "[metrics]")
{
    std::vector<int> y{0, 0, 0, 1}, p{0, 0, 0, 0};
    checkValue(accuracy(y, p), 0.75);
    checkValue(balancedAccuracy(y, p), 0.5);
    checkValue(balancedAccuracy(y, p, true), 0.0);
}

TEST_CASE("Metrics: golden ROC AUC gives ties half credit", "[metrics]")
{
    std::vector<int> y{0, 0, 1, 1};
    checkValue(rocAuc(y, {0.5, 0.5, 0.5, 0.9}), 0.75);
    checkValue(rocAuc(y, {0.1, 0.4, 0.35, 0.8}), 0.75);
}

TEST_CASE("Metrics: golden average precision does not interpolate", "[metrics]")
{
    std::vector<int> y{0, 0, 1, 1};
    checkValue(averagePrecision(y, {0.1, 0.4, 0.35, 0.8}), 0.833333, 1e-6);
    checkValue(averagePrecision(y, {0.5, 0.5, 0.5, 0.9}), 0.75);
}

TEST_CASE("Metrics: golden log loss, with and without clipping", "[metrics]")
{
    Eigen::MatrixXd p(4, 2);
    p << .1, .9, .9, .1, .8, .2, .35, .65;
    checkValue(logLoss({1, 0, 0, 1}, p), 0.216162, 1e-6);
    checkValue(logLoss({0, 1}, std::vector<double>{1.0, 0.0}), 36.043653, 1e-6);
}

TEST_CASE("Metrics: golden regression errors and R2 with force_finite", "[metrics]")
{
    std::vector<double> y{3, -0.5, 2, 7}, p{2.5, 0, 2, 8};
    checkValue(meanSquaredError(y, p), 0.375);
    checkValue(rootMeanSquaredError(y, p), 0.612372, 1e-6);
    checkValue(meanAbsoluteError(y, p), 0.5);
    checkValue(r2Score({1, 1, 1}, {1, 1, 2}), 0.0);
    MetricValue raw = r2Score({1, 1, 1}, {1, 1, 2}, false);
    REQUIRE(raw.defined());
    CHECK(std::isinf(*raw));
    CHECK(*raw < 0);
    checkValue(r2Score({1, 1, 1}, {1, 1, 1}), 1.0);
    CHECK_FALSE(r2Score({1, 1, 1}, {1, 1, 1}, false).defined());
}

TEST_CASE("Metrics: binary hand cases match scikit-learn", "[metrics]")
{
    auto ref = loadModelReference("metrics_hand.json");
    for (const auto& c : ref["binary"]) {
        auto y = ints(c["y"]);
        auto s = doubles(c["score"]);
        auto pred = ints(c["pred_at_0.5"]);
        INFO("case with " << y.size() << " rows");
        checkValue(rocAuc(y, s), c["roc_auc"]);
        checkValue(averagePrecision(y, s), c["average_precision"]);
        checkValue(logLoss(y, s), c["log_loss"]);
        checkValue(brierScore(y, s), c["brier"]);
        checkValue(accuracy(y, pred), c["accuracy"]);
        checkValue(balancedAccuracy(y, pred), c["balanced_accuracy"]);
        checkValue(precision(y, pred), c["precision"]);
        checkValue(recall(y, pred), c["recall"]);
        checkValue(f1(y, pred), c["f1"]);

        RocCurve roc = rocCurve(y, s);
        CHECK(std::isinf(roc.thresholds.front()));
        checkSeries(roc.fpr, doubles(c["roc_curve"]["fpr"]));
        checkSeries(roc.tpr, doubles(c["roc_curve"]["tpr"]));
        checkSeries({roc.thresholds.begin() + 1, roc.thresholds.end()}, doubles(c["roc_curve"]["thresholds_after_first"]));
        RocCurve all = rocCurve(y, s, 1, false);
        checkSeries(all.fpr, doubles(c["roc_curve_all"]["fpr"]));
        checkSeries(all.tpr, doubles(c["roc_curve_all"]["tpr"]));

        PrecisionRecallCurve pr = precisionRecallCurve(y, s);
        checkSeries(pr.precision, doubles(c["pr_curve"]["precision"]));
        checkSeries(pr.recall, doubles(c["pr_curve"]["recall"]));
        checkSeries(pr.thresholds, doubles(c["pr_curve"]["thresholds"]));
    }
}

TEST_CASE("Metrics: multiclass confusion matrix and balanced accuracy ignore predicted-only classes", "[metrics]")
{
    auto ref = loadModelReference("metrics_hand.json")["multiclass_partial"];
    auto y = ints(ref["y"]), p = ints(ref["pred"]);
    ConfusionMatrix cm = confusionMatrix(y, p);
    CHECK(cm.labels == std::vector<int>{0, 1, 2, 3});
    Eigen::MatrixXd expected = matrix(ref["confusion_matrix"]);
    CHECK(cm.counts == expected);
    checkValue(accuracy(y, p), ref["accuracy"]);
    MetricValue ba = balancedAccuracy(y, p);
    checkValue(ba, ref["balanced_accuracy"]);
    CHECK_FALSE(ba.note.empty());
    checkValue(balancedAccuracy(y, p, true), ref["balanced_accuracy_adjusted"]);
}

TEST_CASE("Metrics: macro, weighted and micro averages match scikit-learn", "[metrics]")
{
    auto ref = loadModelReference("metrics_hand.json")["multiclass"];
    auto y = ints(ref["y"]), p = ints(ref["pred"]);
    for (auto [avg, key] : {std::pair{Average::Macro, "macro"}, {Average::Weighted, "weighted"}, {Average::Micro, "micro"}}) {
        INFO(key);
        checkValue(precision(y, p, avg), ref[std::string("precision_") + key]);
        checkValue(recall(y, p, avg), ref[std::string("recall_") + key]);
        checkValue(f1(y, p, avg), ref[std::string("f1_") + key]);
    }
    Eigen::MatrixXd proba = matrix(ref["proba"]);
    checkValue(logLoss(y, proba), ref["log_loss"]);
    checkValue(rocAucOvr(y, proba), ref["roc_auc_ovr"]);
}

TEST_CASE("Metrics: regression hand case matches scikit-learn", "[metrics]")
{
    auto ref = loadModelReference("metrics_hand.json")["regression"];
    auto y = doubles(ref["y"]), p = doubles(ref["pred"]);
    checkValue(meanAbsoluteError(y, p), ref["mae"]);
    checkValue(meanSquaredError(y, p), ref["mse"]);
    checkValue(rootMeanSquaredError(y, p), std::sqrt(ref["mse"].get<double>()));
    checkValue(r2Score(y, p), ref["r2"]);
}

TEST_CASE("Metrics: scores of sklearn's probabilities on real datasets match sklearn", "[metrics]")
{
    for (const char* name : {"breast_cancer.json", "iris.json", "penguins.json", "wine.json"}) {
        INFO(name);
        auto ref = loadModelReference(name);
        auto y = ints(ref["y"]);
        std::vector<int> yTest;
        for (std::size_t i : indices(ref["test"]))
            yTest.push_back(y[i]);
        Eigen::MatrixXd proba = matrix(ref["logistic"]["proba_test"]);
        const auto& m = ref["logistic"]["metrics_test"];
        int positive = ref["positive"];
        ClassificationScores s = scoreClassification(yTest, proba, positive);
        checkValue(s.accuracy, m["accuracy"]);
        checkValue(s.balancedAccuracy, m["balanced_accuracy"]);
        checkValue(s.precisionMacro, m["precision_macro"]);
        checkValue(s.recallMacro, m["recall_macro"]);
        checkValue(s.f1Macro, m["f1_macro"]);
        checkValue(s.precisionWeighted, m["precision_weighted"]);
        checkValue(s.recallWeighted, m["recall_weighted"]);
        checkValue(s.f1Weighted, m["f1_weighted"]);
        checkValue(precision(yTest, argmaxRows(proba), Average::Micro), m["precision_micro"]);
        checkValue(s.logLoss, m["log_loss"]);
        CHECK(s.confusion.counts == matrix(m["confusion_matrix"]));
        if (positive >= 0) {
            checkValue(s.precision, m["precision"]);
            checkValue(s.recall, m["recall"]);
            checkValue(s.f1, m["f1"]);
            checkValue(s.rocAuc, m["roc_auc"]);
            checkValue(s.averagePrecision, m["average_precision"]);
            checkValue(s.brier, m["brier"]);
            auto score = column(proba, positive);
            RocCurve roc = rocCurve(yTest, score, positive);
            checkSeries(roc.fpr, doubles(m["roc_curve"]["fpr"]));
            checkSeries(roc.tpr, doubles(m["roc_curve"]["tpr"]));
            PrecisionRecallCurve pr = precisionRecallCurve(yTest, score, positive);
            checkSeries(pr.precision, doubles(m["pr_curve"]["precision"]));
            checkSeries(pr.recall, doubles(m["pr_curve"]["recall"]));
        } else {
            checkValue(s.rocAuc, m["roc_auc_ovr"]);
            CHECK_FALSE(s.f1.defined());
        }
    }
}

TEST_CASE("Metrics: zero denominators are undefined with a reason, never 0", "[metrics]")
{
    // One class in yTrue.
    MetricValue auc = rocAuc({1, 1, 1}, {0.2, 0.5, 0.9});
    CHECK_FALSE(auc.defined());
    CHECK_THAT(auc.reason, Catch::Matchers::Contains("no negative"));
    CHECK_FALSE(rocAuc({0, 0}, {0.2, 0.5}).defined());
    // No positives.
    CHECK_FALSE(averagePrecision({0, 0, 0}, {0.1, 0.2, 0.3}).defined());
    CHECK_FALSE(recall({0, 0, 0}, {0, 1, 0}).defined());
    // Nothing predicted positive.
    MetricValue p = precision({1, 0, 1}, {0, 0, 0});
    CHECK_FALSE(p.defined());
    CHECK_THAT(p.reason, Catch::Matchers::Contains("no row predicted"));
    // F1 is defined as 0 when there are positives but none is found (TP = 0, FN > 0).
    checkValue(f1({1, 0, 1}, {0, 0, 0}), 0.0);
    CHECK_FALSE(f1({0, 0, 0}, {0, 0, 0}).defined());
    // Empty inputs.
    CHECK_FALSE(accuracy({}, {}).defined());
    CHECK_FALSE(balancedAccuracy({}, {}).defined());
    CHECK_FALSE(meanSquaredError({}, {}).defined());
    CHECK_FALSE(logLoss(std::vector<int>{}, std::vector<double>{}).defined());
    CHECK_FALSE(r2Score({1.0}, {1.0}).defined());
    // A macro average leaves the undefined class out and says so: class 2 is never predicted.
    MetricValue macro = precision({0, 1, 2}, {0, 1, 1}, Average::Macro);
    checkValue(macro, (1.0 + 0.5) / 2);
    CHECK_THAT(macro.note, Catch::Matchers::Contains("2"));
    // Adjusted balanced accuracy needs two classes.
    CHECK_FALSE(balancedAccuracy({1, 1}, {1, 0}, true).defined());
}

TEST_CASE("GroupMetrics: golden toy from the semantics reference", "[metrics][bias]")
{
    std::vector<int> y{1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
    std::vector<int> p{1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1};
    std::vector<int> g(20, 0);
    std::fill(g.begin() + 10, g.end(), 1);
    GroupMetrics m = groupMetrics(y, p, g, {"a", "b"});
    checkValue(m.groups[0].selectionRate, 0.6);
    checkValue(m.groups[1].selectionRate, 0.3);
    checkValue(m.overall.selectionRate, 0.45);
    checkValue(m.groups[0].truePositiveRate, 0.8);
    checkValue(m.groups[1].truePositiveRate, 2.0 / 3.0);
    checkValue(m.groups[0].falsePositiveRate, 0.4);
    checkValue(m.groups[1].falsePositiveRate, 1.0 / 7.0);
    checkValue(m.demographicParityDifference, 0.3);
    checkValue(m.equalOpportunityDifference, 0.8 - 2.0 / 3.0);
    checkValue(m.equalizedOddsDifference, 0.257143, 1e-6);
    checkValue(m.groups[0].accuracy, 0.7);
    CHECK(m.groups[1].rows == 10);
    CHECK(m.groups[1].positives == 3);
}

TEST_CASE("GroupMetrics: an empty group and a group without positives are undefined, not 0", "[metrics][bias]")
{
    std::vector<int> y{1, 0, 1, 0, 0, 0};
    std::vector<int> p{1, 0, 0, 1, 0, 1};
    std::vector<int> g{0, 0, 0, 1, 1, -1};
    GroupMetrics m = groupMetrics(y, p, g, {"a", "b", "c"});
    CHECK(m.overall.rows == 6);
    const GroupRates& b = m.groups[1];
    CHECK_FALSE(b.truePositiveRate.defined());
    CHECK_THAT(b.truePositiveRate.reason, Catch::Matchers::Contains("no positives in group b"));
    checkValue(b.falsePositiveRate, 0.5);
    const GroupRates& c = m.groups[2];
    CHECK(c.rows == 0);
    CHECK_FALSE(c.selectionRate.defined());
    CHECK_FALSE(c.accuracy.defined());
    // TPR is defined for group a only: the gap is undefined rather than 0.
    CHECK_FALSE(m.equalOpportunityDifference.defined());
    CHECK_FALSE(m.equalizedOddsDifference.defined());
    // Selection rates exist for a and b; c is left out and named.
    checkValue(m.demographicParityDifference, 0.5 - 1.0 / 3.0);
    CHECK_THAT(m.demographicParityDifference.note, Catch::Matchers::Contains("c"));
}

TEST_CASE("Threshold sweep: counts and rates at each threshold", "[metrics]")
{
    std::vector<int> y{0, 0, 1, 1};
    std::vector<double> s{0.1, 0.4, 0.35, 0.8};
    auto sweep = thresholdSweep(y, s, 1, {0.0, 0.35, 0.5, 0.9});
    REQUIRE(sweep.size() == 4);
    CHECK(sweep[0].tp == 2);
    CHECK(sweep[0].fp == 2);
    checkValue(sweep[0].recall, 1.0);
    CHECK(sweep[1].tp == 2);
    CHECK(sweep[1].fp == 1);
    checkValue(sweep[1].precision, 2.0 / 3.0);
    checkValue(sweep[2].f1, 2.0 / 3.0);
    checkValue(sweep[2].accuracy, 0.75);
    CHECK(sweep[3].tp + sweep[3].fp == 0);
    CHECK_FALSE(sweep[3].precision.defined());
    checkValue(sweep[3].selectionRate, 0.0);
}
