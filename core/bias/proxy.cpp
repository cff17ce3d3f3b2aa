#include "core/bias/proxy.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace preplab::bias {

std::optional<double> cramersV(const std::vector<std::int32_t>& x, const std::vector<std::int32_t>& g,
                               const std::vector<std::uint8_t>& use, std::int64_t* nOut)
{
    std::unordered_map<std::int32_t, std::size_t> xi, gi;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!use[i])
            continue;
        xi.emplace(x[i], xi.size());
        gi.emplace(g[i], gi.size());
    }
    const std::size_t r = xi.size(), c = gi.size();
    std::vector<double> table(r * c, 0.0), rowSum(r, 0.0), colSum(c, 0.0);
    double n = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!use[i])
            continue;
        const std::size_t a = xi[x[i]], b = gi[g[i]];
        table[a * c + b] += 1;
        rowSum[a] += 1;
        colSum[b] += 1;
        n += 1;
    }
    if (nOut)
        *nOut = static_cast<std::int64_t>(n);
    if (std::min(r, c) < 2 || n == 0)
        return std::nullopt;
    double chi2 = 0;
    for (std::size_t a = 0; a < r; ++a)
        for (std::size_t b = 0; b < c; ++b) {
            const double e = rowSum[a] * colSum[b] / n;
            const double d = table[a * c + b] - e;
            chi2 += d * d / e;
        }
    return std::sqrt(chi2 / (n * static_cast<double>(std::min(r, c) - 1)));
}

std::optional<double> correlationRatio(const std::vector<double>& x, const std::vector<std::int32_t>& g,
                                       const std::vector<std::uint8_t>& use, std::int64_t* nOut)
{
    std::unordered_map<std::int32_t, std::pair<double, double>> groups;  // sum, count
    double sum = 0, n = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!use[i])
            continue;
        auto& s = groups[g[i]];
        s.first += x[i];
        s.second += 1;
        sum += x[i];
        n += 1;
    }
    if (nOut)
        *nOut = static_cast<std::int64_t>(n);
    if (n == 0)
        return std::nullopt;
    const double mean = sum / n;
    double total = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (use[i])
            total += (x[i] - mean) * (x[i] - mean);
    if (total <= 0)
        return std::nullopt;
    double between = 0;
    for (auto& [k, s] : groups) {
        const double m = s.first / s.second;
        between += s.second * (m - mean) * (m - mean);
    }
    return std::sqrt(std::min(1.0, between / total));
}

std::vector<ProxyScore> rankProxies(const Table& table, const Grouping& grouping,
                                    const std::vector<std::string>& exclude, int maxLevels)
{
    std::vector<ProxyScore> out;
    const std::size_t n = table.rowCount();
    for (std::size_t j = 0; j < table.columnCount(); ++j) {
        const std::string& name = table.name(j);
        if (name == grouping.column || std::find(exclude.begin(), exclude.end(), name) != exclude.end())
            continue;
        const Column& col = table.column(j);
        std::vector<std::uint8_t> use(n);
        for (std::size_t i = 0; i < n; ++i)
            use[i] = col.isValid(i);
        ProxyScore s;
        s.column = name;
        if (isNumericType(col.type()) || col.type() == ColumnType::Datetime) {
            s.measure = "correlation_ratio";
            s.strength = correlationRatio(col.toDoubles(), grouping.code, use, &s.n);
            if (!s.strength)
                s.undefinedReason = "the column is constant";
        } else {
            s.measure = "cramers_v";
            std::vector<std::int32_t> codes(n, 0);
            std::unordered_map<std::string, std::int32_t> index;
            for (std::size_t i = 0; i < n; ++i)
                if (use[i])
                    codes[i] = index.emplace(col.format(i), static_cast<std::int32_t>(index.size())).first->second;
            if (static_cast<int>(index.size()) > maxLevels) {
                s.undefinedReason = "skipped: " + std::to_string(index.size()) + " distinct values (ID-like or free text)";
            } else {
                s.strength = cramersV(codes, grouping.code, use, &s.n);
                if (!s.strength)
                    s.undefinedReason = "fewer than two levels";
            }
        }
        out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(), [](const ProxyScore& a, const ProxyScore& b) {
        if (a.strength.has_value() != b.strength.has_value())
            return a.strength.has_value();
        return a.strength && *a.strength > *b.strength;
    });
    return out;
}

} // namespace preplab::bias
