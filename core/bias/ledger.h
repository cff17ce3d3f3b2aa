// The group-impact ledger: for every step of a recipe and every group of a sensitive column, what
// the step did to that group — rows removed and added, cells changed, and the change in the
// group's share of the rows and in its positive rate — with a flag when a step moves a group's
// share or rate by more than a threshold. The classic case: dropping rows with missing values
// removes one group far more than another.
//
// Groups are those of the sensitive column in the SOURCE table, carried to every step through the
// pipeline's row origins, so a step that encodes or drops the sensitive column still reports per
// group. A synthetic row (SMOTE) takes the group its sensitive value names, else "(synthetic)".
// The outcome of a row is read from the step's own target column when it still exists, else from
// the source row. Shares and rates are over all rows of the step's table (train and test).
//
// Flags (thresholds in LedgerOptions):
//   share   |share_after − share_before| > shareThreshold (absolute, default 0.02 = 2 points)
//   rate    |rate_after − rate_before|   > rateThreshold  (absolute, default 0.02)
//   removal the step removed rows and the group lost a fraction of its rows more than
//           removalRatio (default 2) times the fraction all rows lost (and at least 5 rows)
#pragma once

#include "core/bias/groups.h"
#include "core/bias/rates.h"
#include "core/pipeline/pipeline.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace preplab::bias {

struct LedgerOptions {
    double shareThreshold = 0.02;
    double rateThreshold = 0.02;
    double removalRatio = 2.0;
};

struct LedgerEntry {
    std::size_t stepIndex = 0;  // 0-based
    std::string op;
    std::string group;
    std::int64_t rowsBefore = 0, rowsAfter = 0;
    std::int64_t rowsRemoved = 0, rowsAdded = 0;
    std::int64_t cellsChanged = 0;  // cells of existing rows whose value changed (imputed, scaled, ...)
    double shareBefore = 0, shareAfter = 0;
    Rate rateBefore, rateAfter;
    std::optional<double> rateDelta;  // undefined when either rate is
    std::vector<std::string> flags;   // "share", "rate", "removal", each with a sentence in `why`
    std::string why;
};

struct Ledger {
    std::string sensitive;
    std::string target, positive;
    std::vector<std::string> groups;
    std::vector<LedgerEntry> entries;  // step-major: every group of step 0, then step 1, ...
    LedgerOptions options;
};

// The ledger of every completed step of `pipeline` (run it first).
Result<Ledger> groupImpactLedger(const pipeline::Pipeline& pipeline, const std::string& sensitive,
                                 const std::string& target, const std::string& positive,
                                 const LedgerOptions& options = {});

nlohmann::json toJson(const Ledger& ledger);

} // namespace preplab::bias
