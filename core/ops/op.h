// Op: one preprocessing operation of a recipe (impute, scale, filter, split, ...), the unit every
// step of a Pipeline runs. An Op is created by name from the Registry, reads its fields from the
// step's JSON through a ParamReader, learns what it needs from the fit rows (fitted ops only) and
// then transforms every row of the table it is given, returning the new Table and a StepReport.
//
// Life of a step (the Pipeline and runStep() do this; an Op never calls itself):
//   1. parse(params)   strict field parsing. params.schema() is null when a recipe is validated
//                      without data: check only what the JSON decides (fields, types, enums, formula
//                      syntax). With a schema, also check column names and types. Read EVERY field
//                      the op knows, unconditionally (even fill_value when strategy is not constant):
//                      ParamReader::finish() reports every field nobody read as unknown.
//   2. fit(table, ctx) learn parameters from the rows ctx.fitRows of `table` ONLY (all rows so far,
//                      the training rows after a split, or all rows with "fit_on": "all"). Never
//                      look at other rows: that is the data leakage the app teaches about.
//   3. apply(table, ctx) transform ALL rows with what fit learned; fill StepOutput::table and, in
//                      StepOutput::report, `description` (one sentence, e.g. "filled 11 missing
//                      values with the median, 44.45") and any warnings. fittedParams() goes into the
//                      report's `fitted` field. The caller completes the report (changed cells per
//                      column, rows removed/added, columns added/removed, before/after statistics).
// Untouched columns must be passed through as the same ColumnPtr (copy the input Table and
// setColumn() only what changes): that is what makes per-step snapshots cheap, and it is how the
// report finds the changed columns.
#pragma once

#include "core/ops/step_report.h"
#include "core/table/table.h"
#include "core/util/progress.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::ops {

class ParamReader;

// What a step knows of the table it will receive: column names and types, the recipe's target.
struct Schema {
    std::vector<std::string> names;
    std::vector<ColumnType> types;
    std::string target;     // empty when the recipe names none
    bool hasSplit = false;  // a split step ran before: the `split` column is bookkeeping, not a feature

    static Schema of(const Table& table, std::string target = {}, bool hasSplit = false);
    std::optional<std::size_t> indexOf(std::string_view name) const;
    // Columns an op applies to when the step omits `columns`: never the target nor `split`.
    bool isReserved(std::string_view name) const;
};

// Name of the bookkeeping column the split op adds (values "train" / "test").
inline constexpr std::string_view kSplitColumn = "split";

// Everything a step needs besides its table and its own fields.
struct StepContext {
    std::size_t stepIndex = 0;  // 0-based position in the recipe; messages print index + 1
    std::string op;
    std::string target;                   // the recipe's target column, empty when none
    std::vector<std::size_t> fitRows;     // ascending positions of the rows to fit on
    std::vector<std::uint8_t> trainMask;  // per row, 1 = training row; empty when no split ran yet
    bool fitOnAll = false;                // the step asked for "fit_on": "all"
    Progress progress;                    // report(); stop with ErrorCode::Cancelled when cancelled()

    bool hasSplit() const { return !trainMask.empty(); }
    // "step 3 (scale)": the prefix of every message about this step.
    std::string label() const;
    // A BadData error about this step: "step 3 (scale): <message>".
    Error error(const std::string& message) const;
    // A step context on every row of a table (no split): what a lone op run and the tests use.
    static StepContext allRows(const Table& table, std::string op = {}, std::string target = {});
};

inline constexpr std::size_t kNewRow = std::numeric_limits<std::size_t>::max();

struct StepOutput {
    Table table;
    // Empty when the rows are unchanged (same rows, same order). Otherwise, for each output row,
    // the input row it came from, or kNewRow for a synthetic row (SMOTE). A row repeated (random
    // over-sampling) lists the same input row again: the later copies count as added rows.
    std::vector<std::size_t> rowSource;
    // Set only by ops that decide the split (`split`): per output row, 1 = training row. Otherwise
    // the pipeline carries the mask through rowSource (synthetic rows are training rows).
    std::vector<std::uint8_t> trainMask;
    // Filled by apply(): description, warnings, renamed. The caller fills the rest.
    StepReport report;
};

class Op {
public:
    virtual ~Op() = default;

    // Reads and validates the step's fields (see the life of a step above).
    virtual void parse(ParamReader& params) = 0;
    // Learns parameters from ctx.fitRows. Non-fitted ops keep this default.
    virtual Result<void> fit(const Table& table, const StepContext& ctx) { return {}; }
    // Transforms all rows of `table`.
    virtual Result<StepOutput> apply(const Table& table, const StepContext& ctx) const = 0;
    // What fit learned, in readable JSON ({"bill_length_mm": {"median": 44.45}}); null when nothing.
    virtual nlohmann::json fittedParams() const { return nullptr; }
};

} // namespace preplab::ops
