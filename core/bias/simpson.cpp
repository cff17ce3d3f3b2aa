#include "core/bias/simpson.h"

#include <algorithm>
#include <cmath>

namespace preplab::bias {

namespace {

int sign(double v, double eps) { return v > eps ? 1 : (v < -eps ? -1 : 0); }

} // namespace

SimpsonResult simpsonCheck(const Grouping& sensitive, const Grouping& stratifier, const Outcome& outcome,
                           const std::string& groupA, const std::string& groupB)
{
    SimpsonResult r;
    r.sensitive = sensitive.column;
    r.stratifier = stratifier.column;
    const std::size_t k = sensitive.labels.size(), s = stratifier.labels.size();
    std::vector<double> rows(k, 0);
    for (std::size_t i = 0; i < sensitive.code.size(); ++i)
        if (outcome.y[i] >= 0)
            rows[static_cast<std::size_t>(sensitive.code[i])] += 1;

    auto find = [&](const std::string& label) -> long {
        for (std::size_t g = 0; g < k; ++g)
            if (sensitive.labels[g] == label)
                return static_cast<long>(g);
        return -1;
    };
    std::vector<std::size_t> order(k);
    for (std::size_t g = 0; g < k; ++g)
        order[g] = g;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rows[a] > rows[b]; });
    long a = groupA.empty() ? (k > 0 ? static_cast<long>(order[0]) : -1) : find(groupA);
    long b = groupB.empty() ? (k > 1 ? static_cast<long>(order[1]) : -1) : find(groupB);
    if (a < 0 || b < 0 || a == b) {
        r.verdict = "undefined";
        return r;
    }
    r.groupA = sensitive.labels[static_cast<std::size_t>(a)];
    r.groupB = sensitive.labels[static_cast<std::size_t>(b)];

    // [stratum][0 = a, 1 = b] -> positives, rows
    std::vector<double> pos(s * 2, 0), n(s * 2, 0);
    double posA = 0, nA = 0, posB = 0, nB = 0;
    for (std::size_t i = 0; i < sensitive.code.size(); ++i) {
        if (outcome.y[i] < 0)
            continue;
        const long g = sensitive.code[i];
        if (g != a && g != b)
            continue;
        const std::size_t side = g == a ? 0 : 1;
        const auto z = static_cast<std::size_t>(stratifier.code[i]);
        pos[z * 2 + side] += outcome.y[i];
        n[z * 2 + side] += 1;
        (side == 0 ? posA : posB) += outcome.y[i];
        (side == 0 ? nA : nB) += 1;
    }
    r.rateA = makeRate(posA, nA, "no rows");
    r.rateB = makeRate(posB, nB, "no rows");
    if (!r.rateA.value || !r.rateB.value) {
        r.verdict = "undefined";
        return r;
    }
    r.aggregateGap = *r.rateA.value - *r.rateB.value;
    double weighted = 0, weight = 0;
    for (std::size_t z = 0; z < s; ++z) {
        StratumGap g;
        g.stratum = stratifier.labels[z];
        g.rateA = makeRate(pos[z * 2], n[z * 2], "no rows of " + r.groupA + " here");
        g.rateB = makeRate(pos[z * 2 + 1], n[z * 2 + 1], "no rows of " + r.groupB + " here");
        if (g.rateA.value && g.rateB.value) {
            g.gap = *g.rateA.value - *g.rateB.value;
            const double w = n[z * 2] + n[z * 2 + 1];
            weighted += w * *g.gap;
            weight += w;
            if (sign(*g.gap, 0.0) != 0 && sign(*g.gap, 0.0) == -sign(r.aggregateGap, 0.0))
                ++r.strataReversed;
        }
        r.strata.push_back(std::move(g));
    }
    if (weight <= 0) {
        r.verdict = "undefined";
        return r;
    }
    r.adjustedGap = weighted / weight;
    const int sAgg = sign(r.aggregateGap, 0.005), sAdj = sign(*r.adjustedGap, 0.005);
    if (sAgg != 0 && sAdj != 0 && sAgg != sAdj)
        r.verdict = "reversal";
    else if (std::abs(r.aggregateGap) >= 0.02 && std::abs(*r.adjustedGap) < std::abs(r.aggregateGap) / 4)
        r.verdict = "vanishes";
    else
        r.verdict = "consistent";
    return r;
}

std::vector<SimpsonResult> findSimpson(const Table& table, const Grouping& sensitive, const Outcome& outcome,
                                       const std::vector<std::string>& exclude, int maxStrata)
{
    std::vector<SimpsonResult> out;
    for (std::size_t j = 0; j < table.columnCount(); ++j) {
        const std::string& name = table.name(j);
        const Column& col = table.column(j);
        if (name == sensitive.column || name == outcome.column ||
            std::find(exclude.begin(), exclude.end(), name) != exclude.end())
            continue;
        if (col.type() != ColumnType::Categorical && col.type() != ColumnType::Boolean &&
            col.type() != ColumnType::Integer)
            continue;
        auto strat = groupBy(table, name, maxStrata);
        if (!strat.ok() || strat->binned || strat->labels.size() < 2 ||
            static_cast<int>(strat->labels.size()) > maxStrata)
            continue;
        out.push_back(simpsonCheck(sensitive, *strat, outcome));
    }
    auto rank = [](const SimpsonResult& r) {
        return r.verdict == "reversal" ? 0 : r.verdict == "vanishes" ? 1 : r.verdict == "consistent" ? 2 : 3;
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const SimpsonResult& a, const SimpsonResult& b) { return rank(a) < rank(b); });
    return out;
}

} // namespace preplab::bias
