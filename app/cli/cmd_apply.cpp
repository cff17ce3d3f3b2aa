// `preplab-cli apply RECIPE DATA [-o OUT] [--report]`: runs a recipe on a table and writes the
// result like `convert`. The recipe is read and validated before the data; any error (a bad
// recipe, a step that does not fit the table) exits 1 with nothing written. --report prints on
// stderr what each step changed.
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "app/cli/table_input.h"
#include "core/io/writer.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/recipe.h"

#include <cstdio>

namespace preplab::cli {

namespace {

int runApply(const std::vector<std::string>& args)
{
    const Command& command = applyCommand();
    std::vector<OptionSpec> specs = readOptionSpecs();
    specs.push_back({"-o", "--output", true, false});
    specs.push_back({"--report", "", false, false});
    ParsedArgs parsed;
    if (auto stop = parseCommandArgs(command, args, specs, 2, parsed))
        return *stop;
    const std::string& recipePath = parsed.positionals[0];
    const std::string& dataPath = parsed.positionals[1];

    auto recipe = pipeline::Recipe::load(recipePath);
    if (!recipe)
        return reportError(recipe.error());
    auto input = readInputTable(parsed, dataPath);
    if (!input)
        return reportError(input.error(), "preplab-cli apply --help");

    pipeline::Pipeline run(std::move(input->table));
    if (auto ran = run.run(*recipe); !ran) {
        Error e = ran.error();
        if (e.file.empty())
            e.file = recipePath;
        return reportError(e);
    }
    if (parsed.has("--report")) {
        std::string text;
        for (std::size_t i = 0; i < run.completedSteps(); ++i) {
            text += run.step(i).report.text();
        }
        std::fputs(text.c_str(), stderr);
    }

    const std::string out = parsed.value("-o").value_or("-");
    io::WriteOptions options;
    if (dataPath != "-")
        options.protectedPaths.push_back(dataPath);
    options.protectedPaths.push_back(recipePath);
    auto written = io::writeTable(run.output(), out, options);
    if (!written)
        return reportError(written.error());
    reportWarnings(*written, out == "-" ? "<stdout>" : out);
    return kExitOk;
}

} // namespace

const Command& applyCommand()
{
    static const Command command{
        "apply",
        "run a recipe on a table and write the result",
        std::string("usage: preplab-cli apply RECIPE DATA [-o OUT] [--report] [--sep C] [--na STR]...\n"
                    "\n"
                    "Runs the steps of RECIPE (a PrepLab recipe, *.preplab.json) on DATA and writes the\n"
                    "result as canonical CSV, or as JSON when OUT ends in .json. A bad recipe, or a step\n"
                    "that does not fit the data, exits 1 and writes nothing.\n"
                    "\n"
                    "  -o, --output OUT  write to OUT (atomically) instead of standard output\n"
                    "  --report          print on stderr what each step changed\n") +
            readOptionsHelp(),
        runApply,
    };
    return command;
}

} // namespace preplab::cli
