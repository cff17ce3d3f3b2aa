// Splits, folds, the feature-matrix builder and the evaluation helpers.
#include "core/model/evaluation.h"
#include "core/model/split.h"
#include "core/stats/shuffle_split.h"
#include "test_model_common.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace preplab;
using namespace preplab::model;
using namespace preplab::testref;
using Catch::Matchers::WithinAbs;

namespace {

FeatureMatrixOptions targetOf(const char* name)
{
    FeatureMatrixOptions o;
    o.target = name;
    return o;
}

ModelSpec spec(const char* name)
{
    ModelSpec m;
    m.name = name;
    return m;
}

Table smallTable()
{
    Table t;
    REQUIRE(t.addColumn("age", Column::fromOptionals({30, 40, std::nullopt, 50, 60, 35})).ok());
    REQUIRE(t.addColumn("member", Column::makeBoolean({1, 0, 1, 1, 0, 0})).ok());
    REQUIRE(t.addColumn("city", Column::fromStrings({"b", "a", "a", "c", "b", "a"})).ok());
    REQUIRE(t.addColumn("note", Column::fromStrings({"x", "y", "z", "w", "v", "u"}, ColumnType::Text)).ok());
    REQUIRE(t.addColumn("label", Column::fromStrings({"no", "yes", "no", std::nullopt, "yes", "no"})).ok());
    REQUIRE(t.addColumn("split", Column::fromStrings({"train", "train", "train", "test", "Test ", "test"})).ok());
    return t;
}

} // namespace

TEST_CASE("FeatureMatrix: numbers as is, booleans 0/1, categories one-hot, text skipped, missing rows dropped",
          "[model]")
{
    Table t = smallTable();
    auto fm = buildFeatureMatrix(t, targetOf("label"));
    REQUIRE(fm.ok());
    CHECK(fm->featureNames == std::vector<std::string>{"age", "member", "city=a", "city=b", "city=c"});
    CHECK(fm->rows == std::vector<std::size_t>{0, 1, 4, 5});
    CHECK(fm->droppedMissingFeatures == 1);
    CHECK(fm->droppedMissingTarget == 1);
    CHECK(fm->classification);
    CHECK(fm->classNames == std::vector<std::string>{"no", "yes"});
    CHECK(fm->positiveClass == 1);
    CHECK(fm->labels == std::vector<int>{0, 1, 1, 0});
    Eigen::MatrixXd expected(4, 5);
    expected << 30, 1, 0, 1, 0,  //
        40, 0, 1, 0, 0,          //
        60, 0, 0, 1, 0,          //
        35, 0, 1, 0, 0;
    CHECK(fm->x == expected);
    bool textNoted = std::any_of(fm->notes.begin(), fm->notes.end(),
                                 [](const Diagnostic& d) { return d.column == "note"; });
    CHECK(textNoted);

    FeatureMatrixOptions opt = targetOf("label");
    opt.positive = "no";
    CHECK(buildFeatureMatrix(t, opt)->positiveClass == 0);
    opt.positive = "maybe";
    CHECK_FALSE(buildFeatureMatrix(t, opt).ok());
    CHECK_FALSE(buildFeatureMatrix(t, targetOf("nope")).ok());
}

TEST_CASE("FeatureMatrix: numeric target is regression, small integer target is classification", "[model]")
{
    Table t;
    REQUIRE(t.addColumn("x", Column::fromOptionals({1, 2, 3, 4})).ok());
    REQUIRE(t.addColumn("y", Column::fromOptionals({1.5, 2.5, 3.5, 4.5})).ok());
    REQUIRE(t.addColumn("k", Column::makeInteger({2, 10, 2, 10})).ok());
    auto reg = buildFeatureMatrix(t, targetOf("y"));
    REQUIRE(reg.ok());
    CHECK_FALSE(reg->classification);
    CHECK(reg->values(3) == 4.5);
    auto cls = buildFeatureMatrix(t, targetOf("k"));
    REQUIRE(cls.ok());
    CHECK(cls->classNames == std::vector<std::string>{"2", "10"});  // numeric order, not text order
    CHECK(cls->labels == std::vector<int>{0, 1, 0, 1});
    // All rows missing: a clear error.
    Table empty;
    REQUIRE(empty.addColumn("y", Column::fromOptionals({std::nullopt, std::nullopt})).ok());
    CHECK_FALSE(buildFeatureMatrix(empty, targetOf("y")).ok());
}

TEST_CASE("Split: an existing split column is honoured and checked", "[model]")
{
    Table t = smallTable();
    auto fm = buildFeatureMatrix(t, targetOf("label"));
    REQUIRE(fm.ok());
    auto split = splitFromColumn(*t.find("split"), fm->rows);
    REQUIRE(split.ok());
    CHECK(split->train == std::vector<std::size_t>{0, 1});
    CHECK(split->test == std::vector<std::size_t>{2, 3});
    auto bad = Column::fromStrings({"train", "validate"});
    auto r = splitFromColumn(*bad, {0, 1});
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().message, Catch::Matchers::Contains("validate"));
    auto allTrain = Column::fromStrings({"train", "train"});
    CHECK_FALSE(splitFromColumn(*allTrain, {0, 1}).ok());
}

TEST_CASE("Split: stratified train/test split keeps class shares and sklearn's sizes", "[model]")
{
    auto ref = loadModelReference("breast_cancer.json");
    auto y = ints(ref["y"]);
    auto s = trainTestSplit(y.size(), 0.25, 0, y);
    REQUIRE(s.ok());
    CHECK(s->test.size() == 143);  // ceil(0.25 * 569), as sklearn
    CHECK(s->train.size() == 426);
    std::size_t testPositives = 0;
    for (std::size_t i : s->test)
        testPositives += y[i] == 1;
    CHECK(testPositives == 53);  // 212 * 143 / 569 = 53.3
    std::set<std::size_t> all(s->train.begin(), s->train.end());
    all.insert(s->test.begin(), s->test.end());
    CHECK(all.size() == y.size());
    CHECK(std::is_sorted(s->test.begin(), s->test.end()));
    // Same seed, same split; another seed, another split.
    CHECK(trainTestSplit(y.size(), 0.25, 0, y)->test == s->test);
    CHECK(trainTestSplit(y.size(), 0.25, 1, y)->test != s->test);
    auto plain = trainTestSplit(10, 0.3, 5);
    REQUIRE(plain.ok());
    CHECK(plain->test.size() == 3);
    CHECK_FALSE(trainTestSplit(1, 0.5, 0).ok());
    CHECK_FALSE(trainTestSplit(10, 1.0, 0).ok());
}

TEST_CASE("Split: stratified k-fold equals scikit-learn's StratifiedKFold", "[model]")
{
    for (const char* name : {"breast_cancer.json", "iris.json", "penguins.json", "wine.json"}) {
        INFO(name);
        auto ref = loadModelReference(name);
        auto y = ints(ref["y"]);
        auto expected = ints(ref["stratified_kfold_5"]);
        auto folds = stratifiedKFold(y, 5);
        REQUIRE(folds.ok());
        REQUIRE(folds->size() == 5);
        std::vector<int> got(y.size(), -1);
        for (std::size_t f = 0; f < folds->size(); ++f)
            for (std::size_t i : (*folds)[f].test)
                got[i] = static_cast<int>(f);
        CHECK(got == expected);
    }
    auto plain = kFold(10, 3);
    REQUIRE(plain.ok());
    CHECK((*plain)[0].test == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK((*plain)[2].test == std::vector<std::size_t>{7, 8, 9});
    CHECK_FALSE(kFold(2, 3).ok());
    CHECK_FALSE(stratifiedKFold({0, 1, 0, 1}, 3).ok());
}

TEST_CASE("Evaluation: majority baseline, scores, validation curve and cross-validation", "[model]")
{
    ReferenceSet s = loadReferenceSet("breast_cancer.json");
    FeatureMatrix data;
    data.x = s.x;
    data.labels = ints(s.ref["y"]);
    data.classNames = {"benign", "malignant"};
    data.positiveClass = 1;
    SplitIndices split{s.train, s.test};

    auto base = fitAndScore(data, split, spec("majority"));
    REQUIRE(base.ok());
    CHECK(*base->test == s.ref["majority"]["accuracy_test"].get<double>());
    MajorityClassifier majority;
    REQUIRE(majority.fit(s.xTrain, s.yTrain, 2).ok());
    ClassificationScores ms = scoreClassification(s.yTest, majority.predictProba(s.xTest), 1);
    CHECK(*ms.balancedAccuracy == 0.5);
    CHECK_FALSE(ms.precision.defined());  // never predicts the positive class
    CHECK(*ms.rocAuc == 0.5);             // constant score

    ModelSpec tree = spec("tree");
    auto curve = validationCurve(data, split, tree, "max_depth", {1, 2, 4, 8});
    REQUIRE(curve.ok());
    REQUIRE(curve->size() == 4);
    for (std::size_t i = 1; i < curve->size(); ++i)
        CHECK(*(*curve)[i].score.train >= *(*curve)[i - 1].score.train);
    CHECK(*curve->back().score.train == 1.0);
    CHECK_FALSE(validationCurve(data, split, tree, "depth", {1}).ok());

    auto knnCurve = validationCurve(data, split, spec("knn"), "k", {1, 5});
    REQUIRE(knnCurve.ok());
    CHECK(*(*knnCurve)[0].score.train == 1.0);  // 1-NN memorises the training set
    CHECK(*(*knnCurve)[1].score.test == s.ref["knn"]["accuracy_test"].get<double>());

    auto cv = crossValidate(data, spec("logistic"), 5);
    REQUIRE(cv.ok());
    CHECK(cv->folds.size() == 5);
    CHECK(*cv->meanTest > 0.95);
    CHECK(*cv->stdTest < 0.05);

    CHECK_FALSE(makeClassifier(spec("linear")).ok());
    CHECK_FALSE(makeRegressor(spec("logistic")).ok());
    CHECK_FALSE(makeClassifier(spec("svm")).ok());
}

TEST_CASE("Evaluation: regression scores and cross-validation on diabetes", "[model]")
{
    ReferenceSet s = loadReferenceSet("diabetes.json", true);
    FeatureMatrix data;
    data.classification = false;
    data.x = s.x;
    data.values = vector(s.ref["y"]);
    auto score = fitAndScore(data, SplitIndices{s.train, s.test}, spec("linear"));
    REQUIRE(score.ok());
    CHECK_THAT(*score->test, WithinAbs(s.ref["linear"]["r2"].get<double>(), 1e-9));
    auto cv = crossValidate(data, spec("ridge"), 5);
    REQUIRE(cv.ok());
    CHECK(*cv->meanTest > 0.3);
    RegressionScores rs = scoreRegression(s.yTestV, vector(s.ref["linear"]["predict_test"]));
    CHECK_THAT(*rs.rmse, WithinAbs(s.ref["linear"]["rmse"].get<double>(), 1e-9));
}

TEST_CASE("Split: labels of any value are ranked in np.unique order before stratifying", "[model][split]")
{
    // -2 < 7 < 10: the classes 0, 1, 2 of StratifiedShuffleSplit.
    const std::vector<int> labels = {10, -2, 10, 7, -2, 7, 10, 7, -2, 10, 7, -2};
    const std::vector<int> ranks = {2, 0, 2, 1, 0, 1, 2, 1, 0, 2, 1, 0};
    for (std::uint64_t seed : {0u, 3u, 42u}) {
        auto s = trainTestSplit(labels.size(), 0.5, seed, labels);
        auto expected = preplab::stats::shuffleSplit(ranks.size(), 6, seed, ranks);
        REQUIRE(s.ok());
        REQUIRE(expected.ok());
        CHECK(s->test == expected->test);
        CHECK(s->train == expected->train);
        CHECK(s->note.empty());
    }
    // A class with one row: a plain split, and the note says why.
    auto fallback = trainTestSplit(4, 0.5, 0, {4, 4, 9, 4});
    REQUIRE(fallback.ok());
    CHECK(fallback->test == preplab::stats::shuffleSplit(4, 2, 0)->test);
    CHECK(fallback->note == "not stratified: a class has 1 row; stratifying needs at least 2 rows in every class");
}
