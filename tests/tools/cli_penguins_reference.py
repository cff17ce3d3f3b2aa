#!/usr/bin/python3
"""Reference figures for tests/core/test_cli.cpp: pandas 1.5 on shared/datasets/penguins.csv.

usage: /usr/bin/python3 tests/tools/cli_penguins_reference.py > tests/data/cli/penguins_reference.txt
"""
import pathlib

import pandas as pd

here = pathlib.Path(__file__).resolve()
df = pd.read_csv(here.parents[3] / "shared" / "datasets" / "penguins.csv")
bill = df["bill_length_mm"]
d = bill.describe()
print(f"rows {len(df)}")
print(f"duplicate_rows {int(df.duplicated().sum())}")
print(f"bill_length_mm missing {int(bill.isna().sum())} distinct {bill.nunique()}")
for key in ("mean", "std", "min", "25%", "50%", "75%", "max"):
    print(f"bill_length_mm {key} {d[key]!r}")
print(f"sex missing {int(df['sex'].isna().sum())} distinct {df['sex'].nunique()}")
for value, count in df["sex"].value_counts().items():
    print(f"sex top {value} {count}")
only_question = pd.read_csv(here.parents[3] / "shared" / "datasets" / "penguins.csv", keep_default_na=False,
                            na_values=["?"])["sex"]
print(f"sex with --na ? (NA is a value): missing {int(only_question.isna().sum())} distinct {only_question.nunique()}")
