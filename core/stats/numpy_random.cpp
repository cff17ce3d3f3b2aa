#include "core/stats/numpy_random.h"

#include <numeric>

namespace preplab::stats {

std::uint64_t LegacyRandomState::interval(std::uint64_t max)
{
    if (max == 0)
        return 0;
    std::uint64_t mask = max;
    for (int shift = 1; shift <= 32; shift *= 2)
        mask |= mask >> shift;
    std::uint64_t value;
    if (max <= 0xFFFFFFFFull) {
        while ((value = (nextUint32() & mask)) > max) {
        }
    } else {
        while ((value = (nextUint64() & mask)) > max) {
        }
    }
    return value;
}

std::vector<std::size_t> LegacyRandomState::permutation(std::size_t n)
{
    std::vector<std::size_t> out(n);
    std::iota(out.begin(), out.end(), std::size_t{0});
    shuffle(out);
    return out;
}

std::vector<std::size_t> LegacyRandomState::choice(std::size_t n, std::size_t k)
{
    auto out = permutation(n);
    out.resize(k < n ? k : n);
    return out;
}

} // namespace preplab::stats
