// Rng: the seeded random generator of every model and split in core/model (xoshiro256**, seeded
// through splitmix64). Its own integer and real draws are used instead of the standard
// distributions, whose output differs between standard libraries: the same seed gives the same
// model on every platform.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace preplab::model {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0)
    {
        std::uint64_t s = seed;
        for (auto& word : m_state)
            word = splitMix(s);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, n), unbiased (rejection of the short tail); n > 0.
    std::uint64_t below(std::uint64_t n)
    {
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        std::uint64_t r;
        do {
            r = next();
        } while (r >= limit);
        return r % n;
    }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Fisher-Yates shuffle.
    template <class T>
    void shuffle(std::vector<T>& v)
    {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[below(i)]);
    }

    // A seed for a sub-task (tree t of a forest, run r of k-means) that does not depend on the
    // order in which the sub-tasks run.
    static std::uint64_t derive(std::uint64_t seed, std::uint64_t index)
    {
        std::uint64_t s = seed ^ (0x9E3779B97F4A7C15ULL * (index + 1));
        return splitMix(s);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitMix(std::uint64_t& s)
    {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state[4];
};

} // namespace preplab::model
