#include "core/util/closest_name.h"

#include <algorithm>
#include <cctype>

namespace preplab {

namespace {

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

std::string closestName(std::string_view name, const std::vector<std::string>& candidates)
{
    std::string best;
    std::size_t bestDistance = 3;
    const std::string lowered = lower(name);
    for (const auto& c : candidates) {
        if (lower(c) == lowered)
            return c;
        if (name.size() > 64 || c.size() > 64)
            continue;
        std::size_t d = editDistance(name, c);
        if (d < bestDistance && d < std::max<std::size_t>(name.size(), 2)) {
            bestDistance = d;
            best = c;
        }
    }
    if (!best.empty() || name.size() < 3)
        return best;
    // "bill_length" for "bill_length_mm": a prefix match, the shortest candidate first.
    for (const auto& c : candidates) {
        const bool prefix = c.size() > name.size() ? lower(c).rfind(lowered, 0) == 0
                                                   : lowered.rfind(lower(c), 0) == 0 && c.size() >= 3;
        if (prefix && (best.empty() || c.size() < best.size()))
            best = c;
    }
    return best;
}

} // namespace preplab
