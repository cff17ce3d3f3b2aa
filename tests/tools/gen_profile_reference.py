#!/usr/bin/python3
"""Reference figures for PrepLab's profile, computed by pandas (Debian's pandas 1.5 / numpy 1.24).

Run with /usr/bin/python3 (the python3 first on PATH may lack pandas):
    /usr/bin/python3 tests/tools/gen_profile_reference.py [DATASETS_DIR] [OUT_DIR]
Defaults: ../shared/datasets beside the checkout, tests/data/profile. Writes OUT_DIR/<dataset>.json
for every CSV, used by tests/core/test_profile_reference.cpp (tests never run Python).

Per column: count, missing, mean, std, min, 25%, 50%, 75%, max (Series.describe()), skew
(Series.skew()), nunique, zeros ((s == 0).sum()), top values (value_counts(), ordered by count
descending then value ascending, first 10) and a numpy histogram (bins="auto", at most 50).
Per table: rows, duplicated().sum() and DataFrame.corr() (pairwise-complete Pearson) over the
integer, float and boolean columns.

pandas reads ISO dates and yes/no words as text; PrepLab's reader types them as datetime and
boolean. To describe the same values, such object columns are converted first, following
core/io/type_inference.h: all present values boolean words (true/false, yes/no, t/f, y/n, with
1/0 only beside another spelling) -> 0/1; all present values ISO-8601 dates -> milliseconds since
the epoch (UTC). "kind" records what each column became.
"""
import json
import math
import os
import re
import sys

import numpy as np
import pandas as pd

NA_VALUES = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?"]
TRUE_WORDS = {"true", "yes", "t", "y", "1"}
FALSE_WORDS = {"false", "no", "f", "n", "0"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
TOP = 10
MAX_BINS = 50


def number(v):
    v = float(v)
    return None if math.isnan(v) or math.isinf(v) else v


def convert(series):
    """(kind, series): kind is number, boolean, datetime or string."""
    if pd.api.types.is_bool_dtype(series):
        return "boolean", series.astype("float64")
    if pd.api.types.is_numeric_dtype(series):
        return "number", series.astype("float64")
    present = series.dropna().astype(str).str.strip()
    if len(present) == 0:
        return "string", series
    lower = present.str.lower()
    if lower.isin(TRUE_WORDS | FALSE_WORDS).all() and not lower.isin({"1", "0"}).all():
        return "boolean", series.map(
            lambda v: np.nan if pd.isna(v) else (1.0 if str(v).strip().lower() in TRUE_WORDS else 0.0))
    if present.map(lambda s: bool(ISO_DATE.match(s))).all():
        stamps = pd.to_datetime(series, utc=True)
        ms = stamps.map(lambda t: np.nan if pd.isna(t) else float(t.value // 1_000_000))
        return "datetime", ms.astype("float64")
    return "string", series


def top_values(series, numeric):
    counts = series.value_counts(dropna=True)
    items = [(v, int(c)) for v, c in counts.items()]
    items.sort(key=lambda vc: (-vc[1], float(vc[0]) if numeric else str(vc[0])))
    return [{"value": float(v) if numeric else str(v), "count": c} for v, c in items[:TOP]]


def histogram(values):
    finite = values[np.isfinite(values)]
    if len(finite) == 0:
        return {"edges": [], "counts": []}
    edges = np.histogram_bin_edges(finite, bins="auto")
    bins = min(len(edges) - 1, MAX_BINS)
    counts, edges = np.histogram(finite, bins=bins)
    return {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]}


def describe_column(name, raw):
    kind, s = convert(raw)
    out = {"name": name, "kind": kind, "pandas_dtype": str(raw.dtype),
           "count": int(s.count()), "missing": int(s.isna().sum()), "nunique": int(s.nunique())}
    if kind == "string":
        out["top"] = top_values(s, numeric=False)
        return out
    d = s.describe()
    for key, field in [("mean", "mean"), ("std", "std"), ("min", "min"), ("25%", "q25"), ("50%", "median"),
                       ("75%", "q75"), ("max", "max")]:
        out[field] = number(d[key]) if key in d else None
    out["skew"] = number(s.skew())
    out["zeros"] = int((s == 0).sum())
    out["top"] = top_values(s.dropna(), numeric=True)
    if kind != "boolean":
        out["histogram"] = histogram(s.dropna().to_numpy(dtype="float64"))
    return out


def describe_file(path):
    df = pd.read_csv(path, keep_default_na=False, na_values=NA_VALUES)
    columns = [describe_column(str(c), df[c]) for c in df.columns]
    converted = {}
    for c in df.columns:
        kind, s = convert(df[c])
        if kind in ("number", "boolean"):
            converted[str(c)] = s
    corr = pd.DataFrame(converted).corr(method="pearson") if converted else pd.DataFrame()
    names = list(converted)
    pairs = [{"a": a, "b": b, "r": number(corr.loc[a, b])}
             for i, a in enumerate(names) for b in names[i + 1:]]
    return {"file": os.path.basename(path), "generator": "pandas " + pd.__version__ + ", numpy " + np.__version__,
            "rows": int(len(df)), "duplicate_rows": int(df.duplicated().sum()), "columns": columns,
            "correlations": pairs}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    datasets = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "datasets")
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "tests", "data", "profile")
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(datasets)):
        if not name.endswith(".csv"):
            continue
        doc = describe_file(os.path.join(datasets, name))
        with open(os.path.join(out_dir, name[:-4] + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False, allow_nan=False)
            f.write("\n")
        print(name, doc["rows"], "rows,", len(doc["columns"]), "columns")


if __name__ == "__main__":
    main()
