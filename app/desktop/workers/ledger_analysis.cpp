#include "app/desktop/workers/ledger_analysis.h"

#include "core/pipeline/pipeline.h"
#include "core/pipeline/recipe.h"

#include <exception>

namespace preplab::desktop {

LedgerAnalysis analyzeLedger(const LedgerRequest& request, const Progress& progress)
{
    LedgerAnalysis out;
    if (!request.source) {
        out.undefinedReason = "no data loaded";
        return out;
    }
    if (request.steps.empty()) {
        out.undefinedReason = "the recipe has no step yet: add one to see what it does to each group";
        return out;
    }
    if (request.sensitive.empty() || !request.source->find(request.sensitive)) {
        out.undefinedReason = "choose a sensitive column of the source data";
        return out;
    }
    try {
        nlohmann::json doc = {{"format", "preplab-recipe"}, {"version", 1}, {"steps", request.steps}};
        if (!request.target.empty())
            doc["target"] = request.target;
        auto recipe = pipeline::Recipe::fromJson(doc);
        if (!recipe) {
            out.undefinedReason = recipe.error().describe();
            return out;
        }
        pipeline::Pipeline pipe(*request.source);
        auto ran = pipe.run(*recipe, progress);
        if (progress.cancelled())
            return out;
        std::string failure;
        if (!ran)
            failure = ran.error().describe();
        if (pipe.completedSteps() == 0) {
            out.undefinedReason = failure.empty() ? "no step ran" : failure;
            return out;
        }
        auto ledger = bias::groupImpactLedger(pipe, request.sensitive, request.target, request.positive);
        if (!ledger) {
            out.undefinedReason = ledger.error().describe();
            return out;
        }
        for (std::size_t i = 0; i < pipe.completedSteps(); ++i)
            out.stepLabels.push_back(std::to_string(i + 1) + " " + recipe->steps[i].op());
        out.ledger = std::move(*ledger);
        if (!failure.empty())
            out.undefinedReason = "the ledger stops before the failing step: " + failure;
    } catch (const std::exception& e) {
        out.undefinedReason = e.what();
    }
    return out;
}

} // namespace preplab::desktop
