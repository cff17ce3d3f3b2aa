// Proxy detection: how strongly each other column reveals the sensitive attribute. Dropping the
// sensitive column does not remove its information when a proxy stays (Adult's `relationship`
// = Husband/Wife stands in for `sex`).
//
//   Categorical / boolean X: Cramér's V = sqrt(χ² / (n · (min(r, c) − 1))) over the rows where X is
//     present (r, c the observed levels of X and of the groups); undefined when min(r, c) < 2.
//   Numeric X: correlation ratio η = sqrt(Σ_g n_g (x̄_g − x̄)² / Σ_i (x_i − x̄)²); undefined when X is
//     constant. Both lie in [0, 1]: 0 = no association, 1 = X determines the group (or vice versa).
// Text columns with more than maxLevels distinct values (IDs, free text) are skipped.
#pragma once

#include "core/bias/groups.h"

#include <optional>
#include <string>
#include <vector>

namespace preplab::bias {

struct ProxyScore {
    std::string column;
    std::string measure;  // "cramers_v" or "correlation_ratio"
    std::optional<double> strength;
    std::int64_t n = 0;   // rows used
    std::string undefinedReason;
};

std::optional<double> cramersV(const std::vector<std::int32_t>& x, const std::vector<std::int32_t>& g,
                               const std::vector<std::uint8_t>& use, std::int64_t* n = nullptr);
std::optional<double> correlationRatio(const std::vector<double>& x, const std::vector<std::int32_t>& g,
                                       const std::vector<std::uint8_t>& use, std::int64_t* n = nullptr);

// Every column except the sensitive one and those in `exclude`, ranked by strength (undefined last).
std::vector<ProxyScore> rankProxies(const Table& table, const Grouping& grouping,
                                    const std::vector<std::string>& exclude, int maxLevels = 100);

} // namespace preplab::bias
