#include "core/bias/seeded_random.h"

namespace preplab::bias {

namespace {
__extension__ typedef unsigned __int128 Uint128;
}

std::uint64_t SeededRandom::next()
{
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::size_t SeededRandom::below(std::size_t n)
{
    // Lemire's nearly divisionless method, 64-bit.
    Uint128 m = static_cast<Uint128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - static_cast<std::uint64_t>(n)) % n;
        while (low < threshold) {
            m = static_cast<Uint128>(next()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::size_t>(m >> 64);
}

double SeededRandom::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

} // namespace preplab::bias
