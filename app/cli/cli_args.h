// Command-line argument parsing for preplab-cli: each command declares the options it takes
// (flags and valued options, some repeatable) and gets back its positional arguments and option
// values, or a BadUsage error naming the offending argument.
//
// Accepted spellings: `--name value`, `--name=value`, `-o value`, `-ovalue` (one-letter options);
// `--` ends options; a lone `-` is a positional argument (standard input or output).
// `--help` and `-h` are always accepted and set ParsedArgs::help.
#pragma once

#include "core/io/read_options.h"
#include "core/util/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace preplab::cli {

struct OptionSpec {
    std::string name;          // "--json", "-o"
    std::string alias;         // another spelling of the same option ("--output"), may be empty
    bool takesValue = false;   // false: a flag
    bool repeatable = false;   // a valued option that may be given several times (values kept in order)
};

struct ParsedArgs {
    std::vector<std::string> positionals;
    std::map<std::string, std::vector<std::string>> values;  // by OptionSpec::name; flags hold one ""
    bool help = false;

    bool has(const std::string& name) const { return values.count(name) != 0; }
    // The value of a non-repeatable option, if given.
    std::optional<std::string> value(const std::string& name) const;
    // Every value of a repeatable option, in command-line order (empty when not given).
    std::vector<std::string> all(const std::string& name) const;
};

Result<ParsedArgs> parseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs);

// The options every command that reads a table takes: `--sep C` (one character, or `\t` / `tab`)
// and `--na STR` (repeatable; the given markers replace the default set).
std::vector<OptionSpec> readOptionSpecs();
Result<io::ReadOptions> readOptionsFrom(const ParsedArgs& args);

} // namespace preplab::cli
