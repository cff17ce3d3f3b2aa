// A classification or regression reference dataset from tests/data/model/ with its fixed split.
#pragma once

#include "core/model/feature_matrix.h"
#include "test_model_reference.h"

namespace preplab::testref {

struct ReferenceSet {
    nlohmann::json ref;
    Eigen::MatrixXd x;
    std::vector<std::size_t> train, test;
    Eigen::MatrixXd xTrain, xTest;
    std::vector<int> yTrain, yTest;      // classification
    Eigen::VectorXd yTrainV, yTestV;     // regression
    int classCount = 0;
};

inline ReferenceSet loadReferenceSet(const std::string& name, bool regression = false, const char* xKey = "x")
{
    ReferenceSet s;
    s.ref = loadModelReference(name);
    s.x = matrix(s.ref[xKey]);
    s.train = indices(s.ref["train"]);
    s.test = indices(s.ref["test"]);
    s.xTrain = model::selectRows(s.x, s.train);
    s.xTest = model::selectRows(s.x, s.test);
    if (regression) {
        Eigen::VectorXd y = vector(s.ref["y"]);
        s.yTrainV = model::selectRows(y, s.train);
        s.yTestV = model::selectRows(y, s.test);
    } else {
        auto y = ints(s.ref["y"]);
        s.yTrain = model::selectRows(y, s.train);
        s.yTest = model::selectRows(y, s.test);
        s.classCount = static_cast<int>(s.ref["classes"].size());
    }
    return s;
}

} // namespace preplab::testref
