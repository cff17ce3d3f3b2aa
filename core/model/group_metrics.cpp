#include "core/model/group_metrics.h"

#include <algorithm>

namespace preplab::model {

namespace {

struct Counts {
    std::size_t rows = 0, pos = 0, neg = 0, predPos = 0, tp = 0, fp = 0, correct = 0;
};

GroupRates ratesOf(const std::string& name, const Counts& c)
{
    GroupRates r;
    r.group = name;
    r.rows = c.rows;
    r.positives = c.pos;
    r.negatives = c.neg;
    r.predictedPositives = c.predPos;
    const std::string in = " in group " + name;
    auto ratio = [](std::size_t a, std::size_t b, const std::string& why) {
        return b == 0 ? MetricValue::undefined(why) : MetricValue::of(static_cast<double>(a) / static_cast<double>(b));
    };
    r.selectionRate = ratio(c.predPos, c.rows, "no rows" + in);
    r.accuracy = ratio(c.correct, c.rows, "no rows" + in);
    r.truePositiveRate = ratio(c.tp, c.pos, (c.rows == 0 ? "no rows" : "no positives") + in);
    r.falsePositiveRate = ratio(c.fp, c.neg, (c.rows == 0 ? "no rows" : "no negatives") + in);
    return r;
}

MetricValue spread(const std::vector<GroupRates>& groups, MetricValue GroupRates::*rate, const std::string& what)
{
    double lo = 0, hi = 0;
    int defined = 0;
    std::string left;
    for (const auto& g : groups) {
        const MetricValue& v = g.*rate;
        if (!v.defined()) {
            left += (left.empty() ? "" : ", ") + g.group;
            continue;
        }
        lo = defined ? std::min(lo, *v) : *v;
        hi = defined ? std::max(hi, *v) : *v;
        ++defined;
    }
    if (defined < 2)
        return MetricValue::undefined(what + " is defined for fewer than two groups");
    return MetricValue::of(hi - lo, left.empty() ? std::string() : what + " undefined and left out for: " + left);
}

} // namespace

GroupMetrics groupMetrics(const std::vector<int>& yTrue, const std::vector<int>& yPred, const std::vector<int>& groupOf,
                          const std::vector<std::string>& groupNames, int positive)
{
    std::vector<Counts> counts(groupNames.size());
    Counts all;
    const std::size_t n = std::min({yTrue.size(), yPred.size(), groupOf.size()});
    for (std::size_t i = 0; i < n; ++i) {
        bool truePos = yTrue[i] == positive, predPos = yPred[i] == positive;
        auto add = [&](Counts& c) {
            ++c.rows;
            c.pos += truePos;
            c.neg += !truePos;
            c.predPos += predPos;
            c.tp += truePos && predPos;
            c.fp += !truePos && predPos;
            c.correct += yTrue[i] == yPred[i];
        };
        add(all);
        int g = groupOf[i];
        if (g >= 0 && static_cast<std::size_t>(g) < counts.size())
            add(counts[static_cast<std::size_t>(g)]);
    }
    GroupMetrics out;
    out.overall = ratesOf("(all)", all);
    for (std::size_t g = 0; g < groupNames.size(); ++g)
        out.groups.push_back(ratesOf(groupNames[g], counts[g]));
    out.demographicParityDifference = spread(out.groups, &GroupRates::selectionRate, "selection rate");
    out.equalOpportunityDifference = spread(out.groups, &GroupRates::truePositiveRate, "true positive rate");
    MetricValue fprGap = spread(out.groups, &GroupRates::falsePositiveRate, "false positive rate");
    const MetricValue& tprGap = out.equalOpportunityDifference;
    if (!tprGap.defined() || !fprGap.defined()) {
        out.equalizedOddsDifference =
            MetricValue::undefined(!tprGap.defined() ? tprGap.reason : fprGap.reason);
    } else {
        std::string note = tprGap.note;
        if (!fprGap.note.empty())
            note += (note.empty() ? "" : "; ") + fprGap.note;
        out.equalizedOddsDifference = MetricValue::of(std::max(*tprGap, *fprGap), note);
    }
    return out;
}

} // namespace preplab::model
