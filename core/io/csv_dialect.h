// CSV dialect: where rows and fields begin and end (RFC 4180 quoting, lenient about stray
// quotes), which delimiter a file uses and whether its first row is a header.
//
// Quoting rules, shared by RowScanner and splitRow so that both always agree:
//   - a '"' at the start of a field opens a quoted field; inside it "" is one quote, and
//     delimiters and line breaks are data; the next lone '"' closes it;
//   - text between a closing quote and the next delimiter is kept, appended to the field
//     (issue TextAfterQuote);
//   - a '"' anywhere else is an ordinary character (issue StrayQuote);
//   - a quote that is still open at the end of the input is taken back: it becomes an ordinary
//     character and scanning resumes right after it (issue UnclosedQuote).
// Rows end at LF, CRLF or a lone CR outside quotes. Physical lines count every line break,
// including those inside quoted fields, so a row's line is where it starts in an editor.
#pragma once

#include "core/io/type_inference.h"

#include <cstdint>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::io {

struct CsvRow {
    std::size_t begin = 0;  // offsets into the scanned buffer; end excludes the line break
    std::size_t end = 0;
    std::int64_t line = 0;  // 1-based physical line where the row starts
};

// Finds complete rows in a growing buffer. Call scan() whenever data was appended; it resumes
// where it stopped. Rows made only of spaces (and tabs, unless TAB is the delimiter) are
// skipped and counted.
class RowScanner {
public:
    explicit RowScanner(char delimiter = ',', std::int64_t firstLine = 1)
        : m_delimiter(delimiter), m_line(firstLine), m_rowLine(firstLine)
    {
    }

    // Appends rows found in data[position(), size) to `rows`, stopping once it holds maxRows.
    // `final` means no more data will come: the last row needs no line break and an open quote
    // is taken back.
    void scan(const char* data, std::size_t size, bool final, std::vector<CsvRow>& rows,
              std::size_t maxRows = SIZE_MAX);

    // Offset of the first byte of the row in progress: everything before it may be discarded,
    // after which shift(offset) moves the scanner's positions back by the same amount.
    std::size_t rowStart() const { return m_rowStart; }
    void shift(std::size_t offset);
    std::size_t position() const { return m_pos; }
    std::int64_t line() const { return m_line; }  // physical line at position()

    std::int64_t blankLines() const { return m_blankLines; }
    std::int64_t firstBlankLine() const { return m_firstBlankLine; }
    // Lines where an open quote was taken back at the end of the input.
    const std::vector<std::int64_t>& unclosedQuoteLines() const { return m_unclosed; }

private:
    void endRow(const char* data, std::size_t end, std::vector<CsvRow>& rows);

    char m_delimiter;
    std::size_t m_pos = 0;
    std::size_t m_rowStart = 0;
    std::int64_t m_line;
    std::int64_t m_rowLine;
    bool m_inQuote = false;
    std::size_t m_quoteOpen = 0;
    std::int64_t m_quoteLine = 0;
    std::int64_t m_blankLines = 0;
    std::int64_t m_firstBlankLine = -1;
    std::vector<std::int64_t> m_unclosed;
};

enum RowIssue : unsigned { StrayQuote = 1, TextAfterQuote = 2, UnclosedQuote = 4 };

// Splits one row (without its line break) into fields, calling onField(index, text) for each.
// Unescaped text may live in `scratch`, valid only during the call. Returns RowIssue bits.
template <class OnField>
unsigned splitRow(const char* b, const char* e, char delimiter, std::string& scratch, OnField&& onField)
{
    unsigned issues = 0;
    std::size_t index = 0;
    const char* p = b;
    for (;;) {
        bool done = false;
        if (p < e && *p == '"') {
            const char* q = p + 1;
            const char* close = nullptr;
            bool escaped = false;
            while (q < e) {
                auto* f = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(e - q)));
                if (!f)
                    break;
                if (f + 1 < e && f[1] == '"') {
                    escaped = true;
                    q = f + 2;
                    continue;
                }
                close = f;
                break;
            }
            if (close) {
                const char* after = close + 1;
                if (!escaped && (after == e || *after == delimiter)) {
                    onField(index, std::string_view(p + 1, static_cast<std::size_t>(close - p - 1)));
                    p = after;
                } else {
                    scratch.clear();
                    for (const char* s = p + 1; s < close; ++s) {
                        scratch.push_back(*s);
                        if (*s == '"')
                            ++s;  // the second quote of a doubled pair
                    }
                    const char* t = after;
                    while (t < e && *t != delimiter)
                        ++t;
                    if (t != after)
                        issues |= TextAfterQuote;
                    scratch.append(after, t);
                    onField(index, std::string_view(scratch));
                    p = t;
                }
                done = true;
            } else {
                issues |= UnclosedQuote;
            }
        }
        if (!done) {
            const char* t = p;
            bool quote = false;
            while (t < e && *t != delimiter) {
                quote |= *t == '"';
                ++t;
            }
            if (quote && !(issues & UnclosedQuote))
                issues |= StrayQuote;
            onField(index, std::string_view(p, static_cast<std::size_t>(t - p)));
            p = t;
        }
        ++index;
        if (p >= e)
            break;
        ++p;  // the delimiter
    }
    return issues;
}

// Splits rows (at most maxRows) of `text` with `delimiter` into fields; a partial last row is
// left out unless `final`.
std::vector<std::vector<std::string>> splitSample(std::string_view text, char delimiter, bool final,
                                                  std::size_t maxRows);

// The delimiter among , ; TAB | that splits the first rows into the most consistent number of
// fields (more than one); ties go to more fields, then to that order. ',' when none splits.
char sniffDelimiter(std::string_view text, bool final);

// Whether the first of `rows` is a header: columns whose other cells are numbers, booleans or
// dates vote for a header when the first cell is not one (and against when it is); a first-row
// value that repeats below votes against. Without votes: a header when the first row's cells
// are all distinct, non-empty and not numbers.
bool detectHeader(const std::vector<std::vector<std::string>>& rows, const InferOptions& options);

// Header names made usable: an empty name becomes column_<position> (1-based), a repeated one
// name_2, name_3, ... Returns a description of each rename (empty when none).
std::vector<std::string> makeUniqueNames(std::vector<std::string>& names);

} // namespace preplab::io
