// Whole-buffer decoding to UTF-8 for the text readers that parse a buffer at once (JSON, ARFF):
// the same encodings as the CSV reader (see encoding.h). A byte-order mark is removed; UTF-16
// LE/BE (with a BOM, or detected without one) is transcoded; text with invalid UTF-8 is read as
// Windows-1252, with a warning naming the first bad line; UTF-32 is refused.
#pragma once

#include "core/util/diagnostic.h"
#include "core/util/result.h"

#include <string>
#include <string_view>

namespace preplab::io {

// The UTF-8 text of `bytes`: a view into `bytes`, or into `storage` when transcoding was needed.
// `encoding` receives the ReadResult name ("utf-8", "utf-16le", "windows-1252", ...).
Result<std::string_view> decodeToUtf8(std::string_view bytes, const std::string& displayName, std::string& storage,
                                      std::string& encoding, Diagnostics& warnings);

} // namespace preplab::io
