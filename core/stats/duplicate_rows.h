// Duplicate rows: how many rows repeat an earlier row in every column (pandas
// DataFrame.duplicated().sum(), keep="first"). Two missing cells are equal, as in pandas; -0.0
// equals 0.0 and a NaN number counts as missing.
#pragma once

#include "core/table/table.h"

#include <cstdint>
#include <vector>

namespace preplab::stats {

// Rows hashed in parallel (64-bit hash of every cell), grouped by hash with a radix sort, and
// rows of a group compared cell by cell, so a hash collision never counts as a duplicate.
std::int64_t countDuplicateRows(const Table& table);

// The same, returning for each row whether it repeats an earlier row (pandas duplicated()).
std::vector<bool> duplicatedRows(const Table& table);

} // namespace preplab::stats
