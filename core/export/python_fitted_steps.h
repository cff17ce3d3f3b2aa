// The Python blocks of the fitted ops (impute, clip_outliers, scale, transform, discretize,
// one_hot, ordinal, frequency, target_encode, polynomial; resample's in python_resample.h) for
// StepEmitter (python_steps.h): scikit-learn estimators fitted on fit_mask(df) and applied to
// every row.
#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace preplab::exporting {

// One step's block under construction.
struct StepBlock {
    const nlohmann::json& step;
    std::string op;
    std::size_t index = 0;
    std::string target;
    std::string sentence;  // what the step does, for the block's opening comment
    std::string body;      // indented code lines

    // The step's `columns` as a Python list, or the runtime choice `<kind>_columns(df, TARGET)`.
    std::string columns(const char* kind) const;
    // The columns for the sentence ("every numeric column" when omitted).
    std::string columnsText(const char* what) const;
    std::string fitMask() const;   // fit_mask(df) or fit_mask(df, fit_on_all=True)
    std::string fittedOn() const;  // for the comment
    void code(const std::string& text);  // appends lines, indented for run()'s body
    Error error(const std::string& field, const std::string& message) const;
};

bool isFittedOp(const std::string& op);
Result<void> emitFitted(StepBlock& block);

} // namespace preplab::exporting
