// argPartition: numpy's np.argpartition(v, kth) for float64 (numpy 1.24, selection.cpp:
// introselect with median-of-3 pivots, a selection sort when kth is within 3 of the lower bound,
// median-of-medians-of-5 when the recursion gets too deep), replayed swap for swap. Any
// argpartition puts the kth smallest value at kth; this one also breaks ties between equal values
// exactly as numpy does, which decides e.g. which of two equally distant donors KNNImputer uses.
// NaN sorts after every number, as in numpy.
#pragma once

#include <cstddef>

namespace preplab::stats {

// idx: n indices into v (np.argpartition starts from 0..n-1); rearranged in place so that
// v[idx[kth]] is the kth smallest, no larger value before it and no smaller after it.
void argPartition(const double* v, std::size_t* idx, std::size_t n, std::size_t kth);

} // namespace preplab::stats
