#!/usr/bin/python3
"""Reference density grids for core/stats/decimation.h's binPairs(), computed by numpy.histogram2d
(Debian's numpy 1.24).

Run with /usr/bin/python3 (the python3 first on PATH may lack numpy/pandas):
    /usr/bin/python3 tests/tools/gen_decimation_reference.py
Writes tests/data/stats/density_reference.json, read by tests/core/test_decimation.cpp.

Each case bins (x, y) of the bundled penguins sample (resources/samples/penguins.csv) over the
given range; rows with either value missing are dropped first (binPairs counts them as
missingPairs). counts[row][column] with row = y cell (lowest y first), column = x cell.
"""
import json
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLE = os.path.join(ROOT, "resources", "samples", "penguins.csv")
OUT = os.path.join(ROOT, "tests", "data", "stats", "density_reference.json")


def case(df, x, y, columns, rows, xr=None, yr=None):
    both = df[[x, y]].dropna()
    xr = xr or [float(both[x].min()), float(both[x].max())]
    yr = yr or [float(both[y].min()), float(both[y].max())]
    counts, _, _ = np.histogram2d(both[x].to_numpy(float), both[y].to_numpy(float),
                                  bins=(columns, rows), range=[xr, yr])
    inside = ((both[x] >= xr[0]) & (both[x] <= xr[1]) & (both[y] >= yr[0]) & (both[y] <= yr[1])).sum()
    return {"x": x, "y": y, "columns": columns, "rows": rows, "x_range": xr, "y_range": yr,
            "missing_pairs": int(len(df) - len(both)), "binned": int(counts.sum()),
            "outside_pairs": int(len(both) - inside),
            "counts": counts.T.astype(int).tolist()}


def main():
    df = pd.read_csv(SAMPLE)
    cases = [
        case(df, "bill_length_mm", "bill_depth_mm", 10, 8),
        case(df, "flipper_length_mm", "body_mass_g", 7, 5),
        # A narrower range: the pairs outside are dropped.
        case(df, "bill_length_mm", "bill_depth_mm", 6, 4, [35.0, 50.0], [14.0, 20.0]),
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generator": "tests/tools/gen_decimation_reference.py", "numpy": np.__version__,
                   "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
