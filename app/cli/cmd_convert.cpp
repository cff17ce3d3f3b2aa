// `preplab-cli convert DATA [-o OUT]`: re-writes a table as canonical CSV (or JSON by OUT's
// extension). Without -o the CSV goes to stdout; with -o the file is written atomically.
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "app/cli/table_input.h"
#include "core/io/writer.h"

namespace preplab::cli {

namespace {

int runConvert(const std::vector<std::string>& args)
{
    const Command& command = convertCommand();
    std::vector<OptionSpec> specs = readOptionSpecs();
    specs.push_back({"-o", "--output", true, false});
    ParsedArgs parsed;
    if (auto stop = parseCommandArgs(command, args, specs, 1, parsed))
        return *stop;
    auto input = readInputTable(parsed, parsed.positionals[0]);
    if (!input)
        return reportError(input.error(), helpHint(command));
    const std::string out = parsed.value("-o").value_or("-");
    io::WriteOptions options;
    if (parsed.positionals[0] != "-")
        options.protectedPaths.push_back(parsed.positionals[0]);
    auto written = io::writeTable(input->table, out, options);
    if (!written)
        return reportError(written.error());
    reportWarnings(*written, out == "-" ? "<stdout>" : out);
    return kExitOk;
}

} // namespace

const Command& convertCommand()
{
    static const Command command{
        "convert",
        "re-write a table as canonical CSV (or JSON)",
        std::string("usage: preplab-cli convert DATA [-o OUT] [--sep C] [--na STR]...\n"
        "\n"
        "Re-writes DATA as canonical CSV (RFC 4180, UTF-8, ',', LF, a header row, missing = empty\n"
        "field), or as a JSON array of objects (null for missing) when OUT ends in .json\n"
        "(.jsonl / .ndjson: JSON Lines; .tsv: tab-separated).\n"
        "\n"
        "  -o, --output OUT  write to OUT (atomically) instead of standard output\n") +
            readOptionsHelp(),
        runConvert,
    };
    return command;
}

} // namespace preplab::cli
