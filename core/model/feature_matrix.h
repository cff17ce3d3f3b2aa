// buildFeatureMatrix: turns a Table into what a quick model needs — the "raw data with only what
// a model needs" baseline that a recipe is compared against.
//   Integer, Numeric  used as they are
//   Boolean           0 / 1
//   Categorical       one-hot, one column per category in sorted order, named "column=value"
//                     (sklearn OneHotEncoder, drop=None)
//   Text, Datetime    skipped, with a note
// Rows with a missing (or NaN / infinite) feature value or a missing target are dropped and
// counted. The target is a class code (classification: classes sorted — numerically for number
// columns, byte-wise for text — as sklearn's classes_) or a number (regression). The positive
// class of a binary target is the one named, else the second sorted class (sklearn's pos_label=1
// convention: "M" of B/M, ">50K" of <=50K / >50K).
#pragma once

#include "core/table/table.h"
#include "core/util/diagnostic.h"
#include "core/util/result.h"

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace preplab::model {

enum class TargetKind {
    Auto,            // Numeric -> regression; Integer with <= 10 distinct values, Boolean,
                     // Categorical and Text -> classification
    Classification,
    Regression,
};

struct FeatureMatrixOptions {
    std::string target;
    TargetKind kind = TargetKind::Auto;
    std::optional<std::string> positive;  // class name of the positive class
    std::vector<std::string> exclude;     // columns never used as features (a `split` column always is)
};

struct FeatureMatrix {
    Eigen::MatrixXd x;                       // kept rows x features
    std::vector<std::string> featureNames;
    std::vector<std::size_t> rows;           // table row of each kept row
    bool classification = true;
    std::vector<int> labels;                 // classification: class code of each kept row
    std::vector<std::string> classNames;     // class code -> class name
    int positiveClass = -1;                  // binary targets; -1 otherwise
    Eigen::VectorXd values;                  // regression target
    std::size_t droppedMissingFeatures = 0;  // rows dropped for a missing feature
    std::size_t droppedMissingTarget = 0;    // rows dropped for a missing target
    Diagnostics notes;                       // skipped columns, dropped rows, ...

    std::size_t classCount() const { return classNames.size(); }
};

Result<FeatureMatrix> buildFeatureMatrix(const Table& table, const FeatureMatrixOptions& options);

// Rows of a FeatureMatrix, selected (a train or test part).
Eigen::MatrixXd selectRows(const Eigen::MatrixXd& x, const std::vector<std::size_t>& rows);
std::vector<int> selectRows(const std::vector<int>& y, const std::vector<std::size_t>& rows);
Eigen::VectorXd selectRows(const Eigen::VectorXd& y, const std::vector<std::size_t>& rows);

} // namespace preplab::model
