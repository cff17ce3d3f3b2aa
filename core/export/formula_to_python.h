// Translation of a PrepLab formula (core/formula/formula.h) into a Python expression over a
// pandas DataFrame `df`, for the exported scripts (python_exporter.h). The expression calls the
// small helpers of the script's prelude (`_col`, `_cmp`, `_and`, `_if`, ...) that reproduce
// PrepLab's semantics column-wise: numbers and true/false are float Series with NaN for missing,
// strings are object Series; missing propagates through arithmetic, functions and comparisons,
// and/or use three-valued logic, a result that is not a number is missing.
#pragma once

#include "core/util/result.h"

#include <string>
#include <string_view>

namespace preplab::exporting {

// A Python expression evaluating `source` on `df`. Errors are the formula's syntax errors.
Result<std::string> formulaToPython(std::string_view source);

// True when the formula's value is true/false (a comparison, and/or/not, isna/notna, a literal).
bool formulaIsBoolean(std::string_view source);

// A Python float literal: shortest round-trip digits ("0.25", "3.0", "1e+300", np.inf, np.nan).
std::string pythonFloat(double v);

// A Python string literal for `text` (double-quoted, escapes for quotes, backslashes and controls).
std::string pythonString(std::string_view text);

} // namespace preplab::exporting
