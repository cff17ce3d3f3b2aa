// StepHighlights: which cells of a step's output the table view marks, as plain data built off
// the GUI thread when a step is selected. It maps every output row to the input row it came from
// (through the pipeline's origin vectors) and keeps the step report's per-row change masks, so the
// table model answers "did this cell change, and from what?" in O(1) per cell.
//
// A cell is
//   changed   when the step report marks it (value, missing state or canonical text differs from
//             the cell of the row it came from);
//   imputed   when it changed from missing in the input to present in the output;
//   new       when its column did not exist in the input (added by the step);
//   added     when its row has no input row (synthetic) or copies one already used (resampling).
// Input rows that no output row came from are the step's removed rows.
#pragma once

#include "core/ops/step_report.h"
#include "core/table/table.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace preplab::desktop {

struct ColumnMarks {
    enum class Kind { Unchanged, Changed, Added };
    Kind kind = Kind::Unchanged;
    int inputColumn = -1;               // its index in the input table (renames followed)
    std::vector<std::uint8_t> changed;  // per output row, 1 = changed; empty = none changed
    std::size_t changedCells = 0;       // imputed ones included
    std::size_t imputedCells = 0;
};

struct StepHighlights {
    std::shared_ptr<const Table> input;   // the step's input
    std::shared_ptr<const Table> output;  // the step's output (the table the marks describe)
    std::string method;                   // how the step changed cells, for tooltips: "median", "scale"
    std::vector<std::int32_t> inputRow;   // per output row, its input row (-1 = added); empty = identity
    std::vector<ColumnMarks> columns;     // one per output column
    std::vector<std::uint8_t> addedRows;  // per output row, 1 = added; empty = none added
    std::vector<std::int32_t> removedInputRows;  // input rows no output row came from, ascending

    std::size_t changedCells = 0, imputedCells = 0, addedColumns = 0, addedRowCount = 0;

    int inputRowOf(std::size_t outputRow) const
    {
        return inputRow.empty() ? static_cast<int>(outputRow) : inputRow[outputRow];
    }
};

// Builds the marks of one step. `inputOrigin` and `outputOrigin` give each row's position in the
// source table (-1 for a synthetic row), as pipeline::StepState::origin does; `report` is the
// step's report, whose per-row masks are moved out (it keeps everything else). `step` is the step's
// JSON (for the method named in tooltips). Rows beyond INT32_MAX are not supported (the view shows
// at most INT_MAX rows anyway).
std::shared_ptr<const StepHighlights> buildHighlights(std::shared_ptr<const Table> input,
                                                      const std::vector<std::int64_t>& inputOrigin,
                                                      std::shared_ptr<const Table> output,
                                                      const std::vector<std::int64_t>& outputOrigin,
                                                      ops::StepReport& report, const nlohmann::json& step);

} // namespace preplab::desktop
