#!/usr/bin/python3
"""Generates tests/data/golden/<name>/{recipe.json,expected.csv}: PrepLab recipes of the
deterministic ops, and of seeded split / sample followed by fitted steps (PrepLab draws the same
rows as train_test_split and DataFrame.sample), on the shared datasets, and the result of the same
steps done with pandas and scikit-learn. Run with Debian's Python
(/usr/bin/python3, pandas 1.5): tests/tools/gen_golden_pipelines.py. test_golden_pipelines.cpp
compares PrepLab's output with expected.csv."""
import json
import math
import os

import numpy as np
import pandas as pd
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import RobustScaler, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.path.join(HERE, "..", "..", "..", "shared", "datasets")
OUT = os.path.join(HERE, "..", "data", "golden")
NA = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?"]


def read(name, **kw):
    return pd.read_csv(os.path.join(DATASETS, name), na_values=NA, keep_default_na=False, **kw)


def write(name, dataset, target, steps, df):
    folder = os.path.join(OUT, name)
    os.makedirs(folder, exist_ok=True)
    recipe = {"format": "preplab-recipe", "version": 1, "target": target, "dataset": dataset, "steps": steps}
    with open(os.path.join(folder, "recipe.json"), "w") as f:
        # "dataset" is for the test only: it is not a recipe field, the test removes it.
        json.dump(recipe, f, indent=2)
        f.write("\n")
    df.to_csv(os.path.join(folder, "expected.csv"), index=False, lineterminator="\n")


def penguins_clean():
    steps = [
        {"op": "drop_missing", "columns": ["sex"]},
        {"op": "text_clean", "columns": ["island"], "case": "upper"},
        {"op": "filter", "expr": "bill_length_mm > 40 and species != 'Gentoo'"},
        {"op": "formula", "name": "ratio", "expr": "bill_length_mm / bill_depth_mm"},
        {"op": "bin", "column": "body_mass_g", "edges": [2500, 3500, 4500, 6500],
         "labels": ["light", "medium", "heavy"], "name": "mass_class"},
        {"op": "drop_columns", "columns": ["year"]},
    ]
    df = read("penguins.csv")
    df = df.dropna(subset=["sex"])
    df["island"] = df["island"].str.strip().str.replace(r"\s+", " ", regex=True).str.upper()
    df = df.query("bill_length_mm > 40 and species != 'Gentoo'").copy()
    df["ratio"] = df.eval("bill_length_mm / bill_depth_mm")
    df["mass_class"] = pd.cut(df["body_mass_g"], [2500, 3500, 4500, 6500], labels=["light", "medium", "heavy"])
    df = df.drop(columns=["year"])
    write("penguins_clean", "penguins.csv", "species", steps, df)


def penguins_rename_cast():
    steps = [
        {"op": "rename", "mapping": {"bill_length_mm": "bill_length", "flipper_length_mm": "flipper"}},
        {"op": "cast", "columns": ["flipper"], "to": "numeric"},
        {"op": "formula", "name": "long_bill", "expr": "if(bill_length >= 45, 'long', 'short')"},
        {"op": "formula", "name": "score", "expr": "round(log(body_mass_g) * 2 + sqrt(flipper) - abs(bill_depth_mm - 17), 3)"},
        {"op": "drop_missing", "axis": "columns", "how": "any", "columns": ["sex", "bill_depth_mm"]},
    ]
    df = read("penguins.csv")
    df = df.rename(columns={"bill_length_mm": "bill_length", "flipper_length_mm": "flipper"})
    df["flipper"] = df["flipper"].astype(float)
    df["long_bill"] = df["bill_length"].map(lambda v: None if pd.isna(v) else ("long" if v >= 45 else "short"))
    df["score"] = (np_log(df["body_mass_g"]) * 2 + df["flipper"] ** 0.5 - (df["bill_depth_mm"] - 17).abs()).round(3)
    df = df.drop(columns=[c for c in ["sex", "bill_depth_mm"] if df[c].isna().any()])
    write("penguins_rename_cast", "penguins.csv", "species", steps, df)


def np_log(s):
    import numpy as np
    return np.log(s)


def adult_dedup():
    steps = [
        {"op": "drop_duplicates"},
        {"op": "replace", "columns": ["workclass"], "values": ["Private"], "with": "private-sector"},
        {"op": "replace", "columns": ["capital_gain"], "values": [99999], "with": None},
        {"op": "filter", "expr": "age >= 30 and hours_per_week > 40"},
        {"op": "formula", "name": "net_capital", "expr": "capital_gain - capital_loss"},
    ]
    df = read("adult.csv")
    df = df.drop_duplicates(keep="first")
    df["workclass"] = df["workclass"].replace(["Private"], "private-sector")
    df["capital_gain"] = df["capital_gain"].replace([99999], float("nan"))
    df = df.query("age >= 30 and hours_per_week > 40").copy()
    df["net_capital"] = df["capital_gain"] - df["capital_loss"]
    write("adult_dedup", "adult.csv", "income", steps, df)


def adult_keep_last_none():
    steps = [
        {"op": "drop_duplicates", "columns": ["education", "sex", "race", "income"], "keep": "last"},
        {"op": "drop_duplicates", "columns": ["native_country", "race", "sex"], "keep": "none"},
    ]
    df = read("adult.csv")
    df = df.drop_duplicates(subset=["education", "sex", "race", "income"], keep="last")
    df = df.drop_duplicates(subset=["native_country", "race", "sex"], keep=False)
    write("adult_keep_last_none", "adult.csv", "income", steps, df)


def airquality():
    steps = [
        {"op": "filter", "expr": "isna(Ozone) or Temp > 70"},
        {"op": "drop_missing", "axis": "columns", "min_present": 0.9},
        {"op": "formula", "name": "temp_c", "expr": "round((Temp - 32) * 5 / 9, 1)"},
        {"op": "formula", "name": "wind_per_day", "expr": "Wind / Day // 1 + Wind % 3"},
        {"op": "bin", "column": "Wind", "edges": [0, 5, 10, 15, 25]},
        {"op": "drop_missing", "how": "all", "columns": ["Solar.R"]},
    ]
    df = read("airquality.csv")
    df = df.query("Ozone.isna() or Temp > 70", engine="python").copy()
    # min_present 0.9: keep columns with at least ceil(0.9 * rows) present values.
    df = df.dropna(axis=1, thresh=math.ceil(0.9 * len(df)))
    df["temp_c"] = ((df["Temp"] - 32) * 5 / 9).round(1)
    df["wind_per_day"] = df["Wind"] / df["Day"] // 1 + df["Wind"] % 3
    df["Wind"] = pd.cut(df["Wind"], [0, 5, 10, 15, 25])
    df = df.dropna(how="all", subset=["Solar.R"])
    write("airquality", "airquality.csv", "", steps, df)


def cars():
    steps = [
        {"op": "rename", "mapping": {"Miles_per_Gallon": "mpg"}},
        {"op": "date_parts", "columns": ["Year"], "parts": ["year", "month", "weekday", "dayofyear"]},
        {"op": "filter", "expr": "Origin != 'USA' and notna(mpg)"},
        {"op": "formula", "name": "power_to_weight", "expr": "Horsepower / Weight_in_lbs * 1000"},
        {"op": "drop_duplicates", "columns": ["Name"]},
        {"op": "text_clean", "columns": ["Name"], "case": "upper"},
        {"op": "bin", "column": "mpg", "edges": [0, 20, 30, 50], "right": False, "labels": ["low", "mid", "high"],
         "name": "mpg_class"},
    ]
    df = read("cars_auto_mpg.csv", parse_dates=["Year"])
    df = df.rename(columns={"Miles_per_Gallon": "mpg"})
    pos = df.columns.get_loc("Year") + 1
    for i, part in enumerate(["year", "month", "weekday", "dayofyear"]):
        df.insert(pos + i, "Year_" + part, getattr(df["Year"].dt, part))
    df = df.query("Origin != 'USA' and mpg.notna()", engine="python").copy()
    df["power_to_weight"] = df["Horsepower"] / df["Weight_in_lbs"] * 1000
    df = df.drop_duplicates(subset=["Name"])
    df["Name"] = df["Name"].str.strip().str.replace(r"\s+", " ", regex=True).str.upper()
    df["mpg_class"] = pd.cut(df["mpg"], [0, 20, 30, 50], right=False, labels=["low", "mid", "high"])
    write("cars", "cars_auto_mpg.csv", "", steps, df)


def split_column(df, test_size, seed, stratify=None):
    _, test = train_test_split(np.arange(len(df)), test_size=test_size, random_state=seed, stratify=stratify)
    split = np.full(len(df), "train", dtype=object)
    split[test] = "test"
    return split


def penguins_split_fitted():
    """A stratified split, then an imputer and a scaler fitted on the training rows only."""
    numeric = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
    steps = [
        {"op": "split", "test_size": 0.25, "stratify": True, "seed": 7},
        {"op": "impute", "columns": numeric, "strategy": "median"},
        {"op": "scale", "columns": numeric, "method": "standard"},
    ]
    df = read("penguins.csv")
    df["split"] = split_column(df, 0.25, 7, stratify=df["species"])
    train = (df["split"] == "train").to_numpy()
    df[numeric] = SimpleImputer(strategy="median").fit(df.loc[train, numeric]).transform(df[numeric])
    df[numeric] = StandardScaler().fit(df.loc[train, numeric]).transform(df[numeric])
    write("penguins_split_fitted", "penguins.csv", "species", steps, df)


def airquality_sample_split_knn():
    """A seeded sample, a plain split, KNN imputation (distance weights) and a robust scaler."""
    steps = [
        {"op": "sample", "n": 120, "seed": 11},
        {"op": "split", "test_size": 0.3, "seed": 5},
        {"op": "impute", "columns": ["Ozone", "Solar.R"], "strategy": "knn", "n_neighbors": 4,
         "weights": "distance"},
        {"op": "scale", "columns": ["Ozone", "Wind"], "method": "robust"},
    ]
    df = read("airquality.csv")
    kept = sorted(df.sample(n=120, random_state=11).index)
    df = df.loc[kept].reset_index(drop=True)
    df["split"] = split_column(df, 0.3, 5)
    train = (df["split"] == "train").to_numpy()
    cols = ["Ozone", "Solar.R"]
    df[cols] = KNNImputer(n_neighbors=4, weights="distance").fit(df.loc[train, cols]).transform(df[cols])
    cols = ["Ozone", "Wind"]
    df[cols] = RobustScaler().fit(df.loc[train, cols]).transform(df[cols])
    write("airquality_sample_split_knn", "airquality.csv", "", steps, df)


if __name__ == "__main__":
    penguins_clean()
    penguins_rename_cast()
    adult_dedup()
    adult_keep_last_none()
    airquality()
    cars()
    penguins_split_fitted()
    airquality_sample_split_knn()
    print("pandas", pd.__version__, "-> tests/data/golden")
