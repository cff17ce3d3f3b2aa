// profileToJson: a TableProfile as the JSON document of `preplab-cli profile --json`
// (shared/contracts/cli.md). Contract fields: rows, columns[name, type, missing, distinct, mean,
// std, min, q25, median, q75, max, skewness, zeros, histogram{edges, counts}, top[{value, count}]],
// duplicate_rows, warnings[{line, message}], alerts[{column, kind, message}]. Added fields:
// columns[].count, .outliers, .mixed_share; datetime columns' .unit ("ms": their numbers are
// milliseconds since the epoch) and .mean_text / .min_text / .q25_text / .median_text / .q75_text /
// .max_text (ISO-8601); warnings[].column / .severity; alerts[].why / .count / .other
// (correlated pairs), and correlations{columns, pearson (matrix)}. Undefined numbers (the mean of
// a text column, the skewness of two values, a NaN correlation) are null. Keys keep the
// contract's order (ordered_json), so the document reads top-down as in cli.md.
#pragma once

#include "core/profile/profile.h"
#include "core/util/diagnostic.h"

#include <nlohmann/json.hpp>

namespace preplab::profile {

// `warnings` are the reader's diagnostics (every malformed row, decoding fallback, ...).
nlohmann::ordered_json profileToJson(const TableProfile& profile, const Diagnostics& warnings = {});

} // namespace preplab::profile
