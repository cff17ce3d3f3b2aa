// ScatterComparison: the plain data behind the before/after scatter of two numeric columns at one
// step. Built off the GUI thread from core kernels (core/stats/decimation.h); the chart widget
// only draws it, and never receives more than `pointBudget` points per series:
//   Points   every pair fits the budget: all of them are drawn;
//   Sample   up to `sampleLimit` pairs: a seeded sample of the same rows on both sides;
//   Density  beyond: a count grid per side, drawn as an image behind the plot.
// Rows the step removed and cells it filled (missing before, present after) are listed apart so
// the chart can mark them; their counts are exact, their points sampled to the budget.
#pragma once

#include "app/desktop/charts/series_budget.h"
#include "app/desktop/models/step_highlights.h"
#include "core/stats/decimation.h"
#include "core/table/table.h"
#include "core/util/progress.h"

#include <QMetaType>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace preplab::desktop {

struct ScatterRequest {
    std::shared_ptr<const Table> before, after;
    // The step's row map (StepHighlights::inputRow: each after row's before row). Without it, or
    // when it describes other tables, rows are followed only when `before` and `after` are one table.
    std::shared_ptr<const StepHighlights> highlights;
    bool hasStep = false;  // false: `after` alone is drawn
    std::string x, y;      // y empty: the numeric column most correlated with x
    std::size_t pointBudget = kSeriesPointBudget;
    // Filled / removed marks in the Sample and Density modes: each marker costs Qt Charts ~35 us
    // on the GUI thread, and a thousand already show where the step acted.
    std::size_t markBudget = 1000;
    std::size_t sampleLimit = 30000;
    int gridColumns = 160, gridRows = 100;
    std::uint64_t seed = 0x5EED5CA7;
};

struct ScatterPoints {
    std::vector<double> x, y;
    std::size_t size() const { return x.size(); }
};

struct ScatterSide {
    bool exists = false;             // both columns exist on this side and are numeric
    std::int64_t rows = 0;           // rows of the table
    std::int64_t pairs = 0;          // rows with both values present and finite
    std::int64_t missingPairs = 0;   // rows with x or y missing or not finite
    ScatterPoints points;            // Points and Sample modes
    stats::DensityGrid density;      // Density mode
};

struct ScatterComparison {
    enum class Mode { Empty, Points, Sample, Density };
    Mode mode = Mode::Empty;
    std::string x, y;
    bool hasStep = false;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;  // the shared range of both sides' pairs
    ScatterSide before, after;
    ScatterPoints filled;            // after rows whose x or y the step filled
    std::int64_t filledCount = 0;
    ScatterPoints removed;           // before pairs whose row the step removed
    std::int64_t removedCount = 0;
    std::size_t pointBudget = 0;
    std::string problem;             // why nothing is drawn (Mode::Empty)
};

// Integer and Numeric columns of `table`, in table order.
std::vector<std::string> scatterColumns(const Table& table);
// The other Integer/Numeric column with the largest |Pearson r| with `column` (pairwise-complete,
// stats::pearson); a column with undefined r counts as 0. Empty when there is no other column.
std::string mostCorrelatedColumn(const Table& table, const std::string& column);

ScatterComparison compareScatter(const ScatterRequest& request, const Progress& progress = {});

} // namespace preplab::desktop

Q_DECLARE_METATYPE(preplab::desktop::ScatterComparison)
