// BiasAnalysis: what the Bias panel shows for one table, computed off the GUI thread: the
// diagnosis of core/bias (group rates with Wilson intervals, parity difference, disparate impact,
// the four-fifths flag, proxies, Simpson checks, two-way intersections), the recipe's
// group-impact ledger, plus the lists the panel's pickers offer. analyzeBias() is synchronous and Qt-free so tests call it directly.
#pragma once

#include "app/desktop/workers/ledger_analysis.h"
#include "core/bias/diagnosis.h"
#include "core/table/table.h"
#include "core/util/progress.h"

#include <QMetaType>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace preplab::desktop {

struct BiasRequest {
    std::shared_ptr<const Table> table;
    std::string target;
    std::string positive;                // empty: binaryOutcome() chooses
    std::vector<std::string> sensitive;  // at least one
    std::string reference;               // empty: the largest group
    // For the group-impact ledger of the whole recipe (the first sensitive column's groups in the
    // source). No source: no ledger.
    std::shared_ptr<const Table> source;
    std::vector<nlohmann::json> steps;
};

struct BiasAnalysis {
    bool cancelled = false;
    std::string error;                   // why nothing could be computed (empty when fine)
    BiasRequest request;
    std::vector<std::string> targetValues;  // distinct values of the target, most frequent first
    std::optional<bias::Diagnosis> diagnosis;
    LedgerAnalysis ledger;
};

BiasAnalysis analyzeBias(const BiasRequest& request, const Progress& progress = {});

// Distinct values of a column as text, most frequent first (at most `limit`).
std::vector<std::string> distinctValues(const Table& table, const std::string& column, std::size_t limit = 50);

// Columns that look like sensitive attributes by name (sex, gender, race, ethnicity), in table
// order, at most two (each one adds proxy and Simpson scans).
std::vector<std::string> likelySensitiveColumns(const Table& table);
// The panels' first choice of target when the recipe names none: a column named as public datasets
// name their outcome (target, label, class, y, outcome, species, income, admit, admitted, survived,
// diagnosis, churn; any case), else the last categorical or boolean column with 2 to 10 distinct
// values, else the last column. Empty for a table without columns.
std::string likelyTarget(const Table& table);

} // namespace preplab::desktop

Q_DECLARE_METATYPE(preplab::desktop::BiasAnalysis)
