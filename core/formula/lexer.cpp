#include "core/formula/lexer.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace preplab::formula {

std::size_t characterPosition(std::string_view source, std::size_t offset)
{
    std::size_t chars = 0;
    for (std::size_t i = 0; i < offset && i < source.size(); ++i)
        if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80)
            ++chars;
    return chars + 1;
}

Error formulaError(std::string_view source, std::size_t offset, const std::string& message)
{
    return makeError(ErrorCode::BadRecipe, "at character " + std::to_string(characterPosition(source, offset)) +
                                               ": " + message);
}

namespace {

bool isIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool isIdentChar(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

} // namespace

Result<std::vector<Token>> tokenize(std::string_view s)
{
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) {
            ++i;
            continue;
        }
        Token t;
        t.position = i;
        if (std::isdigit(c) || (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            std::size_t j = i;
            while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.'))
                ++j;
            if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
                std::size_t k = j + 1;
                if (k < s.size() && (s[k] == '+' || s[k] == '-'))
                    ++k;
                if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
                    j = k;
                    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                        ++j;
                }
            }
            auto res = std::from_chars(s.data() + i, s.data() + j, t.number);
            if (res.ec == std::errc::result_out_of_range)
                t.number = std::strtod(std::string(s.substr(i, j - i)).c_str(), nullptr);
            else if (res.ec != std::errc() || res.ptr != s.data() + j)
                return formulaError(s, i, "malformed number \"" + std::string(s.substr(i, j - i)) + "\"");
            if (j < s.size() && isIdentStart(static_cast<unsigned char>(s[j])))
                return formulaError(s, j, "unexpected character after the number (names starting with a digit go "
                                          "in backticks)");
            t.kind = TokenKind::Number;
            i = j;
        } else if (c == '"' || c == '\'') {
            std::size_t j = i + 1;
            std::string text;
            bool closed = false;
            while (j < s.size()) {
                char d = s[j];
                if (d == static_cast<char>(c)) {
                    closed = true;
                    ++j;
                    break;
                }
                if (d == '\\' && j + 1 < s.size()) {
                    char e = s[j + 1];
                    text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                    j += 2;
                    continue;
                }
                text += d;
                ++j;
            }
            if (!closed)
                return formulaError(s, i, std::string("unterminated string (missing closing ") + char(c) + ")");
            t.kind = TokenKind::String;
            t.text = std::move(text);
            i = j;
        } else if (c == '`') {
            auto end = s.find('`', i + 1);
            if (end == std::string_view::npos)
                return formulaError(s, i, "unterminated `name` (missing closing backtick)");
            if (end == i + 1)
                return formulaError(s, i, "empty `` name");
            t.kind = TokenKind::QuotedIdentifier;
            t.text = std::string(s.substr(i + 1, end - i - 1));
            i = end + 1;
        } else if (isIdentStart(c)) {
            std::size_t j = i;
            while (j < s.size() && isIdentChar(static_cast<unsigned char>(s[j])))
                ++j;
            t.text = std::string(s.substr(i, j - i));
            if (t.text == "and" || t.text == "or" || t.text == "not")
                t.kind = TokenKind::Operator;
            else
                t.kind = TokenKind::Identifier;
            i = j;
        } else if (c == '(' || c == ')' || c == ',') {
            t.kind = c == '(' ? TokenKind::LParen : c == ')' ? TokenKind::RParen : TokenKind::Comma;
            t.text = std::string(1, static_cast<char>(c));
            ++i;
        } else {
            static constexpr std::string_view twoChar[] = {"**", "//", "==", "!=", "<>", "<=", ">=", "&&", "||"};
            std::string_view two = s.substr(i, 2);
            std::string op;
            for (auto candidate : twoChar)
                if (two == candidate)
                    op = std::string(candidate);
            if (op.empty()) {
                if (std::string_view("+-*/%^<>!&|~").find(static_cast<char>(c)) == std::string_view::npos) {
                    if (c == '=')
                        return formulaError(s, i, "\"=\" is not an operator: compare with ==");
                    return formulaError(s, i, "unexpected character '" + std::string(1, static_cast<char>(c)) + "'");
                }
                op = std::string(1, static_cast<char>(c));
            }
            i += op.size();
            if (op == "^")
                op = "**";
            else if (op == "<>")
                op = "!=";
            else if (op == "&&" || op == "&")
                op = "and";
            else if (op == "||" || op == "|")
                op = "or";
            else if (op == "!" || op == "~")
                op = "not";
            t.kind = TokenKind::Operator;
            t.text = std::move(op);
        }
        out.push_back(std::move(t));
    }
    Token end;
    end.kind = TokenKind::End;
    end.position = s.size();
    out.push_back(end);
    return out;
}

} // namespace preplab::formula
