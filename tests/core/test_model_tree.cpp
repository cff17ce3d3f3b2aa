// Decision trees (CART) against scikit-learn 1.2.1: exact structure on hand cases whose best split
// is unique, accuracy on fixed splits of real datasets.
#include "core/model/classification_metrics.h"
#include "core/model/decision_tree.h"
#include "core/model/regression_metrics.h"
#include "test_model_common.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::model;
using namespace preplab::testref;
using Catch::Matchers::WithinAbs;

namespace {

void checkStructure(const DecisionTree& tree, const nlohmann::json& ref)
{
    auto feature = ints(ref["feature"]);
    auto threshold = doubles(ref["threshold"]);
    auto left = ints(ref["left"]), right = ints(ref["right"]);
    REQUIRE(tree.nodes().size() == feature.size());
    for (std::size_t i = 0; i < feature.size(); ++i) {
        INFO("node " << i);
        const auto& n = tree.nodes()[i];
        CHECK(n.feature == (feature[i] < 0 ? -1 : feature[i]));
        if (feature[i] >= 0) {
            CHECK(n.threshold == threshold[i]);
            CHECK(n.left == left[i]);
            CHECK(n.right == right[i]);
        }
    }
}

} // namespace

TEST_CASE("DecisionTree: hand cases equal scikit-learn's trees node for node", "[model]")
{
    auto ref = loadModelReference("metrics_hand.json")["trees"];
    Eigen::MatrixXd x = matrix(ref["x"]), grid = matrix(ref["grid"]);
    auto yc = ints(ref["y_class"]);

    DecisionTreeClassifier full;
    REQUIRE(full.fit(x, yc, 3).ok());
    checkStructure(full.tree(), ref["classifier"]);
    CHECK(full.predict(grid) == ints(ref["classifier"]["predict_grid"]));
    CHECK(full.predictProba(grid) == matrix(ref["classifier"]["proba_grid"]));

    DecisionTreeParams leaf3;
    leaf3.minSamplesLeaf = 3;
    DecisionTreeClassifier minLeaf(leaf3);
    REQUIRE(minLeaf.fit(x, yc, 3).ok());
    checkStructure(minLeaf.tree(), ref["classifier_min_leaf3"]);
    CHECK(minLeaf.predict(grid) == ints(ref["classifier_min_leaf3"]["predict_grid"]));

    DecisionTreeParams depth2;
    depth2.maxDepth = 2;
    DecisionTreeRegressor reg(depth2);
    REQUIRE(reg.fit(x, vector(ref["y_reg"])).ok());
    checkStructure(reg.tree(), ref["regressor_depth2"]);
    CHECK((reg.predict(grid) - vector(ref["regressor_depth2"]["predict_grid"])).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("DecisionTree: accuracy on fixed splits of real datasets equals scikit-learn's", "[model]")
{
    for (const char* name : {"breast_cancer.json", "iris.json", "penguins.json", "wine.json"}) {
        for (const char* depth : {"3", "none"}) {
            INFO(name << " max_depth " << depth);
            ReferenceSet s = loadReferenceSet(name);
            DecisionTreeParams p;
            if (std::string(depth) == "3")
                p.maxDepth = 3;
            DecisionTreeClassifier tree(p);
            REQUIRE(tree.fit(s.xTrain, s.yTrain, s.classCount).ok());
            const auto& ref = s.ref["tree"][depth];
            CHECK(*accuracy(s.yTrain, tree.predict(s.xTrain)) == ref["accuracy_train"].get<double>());
            double acc = *accuracy(s.yTest, tree.predict(s.xTest));
            if (std::string(depth) == "3") {
                CHECK(acc == ref["accuracy_test"].get<double>());
            } else {
                // Fully grown trees meet tied splits, which sklearn breaks by its seeded feature
                // order: its own accuracy varies with random_state. Ours must lie in that range.
                auto range = doubles(ref["accuracy_test_range_over_seeds"]);
                CHECK(acc >= range[0]);
                CHECK(acc <= range[1]);
            }
            CHECK(tree.tree().depth() == ref["depth"].get<int>());
        }
    }
}

TEST_CASE("DecisionTree: depth-3 regression tree on diabetes equals scikit-learn's", "[model]")
{
    ReferenceSet s = loadReferenceSet("diabetes.json", true);
    DecisionTreeParams p;
    p.maxDepth = 3;
    DecisionTreeRegressor tree(p);
    REQUIRE(tree.fit(s.xTrain, s.yTrainV).ok());
    auto feature = ints(s.ref["tree_depth3"]["feature"]);
    auto threshold = doubles(s.ref["tree_depth3"]["threshold"]);
    REQUIRE(tree.tree().nodes().size() == feature.size());
    for (std::size_t i = 0; i < feature.size(); ++i) {
        CHECK(tree.tree().nodes()[i].feature == std::max(feature[i], -1));
        if (feature[i] >= 0)
            CHECK(tree.tree().nodes()[i].threshold == threshold[i]);
    }
    CHECK((tree.predict(s.xTest) - vector(s.ref["tree_depth3"]["predict_test"])).cwiseAbs().maxCoeff() < 1e-9);
}

TEST_CASE("DecisionTree: degenerate inputs", "[model]")
{
    Eigen::MatrixXd x(3, 2);
    x << 1, 5, 1, 5, 1, 5;  // constant features: no split possible
    DecisionTreeClassifier tree;
    REQUIRE(tree.fit(x, {0, 1, 1}, 2).ok());
    CHECK(tree.tree().nodes().size() == 1);
    CHECK(tree.predict(x) == std::vector<int>{1, 1, 1});
    // One class: a single pure leaf.
    REQUIRE(tree.fit(x, {0, 0, 0}, 2).ok());
    CHECK(tree.tree().leafCount() == 1);
    // One row.
    REQUIRE(tree.fit(x.topRows(1), {1}, 2).ok());
    CHECK(tree.predict(x) == std::vector<int>{1, 1, 1});
    CHECK_FALSE(tree.fit(Eigen::MatrixXd(0, 2), {}, 2).ok());
    DecisionTreeParams bad;
    bad.maxDepth = 0;
    CHECK_FALSE(DecisionTreeClassifier(bad).fit(x, {0, 1, 1}, 2).ok());
}
