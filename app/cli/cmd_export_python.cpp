// `preplab-cli export-python RECIPE [-o OUT.py]`: the recipe as a runnable pandas / scikit-learn
// script (core/export/python_exporter.h). Without -o the script goes to stdout; with -o the file
// is written atomically.
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "core/export/python_exporter.h"
#include "core/io/atomic_file.h"

#include <filesystem>

namespace preplab::cli {

namespace {

int runExportPython(const std::vector<std::string>& args)
{
    const Command& command = exportPythonCommand();
    std::vector<OptionSpec> specs = {{"-o", "--output", true, false}};
    ParsedArgs parsed;
    if (auto stop = parseCommandArgs(command, args, specs, 1, parsed))
        return *stop;
    const std::string& recipePath = parsed.positionals[0];
    auto recipe = pipeline::Recipe::load(recipePath);
    if (!recipe)
        return reportError(recipe.error());
    auto script = exporting::exportPython(*recipe, std::filesystem::path(recipePath).filename().string());
    if (!script) {
        Error e = script.error();
        e.file = recipePath;
        return reportError(e);
    }
    const std::string out = parsed.value("-o").value_or("-");
    if (out == "-") {
        auto written = writeStdout(*script);
        return written ? kExitOk : reportError(written.error());
    }
    if (out == recipePath)
        return reportError(makeError(ErrorCode::BadUsage, "export-python: the output would overwrite the recipe"),
                           "preplab-cli export-python --help");
    auto written = io::writeFileAtomically(out, *script);
    return written ? kExitOk : reportError(written.error());
}

} // namespace

const Command& exportPythonCommand()
{
    static const Command command{
        "export-python",
        "write the recipe as a runnable pandas / scikit-learn script",
        "usage: preplab-cli export-python RECIPE [-o OUT.py]\n"
        "\n"
        "Writes RECIPE as a Python 3 script using pandas and scikit-learn. Run it as\n"
        "`python3 OUT.py INPUT.csv OUTPUT.csv`: it writes the same table as\n"
        "`preplab-cli apply RECIPE INPUT.csv -o OUTPUT.csv` (PrepLab's seeded split included).\n"
        "\n"
        "  -o, --output OUT.py  write to OUT.py (atomically) instead of standard output\n",
        runExportPython,
    };
    return command;
}

} // namespace preplab::cli
