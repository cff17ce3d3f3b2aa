#include "core/pipeline/pipeline.h"

#include "core/ops/registry.h"
#include "core/util/closest_name.h"

#include <cassert>
#include <numeric>

namespace preplab::pipeline {

void Pipeline::setSource(Table source)
{
    m_source = std::move(source);
    m_sourceOrigin.resize(m_source.rowCount());
    std::iota(m_sourceOrigin.begin(), m_sourceOrigin.end(), std::int64_t{0});
    m_sourceTrainMask.clear();
    m_steps.clear();
    m_executions.clear();
    m_firstRecomputed = 0;
}

void Pipeline::setSourceTrainMask(std::vector<std::uint8_t> mask)
{
    assert(mask.empty() || mask.size() == m_source.rowCount());
    m_sourceTrainMask = std::move(mask);
    m_steps.clear();
    m_firstRecomputed = 0;
}

Result<StepState> Pipeline::runStep(const Recipe& recipe, std::size_t index, const Progress& progress)
{
    const RecipeStep& step = recipe.steps[index];
    const Table& input = inputOf(index);
    const std::vector<std::int64_t>& inOrigin = index == 0 ? m_sourceOrigin : m_steps[index - 1].origin;
    const std::vector<std::uint8_t>& inMask = index == 0 ? m_sourceTrainMask : m_steps[index - 1].trainMask;

    StepState state;
    state.step = step.json;
    if (!step.enabled()) {
        state.table = input;
        state.origin = inOrigin;
        state.trainMask = inMask;
        state.report.stepIndex = index;
        state.report.op = step.op();
        state.report.ran = false;
        state.report.rowsBefore = state.report.rowsAfter = input.rowCount();
        state.report.description = "disabled";
        return state;
    }

    ops::StepContext ctx;
    ctx.stepIndex = index;
    ctx.op = step.op();
    ctx.target = recipe.target;
    ctx.trainMask = inMask;
    ctx.fitOnAll = step.fitOnAll();
    ctx.progress = progress;
    ctx.fitRows.reserve(input.rowCount());
    for (std::size_t r = 0; r < input.rowCount(); ++r)
        if (inMask.empty() || ctx.fitOnAll || inMask[r])
            ctx.fitRows.push_back(r);

    auto out = ops::runStep(input, step.json, std::move(ctx), &inOrigin);
    if (!out)
        return out.error();

    const auto& source = out->rowSource;
    if (source.empty()) {
        state.origin = inOrigin;
    } else {
        state.origin.resize(source.size());
        for (std::size_t i = 0; i < source.size(); ++i)
            state.origin[i] = source[i] == ops::kNewRow ? -1 : inOrigin[source[i]];
    }
    if (!out->trainMask.empty()) {
        state.trainMask = std::move(out->trainMask);
    } else if (!inMask.empty()) {
        if (source.empty()) {
            state.trainMask = inMask;
        } else {
            // Rows follow their source; synthetic rows come from training rows (resampling).
            state.trainMask.resize(source.size());
            for (std::size_t i = 0; i < source.size(); ++i)
                state.trainMask[i] = source[i] == ops::kNewRow ? 1 : inMask[source[i]];
        }
    }
    state.table = std::move(out->table);
    state.report = std::move(out->report);
    return state;
}

Result<void> Pipeline::run(const Recipe& recipe, const Progress& progress)
{
    if (!recipe.target.empty() && !m_source.indexOf(recipe.target)) {
        std::string hint = closestName(recipe.target, m_source.names());
        return makeError(ErrorCode::BadRecipe, "field \"target\": no column named \"" + recipe.target + "\"" +
                                                   (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)"));
    }
    // Keep the leading steps that are unchanged (same JSON, same target).
    std::size_t keep = 0;
    if (recipe.target == m_target)
        while (keep < m_steps.size() && keep < recipe.steps.size() && m_steps[keep].step == recipe.steps[keep].json)
            ++keep;
    m_steps.resize(keep);
    m_target = recipe.target;
    m_firstRecomputed = keep;
    if (m_executions.size() < recipe.steps.size())
        m_executions.resize(recipe.steps.size(), 0);

    const std::size_t n = recipe.steps.size();
    for (std::size_t i = keep; i < n; ++i) {
        if (progress.cancelled())
            return makeError(ErrorCode::Cancelled, "cancelled before step " + std::to_string(i + 1));
        progress.report(static_cast<double>(i) / static_cast<double>(n), recipe.steps[i].op());
        ++m_executions[i];
        auto state = runStep(recipe, i, progress.sub(static_cast<double>(i) / static_cast<double>(n),
                                                     static_cast<double>(i + 1) / static_cast<double>(n)));
        if (!state)
            return state.error();
        m_steps.push_back(std::move(*state));
    }
    progress.report(1.0, "done");
    return {};
}

} // namespace preplab::pipeline
