// OpFields: the editable fields of each recipe op (recipe.md's table), with their kind, choices,
// range and default, so the step editor can build a form for any op. Fields not listed here are
// kept as they are and shown as raw JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace preplab::desktop {

struct OpField {
    enum class Kind {
        Columns,     // list of column names (omitted = the op's default columns)
        Column,      // one column name
        Choice,      // one of `choices`
        Number,      // double in [min, max]
        Integer,     // integer in [min, max]
        Boolean,
        Text,        // free text (formula expressions, names)
        Json,        // anything else, edited as JSON text (mapping, edges, labels, ...)
    };
    std::string name;
    Kind kind = Kind::Json;
    std::string label;     // "Strategy"
    std::string help;      // tooltip: what it does, its default
    std::vector<std::string> choices;
    double min = 0, max = 0, step = 1;
    nlohmann::json defaultValue;  // what the op uses when the field is absent (null = none)
    // When the field applies ("applies when" rule): always when whenField is empty; otherwise when
    // the step's whenField (its value, or that field's default when absent) is one of whenValues;
    // with whenValues empty, when whenField is not set at all (sample: n or fraction).
    std::string whenField;
    std::vector<std::string> whenValues;
};

// The fields of `op` in form order; empty for an unknown op.
const std::vector<OpField>& opFields(const std::string& op);
// Whether `field` of `op` applies to `step` (its "applies when" rule).
bool fieldApplies(const std::string& op, const OpField& field, const nlohmann::json& step);
// The rule in words for a tooltip: "Applies only when Strategy is knn"; empty for an unconditional field.
std::string appliesWhenText(const std::string& op, const OpField& field);
// A new step of `op` with the fields a useful first version needs (e.g. impute: median).
nlohmann::json newStep(const std::string& op);
// A one-line label: "Impute (median)", "Scale (standard)".
std::string stepLabel(const nlohmann::json& step);

} // namespace preplab::desktop

namespace preplab::desktop {

// A step's fitted parameters (StepReport::fitted) in words, one line per column:
// {"bill_length_mm": {"median": 44.45}} -> "bill_length_mm: median 44.45". Long lists are cut.
std::string fittedInWords(const nlohmann::json& fitted);

} // namespace preplab::desktop
