// k-nearest neighbours against scikit-learn 1.2.1 (k = 5, uniform, Euclidean).
#include "core/model/classification_metrics.h"
#include "core/model/knn.h"
#include "test_model_common.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::model;
using namespace preplab::testref;

TEST_CASE("KnnClassifier: predictions and probabilities equal scikit-learn's", "[model]")
{
    for (const char* name : {"breast_cancer.json", "iris.json", "penguins.json", "wine.json"}) {
        INFO(name);
        ReferenceSet s = loadReferenceSet(name);
        KnnClassifier knn;
        REQUIRE(knn.fit(s.xTrain, s.yTrain, s.classCount).ok());
        CHECK(knn.predict(s.xTest) == ints(s.ref["knn"]["predict_test"]));
        CHECK((knn.predictProba(s.xTest) - matrix(s.ref["knn"]["proba_test"])).cwiseAbs().maxCoeff() < 1e-12);
        CHECK(*accuracy(s.yTest, knn.predict(s.xTest)) == s.ref["knn"]["accuracy_test"].get<double>());
    }
}

TEST_CASE("KnnRegressor: predictions equal scikit-learn's on standardised diabetes", "[model]")
{
    ReferenceSet s = loadReferenceSet("diabetes.json", true, "x_standardised");
    KnnRegressor knn;
    REQUIRE(knn.fit(s.xTrain, s.yTrainV).ok());
    CHECK((knn.predict(s.xTest) - vector(s.ref["knn"]["predict_test"])).cwiseAbs().maxCoeff() < 1e-9);
}

TEST_CASE("KnnClassifier: vote ties go to the lowest class, distance ties to the first row", "[model]")
{
    Eigen::MatrixXd x(4, 1);
    x << 0, 1, 2, 3;
    KnnClassifier knn(2);
    REQUIRE(knn.fit(x, {1, 0, 1, 0}, 2).ok());
    Eigen::MatrixXd q(1, 1);
    q << 0.5;  // neighbours rows 0 and 1: one vote each -> class 0
    CHECK(knn.predict(q) == std::vector<int>{0});
    q << 1.5;  // rows 1 and 2 at equal distance
    CHECK(knn.predictProba(q)(0, 0) == 0.5);
}

TEST_CASE("KnnClassifier: k larger than the training set fails clearly", "[model]")
{
    Eigen::MatrixXd x(3, 1);
    x << 0, 1, 2;
    KnnClassifier knn(5);
    auto r = knn.fit(x, {0, 1, 0}, 2);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().message, Catch::Matchers::Contains("only 3 training rows"));
    KnnClassifier zero(0);
    CHECK_FALSE(zero.fit(x, {0, 1, 0}, 2).ok());
}
