// ModelEvaluation: one "pass" of the model-impact view — a quick model trained and scored on a
// table (the raw data, or the data after a recipe) with a given train/test assignment, plus the
// row-level predictions that let every figure be recomputed. Two passes on the same split give
// the before/after comparison of `preplab-cli evaluate` and the desktop app's model panel.
//
// Rows are tracked by their position in the original data (`originalRow`), so that a recipe
// that drops, reorders or synthesises rows (resampling) still maps onto the same split and the
// same sensitive groups; synthetic rows have no original row and only ever train.
#pragma once

#include "core/model/evaluation.h"
#include "core/model/group_metrics.h"
#include "core/model/split.h"
#include "core/table/table.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace preplab::model {

constexpr std::size_t kSyntheticRow = static_cast<std::size_t>(-1);

struct EvaluateOptions {
    std::string target;
    ModelSpec model;
    std::optional<std::string> positive;  // class name of the positive class
    std::vector<std::string> sensitive;   // columns of the original data that define groups
    std::vector<std::string> exclude;     // never features (besides target and `split`)
};

struct PassInput {
    std::string name;                      // "without" / "with"
    const Table* table = nullptr;          // the data the model sees
    std::vector<std::size_t> originalRow;  // per table row: its row in the original data, or kSyntheticRow
    const Table* original = nullptr;       // the original data (for the sensitive groups)
    std::vector<char> originalIsTest;      // per original row: 1 = test
};

struct PredictionRow {
    std::size_t row = 0;  // original row, kSyntheticRow for a synthetic training row
    bool test = false;
    std::string truth, predicted;
    std::optional<double> score;  // P(positive class), binary classifiers
};

struct SensitiveGroups {
    std::string column;
    GroupMetrics metrics;  // on the test rows
};

struct PassResult {
    std::string name;
    std::string model;
    bool classification = true;
    std::size_t rows = 0, trainRows = 0, testRows = 0, syntheticTrainRows = 0;
    std::size_t droppedMissingFeatures = 0, droppedMissingTarget = 0;
    std::vector<std::string> featureNames;
    std::vector<std::string> classNames;
    int positiveClass = -1;
    Diagnostics notes;
    ClassificationScores testScores, trainScores;
    MetricValue baselineTestAccuracy;  // majority class of the training rows
    RegressionScores testRegression, trainRegression;
    std::vector<SensitiveGroups> groups;
    std::vector<PredictionRow> predictions;
};

Result<PassResult> runPass(const PassInput& input, const EvaluateOptions& options);

// The split over the original rows: an existing `split` column (train/test) is honoured;
// otherwise a seeded split, stratified by the target's class for classification. Rows with a
// missing target are marked train (they are dropped from every pass anyway). When `note` is given
// it receives why a requested stratification was not done ("not stratified by species: ..."),
// else it is cleared.
Result<std::vector<char>> originalSplit(const Table& original, const std::string& target, double testSize,
                                        std::uint64_t seed, bool classification, std::string* note = nullptr);

// Every figure of a pass as JSON (undefined values are null with a "<name>_undefined" reason).
nlohmann::json passToJson(const PassResult& pass);

} // namespace preplab::model
