// Simpson's-paradox check: does the gap in positive rate between two groups reverse or vanish
// inside the strata of a third column?
//
// For groups a and b (the two largest groups of the sensitive column, or given):
//   aggregate gap    d = rate_a − rate_b over all rows;
//   stratum gap      d_z = rate_a|z − rate_b|z for every stratum z where both groups have rows;
//   adjusted gap     d_adj = Σ_z w_z d_z with w_z = (n_a|z + n_b|z) / Σ_z (n_a|z + n_b|z).
// Verdict: "reversal" when d and d_adj have opposite signs (each beyond ±0.005);
//          "vanishes" when |d| ≥ 0.02 and |d_adj| < |d| / 4; otherwise "consistent".
// UC Berkeley 1973: men − women = +0.141 overall, d_adj ≈ −0.043 by department: a reversal.
#pragma once

#include "core/bias/groups.h"
#include "core/bias/rates.h"

#include <string>
#include <vector>

namespace preplab::bias {

struct StratumGap {
    std::string stratum;
    Rate rateA, rateB;
    std::optional<double> gap;  // rateA − rateB; undefined when a group has no rows there
};

struct SimpsonResult {
    std::string sensitive, stratifier;
    std::string groupA, groupB;
    Rate rateA, rateB;
    double aggregateGap = 0;
    std::optional<double> adjustedGap;
    std::vector<StratumGap> strata;
    int strataReversed = 0;  // strata whose gap has the opposite sign of the aggregate gap
    std::string verdict;     // "reversal", "vanishes", "consistent", "undefined"
};

SimpsonResult simpsonCheck(const Grouping& sensitive, const Grouping& stratifier, const Outcome& outcome,
                           const std::string& groupA = {}, const std::string& groupB = {});

// Runs simpsonCheck against every categorical column with 2..maxStrata levels other than those in
// `exclude`; reversals first, then "vanishes", then the rest.
std::vector<SimpsonResult> findSimpson(const Table& table, const Grouping& sensitive, const Outcome& outcome,
                                       const std::vector<std::string>& exclude, int maxStrata = 20);

} // namespace preplab::bias
