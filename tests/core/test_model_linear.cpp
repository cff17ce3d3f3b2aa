// Linear regression and ridge against scikit-learn 1.2.1 on the raw diabetes data.
#include "core/model/linear_regression.h"
#include "core/model/regression_metrics.h"
#include "test_model_common.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::model;
using namespace preplab::testref;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

std::vector<double> toStd(const Eigen::VectorXd& v)
{
    return {v.data(), v.data() + v.size()};
}

} // namespace

TEST_CASE("LinearRegression: OLS and ridge coefficients within 1e-4 of scikit-learn on diabetes", "[model]")
{
    ReferenceSet s = loadReferenceSet("diabetes.json", true);
    for (auto [alpha, key] : {std::pair{0.0, "linear"}, {1.0, "ridge"}}) {
        INFO(key);
        LinearRegression m(alpha);
        REQUIRE(m.fit(s.xTrain, s.yTrainV).ok());
        Eigen::VectorXd coef = vector(s.ref[key]["coef"]);
        CHECK((m.coefficients() - coef).cwiseAbs().maxCoeff() < 1e-4);
        CHECK_THAT(m.intercept(), WithinAbs(s.ref[key]["intercept"].get<double>(), 1e-4));
        Eigen::VectorXd pred = m.predict(s.xTest);
        CHECK((pred - vector(s.ref[key]["predict_test"])).cwiseAbs().maxCoeff() < 1e-6);
    }
}

TEST_CASE("LinearRegression: test-set errors match scikit-learn", "[model][metrics]")
{
    ReferenceSet s = loadReferenceSet("diabetes.json", true);
    const auto& ref = s.ref["linear"];
    // Exactly on sklearn's own predictions.
    auto truth = toStd(s.yTestV), sk = doubles(ref["predict_test"]);
    CHECK_THAT(*meanAbsoluteError(truth, sk), WithinAbs(ref["mae"].get<double>(), 1e-9));
    CHECK_THAT(*meanSquaredError(truth, sk), WithinAbs(ref["mse"].get<double>(), 1e-9));
    CHECK_THAT(*rootMeanSquaredError(truth, sk), WithinAbs(ref["rmse"].get<double>(), 1e-9));
    CHECK_THAT(*r2Score(truth, sk), WithinAbs(ref["r2"].get<double>(), 1e-9));
    // And on ours.
    LinearRegression m;
    REQUIRE(m.fit(s.xTrain, s.yTrainV).ok());
    CHECK_THAT(*r2Score(truth, toStd(m.predict(s.xTest))), WithinRel(ref["r2"].get<double>(), 1e-9));
}

TEST_CASE("LinearRegression: duplicated column gets the minimum-norm solution", "[model]")
{
    Eigen::MatrixXd x(5, 2);
    x << 1, 1, 2, 2, 3, 3, 4, 4, 5, 5;
    Eigen::VectorXd y(5);
    y << 3, 5, 7, 9, 11;  // y = 2 x + 1
    LinearRegression m;
    REQUIRE(m.fit(x, y).ok());
    CHECK_THAT(m.coefficients()(0), WithinAbs(1.0, 1e-10));
    CHECK_THAT(m.coefficients()(1), WithinAbs(1.0, 1e-10));
    CHECK_THAT(m.intercept(), WithinAbs(1.0, 1e-10));
}

TEST_CASE("LinearRegression: degenerate inputs", "[model]")
{
    LinearRegression m;
    CHECK_FALSE(m.fit(Eigen::MatrixXd(0, 2), Eigen::VectorXd(0)).ok());
    // One row: the intercept is the value, the coefficients 0.
    Eigen::MatrixXd one(1, 2);
    one << 3, 4;
    REQUIRE(m.fit(one, Eigen::VectorXd::Constant(1, 7.0)).ok());
    CHECK(m.coefficients().isZero());
    CHECK(m.intercept() == 7.0);
    // Constant target: flat prediction.
    Eigen::MatrixXd x(3, 1);
    x << 1, 2, 3;
    LinearRegression ridge(1.0);
    REQUIRE(ridge.fit(x, Eigen::VectorXd::Constant(3, 2.0)).ok());
    CHECK_THAT(ridge.predict(x)(2), WithinAbs(2.0, 1e-12));
    Eigen::VectorXd nanY = Eigen::VectorXd::Constant(3, std::numeric_limits<double>::quiet_NaN());
    CHECK_FALSE(ridge.fit(x, nanY).ok());
}
