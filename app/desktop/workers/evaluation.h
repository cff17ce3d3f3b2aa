// Evaluation: what the EvaluationWorker computes for one state of the Document, as plain data.
// evaluate() is synchronous and Qt-free apart from QString-free plain types, so tests call it
// directly.
#pragma once

#include "app/desktop/charts/column_comparison.h"
#include "app/desktop/models/step_highlights.h"
#include "core/ops/step_report.h"
#include "core/profile/profile.h"
#include "core/table/table.h"
#include "core/util/progress.h"
#include "core/util/result.h"

#include <QMetaType>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace preplab::desktop {

// The step outputs of the last evaluation, kept between evaluations so that an edit re-runs only
// from the first changed step. One per document; evaluations lock it (a cancelled one lets go
// at its next progress check).
struct PipelineCache;
std::shared_ptr<PipelineCache> makePipelineCache();

struct EvaluationRequest {
    std::shared_ptr<PipelineCache> cache;  // null: a fresh pipeline for this request
    std::shared_ptr<const Table> source;
    std::vector<nlohmann::json> steps;  // the recipe's steps (recipe.md)
    std::string target;
    int step = -1;       // show the output of this step (-1 = the source table)
    std::string column;  // the column to compare before/after (empty = none)
    // Leave the profile of the shown table to profileResult() (the worker delivers the charts
    // first and the profile after), unless the cache already holds it.
    bool deferProfile = false;
};

// One step's outcome for the recipe list: ran, skipped (disabled), failed or not reached.
struct StepStatus {
    enum class State { NotRun, Ran, Disabled, Failed };
    State state = State::NotRun;
    std::string description;  // the op's sentence, or the error message
    double ms = 0;
};

struct EvaluationResult {
    bool cancelled = false;
    int step = -1;
    std::shared_ptr<const Table> before;  // input of `step` (the source when step = -1)
    std::shared_ptr<const Table> after;   // output of `step`
    std::set<std::string> changedColumns;
    std::optional<ops::StepReport> report;  // of `step`, when it ran (its per-row masks moved to `highlights`)
    std::shared_ptr<const StepHighlights> highlights;  // the cells `step` changed, for the table view
    std::vector<StepStatus> steps;          // one per recipe step
    Diagnostics warnings;                   // of every step that ran
    profile::TableProfile profile;        // of `after`
    bool profilePending = false;          // deferred: `profile` is empty, profileResult() fills it
    ColumnComparison comparison;          // of `column`
    std::optional<Error> error;           // the first step that failed
    double stepMs = 0;                    // time of `step` alone
    std::size_t stepsRun = 0;             // steps executed (not taken from the cache)
    double totalMs = 0;
};

EvaluationResult evaluate(const EvaluationRequest& request, const Progress& progress = {});
// Fills the profile of a result whose profile was deferred (through `cache`, which keeps the
// profile of the last table profiled). False when cancelled.
bool profileResult(EvaluationResult& result, const std::shared_ptr<PipelineCache>& cache, const Progress& progress = {});

// The column to inspect once a step is selected: `current` when the step touched it (changed
// some of its cells, added or removed it), else the first column it changed, else the first it
// added; `current` when the step touched no column.
std::string columnToInspect(const ops::StepReport& report, const std::string& current);

} // namespace preplab::desktop

Q_DECLARE_METATYPE(preplab::desktop::EvaluationResult)
