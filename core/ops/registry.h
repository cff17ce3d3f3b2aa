// Registry: the recipe's op names mapped to the Op classes that run them, with the group the
// desktop app files each op under. One line per op in registry.cpp; each op lives in its own
// file core/ops/<op>.cpp and exposes only its factory.
#pragma once

#include "core/ops/op.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string_view>
#include <vector>

namespace preplab::ops {

enum class OpGroup { Clean, MissingValues, Outliers, ScaleTransform, Encode, Features, Sampling };

// "Clean", "Missing values", "Outliers", "Scale and transform", "Encode", "Features", "Sampling"
std::string_view opGroupName(OpGroup group);

struct OpInfo {
    std::string_view name;     // the recipe's "op" value
    OpGroup group;
    std::string_view title;    // for menus: "Drop missing values"
    bool fitted;               // learns parameters from the fit rows
    std::string_view summary;  // one sentence for tooltips
    std::unique_ptr<Op> (*create)();
};

// Every op, grouped, in menu order.
const std::vector<OpInfo>& allOps();
const OpInfo* findOp(std::string_view name);
// "drop_columns, rename, ..." for messages.
std::string knownOpNames();

// Creates the op named by step["op"] and parses the step's fields; `schema` null = validate
// without data. Errors name the step (stepIndex is 0-based, printed + 1), the field and what was
// expected.
Result<std::unique_ptr<Op>> createOp(const nlohmann::json& step, std::size_t stepIndex, const Schema* schema);

// One step end to end: create, parse against `table`'s schema, fit on ctx.fitRows, apply, and
// complete the report (origin: see completeReport). ctx.stepIndex and ctx.op are taken as given
// (ctx.op is overwritten with the step's op).
Result<StepOutput> runStep(const Table& table, const nlohmann::json& step, StepContext ctx,
                           const std::vector<std::int64_t>* origin = nullptr);

} // namespace preplab::ops
