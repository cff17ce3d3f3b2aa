#include "core/bias/diagnostics.h"

#include <algorithm>
#include <map>

namespace preplab::bias {

ClassBalance classBalance(const Table& table, const std::string& target)
{
    ClassBalance cb;
    cb.target = target;
    const Column* col = table.find(target);
    if (!col)
        return cb;
    std::map<std::string, std::int64_t> counts;
    std::int64_t present = 0;
    for (std::size_t i = 0; i < table.rowCount(); ++i) {
        if (!col->isValid(i)) {
            ++cb.missing;
            continue;
        }
        ++counts[col->format(i)];
        ++present;
    }
    for (auto& [v, c] : counts)
        cb.classes.push_back({v, c, present ? static_cast<double>(c) / static_cast<double>(present) : 0.0});
    std::stable_sort(cb.classes.begin(), cb.classes.end(),
                     [](const ClassCount& a, const ClassCount& b) { return a.count > b.count; });
    if (!cb.classes.empty()) {
        cb.majorityClass = cb.classes.front().value;
        cb.majorityBaselineAccuracy = cb.classes.front().share;
    }
    if (cb.classes.size() >= 2)
        cb.imbalanceRatio = static_cast<double>(cb.classes.front().count) / static_cast<double>(cb.classes.back().count);
    return cb;
}

GroupReport groupReport(const Grouping& grouping, const Outcome& outcome, const GroupOptions& options)
{
    GroupReport r;
    r.sensitive = grouping.column;
    r.binned = grouping.binned;
    const std::size_t k = grouping.labels.size();
    std::vector<std::int64_t> rows(k, 0), present(k, 0), positives(k, 0);
    std::int64_t allPresent = 0, allPositives = 0;
    for (std::size_t i = 0; i < grouping.code.size(); ++i) {
        const auto g = static_cast<std::size_t>(grouping.code[i]);
        ++rows[g];
        if (outcome.y[i] >= 0) {
            ++present[g];
            ++allPresent;
            positives[g] += outcome.y[i];
            allPositives += outcome.y[i];
        }
    }
    const auto total = static_cast<double>(grouping.code.size());
    r.overallRate = makeRate(static_cast<double>(allPositives), static_cast<double>(allPresent), "no rows with a target");

    std::size_t ref = 0;
    bool refFound = false;
    if (!options.referenceGroup.empty()) {
        for (std::size_t g = 0; g < k; ++g)
            if (grouping.labels[g] == options.referenceGroup) {
                ref = g;
                refFound = true;
            }
    }
    if (!refFound)
        for (std::size_t g = 0; g < k; ++g)
            if (rows[g] > rows[ref])
                ref = g;
    if (k > 0)
        r.referenceGroup = grouping.labels[ref];

    const Rate refRate = k > 0 ? makeRate(static_cast<double>(positives[ref]), static_cast<double>(present[ref]),
                                          "no rows with a target in the group")
                               : Rate{};
    for (std::size_t g = 0; g < k; ++g) {
        GroupStat s;
        s.group = grouping.labels[g];
        s.rows = rows[g];
        s.share = total > 0 ? static_cast<double>(rows[g]) / total : 0.0;
        if (auto it = options.referenceShares.find(s.group); it != options.referenceShares.end()) {
            s.referenceShare = it->second;
            s.shareGap = s.share - it->second;
        }
        s.positiveRate = makeRate(static_cast<double>(positives[g]), static_cast<double>(present[g]),
                                  "no rows with a target in the group");
        if (!s.positiveRate.value) {
            s.disparityUndefinedReason = "group '" + s.group + "' has no rows with a target";
        } else if (!refRate.value) {
            s.disparityUndefinedReason = "reference group '" + r.referenceGroup + "' has no rows with a target";
        } else {
            s.parityDifference = *s.positiveRate.value - *refRate.value;
            if (*refRate.value > 0) {
                s.disparateImpact = *s.positiveRate.value / *refRate.value;
                s.fourFifthsViolation = *s.disparateImpact < 0.8;
            } else {
                s.disparityUndefinedReason = "reference group '" + r.referenceGroup + "' has no positives";
            }
        }
        r.groups.push_back(std::move(s));
    }
    return r;
}

MissingByGroup missingByGroup(const Table& table, const Grouping& grouping)
{
    MissingByGroup m;
    m.sensitive = grouping.column;
    m.groups = grouping.labels;
    const std::size_t k = grouping.labels.size();
    std::vector<std::int64_t> rows(k, 0);
    for (auto c : grouping.code)
        ++rows[static_cast<std::size_t>(c)];
    for (std::size_t j = 0; j < table.columnCount(); ++j) {
        const Column& col = table.column(j);
        std::vector<std::int64_t> missing(k, 0);
        if (col.missingCount() > 0)
            for (std::size_t i = 0; i < table.rowCount(); ++i)
                if (col.isMissing(i))
                    ++missing[static_cast<std::size_t>(grouping.code[i])];
        std::vector<Rate> rates;
        for (std::size_t g = 0; g < k; ++g)
            rates.push_back(makeRate(static_cast<double>(missing[g]), static_cast<double>(rows[g]), "no rows in group"));
        m.columns.push_back(table.name(j));
        m.missing.push_back(std::move(rates));
    }
    return m;
}

} // namespace preplab::bias
