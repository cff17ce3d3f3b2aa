#!/usr/bin/python3
"""Reference outputs of PrepLab's fitted ops, computed with Debian's scikit-learn 1.2.1 / pandas 1.5.

Run with /usr/bin/python3 (the Debian interpreter that has python3-sklearn):
    /usr/bin/python3 tests/tools/gen_ops_reference.py
Writes tests/data/ops/<case>.json. Each case holds the input columns (so the C++ tests need no CSV
reader), the recipe step, the rows to fit on, the expected output columns and the fitted
parameters. Where scikit-learn has the operation it computes the numbers; clip_outliers,
frequency and target_encode (not in sklearn 1.2.1) use numpy / pandas with the formulas of
/work/shared/reference/semantics-and-bias.md. The C++ tests (tests/core/test_ops_*.cpp) compare
every value; they never need Python.
"""
import json
import math
import os
import sys

import numpy as np
import scipy.special
import pandas as pd
import sklearn
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.preprocessing import (KBinsDiscretizer, MaxAbsScaler, MinMaxScaler, OneHotEncoder,
                                   OrdinalEncoder, PolynomialFeatures, PowerTransformer,
                                   QuantileTransformer, RobustScaler, StandardScaler)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATASETS = os.environ.get("PREPLAB_DATASETS", os.path.join(ROOT, "..", "shared", "datasets"))
if not os.path.isdir(DATASETS):
    DATASETS = "/work/shared/datasets"
OUT = os.path.join(ROOT, "tests", "data", "ops")
VERSIONS = f"scikit-learn {sklearn.__version__}, pandas {pd.__version__}, numpy {np.__version__}"


def load(name, nrows=None):
    na = ["NA", "", "?"]
    df = pd.read_csv(os.path.join(DATASETS, name), na_values=na, keep_default_na=False)
    if nrows is not None:
        df = df.iloc[:nrows].reset_index(drop=True)
    return df


def col_json(s):
    if s.dtype == object:
        return {"type": "categorical", "values": [None if pd.isna(v) else str(v) for v in s]}
    vals = [None if pd.isna(v) else float(v) for v in s]
    present = [v for v in vals if v is not None]
    integral = bool(present) and all(float(v).is_integer() for v in present)
    return {"type": "integer" if integral else "numeric",
            "values": [None if v is None else (int(v) if integral else v) for v in vals]}


def num_list(a):
    return [None if (v is None or (isinstance(v, float) and math.isnan(v))) else float(v) for v in a]


def train_rows(n):
    """The fixed split the tests use for fit-on-train cases: every fourth row is a test row."""
    return [i for i in range(n) if i % 4 != 0]


def write(case, df, step, expected, fitted, fit_rows=None, tolerance=1e-9, note="", target=None):
    payload = {
        "case": case,
        "generated_by": VERSIONS,
        "note": note,
        "inputs": {c: col_json(df[c]) for c in df.columns},
        "input_order": list(df.columns),
        "target": target,
        "fit_rows": fit_rows,
        "step": step,
        "tolerance": tolerance,
        "expected": expected,
        "fitted": fitted,
    }
    with open(os.path.join(OUT, case + ".json"), "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")
    print(f"{case}: {len(df)} rows")


def fit_part(X, fit_rows):
    return X if fit_rows is None else X.iloc[fit_rows]


# ---------------------------------------------------------------------------------- impute
def impute_cases():
    aq = load("airquality.csv")
    num = ["Ozone", "Solar.R", "Wind", "Temp"]
    for strategy in ["mean", "median", "most_frequent"]:
        for split in [False, True]:
            fr = train_rows(len(aq)) if split else None
            imp = SimpleImputer(strategy=strategy).fit(fit_part(aq[num], fr))
            out = imp.transform(aq[num])
            write(f"impute_{strategy}_airquality{'_train' if split else ''}", aq[num + ["Month"]],
                  {"op": "impute", "columns": num, "strategy": strategy},
                  {"columns": {c: num_list(out[:, i]) for i, c in enumerate(num)}},
                  {c: float(imp.statistics_[i]) for i, c in enumerate(num)}, fit_rows=fr)
    imp = SimpleImputer(strategy="constant", fill_value=-1).fit(aq[num])
    out = imp.transform(aq[num])
    write("impute_constant_airquality", aq[num], {"op": "impute", "columns": num, "strategy": "constant", "fill_value": -1},
          {"columns": {c: num_list(out[:, i]) for i, c in enumerate(num)}}, {c: -1.0 for c in num})

    cars = load("cars_auto_mpg.csv")
    cols = ["Miles_per_Gallon", "Horsepower", "Cylinders"]
    imp = SimpleImputer(strategy="most_frequent").fit(cars[cols])
    out = imp.transform(cars[cols])
    write("impute_most_frequent_cars", cars[cols + ["Origin"]], {"op": "impute", "strategy": "most_frequent"},
          {"columns": {c: num_list(out[:, i]) for i, c in enumerate(cols)}},
          {c: float(imp.statistics_[i]) for i, c in enumerate(cols)}, target=None,
          note="columns omitted: every numeric column")

    pg = load("penguins.csv")
    meas = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
    imp = SimpleImputer(strategy="mean", add_indicator=True).fit(pg[meas])
    out = imp.transform(pg[meas])
    ind_names = [f"missingindicator_{meas[i]}" for i in imp.indicator_.features_]
    exp = {c: num_list(out[:, i]) for i, c in enumerate(meas)}
    for k, name in enumerate(ind_names):
        exp[name] = num_list(out[:, len(meas) + k])
    write("impute_mean_indicator_penguins", pg[["species"] + meas],
          {"op": "impute", "columns": meas, "strategy": "mean", "add_indicator": True},
          {"columns": exp, "added": ind_names}, {c: float(imp.statistics_[i]) for i, c in enumerate(meas)})

    for strategy, fill in [("most_frequent", None), ("constant", None), ("constant", "unknown")]:
        kw = {} if fill is None else {"fill_value": fill}
        imp = SimpleImputer(strategy=strategy, **kw).fit(pg[["sex", "island"]].astype(object))
        out = imp.transform(pg[["sex", "island"]].astype(object))
        step = {"op": "impute", "columns": ["sex", "island"], "strategy": strategy}
        step.update(kw)
        name = f"impute_{strategy}{'_' + fill if fill else ''}_penguins_sex"
        write(name, pg[["sex", "island", "species"]], step,
              {"columns": {"sex": [str(v) for v in out[:, 0]], "island": [str(v) for v in out[:, 1]]}},
              {"sex": str(imp.statistics_[0]), "island": str(imp.statistics_[1])})

    ad = load("adult.csv", nrows=1500)
    cats = ["workclass", "occupation", "native_country"]
    imp = SimpleImputer(strategy="most_frequent").fit(ad[cats].astype(object))
    out = imp.transform(ad[cats].astype(object))
    write("impute_most_frequent_adult", ad[cats + ["age"]], {"op": "impute", "columns": cats, "strategy": "most_frequent"},
          {"columns": {c: [str(v) for v in out[:, i]] for i, c in enumerate(cats)}},
          {c: str(imp.statistics_[i]) for i, c in enumerate(cats)})

    for weights in ["uniform", "distance"]:
        for split in [False, True]:
            fr = train_rows(len(aq)) if split else None
            knn = KNNImputer(n_neighbors=5, weights=weights).fit(fit_part(aq[num], fr))
            out = knn.transform(aq[num])
            write(f"impute_knn_{weights}_airquality{'_train' if split else ''}", aq[num],
                  {"op": "impute", "columns": num, "strategy": "knn", "weights": weights},
                  {"columns": {c: num_list(out[:, i]) for i, c in enumerate(num)}}, None, fit_rows=fr)
    knn = KNNImputer(n_neighbors=3).fit(pg[meas])
    out = knn.transform(pg[meas])
    write("impute_knn3_penguins", pg[meas], {"op": "impute", "columns": meas, "strategy": "knn", "n_neighbors": 3},
          {"columns": {c: num_list(out[:, i]) for i, c in enumerate(meas)}}, None,
          note="rows 3 and 271 miss every measurement: no shared coordinate, so the column mean")
    cnum = ["Miles_per_Gallon", "Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration"]
    knn = KNNImputer(n_neighbors=5, weights="distance").fit(cars[cnum])
    out = knn.transform(cars[cnum])
    write("impute_knn_distance_cars", cars[cnum], {"op": "impute", "columns": cnum, "strategy": "knn", "weights": "distance"},
          {"columns": {c: num_list(out[:, i]) for i, c in enumerate(cnum)}}, None)


# ---------------------------------------------------------------------------- clip_outliers
def clip_cases():
    bc = load("breast_cancer_wisconsin.csv")
    cols = ["mean_area", "area_se", "mean_concavity"]
    wine = load("wine.csv")
    for ds_name, df, cs in [("breast_cancer", bc, cols), ("wine", wine, ["magnesium", "proline", "malic_acid"])]:
        for method, params in [("iqr", {}), ("iqr", {"k": 3.0}), ("zscore", {}), ("zscore", {"k": 2.0}),
                               ("percentile", {}), ("percentile", {"lower": 5, "upper": 95})]:
            for action in ["clip", "remove", "missing"]:
                if ds_name == "wine" and action != "clip" and params:
                    continue
                split = ds_name == "wine" and action == "clip" and method == "iqr" and not params
                fr = train_rows(len(df)) if split else None
                fit = fit_part(df[cs], fr)
                bounds = {}
                for c in cs:
                    x = fit[c].dropna().to_numpy()
                    if method == "iqr":
                        k = params.get("k", 1.5)
                        q1, q3 = np.percentile(x, [25, 75])
                        bounds[c] = (q1 - k * (q3 - q1), q3 + k * (q3 - q1))
                    elif method == "zscore":
                        k = params.get("k", 3.0)
                        m, s = x.mean(), x.std(ddof=0)
                        bounds[c] = (m - k * s, m + k * s)
                    else:
                        lo, hi = np.percentile(x, [params.get("lower", 1), params.get("upper", 99)])
                        bounds[c] = (lo, hi)
                out = df[cs].copy()
                keep = np.ones(len(df), dtype=bool)
                for c in cs:
                    lo, hi = bounds[c]
                    if action == "clip":
                        out[c] = out[c].clip(lo, hi)
                    elif action == "missing":
                        out.loc[(out[c] < lo) | (out[c] > hi), c] = np.nan
                    else:
                        keep &= ~((df[c] < lo) | (df[c] > hi)).to_numpy()
                step = {"op": "clip_outliers", "columns": cs, "method": method, "action": action}
                step.update(params)
                suffix = "".join(f"_{k}{v}" for k, v in params.items())
                case = f"clip_{method}{suffix}_{action}_{ds_name}{'_train' if split else ''}"
                if action == "remove":
                    kept = [int(i) for i in np.flatnonzero(keep)]
                    exp = {"columns": {c: num_list(df[c].to_numpy()[keep]) for c in cs}, "kept_rows": kept}
                else:
                    exp = {"columns": {c: num_list(out[c].to_numpy()) for c in cs}}
                write(case, df[cs], step, exp, {c: {"lower": float(b[0]), "upper": float(b[1])} for c, b in bounds.items()},
                      fit_rows=fr)


# ------------------------------------------------------------------------------------ scale
def scale_cases():
    wine = load("wine.csv")
    wnum = [c for c in wine.columns if c != "cultivar"]
    aq = load("airquality.csv")
    anum = ["Ozone", "Solar.R", "Wind", "Temp"]
    specs = [
        ("standard", {}, StandardScaler()),
        ("standard", {"with_mean": False}, StandardScaler(with_mean=False)),
        ("standard", {"with_std": False}, StandardScaler(with_std=False)),
        ("minmax", {}, MinMaxScaler()),
        ("minmax", {"feature_range": [-1, 1]}, MinMaxScaler(feature_range=(-1, 1))),
        ("robust", {}, RobustScaler()),
        ("robust", {"quantile_range": [10, 90]}, RobustScaler(quantile_range=(10, 90))),
        ("robust", {"with_mean": False}, RobustScaler(with_centering=False)),
        ("maxabs", {}, MaxAbsScaler()),
    ]
    for method, params, scaler in specs:
        for ds_name, df, cols, target in [("wine", wine, wnum, "cultivar"), ("airquality", aq, anum, None)]:
            for split in ([False, True] if not params else [False]):
                fr = train_rows(len(df)) if split else None
                sc = sklearn.base.clone(scaler).fit(fit_part(df[cols], fr))
                out = sc.transform(df[cols])
                fitted = {}
                for i, c in enumerate(cols):
                    f = {}
                    for attr in ["mean_", "var_", "scale_", "min_", "data_min_", "data_max_", "center_", "max_abs_"]:
                        v = getattr(sc, attr, None)
                        if v is not None:
                            f[attr.rstrip("_")] = float(v[i])
                    fitted[c] = f
                step = {"op": "scale", "method": method}
                step.update(params)
                suffix = "".join(f"_{k}" for k in params)
                omit = ds_name == "wine"  # wine: columns omitted -> every numeric column, never the target
                if not omit:
                    step["columns"] = cols
                write(f"scale_{method}{suffix}_{ds_name}{'_train' if split else ''}", df, step,
                      {"columns": {c: num_list(out[:, i]) for i, c in enumerate(cols)}}, fitted,
                      fit_rows=fr, target=target)
    const = pd.DataFrame({"c": [0.1] * 6, "z": [0.0] * 6, "x": [1.0, 2, 3, 4, 5, 100]})
    for method, scaler in [("standard", StandardScaler()), ("minmax", MinMaxScaler()), ("robust", RobustScaler()),
                           ("maxabs", MaxAbsScaler())]:
        out = scaler.fit_transform(const)
        write(f"scale_{method}_constant", const, {"op": "scale", "method": method},
              {"columns": {c: num_list(out[:, i]) for i, c in enumerate(const.columns)}}, None,
              note="constant columns: centred (or shifted) but never divided")


# -------------------------------------------------------------------------------- transform
def transform_cases():
    bc = load("breast_cancer_wisconsin.csv")
    bcols = ["mean_area", "area_se", "mean_concavity", "worst_smoothness"]
    for method, fn in [("log", np.log), ("log1p", np.log1p), ("sqrt", np.sqrt)]:
        cs = bcols if method != "log" else ["mean_area", "area_se", "worst_smoothness"]
        write(f"transform_{method}_breast_cancer", bc[cs], {"op": "transform", "columns": cs, "method": method},
              {"columns": {c: num_list(fn(bc[c].to_numpy())) for c in cs}}, None)
    wine = load("wine.csv")
    wnum = [c for c in wine.columns if c != "cultivar"]
    aq = load("airquality.csv")
    anum = ["Ozone", "Solar.R", "Wind", "Temp"]
    cars = load("cars_auto_mpg.csv")
    cnum = ["Miles_per_Gallon", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration"]
    for method in ["yeo-johnson", "box-cox"]:
        for standardize in [True, False]:
            for ds_name, df, cols, target in [("wine", wine, wnum, "cultivar"), ("airquality", aq, anum, None),
                                              ("cars", cars, cnum, None), ("breast_cancer", bc, bcols[:2], None)]:
                if method == "box-cox" and ds_name == "breast_cancer":
                    continue
                for split in ([False, True] if standardize and ds_name == "airquality" else [False]):
                    fr = train_rows(len(df)) if split else None
                    out, pt, lambdas, notes, scaler = power_outputs(df, cols, fr, method, standardize)
                    scaler = scaler or (pt._scaler if standardize else None)
                    fitted = {c: {"lambda": lambdas[i]} for i, c in enumerate(cols)}
                    if standardize:
                        for i, c in enumerate(cols):
                            fitted[c]["mean"] = float(scaler.mean_[i])
                            fitted[c]["scale"] = float(scaler.scale_[i])
                    op_method = method.replace("-", "_")
                    step = {"op": "transform", "method": op_method}
                    if not standardize:
                        step["standardize"] = False
                    if ds_name != "wine":
                        step["columns"] = cols
                    src = df if ds_name == "wine" else df[cols]
                    write(f"transform_{op_method}{'' if standardize else '_raw'}_{ds_name}{'_train' if split else ''}",
                          src, step, {"columns": {c: num_list(out[:, i]) for i, c in enumerate(cols)}}, fitted,
                          fit_rows=fr, tolerance=1e-6, target=target if ds_name == "wine" else None,
                          note=("sklearn's lambda is off the true maximum (SIMD rounding noise on a flat "
                                "likelihood); expected values use the true lambda: " + json.dumps(notes)) if notes else "")
    for dist in ["uniform", "normal"]:
        for nq, ds_name, df, cols in [(1000, "airquality", aq, anum), (10, "airquality", aq, anum),
                                      (1000, "wine", wine, wnum[:5]), (50, "cars", cars, cnum)]:
            for split in ([False, True] if nq == 1000 and ds_name == "airquality" else [False]):
                fr = train_rows(len(df)) if split else None
                qt = QuantileTransformer(n_quantiles=nq, output_distribution=dist, subsample=10**9)
                qt.fit(fit_part(df[cols], fr))
                out = qt.transform(df[cols])
                step = {"op": "transform", "columns": cols, "method": f"quantile_{dist}"}
                if nq != 1000:
                    step["n_quantiles"] = nq
                fitted = {c: {"n_quantiles": int(qt.n_quantiles_), "quantiles": num_list(qt.quantiles_[:, i])}
                          for i, c in enumerate(cols)}
                write(f"transform_quantile_{dist}_n{nq}_{ds_name}{'_train' if split else ''}", df[cols], step,
                      {"columns": {c: num_list(out[:, i]) for i, c in enumerate(cols)}}, fitted, fit_rows=fr)


# Power-transform lambdas: numpy 1.24 evaluates pow/log with SIMD (SVML) routines whose last-bit
# rounding differs from libm, and when the likelihood is flat (nearly constant transformed data)
# that noise moves sklearn's Brent result by more than its 1.48e-8 tolerance. For each column the
# true maximiser is found in extended precision; where sklearn's lambda is off by more than 1e-7
# (relative), the expected outputs are sklearn's transform evaluated at the true lambda, and the
# case records both lambdas.
def _true_lambda(x, method, guess):
    L = np.longdouble
    x = np.asarray(x, dtype=L)
    n = L(len(x))
    pos = x >= 0

    def nll(lam):
        lam = L(lam)
        if method == "box-cox":
            t = np.power(x, lam) / lam if lam != 0 else np.log(x)
            var = ((t - t.mean()) ** 2).mean()
            return -((lam - 1) * np.log(x).sum() - n / 2 * np.log(var))
        t = np.empty_like(x)
        t[pos] = (np.power(x[pos] + 1, lam) - 1) / lam if lam != 0 else np.log1p(x[pos])
        t[~pos] = -(np.power(1 - x[~pos], 2 - lam) - 1) / (2 - lam) if lam != 2 else -np.log1p(-x[~pos])
        var = ((t - t.mean()) ** 2).mean()
        return -(-n / 2 * np.log(var) + (lam - 1) * (np.sign(x) * np.log1p(np.abs(x))).sum())

    width = L(1e-3) * max(L(1), abs(L(guess)))
    a, b = L(guess) - width, L(guess) + width
    g = (np.sqrt(L(5)) - 1) / 2
    for _ in range(120):
        c, e = b - g * (b - a), a + g * (b - a)
        if nll(c) < nll(e):
            b = e
        else:
            a = c
    return float((a + b) / 2)


def power_outputs(df, cols, fr, method, standardize):
    pt = PowerTransformer(method=method, standardize=standardize).fit(fit_part(df[cols], fr))
    lambdas = [float(v) for v in pt.lambdas_]
    notes = {}
    for i, c in enumerate(cols):
        x = fit_part(df[cols], fr)[c].dropna().to_numpy()
        true = _true_lambda(x, method, lambdas[i])
        if abs(true - lambdas[i]) > 1e-7 * max(1.0, abs(true)):
            notes[c] = {"sklearn_lambda": lambdas[i], "true_lambda": true}
            lambdas[i] = true
    if not notes:
        return pt.transform(df[cols]), pt, lambdas, notes, None

    def raw(X):
        out = np.empty(X.shape)
        for i in range(X.shape[1]):
            col = X[:, i].astype(float)
            out[:, i] = pt._yeo_johnson_transform(col, lambdas[i]) if method == "yeo-johnson" else \
                np.where(np.isnan(col), np.nan, scipy.special.boxcox(col, lambdas[i]))
        return out
    out = raw(df[cols].to_numpy())
    scaler = None
    if standardize:
        scaler = StandardScaler().fit(raw(fit_part(df[cols], fr).to_numpy()))
        out = scaler.transform(out)
    return out, pt, lambdas, notes, scaler


# ------------------------------------------------------------------------------- discretize
def discretize_cases():
    wine = load("wine.csv")
    cols = ["alcohol", "malic_acid", "magnesium", "proline", "hue"]
    bc = load("breast_cancer_wisconsin.csv")
    bcols = ["mean_area", "mean_concavity", "area_se"]
    cars = load("cars_auto_mpg.csv")
    ccols = ["Cylinders", "Weight_in_lbs", "Acceleration"]
    for strategy in ["uniform", "quantile", "kmeans"]:
        for n_bins, ds_name, df, cs in [(5, "wine", wine, cols), (3, "wine", wine, cols), (4, "breast_cancer", bc, bcols),
                                        (5, "cars", cars, ccols)]:
            for split in ([False, True] if n_bins == 5 and ds_name == "wine" else [False]):
                fr = train_rows(len(df)) if split else None
                kb = KBinsDiscretizer(n_bins=n_bins, encode="ordinal", strategy=strategy)
                kb.fit(fit_part(df[cs], fr))
                out = kb.transform(df[cs])
                step = {"op": "discretize", "columns": cs, "strategy": strategy}
                if n_bins != 5:
                    step["n_bins"] = n_bins
                fitted = {c: {"edges": [float(e) for e in kb.bin_edges_[i]]} for i, c in enumerate(cs)}
                write(f"discretize_{strategy}_{n_bins}_{ds_name}{'_train' if split else ''}", df[cs], step,
                      {"columns": {c: num_list(out[:, i]) for i, c in enumerate(cs)}}, fitted, fit_rows=fr,
                      note="Cylinders takes 5 values: quantile/kmeans drop bins narrower than 1e-8")


# --------------------------------------------------------------------------------- encoders
def onehot_names(enc, cols):
    return [str(n) for n in enc.get_feature_names_out(cols)]


def encoder_cases():
    pg = load("penguins.csv")
    ad = load("adult.csv", nrows=1500)
    for drop in [None, "first", "if_binary"]:
        for ds_name, df, cols, split in [("penguins", pg, ["island", "sex"], False),
                                         ("penguins", pg, ["island", "sex"], True),
                                         ("adult", ad, ["sex", "race", "workclass"], False)]:
            if split and drop is not None:
                continue
            fr = train_rows(len(df)) if split else None
            enc = OneHotEncoder(drop=drop, sparse_output=False, handle_unknown="ignore" if drop is None else "error")
            X = df[cols].astype(object)
            enc.fit(fit_part(X, fr))
            out = enc.transform(X)
            names = onehot_names(enc, cols)
            step = {"op": "one_hot", "columns": cols}
            if drop:
                step["drop"] = drop
            fitted = {c: [("nan" if (isinstance(v, float) and math.isnan(v)) else str(v)) for v in enc.categories_[i]]
                      for i, c in enumerate(cols)}
            # output order: each encoded column is replaced, in place, by its indicator columns
            df = df[cols + ["age" if ds_name == "adult" else "body_mass_g"]]
            order = []
            for c in df.columns:
                if c in cols:
                    order += [n for n in names if n.startswith(c + "_") and any(
                        n == f"{c}_{v}" for v in fitted[c])]
                else:
                    order.append(c)
            write(f"one_hot_{drop or 'none'}_{ds_name}{'_train' if split else ''}", df, step,
                  {"columns": {n: num_list(out[:, i]) for i, n in enumerate(names)}, "added": names,
                   "column_order": order}, fitted, fit_rows=fr,
                  note="missing is its own category, named <col>_nan and placed last (sklearn 1.2.1)")
    for ds_name, df, cols, cats in [("penguins", pg, ["species", "island", "sex"], None),
                                    ("adult", ad, ["education", "race"], None),
                                    ("penguins_given", pg, ["island"], [["Torgersen", "Dream", "Biscoe"]])]:
        enc = OrdinalEncoder(categories=cats if cats else "auto")
        X = df[cols].astype(object)
        out = enc.fit_transform(X)
        step = {"op": "ordinal", "columns": cols}
        if cats:
            step["categories"] = {cols[0]: cats[0]}
        fitted = {c: [str(v) for v in enc.categories_[i] if not (isinstance(v, float) and math.isnan(v))]
                  for i, c in enumerate(cols)}
        write(f"ordinal_{ds_name}", df[cols], step, {"columns": {c: num_list(out[:, i]) for i, c in enumerate(cols)}},
              fitted, note="missing stays missing")
    for ds_name, df, cols, split in [("adult", ad, ["workclass", "occupation", "race"], False),
                                     ("penguins", pg, ["island", "sex"], True)]:
        fr = train_rows(len(df)) if split else None
        fit = fit_part(df, fr)
        exp, fitted = {}, {}
        for c in cols:
            counts = fit[c].value_counts(dropna=True)
            mapped = df[c].map(counts)
            mapped = mapped.where(df[c].isna(), mapped.fillna(0))
            exp[c] = num_list(mapped.to_numpy(dtype=float))
            fitted[c] = {str(k): int(v) for k, v in counts.items()}
        write(f"frequency_{ds_name}{'_train' if split else ''}", df[cols], {"op": "frequency", "columns": cols},
              {"columns": exp}, fitted, fit_rows=fr,
              note="count of each category in the fit rows; unseen -> 0; missing stays missing")
    # target encoding, m-estimate: (sum_y + m * ybar) / (n_c + m); unseen -> ybar
    for ds_name, df, cols, target, positive, m, split in [
            ("penguins_mass", pg, ["island", "species"], "body_mass_g", None, 1.0, False),
            ("penguins_mass_m10", pg, ["island", "sex"], "body_mass_g", None, 10.0, True),
            ("adult_income", ad, ["race", "workclass", "sex"], "income", ">50K", 1.0, False),
            ("adult_income_m20", ad, ["occupation"], "income", ">50K", 20.0, True)]:
        fr = train_rows(len(df)) if split else None
        fit = fit_part(df, fr)
        fit = fit[fit[target].notna()]
        y = (fit[target] == positive).astype(float) if positive else fit[target].astype(float)
        ybar = y.mean()
        exp, fitted = {}, {}
        for c in cols:
            g = y.groupby(fit[c], dropna=True)
            enc = (g.sum() + m * ybar) / (g.count() + m)
            vals = df[c].map(enc)
            vals = vals.where(df[c].isna(), vals.fillna(ybar))
            exp[c] = num_list(vals.to_numpy(dtype=float))
            fitted[c] = {str(k): float(v) for k, v in enc.items()}
        step = {"op": "target_encode", "columns": cols}
        if m != 1.0:
            step["smoothing"] = m
        if positive:
            step["positive"] = positive
        write(f"target_encode_{ds_name}{'_train' if split else ''}", df[cols + [target]], step, {"columns": exp},
              {"global_mean": float(ybar), "columns": fitted}, fit_rows=fr, target=target,
              note="m-estimate on the fit rows with a present target; unseen -> global mean; missing stays missing")


# ------------------------------------------------------------------------------- polynomial
def poly_name(powers, cols):
    parts = []
    for p, c in zip(powers, cols):
        if p == 1:
            parts.append(c)
        elif p > 1:
            parts.append(f"{c}^{p}")
    return "*".join(parts)


def polynomial_cases():
    wine = load("wine.csv")
    aq = load("airquality.csv")
    for ds_name, df, cols in [("wine", wine, ["alcohol", "hue", "proline"]), ("airquality", aq, ["Ozone", "Wind", "Temp"])]:
        for interaction in [False, True]:
            for degree in [2, 3]:
                if degree == 3 and ds_name == "airquality":
                    continue
                pf = PolynomialFeatures(degree=degree, interaction_only=interaction, include_bias=False)
                X = df[cols].to_numpy(dtype=float)
                out = pf.fit_transform(np.nan_to_num(X, nan=0.0))
                missing_row = np.isnan(X).any(axis=1)
                names, exp = [], {}
                for i, powers in enumerate(pf.powers_):
                    if powers.sum() == 1:
                        continue
                    name = poly_name(powers, cols)
                    names.append(name)
                    involved = [j for j, p in enumerate(powers) if p > 0]
                    col = out[:, i].copy()
                    col[np.isnan(X[:, involved]).any(axis=1)] = np.nan
                    exp[name] = num_list(col)
                step = {"op": "polynomial", "columns": cols}
                if degree != 2:
                    step["degree"] = degree
                if interaction:
                    step["interaction_only"] = True
                write(f"polynomial_d{degree}{'_interaction' if interaction else ''}_{ds_name}", df[cols], step,
                      {"columns": exp, "added": names, "column_order": cols + names}, None,
                      note="sklearn order without the bias and degree-1 columns; a term is missing when one of its factors is")


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".json"):
            os.remove(os.path.join(OUT, f))
    impute_cases()
    clip_cases()
    scale_cases()
    transform_cases()
    discretize_cases()
    encoder_cases()
    polynomial_cases()


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")
    main()
