// Groups and outcomes: turn a sensitive column into a group label per row, and a target column
// into a binary outcome (1 = the positive value) per row. Shared by every bias diagnostic.
#pragma once

#include "core/table/table.h"
#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace preplab::bias {

// Group of each row: codes into `labels`. A missing value is its own group, labelled "(missing)".
// A numeric column with more than maxNumericLevels distinct values is cut into quartile bins
// ("[17, 28)", ..., the last closed), and `binned` says so.
struct Grouping {
    std::string column;
    std::vector<std::string> labels;
    std::vector<std::int32_t> code;  // per row
    bool binned = false;
};
Result<Grouping> groupBy(const Table& table, const std::string& column, int maxNumericLevels = 10);
// Rows grouped by the pair (a, b): labels "a-label × b-label".
Grouping intersect(const Grouping& a, const Grouping& b);

// Binary outcome of the target: 1 where the value equals `positive` (compared as text, so
// "1", "true", ">50K" all work), 0 where present and different, -1 where missing.
// An empty `positive` picks "1"/"true"/"yes" when present, else the least frequent value.
// A positive value that never occurs is allowed (a recipe may remove every positive row) but
// leaves a warning naming the values that do occur.
struct Outcome {
    std::string column;
    std::string positive;
    std::vector<std::int8_t> y;
    std::string warning;
};
Result<Outcome> binaryOutcome(const Table& table, const std::string& target, const std::string& positive);

// The text of cell i as the outcome/group comparisons see it (Column::format).
std::string cellText(const Column& column, std::size_t i);

} // namespace preplab::bias
