#!/usr/bin/python3
"""Reference rows for PrepLab's seeded `split` and `sample` (tests/core/test_shuffle_split.cpp).

Run with Debian's interpreter (scikit-learn 1.2.1, pandas 1.5, numpy's legacy RandomState):
    /usr/bin/python3 tests/tools/gen_split_reference.py > tests/data/split/reference.json
Each case records the 0-based row positions scikit-learn's train_test_split puts in the test
part (or pandas' DataFrame.sample keeps), sorted; PrepLab must pick exactly these rows.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "datasets")


def stratify_labels(series):
    """The target as PrepLab classes it: missing values are one more class, sorted last."""
    if series.isna().any():
        codes = pd.Series(pd.factorize(series, sort=True)[0])
        return codes.where(codes >= 0, codes.max() + 1).to_numpy()
    return series.to_numpy()


def split_case(name, data, n, test_size, seed, target=None):
    labels = None if target is None else stratify_labels(data[target])
    _, test = train_test_split(np.arange(n), test_size=test_size, random_state=seed, stratify=labels)
    return {"name": name, "kind": "split", "data": data.attrs["file"], "target": target,
            "test_size": test_size, "seed": seed, "test_rows": sorted(int(i) for i in test)}


def sample_case(name, data, seed, n=None, frac=None):
    kept = data.sample(n=n, frac=frac, random_state=seed).index
    return {"name": name, "kind": "sample", "data": data.attrs["file"], "n": n, "fraction": frac, "seed": seed,
            "kept_rows": sorted(int(i) for i in kept)}


def synthetic_ties():
    """tests/data/split/ties.csv: 30 rows, `label` a/b/c ten rows each, interleaved; `k` 9/10/100."""
    path = os.path.join(ROOT, "tests", "data", "split", "ties.csv")
    df = pd.DataFrame({"label": ["abc"[i % 3] for i in range(30)],
                       "k": [(9, 10, 100)[(i * 7) % 3] if i >= 6 else 10 for i in range(30)],
                       "x": [round(0.5 * i * i - 3 * i, 2) for i in range(30)]})
    df.to_csv(path, index=False)
    df = pd.read_csv(path)
    df.attrs["file"] = "ties.csv"
    return df


def load(file):
    df = pd.read_csv(os.path.join(SHARED, file))
    df.attrs["file"] = file
    return df


def main():
    penguins = load("penguins.csv")
    adult = load("adult.csv") if os.path.exists(os.path.join(SHARED, "adult.csv")) else None
    cases = []
    n = len(penguins)
    for seed in (0, 7, 42, 4294967295):
        cases.append(split_case(f"penguins species stratified seed {seed}", penguins, n, 0.25, seed, "species"))
        cases.append(split_case(f"penguins not stratified seed {seed}", penguins, n, 0.25, seed))
    cases.append(split_case("penguins island stratified, test_size 0.3", penguins, n, 0.3, 3, "island"))
    cases.append(split_case("penguins species stratified, 50 test rows", penguins, n, 50, 11, "species"))
    # sex has missing values: PrepLab stratifies with missing as one more class.
    cases.append(split_case("penguins sex (with missing) stratified", penguins, n, 0.2, 5, "sex"))
    # An integer target: classes ranked numerically (np.unique), not as text ("10" < "9").
    cases.append(split_case("penguins integer target stratified", penguins, n, 0.25, 1, "year"))
    # Equal class sizes: the remainders tie and scikit-learn draws which classes get the extra rows;
    # k's classes 9 < 10 < 100 rank differently as numbers and as text.
    ties = synthetic_ties()
    for seed in (0, 1, 2):
        cases.append(split_case(f"tied remainders seed {seed}", ties, len(ties), 0.25, seed, "label"))
    cases.append(split_case("integer classes ranked as numbers", ties, len(ties), 0.3, 4, "k"))
    if adult is not None:
        cases.append(split_case("adult income stratified", adult, len(adult), 0.25, 0, "income"))
    for seed in (0, 9):
        cases.append(sample_case(f"penguins sample 40 rows seed {seed}", penguins, seed, n=40))
    cases.append(sample_case("penguins sample half", penguins, 123, frac=0.5))
    json.dump({"generator": "tests/tools/gen_split_reference.py",
               "sklearn": __import__("sklearn").__version__, "pandas": pd.__version__,
               "cases": cases}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
