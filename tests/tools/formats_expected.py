#!/usr/bin/python3
"""Reference figures for tests/core/test_*_reader.cpp: penguins.csv read by pandas 1.5.
Run with Debian's /usr/bin/python3 from the repository root; the output is committed as
tests/data/formats/penguins_expected.txt."""
import os
import sys

import pandas as pd

shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared")
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(shared, "datasets", "penguins.csv")
df = pd.read_csv(path)
print(f"pandas {pd.__version__}")
print(f"shape {df.shape[0]} {df.shape[1]}")
for name in df.columns:
    col = df[name]
    line = f"column {name} dtype={col.dtype} missing={int(col.isna().sum())} distinct={col.nunique()}"
    if col.dtype.kind in "if":
        line += f" sum={col.sum()!r} min={col.min()!r} max={col.max()!r}"
    print(line)
print("row0 " + repr(df.iloc[0].tolist()))
print("row3 " + repr(df.iloc[3].tolist()))
print("row343 " + repr(df.iloc[343].tolist()))
print("species " + repr(df["species"].value_counts().to_dict()))
