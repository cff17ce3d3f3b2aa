// Helpers shared by the split and sample ops: grouping rows by the target's class and dividing a
// row budget among classes in proportion to their sizes.
#pragma once

#include "core/table/column.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace preplab::ops {

// Rows grouped by the value of `target` (canonical text; missing values form one class, last),
// classes in ascending order of their text. Row positions ascend within each class.
std::vector<std::vector<std::size_t>> rowsByClass(const Column& target);

// Divides `total` among classes in proportion to `sizes` (largest remainder: each class gets
// floor(total * size / sum), the rest goes one by one to the largest fractional parts, ties to
// the larger class, then to the earlier class). No class gets more than its size.
std::vector<std::size_t> proportionalCounts(const std::vector<std::size_t>& sizes, std::size_t total);

// Fisher-Yates shuffle of `rows` driven by splitmix64(seed) with unbiased bounded draws: the same
// seed gives the same order on every platform.
void seededShuffle(std::vector<std::size_t>& rows, std::uint64_t seed);

} // namespace preplab::ops
