#include "core/bias/groups.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace preplab::bias {

std::string cellText(const Column& column, std::size_t i)
{
    return column.format(i);
}

namespace {

// numpy "linear" quantile of sorted values.
double quantileSorted(const std::vector<double>& v, double p)
{
    const double h = (static_cast<double>(v.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

std::string formatEdge(double v)
{
    return formatDouble(std::round(v * 1e6) / 1e6);
}

} // namespace

Result<Grouping> groupBy(const Table& table, const std::string& column, int maxNumericLevels)
{
    const Column* col = table.find(column);
    if (!col)
        return makeError(ErrorCode::BadUsage, "no column named '" + column + "'");
    Grouping g;
    g.column = column;
    g.code.assign(table.rowCount(), 0);
    const std::size_t n = table.rowCount();

    if (isNumericType(col->type())) {
        std::vector<double> present;
        for (std::size_t i = 0; i < n; ++i)
            if (col->isValid(i))
                present.push_back(col->number(i));
        std::sort(present.begin(), present.end());
        std::vector<double> uniq = present;
        uniq.erase(std::unique(uniq.begin(), uniq.end()), uniq.end());
        if (static_cast<int>(uniq.size()) > maxNumericLevels) {
            std::vector<double> edges{present.front()};
            for (double p : {0.25, 0.5, 0.75}) {
                double e = quantileSorted(present, p);
                if (e > edges.back())
                    edges.push_back(e);
            }
            if (present.back() > edges.back())
                edges.push_back(present.back());
            g.binned = true;
            const std::size_t bins = edges.size() - 1;
            for (std::size_t b = 0; b < bins; ++b)
                g.labels.push_back("[" + formatEdge(edges[b]) + ", " + formatEdge(edges[b + 1]) +
                                   (b + 1 == bins ? "]" : ")"));
            std::int32_t missingCode = -1;
            for (std::size_t i = 0; i < n; ++i) {
                if (!col->isValid(i)) {
                    if (missingCode < 0) {
                        missingCode = static_cast<std::int32_t>(g.labels.size());
                        g.labels.push_back("(missing)");
                    }
                    g.code[i] = missingCode;
                    continue;
                }
                double v = col->number(i);
                auto it = std::upper_bound(edges.begin() + 1, edges.end() - 1, v);
                g.code[i] = static_cast<std::int32_t>(it - (edges.begin() + 1));
            }
            return g;
        }
    }

    // Discrete: one group per distinct text, in sorted order (numbers numerically).
    std::vector<std::string> texts(n);
    std::map<std::string, int> seen;
    bool missing = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!col->isValid(i)) {
            missing = true;
            continue;
        }
        texts[i] = col->format(i);
        seen.emplace(texts[i], 0);
    }
    std::vector<std::string> labels;
    for (auto& [k, v] : seen)
        labels.push_back(k);
    if (isNumericType(col->type()))
        std::sort(labels.begin(), labels.end(), [](const std::string& a, const std::string& b) {
            return std::stod(a) < std::stod(b);
        });
    std::unordered_map<std::string, std::int32_t> index;
    for (std::size_t k = 0; k < labels.size(); ++k)
        index[labels[k]] = static_cast<std::int32_t>(k);
    g.labels = labels;
    if (missing)
        g.labels.push_back("(missing)");
    for (std::size_t i = 0; i < n; ++i)
        g.code[i] = col->isValid(i) ? index[texts[i]] : static_cast<std::int32_t>(labels.size());
    return g;
}

Grouping intersect(const Grouping& a, const Grouping& b)
{
    Grouping g;
    g.column = a.column + " × " + b.column;
    std::map<std::pair<std::int32_t, std::int32_t>, std::int32_t> index;
    for (std::size_t i = 0; i < a.code.size(); ++i)
        index.emplace(std::make_pair(a.code[i], b.code[i]), 0);
    std::int32_t k = 0;
    for (auto& [key, code] : index) {
        code = k++;
        g.labels.push_back(a.labels[key.first] + " × " + b.labels[key.second]);
    }
    g.code.resize(a.code.size());
    for (std::size_t i = 0; i < a.code.size(); ++i)
        g.code[i] = index[{a.code[i], b.code[i]}];
    return g;
}

Result<Outcome> binaryOutcome(const Table& table, const std::string& target, const std::string& positive)
{
    const Column* col = table.find(target);
    if (!col)
        return makeError(ErrorCode::BadUsage, "no target column named '" + target + "'");
    Outcome out;
    out.column = target;
    out.y.assign(table.rowCount(), -1);
    std::map<std::string, std::size_t> counts;
    for (std::size_t i = 0; i < table.rowCount(); ++i)
        if (col->isValid(i))
            ++counts[col->format(i)];
    out.positive = positive;
    if (out.positive.empty()) {
        for (const char* p : {"1", "true", "yes", "Yes", "TRUE"})
            if (counts.count(p))
                out.positive = p;
        if (out.positive.empty() && !counts.empty()) {
            // The least frequent value; ties broken by the larger text so the choice is stable.
            auto it = std::min_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                return a.second < b.second || (a.second == b.second && a.first > b.first);
            });
            out.positive = it->first;
        }
    } else if (!counts.count(out.positive)) {
        std::string values;
        int shown = 0;
        for (auto& [k, v] : counts) {
            if (shown++ == 8) {
                values += ", ...";
                break;
            }
            values += (values.empty() ? "" : ", ") + k;
        }
        out.warning = "the positive value '" + positive + "' never occurs in '" + target + "' (values: " + values + ")";
    }
    for (std::size_t i = 0; i < table.rowCount(); ++i)
        if (col->isValid(i))
            out.y[i] = col->format(i) == out.positive ? 1 : 0;
    return out;
}

} // namespace preplab::bias
