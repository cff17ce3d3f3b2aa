// ModelComparison: what the Model panel shows, computed off the GUI thread. One quick model
// (core/model) is trained twice on the same train/test split of the original rows: before = the
// raw data with only what a model needs (one-hot categories, rows with a missing value dropped),
// after = the data the recipe produces. The recipe's fitted steps learn from the training rows of
// that split only, so no test row leaks into the "after" model. Binary targets also get the ROC
// and precision-recall curves of both passes, and a validation curve (tree depth, k of kNN,
// C of logistic regression) on the recipe's data. When the recipe has fitted steps, a third pass
// runs it with each of them fitted on all rows (core/model/leakage_comparison.h) on the same split,
// with what each step learned from the training rows against all rows. A recipe with its own
// `split` step decides the split of every pass, as in `preplab-cli evaluate`. compareModels() is
// synchronous and Qt-free.
#pragma once

#include "core/model/evaluation.h"
#include "core/model/leakage_comparison.h"
#include "core/model/model_evaluation.h"
#include "core/model/ranking_metrics.h"
#include "core/ops/step_report.h"
#include "core/table/table.h"
#include "core/util/progress.h"

#include <nlohmann/json.hpp>

#include <QMetaType>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace preplab::desktop {

struct ModelRequest {
    std::shared_ptr<const Table> source;
    std::vector<nlohmann::json> steps;  // the recipe's steps (recipe.md); disabled ones are skipped
    std::string target;
    std::string positive;               // empty: the second sorted class (sklearn's pos_label=1)
    std::string sensitive;              // column of the source whose groups get per-group metrics
    model::ModelSpec model;
    double testSize = 0.25;
    std::uint64_t seed = 0;
    bool validationCurve = true;
};

// The scores of one pass' test rows as the threshold slider needs them.
struct PassCurves {
    std::vector<int> yTrue;        // 1 = positive class
    std::vector<double> scores;    // P(positive)
    model::RocCurve roc;
    model::PrecisionRecallCurve pr;
};

struct ModelComparison {
    bool cancelled = false;
    std::string error;            // nothing could be computed (empty when fine)
    std::string recipeError;      // the recipe failed: `after` is missing, `before` still shown
    // Why the train/test split asked for stratification but is a plain one (model::originalSplit),
    // else empty. A recipe's own split step reports for itself.
    std::string splitNote;
    ModelRequest request;
    std::optional<model::PassResult> before, after;
    std::optional<PassCurves> beforeCurves, afterCurves;  // binary classification only
    std::string curvesUndefinedReason;
    std::string validationParameter;                      // "max_depth", "k", "c" or empty
    std::vector<model::ValidationPoint> validation;       // on the recipe's data
    std::string validationUndefinedReason;
    std::size_t recipeRows = 0;
    // The recipe with every fitted step fitted on all rows; empty when it has no fitted step.
    std::optional<model::LeakageComparison> leakage;
    std::string leakageSentence;  // model::leakageSentence(*after, *leakage)
    std::string leakageError;     // the leaky run failed (the other passes still stand)
};

ModelComparison compareModels(const ModelRequest& request, const Progress& progress = {});

// The recipe's output with, per row, its source row (-1 for a synthetic row). trainMask (per
// source row, 1 = training row; empty = no split yet, fit on every row) restricts what fitted
// steps learn from; a `split` step replaces it.
struct RecipeRun {
    std::shared_ptr<const Table> table;
    std::vector<std::int64_t> origin;
    std::vector<std::uint8_t> trainMask;  // per output row, after the last step
    std::vector<ops::StepReport> reports;  // one per step run so far (ran = false when disabled)
    std::optional<Error> error;
    bool cancelled = false;
};
RecipeRun runRecipe(const std::shared_ptr<const Table>& source, const std::vector<nlohmann::json>& steps,
                    const std::string& target, std::vector<std::uint8_t> trainMask, const Progress& progress = {});

} // namespace preplab::desktop

Q_DECLARE_METATYPE(preplab::desktop::ModelComparison)
