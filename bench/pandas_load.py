#!/usr/bin/python3
"""pandas counterpart of bench_load: read a CSV (and profile it the way PrepLab does).

usage: /usr/bin/python3 bench/pandas_load.py FILE load|profile
Prints one line:  pandas <mode> <wall_s> <peak_rss_mib> <read_s> <profile_s> <cpu_s>
Wall time covers the work only (not interpreter start-up or `import pandas`); peak RSS is this
process's maximum resident set (it includes the interpreter and pandas itself); cpu_s is the
user + system time spent on the work.

The profile matches preplab::profile::profileTable column by column: missing count, distinct count,
describe() (count, mean, std, min, quartiles, max), skewness, zeros, a 20-bin histogram and the 10
most frequent values for numbers, booleans and dates; distinct, top values and the share of values
that parse as numbers for strings; then duplicated rows and the Pearson correlation of numeric
columns. Date columns are named to read_csv (parse_dates), which PrepLab infers on its own.
"""
import resource
import sys
import time

import numpy as np
import pandas as pd

DATE_COLUMNS = ["signup", "last_login"]
BINS = 20
TOP = 10


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def profile_column(s):
    out = {"missing": int(s.isna().sum()), "distinct": int(s.nunique())}
    present = s.dropna()
    if pd.api.types.is_datetime64_any_dtype(s):
        values = present.astype("int64") // 10**6  # milliseconds, as PrepLab
    elif pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
        values = present.astype("float64")
    else:
        values = None
    if values is not None:
        out["describe"] = values.describe()
        out["skew"] = values.skew()
        out["zeros"] = int((values == 0).sum())
        finite = values[np.isfinite(values)]
        if len(finite):
            out["histogram"] = np.histogram(finite, bins=BINS)
    else:
        out["mixed_share"] = float(pd.to_numeric(present, errors="coerce").notna().mean()) if len(present) else 0.0
    out["top"] = s.value_counts().head(TOP)
    return out


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("load", "profile"):
        sys.exit("usage: pandas_load.py FILE load|profile")
    path, mode = sys.argv[1], sys.argv[2]
    cpu_start = cpu_seconds()
    start = time.perf_counter()
    df = pd.read_csv(path, parse_dates=DATE_COLUMNS)
    read_s = time.perf_counter() - start
    profile_s = 0.0
    if mode == "profile":
        start = time.perf_counter()
        columns = {name: profile_column(df[name]) for name in df.columns}
        duplicates = int(df.duplicated().sum())
        numeric = df.select_dtypes(include="number")
        corr = numeric.corr()
        profile_s = time.perf_counter() - start
        assert len(columns) == df.shape[1] and duplicates >= 0 and corr.shape[0] == numeric.shape[1]
    cpu_s = cpu_seconds() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    label = "load+profile" if mode == "profile" else "load"
    print(f"pandas {label} {read_s + profile_s:.3f} {peak_mb:.1f} {read_s:.3f} {profile_s:.3f} {cpu_s:.3f}")


if __name__ == "__main__":
    main()
