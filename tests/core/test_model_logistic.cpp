// LogisticRegression against scikit-learn 1.2.1 (C = 1, L2, exact optimum) on real datasets.
#include "core/model/classification_metrics.h"
#include "core/model/logistic_regression.h"
#include "test_model_common.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::model;
using namespace preplab::testref;
using Catch::Matchers::WithinAbs;

TEST_CASE("LogisticRegression: coefficients within 1e-4 of scikit-learn (binary and multinomial)", "[model]")
{
    for (const char* name : {"breast_cancer.json", "iris.json", "penguins.json", "wine.json"}) {
        INFO(name);
        ReferenceSet s = loadReferenceSet(name);
        LogisticRegression lr;
        REQUIRE(lr.fit(s.xTrain, s.yTrain, s.classCount).ok());
        CHECK(lr.converged());
        Eigen::MatrixXd coef = matrix(s.ref["logistic"]["coef"]);
        Eigen::VectorXd intercept = vector(s.ref["logistic"]["intercept"]);
        REQUIRE(lr.coefficients().rows() == coef.rows());
        REQUIRE(lr.coefficients().cols() == coef.cols());
        CHECK((lr.coefficients() - coef).cwiseAbs().maxCoeff() < 1e-4);
        CHECK((lr.intercepts() - intercept).cwiseAbs().maxCoeff() < 1e-4);
        Eigen::MatrixXd proba = lr.predictProba(s.xTest);
        CHECK((proba - matrix(s.ref["logistic"]["proba_test"])).cwiseAbs().maxCoeff() < 1e-5);
        CHECK(lr.predict(s.xTest) == ints(s.ref["logistic"]["predict_test"]));
        CHECK_THAT(*accuracy(s.yTest, lr.predict(s.xTest)),
                   WithinAbs(s.ref["logistic"]["metrics_test"]["accuracy"].get<double>(), 1e-12));
    }
}

TEST_CASE("LogisticRegression: the same data gives the same model", "[model]")
{
    ReferenceSet s = loadReferenceSet("wine.json");
    LogisticRegression a, b;
    REQUIRE(a.fit(s.xTrain, s.yTrain, s.classCount).ok());
    REQUIRE(b.fit(s.xTrain, s.yTrain, s.classCount).ok());
    CHECK(a.coefficients() == b.coefficients());
    CHECK(a.intercepts() == b.intercepts());
}

TEST_CASE("LogisticRegression: degenerate inputs fail clearly or stay finite", "[model]")
{
    LogisticRegression lr;
    Eigen::MatrixXd x(3, 1);
    x << 1, 2, 3;
    auto one = lr.fit(x, {1, 1, 1}, 2);
    REQUIRE_FALSE(one.ok());
    CHECK_THAT(one.error().message, Catch::Matchers::Contains("single class"));
    CHECK_FALSE(lr.fit(Eigen::MatrixXd(0, 1), {}, 2).ok());
    CHECK_FALSE(lr.fit(x, {0, 1}, 2).ok());  // length mismatch
    Eigen::MatrixXd bad = x;
    bad(1, 0) = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(lr.fit(bad, {0, 1, 0}, 2).ok());

    // Perfectly separable data: the L2 penalty keeps the optimum finite.
    Eigen::MatrixXd sep(4, 1);
    sep << -2, -1, 1, 2;
    REQUIRE(lr.fit(sep, {0, 0, 1, 1}, 2).ok());
    CHECK(lr.converged());
    CHECK(lr.coefficients().allFinite());
    CHECK(lr.predict(sep) == std::vector<int>{0, 0, 1, 1});

    // A class absent from training (code 1 of 3) gets probability 0; a constant feature is fine.
    Eigen::MatrixXd c(4, 2);
    c << 0, 1, 1, 1, 2, 1, 3, 1;
    REQUIRE(lr.fit(c, {0, 0, 2, 2}, 3).ok());
    Eigen::MatrixXd proba = lr.predictProba(c);
    CHECK(proba.cols() == 3);
    CHECK(proba.col(1).cwiseAbs().maxCoeff() == 0.0);
    CHECK_THAT(proba.row(0).sum(), WithinAbs(1.0, 1e-12));
}
