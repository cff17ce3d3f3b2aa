#include "app/cli/cli_args.h"

#include <algorithm>
#include <string_view>

namespace preplab::cli {

namespace {

Error usageError(std::string message)
{
    return makeError(ErrorCode::BadUsage, std::move(message));
}

// "option '--x' <what>", built by appending (GCC 12 warns falsely on chained operator+ here).
Error optionError(std::string_view lead, const std::string& name, std::string_view what)
{
    std::string message(lead);
    message.append(" '").append(name).append("'").append(what);
    return usageError(std::move(message));
}

const OptionSpec* findSpec(const std::vector<OptionSpec>& specs, const std::string& name)
{
    auto it = std::find_if(specs.begin(), specs.end(),
                           [&](const OptionSpec& s) { return s.name == name || (!s.alias.empty() && s.alias == name); });
    return it == specs.end() ? nullptr : &*it;
}

} // namespace

std::optional<std::string> ParsedArgs::value(const std::string& name) const
{
    auto it = values.find(name);
    if (it == values.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

std::vector<std::string> ParsedArgs::all(const std::string& name) const
{
    auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

Result<ParsedArgs> parseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs)
{
    ParsedArgs out;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (optionsEnded || arg.size() < 2 || arg[0] != '-') {
            out.positionals.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            out.help = true;
            continue;
        }
        // Split "--name=value" and "-ovalue" into name and attached value.
        std::string name = arg;
        std::optional<std::string> attached;
        if (arg.rfind("--", 0) == 0) {
            auto eq = arg.find('=');
            if (eq != std::string::npos) {
                name = arg.substr(0, eq);
                attached = arg.substr(eq + 1);
            }
        } else if (arg.size() > 2) {
            name = arg.substr(0, 2);
            attached = arg.substr(2);
        }
        const OptionSpec* spec = findSpec(specs, name);
        if (!spec)
            return optionError("unknown option", name, "");
        if (!spec->takesValue && attached)
            return optionError("option", spec->name, " takes no value");
        std::string value;
        if (spec->takesValue) {
            if (attached) {
                value = *attached;
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                return optionError("option", spec->name, " needs a value");
            }
        }
        auto& slot = out.values[spec->name];
        if (!slot.empty() && !spec->repeatable)
            return optionError("option", spec->name, " given more than once");
        slot.push_back(std::move(value));
    }
    return out;
}

std::vector<OptionSpec> readOptionSpecs()
{
    return {
        {"--sep", "", true, false},
        {"--na", "", true, true},
    };
}

Result<io::ReadOptions> readOptionsFrom(const ParsedArgs& args)
{
    io::ReadOptions options;
    if (auto sep = args.value("--sep")) {
        const bool tab = *sep == "\\t" || *sep == "tab" || *sep == "TAB";
        if (!tab && sep->size() != 1)
            return optionError("--sep needs a single character (or '\\t'), got", *sep, "");
        const char c = tab ? '\t' : (*sep)[0];
        if (c == '"' || c == '\n' || c == '\r')
            return usageError("--sep cannot be a quote or a line break");
        options.delimiter = c;
    }
    if (args.has("--na"))
        options.naMarkers = args.all("--na");
    return options;
}

} // namespace preplab::cli
