// The leakage part of `preplab-cli evaluate`: the recipe run again with every fitted step forced
// to "fit_on": "all" (core/model/leakage_comparison.h), told which rows train exactly as the "with"
// run was, scored on the same split; its JSON section and its lines in the text report. Also the
// predictions CSV that `--predictions` and `--leakage-predictions` write.
#pragma once

#include "core/model/leakage_comparison.h"
#include "core/model/model_evaluation.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/recipe.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace preplab::cli {

// A pass over a pipeline's output: rows mapped back to DATA through the pipeline's origin.
model::PassInput passFromPipeline(const char* name, const pipeline::Pipeline& run, const Table& original,
                                  const std::vector<char>& isTest);

struct LeakageRun {
    bool fitted = false;                // the recipe has a fitted step and the leaky pass ran
    std::optional<std::string> error;   // the leaky run failed (the rest of evaluate still stands)
    model::LeakageComparison comparison;
    nlohmann::json json;                // leakageToJson(), step numbers relative to the user's recipe
};

// `recipe` as the "with" pass ran it (with `addedSteps` steps evaluate put in front of the user's
// steps) and `sourceTrainMask` as given to that run; `withRun` is that run, `withPass` its pass.
LeakageRun runLeakage(const pipeline::Recipe& recipe, std::size_t addedSteps,
                      const std::vector<std::uint8_t>& sourceTrainMask, const pipeline::Pipeline& withRun,
                      const model::PassResult& withPass, const Table& data, const std::vector<char>& isTest,
                      const model::EvaluateOptions& options);

// The human lines of a "leakage" JSON section (after the side-by-side table).
std::string leakageText(const nlohmann::json& leakage, const nlohmann::json& withPass);

// pass,row,split,true,predicted,score for every row of every pass, written atomically; never
// over `protectedPaths` (the inputs).
Result<void> writePredictions(const std::string& file, const std::vector<std::string>& protectedPaths,
                              const std::vector<model::PassResult>& passes);

} // namespace preplab::cli
