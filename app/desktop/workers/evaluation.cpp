#include "app/desktop/workers/evaluation.h"

#include "core/pipeline/pipeline.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <numeric>

namespace preplab::desktop {

struct PipelineCache {
    std::mutex mutex;
    std::shared_ptr<const Table> source;
    pipeline::Pipeline pipeline;
    // The marks of the last shown step, reused while its input and output stay the same (a
    // column click re-evaluates without re-running anything).
    std::shared_ptr<const StepHighlights> highlights;
    nlohmann::json highlightsStep;
    // The profile of the last table profiled: a column click or a step selection that shows the
    // same table again does not profile it again. Its own lock: profiling may run beside the steps.
    std::mutex profileMutex;
    std::optional<Table> profiledTable;
    profile::TableProfile profile;
    ComparisonCache comparisons;
};

std::shared_ptr<PipelineCache> makePipelineCache() { return std::make_shared<PipelineCache>(); }

namespace {

using Clock = std::chrono::steady_clock;

// Same columns (shared, not merely equal) under the same names.
bool sameTable(const Table& a, const Table& b)
{
    if (a.rowCount() != b.rowCount() || a.names() != b.names())
        return false;
    for (std::size_t c = 0; c < a.columnCount(); ++c)
        if (a.columnPtr(c) != b.columnPtr(c))
            return false;
    return true;
}

ColumnPtr columnOf(const Table& table, const std::string& name)
{
    const auto index = table.indexOf(name);
    return index ? table.columnPtr(*index) : ColumnPtr();
}

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::size_t executedSteps(const pipeline::Pipeline& p)
{
    std::size_t n = 0;
    for (std::size_t e : p.executions())
        n += e;
    return n;
}

// Runs steps [0, last] through the cached pipeline: first [0, last) and then the last step alone,
// so that its own time is measured. Returns false when cancelled.
bool runSteps(const EvaluationRequest& request, int last, PipelineCache& cache, EvaluationResult& result,
              const Progress& progress)
{
    if (cache.source != request.source) {
        cache.pipeline.setSource(*request.source);
        cache.source = request.source;
    }
    pipeline::Recipe recipe;
    recipe.target = request.target;
    for (int i = 0; i < last; ++i)
        recipe.steps.push_back({request.steps[static_cast<std::size_t>(i)]});
    const std::size_t executedBefore = executedSteps(cache.pipeline);
    Result<void> ran = cache.pipeline.run(recipe, progress);
    if (ran) {
        recipe.steps.push_back({request.steps[static_cast<std::size_t>(last)]});
        const auto start = Clock::now();
        ran = cache.pipeline.run(recipe, progress);
        result.stepMs = msSince(start);
    }
    result.stepsRun = executedSteps(cache.pipeline) - executedBefore;
    if (!ran && (ran.error().code == ErrorCode::Cancelled || progress.cancelled()))
        return false;
    const pipeline::Pipeline& p = cache.pipeline;
    for (std::size_t i = 0; i < p.completedSteps() && i < result.steps.size(); ++i) {
        const ops::StepReport& report = p.step(i).report;
        StepStatus& status = result.steps[i];
        status.state = report.ran ? StepStatus::State::Ran : StepStatus::State::Disabled;
        status.description = report.ran ? report.description : "disabled: the table passes through unchanged";
        result.warnings.insert(result.warnings.end(), report.warnings.begin(), report.warnings.end());
    }
    if (!ran) {
        result.error = ran.error();
        if (p.completedSteps() < result.steps.size()) {
            result.steps[p.completedSteps()].state = StepStatus::State::Failed;
            result.steps[p.completedSteps()].description = ran.error().message;
        }
        const auto failed = std::min<std::size_t>(p.completedSteps(), static_cast<std::size_t>(last));
        result.before = std::make_shared<const Table>(p.inputOf(failed));
        result.after = result.before;
        return true;
    }
    const auto index = static_cast<std::size_t>(last);
    const StepHighlights* reuse = cache.highlights.get();
    if (reuse && cache.highlightsStep == request.steps[index] && sameTable(*reuse->input, p.inputOf(index))
        && sameTable(*reuse->output, p.step(index).table)) {
        result.before = reuse->input;
        result.after = reuse->output;
    } else {
        reuse = nullptr;
        result.before = std::make_shared<const Table>(p.inputOf(index));
        result.after = std::make_shared<const Table>(p.step(index).table);
    }
    result.report = p.step(index).report;
    for (const auto& change : result.report->changed)
        result.changedColumns.insert(change.column);
    for (const auto& added : result.report->columnsAdded)
        result.changedColumns.insert(added);
    if (reuse) {
        result.highlights = cache.highlights;
        return true;
    }
    std::vector<std::int64_t> sourceOrigin;
    if (index == 0) {
        sourceOrigin.resize(p.source().rowCount());
        std::iota(sourceOrigin.begin(), sourceOrigin.end(), std::int64_t{0});
    }
    result.highlights = buildHighlights(result.before, index == 0 ? sourceOrigin : p.step(index - 1).origin,
                                        result.after, p.step(index).origin, *result.report,
                                        request.steps[index]);
    cache.highlights = result.highlights;
    cache.highlightsStep = request.steps[index];
    return true;
}

bool cachedProfile(PipelineCache& cache, const Table& table, profile::TableProfile& out)
{
    std::lock_guard lock(cache.profileMutex);
    if (!cache.profiledTable || !sameTable(*cache.profiledTable, table))
        return false;
    out = cache.profile;
    return true;
}

} // namespace

bool profileResult(EvaluationResult& result, const std::shared_ptr<PipelineCache>& cache, const Progress& progress)
{
    result.profilePending = false;
    if (!result.after)
        return true;
    if (cache && cachedProfile(*cache, *result.after, result.profile))
        return true;
    auto profiled = profile::profileTable(*result.after, {}, progress);
    if (!profiled || progress.cancelled())
        return false;
    result.profile = std::move(*profiled);
    if (cache) {
        std::lock_guard lock(cache->profileMutex);
        cache->profiledTable = *result.after;
        cache->profile = result.profile;
    }
    return true;
}

EvaluationResult evaluate(const EvaluationRequest& request, const Progress& progress)
{
    const auto start = Clock::now();
    EvaluationResult result;
    result.step = request.step;
    if (!request.source)
        return result;
    try {
        result.before = request.source;
        result.after = request.source;
        result.steps.resize(request.steps.size());
        const int last = std::min(request.step, static_cast<int>(request.steps.size()) - 1);
        if (last >= 0) {
            auto cache = request.cache ? request.cache : makePipelineCache();
            std::lock_guard lock(cache->mutex);
            if (!runSteps(request, last, *cache, result, progress)) {
                result.cancelled = true;
                return result;
            }
        }
        if (request.deferProfile) {
            result.profilePending = !request.cache || !cachedProfile(*request.cache, *result.after, result.profile);
        } else if (!profileResult(result, request.cache, progress)) {
            result.cancelled = true;
            return result;
        }
        if (!request.column.empty() && request.cache)
            result.comparison = compareColumn(request.column, columnOf(*result.before, request.column),
                                              columnOf(*result.after, request.column), request.cache->comparisons);
        else if (!request.column.empty())
            result.comparison = compareColumn(request.column, result.before->find(request.column),
                                              result.after->find(request.column));
    } catch (const std::exception& e) {
        // The worker-thread boundary: an exception becomes an error value shown to the user.
        result.error = makeError(ErrorCode::Internal, e.what());
    }
    result.totalMs = msSince(start);
    return result;
}

std::string columnToInspect(const ops::StepReport& report, const std::string& current)
{
    auto has = [&current](const std::vector<std::string>& names) {
        return std::find(names.begin(), names.end(), current) != names.end();
    };
    if (auto renamed = report.renamed.find(current); renamed != report.renamed.end())
        return renamed->second;
    std::string firstChanged;
    for (const ops::ColumnChange& change : report.changed) {
        if (change.changedCells == 0)
            continue;
        if (change.column == current)
            return current;
        if (firstChanged.empty())
            firstChanged = change.column;
    }
    if (has(report.columnsAdded) || has(report.columnsRemoved))
        return current;
    if (!firstChanged.empty())
        return firstChanged;
    return report.columnsAdded.empty() ? current : report.columnsAdded.front();
}

} // namespace preplab::desktop
