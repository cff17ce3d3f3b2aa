// SeededRandom: PrepLab's own platform-independent generator (splitmix64), used where no library
// draw is replayed: the per-class shuffles of the stratified `sample` (core/ops/class_allocation.h).
// Resampling, split and the plain sample replay numpy's legacy RandomState instead
// (core/stats/numpy_random.h).
#pragma once

#include <cstddef>
#include <cstdint>

namespace preplab::bias {

// splitmix64, with unbiased bounded integers (Lemire) and [0, 1) doubles.
class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    std::size_t below(std::size_t n);  // uniform in [0, n)
    double unit();                     // uniform in [0, 1)

private:
    std::uint64_t m_state;
};

} // namespace preplab::bias
