// LeakageComparison: the third pass of the model-impact view — the same recipe with every fitted
// step forced to `"fit_on": "all"`, scored on the same split as the "without" and "with" passes —
// and, per forced step, what it learned from the training rows against what it learned from all
// rows (the imputer's fill value, the scaler's mean and scale, ...). It is scenario 4 of the
// teaching scenarios (semantics-and-bias.md §4, "Leakage by preprocessing on all data"): a step
// fitted on all rows has seen the test rows, so its parameters move (usually a little) and so do
// the test metrics. Lesson: anything fitted must be fitted on the training rows only.
//
// The caller runs the rewritten recipe exactly as it runs the "with" recipe (same split, same way
// of telling the recipe which rows train), so the passes differ only in what the forced steps saw.
#pragma once

#include "core/model/model_evaluation.h"
#include "core/ops/step_report.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace preplab::model {

// Per original row, 1 = a row the recipe's fitted steps learn from when no `split` step decides
// it: the data's own `split` column read over every row (rows whose target is missing included,
// which originalSplit() marks train) when it has one with a train/test value in every row,
// otherwise the rows `isTest` marks train.
std::vector<std::uint8_t> recipeTrainMask(const Table& original, const std::vector<char>& isTest);

// Name of the leaky pass (the `pass` of its JSON and of its prediction rows).
inline constexpr const char* kLeakyPassName = "with_fit_on_all";

// Whether forcing `"fit_on": "all"` on this step is the scenario-4 leak: an enabled step whose op
// the registry marks as fitted (core/ops/registry.cpp: impute, clip_outliers, scale, transform,
// discretize, one_hot, ordinal, frequency, target_encode) — except `resample`, which on all rows
// would over- or under-sample the test rows themselves (scenario 3, a different leak that also
// changes which rows are scored). A step that already says "fit_on": "all" counts too.
bool leaksWhenFittedOnAll(const nlohmann::json& step);

// `steps` with "fit_on": "all" set on every step leaksWhenFittedOnAll() accepts; `fitted`
// (optional) receives their indices in `steps`. Nothing else changes.
std::vector<nlohmann::json> fitStepsOnAllRows(const std::vector<nlohmann::json>& steps,
                                              std::vector<std::size_t>* fitted = nullptr);

// One learned number (or text) of a step's `fitted` JSON, on the training rows and on all rows.
// `parameter` is the path into the JSON, keys joined by '.', array positions as [i]
// ("bill_length_mm.mean", "island.categories[0]").
struct FittedDifference {
    std::string parameter;
    std::optional<double> trainValue, allValue;  // numeric leaves
    std::string trainText, allText;              // the leaves as JSON text (any type, "absent")
    double difference() const { return trainValue && allValue ? *allValue - *trainValue : 0.0; }
};

struct StepFitComparison {
    std::size_t stepIndex = 0;  // 0-based position in the recipe the caller passed
    std::string op;
    std::size_t trainFitRows = 0, allFitRows = 0;
    nlohmann::json trainFit, allFit;  // the two StepReport::fitted objects
    std::size_t parameters = 0;       // leaves in either object
    std::size_t differing = 0;        // leaves whose value differs
    // The first kMaxListedDifferences differing leaves, in the JSON's order (a quantile transform
    // learns a thousand quantiles per column).
    std::vector<FittedDifference> differences;
};

inline constexpr std::size_t kMaxListedDifferences = 50;

// Compares the reports of the "with" run and of the leaky run step by step, for the steps in
// `fitted` (indices into both report lists, which must describe the same recipe). A step missing
// from either list (the run stopped before it) is skipped.
std::vector<StepFitComparison> compareFits(const std::vector<ops::StepReport>& withRun,
                                           const std::vector<ops::StepReport>& leakyRun,
                                           const std::vector<std::size_t>& fitted);

struct LeakageComparison {
    PassResult leaky;                      // name kLeakyPassName
    std::vector<std::size_t> fittedSteps;  // the forced steps (0-based)
    std::vector<StepFitComparison> steps;
};

// The test metric the explanation quotes: "f1" for a binary target, "accuracy" for more classes,
// "r2" for regression; with its value in a pass (undefined values stay undefined).
std::string headlineMetric(const PassResult& pass);
MetricValue testMetric(const PassResult& pass, const std::string& key);

// The parameter that moved most relative to its training-rows value (numeric leaves only; a
// centre — mean, median, center — before any other); null when none moved.
const FittedDifference* largestShift(const LeakageComparison& leakage, const StepFitComparison** step = nullptr);

// One sentence for people: "Fitting step 3 (scale) on all 344 rows instead of the 258 training
// rows lets it see the test rows: bill_length_mm.mean moved from 43.91 to 43.92; test F1 changed by
// +0.0041 (0.9157 -> 0.9198)."
std::string leakageSentence(const PassResult& with, const LeakageComparison& leakage);

// {"pass", "explanation", "fitted_steps", "metrics" (passToJson of the leaky pass),
//  "delta_test_vs_with" (leaky - with, every numeric test metric), "steps": [{"step", "op",
//  "fit_rows_training", "fit_rows_all", "fitted_training_rows", "fitted_all_rows", "parameters",
//  "differing_parameters", "differences": [{"parameter", "training_rows", "all_rows",
//  "difference"}]}]}. Text leaves give their JSON text and no "difference".
nlohmann::json leakageToJson(const PassResult& with, const LeakageComparison& leakage);

} // namespace preplab::model
