#include "core/bias/ledger.h"

#include "core/bias/diagnosis.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <unordered_map>

namespace preplab::bias {

namespace {

// Group code and outcome (1, 0, -1 missing) of every row of one step's table.
struct RowFacts {
    std::vector<std::int32_t> group;
    std::vector<std::int8_t> y;
};

RowFacts factsOf(const Table& table, const std::vector<std::int64_t>& origin, const Grouping& source,
                 const Outcome& sourceOutcome, std::vector<std::string>& labels, const std::string& sensitive)
{
    RowFacts f;
    const std::size_t n = table.rowCount();
    f.group.resize(n);
    f.y.resize(n, -1);
    const Column* target = table.find(sourceOutcome.column);
    const Column* sens = table.find(sensitive);
    std::unordered_map<std::string, std::int32_t> byLabel;
    for (std::size_t g = 0; g < labels.size(); ++g)
        byLabel[labels[g]] = static_cast<std::int32_t>(g);
    auto labelCode = [&](const std::string& label) {
        auto it = byLabel.find(label);
        if (it != byLabel.end())
            return it->second;
        labels.push_back(label);
        return byLabel[label] = static_cast<std::int32_t>(labels.size() - 1);
    };
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t o = i < origin.size() ? origin[i] : static_cast<std::int64_t>(i);
        if (o >= 0) {
            f.group[i] = source.code[static_cast<std::size_t>(o)];
        } else if (sens && sens->isValid(i) && !source.binned) {
            f.group[i] = labelCode(sens->format(i));
        } else {
            f.group[i] = labelCode("(synthetic)");
        }
        if (target)
            f.y[i] = target->isValid(i) ? (target->format(i) == sourceOutcome.positive ? 1 : 0) : -1;
        else if (o >= 0)
            f.y[i] = sourceOutcome.y[static_cast<std::size_t>(o)];
    }
    return f;
}

struct GroupTotals {
    std::vector<double> rows, present, positives;
};

GroupTotals totals(const RowFacts& f, std::size_t groups)
{
    GroupTotals t{std::vector<double>(groups, 0), std::vector<double>(groups, 0), std::vector<double>(groups, 0)};
    for (std::size_t i = 0; i < f.group.size(); ++i) {
        const auto g = static_cast<std::size_t>(f.group[i]);
        t.rows[g] += 1;
        if (f.y[i] >= 0) {
            t.present[g] += 1;
            t.positives[g] += f.y[i];
        }
    }
    return t;
}

std::string percent(double v)
{
    return formatDouble(std::round(v * 1000) / 10) + "%";
}

} // namespace

Result<Ledger> groupImpactLedger(const pipeline::Pipeline& pipeline, const std::string& sensitive,
                                 const std::string& target, const std::string& positive, const LedgerOptions& options)
{
    const Table& source = pipeline.source();
    auto grouping = groupBy(source, sensitive);
    if (!grouping.ok())
        return grouping.error();
    auto outcome = binaryOutcome(source, target, positive);
    if (!outcome.ok())
        return outcome.error();

    Ledger ledger;
    ledger.sensitive = sensitive;
    ledger.target = target;
    ledger.positive = outcome->positive;
    ledger.options = options;
    std::vector<std::string> labels = grouping->labels;

    std::vector<std::int64_t> identity(source.rowCount());
    for (std::size_t i = 0; i < identity.size(); ++i)
        identity[i] = static_cast<std::int64_t>(i);
    RowFacts before = factsOf(source, identity, *grouping, *outcome, labels, sensitive);

    for (std::size_t s = 0; s < pipeline.completedSteps(); ++s) {
        const pipeline::StepState& step = pipeline.step(s);
        RowFacts after = factsOf(step.table, step.origin, *grouping, *outcome, labels, sensitive);
        const std::size_t k = labels.size();
        GroupTotals tb = totals(before, k), ta = totals(after, k);

        std::vector<double> removed(k, 0), added(k, 0), changed(k, 0);
        for (std::int64_t o : step.report.rowsRemoved)
            if (o >= 0 && static_cast<std::size_t>(o) < grouping->code.size())
                removed[static_cast<std::size_t>(grouping->code[static_cast<std::size_t>(o)])] += 1;
        for (std::size_t r : step.report.rowsAdded)
            if (r < after.group.size())
                added[static_cast<std::size_t>(after.group[r])] += 1;
        for (const auto& c : step.report.changed)
            for (std::size_t r = 0; r < c.changedRows.size() && r < after.group.size(); ++r)
                if (c.changedRows[r])
                    changed[static_cast<std::size_t>(after.group[r])] += 1;

        const double nBefore = static_cast<double>(before.group.size()), nAfter = static_cast<double>(after.group.size());
        double removedAll = 0;
        for (double r : removed)
            removedAll += r;
        const double lostAll = nBefore > 0 ? removedAll / nBefore : 0;

        for (std::size_t g = 0; g < k; ++g) {
            if (tb.rows[g] == 0 && ta.rows[g] == 0)
                continue;
            LedgerEntry e;
            e.stepIndex = s;
            e.op = step.report.op;
            e.group = labels[g];
            e.rowsBefore = static_cast<std::int64_t>(tb.rows[g]);
            e.rowsAfter = static_cast<std::int64_t>(ta.rows[g]);
            e.rowsRemoved = static_cast<std::int64_t>(removed[g]);
            e.rowsAdded = static_cast<std::int64_t>(added[g]);
            e.cellsChanged = static_cast<std::int64_t>(changed[g]);
            e.shareBefore = nBefore > 0 ? tb.rows[g] / nBefore : 0;
            e.shareAfter = nAfter > 0 ? ta.rows[g] / nAfter : 0;
            e.rateBefore = makeRate(tb.positives[g], tb.present[g], "no rows with a target in the group");
            e.rateAfter = makeRate(ta.positives[g], ta.present[g], "no rows with a target in the group");
            if (e.rateBefore.value && e.rateAfter.value)
                e.rateDelta = *e.rateAfter.value - *e.rateBefore.value;
            std::string why;
            const double shareDelta = e.shareAfter - e.shareBefore;
            if (std::abs(shareDelta) > options.shareThreshold) {
                e.flags.push_back("share");
                why += "share of rows moved from " + percent(e.shareBefore) + " to " + percent(e.shareAfter) + ". ";
            }
            if (e.rateDelta && std::abs(*e.rateDelta) > options.rateThreshold) {
                e.flags.push_back("rate");
                why += "positive rate moved from " + percent(*e.rateBefore.value) + " to " +
                       percent(*e.rateAfter.value) + ". ";
            }
            const double lost = tb.rows[g] > 0 ? removed[g] / tb.rows[g] : 0;
            if (removed[g] >= 5 && lostAll > 0 && lost > options.removalRatio * lostAll) {
                e.flags.push_back("removal");
                why += "lost " + percent(lost) + " of its rows while all rows lost " + percent(lostAll) + ". ";
            }
            if (!why.empty())
                why.pop_back();
            e.why = why;
            ledger.entries.push_back(std::move(e));
        }
        before = std::move(after);
    }
    ledger.groups = labels;
    return ledger;
}

nlohmann::json toJson(const Ledger& ledger)
{
    using nlohmann::json;
    json entries = json::array();
    for (const auto& e : ledger.entries) {
        json j{{"step", e.stepIndex + 1},
               {"op", e.op},
               {"group", e.group},
               {"rows_before", e.rowsBefore},
               {"rows_after", e.rowsAfter},
               {"rows_removed", e.rowsRemoved},
               {"rows_added", e.rowsAdded},
               {"cells_changed", e.cellsChanged},
               {"share_before", e.shareBefore},
               {"share_after", e.shareAfter},
               {"share_delta", e.shareAfter - e.shareBefore},
               {"positive_rate_before", toJson(e.rateBefore)},
               {"positive_rate_after", toJson(e.rateAfter)},
               {"positive_rate_delta", e.rateDelta ? json(*e.rateDelta) : json(nullptr)},
               {"flags", e.flags}};
        if (!e.why.empty())
            j["why"] = e.why;
        entries.push_back(std::move(j));
    }
    return {{"sensitive", ledger.sensitive},
            {"target", ledger.target},
            {"positive", ledger.positive},
            {"groups", ledger.groups},
            {"thresholds",
             {{"share", ledger.options.shareThreshold},
              {"rate", ledger.options.rateThreshold},
              {"removal_ratio", ledger.options.removalRatio}}},
            {"entries", std::move(entries)}};
}

} // namespace preplab::bias
