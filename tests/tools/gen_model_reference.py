#!/usr/bin/python3
"""Reference values for PrepLab's quick models and metrics (tests/core/test_model_*.cpp,
tests/core/test_metrics.cpp), computed with scikit-learn.

Run with Debian's Python (pandas 1.5, scikit-learn 1.2.1):
    /usr/bin/python3 tests/tools/gen_model_reference.py [SHARED_DATASETS_DIR]
It writes tests/data/model/*.json; the outputs are committed, so the C++ tests never need Python.

Every dataset file holds the feature matrix the C++ test must use (standardised with
StandardScaler for the classification sets, raw for diabetes), the class codes (sorted class
names, as sklearn's classes_), a fixed stratified split and the reference results.
Logistic regression is fitted with newton-cg at tol=1e-8 so that the reference is the exact
optimum of sklearn's objective (the default lbfgs stops at tol=1e-4); the default-lbfgs
coefficients are stored too, for information.
"""
import json
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "data", "model"))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "datasets"))
HEADER = {"generator": "tests/tools/gen_model_reference.py", "sklearn": sklearn.__version__, "numpy": np.__version__}


def lst(a):
    """JSON-safe nested lists (inf -> "inf")."""
    a = np.asarray(a)
    if a.dtype.kind in "iub":
        return a.astype(int).tolist()
    out = a.astype(float).tolist()

    def fix(v):
        if isinstance(v, list):
            return [fix(x) for x in v]
        return "inf" if v == math.inf else ("-inf" if v == -math.inf else v)

    return fix(out)


def write(name, obj):
    obj = dict(HEADER, **obj)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", name)


def classification_metrics(y, proba, positive):
    pred = proba.argmax(axis=1)
    m = {
        "accuracy": metrics.accuracy_score(y, pred),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, pred),
        "precision_macro": metrics.precision_score(y, pred, average="macro"),
        "recall_macro": metrics.recall_score(y, pred, average="macro"),
        "f1_macro": metrics.f1_score(y, pred, average="macro"),
        "precision_weighted": metrics.precision_score(y, pred, average="weighted"),
        "recall_weighted": metrics.recall_score(y, pred, average="weighted"),
        "f1_weighted": metrics.f1_score(y, pred, average="weighted"),
        "precision_micro": metrics.precision_score(y, pred, average="micro"),
        "log_loss": metrics.log_loss(y, proba, labels=list(range(proba.shape[1]))),
        "confusion_matrix": lst(metrics.confusion_matrix(y, pred, labels=list(range(proba.shape[1])))),
    }
    if positive is not None:
        s = proba[:, positive]
        m.update({
            "precision": metrics.precision_score(y, pred, pos_label=positive),
            "recall": metrics.recall_score(y, pred, pos_label=positive),
            "f1": metrics.f1_score(y, pred, pos_label=positive),
            "roc_auc": metrics.roc_auc_score(y == positive, s),
            "average_precision": metrics.average_precision_score(y == positive, s),
            "brier": metrics.brier_score_loss(y == positive, s),
        })
        fpr, tpr, thr = metrics.roc_curve(y == positive, s)
        m["roc_curve"] = {"fpr": lst(fpr), "tpr": lst(tpr), "thresholds_after_first": lst(thr[1:])}
        p, r, t = metrics.precision_recall_curve(y == positive, s)
        m["pr_curve"] = {"precision": lst(p), "recall": lst(r), "thresholds": lst(t)}
    else:
        m["roc_auc_ovr"] = metrics.roc_auc_score(y, proba, multi_class="ovr", average="macro")
    return m


def classification_set(name, frame, target, features, test_size=0.25):
    frame = frame.dropna(subset=features + [target]).reset_index(drop=True)
    classes = sorted(frame[target].unique())
    y = np.array([classes.index(v) for v in frame[target]])
    x = StandardScaler().fit_transform(frame[features].to_numpy(dtype=float))
    idx = np.arange(len(y))
    train, test = train_test_split(idx, test_size=test_size, stratify=y, random_state=0)
    train, test = np.sort(train), np.sort(test)
    positive = 1 if len(classes) == 2 else None
    res = {"name": name, "features": features, "classes": classes, "x": lst(x), "y": lst(y),
           "train": lst(train), "test": lst(test), "positive": positive if positive is not None else -1}

    lr = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-8, max_iter=1000).fit(x[train], y[train])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lbfgs = LogisticRegression().fit(x[train], y[train])
    proba = lr.predict_proba(x[test])
    res["logistic"] = {"coef": lst(lr.coef_), "intercept": lst(lr.intercept_),
                       "lbfgs_default_coef": lst(lbfgs.coef_), "proba_test": lst(proba),
                       "predict_test": lst(lr.predict(x[test])),
                       "metrics_test": classification_metrics(y[test], proba, positive)}

    knn = KNeighborsClassifier().fit(x[train], y[train])
    res["knn"] = {"predict_test": lst(knn.predict(x[test])), "proba_test": lst(knn.predict_proba(x[test])),
                  "accuracy_test": knn.score(x[test], y[test])}

    trees = {}
    for depth in (None, 3):
        t = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(x[train], y[train])
        trees["none" if depth is None else str(depth)] = {
            "predict_test": lst(t.predict(x[test])), "accuracy_test": t.score(x[test], y[test]),
            "accuracy_train": t.score(x[train], y[train]), "depth": int(t.get_depth()),
            "leaves": int(t.get_n_leaves())}
    # Fully grown trees tie between splits often; sklearn breaks ties by its random feature order,
    # so its own accuracy depends on random_state: keep the range over 30 seeds.
    accs = [DecisionTreeClassifier(random_state=r).fit(x[train], y[train]).score(x[test], y[test]) for r in range(30)]
    trees["none"]["accuracy_test_range_over_seeds"] = [min(accs), max(accs)]
    res["tree"] = trees

    rf = RandomForestClassifier(random_state=0).fit(x[train], y[train])
    res["forest"] = {"accuracy_test": rf.score(x[test], y[test])}

    folds = np.empty(len(y), dtype=int)
    for f, (_, te) in enumerate(StratifiedKFold(n_splits=5).split(x, y)):
        folds[te] = f
    res["stratified_kfold_5"] = lst(folds)
    res["majority"] = {"accuracy_test": metrics.accuracy_score(
        y[test], np.full(len(test), np.bincount(y[train]).argmax()))}
    write(name + ".json", res)
    return x, y


def diabetes():
    frame = pd.read_csv(os.path.join(DATA, "diabetes.csv"))
    target = "progression_1yr"
    features = [c for c in frame.columns if c != target]
    x = frame[features].to_numpy(dtype=float)
    y = frame[target].to_numpy(dtype=float)
    idx = np.arange(len(y))
    train, test = train_test_split(idx, test_size=0.25, random_state=0)
    train, test = np.sort(train), np.sort(test)
    res = {"name": "diabetes", "features": features, "x": lst(x), "y": lst(y), "train": lst(train), "test": lst(test)}
    lin = LinearRegression().fit(x[train], y[train])
    pred = lin.predict(x[test])
    res["linear"] = {"coef": lst(lin.coef_), "intercept": float(lin.intercept_), "predict_test": lst(pred),
                     "mae": metrics.mean_absolute_error(y[test], pred),
                     "mse": metrics.mean_squared_error(y[test], pred),
                     "rmse": metrics.mean_squared_error(y[test], pred, squared=False),
                     "r2": metrics.r2_score(y[test], pred)}
    ridge = Ridge(alpha=1.0).fit(x[train], y[train])
    res["ridge"] = {"coef": lst(ridge.coef_), "intercept": float(ridge.intercept_),
                    "predict_test": lst(ridge.predict(x[test]))}
    xs = StandardScaler().fit_transform(x)
    res["x_standardised"] = lst(xs)
    knn = KNeighborsRegressor().fit(xs[train], y[train])
    res["knn"] = {"predict_test": lst(knn.predict(xs[test])), "r2_test": knn.score(xs[test], y[test])}
    tree = DecisionTreeRegressor(max_depth=3, random_state=0).fit(x[train], y[train])
    res["tree_depth3"] = {"predict_test": lst(tree.predict(x[test])), "r2_test": tree.score(x[test], y[test]),
                          "feature": lst(tree.tree_.feature), "threshold": lst(tree.tree_.threshold)}
    rf = RandomForestRegressor(random_state=0).fit(x[train], y[train])
    res["forest"] = {"r2_test": rf.score(x[test], y[test])}
    write("diabetes.json", res)


def kmeans_iris(x, y):
    km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(x)
    res = {"x": lst(x), "k3": {"inertia": float(km.inertia_), "labels": lst(km.labels_),
                               "silhouette": metrics.silhouette_score(x, km.labels_)},
           "silhouette_of_species": metrics.silhouette_score(x, y)}
    for k in (2, 4, 5):
        kk = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
        res["k%d" % k] = {"inertia": float(kk.inertia_), "silhouette": metrics.silhouette_score(x, kk.labels_)}
    write("iris_kmeans.json", res)


def hand_cases():
    rng = np.random.RandomState(7)
    cases = []
    # Binary cases with tied scores (rounded to one decimal) and the reference's golden ones.
    binaries = [
        ([0, 0, 1, 1], [0.5, 0.5, 0.5, 0.9]),
        ([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]),
        (rng.randint(0, 2, 40).tolist(), np.round(rng.rand(40), 1).tolist()),
        (rng.randint(0, 2, 25).tolist(), np.round(rng.rand(25), 2).tolist()),
        ([1, 0, 1, 1, 0, 1, 0, 0, 1, 1], [0.9, 0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.6, 0.1, 0.1]),
    ]
    for y, s in binaries:
        y = np.array(y)
        s = np.array(s)
        pred = (s >= 0.5).astype(int)
        fpr, tpr, thr = metrics.roc_curve(y, s)
        fpr_all, tpr_all, thr_all = metrics.roc_curve(y, s, drop_intermediate=False)
        p, r, t = metrics.precision_recall_curve(y, s)
        cases.append({
            "y": lst(y), "score": lst(s), "pred_at_0.5": lst(pred),
            "roc_auc": metrics.roc_auc_score(y, s), "average_precision": metrics.average_precision_score(y, s),
            "roc_curve": {"fpr": lst(fpr), "tpr": lst(tpr), "thresholds_after_first": lst(thr[1:])},
            "roc_curve_all": {"fpr": lst(fpr_all), "tpr": lst(tpr_all), "thresholds_after_first": lst(thr_all[1:])},
            "pr_curve": {"precision": lst(p), "recall": lst(r), "thresholds": lst(t)},
            "log_loss": metrics.log_loss(y, s), "brier": metrics.brier_score_loss(y, s),
            "accuracy": metrics.accuracy_score(y, pred), "balanced_accuracy": metrics.balanced_accuracy_score(y, pred),
            "precision": metrics.precision_score(y, pred), "recall": metrics.recall_score(y, pred),
            "f1": metrics.f1_score(y, pred)})
    # Multiclass with a class that is only predicted (3) and one never predicted (2).
    y = np.array([0, 0, 1, 1, 1, 2, 2, 0, 1, 0, 1, 1])
    pred = np.array([0, 1, 1, 1, 3, 0, 1, 0, 1, 0, 3, 1])
    multi = {"y": lst(y), "pred": lst(pred), "confusion_matrix": lst(metrics.confusion_matrix(y, pred)),
             "accuracy": metrics.accuracy_score(y, pred)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        multi["balanced_accuracy"] = metrics.balanced_accuracy_score(y, pred)
        multi["balanced_accuracy_adjusted"] = metrics.balanced_accuracy_score(y, pred, adjusted=True)
    y2 = np.array([0, 0, 1, 1, 1, 2, 2, 0, 1, 0, 1, 1, 2])
    p2 = np.array([0, 1, 1, 1, 2, 0, 1, 0, 1, 0, 2, 1, 2])
    full = {"y": lst(y2), "pred": lst(p2)}
    for avg in ("macro", "weighted", "micro"):
        full["precision_" + avg] = metrics.precision_score(y2, p2, average=avg)
        full["recall_" + avg] = metrics.recall_score(y2, p2, average=avg)
        full["f1_" + avg] = metrics.f1_score(y2, p2, average=avg)
    proba = rng.dirichlet([1, 1, 1], size=13)
    full["proba"] = lst(proba)
    full["log_loss"] = metrics.log_loss(y2, proba)
    full["roc_auc_ovr"] = metrics.roc_auc_score(y2, proba, multi_class="ovr")
    # Regression.
    yt = rng.normal(size=30) * 10
    yp = yt + rng.normal(size=30) * 3
    regression = {"y": lst(yt), "pred": lst(yp), "mae": metrics.mean_absolute_error(yt, yp),
                  "mse": metrics.mean_squared_error(yt, yp), "r2": metrics.r2_score(yt, yp)}
    # Trees whose best split is unique at every node.
    xt = np.array([[1.0, 5.0], [2.0, 3.0], [3.0, 8.0], [4.0, 1.0], [5.0, 7.0], [6.0, 2.0], [7.0, 9.0], [8.0, 4.0]])
    yc = np.array([0, 0, 0, 1, 1, 1, 2, 2])
    tc = DecisionTreeClassifier(random_state=0).fit(xt, yc)
    yr = np.array([1.0, 1.5, 1.2, 4.0, 4.2, 3.9, 9.0, 9.5])
    tr = DecisionTreeRegressor(max_depth=2, random_state=0).fit(xt, yr)
    tl = DecisionTreeClassifier(min_samples_leaf=3, random_state=0).fit(xt, yc)
    grid = np.array([[a, b] for a in np.arange(0.5, 9.0, 0.5) for b in (0.0, 4.5, 10.0)])
    trees = {"x": lst(xt), "y_class": lst(yc), "y_reg": lst(yr), "grid": lst(grid)}
    for key, t in (("classifier", tc), ("regressor_depth2", tr), ("classifier_min_leaf3", tl)):
        trees[key] = {"feature": lst(t.tree_.feature), "threshold": lst(t.tree_.threshold),
                      "left": lst(t.tree_.children_left), "right": lst(t.tree_.children_right),
                      "predict_grid": lst(t.predict(grid))}
    trees["classifier"]["proba_grid"] = lst(tc.predict_proba(grid))
    write("metrics_hand.json", {"binary": cases, "multiclass_partial": multi, "multiclass": full,
                                "regression": regression, "trees": trees})


def main():
    os.makedirs(OUT, exist_ok=True)
    bc = pd.read_csv(os.path.join(DATA, "breast_cancer_wisconsin.csv"))
    classification_set("breast_cancer", bc, "diagnosis", [c for c in bc.columns if c != "diagnosis"])
    iris = pd.read_csv(os.path.join(DATA, "iris.csv"))
    xi, yi = classification_set("iris", iris, "species", [c for c in iris.columns if c != "species"])
    peng = pd.read_csv(os.path.join(DATA, "penguins.csv"))
    classification_set("penguins", peng, "species",
                       ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"])
    wine = pd.read_csv(os.path.join(DATA, "wine.csv"))
    classification_set("wine", wine, "cultivar", [c for c in wine.columns if c != "cultivar"])
    diabetes()
    kmeans_iris(xi, yi)
    hand_cases()
    penguins_pass()


def penguins_pass():
    """End-to-end reference for runPass: penguins, target sex, every other column a feature
    except year (species and island one-hot, numbers as they are; with `year` in raw units
    newton-cg stops far from the optimum), rows with a missing value dropped,
    logistic regression on a stratified split of the kept rows, group rates by island."""
    frame = pd.read_csv(os.path.join(DATA, "penguins.csv"))
    kept = frame.dropna()
    rows = kept.index.to_numpy()
    x = pd.get_dummies(kept.drop(columns=["sex", "year"]), columns=["species", "island"]).to_numpy(dtype=float)
    y = (kept["sex"] == "male").to_numpy().astype(int)
    train, test = train_test_split(np.arange(len(y)), test_size=0.25, stratify=y, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the line search reports rounding limits at |grad| ~ 5e-7
        lr = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-8, max_iter=1000).fit(x[train], y[train])
    proba = lr.predict_proba(x[test])[:, 1]
    pred = (proba > 0.5).astype(int)
    islands = kept["island"].to_numpy()[test]
    groups = {}
    for g in sorted(set(islands)):
        m = islands == g
        groups[g] = {"n": int(m.sum()), "selection_rate": float(pred[m].mean()),
                     "tpr": float(pred[m & (y[test] == 1)].mean()), "fpr": float(pred[m & (y[test] == 0)].mean())}
    write("penguins_pass.json", {"test_rows": lst(np.sort(rows[test])), "kept_rows": len(rows),
                                 "accuracy": metrics.accuracy_score(y[test], pred),
                                 "roc_auc": metrics.roc_auc_score(y[test], proba),
                                 "log_loss": metrics.log_loss(y[test], proba),
                                 "f1": metrics.f1_score(y[test], pred), "groups": groups})


if __name__ == "__main__":
    main()
