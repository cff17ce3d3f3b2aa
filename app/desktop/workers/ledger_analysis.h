// LedgerAnalysis: the group-impact ledger of the whole recipe for the Bias panel's Ledger tab:
// the recipe runs through a pipeline::Pipeline on the source table and core/bias/ledger.h says,
// per step and per group of the sensitive column, the rows removed and added, the cells changed
// and the share and positive rate before -> after, with the flags and why. Synchronous and
// Qt-free; the Bias panel runs it in its background job.
#pragma once

#include "core/bias/ledger.h"
#include "core/table/table.h"
#include "core/util/progress.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace preplab::desktop {

struct LedgerRequest {
    std::shared_ptr<const Table> source;
    std::vector<nlohmann::json> steps;  // the recipe's steps (recipe.md)
    std::string target, positive, sensitive;
};

struct LedgerAnalysis {
    std::optional<bias::Ledger> ledger;
    std::string undefinedReason;  // why there is no ledger ("the recipe has no step", an error, ...)
    std::vector<std::string> stepLabels;  // "1 drop_missing", one per completed step
};

LedgerAnalysis analyzeLedger(const LedgerRequest& request, const Progress& progress = {});

} // namespace preplab::desktop
