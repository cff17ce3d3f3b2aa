#include "app/cli/cli_output.h"

#include <cstdio>

namespace preplab::cli {

int exitCodeFor(const Error& error)
{
    return error.code == ErrorCode::BadUsage ? kExitUsage : kExitBadData;
}

int reportError(const Error& error, std::string_view usageHint)
{
    std::fprintf(stderr, "preplab-cli: error: %s\n", error.describe().c_str());
    if (error.code == ErrorCode::BadUsage && !usageHint.empty())
        std::fprintf(stderr, "Try '%.*s'.\n", static_cast<int>(usageHint.size()), usageHint.data());
    return exitCodeFor(error);
}

void reportWarnings(const Diagnostics& warnings, const std::string& file, std::size_t limit)
{
    std::size_t shown = 0;
    for (const Diagnostic& d : warnings) {
        if (shown == limit)
            break;
        ++shown;
        std::string where = file;
        if (d.line >= 0)
            where += ':' + std::to_string(d.line);
        std::fprintf(stderr, "preplab-cli: warning: %s: %s\n", where.c_str(), d.message.c_str());
    }
    if (warnings.size() > shown)
        std::fprintf(stderr, "preplab-cli: warning: %s: %zu more warnings not shown\n", file.c_str(),
                     warnings.size() - shown);
}

Result<void> writeStdout(std::string_view bytes)
{
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout) != 0)
        return makeError(ErrorCode::Io, "cannot write to standard output");
    return {};
}

} // namespace preplab::cli
