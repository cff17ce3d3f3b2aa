#include "core/formula/parser.h"

#include "core/formula/lexer.h"

namespace preplab::formula {

const std::vector<FunctionInfo>& functions()
{
    static const std::vector<FunctionInfo> list = {
        {"if", 3, 3, "if(condition, then, else)"}, {"log", 1, 1, "log(x)"},      {"log10", 1, 1, "log10(x)"},
        {"log1p", 1, 1, "log1p(x)"},               {"exp", 1, 1, "exp(x)"},      {"sqrt", 1, 1, "sqrt(x)"},
        {"abs", 1, 1, "abs(x)"},                   {"floor", 1, 1, "floor(x)"},  {"ceil", 1, 1, "ceil(x)"},
        {"min", 1, -1, "min(a, b, ...)"},          {"max", 1, -1, "max(a, b, ...)"},
        {"pow", 2, 2, "pow(x, y)"},                {"round", 1, 2, "round(x, digits = 0)"},
        {"isna", 1, 1, "isna(x)"},                 {"notna", 1, 1, "notna(x)"},
    };
    return list;
}

namespace {

class Parser {
public:
    Parser(std::string_view source, std::vector<Token> tokens) : m_source(source), m_tokens(std::move(tokens)) {}

    Result<NodePtr> run()
    {
        auto e = orExpr();
        if (!e)
            return e;
        if (peek().kind != TokenKind::End)
            return fail(peek(), "unexpected " + describe(peek()) + " after a complete expression");
        return e;
    }

private:
    const Token& peek() const { return m_tokens[m_pos]; }
    const Token& next() { return m_tokens[m_pos++]; }
    bool isOp(std::string_view op) const { return peek().kind == TokenKind::Operator && peek().text == op; }

    Error fail(const Token& t, const std::string& message) const
    {
        return formulaError(m_source, t.position, message);
    }

    static std::string describe(const Token& t)
    {
        switch (t.kind) {
        case TokenKind::End: return "end of formula";
        case TokenKind::Number: return "number";
        case TokenKind::String: return "string \"" + t.text + "\"";
        case TokenKind::Identifier: return "name \"" + t.text + "\"";
        case TokenKind::QuotedIdentifier: return "`" + t.text + "`";
        default: return "\"" + t.text + "\"";
        }
    }

    static NodePtr binary(std::string op, std::size_t pos, NodePtr a, NodePtr b)
    {
        auto n = std::make_unique<Node>();
        n->kind = NodeKind::Binary;
        n->op = std::move(op);
        n->position = pos;
        n->children.push_back(std::move(a));
        n->children.push_back(std::move(b));
        return n;
    }

    // Guards recursion so a hostile formula ("((((...") fails cleanly instead of overflowing the stack.
    struct Depth {
        Parser& p;
        explicit Depth(Parser& parser) : p(parser) { ++p.m_depth; }
        ~Depth() { --p.m_depth; }
    };

    Result<NodePtr> orExpr()
    {
        auto left = andExpr();
        if (!left)
            return left;
        while (isOp("or")) {
            std::size_t pos = next().position;
            auto right = andExpr();
            if (!right)
                return right;
            left = binary("or", pos, std::move(*left), std::move(*right));
        }
        return left;
    }

    Result<NodePtr> andExpr()
    {
        auto left = notExpr();
        if (!left)
            return left;
        while (isOp("and")) {
            std::size_t pos = next().position;
            auto right = notExpr();
            if (!right)
                return right;
            left = binary("and", pos, std::move(*left), std::move(*right));
        }
        return left;
    }

    Result<NodePtr> notExpr()
    {
        Depth d(*this);
        if (m_depth > kMaxDepth)
            return fail(peek(), "formula nested too deeply");
        if (isOp("not")) {
            std::size_t pos = next().position;
            auto operand = notExpr();
            if (!operand)
                return operand;
            auto n = std::make_unique<Node>();
            n->kind = NodeKind::Unary;
            n->op = "not";
            n->position = pos;
            n->children.push_back(std::move(*operand));
            return n;
        }
        return compare();
    }

    static bool isCompare(const Token& t)
    {
        return t.kind == TokenKind::Operator && (t.text == "==" || t.text == "!=" || t.text == "<" ||
                                                 t.text == "<=" || t.text == ">" || t.text == ">=");
    }

    Result<NodePtr> compare()
    {
        auto left = sum();
        if (!left)
            return left;
        if (!isCompare(peek()))
            return left;
        // a < b < c is (a < b) and (b < c); b is parsed once per use, as Python evaluates it once.
        std::vector<NodePtr> terms;
        std::vector<std::pair<std::string, std::size_t>> ops;
        std::size_t start = m_pos;
        terms.push_back(std::move(*left));
        while (isCompare(peek())) {
            const Token& t = next();
            ops.emplace_back(t.text, t.position);
            auto right = sum();
            if (!right)
                return right;
            terms.push_back(std::move(*right));
        }
        if (ops.size() == 1)
            return binary(ops[0].first, ops[0].second, std::move(terms[0]), std::move(terms[1]));
        // Re-parse the middle terms so each comparison owns its operands.
        std::size_t end = m_pos;
        m_pos = start;
        std::vector<NodePtr> copies;
        for (std::size_t k = 1; k + 1 < terms.size(); ++k) {
            next();
            auto again = sum();
            if (!again)
                return again;
            copies.push_back(std::move(*again));
        }
        m_pos = end;
        NodePtr result = binary(ops[0].first, ops[0].second, std::move(terms[0]), std::move(terms[1]));
        for (std::size_t k = 1; k < ops.size(); ++k) {
            auto cmp = binary(ops[k].first, ops[k].second, std::move(copies[k - 1]), std::move(terms[k + 1]));
            result = binary("and", ops[k].second, std::move(result), std::move(cmp));
        }
        return result;
    }

    Result<NodePtr> sum()
    {
        auto left = product();
        if (!left)
            return left;
        while (isOp("+") || isOp("-")) {
            const Token& t = next();
            auto right = product();
            if (!right)
                return right;
            left = binary(t.text, t.position, std::move(*left), std::move(*right));
        }
        return left;
    }

    Result<NodePtr> product()
    {
        auto left = unary();
        if (!left)
            return left;
        while (isOp("*") || isOp("/") || isOp("//") || isOp("%")) {
            const Token& t = next();
            auto right = unary();
            if (!right)
                return right;
            left = binary(t.text, t.position, std::move(*left), std::move(*right));
        }
        return left;
    }

    Result<NodePtr> unary()
    {
        Depth d(*this);
        if (m_depth > kMaxDepth)
            return fail(peek(), "formula nested too deeply");
        if (isOp("-") || isOp("+")) {
            const Token& t = next();
            auto operand = unary();
            if (!operand)
                return operand;
            auto n = std::make_unique<Node>();
            n->kind = NodeKind::Unary;
            n->op = t.text;
            n->position = t.position;
            n->children.push_back(std::move(*operand));
            return n;
        }
        auto base = primary();
        if (!base)
            return base;
        if (isOp("**")) {
            const Token& t = next();
            auto exponent = unary();
            if (!exponent)
                return exponent;
            return binary("**", t.position, std::move(*base), std::move(*exponent));
        }
        return base;
    }

    Result<NodePtr> primary()
    {
        Depth d(*this);
        if (m_depth > kMaxDepth)
            return fail(peek(), "formula nested too deeply");
        const Token& t = next();
        auto n = std::make_unique<Node>();
        n->position = t.position;
        switch (t.kind) {
        case TokenKind::Number:
            n->kind = NodeKind::Number;
            n->value = t.number;
            return n;
        case TokenKind::String:
            n->kind = NodeKind::String;
            n->text = t.text;
            return n;
        case TokenKind::QuotedIdentifier:
            n->kind = NodeKind::Column;
            n->text = t.text;
            return n;
        case TokenKind::Identifier:
            if (peek().kind == TokenKind::LParen)
                return call(t);
            if (t.text == "true" || t.text == "True" || t.text == "false" || t.text == "False") {
                n->kind = NodeKind::Boolean;
                n->value = (t.text[0] == 't' || t.text[0] == 'T') ? 1.0 : 0.0;
                return n;
            }
            n->kind = NodeKind::Column;
            n->text = t.text;
            return n;
        case TokenKind::LParen: {
            auto inner = orExpr();
            if (!inner)
                return inner;
            if (peek().kind != TokenKind::RParen)
                return fail(peek(), "expected ')' to close the '(' at character " +
                                        std::to_string(characterPosition(m_source, t.position)) + ", found " +
                                        describe(peek()));
            next();
            return inner;
        }
        case TokenKind::End: return fail(t, "unexpected end of formula: expected a value");
        default: return fail(t, "unexpected " + describe(t) + ": expected a value");
        }
    }

    Result<NodePtr> call(const Token& name)
    {
        const FunctionInfo* info = nullptr;
        for (const auto& f : functions())
            if (f.name == name.text)
                info = &f;
        if (!info) {
            std::string list;
            for (const auto& f : functions())
                list += (list.empty() ? "" : ", ") + std::string(f.name);
            return fail(name, "unknown function \"" + name.text + "\"; functions: " + list);
        }
        next();  // (
        auto n = std::make_unique<Node>();
        n->kind = NodeKind::Call;
        n->text = name.text;
        n->position = name.position;
        if (peek().kind != TokenKind::RParen) {
            while (true) {
                auto arg = orExpr();
                if (!arg)
                    return arg;
                n->children.push_back(std::move(*arg));
                if (peek().kind == TokenKind::Comma) {
                    next();
                    continue;
                }
                break;
            }
        }
        if (peek().kind != TokenKind::RParen)
            return fail(peek(), "expected ',' or ')' in the call to " + name.text + ", found " + describe(peek()));
        next();
        const int argc = static_cast<int>(n->children.size());
        if (argc < info->minArgs || (info->maxArgs >= 0 && argc > info->maxArgs))
            return fail(name, name.text + " takes " +
                                  (info->minArgs == info->maxArgs ? std::to_string(info->minArgs)
                                   : info->maxArgs < 0           ? "at least " + std::to_string(info->minArgs)
                                                                 : std::to_string(info->minArgs) + " or " +
                                                                       std::to_string(info->maxArgs)) +
                                  " argument" + (info->minArgs == 1 && info->maxArgs == 1 ? "" : "s") + " (" +
                                  std::string(info->signature) + "), got " + std::to_string(argc));
        return n;
    }

    std::string_view m_source;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace

Result<NodePtr> parse(std::string_view source)
{
    auto tokens = tokenize(source);
    if (!tokens)
        return tokens.error();
    if (tokens->size() == 1)
        return formulaError(source, 0, "empty formula");
    return Parser(source, std::move(*tokens)).run();
}

} // namespace preplab::formula
