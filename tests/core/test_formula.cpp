// Tests of the formula language: lexer, parser, type checks and column-wise evaluation.
#include "core/formula/formula.h"

#include <catch2/catch.hpp>

#include <deque>

#include <cmath>

using namespace preplab;
using namespace preplab::formula;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

Table sample()
{
    Table t;
    REQUIRE(t.addColumn("x", Column::fromOptionals({1.0, 2.0, std::nullopt, -3.5, 10.0})));
    REQUIRE(t.addColumn("y", Column::makeInteger({4, 0, 6, 7, 2})));
    REQUIRE(t.addColumn("species", Column::fromStrings({"Adelie", "Gentoo", "Adelie", std::nullopt, "Chinstrap"})));
    REQUIRE(t.addColumn("flag", Column::makeBoolean({1, 0, 1, 0, 1}, {1, 1, 1, 0, 1})));
    REQUIRE(t.addColumn("bill length (mm)", Column::fromOptionals({39.1, 46.5, 50.0, 38.0, 45.2})));
    REQUIRE(t.addColumn("date", Column::makeDatetime({daysFromCivil(2020, 1, 1) * 86400000, daysFromCivil(2020, 6, 1) * 86400000,
                                                      daysFromCivil(2021, 1, 1) * 86400000, 0, 0},
                                                     {1, 1, 1, 1, 0})));
    return t;
}

Value eval(const std::string& expr, const Table& t)
{
    auto compiled = Formula::compile(expr);
    INFO(expr);
    REQUIRE(compiled);
    // A String value views into its formula's literals: keep every formula alive for the test run.
    static std::deque<Formula> formulas;
    formulas.push_back(std::move(compiled.value()));
    const Formula* f = &formulas.back();
    auto checked = f->check(t.names(), [&] {
        std::vector<ColumnType> types;
        for (std::size_t i = 0; i < t.columnCount(); ++i)
            types.push_back(t.column(i).type());
        return types;
    }());
    if (!checked)
        FAIL(checked.error().message);
    auto v = f->evaluate(t);
    if (!v)
        FAIL(v.error().message);
    REQUIRE(checked.value() == v->type);
    return std::move(*v);
}

// Row values as optional doubles (missing = nullopt).
std::vector<std::optional<double>> cells(const Value& v, std::size_t rows)
{
    std::vector<std::optional<double>> out;
    for (std::size_t i = 0; i < rows; ++i)
        out.push_back(v.present(i) ? std::optional<double>(v.num[v.scalar ? 0 : i]) : std::nullopt);
    return out;
}

std::string errorOf(const std::string& expr, const Table& t)
{
    auto f = Formula::compile(expr);
    if (!f)
        return f.error().message;
    std::vector<ColumnType> types;
    for (std::size_t i = 0; i < t.columnCount(); ++i)
        types.push_back(t.column(i).type());
    auto c = f->check(t.names(), types);
    if (!c)
        return c.error().message;
    auto v = f->evaluate(t);
    return v ? std::string("no error") : v.error().message;
}

using Opt = std::optional<double>;

} // namespace

TEST_CASE("Formula: arithmetic precedence and missing propagation", "[formula]")
{
    Table t = sample();
    CHECK(cells(eval("x + y * 2", t), 5) == std::vector<Opt>{9.0, 2.0, std::nullopt, 10.5, 14.0});
    CHECK(cells(eval("(x + y) * 2", t), 5) == std::vector<Opt>{10.0, 4.0, std::nullopt, 7.0, 24.0});
    CHECK(cells(eval("-2 ** 2", t), 1) == std::vector<Opt>{-4.0});
    CHECK(cells(eval("2 ** 3 ** 2", t), 1) == std::vector<Opt>{512.0});
    CHECK(cells(eval("2 ^ -1", t), 1) == std::vector<Opt>{0.5});
    CHECK(cells(eval("7 // 2 + -7 // 2", t), 1) == std::vector<Opt>{-1.0});  // 3 + (-4)
    CHECK(cells(eval("-7 % 3", t), 1) == std::vector<Opt>{2.0});              // Python's sign rule
    CHECK(cells(eval("7 % -3", t), 1) == std::vector<Opt>{-2.0});
    // Division by zero is inf (present); 0/0 is not a number, so missing.
    auto div = cells(eval("x / y", t), 5);
    CHECK(std::isinf(*div[1]));
    CHECK(cells(eval("0 / y", t), 5)[1] == std::nullopt);
    CHECK(cells(eval("log(x)", t), 5)[3] == std::nullopt);  // log(-3.5)
    CHECK_THAT(*cells(eval("log(x)", t), 5)[4], WithinRel(std::log(10.0), 1e-15));
}

TEST_CASE("Formula: functions", "[formula]")
{
    Table t = sample();
    CHECK(cells(eval("abs(x)", t), 5) == std::vector<Opt>{1.0, 2.0, std::nullopt, 3.5, 10.0});
    CHECK(cells(eval("min(x, y, 3)", t), 5) == std::vector<Opt>{1.0, 0.0, std::nullopt, -3.5, 2.0});
    CHECK(cells(eval("max(x, y)", t), 5) == std::vector<Opt>{4.0, 2.0, std::nullopt, 7.0, 10.0});
    CHECK(cells(eval("pow(y, 2)", t), 5) == std::vector<Opt>{16.0, 0.0, 36.0, 49.0, 4.0});
    CHECK(cells(eval("sqrt(y)", t), 5)[0] == Opt(2.0));
    CHECK_THAT(*cells(eval("exp(1)", t), 1)[0], WithinRel(std::exp(1.0), 1e-15));
    // round: half to even, like numpy.round.
    CHECK(cells(eval("round(2.5) + round(3.5) * 10 + round(-0.5) * 100", t), 1) == std::vector<Opt>{42.0});
    CHECK_THAT(*cells(eval("round(3.14159, 2)", t), 1)[0], WithinAbs(3.14, 1e-12));
    CHECK(cells(eval("isna(x)", t), 5) == std::vector<Opt>{0.0, 0.0, 1.0, 0.0, 0.0});
    CHECK(cells(eval("notna(species)", t), 5) == std::vector<Opt>{1.0, 1.0, 1.0, 0.0, 1.0});
    CHECK(cells(eval("floor(x) + ceil(0.2)", t), 5)[3] == Opt(-3.0));
}

TEST_CASE("Formula: comparisons, strings, chained comparisons, backticks", "[formula]")
{
    Table t = sample();
    auto eq = eval("species == \"Adelie\"", t);
    CHECK(eq.type == ValueType::Boolean);
    CHECK(cells(eq, 5) == std::vector<Opt>{1.0, 0.0, 1.0, std::nullopt, 0.0});
    CHECK(cells(eval("species != 'Adelie'", t), 5) == std::vector<Opt>{0.0, 1.0, 0.0, std::nullopt, 1.0});
    CHECK(cells(eval("species < \"B\"", t), 5) == std::vector<Opt>{1.0, 0.0, 1.0, std::nullopt, 0.0});
    CHECK(cells(eval("1 < y <= 6", t), 5) == std::vector<Opt>{1.0, 0.0, 1.0, 0.0, 1.0});
    CHECK(cells(eval("`bill length (mm)` > 45", t), 5) == std::vector<Opt>{0.0, 1.0, 1.0, 0.0, 1.0});
    CHECK(cells(eval("date >= \"2020-06-01\"", t), 5) == std::vector<Opt>{0.0, 1.0, 1.0, 0.0, std::nullopt});
    CHECK(cells(eval("flag == true", t), 5) == std::vector<Opt>{1.0, 0.0, 1.0, std::nullopt, 1.0});
}

TEST_CASE("Formula: three-valued and/or/not", "[formula]")
{
    Table t = sample();
    // x > 0 is missing on row 2; y > 5 is true on rows 2, 3.
    CHECK(cells(eval("x > 0 and y > 5", t), 5) == std::vector<Opt>{0.0, 0.0, std::nullopt, 0.0, 0.0});
    CHECK(cells(eval("x > 0 or y > 5", t), 5) == std::vector<Opt>{1.0, 1.0, 1.0, 1.0, 1.0});
    CHECK(cells(eval("x > 0 && y < 5", t), 5) == std::vector<Opt>{1.0, 1.0, 0.0, 0.0, 1.0});
    CHECK(cells(eval("not x > 0", t), 5) == std::vector<Opt>{0.0, 0.0, std::nullopt, 1.0, 0.0});
    CHECK(cells(eval("~(y > 5) | flag", t), 5) == std::vector<Opt>{1.0, 1.0, 1.0, std::nullopt, 1.0});
}

TEST_CASE("Formula: if() picks per row and keeps the branch type", "[formula]")
{
    Table t = sample();
    auto v = eval("if(x > 1.5, \"big\", species)", t);
    REQUIRE(v.type == ValueType::String);
    auto col = Formula::toColumn(v, 5);
    REQUIRE(col->type() == ColumnType::Categorical);
    CHECK(col->format(0) == "Adelie");
    CHECK(col->format(1) == "big");
    CHECK(col->isMissing(2));
    CHECK(col->format(3) == "");
    CHECK(col->format(4) == "big");
    CHECK(cells(eval("if(flag, y, -1)", t), 5) == std::vector<Opt>{4.0, -1.0, 6.0, std::nullopt, 2.0});
    auto b = Formula::toColumn(eval("y > 3", t), 5);
    CHECK(b->type() == ColumnType::Boolean);
    auto scalar = Formula::toColumn(eval("1 + 1", t), 5);
    CHECK(scalar->size() == 5);
    CHECK(scalar->format(4) == "2");
}

TEST_CASE("Formula: errors point at the offending character", "[formula]")
{
    Table t = sample();
    CHECK(errorOf("x + ", t) == "at character 5: unexpected end of formula: expected a value");
    CHECK(errorOf("x + bill_lenght", t) == "at character 5: no column named \"bill_lenght\"");
    CHECK(errorOf("spceies == 'a'", t) == "at character 1: no column named \"spceies\" (did you mean \"species\"?)");
    CHECK(errorOf("(x + 1", t) == "at character 7: expected ')' to close the '(' at character 1, found end of formula");
    CHECK(errorOf("x = 1", t) == "at character 3: \"=\" is not an operator: compare with ==");
    CHECK(errorOf("species > 3", t) == "at character 9: cannot compare a string with a number");
    CHECK(errorOf("species + 1", t) == "at character 1: \"+\" needs a number, got a string");
    CHECK(errorOf("x and y", t) == "at character 1: \"and\" needs true/false, got a number");
    CHECK(errorOf("logg(x)", t).rfind("at character 1: unknown function \"logg\"; functions: if, log", 0) == 0);
    CHECK(errorOf("round()", t) == "at character 1: round takes 1 or 2 arguments (round(x, digits = 0)), got 0");
    CHECK(errorOf("'abc", t) == "at character 1: unterminated string (missing closing ')");
    CHECK(errorOf("x # 2", t) == "at character 3: unexpected character '#'");
    CHECK(errorOf("date > 'yesterday'", t) ==
          "at character 8: \"yesterday\" is not a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)");
    CHECK(errorOf("if(x > 1, 'a', 2)", t) ==
          "at character 16: the two branches of if must have the same type; got a string and a number");
    CHECK(errorOf("", t) == "at character 1: empty formula");
    CHECK(errorOf("x y", t) == "at character 3: unexpected name \"y\" after a complete expression");
    CHECK(errorOf("é + 1", t) == "at character 1: no column named \"é\"");
    CHECK(errorOf("1 + `é` + `", t) == "at character 11: unterminated `name` (missing closing backtick)");
    std::string deep(5000, '(');
    CHECK(errorOf(deep, t).find("nested too deeply") != std::string::npos);
}

TEST_CASE("Formula: degenerate tables", "[formula]")
{
    Table empty;
    REQUIRE(empty.addColumn("x", Column::fromOptionals({})));
    auto v = eval("x * 2 > 1", empty);
    CHECK(v.size() == 0);
    CHECK(Formula::toColumn(v, 0)->size() == 0);
    Table missing;
    REQUIRE(missing.addColumn("x", Column::fromOptionals({std::nullopt, std::nullopt})));
    CHECK(cells(eval("x + 1", missing), 2) == std::vector<Opt>{std::nullopt, std::nullopt});
    CHECK(cells(eval("isna(x) and true", missing), 2) == std::vector<Opt>{1.0, 1.0});
    auto f = Formula::compile("a + `b c` * a");
    REQUIRE(f);
    CHECK(f->columnsUsed() == std::vector<std::string>{"a", "b c"});
}

TEST_CASE("Formula: blocks of rows evaluated in parallel equal the row-by-row definition", "[formula]")
{
    // 100,003 rows: three full blocks of 32,768 and a ragged one; missing values, NaN results
    // (0/0, log of a negative), strings and a one-byte Integer column in every block.
    const std::size_t n = 100003;
    std::vector<std::optional<double>> a(n);
    std::vector<std::int64_t> b(n);
    std::vector<std::uint8_t> small(n);
    std::vector<std::optional<std::string>> s(n);
    for (std::size_t i = 0; i < n; ++i) {
        a[i] = i % 17 == 3 ? std::nullopt : std::optional<double>(static_cast<double>(i % 101) - 50.0);
        b[i] = static_cast<std::int64_t>(i % 7) - 1;
        small[i] = static_cast<std::uint8_t>(i % 3);
        s[i] = i % 11 == 0 ? std::nullopt : std::optional<std::string>(i % 2 ? "odd" : "even");
    }
    Table t;
    REQUIRE(t.addColumn("a", Column::fromOptionals(a)));
    REQUIRE(t.addColumn("b", Column::makeInteger(b)));
    REQUIRE(t.addColumn("k", Column::makeSmallInteger(small)));
    REQUIRE(t.addColumn("s", Column::fromStrings(s)));

    const Value ratio = eval("a / (b + 1) + k", t);  // b = -1 divides by zero: 0/0 NaN or +-inf
    const Value logs = eval("log(a) * 2", t);
    const Value label = eval("if(a > 0 and s == 'odd', 'up', s)", t);
    const Value test = eval("b >= k or isna(a)", t);
    REQUIRE(ratio.num.size() == n);
    REQUIRE(label.str.size() == n);
    std::size_t missingRatio = 0, missingLog = 0, wrong = 0, firstWrong = n;
    auto expect = [&](bool ok, std::size_t i) {  // one assertion at the end, not 600,000
        wrong += !ok;
        firstWrong = ok ? firstWrong : std::min(firstWrong, i);
    };
    for (std::size_t i = 0; i < n; ++i) {
        const double bb = static_cast<double>(b[i]), kk = small[i];
        if (!a[i] || (*a[i] == 0.0 && bb + 1 == 0.0)) {
            expect(!ratio.present(i) && ratio.num[i] == 0.0, i);
            ++missingRatio;
        } else {
            expect(ratio.present(i) && ratio.num[i] == *a[i] / (bb + 1) + kk, i);
        }
        if (!a[i] || *a[i] < 0.0) {
            expect(!logs.present(i), i);
            ++missingLog;
        } else {
            expect(logs.present(i) && logs.num[i] == std::log(*a[i]) * 2, i);
        }
        // three-valued `and`: false if either side is false, missing if neither is false but one is missing
        const int positive = a[i] ? (*a[i] > 0) : -1, odd = s[i] ? (*s[i] == "odd") : -1;
        const int condition = positive == 0 || odd == 0 ? 0 : positive == 1 && odd == 1 ? 1 : -1;
        if (condition == 1)
            expect(label.present(i) && label.str[i] == "up", i);
        else if (condition == -1 || !s[i])
            expect(!label.present(i), i);  // missing condition, or the missing branch picked
        else
            expect(label.present(i) && label.str[i] == *s[i], i);
        // `or` with a true side is never missing
        expect(test.present(i) && (test.num[i] != 0.0) == (bb >= kk || !a[i]), i);
    }
    INFO("first wrong row " << firstWrong);
    CHECK(wrong == 0);
    CHECK(missingRatio > 5000);
    CHECK(missingLog > 40000);
    // an error in any block is reported once, pointing at the character
    auto bad = Formula::compile("s + 1");
    REQUIRE(bad);
    auto v = bad->evaluate(t);
    REQUIRE_FALSE(v);
    CHECK(v.error().message.find("character") != std::string::npos);
}
