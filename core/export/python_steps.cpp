#include "core/export/python_steps.h"

#include "core/export/formula_to_python.h"
#include "core/export/python_fitted_steps.h"
#include "core/table/column.h"

#include <sstream>

namespace preplab::exporting {

std::string pythonLiteral(const nlohmann::json& v)
{
    if (v.is_null())
        return "None";
    if (v.is_boolean())
        return v.get<bool>() ? "True" : "False";
    if (v.is_number_integer() || v.is_number_unsigned())
        return v.dump();
    if (v.is_number())
        return pythonFloat(v.get<double>());
    if (v.is_string())
        return pythonString(v.get_ref<const std::string&>());
    if (v.is_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size(); ++i)
            out += (i ? ", " : "") + (v[i].is_null() ? std::string("np.nan") : pythonLiteral(v[i]));
        return out + "]";
    }
    std::string out = "{";
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
        out += (first ? "" : ", ") + pythonString(it.key()) + ": " + pythonLiteral(it.value());
        first = false;
    }
    return out + "}";
}

std::string StepBlock::columns(const char* kind) const
{
    if (step.contains("columns"))
        return pythonLiteral(step["columns"]);
    return std::string(kind) + "_columns(df, TARGET)";
}

std::string StepBlock::columnsText(const char* what) const
{
    if (!step.contains("columns"))
        return std::string("every ") + what + (*what ? " column" : "column");
    std::string out;
    for (const auto& c : step["columns"])
        out += (out.empty() ? "" : ", ") + c.get<std::string>();
    return out;
}

std::string StepBlock::fitMask() const
{
    return step.value("fit_on", std::string("train")) == "all" ? "fit_mask(df, fit_on_all=True)" : "fit_mask(df)";
}

std::string StepBlock::fittedOn() const
{
    return step.value("fit_on", std::string("train")) == "all"
               ? "fitted on all rows (fit_on: all)"
               : "fitted on the training rows after a split, else on all rows";
}

void StepBlock::code(const std::string& text)
{
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        body += line.empty() ? "\n" : "    " + line + "\n";
}

Error StepBlock::error(const std::string& field, const std::string& message) const
{
    return makeError(ErrorCode::BadRecipe, "step " + std::to_string(index + 1) + " (" + op + "): " + field + ": " + message);
}

namespace {

std::string str(const nlohmann::json& s, const char* key, const std::string& fallback = {})
{
    auto it = s.find(key);
    return it != s.end() && it->is_string() ? it->get<std::string>() : fallback;
}

Result<void> emitPlain(StepBlock& b)
{
    const auto& s = b.step;
    const std::string& op = b.op;
    if (op == "drop_columns") {
        b.sentence = "drop the columns " + b.columnsText("");
        b.code("df = df.drop(columns=" + pythonLiteral(s["columns"]) + ")");
    } else if (op == "rename") {
        b.sentence = "rename columns " + s["mapping"].dump();
        b.code("df = df.rename(columns=" + pythonLiteral(s["mapping"]) + ")");
    } else if (op == "cast") {
        const std::string to = str(s, "to");
        b.sentence = "cast " + b.columnsText("") + " to " + to + "; unparseable cells become missing";
        b.code("for c in " + pythonLiteral(s["columns"]) + ":\n    df[c] = cast_column(df[c], " +
               pythonString(to) + ")");
    } else if (op == "replace") {
        const nlohmann::json with = s.contains("with") ? s["with"] : nlohmann::json();
        b.sentence = "replace " + s["values"].dump() + " with " + (with.is_null() ? "missing" : with.dump()) +
                     " in " + b.columnsText("");
        nlohmann::json numbers = nlohmann::json::array(), strings = nlohmann::json::array();
        for (const auto& v : s["values"])
            (v.is_number() ? numbers : strings).push_back(v.is_boolean() ? nlohmann::json(v.get<bool>() ? "true" : "false") : v);
        const std::string w = with.is_null() ? "np.nan" : pythonLiteral(with);
        // Numbers match number columns, strings text columns (a mixed list serves a mixed table).
        std::string text = "for c in " +
                           (s.contains("columns") ? pythonLiteral(s["columns"]) : "[c for c in df.columns if c not in (TARGET, SPLIT)]") +
                           ":\n";
        if (!numbers.empty())
            text += "    if pd.api.types.is_numeric_dtype(df[c]) and df[c].dtype != bool:\n"
                    "        df[c] = df[c].replace(" + pythonLiteral(numbers) + ", " + w + ")\n";
        if (!strings.empty())
            text += std::string(numbers.empty() ? "    if" : "    elif") + " df[c].dtype == object:\n"
                    "        df[c] = df[c].replace(" + pythonLiteral(strings) + ", " + w + ")\n";
        b.code(text);
    } else if (op == "text_clean") {
        const bool trim = s.value("trim", true), collapse = s.value("collapse_spaces", true);
        const std::string kase = str(s, "case", "none");
        b.sentence = "clean the text of " + b.columnsText("categorical and text") + " (trim " + (trim ? "on" : "off") +
                     ", case " + kase + ", collapse spaces " + (collapse ? "on" : "off") + ")";
        std::string chain;
        if (trim)
            chain += ".str.strip(\" \\t\\r\\n\\v\\f\")";
        if (collapse)
            chain += ".str.replace(r\"[ \\t\\r\\n\\v\\f]+\", \" \", regex=True)";
        if (kase != "none")
            chain += ".map(lambda v: v if pd.isna(v) else v.translate(" +
                     std::string(kase == "lower" ? "ASCII_LOWER" : "ASCII_UPPER") + "))";
        b.code("for c in " + b.columns("categorical") + ":\n    if df[c].dtype == object:\n        df[c] = df[c].astype(object)" +
               chain);
    } else if (op == "drop_duplicates") {
        const std::string keep = str(s, "keep", "first");
        b.sentence = "drop duplicate rows (compared on " + b.columnsText("") + "), keep " + keep;
        b.code("df = df.drop_duplicates(subset=" + (s.contains("columns") ? pythonLiteral(s["columns"]) : "None") +
               ", keep=" + (keep == "none" ? "False" : pythonString(keep)) + ").reset_index(drop=True)");
    } else if (op == "drop_missing") {
        const std::string axis = str(s, "axis", "rows"), how = str(s, "how", "any");
        if (axis == "rows") {
            b.sentence = "drop the rows with " + how + " missing value" + (how == "any" ? "" : "s") + " in " +
                         b.columnsText("");
            b.code("df = df.dropna(subset=" + (s.contains("columns") ? pythonLiteral(s["columns"]) : "None") +
                   ", how=" + pythonString(how) + ").reset_index(drop=True)");
        } else {
            const std::string cols = s.contains("columns") ? pythonLiteral(s["columns"])
                                                           : "[c for c in df.columns if c not in (TARGET, SPLIT)]";
            std::string test;
            if (s.contains("min_present")) {
                b.sentence = "drop the columns with less than " + s["min_present"].dump() + " of their values present";
                test = "df[c].notna().mean() < " + pythonLiteral(s["min_present"]);
            } else {
                b.sentence = "drop the columns with " + how + " missing values";
                test = how == "any" ? "df[c].isna().any()" : "df[c].isna().all()";
            }
            b.code("df = df.drop(columns=[c for c in " + cols + " if " + test + "])");
        }
    } else if (op == "filter") {
        const std::string expr = str(s, "expr");
        auto py = formulaToPython(expr);
        if (!py)
            return b.error("expr", py.error().message);
        b.sentence = "keep the rows where " + expr + " (missing counts as false)";
        b.code("keep = predicate(" + *py + ", len(df))\ndf = df[keep].reset_index(drop=True)");
    } else if (op == "formula") {
        const std::string expr = str(s, "expr"), name = str(s, "name");
        auto py = formulaToPython(expr);
        if (!py)
            return b.error("expr", py.error().message);
        b.sentence = "compute " + name + " = " + expr;
        b.code("df[" + pythonString(name) + "] = " + (formulaIsBoolean(expr) ? "as_boolean(" : "formula_column(") + *py +
               ", len(df))");
    } else if (op == "bin") {
        const std::string column = str(s, "column"), name = str(s, "name", column);
        const bool right = s.value("right", true);
        std::string labels;
        if (s.contains("labels") && s["labels"].is_boolean()) {
            labels = "False";
        } else if (s.contains("labels")) {
            labels = pythonLiteral(s["labels"]);
        } else {
            nlohmann::json list = nlohmann::json::array();
            const auto& e = s["edges"];
            for (std::size_t i = 0; i + 1 < e.size(); ++i)
                list.push_back(std::string(right ? "(" : "[") + formatDouble(e[i].get<double>()) + ", " +
                               formatDouble(e[i + 1].get<double>()) + (right ? "]" : ")"));
            labels = pythonLiteral(list);
        }
        b.sentence = "bin " + column + " at the edges " + s["edges"].dump() + (name != column ? " into " + name : "");
        b.code("df[" + pythonString(name) + "] = pd.cut(df[" + pythonString(column) + "], bins=" +
               pythonLiteral(s["edges"]) + ", labels=" + labels + ", right=" + (right ? "True" : "False") +
               ", include_lowest=" + (s.value("include_lowest", false) ? "True" : "False") + ")" +
               (labels == "False" ? ".astype(\"Int64\")" : ".astype(object)"));
    } else if (op == "date_parts") {
        const nlohmann::json parts = s.contains("parts") ? s["parts"] : nlohmann::json{"year", "month", "day", "weekday"};
        b.sentence = "add the date parts " + parts.dump() + " of " + b.columnsText("datetime");
        b.code("for c in " + (s.contains("columns") ? pythonLiteral(s["columns"]) : "datetime_columns(df, TARGET)") +
               ":\n"
               "    d = pd.to_datetime(df[c], errors=\"coerce\")\n"
               "    parts = pd.DataFrame({c + \"_\" + p: getattr(d.dt, p).astype(\"Int64\") for p in " +
               pythonLiteral(parts) + "})\n"
               "    df = insert_columns(df, df.columns.get_loc(c) + 1, parts)");
    } else if (op == "split") {
        const nlohmann::json t = s.contains("test_size") ? s["test_size"] : nlohmann::json(0.25);
        const std::uint64_t seed = s.value("seed", std::uint64_t{0});
        std::string stratify = s.contains("stratify") ? pythonLiteral(s["stratify"])
                                                      : "TARGET is not None and TARGET in df.columns and (df[TARGET].dtype == object or is_bool(df[TARGET]))";
        b.sentence = "split the rows into training and test rows (test_size " + t.dump() + ", seed " +
                     std::to_string(seed) + ") with scikit-learn's train_test_split; adds the column `split`";
        b.code("train = split_train_mask(df, test_size=" + pythonLiteral(t) + ", stratify=" + stratify + ", seed=" +
               std::to_string(seed) + ", target=TARGET, explicit=" + (s.contains("stratify") ? "True" : "False") +
               ")\n"
               "df[SPLIT] = np.where(train, \"train\", \"test\").astype(object)");
    } else if (op == "sample") {
        const std::uint64_t seed = s.value("seed", std::uint64_t{0});
        const bool stratify = s.value("stratify", false);
        const std::string n = s.contains("n") ? s["n"].dump() : "None";
        const std::string fraction = s.contains("fraction") ? pythonLiteral(s["fraction"]) : "None";
        b.sentence = "keep a random " + std::string(stratify ? "stratified " : "") + "sample of " +
                     (s.contains("n") ? s["n"].dump() + " rows" : s["fraction"].dump() + " of the rows") + ", seed " +
                     std::to_string(seed) +
                     (!stratify                ? " (pandas' DataFrame.sample)"
                      : s.contains("fraction") ? " (pandas' groupby(target).sample)"
                                               : " (scikit-learn's train_test_split(train_size=n, stratify=target))");
        b.code("keep = sample_rows(df, n=" + n + ", fraction=" + fraction + ", stratify=" + (stratify ? "True" : "False") +
               ", seed=" + std::to_string(seed) + ", target=TARGET)\ndf = df.iloc[keep].reset_index(drop=True)");
    } else {
        return b.error("op", "cannot be exported to Python");
    }
    return {};
}

} // namespace

Result<std::string> StepEmitter::emit(const pipeline::RecipeStep& step, std::size_t index)
{
    StepBlock b{step.json, step.op(), index, m_target};
    auto r = isFittedOp(b.op) ? emitFitted(b) : emitPlain(b);
    if (!r)
        return r.error();
    std::string head = "    # Step " + std::to_string(index + 1) + " (" + b.op + "): " + b.sentence + ".\n";
    if (isFittedOp(b.op) && b.op != "polynomial")
        head += "    # " + b.fittedOn() + ".\n";
    return head + b.body;
}

} // namespace preplab::exporting
