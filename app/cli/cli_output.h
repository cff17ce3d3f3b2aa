// How preplab-cli talks back: exit codes, error and warning lines on stderr in the contract's
// format, and checked writes to stdout.
#pragma once

#include "core/util/diagnostic.h"
#include "core/util/result.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace preplab::cli {

// Exit codes of the CLI contract.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadData = 1;  // bad data or bad recipe (also I/O failures)
inline constexpr int kExitUsage = 2;

int exitCodeFor(const Error& error);

// Prints `preplab-cli: error: FILE:LINE[:COL]: message` on stderr and returns exitCodeFor(error).
// `usageHint` (e.g. "preplab-cli profile --help") is pointed to after a usage error.
int reportError(const Error& error, std::string_view usageHint = {});
// Prints each diagnostic as `preplab-cli: warning: FILE:LINE: message` on stderr (at most `limit`,
// then one line counting the rest). `file` names the input ("<stdin>" for standard input).
void reportWarnings(const Diagnostics& warnings, const std::string& file, std::size_t limit = 50);
// Writes bytes to stdout and flushes; an Io error when the stream fails (a closed pipe, a full disk).
Result<void> writeStdout(std::string_view bytes);

} // namespace preplab::cli
