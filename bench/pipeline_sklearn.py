#!/usr/bin/python3
"""pandas / scikit-learn counterpart of bench_pipeline: the same steps on the same table.

usage: /usr/bin/python3 bench/pipeline_sklearn.py FILE.csv [REPEAT]
Prints one line per measurement:  sklearn <name> <best_ms> <median_ms>
Loading the CSV is not timed. Each step produces the whole new DataFrame (a copy with the changed
columns), as PrepLab's steps produce a new table: imputers and scalers are scikit-learn's
(SimpleImputer, StandardScaler: fit on all rows, transform), clipping and one-hot are pandas
(quantile + clip, get_dummies), the formula is DataFrame.eval.
"""
import statistics
import sys
import time

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

NUMERIC = ["id", "age", "visits", "income", "score", "ratio", "temp"]
WITH_MISSING = ["income", "score", "ratio", "temp"]


def impute(df, strategy):
    out = df.copy(deep=False)
    out[WITH_MISSING] = SimpleImputer(strategy=strategy).fit_transform(df[WITH_MISSING])
    return out


def scale(df):
    out = df.copy(deep=False)
    out[NUMERIC] = StandardScaler().fit_transform(df[NUMERIC])
    return out


def clip(df, method="iqr"):
    out = df.copy(deep=False)
    for c in WITH_MISSING:
        x = df[c]
        if method == "iqr":
            q1, q3 = np.nanpercentile(x.to_numpy(), [25, 75])
            lo, hi = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
        else:
            m, s = x.mean(), x.std(ddof=0)
            lo, hi = m - 3 * s, m + 3 * s
        out[c] = x.clip(lo, hi)
    return out


def one_hot(df, columns=("city", "color")):
    return pd.get_dummies(df, columns=list(columns), dtype=np.uint8)


def formula(df):
    out = df.copy(deep=False)
    out["income_per_visit"] = df.eval("income / (visits + 1)")
    return out


def recipe(df):
    df = impute(df, "mean")
    df = scale(df)
    df = one_hot(df, ["city"])
    df = one_hot(df, ["color"])
    df = clip(df, "zscore")
    return formula(df)


STEPS = [
    ("impute_mean", lambda df: impute(df, "mean")),
    ("impute_median", lambda df: impute(df, "median")),
    ("scale_standard", scale),
    ("clip_iqr", clip),
    ("one_hot", one_hot),
    ("one_hot_city", lambda df: one_hot(df, ["city"])),
    ("one_hot_color", lambda df: one_hot(df, ["color"])),
    ("formula", formula),
    ("recipe_6_steps", recipe),
]


def main():
    path = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    df = pd.read_csv(path)
    df["city"] = df["city"].astype("category")
    df["color"] = df["color"].astype("category")
    for name, fn in STEPS:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn(df)
            times.append((time.perf_counter() - start) * 1000)
        print(f"sklearn {name} {min(times):.1f} {statistics.median(times):.1f}", flush=True)


if __name__ == "__main__":
    main()
