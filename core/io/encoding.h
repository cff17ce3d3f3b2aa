// Text encodings of table files: detection (byte-order marks, UTF-16 without a BOM), UTF-8
// validation and streaming transcoding of UTF-16 LE/BE and Windows-1252 to UTF-8.
// Readers call these on chunks of a file, so every decoder carries an incomplete trailing
// sequence over to the next chunk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace preplab::io {

enum class TextEncoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1252, Utf32 };

// "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252", "utf-32" (the ReadResult names).
std::string_view encodingName(TextEncoding encoding);

struct EncodingGuess {
    TextEncoding encoding = TextEncoding::Utf8;
    std::size_t bomLength = 0;  // bytes to skip at the start
    bool bogusBom = false;      // a UTF-16 BOM in front of single-byte text: read as UTF-8 after it
};

// Looks at the first bytes of a file: a BOM decides; without one, text with a NUL in most odd
// (or even) positions of its first 4 KB is UTF-16 LE (or BE); anything else is UTF-8 (the
// caller falls back to Windows-1252 when it finds invalid UTF-8).
EncodingGuess detectEncoding(std::string_view head);

// Length of the valid UTF-8 prefix of `bytes`. When the bytes end in the middle of a sequence
// that could still be completed, `incomplete` is its length (0..3) and it is not counted as
// invalid; the result is then bytes.size() - incomplete. A result shorter than that points at
// the first invalid byte.
std::size_t validUtf8Prefix(std::string_view bytes, std::size_t& incomplete);

// Streaming decoder to UTF-8 for UTF-16 LE/BE and Windows-1252 (UTF-8 input is appended as is).
class TextDecoder {
public:
    explicit TextDecoder(TextEncoding encoding) : m_encoding(encoding) {}

    // Appends the UTF-8 text of `raw` to `out`. An incomplete code unit or surrogate pair at the
    // end is kept for the next call; `final` flushes it (as U+FFFD).
    void decode(std::string_view raw, bool final, std::string& out);
    // UTF-16 units that were invalid (lone surrogates, odd trailing byte) and became U+FFFD.
    std::size_t replacements() const { return m_replacements; }

private:
    void decodeUtf16(std::string_view raw, bool final, std::string& out);

    TextEncoding m_encoding;
    std::string m_pending;  // bytes carried over from the previous chunk
    std::uint32_t m_highSurrogate = 0;
    std::size_t m_replacements = 0;
};

// Appends code point `cp` as UTF-8.
void appendUtf8(std::string& out, std::uint32_t cp);

} // namespace preplab::io
