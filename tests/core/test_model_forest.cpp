// Random forests: same seed, same forest; accuracy comparable with scikit-learn's forest.
#include "core/model/classification_metrics.h"
#include "core/model/random_forest.h"
#include "core/model/regression_metrics.h"
#include "test_model_common.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::model;
using namespace preplab::testref;
using Catch::Matchers::WithinAbs;

TEST_CASE("RandomForest: test accuracy close to scikit-learn's forest on real datasets", "[model]")
{
    for (const char* name : {"breast_cancer.json", "iris.json", "penguins.json", "wine.json"}) {
        INFO(name);
        ReferenceSet s = loadReferenceSet(name);
        RandomForestParams p;
        p.seed = 42;
        RandomForestClassifier forest(p);
        REQUIRE(forest.fit(s.xTrain, s.yTrain, s.classCount).ok());
        CHECK(forest.trees().size() == 100);
        double ours = *accuracy(s.yTest, forest.predict(s.xTest));
        CHECK_THAT(ours, WithinAbs(s.ref["forest"]["accuracy_test"].get<double>(), 0.04));
    }
}

TEST_CASE("RandomForest: regression R2 close to scikit-learn's on diabetes", "[model]")
{
    ReferenceSet s = loadReferenceSet("diabetes.json", true);
    RandomForestParams p;
    p.seed = 1;
    RandomForestRegressor forest(p);
    REQUIRE(forest.fit(s.xTrain, s.yTrainV).ok());
    Eigen::VectorXd pred = forest.predict(s.xTest);
    std::vector<double> t(s.yTestV.data(), s.yTestV.data() + s.yTestV.size()), q(pred.data(), pred.data() + pred.size());
    CHECK_THAT(*r2Score(t, q), WithinAbs(s.ref["forest"]["r2_test"].get<double>(), 0.06));
}

TEST_CASE("RandomForest: the same seed gives the same model, another seed another", "[model]")
{
    ReferenceSet s = loadReferenceSet("wine.json");
    RandomForestParams p;
    p.trees = 20;
    p.seed = 7;
    RandomForestClassifier a(p), b(p);
    REQUIRE(a.fit(s.xTrain, s.yTrain, s.classCount).ok());
    REQUIRE(b.fit(s.xTrain, s.yTrain, s.classCount).ok());
    CHECK(a.predictProba(s.xTest) == b.predictProba(s.xTest));
    p.seed = 8;
    RandomForestClassifier c(p);
    REQUIRE(c.fit(s.xTrain, s.yTrain, s.classCount).ok());
    CHECK(a.predictProba(s.xTest) != c.predictProba(s.xTest));
}

TEST_CASE("RandomForest: bootstrap draws n rows with replacement", "[model]")
{
    auto w = bootstrapWeights(1000, 3);
    double total = 0;
    int unused = 0;
    for (double v : w) {
        total += v;
        unused += v == 0;
    }
    CHECK(total == 1000);
    // About 1/e of the rows are left out of a bootstrap sample.
    CHECK(unused > 320);
    CHECK(unused < 420);
    CHECK(bootstrapWeights(1000, 3) == w);
}

TEST_CASE("RandomForest: degenerate inputs", "[model]")
{
    Eigen::MatrixXd x(2, 1);
    x << 0, 1;
    RandomForestParams none;
    none.trees = 0;
    CHECK_FALSE(RandomForestClassifier(none).fit(x, {0, 1}, 2).ok());
    RandomForestClassifier forest;
    CHECK_FALSE(forest.fit(Eigen::MatrixXd(0, 1), {}, 2).ok());
    REQUIRE(forest.fit(x, {1, 1}, 2).ok());
    CHECK(forest.predict(x) == std::vector<int>{1, 1});
}
