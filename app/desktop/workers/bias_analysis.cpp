#include "app/desktop/workers/bias_analysis.h"

#include "core/bias/groups.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <map>
#include <set>
#include <string_view>

namespace preplab::desktop {

std::vector<std::string> distinctValues(const Table& table, const std::string& column, std::size_t limit)
{
    std::vector<std::string> out;
    const Column* c = table.find(column);
    if (!c)
        return out;
    std::map<std::string, std::int64_t> counts;
    for (std::size_t i = 0; i < c->size(); ++i)
        if (c->isValid(i))
            ++counts[bias::cellText(*c, i)];
    std::vector<std::pair<std::string, std::int64_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [value, count] : sorted) {
        if (out.size() >= limit)
            break;
        out.push_back(value);
    }
    return out;
}

std::vector<std::string> likelySensitiveColumns(const Table& table)
{
    static const std::vector<std::string> kNames = {"sex", "gender", "race", "ethnicity"};
    std::vector<std::string> out;
    for (const auto& name : table.names()) {
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (std::find(kNames.begin(), kNames.end(), lower) != kNames.end() && out.size() < 2)
            out.push_back(name);
    }
    return out;
}

std::string likelyTarget(const Table& table)
{
    static const std::vector<std::string> kNames = {"target",  "label",  "class",    "y",        "outcome", "species",
                                                    "income",  "admit",  "admitted", "survived", "diagnosis", "churn"};
    const auto& names = table.names();
    for (const auto& name : names) {
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (std::find(kNames.begin(), kNames.end(), lower) != kNames.end())
            return name;
    }
    for (std::size_t i = names.size(); i-- > 0;) {
        const Column& c = table.column(i);
        if (c.type() != ColumnType::Categorical && c.type() != ColumnType::Boolean)
            continue;
        std::set<std::string_view> seen;
        for (std::size_t r = 0; r < c.size() && seen.size() <= 10; ++r)
            if (c.isValid(r))
                seen.insert(c.type() == ColumnType::Boolean ? (c.integer(r) ? "1" : "0") : c.text(r));
        if (seen.size() >= 2 && seen.size() <= 10)
            return names[i];
    }
    return names.empty() ? std::string() : names.back();
}

BiasAnalysis analyzeBias(const BiasRequest& request, const Progress& progress)
{
    BiasAnalysis result;
    result.request = request;
    if (!request.table) {
        result.error = "no data loaded";
        return result;
    }
    if (request.target.empty() || !request.table->find(request.target)) {
        result.error = request.target.empty() ? "choose the target column (the outcome)"
                                              : "the target column '" + request.target + "' is not in the data";
        return result;
    }
    result.targetValues = distinctValues(*request.table, request.target);
    std::vector<std::string> sensitive;
    for (const auto& s : request.sensitive)
        if (s != request.target && request.table->find(s))
            sensitive.push_back(s);
    if (sensitive.empty()) {
        result.error = "choose at least one sensitive column (the groups to compare)";
        return result;
    }
    if (progress.cancelled()) {
        result.cancelled = true;
        return result;
    }
    progress.report(0.1, "diagnosing groups");
    bias::DiagnoseOptions options;
    options.target = request.target;
    options.positive = request.positive;
    options.sensitive = sensitive;
    options.groups.referenceGroup = request.reference;
    if (request.table->find("split"))
        options.excludeFromProxies.push_back("split");
    try {
        auto diagnosis = bias::diagnose(*request.table, options);
        if (!diagnosis) {
            result.error = diagnosis.error().message;
            return result;
        }
        result.diagnosis = std::move(*diagnosis);
    } catch (const std::exception& e) {
        result.error = e.what();
    }
    if (request.source && result.diagnosis && !progress.cancelled()) {
        progress.report(0.6, "group-impact ledger");
        result.ledger = analyzeLedger({request.source, request.steps, request.target, result.diagnosis->positive,
                                       sensitive.front()},
                                      progress.sub(0.6, 1.0));
    } else if (!request.source) {
        result.ledger.undefinedReason = "no recipe";
    }
    result.cancelled = progress.cancelled();
    progress.report(1.0, "done");
    return result;
}

} // namespace preplab::desktop
