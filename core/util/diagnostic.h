// Diagnostic: a non-fatal problem found while reading or transforming data (a ragged row, a
// decoded Latin-1 file, a renamed header). Collected in results and shown to the user in one list.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace preplab {

struct Diagnostic {
    enum class Severity { Info, Warning };
    Severity severity = Severity::Warning;
    std::string message;
    std::int64_t line = -1;  // 1-based physical line in the source file, -1 when not about a line
    std::string column;      // column name, empty when not about one column
};

using Diagnostics = std::vector<Diagnostic>;

} // namespace preplab
