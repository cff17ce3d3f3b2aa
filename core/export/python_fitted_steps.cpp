#include "core/export/python_fitted_steps.h"

#include "core/export/formula_to_python.h"
#include "core/export/python_resample.h"
#include "core/export/python_steps.h"

namespace preplab::exporting {

namespace {

std::string str(const nlohmann::json& s, const char* key, const std::string& fallback)
{
    auto it = s.find(key);
    return it != s.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::string flag(bool v) { return v ? "True" : "False"; }

// Fits `estimator` on the fit rows of `cols` and transforms every row; missing cells stay missing
// (the scikit-learn scalers and transformers ignore NaN when fitting and keep it).
std::string fitTransform(const std::string& cols, const std::string& estimator, const std::string& fit)
{
    return "cols = " + cols + "\n"
           "if cols:\n"
           "    fit = " + fit + "\n"
           "    model = " + estimator + "\n"
           "    model.fit(df.loc[fit, cols].astype(float).to_numpy())\n"
           "    df[cols] = model.transform(df[cols].astype(float).to_numpy())";
}

void emitImpute(StepBlock& b)
{
    const auto& s = b.step;
    const std::string strategy = str(s, "strategy", "mean");
    const bool indicator = s.value("add_indicator", false);
    const bool numericOnly = strategy == "mean" || strategy == "median" || strategy == "knn";
    b.sentence = "fill the missing values of " + b.columnsText(numericOnly ? "numeric" : "numeric and categorical") +
                 " with " + (strategy == "knn" ? "the " + std::to_string(s.value("n_neighbors", 5)) + " nearest neighbours (KNNImputer)"
                                                 : "the " + strategy + " (SimpleImputer)");
    std::string cols = s.contains("columns") ? pythonLiteral(s["columns"])
                       : numericOnly ? "numeric_columns(df, TARGET)"
                                     : "[c for c in df.columns if c not in (TARGET, SPLIT) and df[c].dtype != bool]";
    std::string text = "fit = " + b.fitMask() + "\n" + "cols = " + cols + "\n" +
                       "# A column with no value in the fit rows is left as it is (scikit-learn would drop it).\n"
                       "cols = [c for c in cols if df.loc[fit, c].notna().any()]\n";
    if (indicator)
        text += "indicators = {\"missingindicator_\" + c: df[c].isna().astype(int) for c in cols if df.loc[fit, c].isna().any()}\n";
    if (strategy == "knn") {
        text += "if cols:\n"
                "    imputer = KNNImputer(n_neighbors=" + std::to_string(s.value("n_neighbors", 5)) + ", weights=" +
                pythonString(str(s, "weights", "uniform")) + ")\n"
                "    imputer.fit(df.loc[fit, cols].astype(float).to_numpy())\n"
                "    df[cols] = imputer.transform(df[cols].astype(float).to_numpy())\n";
    } else {
        std::string fill = s.contains("fill_value") && !s["fill_value"].is_null() ? pythonLiteral(s["fill_value"]) : "";
        text += "numbers = [c for c in cols if pd.api.types.is_numeric_dtype(df[c])]\n"
                "for group, fill_value in ((numbers, " + (fill.empty() ? "0" : fill) + "), ([c for c in cols if c not in numbers], " +
                (fill.empty() ? "\"missing_value\"" : fill) + ")):\n"
                "    if not group:\n"
                "        continue\n"
                "    values = df[group] if group is numbers else df[group].astype(object)\n"
                "    imputer = SimpleImputer(strategy=" + pythonString(strategy) +
                (strategy == "constant" ? ", fill_value=fill_value" : "") + (strategy == "constant" || strategy == "most_frequent" ? ", missing_values=np.nan" : "") + ")\n"
                "    imputer.fit(values[fit])\n"
                "    df[group] = imputer.transform(values)\n"
                "    if group is numbers:\n"
                "        df[group] = df[group].astype(float)\n";
    }
    if (indicator)
        text += "for name, values in indicators.items():\n    df[name] = values\n";
    b.code(text);
}

void emitClip(StepBlock& b)
{
    const auto& s = b.step;
    const std::string method = str(s, "method", "iqr"), action = str(s, "action", "clip");
    b.sentence = action + " the outliers of " + b.columnsText("numeric") + " beyond bounds by the " + method + " rule";
    std::string bounds;
    if (method == "iqr") {
        bounds = "    q1, q3 = np.percentile(x, [25, 75])\n    lo, hi = q1 - " + pythonLiteral(s.value("k", nlohmann::json(1.5))) +
                 " * (q3 - q1), q3 + " + pythonLiteral(s.value("k", nlohmann::json(1.5))) + " * (q3 - q1)\n";
    } else if (method == "zscore") {
        const std::string k = pythonLiteral(s.value("k", nlohmann::json(3.0)));
        bounds = "    mean, std = x.mean(), x.std()  # population std (ddof 0)\n    lo, hi = mean - " + k + " * std, mean + " + k +
                 " * std\n";
    } else {
        bounds = "    lo, hi = np.percentile(x, [" + pythonLiteral(s.value("lower", nlohmann::json(1.0))) + ", " +
                 pythonLiteral(s.value("upper", nlohmann::json(99.0))) + "])\n";
    }
    std::string text = "fit = " + b.fitMask() + "\n" + "outside = np.zeros(len(df), dtype=bool)\n" + "for c in " +
                       b.columns("numeric") + ":\n" +
                       "    x = df.loc[fit, c].dropna().to_numpy(dtype=float)\n    if len(x) == 0:\n        continue\n" + bounds;
    if (action == "clip")
        text += "    df[c] = df[c].clip(lo, hi)\n";
    else if (action == "missing")
        text += "    df[c] = df[c].astype(float).where(~((df[c] < lo) | (df[c] > hi)), np.nan)\n";
    else
        text += "    outside |= ((df[c] < lo) | (df[c] > hi)).to_numpy()\n";
    if (action == "remove")
        text += "df = df[~outside].reset_index(drop=True)\n";
    b.code(text);
}

void emitScale(StepBlock& b)
{
    const auto& s = b.step;
    const std::string method = str(s, "method", "standard");
    const bool withMean = s.value("with_mean", true), withStd = s.value("with_std", true);
    std::string estimator;
    if (method == "standard") {
        estimator = "StandardScaler(with_mean=" + flag(withMean) + ", with_std=" + flag(withStd) + ")";
    } else if (method == "minmax") {
        estimator = "MinMaxScaler(feature_range=tuple(" + pythonLiteral(s.value("feature_range", nlohmann::json{0, 1})) + "))";
    } else if (method == "robust") {
        estimator = "RobustScaler(with_centering=" + flag(withMean) + ", with_scaling=" + flag(withStd) +
                    ", quantile_range=tuple(" + pythonLiteral(s.value("quantile_range", nlohmann::json{25.0, 75.0})) + "))";
    } else {
        estimator = "MaxAbsScaler()";
    }
    b.sentence = "scale " + b.columnsText("numeric") + " with " + estimator.substr(0, estimator.find('('));
    b.code(fitTransform(b.columns("numeric"), estimator, b.fitMask()));
}

void emitTransform(StepBlock& b)
{
    const auto& s = b.step;
    const std::string method = str(s, "method", "log");
    b.sentence = "transform " + b.columnsText("numeric") + " with " + method;
    if (method == "log" || method == "log1p" || method == "sqrt") {
        const std::string bad = method == "log" ? "<= 0" : method == "log1p" ? "<= -1" : "< 0";
        b.code("for c in " + b.columns("numeric") + ":\n"
               "    if (df[c] " + bad + ").any():\n"
               "        sys.exit(f\"step " + std::to_string(b.index + 1) + " (transform): column {c} has a value outside the domain of " + method + "\")\n"
               "    df[c] = np." + method + "(df[c].astype(float))");
        return;
    }
    std::string estimator;
    if (method == "yeo_johnson" || method == "box_cox")
        estimator = "PowerTransformer(method=\"" + std::string(method == "box_cox" ? "box-cox" : "yeo-johnson") +
                    "\", standardize=" + flag(s.value("standardize", true)) + ")";
    else
        estimator = "QuantileTransformer(n_quantiles=" + std::to_string(s.value("n_quantiles", 1000)) +
                    ", output_distribution=\"" + (method == "quantile_normal" ? "normal" : "uniform") +
                    "\", subsample=10**9)  # all rows, no subsampling";
    b.code(fitTransform(b.columns("numeric"), estimator, b.fitMask()));
}

void emitDiscretize(StepBlock& b)
{
    const auto& s = b.step;
    const std::string strategy = str(s, "strategy", "quantile");
    const int bins = s.value("n_bins", 5);
    b.sentence = "discretize " + b.columnsText("numeric") + " into " + std::to_string(bins) + " " + strategy + " bins";
    b.code("fit = " + b.fitMask() + "\n"
           "for c in " + b.columns("numeric") + ":\n"
           "    # KBinsDiscretizer refuses missing values: fit and transform the present ones.\n"
           "    present = df[c].notna().to_numpy()\n"
           "    x = df.loc[fit & present, [c]].astype(float).to_numpy()\n"
           "    if len(x) == 0:\n"
           "        continue\n"
           "    kbins = KBinsDiscretizer(n_bins=" + std::to_string(bins) + ", encode=\"ordinal\", strategy=" +
           pythonString(strategy) + ")\n"
           "    with warnings.catch_warnings():\n"
           "        warnings.simplefilter(\"ignore\")\n"
           "        kbins.fit(x)\n"
           "    out = pd.Series(pd.NA, index=df.index, dtype=\"Int64\")\n"
           "    out[present] = kbins.transform(df.loc[present, [c]].astype(float).to_numpy())[:, 0].astype(int)\n"
           "    df[c] = out");
}

void emitOneHot(StepBlock& b)
{
    const auto& s = b.step;
    const std::string drop = str(s, "drop", "none");
    b.sentence = "one-hot encode " + b.columnsText("categorical") + " (OneHotEncoder, drop " + drop + ")";
    b.code("fit = " + b.fitMask() + "\n"
           "for c in " + b.columns("categorical") + ":\n"
           "    values = df[[c]].astype(object).where(df[[c]].notna(), np.nan)\n"
           "    encoder = OneHotEncoder(drop=" + (drop == "none" ? "None" : pythonString(drop)) +
           ", sparse_output=False, handle_unknown=\"ignore\", dtype=int)\n"
           "    with warnings.catch_warnings():\n"
           "        warnings.simplefilter(\"ignore\")\n"
           "        encoder.fit(values[fit])\n"
           "        encoded = encoder.transform(values)\n"
           "    kept = [k for k, v in enumerate(encoder.categories_[0])\n"
           "            if encoder.drop_idx_ is None or encoder.drop_idx_[0] is None or k != encoder.drop_idx_[0]]\n"
           "    names = [c + \"_\" + (\"nan\" if pd.isna(v) else canonical_text(v)) for v in encoder.categories_[0][kept]]\n"
           "    new = pd.DataFrame(encoded, columns=names)\n"
           "    at = df.columns.get_loc(c)\n"
           "    df = insert_columns(df.drop(columns=[c]), at, new)");
}

void emitOrdinal(StepBlock& b)
{
    const auto& s = b.step;
    b.sentence = "encode " + b.columnsText("categorical") + " as category positions (OrdinalEncoder)";
    std::string given = "{}";
    if (s.contains("categories")) {
        const auto& c = s["categories"];
        given = c.is_array() ? "{" + (s.contains("columns") ? pythonString(s["columns"][0].get<std::string>()) : "None") +
                                   ": " + pythonLiteral(c) + "}"
                             : pythonLiteral(c);
    }
    b.code("fit = " + b.fitMask() + "\n"
           "given = " + given + "\n"
           "for c in " + b.columns("categorical") + ":\n"
           "    values = df[[c]].astype(object).where(df[[c]].notna(), np.nan)\n"
           "    categories = [given[c]] if c in given else \"auto\"\n"
           "    encoder = OrdinalEncoder(categories=categories, handle_unknown=\"use_encoded_value\", unknown_value=np.nan,\n"
           "                             encoded_missing_value=np.nan)\n"
           "    encoder.fit(values[fit])\n"
           "    df[c] = pd.Series(encoder.transform(values)[:, 0]).astype(\"Int64\")");
}

void emitFrequency(StepBlock& b)
{
    b.sentence = "replace each value of " + b.columnsText("categorical") + " by its count in the fit rows";
    b.code("fit = " + b.fitMask() + "\n"
           "for c in " + b.columns("categorical") + ":\n"
           "    counts = df.loc[fit, c].value_counts()\n"
           "    df[c] = df[c].map(lambda v: pd.NA if pd.isna(v) else int(counts.get(v, 0))).astype(\"Int64\")");
}

void emitTargetEncode(StepBlock& b)
{
    const auto& s = b.step;
    const std::string m = pythonLiteral(s.value("smoothing", nlohmann::json(1.0)));
    b.sentence = "replace each category of " + b.columnsText("categorical") + " by the smoothed mean of the target (m-estimate, m = " +
                 s.value("smoothing", nlohmann::json(1.0)).dump() + ")";
    std::string positive = s.contains("positive") ? pythonLiteral(s["positive"]) : "None";
    b.code("fit = " + b.fitMask() + "\n"
           "y = target_as_number(df[TARGET], " + positive + ")\n"
           "fit = fit & y.notna().to_numpy()\n"
           "ybar = y[fit].mean()\n"
           "for c in " + b.columns("categorical") + ":\n"
           "    stats = pd.DataFrame({\"c\": df.loc[fit, c], \"y\": y[fit]}).dropna().groupby(\"c\")[\"y\"].agg([\"sum\", \"count\"])\n"
           "    enc = (stats[\"sum\"] + " + m + " * ybar) / (stats[\"count\"] + " + m + ")\n"
           "    df[c] = df[c].map(lambda v: np.nan if pd.isna(v) else float(enc.get(v, ybar)))");
}

void emitPolynomial(StepBlock& b)
{
    const auto& s = b.step;
    const int degree = s.value("degree", 2);
    b.sentence = "add the degree-" + std::to_string(degree) + " terms of " + b.columnsText("numeric") + " (PolynomialFeatures)";
    b.code("cols = " + b.columns("numeric") + "\n"
           "poly = PolynomialFeatures(degree=" + std::to_string(degree) + ", interaction_only=" +
           flag(s.value("interaction_only", false)) + ", include_bias=False)\n"
           "x = df[cols].astype(float)\n"
           "terms = poly.fit_transform(x.fillna(0).to_numpy())\n"
           "for k, powers in enumerate(poly.powers_):\n"
           "    if powers.sum() < 2:\n"
           "        continue  # the degree-1 terms are the inputs, kept as they are\n"
           "    name = \"*\".join(c if p == 1 else f\"{c}^{p}\" for c, p in zip(cols, powers) if p > 0)\n"
           "    factors = [c for c, p in zip(cols, powers) if p > 0]\n"
           "    df[name] = np.where(x[factors].isna().any(axis=1), np.nan, terms[:, k])");
}

} // namespace

bool isFittedOp(const std::string& op)
{
    return op == "impute" || op == "clip_outliers" || op == "scale" || op == "transform" || op == "discretize" ||
           op == "one_hot" || op == "ordinal" || op == "frequency" || op == "target_encode" || op == "polynomial" ||
           op == "resample";
}

Result<void> emitFitted(StepBlock& b)
{
    if (b.op == "impute")
        emitImpute(b);
    else if (b.op == "clip_outliers")
        emitClip(b);
    else if (b.op == "scale")
        emitScale(b);
    else if (b.op == "transform")
        emitTransform(b);
    else if (b.op == "discretize")
        emitDiscretize(b);
    else if (b.op == "one_hot")
        emitOneHot(b);
    else if (b.op == "ordinal")
        emitOrdinal(b);
    else if (b.op == "frequency")
        emitFrequency(b);
    else if (b.op == "target_encode")
        emitTargetEncode(b);
    else if (b.op == "polynomial")
        emitPolynomial(b);
    else if (b.op == "resample")
        emitResample(b);
    else
        return b.error("op", "\"" + b.op + "\" cannot be exported to Python yet (its seeded sampling is PrepLab's own)");
    return {};
}

} // namespace preplab::exporting
