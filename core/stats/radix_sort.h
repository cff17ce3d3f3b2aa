// radixSort: a stable LSD radix sort of items by a 64-bit unsigned key, in linear time. Digits are
// 8 bits wide; digits that every key shares are skipped (and not even counted), so keys from a
// narrow range (small integers, dates) sort in one or two passes. `buffer` is scratch space of the
// same type (resized to fit; pass the same one again to avoid touching fresh memory, which in a
// VM costs more than the sort). Used for sorting values and for grouping rows by hash.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace preplab::stats {

template <class T, class KeyFn>
void radixSort(std::vector<T>& items, KeyFn key, std::vector<T>& buffer)
{
    constexpr int kBits = 8;
    constexpr int kPasses = (64 + kBits - 1) / kBits;
    constexpr std::size_t kBuckets = std::size_t{1} << kBits;
    const std::size_t n = items.size();
    if (n < 2)
        return;
    // Bits that differ between keys: digits without any are skipped (and not even counted).
    std::uint64_t all = ~std::uint64_t{0}, any = 0;
    for (const T& item : items) {
        const std::uint64_t k = key(item);
        all &= k;
        any |= k;
    }
    const std::uint64_t varying = all ^ any;
    std::array<int, kPasses> passes{};
    int passCount = 0;
    for (int p = 0; p < kPasses; ++p)
        if ((varying >> (p * kBits)) & (kBuckets - 1))
            passes[passCount++] = p;
    if (passCount == 0)
        return;
    std::vector<std::array<std::uint32_t, kBuckets>> counts(static_cast<std::size_t>(passCount));
    for (auto& c : counts)
        c.fill(0);
    for (const T& item : items) {
        const std::uint64_t k = key(item);
        for (int i = 0; i < passCount; ++i)
            ++counts[i][(k >> (passes[i] * kBits)) & (kBuckets - 1)];
    }
    buffer.resize(n);
    std::vector<T>* src = &items;
    std::vector<T>* dst = &buffer;
    for (int i = 0; i < passCount; ++i) {
        const int shift = passes[i] * kBits;
        std::array<std::size_t, kBuckets> offset;
        std::size_t running = 0;
        for (std::size_t d = 0; d < kBuckets; ++d) {
            offset[d] = running;
            running += counts[i][d];
        }
        T* out = dst->data();
        for (const T& item : *src)
            out[offset[(key(item) >> shift) & (kBuckets - 1)]++] = item;
        std::swap(src, dst);
    }
    if (src != &items)
        items.swap(buffer);
}

template <class T, class KeyFn>
void radixSort(std::vector<T>& items, KeyFn key)
{
    std::vector<T> buffer;
    radixSort(items, key, buffer);
}

} // namespace preplab::stats
