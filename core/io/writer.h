// writeTable: writes a table to a file, choosing the format by the path's extension:
//   .json                 array of objects (null for missing)
//   .jsonl / .ndjson      JSON Lines
//   .tsv                  canonical CSV with TAB as delimiter
//   anything else         canonical CSV (see csv_writer.h)
//   "-"                   standard output, CSV
// Files are written atomically (see atomic_file.h): a failure never leaves a half-written file.
#pragma once

#include "core/table/table.h"
#include "core/util/diagnostic.h"
#include "core/util/result.h"

#include <string>
#include <vector>

namespace preplab::io {

enum class OutputFormat { Csv, Tsv, Json, JsonLines };

OutputFormat outputFormatForPath(const std::string& path);

struct WriteOptions {
    std::vector<std::string> protectedPaths;  // e.g. the input file: never written over
};

// Returns the writer's warnings (NaN written as null, ...).
Result<Diagnostics> writeTable(const Table& table, const std::string& path, const WriteOptions& options = {});

} // namespace preplab::io
