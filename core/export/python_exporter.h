// PythonExporter: turns a Recipe into a runnable pandas / scikit-learn script
// (`preplab-cli export-python`). The script reads the CSV named by its first argument with
// PrepLab's missing markers, runs one commented block per enabled step (the step's sentence as a
// comment; scikit-learn classes where recipe.md names them, pandas for the rest), and writes the
// result as canonical CSV to its second argument: the same columns, order and values as
// `preplab-cli apply` (up to float rounding).
//
// Fitted steps fit on fit_mask(df): the rows whose `split` column says "train" after a split step,
// every row before one or with "fit_on": "all". `split` and `sample` call scikit-learn's
// train_test_split and pandas' DataFrame.sample / groupby(target).sample, which the recipe engine
// replays draw for draw, so the script keeps and assigns exactly the rows the engine does.
//
// Known approximations (said in the script where they apply): PrepLab's type inference is not
// reproduced (pandas' read_csv decides; a step that names no columns picks numeric / object
// columns), datetimes are compared as text, SMOTE is not exported (the script stops with a message).
#pragma once

#include "core/pipeline/recipe.h"
#include "core/util/result.h"

#include <string>

namespace preplab::exporting {

// The whole script (UTF-8, LF). Errors name the step (1-based) and field that cannot be exported.
Result<std::string> exportPython(const pipeline::Recipe& recipe, const std::string& recipeName = {});

} // namespace preplab::exporting
