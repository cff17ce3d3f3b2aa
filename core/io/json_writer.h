// JSON writer: the table as an array of objects (one object per row, keys in column order), or
// as JSON Lines (one object per line). Missing values are null. Integers are JSON integers;
// Numeric values are JSON numbers in shortest round-trip form, always with a '.' or exponent so
// that they read back as Numeric ("18.0"); NaN and +-inf have no JSON spelling and are written as
// null with a warning. Booleans are true/false, dates ISO-8601 strings, categories and text
// strings (invalid UTF-8 bytes become U+FFFD, with a warning).
#pragma once

#include "core/io/text_sink.h"
#include "core/table/table.h"
#include "core/util/diagnostic.h"

#include <string>
#include <string_view>

namespace preplab::io {

struct JsonWriteOptions {
    bool lines = false;  // JSON Lines instead of one array
};

void writeJson(const Table& table, const TextSink& sink, const JsonWriteOptions& options = {},
               Diagnostics* warnings = nullptr);
std::string toJson(const Table& table, const JsonWriteOptions& options = {}, Diagnostics* warnings = nullptr);

// `value` as a JSON string literal, quotes included. Returns false when invalid UTF-8 was replaced.
bool appendJsonString(std::string& out, std::string_view value);

} // namespace preplab::io
