#include "app/desktop/workers/evaluation.h"

#include "core/ops/registry.h"

#include <chrono>
#include <exception>

namespace preplab::desktop {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool stepEnabled(const nlohmann::json& step)
{
    auto it = step.find("enabled");
    return it == step.end() || !it->is_boolean() || it->get<bool>();
}

// Runs steps [0, last] of the recipe; fills result.before/after/report/steps. Returns false when
// cancelled.
bool runSteps(const EvaluationRequest& request, int last, EvaluationResult& result, const Progress& progress)
{
    auto current = request.source;
    std::vector<std::uint8_t> trainMask;  // empty until a split ran
    std::vector<std::int64_t> origin;     // source row of each current row; empty = identity
    for (int i = 0; i <= last; ++i) {
        const nlohmann::json& step = request.steps[static_cast<std::size_t>(i)];
        StepStatus& status = result.steps[static_cast<std::size_t>(i)];
        if (i == last)
            result.before = current;
        if (!stepEnabled(step)) {
            status.state = StepStatus::State::Disabled;
            status.description = "disabled: the table passes through unchanged";
            continue;
        }
        ops::StepContext ctx = ops::StepContext::allRows(*current, step.value("op", std::string()), request.target);
        ctx.stepIndex = static_cast<std::size_t>(i);
        ctx.progress = progress;
        ctx.fitOnAll = step.value("fit_on", std::string()) == "all";
        if (!trainMask.empty()) {
            ctx.trainMask = trainMask;
            if (!ctx.fitOnAll) {
                ctx.fitRows.clear();
                for (std::size_t r = 0; r < trainMask.size(); ++r)
                    if (trainMask[r])
                        ctx.fitRows.push_back(r);
            }
        }
        const auto start = Clock::now();
        auto out = ops::runStep(*current, step, std::move(ctx), origin.empty() ? nullptr : &origin);
        status.ms = msSince(start);
        if (!out) {
            if (out.error().code == ErrorCode::Cancelled || progress.cancelled())
                return false;
            status.state = StepStatus::State::Failed;
            status.description = out.error().message;
            result.error = out.error();
            result.after = current;
            return true;
        }
        status.state = StepStatus::State::Ran;
        status.description = out->report.description;
        result.warnings.insert(result.warnings.end(), out->report.warnings.begin(), out->report.warnings.end());
        // Carry the training mask and the source row positions through row changes.
        if (!out->trainMask.empty()) {
            trainMask = out->trainMask;
        } else if (!out->rowSource.empty()) {
            std::vector<std::uint8_t> mask;
            std::vector<std::int64_t> rows;
            for (std::size_t src : out->rowSource) {
                const bool synthetic = src == ops::kNewRow;
                if (!trainMask.empty())
                    mask.push_back(synthetic ? 1 : trainMask[src]);
                rows.push_back(synthetic ? -1 : origin.empty() ? static_cast<std::int64_t>(src) : origin[src]);
            }
            trainMask = std::move(mask);
            origin = std::move(rows);
        }
        auto next = std::make_shared<const Table>(std::move(out->table));
        if (i == last) {
            result.stepMs = status.ms;
            for (const auto& change : out->report.changed)
                result.changedColumns.insert(change.column);
            for (const auto& added : out->report.columnsAdded)
                result.changedColumns.insert(added);
            result.report = std::move(out->report);
        }
        current = std::move(next);
        if (progress.cancelled())
            return false;
    }
    result.after = current;
    return true;
}

} // namespace

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
        if (last >= 0 && !runSteps(request, last, result, progress)) {
            result.cancelled = true;
            return result;
        }
        if (progress.cancelled()) {
            result.cancelled = true;
            return result;
        }
        auto profiled = profile::profileTable(*result.after, {}, progress);
        if (!profiled || progress.cancelled()) {
            result.cancelled = true;
            return result;
        }
        result.profile = std::move(*profiled);
        if (!request.column.empty())
            result.comparison = compareColumn(request.column, result.before->find(request.column),
                                              result.after->find(request.column));
    } catch (const std::exception& e) {
        // The worker-thread boundary: an exception becomes an error value shown to the user.
        result.error = makeError(ErrorCode::Internal, e.what());
    }
    result.totalMs = msSince(start);
    return result;
}

} // namespace preplab::desktop
