// parallelFor: run fn(begin, end) over [0, n) split into contiguous blocks, one per hardware
// thread (at least minBlock items per block). Blocks run on std::threads; the caller's thread
// runs the first block. Exceptions must not escape fn.
// parallelTasks: run fn(i) for every i in [0, n), for tasks of uneven cost (one per column):
// each thread takes the next task not yet started.
#pragma once

#include <algorithm>
#include <atomic>
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

template <class Fn>
void parallelTasks(std::size_t n, Fn&& fn)
{
    const std::size_t threads = std::min<std::size_t>(hardwareThreads(), n);
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i)
            fn(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++)
            fn(i);
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto& th : pool)
        th.join();
}

} // namespace preplab
