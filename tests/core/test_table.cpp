#include "core/table/table.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace preplab;

TEST_CASE("Column: validity mask marks missing values, not NaN", "[table]")
{
    auto c = Column::fromOptionals({1.5, std::nullopt, 3.0});
    REQUIRE(c->type() == ColumnType::Numeric);
    CHECK(c->size() == 3);
    CHECK(c->missingCount() == 1);
    CHECK(c->isMissing(1));
    CHECK(c->number(2) == 3.0);
    CHECK(c->format(0) == "1.5");
    CHECK(c->format(1).empty());
}

TEST_CASE("Column: an all-present mask is dropped", "[table]")
{
    auto c = Column::makeInteger({1, 2, 3}, {1, 1, 1});
    CHECK(c->validMask().empty());
    CHECK(c->missingCount() == 0);
}

TEST_CASE("Column: categorical from strings keeps first-appearance order", "[table]")
{
    auto c = Column::fromStrings({"b", "a", std::nullopt, "b"});
    REQUIRE(c->type() == ColumnType::Categorical);
    CHECK(c->categories() == std::vector<std::string>{"b", "a"});
    CHECK(c->text(3) == "b");
    CHECK(c->missingCount() == 1);
}

TEST_CASE("Column: gather repeats and reorders rows with their validity", "[table]")
{
    auto c = Column::fromStrings({"x", std::nullopt, "zz"}, ColumnType::Text);
    auto g = c->gather({2, 2, 1, 0});
    REQUIRE(g->size() == 4);
    CHECK(g->text(0) == "zz");
    CHECK(g->text(1) == "zz");
    CHECK(g->isMissing(2));
    CHECK(g->text(3) == "x");
}

TEST_CASE("Column: booleans are stored one byte a value and read as 0/1 numbers", "[table]")
{
    auto b = Column::makeBoolean({1, 0, 2, 1}, {1, 1, 1, 0});
    REQUIRE(b->type() == ColumnType::Boolean);
    CHECK(b->bools() == std::vector<std::uint8_t>{1, 0, 1, 1});  // any non-zero byte is true
    CHECK(b->ints().empty());
    CHECK(b->number(0) == 1.0);
    CHECK(b->number(1) == 0.0);
    CHECK(b->integer(2) == 1);
    CHECK(b->format(1) == "false");
    CHECK(b->format(3).empty());
    CHECK(b->missingCount() == 1);
    CHECK(b->memoryBytes() < 4 * sizeof(std::int64_t));  // one byte a value (and the mask)
    auto g = b->gather({3, 1, 0});
    REQUIRE(g->type() == ColumnType::Boolean);
    CHECK(g->isMissing(0));
    CHECK(g->format(1) == "false");
    CHECK(g->format(2) == "true");
    auto fromInts = Column::makeBooleanFromInts({5, 0, -1});
    CHECK(fromInts->bools() == std::vector<std::uint8_t>{1, 0, 1});
    CHECK(Column::makeBoolean({})->size() == 0);
}

TEST_CASE("Column: a one-byte Integer column reads, formats and gathers like a wide one", "[table]")
{
    const std::vector<std::int64_t> wideValues{0, 1, 255, 7, 1};
    auto small = Column::makeSmallInteger({0, 1, 255, 7, 1}, {1, 1, 1, 1, 0});
    auto wide = Column::makeInteger(wideValues, {1, 1, 1, 1, 0});
    REQUIRE(small->type() == ColumnType::Integer);
    CHECK(small->oneByte());
    CHECK_FALSE(wide->oneByte());
    CHECK(small->size() == 5);
    CHECK(small->missingCount() == 1);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(small->integer(i) == wide->integer(i));
        CHECK(small->number(i) == wide->number(i));
        CHECK(small->format(i) == wide->format(i));
    }
    CHECK(small->format(2) == "255");  // unsigned bytes: 255, not -1
    CHECK(small->format(4).empty());
    CHECK(small->toDoubles()[3] == 7.0);
    CHECK(std::isnan(small->toDoubles()[4]));
    // withNumbers hands kernels the bytes as stored
    const std::size_t total = small->withNumbers([&](const auto* v) {
        std::size_t sum = 0;
        for (std::size_t i = 0; i < small->size(); ++i)
            sum += static_cast<std::size_t>(v[i]);
        return sum;
    });
    CHECK(total == 0 + 1 + 255 + 7 + 1);
    const std::size_t before = small->memoryBytes();
    CHECK(before < 5 * sizeof(std::int64_t));
    auto g = small->gather({2, 4, 0});
    CHECK(g->oneByte());
    CHECK(g->integer(0) == 255);
    CHECK(g->isMissing(1));
    // A caller that needs int64 values still gets them (widened once, then kept).
    CHECK(small->ints() == wideValues);
    CHECK(&small->ints() == &small->ints());
    CHECK(small->memoryBytes() >= before + 5 * sizeof(std::int64_t));
    CHECK(Column::makeSmallInteger({})->size() == 0);
}

TEST_CASE("formatDouble: shortest round-trip form", "[table]")
{
    CHECK(formatDouble(0.1) == "0.1");
    CHECK(formatDouble(1.0 / 3.0) == "0.3333333333333333");
    CHECK(formatDouble(1e300) == "1e+300");
    CHECK(formatDouble(-2.0) == "-2");
}

TEST_CASE("formatDatetime: dates, times and days before the epoch", "[table]")
{
    CHECK(formatDatetime(0, false) == "1970-01-01");
    std::int64_t ms = daysFromCivil(2024, 2, 29) * 86400000LL + (13 * 3600 + 5 * 60 + 9) * 1000LL + 250;
    CHECK(formatDatetime(ms, true) == "2024-02-29T13:05:09.250");
    CHECK(formatDatetime(daysFromCivil(1969, 12, 31) * 86400000LL, false) == "1969-12-31");
    auto c = civilFromDays(daysFromCivil(1900, 3, 1));
    CHECK((c.year == 1900 && c.month == 3 && c.day == 1));
}

TEST_CASE("Table: columns are shared, not copied, between tables", "[table]")
{
    Table t;
    REQUIRE(t.addColumn("a", Column::makeNumeric({1, 2, 3})).ok());
    REQUIRE(t.addColumn("b", Column::makeInteger({4, 5, 6})).ok());
    Table u = t;
    REQUIRE(u.setColumn(1, Column::makeInteger({7, 8, 9})).ok());
    CHECK(u.columnPtr(0) == t.columnPtr(0));
    CHECK(u.column(1).ints()[0] == 7);
    CHECK(t.column(1).ints()[0] == 4);
}

TEST_CASE("Table: refuses duplicate names and mismatched lengths", "[table]")
{
    Table t;
    REQUIRE(t.addColumn("a", Column::makeNumeric({1, 2})).ok());
    CHECK_FALSE(t.addColumn("a", Column::makeNumeric({1, 2})).ok());
    auto r = t.addColumn("b", Column::makeNumeric({1, 2, 3}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("3 rows") != std::string::npos);
}

TEST_CASE("Table: selectRows gathers every column", "[table]")
{
    Table t;
    REQUIRE(t.addColumn("a", Column::makeNumeric({1, 2, 3})).ok());
    REQUIRE(t.addColumn("s", Column::fromStrings({"x", "y", "z"})).ok());
    Table s = t.selectRows({2, 0});
    CHECK(s.rowCount() == 2);
    CHECK(s.column(0).number(0) == 3);
    CHECK(s.column(1).text(1) == "x");
}
