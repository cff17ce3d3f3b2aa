// Formula::evaluate: walks the syntax tree once per block of rows, computing each node for every
// row of the block at once. Blocks of kBlockRows rows keep the intermediate values in cache and
// run on every core; every function of the language is row by row, so blocks are independent.
#include "core/formula/formula.h"

#include "core/formula/lexer.h"
#include "core/io/type_inference.h"

#include "core/util/parallel.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>

namespace preplab::formula {

namespace {

Value scalarNumber(double v, ValueType type = ValueType::Number)
{
    Value out;
    out.type = type;
    out.scalar = true;
    out.num = {v};
    return out;
}

// Drops an all-present mask so later loops skip it.
void normalise(Value& v)
{
    if (!v.valid.empty() && std::all_of(v.valid.begin(), v.valid.end(), [](std::uint8_t x) { return x != 0; }))
        v.valid.clear();
}

class Evaluator {
public:
    // Evaluates rows [begin, begin + rows) of the table.
    Evaluator(const std::string& source, const Table& table, std::size_t begin, std::size_t rows)
        : m_source(source), m_table(table), m_begin(begin), m_rows(rows)
    {
    }

    Result<Value> visit(const Node& n)
    {
        switch (n.kind) {
        case NodeKind::Number: return scalarNumber(n.value);
        case NodeKind::Boolean: return scalarNumber(n.value, ValueType::Boolean);
        case NodeKind::String: {
            Value v;
            v.type = ValueType::String;
            v.scalar = true;
            v.str = {std::string_view(n.text)};
            return v;
        }
        case NodeKind::Column: return column(n);
        case NodeKind::Unary: return unary(n);
        case NodeKind::Binary: return binary(n);
        case NodeKind::Call: return call(n);
        }
        return error(n, "unknown node");
    }

private:
    Error error(const Node& n, const std::string& message) const { return formulaError(m_source, n.position, message); }

    Result<Value> column(const Node& n)
    {
        const Column* c = m_table.find(n.text);
        if (!c)
            return error(n, "no column named \"" + n.text + "\"");
        Value v;
        const std::size_t begin = m_begin, end = m_begin + m_rows;
        if (!c->validMask().empty())
            v.valid.assign(c->validMask().begin() + static_cast<std::ptrdiff_t>(begin),
                           c->validMask().begin() + static_cast<std::ptrdiff_t>(end));
        switch (c->type()) {
        case ColumnType::Categorical:
        case ColumnType::Text:
            v.type = ValueType::String;
            v.str.resize(m_rows);
            for (std::size_t i = 0; i < m_rows; ++i)
                if (c->isValid(begin + i))
                    v.str[i] = c->text(begin + i);
            return v;
        case ColumnType::Boolean: v.type = ValueType::Boolean; [[fallthrough]];
        default:
            v.datetime = c->type() == ColumnType::Datetime;
            c->withNumbers([&](const auto* x) { v.num.assign(x + begin, x + end); });
            return v;
        }
    }

    static bool isNumberLike(const Value& v) { return v.type != ValueType::String; }

    // out[i] = fn(a[i], b[i]) with missing propagation; NaN results are missing (and hold 0).
    // Two branch-free passes the compiler vectorises: the values of every row, then the mask.
    template <class Fn>
    Value numeric2(const Value& a, const Value& b, ValueType type, Fn fn) const
    {
        Value out;
        out.type = type;
        out.scalar = a.scalar && b.scalar;
        const std::size_t m = out.scalar ? 1 : m_rows;
        out.num.resize(m);
        double* r = out.num.data();
        const double* x = a.num.data();
        const double* y = b.num.data();
        if (out.scalar || (!a.scalar && !b.scalar))
            for (std::size_t i = 0; i < m; ++i)
                r[i] = fn(x[i], y[i]);
        else if (b.scalar)
            for (std::size_t i = 0; i < m; ++i)
                r[i] = fn(x[i], y[0]);
        else
            for (std::size_t i = 0; i < m; ++i)
                r[i] = fn(x[0], y[i]);
        if ((a.scalar && !a.present(0)) || (b.scalar && !b.present(0))) {
            std::fill(out.num.begin(), out.num.end(), 0.0);
            out.valid.assign(m, 0);
            return out;
        }
        const std::vector<std::uint8_t>* ma = a.scalar || a.valid.empty() ? nullptr : &a.valid;
        const std::vector<std::uint8_t>* mb = b.scalar || b.valid.empty() ? nullptr : &b.valid;
        if (ma && mb) {
            out.valid.resize(m);
            for (std::size_t i = 0; i < m; ++i)
                out.valid[i] = (*ma)[i] & (*mb)[i];
        } else if (ma || mb) {
            out.valid = ma ? *ma : *mb;
        }
        finishNumbers(out);
        return out;
    }

    template <class Fn>
    Value numeric1(const Value& a, Fn fn) const
    {
        Value out;
        out.scalar = a.scalar;
        const std::size_t m = a.scalar ? 1 : m_rows;
        out.num.resize(m);
        for (std::size_t i = 0; i < m; ++i)
            out.num[i] = fn(a.num[i]);
        out.valid = a.valid;
        finishNumbers(out);
        return out;
    }

    // Marks NaN results missing and zeroes the values of missing rows; drops an all-present mask.
    static void finishNumbers(Value& out)
    {
        const std::size_t m = out.num.size();
        double* r = out.num.data();
        if (out.valid.empty()) {
            bool anyNaN = false;
            for (std::size_t i = 0; i < m; ++i)
                anyNaN |= r[i] != r[i];
            if (!anyNaN)
                return;
            out.valid.assign(m, 1);
        }
        std::uint8_t* v = out.valid.data();
        bool allPresent = true;
        for (std::size_t i = 0; i < m; ++i) {
            const std::uint8_t ok = v[i] & static_cast<std::uint8_t>(r[i] == r[i]);
            v[i] = ok;
            r[i] = ok ? r[i] : 0.0;
            allPresent &= ok != 0;
        }
        if (allPresent)
            out.valid.clear();
    }

    Result<Value> unary(const Node& n)
    {
        auto a = visit(*n.children[0]);
        if (!a)
            return a;
        if (n.op == "not") {
            if (a->type != ValueType::Boolean)
                return error(*n.children[0], "not needs true/false, got " + std::string(valueTypeName(a->type)));
            Value out = numeric1(*a, [](double x) { return x != 0.0 ? 0.0 : 1.0; });
            out.type = ValueType::Boolean;
            return out;
        }
        if (!isNumberLike(*a))
            return error(*n.children[0], "\"" + n.op + "\" needs a number, got a string");
        if (n.op == "-")
            return numeric1(*a, [](double x) { return -x; });
        return numeric1(*a, [](double x) { return x; });
    }

    // A date column compared with a string literal: the literal read as a date.
    Result<Value> dateLiteral(const Node& literalNode, const Value& literal)
    {
        std::int64_t millis = 0;
        bool hasTime = false;
        if (!io::parseDatetime(literal.str[0], millis, hasTime)) {
            std::string message(1, '"');
            message.append(literal.str[0]).append("\" is not a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)");
            return error(literalNode, message);
        }
        Value v = scalarNumber(static_cast<double>(millis));
        v.datetime = true;
        return v;
    }

    Result<Value> compare(const Node& n, Value a, Value b)
    {
        const std::string& op = n.op;
        if ((a.type == ValueType::String) != (b.type == ValueType::String)) {
            if (a.datetime && b.scalar && n.children[1]->kind == NodeKind::String) {
                auto d = dateLiteral(*n.children[1], b);
                if (!d)
                    return d;
                b = std::move(*d);
            } else if (b.datetime && a.scalar && n.children[0]->kind == NodeKind::String) {
                auto d = dateLiteral(*n.children[0], a);
                if (!d)
                    return d;
                a = std::move(*d);
            } else {
                return error(n, "cannot compare " + std::string(valueTypeName(a.type)) + " with " +
                                    std::string(valueTypeName(b.type)));
            }
        }
        auto test = [&op](auto x, auto y) {
            if (op == "==")
                return x == y;
            if (op == "!=")
                return x != y;
            if (op == "<")
                return x < y;
            if (op == "<=")
                return x <= y;
            if (op == ">")
                return x > y;
            return x >= y;
        };
        if (a.type != ValueType::String) {
            // The operator is resolved once, outside the row loop.
            if (op == "==")
                return numeric2(a, b, ValueType::Boolean, [](double x, double y) { return double(x == y); });
            if (op == "!=")
                return numeric2(a, b, ValueType::Boolean, [](double x, double y) { return double(x != y); });
            if (op == "<")
                return numeric2(a, b, ValueType::Boolean, [](double x, double y) { return double(x < y); });
            if (op == "<=")
                return numeric2(a, b, ValueType::Boolean, [](double x, double y) { return double(x <= y); });
            if (op == ">")
                return numeric2(a, b, ValueType::Boolean, [](double x, double y) { return double(x > y); });
            return numeric2(a, b, ValueType::Boolean, [](double x, double y) { return double(x >= y); });
        }
        Value out;
        out.type = ValueType::Boolean;
        out.scalar = a.scalar && b.scalar;
        const std::size_t m = out.scalar ? 1 : m_rows;
        out.num.resize(m);
        out.valid.assign(m, 1);
        for (std::size_t i = 0; i < m; ++i) {
            const std::size_t ia = a.scalar ? 0 : i, ib = b.scalar ? 0 : i;
            if (!a.present(ia) || !b.present(ib)) {
                out.valid[i] = 0;
                continue;
            }
            out.num[i] = test(a.str[ia], b.str[ib]) ? 1.0 : 0.0;
        }
        normalise(out);
        return out;
    }

    // Three-valued logic: a definite false decides `and`, a definite true decides `or`.
    Value logic(const Value& a, const Value& b, bool isAnd) const
    {
        Value out;
        out.type = ValueType::Boolean;
        out.scalar = a.scalar && b.scalar;
        const std::size_t m = out.scalar ? 1 : m_rows;
        out.num.resize(m);
        out.valid.assign(m, 1);
        const double decisive = isAnd ? 0.0 : 1.0;
        for (std::size_t i = 0; i < m; ++i) {
            const std::size_t ia = a.scalar ? 0 : i, ib = b.scalar ? 0 : i;
            const bool pa = a.present(ia), pb = b.present(ib);
            const double va = pa ? (a.num[ia] != 0.0) : -1.0, vb = pb ? (b.num[ib] != 0.0) : -1.0;
            if (va == decisive || vb == decisive)
                out.num[i] = decisive;
            else if (pa && pb)
                out.num[i] = 1.0 - decisive;
            else
                out.valid[i] = 0;
        }
        normalise(out);
        return out;
    }

    Result<Value> binary(const Node& n)
    {
        auto a = visit(*n.children[0]);
        if (!a)
            return a;
        auto b = visit(*n.children[1]);
        if (!b)
            return b;
        const std::string& op = n.op;
        if (op == "and" || op == "or") {
            for (int k = 0; k < 2; ++k) {
                const Value& v = k == 0 ? *a : *b;
                if (v.type != ValueType::Boolean)
                    return error(*n.children[static_cast<std::size_t>(k)],
                                 "\"" + op + "\" needs true/false, got " + std::string(valueTypeName(v.type)));
            }
            return logic(*a, *b, op == "and");
        }
        if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=")
            return compare(n, std::move(*a), std::move(*b));
        for (int k = 0; k < 2; ++k)
            if (!isNumberLike(k == 0 ? *a : *b))
                return error(*n.children[static_cast<std::size_t>(k)], "\"" + op + "\" needs a number, got a string");
        const ValueType num = ValueType::Number;
        if (op == "+")
            return numeric2(*a, *b, num, [](double x, double y) { return x + y; });
        if (op == "-")
            return numeric2(*a, *b, num, [](double x, double y) { return x - y; });
        if (op == "*")
            return numeric2(*a, *b, num, [](double x, double y) { return x * y; });
        if (op == "/")
            return numeric2(*a, *b, num, [](double x, double y) { return x / y; });
        if (op == "//")
            return numeric2(*a, *b, num, [](double x, double y) { return std::floor(x / y); });
        if (op == "%")
            return numeric2(*a, *b, num, [](double x, double y) {
                double r = std::fmod(x, y);
                return (r != 0.0 && ((r < 0) != (y < 0))) ? r + y : r;
            });
        return numeric2(*a, *b, num, [](double x, double y) { return std::pow(x, y); });
    }

    Result<Value> call(const Node& n)
    {
        std::vector<Value> args;
        for (const auto& c : n.children) {
            auto v = visit(*c);
            if (!v)
                return v;
            args.push_back(std::move(*v));
        }
        const std::string& f = n.text;
        if (f == "isna" || f == "notna") {
            Value out;
            out.type = ValueType::Boolean;
            out.scalar = args[0].scalar;
            const std::size_t m = out.scalar ? 1 : m_rows;
            out.num.resize(m);
            const bool na = f == "isna";
            for (std::size_t i = 0; i < m; ++i)
                out.num[i] = args[0].present(i) == na ? 0.0 : 1.0;
            return out;
        }
        if (f == "if")
            return ifThenElse(n, args);
        for (std::size_t k = 0; k < args.size(); ++k)
            if (!isNumberLike(args[k]))
                return error(*n.children[k], f + " needs a number, got a string");
        if (f == "min" || f == "max") {
            Value acc = std::move(args[0]);
            acc.type = ValueType::Number;
            for (std::size_t k = 1; k < args.size(); ++k)
                acc = f == "min" ? numeric2(acc, args[k], ValueType::Number, [](double x, double y) { return std::min(x, y); })
                                 : numeric2(acc, args[k], ValueType::Number, [](double x, double y) { return std::max(x, y); });
            return acc;
        }
        if (f == "pow")
            return numeric2(args[0], args[1], ValueType::Number, [](double x, double y) { return std::pow(x, y); });
        if (f == "round") {
            if (args.size() == 1)
                return numeric1(args[0], [](double x) { return std::nearbyint(x); });
            return numeric2(args[0], args[1], ValueType::Number, [](double x, double d) {
                double scale = std::pow(10.0, std::trunc(d));
                return std::nearbyint(x * scale) / scale;
            });
        }
        double (*fn)(double) = nullptr;
        if (f == "log")
            fn = [](double x) { return std::log(x); };
        else if (f == "log10")
            fn = [](double x) { return std::log10(x); };
        else if (f == "log1p")
            fn = [](double x) { return std::log1p(x); };
        else if (f == "exp")
            fn = [](double x) { return std::exp(x); };
        else if (f == "sqrt")
            fn = [](double x) { return std::sqrt(x); };
        else if (f == "abs")
            fn = [](double x) { return std::abs(x); };
        else if (f == "floor")
            fn = [](double x) { return std::floor(x); };
        else if (f == "ceil")
            fn = [](double x) { return std::ceil(x); };
        if (!fn)
            return error(n, "unknown function \"" + f + "\"");
        return numeric1(args[0], fn);
    }

    Result<Value> ifThenElse(const Node& n, std::vector<Value>& args)
    {
        const Value& c = args[0];
        if (c.type != ValueType::Boolean)
            return error(*n.children[0], "the condition of if needs true/false, got " +
                                             std::string(valueTypeName(c.type)));
        Value& x = args[1];
        Value& y = args[2];
        const bool strings = x.type == ValueType::String;
        if (strings != (y.type == ValueType::String))
            return error(*n.children[2], "the two branches of if must have the same type; got " +
                                             std::string(valueTypeName(x.type)) + " and " +
                                             std::string(valueTypeName(y.type)));
        Value out;
        out.type = x.type == y.type ? x.type : ValueType::Number;
        out.scalar = c.scalar && x.scalar && y.scalar;
        const std::size_t m = out.scalar ? 1 : m_rows;
        if (strings)
            out.str.resize(m);
        else
            out.num.resize(m);
        out.valid.assign(m, 1);
        for (std::size_t i = 0; i < m; ++i) {
            const std::size_t ic = c.scalar ? 0 : i;
            if (!c.present(ic)) {
                out.valid[i] = 0;
                continue;
            }
            const Value& pick = c.num[ic] != 0.0 ? x : y;
            const std::size_t ip = pick.scalar ? 0 : i;
            if (!pick.present(ip)) {
                out.valid[i] = 0;
                continue;
            }
            if (strings)
                out.str[i] = pick.str[ip];
            else
                out.num[i] = pick.num[ip];
        }
        normalise(out);
        return out;
    }

    const std::string& m_source;
    const Table& m_table;
    std::size_t m_begin, m_rows;
};

constexpr std::size_t kBlockRows = 32768;

// Copies block `part` (rows from `begin`) into `out`, sized for every row.
void place(const Value& part, std::size_t begin, Value& out)
{
    if (part.type == ValueType::String)
        std::copy(part.str.begin(), part.str.end(), out.str.begin() + static_cast<std::ptrdiff_t>(begin));
    else
        std::copy(part.num.begin(), part.num.end(), out.num.begin() + static_cast<std::ptrdiff_t>(begin));
    if (!part.valid.empty())
        std::copy(part.valid.begin(), part.valid.end(), out.valid.begin() + static_cast<std::ptrdiff_t>(begin));
}

} // namespace

Result<Value> Formula::evaluate(const Table& table) const
{
    const std::size_t rows = table.rowCount();
    auto first = Evaluator(m_source, table, 0, std::min(rows, kBlockRows)).visit(*m_root);
    if (!first || first->scalar || rows <= kBlockRows)
        return first;
    // The result's type does not depend on the rows: the first block sets it.
    const std::size_t blocks = (rows + kBlockRows - 1) / kBlockRows;
    Value out;
    out.type = first->type;
    out.datetime = first->datetime;
    if (out.type == ValueType::String)
        out.str.resize(rows);
    else
        out.num.resize(rows);
    out.valid.assign(rows, 1);
    place(*first, 0, out);
    std::vector<std::optional<Error>> errors(blocks);
    std::atomic<bool> anyMissing = !first->valid.empty();
    parallelTasks(blocks - 1, [&](std::size_t k) {
        const std::size_t begin = (k + 1) * kBlockRows;
        auto part = Evaluator(m_source, table, begin, std::min(kBlockRows, rows - begin)).visit(*m_root);
        if (!part) {
            errors[k + 1] = part.error();
            return;
        }
        place(*part, begin, out);
        if (!part->valid.empty())
            anyMissing = true;
    });
    for (auto& e : errors)
        if (e)
            return std::move(*e);
    if (!anyMissing)
        out.valid.clear();
    return out;
}

} // namespace preplab::formula
