// Type inference: turns raw text cells into a typed Column.
// A cell equal to one of the missing markers is missing; the other (present) cells decide the type.
// The first type that every present cell parses as wins, in this order:
//   boolean     true/false, yes/no, t/f, y/n (case-insensitive); 1/0 count only together with
//               another spelling (a column of only 0 and 1 is integer)
//   integer     optional sign, digits, fits in int64 ("007" is 7)
//   numeric     decimal or scientific ("1.5", ".5", "5.", "1e-3"), inf/infinity/nan spelled out
//               (when not a missing marker); also "3,14" when decimalComma is set
//   datetime    ISO-8601: YYYY-MM-DD, optionally T or space + HH:MM[:SS[.fff]] and Z / +HH:MM /
//               +HHMM (an offset is applied to give UTC); the column has a time when any cell has one
//   categorical strings with few distinct values: present > distinct and
//               distinct <= min(1000, max(20, present / 20))
//   text        everything else (free text, IDs)
// Surrounding spaces and tabs are ignored when parsing numbers, booleans and dates; strings are
// kept as written. A column with no present cell is numeric (all missing), as in pandas.
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
// counted in one warning naming the column). Cells with present[i] == 0 are missing whatever
// their text (a field absent from a short row).
ColumnPtr inferColumn(const std::vector<std::string_view>& cells, const InferOptions& options,
                      std::optional<ColumnType> forced = std::nullopt, const std::string& columnName = {},
                      Diagnostics* warnings = nullptr, const Column::Mask* present = nullptr);

// The type inferColumn would give these cells (Datetime's hasTime in *hasTime when given).
ColumnType inferType(const std::vector<std::string_view>& cells, const InferOptions& options,
                     bool* hasTime = nullptr, const Column::Mask* present = nullptr);

// The categorical-or-text rule above for `distinct` different values among `present` cells.
bool looksCategorical(std::size_t distinct, std::size_t present);

// Categorical or Text (by the rule above, or `forced`) from strings already split from their
// missing cells (valid[i] == 0 = missing, empty mask = all present). Consumes the arena.
ColumnPtr stringColumn(StringArena strings, Column::Mask valid, std::optional<ColumnType> forced = std::nullopt);

// Fast test of a cell against a set of missing markers.
class NaMatcher {
public:
    explicit NaMatcher(const std::vector<std::string>& markers);
    bool operator()(std::string_view cell) const
    {
        if (cell.empty())
            return m_empty;
        if (cell.size() > m_maxLength || !m_first[static_cast<unsigned char>(cell.front())])
            return false;
        for (const auto& m : m_markers)
            if (m == cell)
                return true;
        return false;
    }

private:
    std::vector<std::string> m_markers;  // non-empty markers
    std::size_t m_maxLength = 0;
    bool m_empty = false;
    bool m_first[256] = {};  // first bytes of the non-empty markers
};

// Cell parsers used by inference and by the `cast` op. They accept surrounding spaces.
bool parseInt64(std::string_view s, std::int64_t& out);
bool parseDouble(std::string_view s, double& out, bool decimalComma = false);
bool parseBool(std::string_view s, bool& out);
// Milliseconds since the epoch (UTC; an offset is applied); hasTime tells whether a time was given.
bool parseDatetime(std::string_view s, std::int64_t& millis, bool& hasTime);

} // namespace preplab::io
