#include "app/cli/commands.h"

#include "app/cli/cli_output.h"

#include <algorithm>

namespace preplab::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        profileCommand(),
        convertCommand(),
        applyCommand(),
        diagnoseCommand(),
        evaluateCommand(),
        reportCommand(),
        exportPythonCommand(),
    };
    return table;
}

const Command* findCommand(std::string_view name)
{
    const auto& all = commands();
    auto it = std::find_if(all.begin(), all.end(), [&](const Command& c) { return c.name == name; });
    return it == all.end() ? nullptr : &*it;
}

std::string helpHint(const Command& command)
{
    return "preplab-cli " + command.name + " --help";
}

std::optional<int> parseCommandArgs(const Command& command, const std::vector<std::string>& args,
                                    const std::vector<OptionSpec>& specs, std::size_t positionals,
                                    ParsedArgs& out)
{
    const std::string hint = helpHint(command);
    auto parsed = parseArgs(args, specs);
    if (!parsed) {
        Error e = parsed.error();
        e.message = command.name + ": " + e.message;
        return reportError(e, hint);
    }
    if (parsed->help) {
        auto written = writeStdout(command.usage);
        return written ? kExitOk : reportError(written.error());
    }
    if (parsed->positionals.size() != positionals) {
        std::string message = command.name + ": expected " + std::to_string(positionals) + " argument" +
                              (positionals == 1 ? "" : "s") + ", got " + std::to_string(parsed->positionals.size());
        return reportError(makeError(ErrorCode::BadUsage, message), hint);
    }
    out = std::move(parsed.value());
    return std::nullopt;
}

} // namespace preplab::cli
