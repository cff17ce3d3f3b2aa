// LegacyRandomState: numpy's legacy generator, np.random.RandomState(seed) — MT19937 seeded by
// init_genrand — as far as scikit-learn's splitters and pandas' DataFrame.sample draw from it:
// permutation(n) and choice(n, size, replace=False). With it a seeded split or sample picks
// exactly the rows scikit-learn and pandas pick for the same seed.
//   interval(max)   numpy's random_interval: uniform in [0, max], by masking the next 32-bit
//                   (64-bit when max >= 2^32) output to the smallest power of two above max and
//                   rejecting values above max;
//   permutation(n)  arange(n), then for i = n-1 down to 1: swap(i, interval(i));
//   choice(n, k)    choice without replacement and without weights: permutation(n)[:k].
//   randint(0, n) and choice(n, replace=True) draw interval(n - 1) per value (numpy's masked
//                   bounded fill, the same rejection rule), n - 1 < 2^32;
//   randomSample()  random_sample / uniform(0, 1): genrand_res53, (a >> 5) * 2^26 + (b >> 6)
//                   over 2^53 from two 32-bit outputs a, b.
// numpy accepts seeds 0 .. 2^32 - 1 only (isValidSeed).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace preplab::stats {

class LegacyRandomState {
public:
    static constexpr std::uint64_t kMaxSeed = 0xFFFFFFFFull;
    static bool isValidSeed(std::uint64_t seed) { return seed <= kMaxSeed; }

    explicit LegacyRandomState(std::uint64_t seed) : m_mt(static_cast<std::uint32_t>(seed)) {}

    std::uint32_t nextUint32() { return static_cast<std::uint32_t>(m_mt()); }
    std::uint64_t nextUint64()
    {
        const std::uint64_t high = nextUint32();
        return (high << 32) | nextUint32();
    }

    std::uint64_t interval(std::uint64_t max);
    double randomSample()
    {
        const std::uint32_t a = nextUint32() >> 5, b = nextUint32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    // Shuffles `values` in place as numpy's legacy shuffle does for a 1-d array.
    template <class T>
    void shuffle(std::vector<T>& values)
    {
        for (std::size_t i = values.size(); i-- > 1;)
            std::swap(values[i], values[static_cast<std::size_t>(interval(i))]);
    }

    std::vector<std::size_t> permutation(std::size_t n);
    std::vector<std::size_t> choice(std::size_t n, std::size_t k);

private:
    std::mt19937 m_mt;  // std::mt19937 is MT19937 with init_genrand seeding, as numpy's
};

} // namespace preplab::stats
