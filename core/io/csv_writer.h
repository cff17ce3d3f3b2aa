// Canonical CSV writer: RFC 4180, UTF-8 without BOM, ',' (or the given delimiter), LF line ends,
// one header row. A missing value is an empty field; a present empty string is written as ""
// (readers that honour quoting keep it present; pandas and PrepLab's CSV reader, like most, read
// "" and a quoted "NA" as missing). A field is quoted when it contains the delimiter, '"', CR or
// LF, has leading or trailing spaces/tabs, or equals a default missing marker (NA, null, ?...).
// In a one-column table a missing value is written as "" too: readers (PrepLab's, pandas')
// skip blank lines, which would lose the row. Numbers use the shortest text that reads back to
// the same double; dates are ISO-8601.
#pragma once

#include "core/io/text_sink.h"
#include "core/table/table.h"
#include "core/util/diagnostic.h"

#include <string>
#include <string_view>

namespace preplab::io {

struct CsvWriteOptions {
    char delimiter = ',';
};

// Writes the table; warnings (e.g. NaN that will read back as missing) go to `warnings`.
void writeCsv(const Table& table, const TextSink& sink, const CsvWriteOptions& options = {},
              Diagnostics* warnings = nullptr);
std::string toCsv(const Table& table, const CsvWriteOptions& options = {}, Diagnostics* warnings = nullptr);

// The field as written: quoted and escaped when needed.
std::string csvField(std::string_view value, char delimiter = ',');

} // namespace preplab::io
