// Formula::compile, check and the helpers shared with evaluation.
#include "core/formula/formula.h"

#include "core/formula/lexer.h"
#include "core/formula/parser.h"
#include "core/util/closest_name.h"

#include <algorithm>
#include <unordered_map>

namespace preplab::formula {

std::string_view valueTypeName(ValueType type)
{
    switch (type) {
    case ValueType::Number: return "a number";
    case ValueType::Boolean: return "true/false";
    case ValueType::String: return "a string";
    }
    return "";
}

Result<Formula> Formula::compile(std::string source)
{
    auto root = parse(source);
    if (!root)
        return root.error();
    Formula f;
    f.m_source = std::move(source);
    f.m_root = std::shared_ptr<const Node>(std::move(*root));
    return f;
}

namespace {

void collectColumns(const Node& n, std::vector<std::string>& out)
{
    if (n.kind == NodeKind::Column && std::find(out.begin(), out.end(), n.text) == out.end())
        out.push_back(n.text);
    for (const auto& c : n.children)
        collectColumns(*c, out);
}

struct TypeInfo {
    ValueType type;
    bool datetime = false;
    bool literal = false;
};

class Checker {
public:
    Checker(const std::string& source, const std::vector<std::string>& names, const std::vector<ColumnType>& types)
        : m_source(source), m_names(names), m_types(types)
    {
    }

    Result<TypeInfo> visit(const Node& n)
    {
        switch (n.kind) {
        case NodeKind::Number: return TypeInfo{ValueType::Number, false, true};
        case NodeKind::Boolean: return TypeInfo{ValueType::Boolean, false, true};
        case NodeKind::String: return TypeInfo{ValueType::String, false, true};
        case NodeKind::Column: {
            auto it = std::find(m_names.begin(), m_names.end(), n.text);
            if (it == m_names.end()) {
                std::string hint = closestName(n.text, m_names);
                return formulaError(m_source, n.position,
                                    "no column named \"" + n.text + "\"" +
                                        (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)"));
            }
            ColumnType t = m_types[static_cast<std::size_t>(it - m_names.begin())];
            if (t == ColumnType::Boolean)
                return TypeInfo{ValueType::Boolean};
            if (t == ColumnType::Categorical || t == ColumnType::Text)
                return TypeInfo{ValueType::String};
            return TypeInfo{ValueType::Number, t == ColumnType::Datetime};
        }
        case NodeKind::Unary: {
            auto a = visit(*n.children[0]);
            if (!a)
                return a;
            if (n.op == "not")
                return expect(*n.children[0], *a, ValueType::Boolean, "not");
            auto num = expectNumber(*n.children[0], *a, n.op);
            if (!num)
                return num;
            return TypeInfo{ValueType::Number};
        }
        case NodeKind::Binary: return binary(n);
        case NodeKind::Call: return call(n);
        }
        return TypeInfo{ValueType::Number};
    }

private:
    Result<TypeInfo> expect(const Node& at, TypeInfo got, ValueType want, const std::string& what)
    {
        if (got.type != want)
            return formulaError(m_source, at.position,
                                what + " needs " + std::string(valueTypeName(want)) + ", got " +
                                    std::string(valueTypeName(got.type)));
        return got;
    }

    // Numbers, and true/false read as 1/0.
    Result<TypeInfo> expectNumber(const Node& at, TypeInfo got, const std::string& what)
    {
        if (got.type == ValueType::String)
            return formulaError(m_source, at.position, what + " needs a number, got a string");
        return TypeInfo{ValueType::Number};
    }

    Result<TypeInfo> binary(const Node& n)
    {
        auto a = visit(*n.children[0]);
        if (!a)
            return a;
        auto b = visit(*n.children[1]);
        if (!b)
            return b;
        const std::string& op = n.op;
        if (op == "and" || op == "or") {
            if (auto r = expect(*n.children[0], *a, ValueType::Boolean, "\"" + op + "\""); !r)
                return r;
            if (auto r = expect(*n.children[1], *b, ValueType::Boolean, "\"" + op + "\""); !r)
                return r;
            return TypeInfo{ValueType::Boolean};
        }
        if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") {
            bool aStr = a->type == ValueType::String, bStr = b->type == ValueType::String;
            if (aStr != bStr) {
                // A date column against a string literal: the literal is a date.
                if ((a->datetime && bStr && b->literal) || (b->datetime && aStr && a->literal))
                    return TypeInfo{ValueType::Boolean};
                return formulaError(m_source, n.position,
                                    "cannot compare " + std::string(valueTypeName(a->type)) + " with " +
                                        std::string(valueTypeName(b->type)));
            }
            return TypeInfo{ValueType::Boolean};
        }
        if (auto r = expectNumber(*n.children[0], *a, "\"" + op + "\""); !r)
            return r;
        if (auto r = expectNumber(*n.children[1], *b, "\"" + op + "\""); !r)
            return r;
        return TypeInfo{ValueType::Number};
    }

    Result<TypeInfo> call(const Node& n)
    {
        std::vector<TypeInfo> args;
        for (const auto& c : n.children) {
            auto t = visit(*c);
            if (!t)
                return t;
            args.push_back(*t);
        }
        if (n.text == "isna" || n.text == "notna")
            return TypeInfo{ValueType::Boolean};
        if (n.text == "if") {
            if (auto r = expect(*n.children[0], args[0], ValueType::Boolean, "the condition of if"); !r)
                return r;
            ValueType x = args[1].type, y = args[2].type;
            if (x == y)
                return TypeInfo{x};
            if (x != ValueType::String && y != ValueType::String)
                return TypeInfo{ValueType::Number};
            return formulaError(m_source, n.children[2]->position,
                                "the two branches of if must have the same type; got " +
                                    std::string(valueTypeName(x)) + " and " + std::string(valueTypeName(y)));
        }
        for (std::size_t i = 0; i < args.size(); ++i)
            if (auto r = expectNumber(*n.children[i], args[i], n.text); !r)
                return r;
        return TypeInfo{ValueType::Number};
    }

    const std::string& m_source;
    const std::vector<std::string>& m_names;
    const std::vector<ColumnType>& m_types;
};

} // namespace

std::vector<std::string> Formula::columnsUsed() const
{
    std::vector<std::string> out;
    if (m_root)
        collectColumns(*m_root, out);
    return out;
}

Result<ValueType> Formula::check(const std::vector<std::string>& names, const std::vector<ColumnType>& types) const
{
    Checker checker(m_source, names, types);
    auto t = checker.visit(*m_root);
    if (!t)
        return t.error();
    return t->type;
}

ColumnPtr Formula::toColumn(Value v, std::size_t rows)
{
    Column::Mask valid;
    if (!v.scalar && v.valid.size() == rows) {
        valid = std::move(v.valid);
    } else if (!v.valid.empty()) {
        valid.resize(rows);
        for (std::size_t i = 0; i < rows; ++i)
            valid[i] = v.present(i);
    }
    if (v.type == ValueType::String) {
        std::vector<std::int32_t> codes(rows, 0);
        std::vector<std::string> categories;
        std::unordered_map<std::string_view, std::int32_t> seen;
        for (std::size_t i = 0; i < rows; ++i) {
            if (!v.present(i))
                continue;
            std::string_view s = v.str[v.scalar ? 0 : i];
            auto [it, inserted] = seen.emplace(s, static_cast<std::int32_t>(categories.size()));
            if (inserted)
                categories.emplace_back(s);
            codes[i] = it->second;
        }
        return Column::makeCategorical(std::move(codes), std::move(categories), std::move(valid));
    }
    if (v.type == ValueType::Boolean) {
        std::vector<std::uint8_t> bools(rows);
        for (std::size_t i = 0; i < rows; ++i)
            bools[i] = v.num[v.scalar ? 0 : i] != 0.0;
        return Column::makeBoolean(std::move(bools), std::move(valid));
    }
    if (!v.scalar && v.num.size() == rows)
        return Column::makeNumeric(std::move(v.num), std::move(valid));
    return Column::makeNumeric(std::vector<double>(rows, v.num.empty() ? 0.0 : v.num[0]), std::move(valid));
}

} // namespace preplab::formula
