// `preplab-cli report RECIPE DATA -o OUT.html`: a self-contained HTML report of the profile, every
// step's before/after and the bias figures (core/export/html_report.h), written atomically.
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "app/cli/table_input.h"
#include "core/export/html_report.h"
#include "core/io/reader.h"

#include <filesystem>

namespace preplab::cli {

namespace {

int runReport(const std::vector<std::string>& args)
{
    const Command& command = reportCommand();
    const std::string hint = "preplab-cli report --help";
    std::vector<OptionSpec> specs = readOptionSpecs();
    specs.push_back({"-o", "--output", true, false});
    ParsedArgs parsed;
    if (auto stop = parseCommandArgs(command, args, specs, 2, parsed))
        return *stop;
    const auto out = parsed.value("-o");
    if (!out || out->empty() || *out == "-")
        return reportError(makeError(ErrorCode::BadUsage, "report: -o OUT.html is required"), hint);
    const std::string& recipePath = parsed.positionals[0];
    const std::string& dataPath = parsed.positionals[1];
    if (*out == recipePath || *out == dataPath)
        return reportError(makeError(ErrorCode::BadUsage, "report: the output would overwrite an input"), hint);
    auto recipe = pipeline::Recipe::load(recipePath);
    if (!recipe)
        return reportError(recipe.error());
    auto input = readInputTable(parsed, dataPath);
    if (!input)
        return reportError(input.error(), hint);
    exporting::HtmlReportOptions options;
    options.dataName = inputDisplayName(dataPath);
    options.recipeName = std::filesystem::path(recipePath).filename().string();
    auto written = exporting::writeHtmlReport(input->table, *recipe, *out, options);
    if (!written) {
        Error e = written.error();
        if (e.file.empty() && e.code != ErrorCode::Io)
            e.file = recipePath;
        return reportError(e);
    }
    return kExitOk;
}

} // namespace

const Command& reportCommand()
{
    static const Command command{
        "report",
        "write a self-contained HTML report of the profile, each step's before/after and bias figures",
        std::string("usage: preplab-cli report RECIPE DATA -o OUT.html [--sep C] [--na STR]...\n"
        "\n"
        "Runs RECIPE on DATA and writes one HTML file (inline CSS and SVG, no external resources):\n"
        "the profile of DATA, every step's sentence, fitted parameters, changed cells, before -> after\n"
        "statistics and histograms, and, when the recipe names a target, class balance and the\n"
        "positive rate per group of the categorical columns with at most 10 levels.\n"
        "\n"
        "  -o, --output OUT.html  the report (written atomically; required)\n") +
            readOptionsHelp(),
        runReport,
    };
    return command;
}

} // namespace preplab::cli
