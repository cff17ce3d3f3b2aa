#include "app/cli/table_input.h"

#include "app/cli/cli_output.h"
#include "core/io/reader.h"

namespace preplab::cli {

Result<io::ReadResult> readInputTable(const ParsedArgs& args, const std::string& spec)
{
    auto options = readOptionsFrom(args);
    if (!options)
        return options.error();
    auto result = io::readTable(spec, *options);
    if (result)
        reportWarnings(result->warnings, inputDisplayName(spec));
    return result;
}

std::string inputDisplayName(const std::string& spec)
{
    return spec == "-" ? "<stdin>" : spec;
}

std::string readOptionsHelp()
{
    return "  --sep C           field delimiter of CSV input (default: sniffed among , ; TAB |); '\\t' for TAB\n"
           "  --na STR          a missing-value marker (repeatable; replaces the default set:\n"
           "                    empty, NA, N/A, NaN, nan, null, NULL, None, ?)\n"
           "\nDATA may be - to read standard input.\n";
}

} // namespace preplab::cli
