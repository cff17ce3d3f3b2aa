#!/usr/bin/python3
"""KNNImputer on data with many equal distances (integer-valued airquality columns), fitted on
the training rows of train_test_split(random_state=9): which donors win a tie is decided by
numpy's argpartition, which stats::argPartition replays. For tests/core/test_numpy_select.cpp.

    /usr/bin/python3 tests/tools/gen_knn_ties_reference.py > tests/data/split/knn_ties.json
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn.impute import KNNImputer
from sklearn.model_selection import train_test_split

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "datasets")


def main():
    df = pd.read_csv(os.path.join(SHARED, "airquality.csv"))
    columns = ["Ozone", "Solar.R", "Wind"]
    X = df[columns].to_numpy(dtype=float)
    n = len(X)
    _, test = train_test_split(np.arange(n), test_size=0.25, random_state=9)
    train = np.setdiff1d(np.arange(n), test)
    cases = []
    for cols in (columns[:2], columns):
        idx = [columns.index(c) for c in cols]
        for k in (3, 5, 10):
            for weights in ("uniform", "distance"):
                imp = KNNImputer(n_neighbors=k, weights=weights).fit(X[train][:, idx])
                out = imp.transform(X[:, idx])
                cases.append({"columns": cols, "n_neighbors": k, "weights": weights,
                              "imputed": [[None if np.isnan(v) else float(v) for v in row] for row in out.T]})
    json.dump({"generator": "tests/tools/gen_knn_ties_reference.py", "data": "airquality.csv",
               "train_rows": [int(i) for i in train], "cases": cases}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
