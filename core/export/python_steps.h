// StepEmitter: the Python block of one recipe step, for PythonExporter (python_exporter.h). Each
// block opens with a comment sentence saying what the step does, then pandas / scikit-learn code
// indented for the body of the script's run(df) function.
#pragma once

#include "core/pipeline/recipe.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace preplab::exporting {

// A Python literal for a JSON value (null -> np.nan inside lists, None alone; booleans True/False).
std::string pythonLiteral(const nlohmann::json& value);

class StepEmitter {
public:
    explicit StepEmitter(std::string target) : m_target(std::move(target)) {}

    // The block of step `index` (0-based). Errors name the step and field.
    Result<std::string> emit(const pipeline::RecipeStep& step, std::size_t index);

private:
    std::string m_target;
};

} // namespace preplab::exporting
