// Type inference: turns raw text cells into a typed Column.
// Order of preference for a column's present (non-missing) cells:
//   boolean   (true/false, yes/no, t/f, y/n, 1/0 only together with another spelling, case-insensitive)
//   integer   (optional sign, digits; fits in int64)
//   numeric   (decimal or scientific, inf/nan spelled out; a decimal comma when decimalComma is set)
//   datetime  (ISO-8601: YYYY-MM-DD, optional T or space + HH:MM[:SS[.fff]] and Z/+HH:MM)
//   categorical (strings with few distinct values: distinct <= max(20, 5% of present) and <= 1000... see .cpp)
//   text      (everything else: free text, IDs)
// A cell equal to one of the missing markers is missing.
#pragma once

#include "core/table/column.h"
#include "core/util/diagnostic.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::io {

struct InferOptions {
    std::vector<std::string> naMarkers;  // cells equal to one of these are missing
    bool decimalComma = false;           // "3,14" is 3.14 (CSV with ';' delimiter)
};

// Builds a column from cells; `forced` skips inference (cells that do not parse become missing,
// counted in one warning naming the column).
ColumnPtr inferColumn(const std::vector<std::string_view>& cells, const InferOptions& options,
                      std::optional<ColumnType> forced = std::nullopt, const std::string& columnName = {},
                      Diagnostics* warnings = nullptr);

// Cell parsers used by inference and by the `cast` op. They accept surrounding spaces.
bool parseInt64(std::string_view s, std::int64_t& out);
bool parseDouble(std::string_view s, double& out, bool decimalComma = false);
bool parseBool(std::string_view s, bool& out);
// Milliseconds since the epoch (UTC; an offset is applied); hasTime tells whether a time was given.
bool parseDatetime(std::string_view s, std::int64_t& millis, bool& hasTime);

} // namespace preplab::io
