#include "core/io/reader.h"
#include "penguins_expectations.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::io;
using preplab::testing::fileBytes;
using preplab::testing::sharedPath;
using preplab::testing::testDataPath;

namespace {

Result<ReadResult> readArffFile(const std::string& path, const ReadOptions& options = {})
{
    return readArffBuffer(fileBytes(path), path, options);
}

} // namespace

TEST_CASE("ARFF reader: penguins.arff matches penguins.csv", "[io][arff]")
{
    auto r = readArffFile(sharedPath("datasets/formats/penguins.arff"));
    REQUIRE(r.ok());
    CHECK(r->format == "arff");
    preplab::testing::checkPenguins(r->table);
    // Nominal attributes keep their declared values, in declared order.
    CHECK(r->table.column(0).categories() == std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"});
    CHECK(r->table.column(6).categories() == std::vector<std::string>{"female", "male"});
}

TEST_CASE("ARFF reader: iris.arff has 150 rows, 4 numeric attributes and a nominal class", "[io][arff]")
{
    auto r = readArffFile(sharedPath("datasets/formats/iris.arff"));
    REQUIRE(r.ok());
    const Table& t = r->table;
    REQUIRE(t.rowCount() == 150);
    REQUIRE(t.columnCount() == 5);
    for (std::size_t c = 0; c < 4; ++c) {
        CHECK(t.column(c).type() == ColumnType::Numeric);
        CHECK(t.column(c).missingCount() == 0);
    }
    // Figures from shared/datasets/iris.csv (pandas: sepal_length_cm sum 876.5, petal_width_cm sum 179.9).
    CHECK_THAT(preplab::testing::presentSum(t.column(0)), Catch::Matchers::WithinRel(876.5, 1e-12));
    CHECK_THAT(preplab::testing::presentSum(t.column(3)), Catch::Matchers::WithinRel(179.9, 1e-12));
    CHECK(t.column(4).type() == ColumnType::Categorical);
    CHECK(t.column(4).categories() == std::vector<std::string>{"setosa", "versicolor", "virginica"});
    CHECK(t.column(4).format(149) == "virginica");
}

TEST_CASE("ARFF reader: every attribute type, quotes, comments and missing values", "[io][arff]")
{
    auto r = readArffFile(testDataPath("formats/weather.arff"));
    REQUIRE(r.ok());
    const Table& t = r->table;
    CHECK(t.names() ==
          std::vector<std::string>{"outlook", "temperature", "humidity", "wind speed", "remark", "observed", "play"});
    REQUIRE(t.rowCount() == 4);
    CHECK(t.column(0).type() == ColumnType::Categorical);
    CHECK(t.column(0).format(2) == "light rain");
    CHECK(t.column(0).format(3) == "sunny");
    CHECK(t.column(1).type() == ColumnType::Numeric);
    CHECK(t.column(1).isMissing(1));
    CHECK(t.column(1).number(3) == 72.0);
    CHECK(t.column(2).type() == ColumnType::Integer);
    CHECK(t.column(3).type() == ColumnType::Integer);
    CHECK(t.column(3).missingCount() == 1);
    CHECK(t.column(4).format(0) == "hot, dry");
    CHECK(t.column(4).format(1) == "said \"fine\"");
    CHECK(t.column(4).isMissing(2));
    CHECK(t.column(4).isValid(3));  // a quoted '?' is a value
    CHECK(t.column(4).format(3) == "?");
    CHECK(t.column(5).type() == ColumnType::Datetime);
    CHECK(t.column(5).format(1) == "2024-03-02T08:30:00");
    CHECK(t.column(5).isMissing(2));
    CHECK(t.column(6).categories() == std::vector<std::string>{"yes", "no"});
}

TEST_CASE("ARFF reader: sparse rows fill omitted values, weights are ignored with a warning", "[io][arff]")
{
    auto r = readArffFile(testDataPath("formats/sparse.arff"));
    REQUIRE(r.ok());
    const Table& t = r->table;
    REQUIRE(t.rowCount() == 4);
    CHECK(t.column(0).format(0) == "1.5");
    CHECK(t.column(1).format(0) == "0");
    CHECK(t.column(2).format(0) == "y");
    CHECK(t.column(3).isMissing(0));
    CHECK(t.column(1).format(1) == "7");
    CHECK(t.column(2).format(1) == "x");  // omitted nominal: the first declared value
    CHECK(t.column(3).format(1) == "hello world");
    CHECK(t.column(0).format(2) == "0");
    CHECK(t.column(1).isMissing(3));
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].message.find("weight") != std::string::npos);
}

TEST_CASE("ARFF reader: a type override replaces the declared type", "[io][arff]")
{
    ReadOptions options;
    options.typeOverrides["humidity"] = ColumnType::Numeric;
    auto r = readArffFile(testDataPath("formats/weather.arff"), options);
    REQUIRE(r.ok());
    CHECK(r->table.find("humidity")->type() == ColumnType::Numeric);
}

TEST_CASE("ARFF reader: malformed files are errors naming the line", "[io][arff]")
{
    struct Case {
        const char* file;
        std::int64_t line;
        const char* fragment;
    };
    const Case cases[] = {
        {"bad_nominal.arff", 6, "'w' is not one of the declared values of attribute 'c'"},
        {"bad_count.arff", 6, "expected 2 values, found 1"},
        {"bad_numeric.arff", 6, "numeric but the value is 'abc'"},
        {"bad_type.arff", 3, "unknown type 'blob'"},
        {"unterminated.arff", 4, "unterminated"},
        {"no_data.arff", -1, "no @data"},
    };
    for (const auto& c : cases) {
        INFO(c.file);
        auto r = readArffFile(testDataPath(std::string("formats/") + c.file));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::BadData);
        CHECK(r.error().line == c.line);
        CHECK(r.error().message.find(c.fragment) != std::string::npos);
    }
}

TEST_CASE("ARFF reader: degenerate inputs", "[io][arff]")
{
    auto empty = readArffBuffer("", "e.arff", {});
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message.find("not an ARFF file") != std::string::npos);

    auto noRows = readArffBuffer("@relation r\n@attribute a numeric\n@data\n", "r.arff", {});
    REQUIRE(noRows.ok());
    CHECK(noRows->table.rowCount() == 0);
    CHECK(noRows->table.columnCount() == 1);

    auto allMissing = readArffBuffer("@relation r\n@attribute a numeric\n@attribute b {u,v}\n@data\n?,?\n", "m.arff", {});
    REQUIRE(allMissing.ok());
    CHECK(allMissing->table.column(0).missingCount() == 1);
    CHECK(allMissing->table.column(1).missingCount() == 1);

    auto relational = readArffBuffer("@relation r\n@attribute bag relational\n@end bag\n@data\n", "x.arff", {});
    REQUIRE_FALSE(relational.ok());
    CHECK(relational.error().message.find("relational") != std::string::npos);
}

TEST_CASE("ARFF reader: a Latin-1 file (common from Weka) is read as Windows-1252 with a warning", "[io][arff]")
{
    auto r = readArffBuffer("@relation r\n@attribute city {Z\xFCrich,Gen\xE8ve}\n@data\nGen\xE8ve\nZ\xFCrich\n", "l.arff", {});
    REQUIRE(r.ok());
    CHECK(r->encoding == "windows-1252");
    CHECK(r->table.column(0).format(0) == "Gen\xC3\xA8ve");
    CHECK(r->table.column(0).categories() == std::vector<std::string>{"Z\xC3\xBCrich", "Gen\xC3\xA8ve"});
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].line == 2);
    auto bom = readArffBuffer("\xEF\xBB\xBF@relation r\n@attribute a numeric\n@data\n1\n", "b.arff", {});
    REQUIRE(bom.ok());
    CHECK(bom->encoding == "utf-8-bom");
}
