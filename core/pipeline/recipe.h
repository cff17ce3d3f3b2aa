// Recipe: the ordered list of preprocessing steps PrepLab applies to a table, as data only
// (/work/shared/contracts/recipe.md, format version 1). Each step keeps its JSON object as is,
// so the app edits fields without knowing every op, and writing a recipe back loses nothing.
//
//   { "format": "preplab-recipe", "version": 1, "target": "species",
//     "steps": [ { "op": "split", "test_size": 0.25 }, { "op": "impute", "strategy": "median" } ] }
//
// Reading validates everything the JSON alone decides (unknown op or field, wrong type, unknown
// enum value, a newer version, formula syntax); column names and types are checked when the
// recipe runs on a table (Pipeline). Every error names the step (1-based), the field and what
// was expected.
#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace preplab::pipeline {

inline constexpr std::string_view kRecipeFormat = "preplab-recipe";
inline constexpr int kRecipeVersion = 1;

struct RecipeStep {
    nlohmann::json json;  // the step object: "op", its fields, "enabled", "fit_on"

    const std::string& op() const { return json.at("op").get_ref<const std::string&>(); }
    // "enabled" (default true): a disabled step stays in the recipe without running.
    bool enabled() const;
    // "fit_on": "all" fits the step on every row even after a split (the leakage demonstration);
    // default "train" = the rows seen so far, the training rows after a split.
    bool fitOnAll() const;
};

struct Recipe {
    std::string target;  // empty when the recipe names none
    std::vector<RecipeStep> steps;

    // Validates and reads a parsed JSON document. `file` is used in messages only.
    static Result<Recipe> fromJson(const nlohmann::json& doc, const std::string& file = {});
    // Parses text; invalid JSON gives an error with line and column.
    static Result<Recipe> parse(std::string_view text, const std::string& file = {});
    static Result<Recipe> load(const std::string& path);

    nlohmann::json toJson() const;
    std::string dump() const;  // indented JSON, ending with a newline
    Result<void> save(const std::string& path) const;  // via a temporary file and a rename
};

// Validates one step object without data (the checks Recipe::fromJson makes on each step).
Result<void> validateStep(const nlohmann::json& step, std::size_t stepIndex);

} // namespace preplab::pipeline
