// The registry of preplab-cli commands. main.cpp dispatches on the first argument through
// commands(); adding a command is one cmd_<name>.cpp that defines its Command, one declaration
// below and one line in the table in commands.cpp.
#pragma once

#include "app/cli/cli_args.h"
#include "core/util/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::cli {

struct Command {
    std::string name;     // "profile"
    std::string summary;  // one line for `preplab-cli --help`
    std::string usage;    // the synopsis and option list printed by `preplab-cli COMMAND --help`
    // Runs with the arguments after the command name; returns the process exit code.
    int (*run)(const std::vector<std::string>& args) = nullptr;
};

// Every available command, in the order `--help` lists them.
const std::vector<Command>& commands();
const Command* findCommand(std::string_view name);

// The commands (defined in cmd_<name>.cpp).
const Command& profileCommand();
const Command& convertCommand();
const Command& applyCommand();
const Command& diagnoseCommand();
const Command& evaluateCommand();
const Command& exportPythonCommand();
const Command& reportCommand();

// "preplab-cli NAME --help", pointed to after a usage error.
std::string helpHint(const Command& command);

// Parses a command's arguments; on --help prints its usage on stdout. Returns the exit code to
// stop with (help or bad usage), or nothing to carry on.
std::optional<int> parseCommandArgs(const Command& command, const std::vector<std::string>& args,
                                    const std::vector<OptionSpec>& specs, std::size_t positionals,
                                    ParsedArgs& out);

} // namespace preplab::cli
