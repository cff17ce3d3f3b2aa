#include "core/export/python_resample.h"

#include "core/export/formula_to_python.h"
#include "core/export/python_steps.h"

namespace preplab::exporting {

namespace {

constexpr std::string_view kHelpers = R"PY(

# ---- resample: imbalanced-learn 0.10, draw for draw (core/bias/resampling.h) -------------------
from sklearn.neighbors import NearestNeighbors  # noqa: E402 (only scripts with a resample step)


def sampling_strategy(y, over, ratio):
    """imblearn.utils._validation.check_sampling_strategy for "auto" or a float: the rows to draw
    per class (to add, or to keep when under-sampling), classes in np.unique order."""
    unique, counts = np.unique(y, return_counts=True)
    stats = dict(zip(unique, counts))
    if len(stats) < 2:
        sys.exit("resample: resampling needs at least two classes in the training rows")
    if ratio is not None and len(stats) != 2:
        sys.exit("resample: a sampling_strategy ratio needs exactly two classes; use \"auto\"")
    majority, minority = max(stats, key=stats.get), min(stats, key=stats.get)
    if over:
        out = {k: (stats[majority] - v if ratio is None else int(stats[majority] * ratio - v))
               for k, v in stats.items() if k != majority}
        if any(n <= 0 for n in out.values()) and ratio is not None:
            sys.exit("resample: the sampling_strategy ratio would remove minority rows (use a larger ratio)")
    else:
        out = {k: (stats[minority] if ratio is None else int(stats[minority] / ratio))
               for k in stats if k != minority}
        if any(n > stats[k] for k, n in out.items()):
            sys.exit("resample: the sampling_strategy ratio would add majority rows (use a larger ratio)")
    return dict(sorted(out.items()))


def resample(df, fit, method, ratio, k_neighbors, seed, target):
    """PrepLab's resample: imblearn's sampler on the fit rows that have a target value; other rows
    stay as they are."""
    rows = np.flatnonzero(fit & df[target].notna().to_numpy())
    y = df[target].to_numpy()[rows]
    strategy = sampling_strategy(y, method != "random_under", ratio)
    if method == "random_under":
        # RandomUnderSampler._fit_resample: choice(size, n, replace=False) per class; rows ascending.
        random_state = np.random.RandomState(seed)
        keep = [np.setdiff1d(np.arange(len(df)), rows)]
        for c in np.unique(y):
            idx = rows[np.flatnonzero(y == c)]
            keep.append(idx[random_state.choice(idx.size, size=strategy[c], replace=False)] if c in strategy else idx)
        return df.iloc[np.sort(np.concatenate(keep))].reset_index(drop=True)
    if method == "random_over":
        # RandomOverSampler._fit_resample: one RandomState, bootstrap rows appended class by class.
        random_state = np.random.RandomState(seed)
        added = [random_state.choice(rows[np.flatnonzero(y == c)], size=n, replace=True) for c, n in strategy.items()]
        return pd.concat([df, df.iloc[np.concatenate(added)]], ignore_index=True)
    # SMOTE._fit_resample / BaseSMOTE._make_samples: a fresh RandomState(seed) for every class.
    features = numeric_columns(df, target)
    if not features:
        sys.exit("resample: SMOTE needs integer or numeric feature columns to interpolate; there are none")
    X = df[features].to_numpy(dtype=float)
    if np.isnan(X[rows]).any():
        sys.exit("resample: SMOTE needs complete numeric features in the rows to resample (impute first)")
    bases, values = [], []
    for c, n in strategy.items():
        if n == 0:
            continue
        idx = rows[np.flatnonzero(y == c)]
        if idx.size < 2:
            sys.exit(f"resample: SMOTE needs at least 2 rows of a class to interpolate; class {c!r} has 1")
        k = min(k_neighbors, idx.size - 1)
        X_class = X[idx]
        nns = NearestNeighbors(n_neighbors=k + 1).fit(X_class).kneighbors(X_class, return_distance=False)[:, 1:]
        random_state = np.random.RandomState(seed)
        samples_indices = random_state.randint(low=0, high=nns.size, size=n)
        steps = random_state.uniform(size=n)[:, np.newaxis]
        base, col = np.floor_divide(samples_indices, k), np.mod(samples_indices, k)
        values.append(X_class[base] + steps * (X_class[nns[base, col]] - X_class[base]))
        bases.append(idx[base])
    if not bases:
        return df
    extra = df.iloc[np.concatenate(bases)].reset_index(drop=True)
    out = pd.concat([df, extra], ignore_index=True)
    out[features] = np.vstack([X] + values)  # interpolated integer columns become numeric
    return out
)PY";

} // namespace

std::string_view pythonResampleHelpers() { return kHelpers; }

void emitResample(StepBlock& b)
{
    const auto& s = b.step;
    const auto methodIt = s.find("method");
    const std::string method = methodIt != s.end() && methodIt->is_string() ? methodIt->get<std::string>() : "random_over";
    const auto strategyIt = s.find("sampling_strategy");
    const std::string ratio = strategyIt != s.end() && strategyIt->is_number() ? pythonLiteral(*strategyIt) : "None";
    const int k = s.value("k_neighbors", 5);
    const std::uint64_t seed = s.value("seed", std::uint64_t{0});
    const char* sampler = method == "random_under" ? "RandomUnderSampler" : method == "smote" ? "SMOTE" : "RandomOverSampler";
    b.sentence = "rebalance the classes of the target as imbalanced-learn's " + std::string(sampler) +
                 "(sampling_strategy=" + (ratio == "None" ? "\"auto\"" : ratio) + ", random_state=" + std::to_string(seed) +
                 (method == "smote" ? ", k_neighbors=" + std::to_string(k) : "") + ") would";
    b.code("df = resample(df, " + b.fitMask() + ", " + pythonString(method) + ", ratio=" + ratio +
           ", k_neighbors=" + std::to_string(k) + ", seed=" + std::to_string(seed) + ", target=TARGET)");
}

} // namespace preplab::exporting
