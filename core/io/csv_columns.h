// CsvColumns: the typed buffers a CSV file is parsed into, batch by batch and in parallel.
// Types are guessed from the first batch; later batches parse each cell straight into its
// column's buffer (numbers with std::from_chars, strings into per-block arenas). A cell that
// does not fit its column's type promotes the column: integer -> numeric in place; anything
// else marks the column Deferred, and the reader collects its raw text in a second pass and
// infers it from every cell (so the result is always what inferColumn gives on the whole file).
#pragma once

#include "core/io/csv_dialect.h"
#include "core/io/type_inference.h"
#include "core/table/column.h"
#include "core/util/diagnostic.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace preplab::io {

enum class CellKind : std::uint8_t {
    Integer,
    Numeric,
    Boolean,
    Datetime,
    Strings,   // categorical or text: missing markers applied, cardinality decided at the end;
               // dictionary codes while distinct values stay <= 1000, then a text arena
    Raw,       // raw text, inferred at the end (all-missing so far, or collected in pass 2)
    Deferred,  // skipped: collected by a second pass
};

struct CsvColumn {
    std::string name;
    CellKind kind = CellKind::Raw;
    std::optional<ColumnType> forced;  // ReadOptions::typeOverrides: failures become missing
    bool hasTime = false;
    std::vector<std::int64_t> ints;     // Integer, Datetime
    std::vector<std::uint8_t> bools;    // Boolean
    std::vector<double> doubles;
    Column::Mask valid;        // Raw: 1 = the field exists (0 = padded short row)
    bool textMode = false;     // Strings: text arena (true) or dictionary codes (false)
    StringArena text;          // Strings in text mode, Raw
    std::vector<std::int32_t> codes;       // Strings in dictionary mode
    std::vector<std::string> categories;   // in order of first appearance
    std::unordered_map<std::string, std::int32_t> index;
    std::size_t forcedFailures = 0;
    std::string firstFailure;
};

// A field beyond the header's width, kept for an extra_N column.
struct ExtraCell {
    std::size_t row;
    std::size_t index;  // field index in its row (>= column count)
    std::string text;
};

struct ParseSettings {
    char delimiter = ',';
    InferOptions infer;
    bool collectIssues = true;  // row diagnostics and extra fields (off in the second pass)
};

// Diagnostics of one kind, keeping the first `cap` and counting the rest.
struct IssueList {
    Diagnostics kept;
    std::size_t total = 0;
    std::int64_t lastLine = -1;
    void add(std::int64_t line, std::string message, std::size_t cap = 100);
    void merge(IssueList&& other, std::size_t cap = 100);
};

enum IssueKind { ShortRow, LongRow, StrayQuoteIssue, TextAfterQuoteIssue, IssueKindCount };

// Distinct strings met by one block, with block-local codes in order of first appearance: an
// open-addressing table with a cheap hash (a std::unordered_map took 15% of the load time).
class LocalDictionary {
public:
    std::int32_t code(std::string_view s);
    const std::deque<std::string>& values() const { return m_values; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        const char* data = nullptr;  // the value's bytes, held by m_values
        std::uint32_t size = 0;
        std::int32_t code = -1;
    };
    void grow();

    std::vector<Slot> m_slots;
    std::deque<std::string> m_values;  // a deque keeps strings in place
};

// What one block of rows produced besides the column buffers.
struct BlockResult {
    std::vector<StringArena> arenas;    // per column (text-mode Strings and Raw only)
    std::vector<LocalDictionary> dictionaries;  // per column (dictionary-mode Strings)
    std::vector<std::uint8_t> failed;   // per column: a cell did not fit the column's kind
    std::vector<std::size_t> forcedFailures;
    std::vector<std::string> firstFailure;
    std::vector<std::uint8_t> hasTime;
    std::vector<ExtraCell> extras;
    IssueList issues[IssueKindCount];
};

// Kind to parse a column as, from the first batch's cells (forced wins).
CellKind chooseKind(const std::vector<std::string_view>& cells, const InferOptions& options,
                    std::optional<ColumnType> forced, bool& hasTime);

// Grows every typed buffer to `rows` rows (new rows missing).
void resizeColumns(std::vector<CsvColumn>& columns, std::size_t rows);
void reserveColumns(std::vector<CsvColumn>& columns, std::size_t rows);

// Parses rows[0, count) (global row numbers firstRow...) into the columns.
void parseBlock(const char* data, const CsvRow* rows, std::size_t count, std::size_t firstRow,
                std::vector<CsvColumn>& columns, const ParseSettings& settings, BlockResult& out);

// Folds a block's strings, codes and flags into the columns (blocks in row order); flags the
// columns that failed in `failed`. `firstRow`, `count`: the block's rows.
void absorbBlock(std::vector<CsvColumn>& columns, BlockResult& block, std::size_t firstRow, std::size_t count,
                 std::vector<std::uint8_t>& failed);
// Strings columns whose dictionary outgrew 1000 values switch to text (after a whole batch).
void switchLargeDictionaries(std::vector<CsvColumn>& columns);

// After a batch in which column `c` failed: promotes it to Numeric when every cell of the batch
// is a number (re-parsing the batch), otherwise marks it Deferred and frees its buffers.
void promoteColumn(std::vector<CsvColumn>& columns, std::size_t c, const char* data, const CsvRow* rows,
                   std::size_t count, std::size_t firstRow, const ParseSettings& settings);

// The finished Column; `warnings` receives forced-type failures and inference notes.
ColumnPtr finishColumn(CsvColumn& column, const InferOptions& options, Diagnostics& warnings);

} // namespace preplab::io
