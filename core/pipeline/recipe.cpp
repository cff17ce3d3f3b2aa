#include "core/pipeline/recipe.h"

#include "core/ops/param_reader.h"
#include "core/ops/registry.h"
#include "core/util/closest_name.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace preplab::pipeline {

bool RecipeStep::enabled() const
{
    auto it = json.find("enabled");
    return it == json.end() || !it->is_boolean() || it->get<bool>();
}

bool RecipeStep::fitOnAll() const
{
    auto it = json.find("fit_on");
    return it != json.end() && it->is_string() && it->get<std::string>() == "all";
}

namespace {

Error recipeError(const std::string& file, const std::string& message)
{
    return makeError(ErrorCode::BadRecipe, message, file);
}

} // namespace

Result<void> validateStep(const nlohmann::json& step, std::size_t stepIndex)
{
    auto op = ops::createOp(step, stepIndex, nullptr);
    if (!op)
        return op.error();
    const std::string label = "step " + std::to_string(stepIndex + 1) + " (" + step.at("op").get<std::string>() + ")";
    if (auto it = step.find("enabled"); it != step.end() && !it->is_boolean())
        return makeError(ErrorCode::BadRecipe,
                         label + ": field \"enabled\": expected true or false, got " + ops::jsonSnippet(*it));
    if (auto it = step.find("fit_on"); it != step.end()) {
        if (!it->is_string() || (it->get<std::string>() != "train" && it->get<std::string>() != "all"))
            return makeError(ErrorCode::BadRecipe,
                             label + ": field \"fit_on\": expected one of train, all, got " + ops::jsonSnippet(*it));
        const ops::OpInfo* info = ops::findOp(step.at("op").get<std::string>());
        if (info && !info->fitted)
            return makeError(ErrorCode::BadRecipe, label + ": field \"fit_on\": " + std::string(info->name) +
                                                       " learns nothing from the data, so it has no fit_on");
    }
    return {};
}

Result<Recipe> Recipe::fromJson(const nlohmann::json& doc, const std::string& file)
{
    if (!doc.is_object())
        return recipeError(file, "expected a JSON object with \"format\": \"preplab-recipe\", got " +
                                     ops::jsonTypeName(doc));
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string& key = it.key();
        if (key != "format" && key != "version" && key != "target" && key != "steps" && key != "description") {
            std::string hint = closestName(key, {"format", "version", "target", "steps", "description"});
            return recipeError(file, "unknown field \"" + key + "\"" +
                                         (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                                         "; a recipe has format, version, target, steps, description");
        }
    }
    auto format = doc.find("format");
    if (format == doc.end() || !format->is_string() || format->get<std::string>() != kRecipeFormat)
        return recipeError(file, "field \"format\": expected \"preplab-recipe\"" +
                                     (format == doc.end() ? std::string(" (missing): is this a PrepLab recipe?")
                                                          : ", got " + ops::jsonSnippet(*format)));
    auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || version->get<std::int64_t>() < 1)
        return recipeError(file, "field \"version\": expected a positive integer" +
                                     (version == doc.end() ? std::string(" (missing)")
                                                           : ", got " + ops::jsonSnippet(*version)));
    if (version->get<std::int64_t>() > kRecipeVersion)
        return recipeError(file, "recipe version " + std::to_string(version->get<std::int64_t>()) +
                                     " is newer than this PrepLab reads (version " + std::to_string(kRecipeVersion) +
                                     "); update PrepLab");
    Recipe recipe;
    if (auto t = doc.find("target"); t != doc.end() && !t->is_null()) {
        if (!t->is_string())
            return recipeError(file, "field \"target\": expected a column name (a string), got " + ops::jsonSnippet(*t));
        recipe.target = t->get<std::string>();
    }
    if (auto d = doc.find("description"); d != doc.end() && !d->is_string())
        return recipeError(file, "field \"description\": expected a string, got " + ops::jsonSnippet(*d));
    auto steps = doc.find("steps");
    if (steps == doc.end() || !steps->is_array())
        return recipeError(file, "field \"steps\": expected an array of steps" +
                                     (steps == doc.end() ? std::string(" (missing)")
                                                         : ", got " + ops::jsonSnippet(*steps)));
    for (std::size_t i = 0; i < steps->size(); ++i) {
        const auto& step = (*steps)[i];
        if (auto ok = validateStep(step, i); !ok) {
            Error e = ok.error();
            e.file = file;
            return e;
        }
        recipe.steps.push_back(RecipeStep{step});
    }
    return recipe;
}

Result<Recipe> Recipe::parse(std::string_view text, const std::string& file)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is the 1-based offset of the offending byte: turn it into line and column.
        std::int64_t line = 1, column = 1;
        const std::size_t end = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        for (std::size_t i = 0; i < end; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        std::string what = e.what();
        auto colon = what.find(": ", what.find("parse error"));
        std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
        return makeError(ErrorCode::BadRecipe, "invalid JSON: " + detail, file, line, column);
    } catch (const nlohmann::json::exception& e) {
        // A number too large for a double ("1e999") is reported as out_of_range, without a position.
        std::string what = e.what();
        auto bracket = what.find("] ");
        return makeError(ErrorCode::BadRecipe,
                         "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2)), file);
    }
    return fromJson(doc, file);
}

Result<Recipe> Recipe::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot open the recipe", path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse(buffer.str(), path);
}

nlohmann::json Recipe::toJson() const
{
    nlohmann::json doc = nlohmann::json::object();
    doc["format"] = kRecipeFormat;
    doc["version"] = kRecipeVersion;
    if (!target.empty())
        doc["target"] = target;
    doc["steps"] = nlohmann::json::array();
    for (const auto& s : steps)
        doc["steps"].push_back(s.json);
    return doc;
}

std::string Recipe::dump() const
{
    // Written with "op" first in each step and the top-level fields in their documented order
    // (nlohmann::json itself keeps keys sorted), so a saved recipe reads naturally.
    nlohmann::ordered_json doc;
    doc["format"] = kRecipeFormat;
    doc["version"] = kRecipeVersion;
    if (!target.empty())
        doc["target"] = target;
    doc["steps"] = nlohmann::ordered_json::array();
    for (const auto& s : steps) {
        nlohmann::ordered_json step;
        if (s.json.contains("op"))
            step["op"] = s.json.at("op");
        for (auto it = s.json.begin(); it != s.json.end(); ++it)
            if (it.key() != "op")
                step[it.key()] = nlohmann::ordered_json::parse(it.value().dump());
        doc["steps"].push_back(std::move(step));
    }
    return doc.dump(2) + "\n";
}

Result<void> Recipe::save(const std::string& path) const
{
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            return makeError(ErrorCode::Io, "cannot write the recipe", path);
        out << dump();
        if (!out.flush())
            return makeError(ErrorCode::Io, "cannot write the recipe", path);
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return makeError(ErrorCode::Io, "cannot write the recipe: " + ec.message(), path);
    }
    return {};
}

} // namespace preplab::pipeline
