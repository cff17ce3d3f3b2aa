// radixSort: a stable LSD radix sort of items by a 64-bit unsigned key, in linear time. Passes over
// key bytes that every item shares are skipped, so keys from a narrow range (small integers,
// dates) sort in one or two passes. Used for sorting values and for grouping rows by hash.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace preplab::stats {

template <class T, class KeyFn>
void radixSort(std::vector<T>& items, KeyFn key)
{
    const std::size_t n = items.size();
    if (n < 2)
        return;
    std::array<std::array<std::size_t, 256>, 8> counts{};
    for (const T& item : items) {
        const std::uint64_t k = key(item);
        for (int b = 0; b < 8; ++b)
            ++counts[b][(k >> (8 * b)) & 0xff];
    }
    std::vector<T> buffer(n);
    std::vector<T>* src = &items;
    std::vector<T>* dst = &buffer;
    for (int b = 0; b < 8; ++b) {
        const int shift = 8 * b;
        const auto& c = counts[b];
        if (c[(key((*src)[0]) >> shift) & 0xff] == n)
            continue;  // every key has this byte: the pass would not move anything
        std::array<std::size_t, 256> offset;
        std::size_t running = 0;
        for (int d = 0; d < 256; ++d) {
            offset[d] = running;
            running += c[d];
        }
        T* out = dst->data();
        for (const T& item : *src)
            out[offset[(key(item) >> shift) & 0xff]++] = item;
        std::swap(src, dst);
    }
    if (src != &items)
        items.swap(buffer);
}

} // namespace preplab::stats
