#include "core/io/text_decoding.h"

#include "core/io/encoding.h"

#include <algorithm>

namespace preplab::io {

Result<std::string_view> decodeToUtf8(std::string_view bytes, const std::string& displayName, std::string& storage,
                                      std::string& encoding, Diagnostics& warnings)
{
    const EncodingGuess guess = detectEncoding(bytes);
    encoding = std::string(encodingName(guess.encoding));
    std::string_view body = bytes.substr(std::min(guess.bomLength, bytes.size()));
    switch (guess.encoding) {
    case TextEncoding::Utf32:
        return makeError(ErrorCode::BadData, "UTF-32 text is not supported; save the file as UTF-8", displayName);
    case TextEncoding::Utf16Le:
    case TextEncoding::Utf16Be: {
        TextDecoder decoder(guess.encoding);
        storage.clear();
        decoder.decode(body, true, storage);
        if (decoder.replacements() > 0)
            warnings.push_back({Diagnostic::Severity::Warning,
                                std::to_string(decoder.replacements()) +
                                    " invalid UTF-16 unit(s) replaced by U+FFFD",
                                -1, {}});
        return std::string_view(storage);
    }
    case TextEncoding::Utf8:
    case TextEncoding::Utf8Bom:
    case TextEncoding::Windows1252: break;
    }
    if (guess.bogusBom)
        warnings.push_back({Diagnostic::Severity::Warning,
                            "a UTF-16 byte-order mark in front of single-byte text was ignored", 1, {}});
    std::size_t incomplete = 0;
    const std::size_t valid = validUtf8Prefix(body, incomplete);
    if (valid == body.size())
        return body;
    const auto line = 1 + std::count(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(valid), '\n');
    TextDecoder decoder(TextEncoding::Windows1252);
    storage.clear();
    decoder.decode(body, true, storage);
    encoding = std::string(encodingName(TextEncoding::Windows1252));
    warnings.push_back({Diagnostic::Severity::Warning,
                        "invalid UTF-8 (first at line " + std::to_string(line) + "): the file is read as Windows-1252",
                        line, {}});
    return std::string_view(storage);
}

} // namespace preplab::io
