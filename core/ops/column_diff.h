// column_diff: which cells of a column a step changed, for StepReport (completeReport). One typed
// pass per column pair instead of a comparison of formatted text per cell.
#pragma once

#include "core/table/column.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace preplab::ops {

// Marks, for each row i of `after`, whether cell (after, i) differs from cell (before, j) with
// j = source[i] (source null: j = i; j = kNewRow or j >= before.size(): not compared, 0).
// A cell differs when its missing state differs or, both present, when its value differs:
// doubles by ==, NaN equal to NaN; integers, booleans and datetimes by value; categories and
// text by their text; when the column's type changed, by canonical text (Column::format), so
// Integer 3 -> Numeric 3.0 is unchanged but Integer 1000000 -> Numeric 1e+06 is a change.
// Writes changedRows (resized to after.size(), 1 = differs) and returns how many differ.
std::size_t markChangedCells(const Column& before, const Column& after, const std::size_t* source,
                             std::vector<std::uint8_t>& changedRows);

} // namespace preplab::ops
