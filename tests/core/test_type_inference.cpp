#include "core/io/read_options.h"
#include "core/io/type_inference.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace preplab;
using namespace preplab::io;

namespace {

InferOptions defaults()
{
    return InferOptions{defaultNaMarkers(), false};
}

ColumnPtr infer(const std::vector<std::string_view>& cells, InferOptions options = defaults())
{
    return inferColumn(cells, options);
}

} // namespace

TEST_CASE("parseInt64: signs, spaces, overflow and junk", "[io][types]")
{
    std::int64_t v = 0;
    CHECK((parseInt64("42", v) && v == 42));
    CHECK((parseInt64(" -7\t", v) && v == -7));
    CHECK((parseInt64("+5", v) && v == 5));
    CHECK((parseInt64("007", v) && v == 7));
    CHECK((parseInt64("9223372036854775807", v) && v == std::numeric_limits<std::int64_t>::max()));
    CHECK_FALSE(parseInt64("9223372036854775808", v));
    CHECK_FALSE(parseInt64("", v));
    CHECK_FALSE(parseInt64("+", v));
    CHECK_FALSE(parseInt64("+-5", v));
    CHECK_FALSE(parseInt64("1.0", v));
    CHECK_FALSE(parseInt64("12a", v));
    CHECK_FALSE(parseInt64("1 2", v));
}

TEST_CASE("parseDouble: decimal, scientific, inf and decimal comma", "[io][types]")
{
    double v = 0;
    CHECK((parseDouble("3.25", v) && v == 3.25));
    CHECK((parseDouble(".5", v) && v == 0.5));
    CHECK((parseDouble("5.", v) && v == 5.0));
    CHECK((parseDouble("-1.5e-3", v) && v == -0.0015));
    CHECK((parseDouble("+2E2", v) && v == 200.0));
    CHECK((parseDouble(" 1 ", v) && v == 1.0));
    CHECK((parseDouble("inf", v) && std::isinf(v) && v > 0));
    CHECK((parseDouble("-Infinity", v) && std::isinf(v) && v < 0));
    CHECK((parseDouble("NaN", v) && std::isnan(v)));
    CHECK((parseDouble("1e400", v) && std::isinf(v)));
    CHECK_FALSE(parseDouble("0x1A", v));
    CHECK_FALSE(parseDouble("1e", v));
    CHECK_FALSE(parseDouble("1,5", v));
    CHECK((parseDouble("1,5", v, true) && v == 1.5));
    CHECK((parseDouble("-0,25", v, true) && v == -0.25));
    CHECK((parseDouble("2.5", v, true) && v == 2.5));
    CHECK_FALSE(parseDouble("1.234,56", v, true));
    CHECK_FALSE(parseDouble("1,2,3", v, true));
    CHECK_FALSE(parseDouble("", v));
}

TEST_CASE("parseBool: common spellings, case-insensitive", "[io][types]")
{
    bool b = false;
    for (auto t : {"true", "TRUE", "True", "yes", "Y", "t", "1", " yes "}) {
        INFO(t);
        CHECK((parseBool(t, b) && b));
    }
    for (auto f : {"false", "No", "n", "F", "0"}) {
        INFO(f);
        CHECK((parseBool(f, b) && !b));
    }
    CHECK_FALSE(parseBool("2", b));
    CHECK_FALSE(parseBool("on", b));
    CHECK_FALSE(parseBool("", b));
}

TEST_CASE("parseDatetime: ISO-8601 dates, times, fractions and offsets", "[io][types]")
{
    std::int64_t ms = 0;
    bool hasTime = true;
    CHECK((parseDatetime("1970-01-01", ms, hasTime) && ms == 0 && !hasTime));
    CHECK((parseDatetime("2024-02-29", ms, hasTime) && ms == 19782LL * 86400000));
    CHECK_FALSE(parseDatetime("2023-02-29", ms, hasTime));
    CHECK_FALSE(parseDatetime("2024-13-01", ms, hasTime));
    CHECK_FALSE(parseDatetime("2024-1-01", ms, hasTime));
    CHECK((parseDatetime("1970-01-01T00:00:01.5", ms, hasTime) && ms == 1500 && hasTime));
    CHECK((parseDatetime("1970-01-01 01:30", ms, hasTime) && ms == 5400000));
    CHECK((parseDatetime("1970-01-01T01:00:00Z", ms, hasTime) && ms == 3600000));
    CHECK((parseDatetime("1970-01-01T01:00:00+01:00", ms, hasTime) && ms == 0));
    CHECK((parseDatetime("1970-01-01T00:00:00-0130", ms, hasTime) && ms == 5400000));
    CHECK_FALSE(parseDatetime("1970-01-01T25:00", ms, hasTime));
    CHECK_FALSE(parseDatetime("1970-01-01X", ms, hasTime));
    CHECK_FALSE(parseDatetime("01/02/2024", ms, hasTime));
}

TEST_CASE("inferColumn: integer with missing markers", "[io][types]")
{
    auto c = infer({"1", "NA", "-3", "", "?", "42"});
    REQUIRE(c->type() == ColumnType::Integer);
    CHECK(c->missingCount() == 3);
    CHECK(c->number(5) == 42);
}

TEST_CASE("inferColumn: ints and decimals make a numeric column", "[io][types]")
{
    auto c = infer({"1", "2.5", "1e3", "nan"});
    REQUIRE(c->type() == ColumnType::Numeric);
    CHECK(c->number(2) == 1000.0);
    CHECK(c->isMissing(3));  // "nan" is a default missing marker
}

TEST_CASE("inferColumn: 0/1 alone is integer, with a word it is boolean", "[io][types]")
{
    CHECK(infer({"0", "1", "1", "0"})->type() == ColumnType::Integer);
    auto b = infer({"0", "yes", "1", "No", "NA"});
    REQUIRE(b->type() == ColumnType::Boolean);
    CHECK(b->number(0) == 0);
    CHECK(b->number(1) == 1);
    CHECK(b->number(3) == 0);
    CHECK(b->missingCount() == 1);
    CHECK(infer({"TRUE", "FALSE"})->type() == ColumnType::Boolean);
}

TEST_CASE("inferColumn: dates and date-times", "[io][types]")
{
    auto d = infer({"2024-01-01", "2024-01-02", ""});
    REQUIRE(d->type() == ColumnType::Datetime);
    CHECK_FALSE(d->hasTime());
    CHECK(d->format(1) == "2024-01-02");
    auto t = infer({"2024-01-01", "2024-01-02T10:00:00"});
    REQUIRE(t->type() == ColumnType::Datetime);
    CHECK(t->hasTime());
}

TEST_CASE("inferColumn: categorical against text by cardinality", "[io][types]")
{
    std::vector<std::string> storage;
    for (int i = 0; i < 100; ++i)
        storage.push_back(i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue");
    std::vector<std::string_view> cells(storage.begin(), storage.end());
    auto c = infer(cells);
    REQUIRE(c->type() == ColumnType::Categorical);
    CHECK(c->categories() == std::vector<std::string>{"red", "green", "blue"});

    std::vector<std::string> ids;
    for (int i = 0; i < 100; ++i)
        ids.push_back("id" + std::to_string(i % 50));  // 50 distinct > max(20, 100/20)
    auto t = infer(std::vector<std::string_view>(ids.begin(), ids.end()));
    CHECK(t->type() == ColumnType::Text);
    CHECK(t->text(51) == "id1");
    CHECK(inferType(std::vector<std::string_view>(ids.begin(), ids.end()), defaults()) == ColumnType::Text);
    CHECK(inferType(cells, defaults()) == ColumnType::Categorical);
    // All distinct, even when few: text (an ID or a name)
    CHECK(infer({"ann", "bob", "cy"})->type() == ColumnType::Text);
    CHECK(looksCategorical(20, 21));
    CHECK_FALSE(looksCategorical(21, 22));
    CHECK(looksCategorical(1000, 100000));
    CHECK_FALSE(looksCategorical(1001, 100000));
}

TEST_CASE("inferColumn: one bad cell among numbers makes the column a string type", "[io][types]")
{
    auto c = infer({"1", "2", "x", "1", "2", "1"});
    CHECK(c->type() == ColumnType::Categorical);
    CHECK(c->text(2) == "x");
}

TEST_CASE("inferColumn: degenerate inputs", "[io][types]")
{
    auto empty = infer({});
    CHECK(empty->size() == 0);
    CHECK(empty->type() == ColumnType::Numeric);
    auto allMissing = infer({"", "NA", "?"});
    CHECK(allMissing->type() == ColumnType::Numeric);
    CHECK(allMissing->missingCount() == 3);
    auto one = infer({"3.5"});
    CHECK(one->type() == ColumnType::Numeric);
    auto constant = infer({"a", "a", "a"});
    CHECK(constant->type() == ColumnType::Categorical);
    CHECK(constant->categories().size() == 1);
}

TEST_CASE("inferColumn: forced type turns unparseable cells into missing with one warning", "[io][types]")
{
    Diagnostics warnings;
    auto c = inferColumn({"1", "two", "3", "NA", "x"}, defaults(), ColumnType::Integer, "n", &warnings);
    REQUIRE(c->type() == ColumnType::Integer);
    CHECK(c->missingCount() == 3);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].column == "n");
    CHECK(warnings[0].message.find("2 cell(s)") != std::string::npos);
    CHECK(warnings[0].message.find("'two'") != std::string::npos);

    auto text = inferColumn({"1", "2"}, defaults(), ColumnType::Text);
    CHECK(text->type() == ColumnType::Text);
    auto cat = inferColumn({"a", "b", "c"}, defaults(), ColumnType::Categorical);
    CHECK(cat->type() == ColumnType::Categorical);
}

TEST_CASE("inferColumn: decimal comma and custom markers", "[io][types]")
{
    auto c = infer({"1,5", "2", "-0,25"}, InferOptions{defaultNaMarkers(), true});
    REQUIRE(c->type() == ColumnType::Numeric);
    CHECK(c->number(0) == 1.5);
    auto m = infer({"-", "NA", "3"}, InferOptions{{"-"}, false});
    CHECK(m->type() == ColumnType::Text);  // "NA" is now a value, "-" is missing
    CHECK(m->text(1) == "NA");
    CHECK(m->missingCount() == 1);
}

TEST_CASE("NaMatcher: default markers", "[io][types]")
{
    NaMatcher isMissing(defaultNaMarkers());
    for (auto m : {"", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?"})
        CHECK(isMissing(m));
    CHECK_FALSE(isMissing("na"));
    CHECK_FALSE(isMissing(" NA"));
    CHECK_FALSE(isMissing("0"));
}
