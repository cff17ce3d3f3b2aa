#!/usr/bin/python3
"""Reference rows for PrepLab's stratified `sample` (tests/core/test_sample_stratified.cpp).

Run with Debian's interpreter (pandas 1.5.3, scikit-learn 1.2.1, numpy's legacy RandomState):
    /usr/bin/python3 tests/tools/gen_sample_reference.py
writes tests/data/sample/stratified.json. Each case records the 0-based source row positions
(sorted) that PrepLab's {"op": "sample", "stratify": true} must keep:
  fraction  pandas' df.groupby(target, sort=True).sample(frac=f, random_state=seed): one
            RandomState for all groups, groups in sorted key order, round(f * group size) rows
            per group (half to even), rows with a missing target never kept (dropna=True);
  n         scikit-learn's train_test_split(df, train_size=n, stratify=labels, random_state=seed)[0],
            labels being the target with missing values as one more class, sorted last (as the
            split op stratifies; scikit-learn itself refuses missing labels).
`half_ties` counts the groups where f * size ends in exactly .5 (round half to even decides).
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "datasets")
OUT = os.path.join(ROOT, "tests", "data", "sample", "stratified.json")

_cache = {}


def load(file):
    if file not in _cache:
        _cache[file] = pd.read_csv(os.path.join(SHARED, file))
    return _cache[file]


def stratify_labels(series):
    """The target as PrepLab classes it: missing values are one more class, sorted last."""
    codes = pd.Series(pd.factorize(series, sort=True)[0])
    return codes.where(codes >= 0, codes.max() + 1).to_numpy()


def fraction_case(file, target, frac, seed):
    df = load(file)
    kept = df.groupby(target, sort=True).sample(frac=frac, random_state=seed).index
    sizes = df.groupby(target, sort=True).size()
    ties = int(sum(1 for s in sizes if (frac * s) % 1 == 0.5))
    return {"name": f"{file} by {target}, fraction {frac}, seed {seed}", "data": file, "target": target,
            "fraction": frac, "n": None, "seed": seed, "half_ties": ties,
            "missing_target_rows": int(df[target].isna().sum()), "kept_rows": sorted(int(i) for i in kept)}


def n_case(file, target, n, seed):
    df = load(file)
    train, _ = train_test_split(df, train_size=n, stratify=stratify_labels(df[target]), random_state=seed)
    return {"name": f"{file} by {target}, n {n}, seed {seed}", "data": file, "target": target,
            "fraction": None, "n": n, "seed": seed, "half_ties": 0,
            "missing_target_rows": int(df[target].isna().sum()), "kept_rows": sorted(int(i) for i in train.index)}


def main():
    cases = [
        fraction_case("adult.csv", "income", 0.1, 0),
        fraction_case("adult.csv", "income", 0.1, 42),
        fraction_case("adult.csv", "race", 0.05, 7),
        fraction_case("adult.csv", "education_num", 0.02, 3),
        fraction_case("penguins.csv", "sex", 0.5, 0),
        fraction_case("penguins.csv", "sex", 0.5, 1),
        fraction_case("penguins.csv", "sex", 1.0, 0),
        fraction_case("penguins.csv", "species", 0.3, 5),
        fraction_case("german_credit.csv", "credit_risk", 0.25, 11),
        fraction_case("german_credit.csv", "purpose", 0.5, 2),
        fraction_case("german_credit.csv", "purpose", 0.25, 9),
        fraction_case("german_credit.csv", "installment_rate_pct", 0.3, 4),
        n_case("adult.csv", "income", 1000, 0),
        n_case("adult.csv", "income", 1000, 13),
        n_case("penguins.csv", "species", 100, 0),
        n_case("penguins.csv", "species", 100, 42),
        n_case("penguins.csv", "sex", 50, 6),
        n_case("german_credit.csv", "purpose", 250, 4),
    ]
    assert sum(c["half_ties"] for c in cases) > 0
    doc = {"generator": "tests/tools/gen_sample_reference.py", "pandas": pd.__version__,
           "sklearn": __import__("sklearn").__version__, "numpy": np.__version__, "cases": cases}
    with open(OUT, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    for c in cases:
        print(f"{c['name']}: {len(c['kept_rows'])} rows, {c['half_ties']} half ties, "
              f"{c['missing_target_rows']} missing")


if __name__ == "__main__":
    main()
