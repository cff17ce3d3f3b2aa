#include "core/io/csv_reader.h"

#include "core/io/csv_columns.h"
#include "core/io/csv_source.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <thread>
#include <unordered_set>

namespace preplab::io {

namespace {

constexpr std::size_t kFirstBatchBytes = 4u << 20;
constexpr std::size_t kBatchBytes = 16u << 20;
constexpr std::size_t kHeaderSampleRows = 1000;
constexpr std::size_t kMinBlockRows = 2048;

Error cancelledError(const std::string& name) { return makeError(ErrorCode::Cancelled, "reading cancelled", name); }

// Runs fn(block, begin, end) over [0, n) in `blocks` contiguous blocks, one thread each.
template <class Fn>
void runBlocks(std::size_t n, std::size_t blocks, Fn&& fn)
{
    const std::size_t size = (n + blocks - 1) / blocks;
    std::vector<std::thread> pool;
    for (std::size_t b = 1; b < blocks; ++b) {
        std::size_t begin = b * size, end = std::min(n, begin + size);
        if (begin < end)
            pool.emplace_back([&fn, b, begin, end] { fn(b, begin, end); });
    }
    fn(std::size_t{0}, std::size_t{0}, std::min(n, size));
    for (auto& t : pool)
        t.join();
}

class CsvJob {
public:
    CsvJob(ByteSource& source, std::string name, const ReadOptions& options, const Progress& progress)
        : m_source(source), m_name(std::move(name)), m_options(options), m_progress(progress)
    {
        m_threads = options.threads ? options.threads : hardwareThreads();
    }

    Result<ReadResult> run(std::optional<EncodingGuess> encoding);

private:
    // Reads every row into m_columns; false when the text turned out not to be UTF-8.
    Result<bool> readAll(CsvChunkReader& reader);
    Result<void> chooseDialect(CsvChunkReader& reader);
    Result<ReadResult> rereadAsWindows1252(std::int64_t line);
    Result<void> setUpColumns(const char* data, const std::vector<CsvRow>& rows);
    void processBatch(const char* data, const std::vector<CsvRow>& rows, std::size_t skip,
                      std::vector<CsvColumn>& columns, const ParseSettings& settings);
    Result<void> collectDeferred();
    void addReaderDiagnostics(const CsvChunkReader& reader);
    Result<ReadResult> finish();
    Error error(std::string message, std::int64_t line = -1) const
    {
        return makeError(ErrorCode::BadData, std::move(message), m_name, line);
    }

    ByteSource& m_source;
    std::string m_name;
    const ReadOptions& m_options;
    const Progress& m_progress;
    unsigned m_threads = 1;

    EncodingGuess m_encoding;
    std::size_t m_prefixBytes = 0;  // an Excel "sep=" line
    char m_delimiter = ',';
    bool m_header = false;
    ParseSettings m_settings;
    std::vector<CsvColumn> m_columns;
    std::size_t m_rows = 0;
    std::vector<ExtraCell> m_extras;
    IssueList m_issues[IssueKindCount];
    ReadResult m_result;
};

Result<ReadResult> CsvJob::run(std::optional<EncodingGuess> encoding)
{
    if (m_options.delimiter && (*m_options.delimiter == '"' || *m_options.delimiter == '\n' ||
                                *m_options.delimiter == '\r' || *m_options.delimiter == '\0'))
        return makeError(ErrorCode::BadUsage, "a quote, a line break or NUL cannot be the delimiter", m_name);
    if (!encoding) {
        char head[4096];
        std::size_t got = m_source.read(head, sizeof head);
        if (m_source.failed() || !m_source.rewind())
            return makeError(ErrorCode::Io, "cannot read the file", m_name);
        encoding = detectEncoding(std::string_view(head, got));
    }
    m_encoding = *encoding;
    if (m_encoding.encoding == TextEncoding::Utf32)
        return error("UTF-32 text is not supported: save the file as UTF-8");
    if (m_encoding.bogusBom)
        m_result.warnings.push_back({Diagnostic::Severity::Warning,
                                     "a UTF-16 byte-order mark precedes single-byte text: it is ignored and the "
                                     "file read as UTF-8",
                                     1, {}});

    CsvChunkReader reader(m_source, m_encoding);
    auto utf8 = readAll(reader);
    if (!utf8)
        return utf8.error();
    if (!*utf8)
        return rereadAsWindows1252(reader.invalidUtf8Line());
    if (auto r = collectDeferred(); !r)
        return r.error();
    return finish();
}

Result<ReadResult> CsvJob::rereadAsWindows1252(std::int64_t line)
{
    // One warning for the whole file; everything is read again from the start.
    if (!m_source.rewind())
        return makeError(ErrorCode::Io, "cannot re-read the file", m_name);
    CsvJob again(m_source, m_name, m_options, m_progress);
    auto result = again.run(EncodingGuess{TextEncoding::Windows1252, m_encoding.bomLength, false});
    if (result)
        result->warnings.insert(result->warnings.begin(),
                                {Diagnostic::Severity::Warning,
                                 "the file is not valid UTF-8 (first invalid byte on this line): read as "
                                 "Windows-1252 (Latin-1)",
                                 line, {}});
    return result;
}

Result<void> CsvJob::chooseDialect(CsvChunkReader& reader)
{
    std::string_view text = reader.text();
    if (reader.nulBytes() * 10 > text.size() + reader.nulBytes())
        return error("this looks like a binary file (" + std::to_string(reader.nulBytes()) +
                     " NUL bytes at its start), not a CSV table");
    const bool sepLine = text.substr(0, 4) == "sep=" && text.size() >= 5 &&
                         (text.size() == 5 || text[5] == '\n' || text[5] == '\r');
    if (sepLine) {
        m_prefixBytes = 5 + (text.substr(5, 2) == "\r\n" ? 2 : text.size() > 5 ? 1 : 0);
        m_delimiter = m_options.delimiter.value_or(text[4]);
        m_result.warnings.push_back({Diagnostic::Severity::Info,
                                     std::string("an Excel \"sep=") + text[4] + "\" line gives the delimiter", 1, {}});
        reader.skipPrefix(m_prefixBytes, 1);
    } else {
        m_delimiter = m_options.delimiter ? *m_options.delimiter : sniffDelimiter(text, reader.atEnd());
    }
    reader.setDelimiter(m_delimiter);
    m_settings.delimiter = m_delimiter;
    m_settings.infer.naMarkers = m_options.markers();
    m_settings.infer.decimalComma = m_delimiter == ';';
    return {};
}

Result<bool> CsvJob::readAll(CsvChunkReader& reader)
{
    if (auto r = reader.prime(kFirstBatchBytes); !r)
        return r.error();
    if (reader.invalidUtf8())
        return false;
    if (auto r = chooseDialect(reader); !r)
        return r.error();
    std::vector<CsvRow> rows;
    auto more = reader.next(rows, 0);
    if (!more)
        return more.error();
    if (reader.invalidUtf8())
        return false;
    if (!*more)
        return error("the file holds no table (it is empty or blank)");
    if (auto r = setUpColumns(reader.data(), rows); !r)
        return r.error();
    const double total = static_cast<double>(std::max<std::uint64_t>(1, reader.rawSize()));
    std::size_t skip = m_header ? 1 : 0;
    for (;;) {
        processBatch(reader.data(), rows, skip, m_columns, m_settings);
        skip = 0;
        m_progress.report(0.85 * std::min(1.0, static_cast<double>(reader.rawBytesRead()) / total), "reading");
        if (m_progress.cancelled())
            return cancelledError(m_name);
        more = reader.next(rows, kBatchBytes);
        if (!more)
            return more.error();
        if (reader.invalidUtf8())
            return false;
        if (!*more)
            break;
    }
    addReaderDiagnostics(reader);
    return true;
}

Result<void> CsvJob::setUpColumns(const char* data, const std::vector<CsvRow>& rows)
{
    std::vector<std::vector<std::string>> sample;
    std::string scratch;
    for (std::size_t i = 0; i < rows.size() && i < kHeaderSampleRows; ++i) {
        auto& fields = sample.emplace_back();
        splitRow(data + rows[i].begin, data + rows[i].end, m_delimiter, scratch,
                 [&](std::size_t, std::string_view f) { fields.emplace_back(f); });
    }
    m_header = m_options.header ? *m_options.header : detectHeader(sample, m_settings.infer);
    const std::size_t ncols = sample.front().size();
    std::vector<std::string> names(ncols);
    for (std::size_t c = 0; c < ncols; ++c)
        names[c] = m_header ? sample.front()[c] : "column_" + std::to_string(c + 1);
    if (m_header) {
        auto renames = makeUniqueNames(names);
        if (!renames.empty()) {
            std::string message = "header names made unique:";
            for (const auto& r : renames)
                message += " " + r + ";";
            message.pop_back();
            m_result.warnings.push_back({Diagnostic::Severity::Warning, message, rows.front().line, {}});
        }
    }
    // Cells of the first batch's data rows, column by column, for the type guess.
    std::vector<StringArena> cells(ncols);
    for (std::size_t i = m_header ? 1 : 0; i < rows.size(); ++i)
        splitRow(data + rows[i].begin, data + rows[i].end, m_delimiter, scratch, [&](std::size_t c, std::string_view f) {
            if (c < ncols)
                cells[c].push(f);
        });
    for (const auto& [name, type] : m_options.typeOverrides)
        if (std::find(names.begin(), names.end(), name) == names.end())
            m_result.warnings.push_back({Diagnostic::Severity::Warning,
                                         "a type is given for column '" + name + "', which the file does not have",
                                         -1, name});
    m_columns.resize(ncols);
    for (std::size_t c = 0; c < ncols; ++c) {
        CsvColumn& col = m_columns[c];
        col.name = names[c];
        auto it = m_options.typeOverrides.find(col.name);
        if (it != m_options.typeOverrides.end())
            col.forced = it->second;
        std::vector<std::string_view> views(cells[c].size());
        for (std::size_t i = 0; i < views.size(); ++i)
            views[i] = cells[c].at(i);
        col.kind = chooseKind(views, m_settings.infer, col.forced, col.hasTime);
        col.hasTime = false;
        if (col.kind == CellKind::Strings) {
            std::unordered_set<std::string_view> distinct;
            for (auto v : views)
                if (distinct.insert(v).second && distinct.size() > 1000)
                    break;
            col.textMode = col.forced == ColumnType::Text ||
                           (col.forced != ColumnType::Categorical && distinct.size() > 1000);
        }
    }
    // Reserve for the whole file from the first batch's bytes per row (no reallocation peaks).
    const std::uint64_t size = m_source.size();
    if (!rows.empty() && size > 0) {
        double bytesPerRow = static_cast<double>(rows.back().end - rows.front().begin + 1) / static_cast<double>(rows.size());
        reserveColumns(m_columns, static_cast<std::size_t>(static_cast<double>(size) / bytesPerRow * 1.05) + 16);
    }
    return {};
}

void CsvJob::processBatch(const char* data, const std::vector<CsvRow>& allRows, std::size_t skip,
                          std::vector<CsvColumn>& columns, const ParseSettings& settings)
{
    if (allRows.size() <= skip)
        return;
    const CsvRow* rows = allRows.data() + skip;
    const std::size_t count = allRows.size() - skip;
    const std::size_t base = m_rows;
    resizeColumns(columns, base + count);
    std::size_t blocks = std::clamp<std::size_t>(count / kMinBlockRows, 1, m_threads);
    std::vector<BlockResult> results(blocks);
    std::vector<std::pair<std::size_t, std::size_t>> ranges(blocks, {0, 0});
    runBlocks(count, blocks, [&](std::size_t b, std::size_t begin, std::size_t end) {
        ranges[b] = {begin, end};
        parseBlock(data, rows + begin, end - begin, base + begin, columns, settings, results[b]);
    });
    std::vector<std::uint8_t> failed(columns.size(), 0);
    for (std::size_t b = 0; b < blocks; ++b) {
        BlockResult& block = results[b];
        if (block.failed.empty())
            continue;  // a block that got no rows
        absorbBlock(columns, block, base + ranges[b].first, ranges[b].second - ranges[b].first, failed);
        for (int k = 0; k < IssueKindCount; ++k)
            m_issues[k].merge(std::move(block.issues[k]));
        m_extras.insert(m_extras.end(), std::make_move_iterator(block.extras.begin()),
                        std::make_move_iterator(block.extras.end()));
    }
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (failed[c])
            promoteColumn(columns, c, data, rows, count, base, settings);
    switchLargeDictionaries(columns);
    m_rows += count;
}

Result<void> CsvJob::collectDeferred()
{
    std::vector<CsvColumn> columns(m_columns.size());
    bool any = false;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        columns[c].kind = m_columns[c].kind == CellKind::Deferred ? CellKind::Raw : CellKind::Deferred;
        any = any || m_columns[c].kind == CellKind::Deferred;
    }
    if (!any)
        return {};
    if (!m_source.rewind())
        return makeError(ErrorCode::Io, "cannot re-read the file", m_name);
    CsvChunkReader reader(m_source, m_encoding);
    if (auto r = reader.prime(kFirstBatchBytes); !r)
        return r.error();
    if (m_prefixBytes > 0)
        reader.skipPrefix(m_prefixBytes, 1);
    reader.setDelimiter(m_delimiter);
    ParseSettings settings = m_settings;
    settings.collectIssues = false;
    const std::size_t rowsBefore = m_rows;
    m_rows = 0;
    std::vector<CsvRow> rows;
    std::size_t skip = m_header ? 1 : 0;
    for (std::size_t bytes = 0;; bytes = kBatchBytes) {
        auto more = reader.next(rows, bytes);
        if (!more)
            return more.error();
        if (!*more)
            break;
        processBatch(reader.data(), rows, skip, columns, settings);
        skip = 0;
        if (m_progress.cancelled())
            return cancelledError(m_name);
    }
    if (m_rows != rowsBefore)
        return makeError(ErrorCode::Internal, "the second pass found a different number of rows", m_name);
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (m_columns[c].kind == CellKind::Deferred) {
            columns[c].name = m_columns[c].name;
            columns[c].forced = m_columns[c].forced;
            m_columns[c] = std::move(columns[c]);
        }
    return {};
}

void CsvJob::addReaderDiagnostics(const CsvChunkReader& reader)
{
    auto& w = m_result.warnings;
    const RowScanner& scanner = reader.scanner();
    for (std::int64_t line : scanner.unclosedQuoteLines())
        w.push_back({Diagnostic::Severity::Warning,
                     "a quote opens a field that never closes: it is kept as an ordinary character", line, {}});
    w.insert(w.end(), reader.diagnostics().begin(), reader.diagnostics().end());
    if (reader.nulLines() > 20)
        w.push_back({Diagnostic::Severity::Warning,
                     "NUL bytes removed on " + std::to_string(reader.nulLines()) + " lines in all", -1, {}});
    if (reader.decodeReplacements() > 0)
        w.push_back({Diagnostic::Severity::Warning,
                     std::to_string(reader.decodeReplacements()) +
                         " invalid UTF-16 code unit(s) replaced by U+FFFD",
                     -1, {}});
    if (scanner.blankLines() > 0)
        w.push_back({Diagnostic::Severity::Info,
                     std::to_string(scanner.blankLines()) + " blank line(s) skipped (the first on this line)",
                     scanner.firstBlankLine(), {}});
}

Result<ReadResult> CsvJob::finish()
{
    // Extra fields of long rows become extra_1, extra_2, ... columns.
    std::size_t width = m_columns.size();
    for (const auto& e : m_extras)
        width = std::max(width, e.index + 1);
    const std::size_t ncols = m_columns.size();
    std::vector<std::string> taken;
    for (const auto& c : m_columns)
        taken.push_back(c.name);
    for (std::size_t k = ncols; k < width; ++k) {
        CsvColumn col;
        col.name = "extra_" + std::to_string(k - ncols + 1);
        while (std::find(taken.begin(), taken.end(), col.name) != taken.end())
            col.name += "_";
        taken.push_back(col.name);
        col.kind = CellKind::Raw;
        col.valid.assign(m_rows, 0);
        StringArena arena;
        arena.offsets.reserve(m_rows + 1);
        std::size_t next = 0;
        for (const auto& e : m_extras) {
            if (e.index != k)
                continue;
            for (; next < e.row; ++next)
                arena.push({});
            arena.push(e.text);
            col.valid[e.row] = 1;
            next = e.row + 1;
        }
        for (; next < m_rows; ++next)
            arena.push({});
        col.text = std::move(arena);
        m_columns.push_back(std::move(col));
    }
    std::vector<ExtraCell>().swap(m_extras);

    std::vector<ColumnPtr> built(m_columns.size());
    std::vector<Diagnostics> notes(m_columns.size());
    auto finishRange = [&](std::size_t b, std::size_t e) {
        for (std::size_t c = b; c < e; ++c)
            built[c] = finishColumn(m_columns[c], m_settings.infer, notes[c]);
    };
    if (m_rows >= 65536 && m_threads > 1)
        parallelFor(m_columns.size(), finishRange, 1);  // threads only pay off on large columns
    else
        finishRange(0, m_columns.size());
    if (m_progress.cancelled())
        return cancelledError(m_name);
    Table table;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        if (auto r = table.addColumn(m_columns[c].name, built[c]); !r)
            return makeError(ErrorCode::Internal, r.error().message, m_name);
    }
    table.setRowCountIfEmpty(m_rows);

    Diagnostics rowIssues;
    for (auto& list : m_issues) {
        rowIssues.insert(rowIssues.end(), list.kept.begin(), list.kept.end());
        if (list.total > list.kept.size())
            rowIssues.push_back({Diagnostic::Severity::Warning,
                                 "... and " + std::to_string(list.total - list.kept.size()) +
                                     " more row(s) like the line before (the last on this line)",
                                 list.lastLine, {}});
    }
    std::stable_sort(rowIssues.begin(), rowIssues.end(), [](auto& a, auto& b) { return a.line < b.line; });
    auto& w = m_result.warnings;
    w.insert(w.end(), rowIssues.begin(), rowIssues.end());
    for (auto& n : notes)
        w.insert(w.end(), n.begin(), n.end());
    m_result.table = std::move(table);
    m_result.format = m_delimiter == '\t' ? "tsv" : "csv";
    m_result.encoding = std::string(encodingName(m_encoding.encoding));
    m_result.delimiter = m_delimiter;
    m_progress.report(1.0, "reading");
    return std::move(m_result);
}

} // namespace

Result<ReadResult> readCsvBuffer(std::string_view bytes, const std::string& displayName, const ReadOptions& options,
                                 const Progress& progress)
{
    MemorySource source(bytes);
    return CsvJob(source, displayName, options, progress).run(std::nullopt);
}

Result<ReadResult> readCsvFile(const std::string& path, const ReadOptions& options, const Progress& progress)
{
    auto source = FileSource::open(path);
    if (!source)
        return source.error();
    return CsvJob(**source, path, options, progress).run(std::nullopt);
}

} // namespace preplab::io
