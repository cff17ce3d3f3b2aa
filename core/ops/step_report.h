// StepReport: what one recipe step changed, for the before/after views, `apply --report` and the
// bias ledger. The op writes the sentence (`description`), warnings and renames; completeReport()
// derives the rest by comparing the step's input and output tables.
#pragma once

#include "core/table/table.h"
#include "core/util/diagnostic.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace preplab::ops {

struct StepOutput;

// Summary of one column, before or after a step. Missing values are excluded from every figure;
// `std` is the sample standard deviation (ddof = 1, pandas' describe()); mean/std/min/max exist
// for Integer, Numeric, Boolean (0/1) and Datetime (ms since the epoch) columns with present
// values; `distinct` counts distinct present values of Categorical, Text and Boolean columns
// (-1 for other types, where it would cost a hash of every value).
struct ColumnSummary {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    std::int64_t count = 0;
    std::int64_t missing = 0;
    std::int64_t distinct = -1;
    std::optional<double> mean, std, min, max;

    static ColumnSummary of(const std::string& name, const Column& column);
    // The same figures, remembered for the column while it lives (the "after" of one step is the
    // "before" of the next, and a re-run step finds its input's summaries): thread-safe.
    static ColumnSummary ofShared(const std::string& name, const ColumnPtr& column);
    // For an op that computed a new column's summary while building it (one_hot's indicators):
    // ofShared() and completeReport() then use it. It must equal of() exactly.
    static void remember(const ColumnPtr& column, const ColumnSummary& summary);
    // mean, std, min and max of a one-byte column (Column::oneByte: Boolean, one_hot's indicators)
    // from counts[v], how many present values equal v (count must be set): how of() computes them
    // there, m2 = sum over v = 0..255 of counts[v] (v - mean)^2, so an op that counted its values
    // gets of()'s figures bit for bit without a pass over the column.
    void setByteMoments(const std::array<std::size_t, 256>& counts);
    nlohmann::json toJson() const;
};

// A column present before and after the step whose values changed.
struct ColumnChange {
    std::string column;  // name after the step (renames are followed)
    std::size_t changedCells = 0;
    // Per output row: 1 = the cell differs from the one in the row it came from (value, missing
    // state or, when the type changed, canonical text). Added rows are not counted here (see
    // StepReport::rowsAdded).
    std::vector<std::uint8_t> changedRows;
    ColumnSummary before, after;
};

struct StepReport {
    std::size_t stepIndex = 0;  // 0-based
    std::string op;
    bool ran = true;           // false for a disabled step (output = input)
    std::string description;   // one sentence: "filled 11 missing values with the median, 44.45"
    nlohmann::json fitted;     // Op::fittedParams(); null for non-fitted ops
    std::string fittedOn;      // "all rows", "training rows" or "all rows (fit_on: all)"; empty if not fitted
    std::size_t fitRowCount = 0;
    std::size_t rowsBefore = 0, rowsAfter = 0;
    std::vector<ColumnChange> changed;
    std::vector<std::int64_t> rowsRemoved;  // original row positions (in the source table) of removed rows
    std::vector<std::size_t> rowsAdded;     // output row positions of added rows (copies or synthetic)
    std::vector<std::string> columnsAdded, columnsRemoved;
    std::vector<ColumnSummary> addedSummaries;  // one per added column
    std::map<std::string, std::string> renamed;  // old name -> new name (filled by the op)
    Diagnostics warnings;

    std::size_t changedCells() const;
    nlohmann::json toJson() const;  // every field except the per-row masks
    // A few human lines ("step 2 (impute): filled 11 missing values ...; 11 cells changed in 1 column").
    std::string text() const;
};

// Fills `out.report`'s derived fields by comparing `before` with `out.table`. `origin` gives the
// original row position of each row of `before` (-1 for a synthetic row); null = identity.
void completeReport(const Table& before, StepOutput& out, const std::vector<std::int64_t>* origin = nullptr);

} // namespace preplab::ops
