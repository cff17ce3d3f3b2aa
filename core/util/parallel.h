// parallelFor: run fn(begin, end) over [0, n) split into contiguous blocks, one per hardware
// thread (at least minBlock items per block). Blocks run on std::threads; the caller's thread
// runs the first block. Exceptions must not escape fn.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace preplab {

inline unsigned hardwareThreads()
{
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

template <class Fn>
void parallelFor(std::size_t n, Fn&& fn, std::size_t minBlock = 4096)
{
    if (n == 0)
        return;
    std::size_t threads = std::min<std::size_t>(hardwareThreads(), (n + minBlock - 1) / minBlock);
    threads = std::max<std::size_t>(threads, 1);
    if (threads == 1) {
        fn(std::size_t{0}, n);
        return;
    }
    std::size_t block = (n + threads - 1) / threads;
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t) {
        std::size_t b = t * block, e = std::min(n, b + block);
        if (b < e)
            pool.emplace_back([&fn, b, e] { fn(b, e); });
    }
    fn(std::size_t{0}, std::min(n, block));
    for (auto& th : pool)
        th.join();
}

} // namespace preplab
