// Options and result shared by every table reader (CSV/TSV, JSON, ARFF, SQLite).
#pragma once

#include "core/table/table.h"
#include "core/util/diagnostic.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace preplab::io {

// The CLI contract's default missing markers: "", NA, N/A, NaN, nan, null, NULL, None, ?
const std::vector<std::string>& defaultNaMarkers();

struct ReadOptions {
    std::optional<char> delimiter;                 // CSV: sniffed among , ; TAB | when unset
    std::optional<std::vector<std::string>> naMarkers;  // replaces the default set when set
    std::optional<bool> header;                    // CSV: detected when unset
    std::map<std::string, ColumnType> typeOverrides;  // per column name: skip inference
    unsigned threads = 0;                          // 0 = all hardware threads

    const std::vector<std::string>& markers() const { return naMarkers ? *naMarkers : defaultNaMarkers(); }
};

struct ReadResult {
    Table table;
    Diagnostics warnings;  // every malformed row, decoding fallback, renamed header, ... (never silent)
    std::string format;    // "csv", "tsv", "json", "jsonl", "arff", "sqlite"
    std::string encoding;  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"
    char delimiter = ',';  // CSV only
};

} // namespace preplab::io
