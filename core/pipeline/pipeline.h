// Pipeline: runs a Recipe on a source table and keeps every step's output, so the app can show
// the before/after of any step, and re-runs only from the first step that changed.
//
// Each step's output Table shares the columns the step left alone with its input (shared_ptr),
// so keeping all of them costs little more than the columns that changed. Alongside each output
// the pipeline tracks:
//   origin     for each row, its position in the source table (-1 for a synthetic row), so the
//              rows a step removed or added can be reported and attributed to groups;
//   trainMask  after a `split`, 1 for each training row (empty before any split). Fitted steps
//              fit on the training rows, or on every row with "fit_on": "all".
// A disabled step passes its input through (its report says it did not run).
#pragma once

#include "core/ops/step_report.h"
#include "core/pipeline/recipe.h"
#include "core/table/table.h"
#include "core/util/progress.h"
#include "core/util/result.h"

#include <cstdint>
#include <vector>

namespace preplab::pipeline {

struct StepState {
    nlohmann::json step;  // the step as it ran (a change to it re-runs from here)
    Table table;          // output
    std::vector<std::int64_t> origin;
    std::vector<std::uint8_t> trainMask;
    ops::StepReport report;
};

class Pipeline {
public:
    Pipeline() = default;
    explicit Pipeline(Table source) { setSource(std::move(source)); }

    // A new source table: every step will run again.
    void setSource(Table source);
    const Table& source() const { return m_source; }
    // The training rows of a source that already carries its split (a `split` column that
    // `preplab-cli evaluate` honours): per source row, 1 = training row. Steps then fit on them as
    // after a `split` step. Empty (the default) = no split yet. Every step will run again.
    void setSourceTrainMask(std::vector<std::uint8_t> mask);

    // Runs `recipe`, reusing the outputs of the leading steps whose JSON and the recipe's target
    // did not change. On an error or a cancel (ErrorCode::Cancelled) the steps before the failing
    // one stay available (completedSteps()). Errors name the step and field.
    Result<void> run(const Recipe& recipe, const Progress& progress = {});

    // Steps with an up-to-date output (all of them after a successful run).
    std::size_t completedSteps() const { return m_steps.size(); }
    const StepState& step(std::size_t i) const { return m_steps[i]; }
    // Output of the last completed step (the source when there is none).
    const Table& output() const { return m_steps.empty() ? m_source : m_steps.back().table; }
    const std::vector<std::int64_t>& outputOrigin() const
    {
        return m_steps.empty() ? m_sourceOrigin : m_steps.back().origin;
    }
    const std::vector<std::uint8_t>& outputTrainMask() const
    {
        return m_steps.empty() ? m_sourceTrainMask : m_steps.back().trainMask;
    }
    // Input of step i (the output of step i - 1, or the source).
    const Table& inputOf(std::size_t i) const { return i == 0 ? m_source : m_steps[i - 1].table; }

    // How many times each step index has executed since the source was set (for tests and
    // the app's "recomputed" indicator); index = step position.
    const std::vector<std::size_t>& executions() const { return m_executions; }
    // First step the last run() executed (= completedSteps() when nothing had to run).
    std::size_t firstRecomputed() const { return m_firstRecomputed; }

private:
    Result<StepState> runStep(const Recipe& recipe, std::size_t index, const Progress& progress);

    Table m_source;
    std::vector<std::int64_t> m_sourceOrigin;
    std::vector<std::uint8_t> m_sourceTrainMask;
    std::string m_target;
    std::vector<StepState> m_steps;
    std::vector<std::size_t> m_executions;
    std::size_t m_firstRecomputed = 0;
};

} // namespace preplab::pipeline
