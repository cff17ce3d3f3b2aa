#!/usr/bin/python3
"""Reference rows for PrepLab's `resample` op (tests/core/test_resample_reference.cpp).

imbalanced-learn is not packaged by Debian, so its samplers are re-implemented below line by line
from its source (imblearn 0.10, cited per function), on numpy's legacy RandomState and
scikit-learn's NearestNeighbors exactly as imblearn calls them. Run with Debian's interpreter
(numpy 1.24, scikit-learn 1.2.1, pandas 1.5):
    /usr/bin/python3 tests/tools/gen_resample_reference.py
It writes tests/data/resample/<dataset>.json (and the small tie tables iris_*.csv). Each case names
the recipe steps (an optional `split`, then `resample`) and the rows imblearn picks, as positions
of the table's rows: appended rows in order (random_over), the kept rows sorted (random_under), the
synthetic rows' base/neighbour rows, step and feature values (smote).
"""
import json
import os
import sys
from collections import OrderedDict
from numbers import Real

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.neighbors import NearestNeighbors
from sklearn.utils import check_random_state

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "datasets")
OUT = os.path.join(ROOT, "tests", "data", "resample")


# ---- imblearn/utils/_validation.py ------------------------------------------------------------
def _count_class_sample(y):
    """_count_class_sample: np.unique order, so max/min below pick the first class in label order."""
    unique, counts = np.unique(y, return_counts=True)
    return dict(zip(unique, counts))


def _sampling_strategy_not_majority(y, sampling_type):
    target_stats = _count_class_sample(y)
    assert sampling_type == "over-sampling"
    n_sample_majority = max(target_stats.values())
    class_majority = max(target_stats, key=target_stats.get)
    return {key: n_sample_majority - value for (key, value) in target_stats.items() if key != class_majority}


def _sampling_strategy_not_minority(y, sampling_type):
    target_stats = _count_class_sample(y)
    assert sampling_type == "under-sampling"
    n_sample_minority = min(target_stats.values())
    class_minority = min(target_stats, key=target_stats.get)
    return {key: n_sample_minority for key in target_stats.keys() if key != class_minority}


def _sampling_strategy_auto(y, sampling_type):
    if sampling_type == "over-sampling":
        return _sampling_strategy_not_majority(y, sampling_type)
    return _sampling_strategy_not_minority(y, sampling_type)


def _sampling_strategy_float(sampling_strategy, y, sampling_type):
    assert len(np.unique(y)) == 2, "a float sampling_strategy needs a binary target"
    target_stats = _count_class_sample(y)
    if sampling_type == "over-sampling":
        n_sample_majority = max(target_stats.values())
        class_majority = max(target_stats, key=target_stats.get)
        sampling_strategy_ = {key: int(n_sample_majority * sampling_strategy - value)
                              for (key, value) in target_stats.items() if key != class_majority}
        if any([n_samples <= 0 for n_samples in sampling_strategy_.values()]):
            raise ValueError("The specified ratio required to remove samples from the minority class")
    else:
        n_sample_minority = min(target_stats.values())
        class_minority = min(target_stats, key=target_stats.get)
        sampling_strategy_ = {key: int(n_sample_minority / sampling_strategy)
                              for (key, value) in target_stats.items() if key != class_minority}
        if any([n_samples > target_stats[target] for target, n_samples in sampling_strategy_.items()]):
            raise ValueError("The specified ratio required to generate new sample in the majority class")
    return sampling_strategy_


def check_sampling_strategy(sampling_strategy, y, sampling_type):
    """check_sampling_strategy: an OrderedDict sorted by class label."""
    if np.unique(y).size <= 1:
        raise ValueError("The target 'y' needs to have more than 1 class.")
    if isinstance(sampling_strategy, str):
        assert sampling_strategy == "auto"
        return OrderedDict(sorted(_sampling_strategy_auto(y, sampling_type).items()))
    assert isinstance(sampling_strategy, Real) and 0 < sampling_strategy <= 1
    return OrderedDict(sorted(_sampling_strategy_float(sampling_strategy, y, sampling_type).items()))


# ---- imblearn/over_sampling/_random_over_sampler.py: RandomOverSampler._fit_resample ----------
def random_over_sampler(y, sampling_strategy, seed):
    """The appended rows (sample_indices_[len(y):]); shrinkage=None."""
    sampling_strategy_ = check_sampling_strategy(sampling_strategy, y, "over-sampling")
    random_state = check_random_state(seed)
    sample_indices = range(y.shape[0])
    for class_sample, num_samples in sampling_strategy_.items():
        target_class_indices = np.flatnonzero(y == class_sample)
        bootstrap_indices = random_state.choice(target_class_indices, size=num_samples, replace=True)
        sample_indices = np.append(sample_indices, bootstrap_indices)
    return [int(i) for i in np.asarray(sample_indices)[y.shape[0]:]]


# ---- imblearn/under_sampling/_prototype_selection/_random_under_sampler.py ---------------------
def random_under_sampler(y, sampling_strategy, seed):
    """RandomUnderSampler._fit_resample (replacement=False): sample_indices_, sorted."""
    sampling_strategy_ = check_sampling_strategy(sampling_strategy, y, "under-sampling")
    random_state = check_random_state(seed)
    idx_under = []
    for target_class in np.unique(y):
        target_class_indices = np.flatnonzero(y == target_class)
        if target_class in sampling_strategy_.keys():
            n_samples = sampling_strategy_[target_class]
            index_target_class = random_state.choice(target_class_indices.size, size=n_samples, replace=False)
        else:
            index_target_class = slice(None)
        idx_under.append(target_class_indices[index_target_class])
    sample_indices_ = np.hstack(idx_under)
    sample_indices_.sort()
    return [int(i) for i in sample_indices_]


# ---- imblearn/over_sampling/_smote/base.py: SMOTE._fit_resample, BaseSMOTE._make_samples --------
def _make_samples(X, nn_data, nn_num, n_samples, seed, step_size=1.0):
    random_state = check_random_state(seed)  # afresh for every class
    samples_indices = random_state.randint(low=0, high=nn_num.size, size=n_samples)
    steps = step_size * random_state.uniform(size=n_samples)[:, np.newaxis]
    rows = np.floor_divide(samples_indices, nn_num.shape[1])
    cols = np.mod(samples_indices, nn_num.shape[1])
    # BaseSMOTE._generate_samples
    diffs = nn_data[nn_num[rows, cols]] - X[rows]
    X_new = (X[rows] + steps * diffs).astype(X.dtype)
    return X_new, rows, nn_num[rows, cols], steps[:, 0]


def smote(X, y, sampling_strategy, seed, k_neighbors):
    sampling_strategy_ = check_sampling_strategy(sampling_strategy, y, "over-sampling")
    nn_k_ = NearestNeighbors(n_neighbors=k_neighbors + 1)  # check_neighbors_object(additional_neighbor=1)
    out = []
    for class_sample, n_samples in sampling_strategy_.items():
        if n_samples == 0:
            continue
        target_class_indices = np.flatnonzero(y == class_sample)
        X_class = X[target_class_indices]
        nn_k_.fit(X_class)
        nns = nn_k_.kneighbors(X_class, return_distance=False)[:, 1:]
        check_neighbour_order(X_class, nns, k_neighbors)
        X_new, base, neighbour, steps = _make_samples(X_class, X_class, nns, n_samples, seed)
        for m in range(n_samples):
            out.append({"base": int(target_class_indices[base[m]]), "neighbour": int(target_class_indices[neighbour[m]]),
                        "u": float(steps[m]), "values": [float(v) for v in X_new[m]]})
    return out


def check_neighbour_order(X_class, nns, k):
    """PrepLab orders equal distances by row; make sure sklearn's neighbours here are that order."""
    d = ((X_class[:, None, :] - X_class[None, :, :]) ** 2).sum(axis=2)
    order = np.lexsort((np.broadcast_to(np.arange(len(X_class)), d.shape), d), axis=1)[:, 1:k + 1]
    if not np.array_equal(order, nns):
        raise SystemExit("neighbour order differs from (distance, row) order: pick data without ties")


# ---- cases ---------------------------------------------------------------------------------------
def load(path):
    df = pd.read_csv(path, na_values=["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?"],
                     keep_default_na=False)
    return df


def numeric_features(df, target):
    return [c for c in df.columns if c != target and pd.api.types.is_numeric_dtype(df[c]) and df[c].dtype != bool]


def case(df, target, method, seed, strategy="auto", k=5, split=None):
    n = len(df)
    fit = np.arange(n)
    step = {"op": "resample", "method": method, "sampling_strategy": strategy, "seed": seed}
    if method == "smote":
        step["k_neighbors"] = k
    c = {"name": f"{method} {strategy} seed {seed}" + (f" k {k}" if method == "smote" else ""),
         "target": target, "step": step, "split": None}
    if split is not None:
        test_size, split_seed = split
        _, test = train_test_split(np.arange(n), test_size=test_size, random_state=split_seed,
                                   stratify=df[target].to_numpy())
        fit = np.setdiff1d(np.arange(n), test)
        c["split"] = {"op": "split", "test_size": test_size, "seed": split_seed, "stratify": True}
        c["name"] += f" after split seed {split_seed}"
    y = df[target].to_numpy()[fit]
    if method == "random_over":
        c["appended_rows"] = [int(fit[i]) for i in random_over_sampler(y, strategy, seed)]
    elif method == "random_under":
        kept = [int(fit[i]) for i in random_under_sampler(y, strategy, seed)]
        c["kept_rows"] = sorted(kept + [int(r) for r in np.setdiff1d(np.arange(n), fit)])
    else:
        features = numeric_features(df, target)
        X = df[features].to_numpy(dtype=float)[fit]
        synthetic = smote(X, y, strategy, seed, k)
        for s in synthetic:
            s["base"], s["neighbour"] = int(fit[s["base"]]), int(fit[s["neighbour"]])
        c["features"] = features
        c["synthetic"] = synthetic
    return c


def write(name, data_path, cases):
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({"generator": "tests/tools/gen_resample_reference.py", "data": data_path, "cases": cases}, f)
        f.write("\n")


def subset(file, rows, name):
    """A small table of `file`'s rows, written to tests/data/resample/ for class-count ties."""
    df = pd.read_csv(os.path.join(SHARED, file)).iloc[rows].reset_index(drop=True)
    df.to_csv(os.path.join(OUT, name), index=False)
    return load(os.path.join(OUT, name))


def numpy_draws():
    """numpy's own legacy draws that the samplers use: randint(0, high, size), then uniform(size)."""
    draws = []
    for seed, high in ((0, 10), (7, 1), (42, 1000), (3, 70000), (4294967295, 2 ** 31 + 5)):
        rs = np.random.RandomState(seed)
        draws.append({"seed": seed, "high": high, "randint": [int(v) for v in rs.randint(0, high, size=8)],
                      "uniform": [float(v) for v in rs.uniform(size=4)]})
    return draws


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "numpy_draws.json"), "w") as f:
        json.dump({"generator": "tests/tools/gen_resample_reference.py", "draws": numpy_draws()}, f)
        f.write("\n")
    adult = load(os.path.join(SHARED, "adult.csv"))
    write("adult", "datasets/adult.csv", [
        case(adult, "income", "random_over", 42),
        case(adult, "income", "random_under", 0),
        case(adult, "income", "random_under", 7, 0.6),
        case(adult, "income", "random_over", 7, split=(0.25, 3)),
    ])
    german = load(os.path.join(SHARED, "german_credit.csv"))
    write("german_credit", "datasets/german_credit.csv", [
        *(case(german, "credit_risk", m, s) for m in ("random_over", "random_under") for s in (0, 7, 42)),
        case(german, "credit_risk", "random_over", 7, 0.8),
        case(german, "credit_risk", "random_under", 42, 0.5),
        case(german, "credit_risk", "random_under", 0, split=(0.3, 11)),
        case(german, "credit_risk", "smote", 42),
    ])
    cancer = load(os.path.join(SHARED, "breast_cancer_wisconsin.csv"))
    write("breast_cancer_wisconsin", "datasets/breast_cancer_wisconsin.csv", [
        *(case(cancer, "diagnosis", "smote", s) for s in (0, 7, 42)),
        case(cancer, "diagnosis", "smote", 7, k=3),
        case(cancer, "diagnosis", "smote", 0, 0.9),
        case(cancer, "diagnosis", "smote", 42, split=(0.25, 5)),
        case(cancer, "diagnosis", "random_over", 7),
        case(cancer, "diagnosis", "random_under", 7),
    ])
    penguins = load(os.path.join(SHARED, "penguins.csv"))
    write("penguins", "datasets/penguins.csv", [
        *(case(penguins, "species", m, s) for m in ("random_over", "random_under") for s in (0, 7, 42)),
        case(penguins, "species", "random_under", 42, split=(0.25, 0)),
        case(penguins, "species", "random_over", 0, split=(0.25, 7)),
    ])
    wine = load(os.path.join(SHARED, "wine.csv"))
    write("wine", "datasets/wine.csv", [
        *(case(wine, "cultivar", "smote", s) for s in (0, 42)),
        case(wine, "cultivar", "smote", 7, k=4, split=(0.3, 2)),
    ])
    # Tied class counts: 20 setosa, 20 versicolor, 40 virginica (two minorities: versicolor is
    # under-sampled to its own 20 rows, drawing a permutation before virginica's) and 40, 40, 20
    # (two majorities: versicolor gets 0 new rows).
    low = subset("iris.csv", list(range(0, 20)) + list(range(50, 70)) + list(range(100, 140)), "iris_tied_minority.csv")
    high = subset("iris.csv", list(range(0, 40)) + list(range(50, 90)) + list(range(100, 120)), "iris_tied_majority.csv")
    write("iris_tied_minority", "resample/iris_tied_minority.csv",
          [case(low, "species", "random_under", s) for s in (0, 7, 42)])
    write("iris_tied_majority", "resample/iris_tied_majority.csv",
          [case(high, "species", m, s) for m in ("random_over", "random_under") for s in (0, 42)] +
          [case(high, "species", "smote", 7, k=3)])


if __name__ == "__main__":
    sys.exit(main())
