#include "core/stats/frequency.h"

#include <algorithm>
#include <charconv>
#include <functional>

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

struct Slot {
    std::uint64_t hash = 0;
    std::size_t row = 0;
    std::int64_t count = 0;  // 0 = empty slot
};

// Open-addressing counter of strings (linear probing, power-of-two capacity, load <= 1/2). Keys
// stay in the column; a slot remembers the first row that holds its value.
class StringCounter {
public:
    explicit StringCounter(const Column& column) : m_column(column), m_slots(64) {}

    void add(std::size_t row)
    {
        const std::string_view s = m_column.text(row);
        const std::uint64_t h = std::hash<std::string_view>{}(s);
        std::size_t mask = m_slots.size() - 1;
        std::size_t i = h & mask;
        while (m_slots[i].count != 0) {
            if (m_slots[i].hash == h && m_column.text(m_slots[i].row) == s) {
                ++m_slots[i].count;
                return;
            }
            i = (i + 1) & mask;
        }
        m_slots[i] = Slot{h, row, 1};
        if (++m_used * 2 > m_slots.size())
            grow();
    }

    const std::vector<Slot>& slots() const { return m_slots; }

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

    const Column& m_column;
    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
};

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
    std::vector<std::pair<std::string_view, std::int64_t>> counts;
    if (column.type() == ColumnType::Categorical) {
        std::vector<std::int64_t> perCode(column.categories().size(), 0);
        const auto& codes = column.codes();
        for (std::size_t i = 0; i < column.size(); ++i)
            if (column.isValid(i))
                ++perCode[static_cast<std::size_t>(codes[i])];
        for (std::size_t c = 0; c < perCode.size(); ++c)
            if (perCode[c] > 0)
                counts.emplace_back(column.categories()[c], perCode[c]);
    } else if (column.type() == ColumnType::Text) {
        StringCounter counter(column);
        for (std::size_t i = 0; i < column.size(); ++i)
            if (column.isValid(i))
                counter.add(i);
        for (const Slot& s : counter.slots())
            if (s.count > 0)
                counts.emplace_back(column.text(s.row), s.count);
    }
    TopK<std::string_view, std::less<std::string_view>> top(topK, std::less<std::string_view>{});
    std::string_view leastValue;
    std::int64_t leastCount = 0;
    for (const auto& [value, count] : counts) {
        ++out.distinct;
        top.offer(value, count);
        if (leastCount == 0 || count < leastCount || (count == leastCount && value > leastValue)) {
            leastValue = value;
            leastCount = count;
        }
        if (looksLikeNumber(value))
            out.numberLike += count;
    }
    out.least = {std::string(leastValue), leastCount};
    for (const auto& [v, c] : top.sorted())
        out.top.push_back({std::string(v), c});
    return out;
}

bool looksLikeNumber(std::string_view s)
{
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
