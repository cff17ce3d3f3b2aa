// Reading the DATA argument of a command: the common read options (--sep, --na), the reader,
// and the reader's warnings printed on stderr in the contract's format.
#pragma once

#include "app/cli/cli_args.h"
#include "core/io/read_options.h"
#include "core/util/result.h"

#include <string>

namespace preplab::cli {

// Reads `spec` (a path, "file.db:table" or "-" for stdin) with the options in `args`; prints
// every reader warning on stderr. A failure is returned for the caller to report.
Result<io::ReadResult> readInputTable(const ParsedArgs& args, const std::string& spec);

// The name used for `spec` in messages: the spec itself, or "<stdin>".
std::string inputDisplayName(const std::string& spec);

// The help lines of the common read options, for a command's usage text.
std::string readOptionsHelp();

} // namespace preplab::cli
