// Bias and imbalance diagnostics of one table: who is in the data and how outcomes differ.
//
// Conventions (stated once, used everywhere):
//   * Positive rate of group g: P(y = positive | A = g) = positives_g / n_g, with n_g the rows of g
//     whose target is present. Every rate carries n and a Wilson 95% interval (core/bias/rates.h).
//   * Statistical parity difference (AIF360 sign): SPD_g = rate_g − rate_ref, where ref is the chosen
//     reference ("privileged") group; negative means g receives the positive outcome less often.
//   * Disparate impact: DI_g = rate_g / rate_ref; the four-fifths rule flags DI_g < 0.8.
//     Undefined (with the reason) when the reference rate is 0 or a group has no rows.
//   * Class balance: imbalance ratio = n_majority / n_minority (≥ 1); the majority-class baseline
//     accuracy = n_majority / n.
//   * Missing rate of column j in group g: missing cells of j in g / rows of g.
#pragma once

#include "core/bias/groups.h"
#include "core/bias/rates.h"
#include "core/table/table.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace preplab::bias {

struct ClassCount {
    std::string value;
    std::int64_t count = 0;
    double share = 0;
};
struct ClassBalance {
    std::string target;
    std::vector<ClassCount> classes;  // count descending, then value ascending
    std::int64_t missing = 0;
    std::optional<double> imbalanceRatio;  // undefined with fewer than two classes
    std::optional<double> majorityBaselineAccuracy;
    std::string majorityClass;
};
ClassBalance classBalance(const Table& table, const std::string& target);

struct GroupStat {
    std::string group;
    std::int64_t rows = 0;         // rows of the group (target present or not)
    double share = 0;              // rows / all rows
    std::optional<double> referenceShare;  // the user's expected share, when given
    std::optional<double> shareGap;        // share − referenceShare
    Rate positiveRate;             // over rows with the target present
    std::optional<double> parityDifference;  // SPD vs the reference group
    std::optional<double> disparateImpact;   // DI vs the reference group
    std::string disparityUndefinedReason;
    bool fourFifthsViolation = false;
};

struct GroupReport {
    std::string sensitive;
    bool binned = false;            // a numeric column cut into quartile bins
    std::string referenceGroup;     // the group the differences and ratios compare against
    Rate overallRate;
    std::vector<GroupStat> groups;
};

struct GroupOptions {
    std::string referenceGroup;  // empty = the largest group
    std::map<std::string, double> referenceShares;  // expected population shares, by group label
};
GroupReport groupReport(const Grouping& grouping, const Outcome& outcome, const GroupOptions& options = {});

// Missing share of every column (target and the sensitive column included) inside each group.
struct MissingByGroup {
    std::string sensitive;
    std::vector<std::string> groups;
    std::vector<std::string> columns;
    std::vector<std::vector<Rate>> missing;  // [column][group]
};
MissingByGroup missingByGroup(const Table& table, const Grouping& grouping);

} // namespace preplab::bias
