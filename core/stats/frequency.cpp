#include "core/stats/frequency.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <charconv>
#include <cstring>
#include <functional>
#include <memory>

namespace preplab::stats {

namespace {

// Keeps the k best (count descending, value ascending) of a stream of (value, count) pairs.
template <class Value, class Less>
class TopK {
public:
    TopK(std::size_t k, Less less) : m_k(k), m_less(less) {}

    // a ranks before b
    bool before(const std::pair<Value, std::int64_t>& a, const std::pair<Value, std::int64_t>& b) const
    {
        return a.second != b.second ? a.second > b.second : m_less(a.first, b.first);
    }

    void offer(const Value& v, std::int64_t count)
    {
        if (m_k == 0)
            return;
        std::pair<Value, std::int64_t> item{v, count};
        auto cmp = [this](const auto& a, const auto& b) { return before(a, b); };
        if (m_heap.size() < m_k) {
            m_heap.push_back(item);
            std::push_heap(m_heap.begin(), m_heap.end(), cmp);  // the worst kept item on top
        } else if (before(item, m_heap.front())) {
            std::pop_heap(m_heap.begin(), m_heap.end(), cmp);
            m_heap.back() = item;
            std::push_heap(m_heap.begin(), m_heap.end(), cmp);
        }
    }

    std::vector<std::pair<Value, std::int64_t>> sorted()
    {
        auto out = m_heap;
        std::sort(out.begin(), out.end(), [this](const auto& a, const auto& b) { return before(a, b); });
        return out;
    }

private:
    std::size_t m_k;
    Less m_less;
    std::vector<std::pair<Value, std::int64_t>> m_heap;
};

// A second 64-bit hash of a string, of a different construction than std::hash (8-byte words
// mixed by MurmurHash3's finaliser). With 32 bits of it beside std::hash's 64 a string has a
// 96-bit fingerprint: strings are counted as equal when fingerprints match, which is exact in
// practice (the chance of one false match among ten million distinct strings is below 1e-14),
// and avoids re-reading the first occurrence of every value, a cache miss per row.
std::uint64_t fmix(std::uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

std::uint64_t secondHash(std::string_view s)
{
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ (s.size() * 0xc2b2ae3d27d4eb4full);
    const char* p = s.data();
    std::size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t k;
        std::memcpy(&k, p, 8);
        h = (h ^ fmix(k)) * 0x9fb21c651e98df25ull;
        h = (h << 29) | (h >> 35);
    }
    std::uint64_t k = 0;
    std::memcpy(&k, p, n);
    return fmix(h ^ fmix(k + n));
}

struct Fingerprint {
    std::uint64_t hash;   // std::hash
    std::uint32_t check;  // 32 bits of secondHash
    std::uint32_t row;    // a row holding the value
};

Fingerprint fingerprint(const Column& column, std::size_t row)
{
    const std::string_view s = column.text(row);
    return {std::hash<std::string_view>{}(s), static_cast<std::uint32_t>(secondHash(s)),
            static_cast<std::uint32_t>(row)};
}

struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t check = 0;
    std::uint32_t row = 0;    // first row holding the value
    std::uint32_t count = 0;  // 0 = empty slot
};

// Open-addressing counter of fingerprints (linear probing on the low bits of the hash,
// power-of-two capacity, load <= 1/2). Rows < 2^32.
class FingerprintCounter {
public:
    // `expected`: a guess of the number of distinct values, to size the table once.
    explicit FingerprintCounter(std::size_t expected) { reset(expected); }

    void reset(std::size_t expected)
    {
        std::size_t size = 1024;
        while (size < 2 * expected)
            size *= 2;
        m_slots.assign(size, Slot{});
        m_used = 0;
    }

    void add(const Fingerprint& f)
    {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = f.hash & mask;
        while (m_slots[i].count != 0) {
            if (m_slots[i].hash == f.hash && m_slots[i].check == f.check) {
                ++m_slots[i].count;
                return;
            }
            i = (i + 1) & mask;
        }
        m_slots[i] = Slot{f.hash, f.check, f.row, 1};
        if (++m_used * 2 > m_slots.size())
            grow();
    }

    const std::vector<Slot>& slots() const { return m_slots; }
    std::size_t used() const { return m_used; }

private:
    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.count == 0)
                continue;
            std::size_t i = s.hash & mask;
            while (m_slots[i].count != 0)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
};

// Fingerprints sorted into 256 partitions by their top hash bits, each partition a list of
// fixed-size blocks: one pass over the column and no second copy of the fingerprints (a flat
// array scattered into a partitioned one held both, twice the memory).
class PartitionedPrints {
public:
    static constexpr int kBits = 8;
    static constexpr std::size_t kPartitions = std::size_t{1} << kBits;

    // `expected`: how many fingerprints will come, to size the blocks (little slack at the end).
    explicit PartitionedPrints(std::size_t expected)
        : m_blockSize(std::clamp<std::size_t>(expected / (4 * kPartitions), 64, 4096))
    {
        m_blocks.resize(kPartitions);
        m_next.assign(kPartitions, nullptr);
        m_end.assign(kPartitions, nullptr);
    }

    void add(const Fingerprint& f)
    {
        const std::size_t p = f.hash >> (64 - kBits);
        if (m_next[p] == m_end[p]) {
            m_blocks[p].push_back(std::make_unique_for_overwrite<Fingerprint[]>(m_blockSize));
            m_next[p] = m_blocks[p].back().get();
            m_end[p] = m_next[p] + m_blockSize;
        }
        *m_next[p]++ = f;
    }

    std::size_t size(std::size_t p) const
    {
        const std::size_t blocks = m_blocks[p].size();
        if (blocks == 0)
            return 0;
        return (blocks - 1) * m_blockSize + static_cast<std::size_t>(m_next[p] - m_blocks[p].back().get());
    }

    // Calls fn(f) for each fingerprint of partition p, then frees the partition.
    template <class Fn>
    void drain(std::size_t p, Fn&& fn)
    {
        auto& blocks = m_blocks[p];
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            const Fingerprint* end = b + 1 < blocks.size() ? blocks[b].get() + m_blockSize : m_next[p];
            for (const Fingerprint* f = blocks[b].get(); f != end; ++f)
                fn(*f);
            blocks[b].reset();
        }
        std::vector<std::unique_ptr<Fingerprint[]>>().swap(blocks);
    }

private:
    std::size_t m_blockSize;
    std::vector<std::vector<std::unique_ptr<Fingerprint[]>>> m_blocks;
    std::vector<Fingerprint*> m_next;
    std::vector<Fingerprint*> m_end;
};

// Calls consume(row, count) once per distinct string of a Text column. Few distinct values: one
// hash table that stays in cache. Many (an ID-like column): the fingerprints are first split into
// 256 partitions by their top hash bits and each partition is counted in its own small table, so
// the random accesses stay in cache instead of missing once per row (partitioned aggregation).
template <class Consume>
void countStrings(const Column& column, Consume&& consume)
{
    assert(column.size() <= UINT32_MAX);
    const std::size_t sample = std::min<std::size_t>(column.size(), 4096);
    FingerprintCounter probe(sample);
    std::size_t present = 0;
    for (std::size_t i = 0; i < sample; ++i)
        if (column.isValid(i)) {
            probe.add(fingerprint(column, i));
            ++present;
        }
    const bool idLike = present > 0 && probe.used() * 10 >= present * 9;
    const std::size_t expected = idLike ? column.size() : probe.used() * 4;
    auto emit = [&](const FingerprintCounter& counter) {
        for (const Slot& s : counter.slots())
            if (s.count > 0)
                consume(s.row, s.count);
    };
    if (column.size() < 65536 || expected < 16384) {
        FingerprintCounter counter(expected);
        for (std::size_t i = 0; i < column.size(); ++i)
            if (column.isValid(i))
                counter.add(fingerprint(column, i));
        emit(counter);
        return;
    }
    PartitionedPrints partitions(column.size() - column.missingCount());
    for (std::size_t i = 0; i < column.size(); ++i)
        if (column.isValid(i))
            partitions.add(fingerprint(column, i));
    // Counts are noted at the row of each value's first occurrence, then handed out in row order:
    // reading the strings in order is far cheaper than in hash order when most values are distinct.
    std::vector<std::uint32_t> countAt(column.size(), 0);
    FingerprintCounter counter(1);
    for (std::size_t p = 0; p < PartitionedPrints::kPartitions; ++p) {
        counter.reset(idLike ? partitions.size(p) : expected / PartitionedPrints::kPartitions);
        partitions.drain(p, [&](const Fingerprint& f) { counter.add(f); });
        for (const Slot& s : counter.slots())
            if (s.count > 0)
                countAt[s.row] = s.count;
    }
    for (std::size_t row = 0; row < countAt.size(); ++row)
        if (countAt[row] > 0)
            consume(static_cast<std::uint32_t>(row), countAt[row]);
}

} // namespace

NumberFrequencies numberFrequenciesSorted(std::span<const double> sorted, std::size_t topK)
{
    NumberFrequencies out;
    TopK<double, std::less<double>> top(topK, std::less<double>{});
    std::size_t i = 0;
    while (i < sorted.size()) {
        std::size_t j = i + 1;
        while (j < sorted.size() && sorted[j] == sorted[i])
            ++j;
        const auto count = static_cast<std::int64_t>(j - i);
        ++out.distinct;
        top.offer(sorted[i], count);
        if (out.least.count == 0 || count <= out.least.count)
            out.least = {sorted[i], count};
        i = j;
    }
    for (const auto& [v, c] : top.sorted())
        out.top.push_back({v, c});
    return out;
}

TextFrequencies textFrequencies(const Column& column, std::size_t topK)
{
    TextFrequencies out;
    TopK<std::string_view, std::less<std::string_view>> top(topK, std::less<std::string_view>{});
    std::string_view leastValue;
    std::int64_t leastCount = 0;
    auto consume = [&](std::string_view value, std::int64_t count) {
        ++out.distinct;
        top.offer(value, count);
        if (leastCount == 0 || count < leastCount || (count == leastCount && value > leastValue)) {
            leastValue = value;
            leastCount = count;
        }
        if (looksLikeNumber(value))
            out.numberLike += count;
    };
    if (column.type() == ColumnType::Categorical) {
        std::vector<std::int64_t> perCode(column.categories().size(), 0);
        const auto& codes = column.codes();
        for (std::size_t i = 0; i < column.size(); ++i)
            if (column.isValid(i))
                ++perCode[static_cast<std::size_t>(codes[i])];
        for (std::size_t c = 0; c < perCode.size(); ++c)
            if (perCode[c] > 0)
                consume(column.categories()[c], perCode[c]);
    } else if (column.type() == ColumnType::Text) {
        countStrings(column, [&](std::uint32_t row, std::uint32_t count) { consume(column.text(row), count); });
    }
    out.least = {std::string(leastValue), leastCount};
    for (const auto& [v, c] : top.sorted())
        out.top.push_back({std::string(v), c});
    return out;
}

bool looksLikeNumber(std::string_view s)
{
    // Fast rejection: a number starts with a digit, a sign, a point, a space or i/n (inf, nan).
    if (s.empty())
        return false;
    const char c = s.front();
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == ' ' || c == '\t' || c == 'i' ||
          c == 'I' || c == 'n' || c == 'N'))
        return false;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    if (s.empty())
        return false;
    double v = 0.0;
    auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

} // namespace preplab::stats
