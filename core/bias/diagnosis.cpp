#include "core/bias/diagnosis.h"

#include <nlohmann/json.hpp>

namespace preplab::bias {

using nlohmann::json;

Result<Diagnosis> diagnose(const Table& table, const DiagnoseOptions& options)
{
    Diagnosis d;
    d.rows = static_cast<std::int64_t>(table.rowCount());
    auto outcome = binaryOutcome(table, options.target, options.positive);
    if (!outcome.ok())
        return outcome.error();
    d.positive = outcome->positive;
    if (!outcome->warning.empty())
        d.warnings.push_back(outcome->warning);
    d.balance = classBalance(table, options.target);

    std::vector<Grouping> groupings;
    for (const auto& name : options.sensitive) {
        if (name == options.target)
            return makeError(ErrorCode::BadUsage, "the sensitive column '" + name + "' is the target");
        auto g = groupBy(table, name);
        if (!g.ok())
            return g.error();
        SensitiveDiagnosis s;
        s.groups = groupReport(*g, *outcome, options.groups);
        if (!options.groups.referenceGroup.empty() && s.groups.referenceGroup != options.groups.referenceGroup)
            d.warnings.push_back("reference group '" + options.groups.referenceGroup + "' not found in '" + name +
                                 "'; the largest group '" + s.groups.referenceGroup + "' is used");
        s.missing = missingByGroup(table, *g);
        std::vector<std::string> exclude = options.excludeFromProxies;
        exclude.push_back(options.target);
        for (const auto& other : options.sensitive)
            if (other != name)
                exclude.push_back(other);
        s.proxies = rankProxies(table, *g, exclude);
        s.simpson = findSimpson(table, *g, *outcome, exclude);
        d.sensitive.push_back(std::move(s));
        groupings.push_back(std::move(*g));
    }
    for (std::size_t a = 0; a < groupings.size(); ++a)
        for (std::size_t b = a + 1; b < groupings.size(); ++b)
            d.intersections.push_back(groupReport(intersect(groupings[a], groupings[b]), *outcome, {}));
    return d;
}

namespace {

json optional(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

} // namespace

json toJson(const Rate& rate)
{
    json j{{"value", optional(rate.value)}, {"numerator", rate.numerator}, {"n", rate.denominator}};
    if (rate.value) {
        j["ci_low"] = rate.low;
        j["ci_high"] = rate.high;
    } else {
        j["undefined"] = rate.undefinedReason;
    }
    return j;
}

json toJson(const GroupReport& report)
{
    json groups = json::array();
    for (const auto& g : report.groups) {
        json j{{"group", g.group},
               {"rows", g.rows},
               {"share", g.share},
               {"positive_rate", toJson(g.positiveRate)},
               {"parity_difference", optional(g.parityDifference)},
               {"disparate_impact", optional(g.disparateImpact)},
               {"four_fifths_violation", g.fourFifthsViolation}};
        if (g.referenceShare) {
            j["reference_share"] = *g.referenceShare;
            j["share_gap"] = *g.shareGap;
        }
        if (!g.disparityUndefinedReason.empty())
            j["undefined"] = g.disparityUndefinedReason;
        groups.push_back(std::move(j));
    }
    return {{"column", report.sensitive},
            {"binned", report.binned},
            {"reference_group", report.referenceGroup},
            {"overall_positive_rate", toJson(report.overallRate)},
            {"groups", std::move(groups)}};
}

json toJson(const Diagnosis& d)
{
    json classes = json::array();
    for (const auto& c : d.balance.classes)
        classes.push_back({{"value", c.value}, {"count", c.count}, {"share", c.share}});
    json out{{"rows", d.rows},
             {"conventions",
              {{"parity_difference", "rate(group) - rate(reference group); negative = group receives the positive "
                                     "outcome less often (AIF360 sign)"},
               {"disparate_impact", "rate(group) / rate(reference group); below 0.8 violates the four-fifths rule"},
               {"intervals", "Wilson score interval, 95%"},
               {"reference_group", "the group given with --reference, else the largest group"}}},
             {"target",
              {{"column", d.balance.target},
               {"positive", d.positive},
               {"classes", std::move(classes)},
               {"missing", d.balance.missing},
               {"imbalance_ratio", optional(d.balance.imbalanceRatio)},
               {"majority_class", d.balance.majorityClass},
               {"majority_baseline_accuracy", optional(d.balance.majorityBaselineAccuracy)}}},
             {"warnings", d.warnings}};
    json sensitive = json::array();
    for (const auto& s : d.sensitive) {
        json j = toJson(s.groups);
        json missing = json::array();
        for (std::size_t c = 0; c < s.missing.columns.size(); ++c) {
            json perGroup = json::object();
            bool any = false;
            for (std::size_t g = 0; g < s.missing.groups.size(); ++g) {
                perGroup[s.missing.groups[g]] = optional(s.missing.missing[c][g].value);
                any = any || s.missing.missing[c][g].numerator > 0;
            }
            if (any)
                missing.push_back({{"column", s.missing.columns[c]}, {"missing_share", std::move(perGroup)}});
        }
        j["missing_by_group"] = std::move(missing);
        json proxies = json::array();
        for (const auto& p : s.proxies) {
            json pj{{"column", p.column}, {"measure", p.measure}, {"strength", optional(p.strength)}, {"n", p.n}};
            if (!p.strength)
                pj["undefined"] = p.undefinedReason;
            proxies.push_back(std::move(pj));
        }
        j["proxies"] = std::move(proxies);
        json simpson = json::array();
        for (const auto& r : s.simpson) {
            json strata = json::array();
            for (const auto& z : r.strata)
                strata.push_back({{"stratum", z.stratum},
                                  {"rate_a", toJson(z.rateA)},
                                  {"rate_b", toJson(z.rateB)},
                                  {"gap", optional(z.gap)}});
            simpson.push_back({{"stratifier", r.stratifier},
                               {"group_a", r.groupA},
                               {"group_b", r.groupB},
                               {"rate_a", toJson(r.rateA)},
                               {"rate_b", toJson(r.rateB)},
                               {"aggregate_gap", r.aggregateGap},
                               {"adjusted_gap", optional(r.adjustedGap)},
                               {"strata_reversed", r.strataReversed},
                               {"verdict", r.verdict},
                               {"strata", std::move(strata)}});
        }
        j["simpson"] = std::move(simpson);
        sensitive.push_back(std::move(j));
    }
    out["sensitive"] = std::move(sensitive);
    json inter = json::array();
    for (const auto& r : d.intersections)
        inter.push_back(toJson(r));
    out["intersections"] = std::move(inter);
    return out;
}

} // namespace preplab::bias
