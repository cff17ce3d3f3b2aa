#include "core/export/formula_to_python.h"

#include "core/formula/parser.h"
#include "core/table/column.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace preplab::exporting {

namespace {

std::string translate(const formula::Node& n)
{
    using formula::NodeKind;
    switch (n.kind) {
    case NodeKind::Number: return pythonFloat(n.value);
    case NodeKind::Boolean: return n.value != 0.0 ? "1.0" : "0.0";
    case NodeKind::String: return pythonString(n.text);
    case NodeKind::Column: return "_col(df, " + pythonString(n.text) + ")";
    case NodeKind::Unary: {
        const std::string a = translate(*n.children[0]);
        if (n.op == "-")
            return "(-" + a + ")";
        if (n.op == "+")
            return "(+" + a + ")";
        return "_not(" + a + ")";
    }
    case NodeKind::Binary: {
        const std::string a = translate(*n.children[0]);
        const std::string b = translate(*n.children[1]);
        static const std::map<std::string, std::string> arithmetic = {
            {"+", "_add"}, {"-", "_sub"}, {"*", "_mul"}, {"/", "_div"}, {"//", "_floordiv"},
            {"%", "_mod"}, {"**", "_pow"}, {"^", "_pow"}};
        if (auto it = arithmetic.find(n.op); it != arithmetic.end())
            return it->second + "(" + a + ", " + b + ")";
        if (n.op == "and" || n.op == "&&" || n.op == "&")
            return "_and(" + a + ", " + b + ")";
        if (n.op == "or" || n.op == "||" || n.op == "|")
            return "_or(" + a + ", " + b + ")";
        return "_cmp(" + a + ", " + pythonString(n.op) + ", " + b + ")";
    }
    case NodeKind::Call: {
        std::string args;
        for (const auto& c : n.children)
            args += (args.empty() ? "" : ", ") + translate(*c);
        return "_fn_" + n.text + "(" + args + ")";
    }
    }
    return "None";
}

} // namespace

std::string pythonFloat(double v)
{
    std::string text = formatDouble(v);
    if (text == "inf")
        return "np.inf";
    if (text == "-inf")
        return "-np.inf";
    if (text == "nan")
        return "np.nan";
    if (text.find_first_of(".e") == std::string::npos)
        text += ".0";
    return text;
}

std::string pythonString(std::string_view text)
{
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else {
                out.push_back(static_cast<char>(c));  // UTF-8 bytes pass through: the script is UTF-8
            }
        }
    }
    return out + "\"";
}

bool formulaIsBoolean(std::string_view source)
{
    auto root = formula::parse(source);
    if (!root)
        return false;
    const formula::Node& n = **root;
    static const std::vector<std::string> logical = {"==", "!=", "<", "<=", ">", ">=", "and", "or", "&&", "||", "&", "|"};
    switch (n.kind) {
    case formula::NodeKind::Boolean: return true;
    case formula::NodeKind::Unary: return n.op != "-" && n.op != "+";
    case formula::NodeKind::Binary: return std::find(logical.begin(), logical.end(), n.op) != logical.end();
    case formula::NodeKind::Call: return n.text == "isna" || n.text == "notna";
    default: return false;
    }
}

Result<std::string> formulaToPython(std::string_view source)
{
    auto root = formula::parse(source);
    if (!root)
        return root.error();
    return translate(**root);
}

} // namespace preplab::exporting
