#include "core/io/csv_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace preplab::io {

namespace {
// Rows per batch at most: bounds the row index (24 bytes a row) when rows are tiny.
constexpr std::size_t kMaxBatchRows = 1u << 20;
} // namespace

std::size_t MemorySource::read(char* dst, std::size_t n)
{
    n = std::min(n, m_bytes.size() - m_pos);
    if (n > 0)
        std::memcpy(dst, m_bytes.data() + m_pos, n);
    m_pos += n;
    return n;
}

Result<std::unique_ptr<FileSource>> FileSource::open(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return makeError(ErrorCode::Io, "is a directory, not a table file", path);
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return makeError(ErrorCode::Io, std::string("cannot open: ") + std::strerror(errno), path);
    auto source = std::unique_ptr<FileSource>(new FileSource);
    source->m_file = f;
    auto size = std::filesystem::file_size(path, ec);
    source->m_size = ec ? 0 : size;
    return source;
}

FileSource::~FileSource()
{
    if (m_file)
        std::fclose(m_file);
}

std::size_t FileSource::read(char* dst, std::size_t n)
{
    std::size_t total = 0;
    while (total < n) {
        std::size_t got = std::fread(dst + total, 1, n - total, m_file);
        if (got == 0)
            break;
        total += got;
    }
    return total;
}

bool FileSource::rewind()
{
    std::clearerr(m_file);
    return std::fseek(m_file, 0, SEEK_SET) == 0;
}

bool FileSource::failed() const { return std::ferror(m_file) != 0; }

CsvChunkReader::CsvChunkReader(ByteSource& source, const EncodingGuess& encoding)
    : m_source(source), m_encoding(encoding.encoding), m_skip(encoding.bomLength), m_decoder(encoding.encoding)
{
}

std::int64_t CsvChunkReader::lineAt(std::size_t offset) const
{
    std::int64_t line = m_scanner.line();
    const char* d = m_buffer.data();
    for (std::size_t i = m_scanner.position(); i < offset && i < m_buffer.size(); ++i)
        if (d[i] == '\n' || (d[i] == '\r' && (i + 1 >= m_buffer.size() || d[i + 1] != '\n')))
            ++line;
    return line;
}

Result<void> CsvChunkReader::readMore(std::size_t bytes)
{
    if (m_eof)
        return {};
    bytes = std::max<std::size_t>(bytes, 4096);
    // A known size caps the buffer (one byte more than what is left, to see the end at once).
    if (const std::uint64_t size = m_source.size(); size > 0 && size >= m_rawRead)
        bytes = static_cast<std::size_t>(std::min<std::uint64_t>(bytes, size - m_rawRead + 1));
    const std::size_t old = m_buffer.size();
    const bool utf8 = m_encoding == TextEncoding::Utf8 || m_encoding == TextEncoding::Utf8Bom;
    std::size_t got;
    if (utf8) {
        m_buffer.resize(old + bytes);
        got = m_source.read(m_buffer.data() + old, bytes);
        m_buffer.resize(old + got);
    } else {
        m_raw.resize(bytes);
        got = m_source.read(m_raw.data(), bytes);
        m_raw.resize(got);
    }
    if (m_source.failed())
        return makeError(ErrorCode::Io, std::string("read error: ") + std::strerror(errno));
    m_rawRead += got;
    m_eof = got < bytes;
    if (m_skip > 0) {
        std::size_t drop = std::min(m_skip, got);
        if (utf8)
            m_buffer.erase(old, drop);
        else
            m_raw.erase(0, drop);
        m_skip -= drop;
    }
    if (!utf8) {
        m_decoder.decode(m_raw, m_eof, m_buffer);
    } else {
        std::size_t incomplete = 0;
        std::string_view fresh = std::string_view(m_buffer).substr(m_validated);
        std::size_t valid = validUtf8Prefix(fresh, incomplete);
        if (valid + incomplete < fresh.size() || (m_eof && incomplete > 0)) {
            m_invalidUtf8 = true;
            m_invalidLine = lineAt(m_validated + valid);
            return {};
        }
        m_validated = m_buffer.size() - incomplete;
    }
    removeNuls(old);
    return {};
}

void CsvChunkReader::removeNuls(std::size_t from)
{
    char* d = m_buffer.data();
    const std::size_t n = m_buffer.size();
    auto* first = static_cast<char*>(std::memchr(d + from, '\0', n - from));
    if (!first)
        return;
    std::size_t w = static_cast<std::size_t>(first - d);
    std::int64_t line = lineAt(w);
    std::int64_t lastReported = -1;
    std::size_t removed = 0;
    for (std::size_t r = w; r < n; ++r) {
        char c = d[r];
        if (c == '\0') {
            ++removed;
            if (line != lastReported) {
                lastReported = line;
                if (++m_nulLines <= 20)
                    m_diagnostics.push_back({Diagnostic::Severity::Warning, "NUL byte(s) removed", line, {}});
            }
            continue;
        }
        if (c == '\n' || (c == '\r' && (r + 1 >= n || d[r + 1] != '\n')))
            ++line;
        d[w++] = c;
    }
    m_buffer.resize(w);
    if (m_validated > w)
        m_validated = w;
    m_nulBytes += removed;
}

Result<void> CsvChunkReader::prime(std::size_t bytes)
{
    while (!m_eof && !m_invalidUtf8 && m_rawRead < bytes) {
        auto r = readMore(bytes - m_rawRead);
        if (!r)
            return r;
    }
    return {};
}

void CsvChunkReader::skipPrefix(std::size_t bytes, std::int64_t lines)
{
    m_buffer.erase(0, bytes);
    m_validated = m_validated > bytes ? m_validated - bytes : 0;
    m_firstLine += lines;
    m_scanner = RowScanner(m_delimiter, m_firstLine);
}

void CsvChunkReader::setDelimiter(char delimiter)
{
    m_delimiter = delimiter;
    m_scanner = RowScanner(m_delimiter, m_firstLine);
}

Result<bool> CsvChunkReader::next(std::vector<CsvRow>& rows, std::size_t bytes)
{
    rows.clear();
    if (std::size_t start = m_scanner.rowStart(); start > 0) {
        m_buffer.erase(0, start);
        m_scanner.shift(start);
        m_validated = m_validated > start ? m_validated - start : 0;
    }
    // Read only what tops the unscanned text up to `bytes` (a batch may stop at kMaxBatchRows).
    if (std::size_t pending = m_buffer.size() - m_scanner.position(); bytes > pending) {
        auto r = readMore(bytes - pending);
        if (!r)
            return r.error();
    }
    for (;;) {
        if (m_invalidUtf8)
            return false;
        m_scanner.scan(m_buffer.data(), m_buffer.size(), m_eof, rows, kMaxBatchRows);
        if (!rows.empty())
            return true;
        if (m_eof)
            return false;
        auto r = readMore(std::max<std::size_t>(bytes, 1 << 20));
        if (!r)
            return r.error();
    }
}

} // namespace preplab::io
