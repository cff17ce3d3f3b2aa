// `preplab-cli profile DATA [--json]`: infers column types, profiles every column and lists the
// data-quality alerts, as text or as one JSON document (the contract's shape, profile_json.h).
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "app/cli/table_input.h"
#include "core/profile/profile.h"
#include "core/profile/profile_json.h"
#include "core/profile/profile_text.h"

namespace preplab::cli {

namespace {

int runProfile(const std::vector<std::string>& args)
{
    const Command& command = profileCommand();
    std::vector<OptionSpec> specs = readOptionSpecs();
    specs.push_back({"--json", "", false, false});
    ParsedArgs parsed;
    if (auto stop = parseCommandArgs(command, args, specs, 1, parsed))
        return *stop;
    const std::string& spec = parsed.positionals[0];
    auto input = readInputTable(parsed, spec);
    if (!input)
        return reportError(input.error(), helpHint(command));
    auto result = profile::profileTable(input->table);
    if (!result)
        return reportError(result.error());
    // Invalid UTF-8 in a value is replaced (U+FFFD) so that stdout is always one valid document.
    const auto replaceInvalid = nlohmann::json::error_handler_t::replace;
    const std::string text = parsed.has("--json")
                                 ? profile::profileToJson(*result, input->warnings).dump(-1, ' ', false, replaceInvalid) + "\n"
                                 : profile::profileToText(*result, input->warnings);
    if (auto written = writeStdout(text); !written)
        return reportError(written.error());
    return kExitOk;
}

} // namespace

const Command& profileCommand()
{
    static const Command command{
        "profile",
        "infer column types, profile every column, list data-quality alerts",
        std::string("usage: preplab-cli profile DATA [--json] [--sep C] [--na STR]...\n"
                    "\n"
                    "Infers each column's type, profiles it (missing, distinct, describe() figures, skewness,\n"
                    "histogram, most frequent values) and lists data-quality alerts.\n"
                    "\n"
                    "  --json            one JSON document on standard output instead of text\n") +
            readOptionsHelp(),
        runProfile,
    };
    return command;
}

} // namespace preplab::cli
