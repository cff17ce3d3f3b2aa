// CsvChunkReader: streams a CSV file as batches of complete rows of UTF-8 text, so that a large
// file is never held in memory whole. It reads a few megabytes at a time from a ByteSource,
// decodes them (UTF-8, UTF-16, Windows-1252), removes NUL bytes (with a warning naming their
// lines) and finds row boundaries with RowScanner.
#pragma once

#include "core/io/csv_dialect.h"
#include "core/io/encoding.h"
#include "core/util/diagnostic.h"
#include "core/util/result.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::io {

// Raw bytes of a file or of a buffer, readable from the start again.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    virtual std::size_t read(char* dst, std::size_t n) = 0;  // 0 at the end
    virtual bool rewind() = 0;
    virtual std::uint64_t size() const = 0;
    virtual bool failed() const { return false; }
};

class MemorySource : public ByteSource {
public:
    explicit MemorySource(std::string_view bytes) : m_bytes(bytes) {}
    std::size_t read(char* dst, std::size_t n) override;
    bool rewind() override { m_pos = 0; return true; }
    std::uint64_t size() const override { return m_bytes.size(); }

private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

class FileSource : public ByteSource {
public:
    static Result<std::unique_ptr<FileSource>> open(const std::string& path);
    ~FileSource() override;
    std::size_t read(char* dst, std::size_t n) override;
    bool rewind() override;
    std::uint64_t size() const override { return m_size; }
    bool failed() const override;

private:
    FileSource() = default;
    std::FILE* m_file = nullptr;
    std::uint64_t m_size = 0;
};

class CsvChunkReader {
public:
    // `encoding` comes from detectEncoding (its BOM is skipped here).
    CsvChunkReader(ByteSource& source, const EncodingGuess& encoding);

    // Reads and decodes at least `bytes` raw bytes (or up to the end) without looking for rows:
    // for sniffing the delimiter and an Excel "sep=" line. Call once, before next().
    Result<void> prime(std::size_t bytes);
    std::string_view text() const { return m_buffer; }  // decoded text held now
    // Drops the first `bytes` of the held text, which ended with `lines` line breaks.
    void skipPrefix(std::size_t bytes, std::int64_t lines);
    void setDelimiter(char delimiter);

    // Replaces `rows` with the next batch of complete rows, reading about `bytes` more raw
    // bytes. Rows index data() and stay valid until the next call. Returns false at the end.
    Result<bool> next(std::vector<CsvRow>& rows, std::size_t bytes);
    const char* data() const { return m_buffer.data(); }

    std::uint64_t rawBytesRead() const { return m_rawRead; }
    bool atEnd() const { return m_eof; }  // every raw byte has been read
    std::uint64_t rawSize() const { return m_source.size(); }
    // Set when Utf8 input held an invalid sequence: the caller reads again as Windows-1252.
    bool invalidUtf8() const { return m_invalidUtf8; }
    std::int64_t invalidUtf8Line() const { return m_invalidLine; }
    const RowScanner& scanner() const { return m_scanner; }
    // NUL removals and UTF-16 replacements so far.
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    std::size_t decodeReplacements() const { return m_decoder.replacements(); }
    std::uint64_t nulBytes() const { return m_nulBytes; }
    std::int64_t nulLines() const { return m_nulLines; }  // lines with NUL bytes (20 are listed)

private:
    Result<void> readMore(std::size_t bytes);
    void removeNuls(std::size_t from);
    std::int64_t lineAt(std::size_t offset) const;

    ByteSource& m_source;
    TextEncoding m_encoding;
    std::size_t m_skip;  // BOM bytes still to drop
    TextDecoder m_decoder;
    std::string m_buffer;
    std::string m_raw;
    std::size_t m_validated = 0;  // UTF-8 checked up to here
    bool m_eof = false;
    bool m_invalidUtf8 = false;
    std::int64_t m_invalidLine = -1;
    std::uint64_t m_rawRead = 0;
    RowScanner m_scanner;
    char m_delimiter = ',';
    std::int64_t m_firstLine = 1;
    std::int64_t m_nulLines = 0;
    std::uint64_t m_nulBytes = 0;
    Diagnostics m_diagnostics;
};

} // namespace preplab::io
