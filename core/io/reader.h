// readTable: opens any table PrepLab reads, chosen by extension and content.
//   path.csv / .tsv / .txt / anything else   CSV family (delimiter sniffed)
//   path.json / .jsonl / .ndjson            JSON array of objects, or JSON Lines
//   path.arff                               Weka ARFF
//   path.db / .sqlite / .sqlite3[:table]    SQLite, read-only ("file.db:table", or the only table)
//   "-"                                     standard input (CSV family, or JSON when it starts with [ or {)
// Binary or compressed files (gzip, zip, xlsx, parquet, ...) are refused with a clear error.
#pragma once

#include "core/io/read_options.h"
#include "core/util/progress.h"
#include "core/util/result.h"

#include <string>
#include <string_view>

namespace preplab::io {

Result<ReadResult> readTable(const std::string& spec, const ReadOptions& options = {}, const Progress& progress = {});

// The format readers. `displayName` is used in messages (the path, or "<stdin>").
Result<ReadResult> readCsvFile(const std::string& path, const ReadOptions& options, const Progress& progress = {});
Result<ReadResult> readCsvBuffer(std::string_view bytes, const std::string& displayName, const ReadOptions& options,
                                 const Progress& progress = {});
Result<ReadResult> readJsonBuffer(std::string_view bytes, const std::string& displayName, const ReadOptions& options);
Result<ReadResult> readArffBuffer(std::string_view bytes, const std::string& displayName, const ReadOptions& options);
// table empty = the only table in the database (an error naming the tables when there are several).
Result<ReadResult> readSqlite(const std::string& path, const std::string& table, const ReadOptions& options);

} // namespace preplab::io
