#include "core/export/python_prelude.h"

namespace preplab::exporting {

namespace {

// `split` and `sample` are scikit-learn's train_test_split, pandas' DataFrame.sample and
// groupby(...).sample, which PrepLab reproduces draw for draw (core/stats/shuffle_split.h,
// core/ops/sample.cpp), so the exported script keeps exactly the rows PrepLab keeps.
constexpr std::string_view kPrelude = R"PY(import math
import re
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import (KBinsDiscretizer, MaxAbsScaler, MinMaxScaler, OneHotEncoder, OrdinalEncoder,
                                   PolynomialFeatures, PowerTransformer, QuantileTransformer, RobustScaler,
                                   StandardScaler)

# The missing-value markers PrepLab recognises when it reads a CSV file.
NA_VALUES = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?"]
SPLIT = "split"


def canonical_text(value):
    """PrepLab's canonical text of a cell: shortest round-trip numbers, true/false."""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if v.is_integer() and abs(v) < 1e16:
            return str(int(v))
        return repr(v)
    return str(value)


def class_codes(target):
    """The target's classes as PrepLab stratifies by them: sorted values, missing last."""
    codes = pd.Series(pd.factorize(target, sort=True)[0])
    return codes.where(codes >= 0, codes.max() + 1).to_numpy()


def split_train_mask(df, test_size, stratify, seed, target, explicit):
    """train_test_split's rows: True for each training row (core/ops/split.cpp)."""
    n = len(df)
    n_test = test_size if isinstance(test_size, int) else int(math.ceil(test_size * n))
    if n_test < 1 or n_test >= n:
        raise SystemExit(f"cannot split {n} rows into {n_test} test rows and at least one training row")
    labels = class_codes(df[target]) if stratify else None
    if labels is not None:
        counts = np.bincount(labels)
        if counts.min() < 2 or n - n_test < len(counts) or n_test < len(counts):
            if explicit:
                raise SystemExit(f"cannot stratify by {target}: a class has fewer than two rows, or there are "
                                 "fewer training or test rows than classes")
            warnings.warn(f"not stratified by {target}")
            labels = None
    _, test = train_test_split(np.arange(n), test_size=n_test, random_state=seed, stratify=labels)
    train = np.ones(n, dtype=bool)
    train[test] = False
    return train


def sample_rows(df, n, fraction, stratify, seed, target):
    """PrepLab's sample: the kept row positions, ascending (core/ops/sample.cpp)."""
    rows = len(df)
    k = n if n is not None else int(round(fraction * rows))
    if k > rows:
        raise SystemExit(f"sample: cannot sample {k} rows from {rows} without replacement")
    df = df.reset_index(drop=True)
    if not stratify:
        return sorted(df.sample(n=k, random_state=seed).index)
    if fraction is not None:
        if rows > 0 and df[target].isna().all():
            raise SystemExit(f"sample: cannot stratify by {target}: every value is missing")
        if df[target].notna().sum() == 0:
            return []
        return sorted(df.groupby(target, sort=True).sample(frac=fraction, random_state=seed).index)
    if k == 0 or k == rows:
        return list(range(k))
    train, _ = train_test_split(df, train_size=k, stratify=class_codes(df[target]), random_state=seed)
    return sorted(train.index)


def fit_mask(df, fit_on_all=False):
    """The rows a fitted step learns from: the training rows after a split, else every row."""
    if fit_on_all or SPLIT not in df.columns:
        return np.ones(len(df), dtype=bool)
    return (df[SPLIT] == "train").to_numpy()


def is_bool(s):
    return s.dtype == bool or (s.dtype == object and s.dropna().map(lambda v: isinstance(v, (bool, np.bool_))).all()
                               and s.notna().any())


def numeric_columns(df, target):
    """Numeric columns a step applies to when it names none: never the target nor `split`."""
    return [c for c in df.columns if c not in (target, SPLIT) and pd.api.types.is_numeric_dtype(df[c])
            and df[c].dtype != bool]


def categorical_columns(df, target):
    """Categorical (and boolean) columns a step applies to when it names none."""
    return [c for c in df.columns if c not in (target, SPLIT)
            and (df[c].dtype == object or df[c].dtype == bool)]


def insert_columns(df, at, new):
    """`df` with the DataFrame `new` placed at column position `at`."""
    left, right = df.iloc[:, :at], df.iloc[:, at:]
    return pd.concat([left, new.set_index(df.index), right], axis=1)


# ---- formula operators: numbers and true/false are floats, NaN is missing -------------------
def _col(df, name):
    s = df[name]
    if s.dtype == bool:
        return s.astype(float)
    if pd.api.types.is_numeric_dtype(s):
        return s.astype(float)
    if is_bool(s):
        return s.map(lambda v: np.nan if pd.isna(v) else float(v))
    return s


def _add(a, b): return a + b
def _sub(a, b): return a - b
def _mul(a, b): return a * b


def _div(a, b):
    with np.errstate(all="ignore"):
        return np.true_divide(a, b)


def _floordiv(a, b):
    with np.errstate(all="ignore"):
        return np.floor(np.true_divide(a, b))


def _mod(a, b):
    with np.errstate(all="ignore"):
        return np.mod(a, b)


def _pow(a, b):
    with np.errstate(all="ignore"):
        return np.power(a, b)


def _missing(x):
    return pd.isna(x)


def _cmp(a, op, b):
    with np.errstate(all="ignore"):
        if op == "==":
            r = a == b
        elif op == "!=":
            r = a != b
        elif op == "<":
            r = a < b
        elif op == "<=":
            r = a <= b
        elif op == ">":
            r = a > b
        else:
            r = a >= b
    return np.where(_missing(a) | _missing(b), np.nan, np.where(r, 1.0, 0.0))


def _not(a):
    return np.where(_missing(a), np.nan, 1.0 - np.asarray(a, dtype=float))


def _and(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.where((a == 0) | (b == 0), 0.0, np.where(np.isnan(a) | np.isnan(b), np.nan, 1.0))


def _or(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.where((a == 1) | (b == 1), 1.0, np.where(np.isnan(a) | np.isnan(b), np.nan, 0.0))


def _fn_if(c, a, b):
    c = np.asarray(c, dtype=float)
    n = len(c) if c.ndim else 1
    a = pd.Series(a if np.ndim(a) else [a] * n).reset_index(drop=True)
    b = pd.Series(b if np.ndim(b) else [b] * n).reset_index(drop=True)
    out = a.where(c == 1, b).astype(object)
    out[np.isnan(c)] = np.nan
    return out.to_numpy()


def _unary(f):
    def g(x):
        with np.errstate(all="ignore"):
            return f(np.asarray(x, dtype=float))
    return g


_fn_log = _unary(np.log)
_fn_log10 = _unary(np.log10)
_fn_log1p = _unary(np.log1p)
_fn_exp = _unary(np.exp)
_fn_sqrt = _unary(np.sqrt)
_fn_abs = _unary(np.abs)
_fn_floor = _unary(np.floor)
_fn_ceil = _unary(np.ceil)


def _fn_min(*xs):
    out = np.asarray(xs[0], dtype=float)
    for x in xs[1:]:
        out = np.minimum(out, np.asarray(x, dtype=float))
    return out


def _fn_max(*xs):
    out = np.asarray(xs[0], dtype=float)
    for x in xs[1:]:
        out = np.maximum(out, np.asarray(x, dtype=float))
    return out


def _fn_pow(x, y):
    return _pow(np.asarray(x, dtype=float), np.asarray(y, dtype=float))


def _fn_round(x, digits=0.0):
    return np.round(np.asarray(x, dtype=float), int(digits))


def _fn_isna(x):
    return np.where(_missing(x), 1.0, 0.0)


def _fn_notna(x):
    return np.where(_missing(x), 0.0, 1.0)


def as_boolean(values, n):
    v = np.asarray(values if np.ndim(values) else [values] * n, dtype=float)
    return pd.Series([np.nan if math.isnan(x) else bool(x == 1) for x in v], dtype=object)


def predicate(values, n):
    """Rows where a filter's predicate is true (missing counts as false)."""
    v = np.asarray(values if np.ndim(values) else [values] * n, dtype=float)
    return v == 1


def formula_column(values, n):
    """A formula's result as a column: true/false stays boolean, numbers float, strings text."""
    if np.ndim(values) == 0:
        values = [values] * n
    values = pd.Series(np.asarray(values, dtype=object))
    present = values.dropna()
    if len(present) and all(isinstance(v, str) for v in present):
        return values.where(values.notna(), np.nan)
    return values.astype(float)


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
TRUE_WORDS = {"true", "yes", "t", "y", "1"}
FALSE_WORDS = {"false", "no", "f", "n", "0"}


def cast_column(s, to):
    """PrepLab's cast: unparseable cells become missing (pandas to_numeric(errors="coerce"), ...)."""
    if to in ("integer", "numeric"):
        if s.dtype == bool or is_bool(s):
            out = s.map(lambda v: np.nan if pd.isna(v) else float(bool(v)))
        else:
            out = pd.to_numeric(s, errors="coerce").astype(float)
        if to == "integer":
            out = out.where(out.isna() | (out == np.floor(out)), np.nan).astype("Int64")
        return out
    if to == "boolean":
        if pd.api.types.is_numeric_dtype(s) and s.dtype != bool:
            return s.map(lambda v: np.nan if pd.isna(v) else bool(v != 0)).astype(object)
        def parse(v):
            if pd.isna(v):
                return np.nan
            if isinstance(v, (bool, np.bool_)):
                return bool(v)
            t = str(v).strip().lower()
            return True if t in TRUE_WORDS else False if t in FALSE_WORDS else np.nan
        return s.map(parse).astype(object)
    if to == "datetime":
        return pd.to_datetime(s, errors="coerce").dt.strftime("%Y-%m-%d").where(lambda x: x.notna(), np.nan)
    return s.map(lambda v: np.nan if pd.isna(v) else canonical_text(v)).astype(object)


def datetime_columns(df, target):
    """Columns holding ISO dates (PrepLab infers them when it reads the file)."""
    out = []
    for c in df.columns:
        if c in (target, SPLIT) or df[c].dtype != object or df[c].notna().sum() == 0:
            continue
        if pd.to_datetime(df[c], errors="coerce").notna().sum() == df[c].notna().sum():
            out.append(c)
    return out


def target_as_number(y, positive):
    """The target as a number for target encoding: 0/1 against `positive` for two classes."""
    if pd.api.types.is_numeric_dtype(y) and y.dtype != bool:
        return y.astype(float)
    texts = y.map(lambda v: np.nan if pd.isna(v) else canonical_text(v))
    if positive is None:
        classes = sorted(texts.dropna().unique(), key=lambda t: t.encode("utf-8"))
        if len(classes) != 2:
            sys.exit("target_encode: a target with more than two classes needs \"positive\"")
        positive = classes[1]
    return texts.map(lambda v: np.nan if pd.isna(v) else float(v == canonical_text(positive)))


def write_csv(df, path):
    """Canonical CSV like PrepLab's writer: true/false, shortest numbers, missing = empty."""
    out = df.copy()
    for c in out.columns:
        s = out[c]
        if s.dtype == bool or is_bool(s):
            out[c] = s.map(lambda v: "" if pd.isna(v) else ("true" if v else "false"))
        elif s.dtype == object:
            out[c] = s.map(lambda v: "" if pd.isna(v) else canonical_text(v))
    out.to_csv(path, index=False, lineterminator="\n", float_format=None)
)PY";

} // namespace

std::string_view pythonPrelude() { return kPrelude; }

} // namespace preplab::exporting
