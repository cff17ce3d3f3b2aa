// preplab-cli: dispatches the first argument to a command of the registry (commands.h).
// Everything a command can fail on is reported as a contract error line; an exception that still
// escapes (a bug, or memory exhausted) is caught here so that the tool never crashes.
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <vector>

namespace {

std::string helpText()
{
    std::string text = "usage: preplab-cli COMMAND [ARGS...]\n"
                       "       preplab-cli --version | --help | COMMAND --help\n\ncommands:\n";
    for (const auto& command : preplab::cli::commands()) {
        std::string name = command.name;
        name.resize(std::max<std::size_t>(name.size() + 2, 16), ' ');
        text += "  " + name + command.summary + "\n";
    }
    text += "\nDATA is a CSV/TSV, JSON, JSON Lines, ARFF or SQLite (file.db:table) file, or - for stdin.\n"
            "Exit codes: 0 success, 1 bad data or recipe, 2 bad usage.\n";
    return text;
}

int run(const std::vector<std::string>& args)
{
    using namespace preplab::cli;
    if (args.empty()) {
        std::fputs("usage: preplab-cli COMMAND [ARGS...]  (preplab-cli --help lists the commands)\n", stderr);
        return kExitUsage;
    }
    const std::string& first = args[0];
    if (first == "--version") {
        std::printf("preplab-cli %s\n", PREPLAB_VERSION);
        return kExitOk;
    }
    if (first == "--help" || first == "-h") {
        auto written = writeStdout(helpText());
        return written ? kExitOk : reportError(written.error());
    }
    const Command* command = findCommand(first);
    if (!command) {
        std::string message = first.rfind('-', 0) == 0 ? "unknown option '" + first + "'"
                                                        : "unknown command '" + first + "'";
        return reportError(preplab::makeError(preplab::ErrorCode::BadUsage, message), "preplab-cli --help");
    }
    return command->run(std::vector<std::string>(args.begin() + 1, args.end()));
}

} // namespace

int main(int argc, char** argv)
{
    using namespace preplab::cli;
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::bad_alloc&) {
        std::fputs("preplab-cli: error: out of memory\n", stderr);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "preplab-cli: error: internal error: %s\n", e.what());
    } catch (...) {
        std::fputs("preplab-cli: error: internal error\n", stderr);
    }
    return kExitBadData;
}
