// Recipe files (*.preplab.json, recipe.md): read with validation of every step, written
// atomically (a temporary file renamed over the target), so a crash never leaves half a recipe.
#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <QString>

namespace preplab::desktop {

// Reads and validates a recipe file; errors name the file, and the step and field at fault.
Result<nlohmann::json> readRecipeFile(const QString& path);
// Validates a parsed recipe document (format, version, each step's op and fields).
Result<void> validateRecipe(const nlohmann::json& recipe, const std::string& file);
Result<void> writeRecipeFile(const QString& path, const nlohmann::json& recipe);

} // namespace preplab::desktop
