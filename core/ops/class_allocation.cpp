#include "core/ops/class_allocation.h"

#include "core/bias/seeded_random.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>

namespace preplab::ops {

std::vector<std::vector<std::size_t>> rowsByClass(const Column& target)
{
    std::map<std::string, std::vector<std::size_t>> classes;
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < target.size(); ++i) {
        if (target.isValid(i))
            classes[target.format(i)].push_back(i);
        else
            missing.push_back(i);
    }
    std::vector<std::vector<std::size_t>> out;
    for (auto& [name, rows] : classes)
        out.push_back(std::move(rows));
    if (!missing.empty())
        out.push_back(std::move(missing));
    return out;
}

std::vector<std::size_t> proportionalCounts(const std::vector<std::size_t>& sizes, std::size_t total)
{
    const std::size_t sum = std::accumulate(sizes.begin(), sizes.end(), std::size_t{0});
    std::vector<std::size_t> counts(sizes.size(), 0);
    if (sum == 0)
        return counts;
    total = std::min(total, sum);
    std::vector<double> remainder(sizes.size(), 0.0);
    std::size_t given = 0;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        const double exact = static_cast<double>(total) * static_cast<double>(sizes[k]) / static_cast<double>(sum);
        counts[k] = std::min(sizes[k], static_cast<std::size_t>(exact));
        remainder[k] = exact - static_cast<double>(counts[k]);
        given += counts[k];
    }
    std::vector<std::size_t> order(sizes.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (remainder[a] != remainder[b])
            return remainder[a] > remainder[b];
        return sizes[a] > sizes[b];
    });
    while (given < total) {
        bool progressed = false;
        for (std::size_t k : order) {
            if (given == total)
                break;
            if (counts[k] < sizes[k]) {
                ++counts[k];
                ++given;
                progressed = true;
            }
        }
        if (!progressed)
            break;
    }
    return counts;
}

void seededShuffle(std::vector<std::size_t>& rows, std::uint64_t seed)
{
    bias::SeededRandom rng(seed);
    for (std::size_t i = rows.size(); i > 1; --i)
        std::swap(rows[i - 1], rows[rng.below(i)]);
}

} // namespace preplab::ops
