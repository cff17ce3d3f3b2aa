#include "core/io/csv_dialect.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace preplab::io {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// Bit 7 of each byte of the result is set where v has a zero byte; only the lowest set bit is
// exact (borrows may mark bytes above it), which is all findSpecial needs.
inline std::uint64_t zeroBytes(std::uint64_t v) { return (v - kOnes) & ~v & kHighs; }

// First position >= p holding '"', '\n' or '\r', or n. Eight bytes at a time: most bytes of a
// table are none of the three.
inline std::size_t findSpecial(const char* d, std::size_t p, std::size_t n)
{
    constexpr std::uint64_t q = kOnes * '"', lf = kOnes * '\n', cr = kOnes * '\r';
    while (p + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, d + p, 8);
        std::uint64_t m = zeroBytes(w ^ q) | zeroBytes(w ^ lf) | zeroBytes(w ^ cr);
        if (m)
            return p + (static_cast<std::size_t>(__builtin_ctzll(m)) >> 3);
        p += 8;
    }
    while (p < n && d[p] != '"' && d[p] != '\n' && d[p] != '\r')
        ++p;
    return p;
}

bool isNumberLike(std::string_view s, const InferOptions& options)
{
    double d;
    std::int64_t ms;
    bool t;
    return parseDouble(s, d, options.decimalComma) || parseDatetime(s, ms, t);
}

} // namespace

void RowScanner::endRow(const char* data, std::size_t end, std::vector<CsvRow>& rows)
{
    std::size_t p = m_rowStart;
    while (p < end && (data[p] == ' ' || (data[p] == '\t' && m_delimiter != '\t')))
        ++p;
    if (p == end) {
        if (m_blankLines++ == 0)
            m_firstBlankLine = m_rowLine;
        return;
    }
    rows.push_back({m_rowStart, end, m_rowLine});
}

void RowScanner::shift(std::size_t offset)
{
    m_pos -= offset;
    m_rowStart -= offset;
    m_quoteOpen = m_quoteOpen >= offset ? m_quoteOpen - offset : 0;
}

void RowScanner::scan(const char* d, std::size_t n, bool final, std::vector<CsvRow>& rows, std::size_t maxRows)
{
    std::size_t p = m_pos;
    for (;;) {
        p = findSpecial(d, p, n);
        if (p >= n) {
            if (final && m_inQuote) {
                // The quote never closes: take it back and rescan after it.
                m_unclosed.push_back(m_quoteLine);
                m_inQuote = false;
                p = m_quoteOpen + 1;
                m_line = m_quoteLine;
                continue;
            }
            break;
        }
        const char c = d[p];
        if (c == '"') {
            if (!m_inQuote) {
                if (p == m_rowStart || d[p - 1] == m_delimiter) {
                    m_inQuote = true;
                    m_quoteOpen = p;
                    m_quoteLine = m_line;
                }
                ++p;
            } else if (p + 1 < n) {
                if (d[p + 1] == '"')
                    p += 2;
                else
                    m_inQuote = false, ++p;
            } else if (final) {
                m_inQuote = false;
                ++p;
            } else {
                break;  // is it "" or a closing quote? wait for the next byte
            }
            continue;
        }
        std::size_t length = 1;
        if (c == '\r') {
            if (p + 1 < n)
                length = d[p + 1] == '\n' ? 2 : 1;
            else if (!final)
                break;  // CR or CRLF? wait for the next byte
        }
        if (!m_inQuote)
            endRow(d, p, rows);
        p += length;
        ++m_line;
        if (!m_inQuote) {
            m_rowStart = p;
            m_rowLine = m_line;
            if (rows.size() >= maxRows) {
                m_pos = p;
                return;
            }
        }
    }
    m_pos = p;
    if (final) {
        if (m_rowStart < n)
            endRow(d, n, rows);
        m_rowStart = m_pos = n;
    }
}

std::vector<std::vector<std::string>> splitSample(std::string_view text, char delimiter, bool final,
                                                  std::size_t maxRows)
{
    RowScanner scanner(delimiter);
    std::vector<CsvRow> rows;
    scanner.scan(text.data(), text.size(), final, rows);
    if (rows.size() > maxRows)
        rows.resize(maxRows);
    std::vector<std::vector<std::string>> out;
    out.reserve(rows.size());
    std::string scratch;
    for (const auto& r : rows) {
        auto& fields = out.emplace_back();
        splitRow(text.data() + r.begin, text.data() + r.end, delimiter, scratch,
                 [&](std::size_t, std::string_view f) { fields.emplace_back(f); });
    }
    return out;
}

char sniffDelimiter(std::string_view text, bool final)
{
    static constexpr char candidates[] = {',', ';', '\t', '|'};
    char best = ',';
    double bestScore = 0.0;
    std::size_t bestFields = 0;
    text = text.substr(0, 1 << 16);
    for (char c : candidates) {
        auto rows = splitSample(text, c, final || text.size() < (1u << 16), 200);
        // Rows of blanks only say nothing about the delimiter.
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [](const auto& r) {
                                      return std::all_of(r.begin(), r.end(), [](const std::string& f) {
                                          return f.find_first_not_of(" \t") == std::string::npos;
                                      });
                                  }),
                   rows.end());
        if (rows.empty())
            continue;
        std::map<std::size_t, std::size_t> counts;
        for (const auto& r : rows)
            ++counts[r.size()];
        auto mode = std::max_element(counts.begin(), counts.end(),
                                     [](auto& a, auto& b) { return a.second < b.second; });
        if (mode->first < 2)
            continue;
        double score = static_cast<double>(mode->second) / static_cast<double>(rows.size());
        if (score > bestScore + 1e-9 || (score > bestScore - 1e-9 && mode->first > bestFields)) {
            best = c;
            bestScore = score;
            bestFields = mode->first;
        }
    }
    return best;
}

bool detectHeader(const std::vector<std::vector<std::string>>& rows, const InferOptions& options)
{
    if (rows.empty())
        return false;
    const auto& first = rows.front();
    NaMatcher isMissing(options.naMarkers);
    int votes = 0;
    for (std::size_t c = 0; c < first.size(); ++c) {
        const std::string& h = first[c];
        if (h.empty() || isMissing(h))
            continue;
        std::vector<std::string_view> rest;
        for (std::size_t r = 1; r < rows.size(); ++r)
            if (c < rows[r].size())
                rest.push_back(rows[r][c]);
        bool anyPresent = std::any_of(rest.begin(), rest.end(), [&](std::string_view s) { return !isMissing(s); });
        if (!anyPresent)
            continue;
        ColumnType t = inferType(rest, options);
        if (t == ColumnType::Categorical || t == ColumnType::Text) {
            if (std::find(rest.begin(), rest.end(), std::string_view(h)) != rest.end())
                --votes;
            continue;
        }
        std::vector<std::string_view> withHeader = rest;
        withHeader.push_back(h);
        ColumnType widened = inferType(withHeader, options);
        votes += widened == ColumnType::Categorical || widened == ColumnType::Text ? 1 : -1;
    }
    if (votes != 0)
        return votes > 0;
    std::set<std::string_view> seen;
    for (const auto& h : first)
        if (h.empty() || isNumberLike(h, options) || !seen.insert(h).second)
            return false;
    return true;
}

std::vector<std::string> makeUniqueNames(std::vector<std::string>& names)
{
    std::vector<std::string> renames;
    std::unordered_set<std::string> used;
    for (const auto& n : names)
        if (!n.empty())
            used.insert(n);
    std::unordered_set<std::string> taken;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string original = names[i];
        std::string name = original;
        if (name.empty()) {
            name = "column_" + std::to_string(i + 1);
            for (int k = 2; used.count(name) || taken.count(name); ++k)
                name = "column_" + std::to_string(i + 1) + "_" + std::to_string(k);
        } else if (taken.count(name)) {
            for (int k = 2; used.count(name) || taken.count(name); ++k)
                name = original + "_" + std::to_string(k);
        }
        taken.insert(name);
        if (name != original)
            renames.push_back((original.empty() ? std::string("empty name") : "'" + original + "'") + " of column " +
                              std::to_string(i + 1) + " -> '" + name + "'");
        names[i] = std::move(name);
    }
    return renames;
}

} // namespace preplab::io
