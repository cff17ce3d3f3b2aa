// Diagnosis: every bias and imbalance figure of one table in one struct — class balance of the
// target, and per sensitive column the group report, missingness by group, proxy ranking and the
// Simpson check; plus the two-way intersections of the sensitive columns. What
// `preplab-cli diagnose` prints and the Bias panel shows.
#pragma once

#include "core/bias/diagnostics.h"
#include "core/bias/proxy.h"
#include "core/bias/simpson.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace preplab::bias {

struct DiagnoseOptions {
    std::string target;
    std::string positive;                 // empty: chosen as binaryOutcome() says
    std::vector<std::string> sensitive;
    GroupOptions groups;                  // reference group (applies to every sensitive column) and shares
    std::vector<std::string> excludeFromProxies;  // e.g. the `split` column
};

struct SensitiveDiagnosis {
    GroupReport groups;
    MissingByGroup missing;
    std::vector<ProxyScore> proxies;
    std::vector<SimpsonResult> simpson;
};

struct Diagnosis {
    std::int64_t rows = 0;
    std::string positive;
    std::vector<std::string> warnings;
    ClassBalance balance;
    std::vector<SensitiveDiagnosis> sensitive;
    std::vector<GroupReport> intersections;  // one per pair of sensitive columns
};

Result<Diagnosis> diagnose(const Table& table, const DiagnoseOptions& options);

nlohmann::json toJson(const Rate& rate);
nlohmann::json toJson(const GroupReport& report);
nlohmann::json toJson(const Diagnosis& diagnosis);

} // namespace preplab::bias
