#include "core/stats/numpy_select.h"

#include <cmath>
#include <cstdint>
#include <utility>

namespace preplab::stats {

namespace {

using Index = std::ptrdiff_t;

// numpy's float ordering: NaN after every number.
inline bool less(double a, double b) { return a < b || (b != b && a == a); }

// The views numpy's templates use with arg = true: v is indexed through tosort.
struct View {
    const double* v;
    std::size_t* tosort;
    double at(Index i) const { return v[tosort[i]]; }
    void swap(Index a, Index b) const { std::swap(tosort[a], tosort[b]); }
    View offset(Index by) const { return {v, tosort + by}; }
};

void dumbSelect(View s, Index num, Index kth)
{
    for (Index i = 0; i <= kth; ++i) {
        Index minIdx = i;
        double minVal = s.at(i);
        for (Index k = i + 1; k < num; ++k)
            if (less(s.at(k), minVal)) {
                minIdx = k;
                minVal = s.at(k);
            }
        s.swap(i, minIdx);
    }
}

void median3Swap(View s, Index low, Index mid, Index high)
{
    if (less(s.at(high), s.at(mid)))
        s.swap(high, mid);
    if (less(s.at(high), s.at(low)))
        s.swap(high, low);
    // the pivot to low
    if (less(s.at(low), s.at(mid)))
        s.swap(low, mid);
    // the 3-lowest element to low + 1
    s.swap(mid, low + 1);
}

Index median5(View s)
{
    if (less(s.at(1), s.at(0)))
        s.swap(1, 0);
    if (less(s.at(4), s.at(3)))
        s.swap(4, 3);
    if (less(s.at(3), s.at(0)))
        s.swap(3, 0);
    if (less(s.at(4), s.at(1)))
        s.swap(4, 1);
    if (less(s.at(2), s.at(1)))
        s.swap(2, 1);
    if (less(s.at(3), s.at(2)))
        return less(s.at(3), s.at(1)) ? 1 : 3;
    return 2;
}

void unguardedPartition(View s, double pivot, Index& ll, Index& hh)
{
    for (;;) {
        do
            ++ll;
        while (less(s.at(ll), pivot));
        do
            --hh;
        while (less(pivot, s.at(hh)));
        if (hh < ll)
            break;
        s.swap(ll, hh);
    }
}

void introselect(View s, Index num, Index kth);

Index medianOfMedian5(View s, Index num)
{
    const Index right = num - 1;
    const Index nmed = (right + 1) / 5;
    for (Index i = 0, subleft = 0; i < nmed; ++i, subleft += 5) {
        const Index m = median5(s.offset(subleft));
        s.swap(subleft + m, i);
    }
    if (nmed > 2)
        introselect(s, nmed, nmed / 2);
    return nmed / 2;
}

int mostSignificantBit(Index n)
{
    int depth = 0;
    for (auto u = static_cast<std::uint64_t>(n); u >>= 1;)
        ++depth;
    return depth;
}

void introselect(View s, Index num, Index kth)
{
    Index low = 0, high = num - 1;
    if (kth - low < 3) {
        dumbSelect(s.offset(low), high - low + 1, kth - low);
        return;
    }
    if (kth == num - 1) {
        // numpy's shortcut for the largest element: the last maximum moves to the end
        Index maxIdx = low;
        double maxVal = s.at(low);
        for (Index k = low + 1; k < num; ++k)
            if (!less(s.at(k), maxVal)) {
                maxIdx = k;
                maxVal = s.at(k);
            }
        s.swap(kth, maxIdx);
        return;
    }
    int depthLimit = mostSignificantBit(num) * 2;
    while (low + 1 < high) {
        Index ll = low + 1, hh = high;
        if (depthLimit > 0 || hh - ll < 5) {
            const Index mid = low + (high - low) / 2;
            median3Swap(s, low, mid, high);
        } else {
            const Index mid = ll + medianOfMedian5(s.offset(ll), hh - ll);
            s.swap(mid, low);
            --ll;
            ++hh;
        }
        --depthLimit;
        unguardedPartition(s, s.at(low), ll, hh);
        s.swap(low, hh);
        if (hh >= kth)
            high = hh - 1;
        if (hh <= kth)
            low = ll;
    }
    if (high == low + 1 && less(s.at(high), s.at(low)))
        s.swap(high, low);
}

} // namespace

void argPartition(const double* v, std::size_t* idx, std::size_t n, std::size_t kth)
{
    if (n == 0 || kth >= n)
        return;
    introselect(View{v, idx}, static_cast<Index>(n), static_cast<Index>(kth));
}

} // namespace preplab::stats
