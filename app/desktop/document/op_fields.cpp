#include "app/desktop/document/op_fields.h"

#include "core/ops/registry.h"

#include <algorithm>
#include <map>

namespace preplab::desktop {
namespace {

using K = OpField::Kind;
using nlohmann::json;

OpField columns(std::string help = "Columns to use; none = every column the op applies to (never the target)")
{
    return {"columns", K::Columns, "Columns", std::move(help), {}, 0, 0, 1, nullptr, {}, {}};
}
OpField choice(std::string name, std::string label, std::vector<std::string> choices, std::string help)
{
    json def = choices.front();
    return {std::move(name), K::Choice, std::move(label), std::move(help), std::move(choices), 0, 0, 1, def, {}, {}};
}
OpField number(std::string name, std::string label, double min, double max, double step, json def, std::string help)
{
    return {std::move(name), K::Number, std::move(label), std::move(help), {}, min, max, step, std::move(def), {}, {}};
}
OpField integer(std::string name, std::string label, double min, double max, json def, std::string help)
{
    return {std::move(name), K::Integer, std::move(label), std::move(help), {}, min, max, 1, std::move(def), {}, {}};
}
OpField boolean(std::string name, std::string label, bool def, std::string help)
{
    return {std::move(name), K::Boolean, std::move(label), std::move(help), {}, 0, 0, 1, def, {}, {}};
}
OpField text(std::string name, std::string label, std::string help)
{
    return {std::move(name), K::Text, std::move(label), std::move(help), {}, 0, 0, 1, nullptr, {}, {}};
}
OpField raw(std::string name, std::string label, std::string help)
{
    return {std::move(name), K::Json, std::move(label), std::move(help), {}, 0, 0, 1, nullptr, {}, {}};
}
OpField column(std::string name, std::string label, std::string help)
{
    return {std::move(name), K::Column, std::move(label), std::move(help), {}, 0, 0, 1, nullptr, {}, {}};
}

// `f` applies only when the step's `field` is one of `values` (none: when `field` is not set).
OpField when(OpField f, std::string field, std::vector<std::string> values = {})
{
    f.whenField = std::move(field);
    f.whenValues = std::move(values);
    return f;
}

const std::vector<std::string> powerMethods{"yeo_johnson", "box_cox"};
const std::vector<std::string> quantileMethods{"quantile_uniform", "quantile_normal"};

const std::map<std::string, std::vector<OpField>>& table()
{
    static const std::map<std::string, std::vector<OpField>> fields = {
        {"drop_columns", {columns("Columns to drop")}},
        {"rename", {raw("mapping", "Mapping", "JSON object {\"old name\": \"new name\"}")}},
        {"cast", {columns(), choice("to", "To type", {"numeric", "integer", "boolean", "datetime", "categorical", "text"},
                                    "Target type; cells that do not parse become missing and are counted")}},
        {"replace", {columns(), raw("values", "Values", "JSON list of values to replace, e.g. [\"?\", -1]"),
                     raw("with", "With", "Replacement value; null = missing")}},
        {"text_clean", {columns(), boolean("trim", "Trim spaces", true, "Remove leading and trailing spaces"),
                        choice("case", "Case", {"none", "lower", "upper"}, "Change the letter case"),
                        boolean("collapse_spaces", "Collapse spaces", true, "Turn runs of spaces into one")}},
        {"drop_duplicates", {columns("Columns that define a duplicate; none = all"),
                             choice("keep", "Keep", {"first", "last", "none"}, "Which copy of a duplicate row to keep")}},
        {"drop_missing", {choice("axis", "Drop", {"rows", "columns"}, "Drop rows or columns with missing values"),
                          columns("Columns to look at; none = all"),
                          choice("how", "How", {"any", "all"}, "any: drop when one value is missing; all: when all are"),
                          when(number("min_present", "Min present share", 0, 1, 0.05, nullptr,
                                      "Columns axis: keep columns with at least this share of present values"),
                               "axis", {"columns"})}},
        {"filter", {text("expr", "Keep rows where", "A row predicate, e.g. bill_length_mm > 40 and island == 'Dream'")}},
        {"impute", {columns(), choice("strategy", "Strategy", {"mean", "median", "most_frequent", "constant", "knn"},
                                      "How to fill missing values (SimpleImputer / KNNImputer)"),
                    when(raw("fill_value", "Fill value", "Constant strategy: the value to fill with"), "strategy", {"constant"}),
                    when(integer("n_neighbors", "Neighbours", 1, 50, 5, "KNN: number of neighbours (5)"), "strategy", {"knn"}),
                    when(choice("weights", "Weights", {"uniform", "distance"}, "KNN: neighbour weights"), "strategy", {"knn"}),
                    boolean("add_indicator", "Add indicator", false, "Add a <col>_missing column per imputed column")}},
        {"clip_outliers", {columns(), choice("method", "Method", {"iqr", "zscore", "percentile"}, "How bounds are found"),
                           when(number("k", "k", 0, 10, 0.1, nullptr, "IQR: 1.5 (Tukey fences); z-score: 3"),
                                "method", {"iqr", "zscore"}),
                           when(number("lower", "Lower percentile", 0, 50, 0.5, 1, "Percentile method: lower bound (1)"),
                                "method", {"percentile"}),
                           when(number("upper", "Upper percentile", 50, 100, 0.5, 99, "Percentile method: upper bound (99)"),
                                "method", {"percentile"}),
                           choice("action", "Action", {"clip", "remove", "missing"},
                                  "clip to the bounds, remove the rows, or make the values missing")}},
        {"scale", {columns(), choice("method", "Method", {"standard", "minmax", "robust", "maxabs"},
                                     "StandardScaler (ddof 0), MinMaxScaler, RobustScaler or MaxAbsScaler"),
                   when(boolean("with_mean", "Center", true, "Standard/robust: subtract the mean (median)"),
                        "method", {"standard", "robust"}),
                   when(boolean("with_std", "Scale", true, "Standard/robust: divide by the std (IQR)"),
                        "method", {"standard", "robust"}),
                   when(raw("feature_range", "Feature range", "Min-max: [min, max], default [0, 1]"), "method", {"minmax"}),
                   when(raw("quantile_range", "Quantile range", "Robust: [25, 75] by default"), "method", {"robust"})}},
        {"transform", {columns(), choice("method", "Method",
                                         {"yeo_johnson", "box_cox", "log", "log1p", "sqrt", "quantile_uniform",
                                          "quantile_normal"},
                                         "PowerTransformer, QuantileTransformer or a plain function"),
                       when(boolean("standardize", "Standardize", true, "Power methods: standardise the result"),
                            "method", powerMethods),
                       when(integer("n_quantiles", "Quantiles", 10, 10000, 1000, "Quantile methods: number of quantiles"),
                            "method", quantileMethods)}},
        {"discretize", {columns(), integer("n_bins", "Bins", 2, 100, 5, "Number of bins (5)"),
                        choice("strategy", "Strategy", {"quantile", "uniform", "kmeans"}, "KBinsDiscretizer strategy")}},
        {"one_hot", {columns(), choice("drop", "Drop", {"none", "first", "if_binary"}, "Drop a category per column")}},
        {"ordinal", {columns(), raw("categories", "Categories", "Order of the categories; default: sorted")}},
        {"frequency", {columns()}},
        {"target_encode", {columns(), number("smoothing", "Smoothing", 0, 1000, 1, 1, "m-estimate smoothing (1)")}},
        {"formula", {text("name", "New column", "Name of the computed column"),
                     text("expr", "Expression", "e.g. body_mass_g / 1000, log(x), if(a > 0, a, 0)")}},
        {"polynomial", {columns(), integer("degree", "Degree", 2, 5, 2, "Polynomial degree (2)"),
                        boolean("interaction_only", "Interactions only", false, "Only products of distinct columns")}},
        {"bin", {column("column", "Column", "The column to cut"), raw("edges", "Edges", "JSON list of bin edges"),
                 raw("labels", "Labels", "JSON list of labels, one per bin")}},
        {"date_parts", {columns(), raw("parts", "Parts", "JSON list among year, month, day, weekday, hour, dayofyear")}},
        {"split", {number("test_size", "Test share", 0.05, 0.95, 0.05, 0.25, "Share of rows in the test set (0.25)"),
                   boolean("stratify", "Stratify", true, "Keep the target's class shares in both sets"),
                   integer("seed", "Seed", 0, 1000000, 0, "Random seed")}},
        {"resample", {choice("method", "Method", {"random_over", "random_under", "smote"}, "imbalanced-learn method"),
                      raw("sampling_strategy", "Sampling strategy", "\"auto\" or a ratio"),
                      when(integer("k_neighbors", "Neighbours", 1, 50, 5, "SMOTE: neighbours (5)"), "method", {"smote"}),
                      integer("seed", "Seed", 0, 1000000, 0, "Random seed")}},
        {"sample", {when(integer("n", "Rows", 0, 1e9, nullptr, "Number of rows to keep (instead of fraction)"), "fraction"),
                    when(number("fraction", "Fraction", 0, 1, 0.05, nullptr, "Share of rows to keep (instead of n)"), "n"),
                    integer("seed", "Seed", 0, 1000000, 0, "Random seed"),
                    boolean("stratify", "Stratify", false, "Keep the target's class shares")}},
    };
    return fields;
}

} // namespace

const std::vector<OpField>& opFields(const std::string& op)
{
    static const std::vector<OpField> none;
    auto it = table().find(op);
    return it == table().end() ? none : it->second;
}

bool fieldApplies(const std::string& op, const OpField& field, const nlohmann::json& step)
{
    if (field.whenField.empty())
        return true;
    auto it = step.find(field.whenField);
    const bool set = it != step.end() && !it->is_null();
    if (field.whenValues.empty())
        return !set;
    json value = set ? *it : json();
    if (!set)
        for (const OpField& other : opFields(op))
            if (other.name == field.whenField)
                value = other.defaultValue;
    if (!value.is_string())
        return false;
    const std::string v = value.get<std::string>();
    return std::find(field.whenValues.begin(), field.whenValues.end(), v) != field.whenValues.end();
}

std::string appliesWhenText(const std::string& op, const OpField& field)
{
    if (field.whenField.empty())
        return {};
    std::string label = field.whenField;
    for (const OpField& other : opFields(op))
        if (other.name == field.whenField)
            label = other.label;
    if (field.whenValues.empty())
        return "Applies only when " + label + " is not set";
    std::string values;
    for (std::size_t i = 0; i < field.whenValues.size(); ++i)
        values += (i == 0 ? "" : i + 1 == field.whenValues.size() ? " or " : ", ") + field.whenValues[i];
    return "Applies only when " + label + " is " + values;
}

nlohmann::json newStep(const std::string& op)
{
    json step = {{"op", op}};
    if (op == "impute")
        step["strategy"] = "median";
    else if (op == "scale")
        step["method"] = "standard";
    else if (op == "transform")
        step["method"] = "yeo_johnson";
    else if (op == "clip_outliers")
        step["method"] = "iqr";
    else if (op == "formula") {
        step["name"] = "new_column";
        step["expr"] = "1";
    } else if (op == "filter")
        step["expr"] = "true";
    else if (op == "cast")
        step["to"] = "numeric";
    else if (op == "sample")
        step["fraction"] = 0.5;
    return step;
}

std::string stepLabel(const nlohmann::json& step)
{
    const std::string op = step.value("op", std::string("?"));
    const ops::OpInfo* info = ops::findOp(op);
    std::string label = info ? std::string(info->title) : op;
    for (const char* key : {"strategy", "method", "to", "axis"}) {
        auto it = step.find(key);
        if (it != step.end() && it->is_string()) {
            label += " (" + it->get<std::string>() + ")";
            break;
        }
    }
    auto cols = step.find("columns");
    if (cols != step.end() && cols->is_array() && !cols->empty()) {
        std::string names;
        for (std::size_t i = 0; i < cols->size() && i < 2; ++i)
            names += (i ? ", " : "") + ((*cols)[i].is_string() ? (*cols)[i].get<std::string>() : (*cols)[i].dump());
        if (cols->size() > 2)
            names += ", +" + std::to_string(cols->size() - 2);
        label += ": " + names;
    }
    return label;
}

} // namespace preplab::desktop

namespace preplab::desktop {
namespace {

std::string valueInWords(const nlohmann::json& v)
{
    if (v.is_number_float())
        return formatDouble(v.get<double>());
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size() && i < 8; ++i)
            out += (i ? ", " : "") + valueInWords(v[i]);
        if (v.size() > 8)
            out += ", … " + std::to_string(v.size() - 8) + " more";
        return out + "]";
    }
    if (v.is_object()) {
        std::string out;
        for (auto it = v.begin(); it != v.end(); ++it)
            out += (out.empty() ? "" : ", ") + it.key() + " " + valueInWords(it.value());
        return out;
    }
    return v.dump();
}

} // namespace

std::string fittedInWords(const nlohmann::json& fitted)
{
    if (fitted.is_null())
        return {};
    if (!fitted.is_object())
        return valueInWords(fitted);
    std::string out;
    for (auto it = fitted.begin(); it != fitted.end(); ++it)
        out += (out.empty() ? "" : "\n") + it.key() + ": " + valueInWords(it.value());
    return out;
}

} // namespace preplab::desktop
