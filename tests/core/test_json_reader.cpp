#include "core/io/reader.h"
#include "penguins_expectations.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::io;
using preplab::testing::fileBytes;
using preplab::testing::sharedPath;
using preplab::testing::testDataPath;

namespace {

Result<ReadResult> readJsonFile(const std::string& path)
{
    return readJsonBuffer(fileBytes(path), path, {});
}

bool hasWarning(const ReadResult& r, const std::string& column, const std::string& fragment)
{
    for (const auto& w : r.warnings)
        if (w.column == column && w.message.find(fragment) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("JSON reader: penguins as an array of records matches penguins.csv", "[io][json]")
{
    auto r = readJsonFile(sharedPath("datasets/formats/penguins_records.json"));
    REQUIRE(r.ok());
    CHECK(r->format == "json");
    preplab::testing::checkPenguins(r->table);
}

TEST_CASE("JSON reader: penguins as JSON Lines matches the array form cell by cell", "[io][json]")
{
    auto lines = readJsonFile(sharedPath("datasets/formats/penguins.ndjson"));
    auto records = readJsonFile(sharedPath("datasets/formats/penguins_records.json"));
    REQUIRE(lines.ok());
    REQUIRE(records.ok());
    CHECK(lines->format == "jsonl");
    preplab::testing::checkPenguins(lines->table);
    preplab::testing::checkSameCells(lines->table, records->table);
}

TEST_CASE("JSON reader: keys are the union in first-appearance order, absent and null are missing", "[io][json]")
{
    auto r = readJsonFile(testDataPath("formats/nested.json"));
    REQUIRE(r.ok());
    const Table& t = r->table;
    CHECK(t.names() == std::vector<std::string>{"id", "name", "tags", "address", "score", "active", "extra"});
    REQUIRE(t.rowCount() == 3);
    CHECK(t.find("id")->type() == ColumnType::Integer);
    CHECK(t.find("score")->type() == ColumnType::Numeric);
    CHECK(t.find("score")->missingCount() == 2);  // null in row 0, absent in row 2
    CHECK(t.find("active")->type() == ColumnType::Boolean);
    CHECK(t.find("active")->isMissing(0));
    CHECK(t.find("active")->format(2) == "false");
    CHECK(t.find("extra")->missingCount() == 2);
    CHECK(t.find("extra")->format(2) == "late key");
}

TEST_CASE("JSON reader: nested objects and arrays are kept as JSON text with a warning", "[io][json]")
{
    auto r = readJsonFile(testDataPath("formats/nested.json"));
    REQUIRE(r.ok());
    const Column* tags = r->table.find("tags");
    const Column* address = r->table.find("address");
    REQUIRE(tags);
    REQUIRE(address);
    CHECK(tags->format(0) == "[\"x\",\"y\"]");
    CHECK(tags->format(1) == "[]");
    CHECK(address->format(0) == "{\"city\":\"Paris\"}");
    CHECK(address->isMissing(1));
    CHECK(hasWarning(*r, "tags", "3 nested"));
    CHECK(hasWarning(*r, "address", "2 nested"));
}

TEST_CASE("JSON reader: strings are typed by inference, mixed kinds through their text", "[io][json]")
{
    auto r = readJsonFile(testDataPath("formats/mixed.jsonl"));
    REQUIRE(r.ok());
    const Table& t = r->table;
    REQUIRE(t.rowCount() == 3);  // the blank line is not a record
    CHECK(t.find("when")->type() == ColumnType::Datetime);
    CHECK(t.find("when")->format(1) == "2024-03-02");
    CHECK(t.find("when")->isMissing(2));
    CHECK(t.find("n")->type() == ColumnType::Numeric);
    CHECK(t.find("n")->number(2) == 3.25);
    CHECK(t.find("mixed")->format(1) == "5");
    CHECK(hasWarning(*r, "mixed", "mixes strings"));
    // Beyond int64: read as a double, the column becomes numeric.
    CHECK(t.find("big")->type() == ColumnType::Numeric);
    CHECK(t.find("big")->number(1) == 18446744073709551615.0);
}

TEST_CASE("JSON reader: a type override forces the column's type", "[io][json]")
{
    ReadOptions options;
    options.typeOverrides["id"] = ColumnType::Text;
    auto r = readJsonBuffer(R"([{"id": 7}, {"id": 8}, {"id": null}])", "ids.json", options);
    REQUIRE(r.ok());
    CHECK(r->table.column(0).type() == ColumnType::Text);
    CHECK(r->table.column(0).format(1) == "8");
    CHECK(r->table.column(0).isMissing(2));
}

TEST_CASE("JSON reader: a column-oriented object is read by columns", "[io][json]")
{
    auto r = readJsonBuffer("{\"a\": [1, 2, 3],\n \"b\": [\"x\", null, \"z\"]}", "cols.json", {});
    REQUIRE(r.ok());
    REQUIRE(r->table.rowCount() == 3);
    CHECK(r->table.column(1).isMissing(1));
    CHECK(r->table.column(0).format(2) == "3");
}

TEST_CASE("JSON reader: malformed JSON is an error naming the line", "[io][json]")
{
    auto r = readJsonFile(testDataPath("formats/malformed.json"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::BadData);
    CHECK(r.error().line == 3);
    CHECK(r.error().file.find("malformed.json") != std::string::npos);
    CHECK(r.error().message.find("invalid JSON") != std::string::npos);
}

TEST_CASE("JSON reader: a bad line in JSON Lines is an error naming that line", "[io][json]")
{
    auto r = readJsonFile(testDataPath("formats/bad_line.jsonl"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().line == 3);
    CHECK(r.error().describe().find("bad_line.jsonl:3:") != std::string::npos);

    auto notObject = readJsonBuffer("{\"a\": 1}\n[1, 2]\n", "x.jsonl", {});
    REQUIRE_FALSE(notObject.ok());
    CHECK(notObject.error().line == 2);
    CHECK(notObject.error().message.find("an array") != std::string::npos);
}

TEST_CASE("JSON reader: degenerate documents", "[io][json]")
{
    auto scalars = readJsonFile(testDataPath("formats/not_objects.json"));
    REQUIRE_FALSE(scalars.ok());
    CHECK(scalars.error().message.find("element 0 is a number") != std::string::npos);

    auto blank = readJsonBuffer("  \n ", "blank.json", {});
    REQUIRE_FALSE(blank.ok());
    CHECK(blank.error().message.find("empty") != std::string::npos);

    auto number = readJsonBuffer("42", "n.json", {});
    REQUIRE_FALSE(number.ok());
    CHECK(number.error().message.find("found a number") != std::string::npos);

    auto empty = readJsonBuffer("[]", "e.json", {});
    REQUIRE(empty.ok());
    CHECK(empty->table.columnCount() == 0);
    CHECK_FALSE(empty->warnings.empty());

    auto oneRow = readJsonBuffer(R"([{"x": null}])", "one.json", {});
    REQUIRE(oneRow.ok());
    CHECK(oneRow->table.rowCount() == 1);
    CHECK(oneRow->table.column(0).missingCount() == 1);

    auto truncated = readJsonBuffer("[{\"a\": 1}, {\"a\"", "t.json", {});
    REQUIRE_FALSE(truncated.ok());
    CHECK(truncated.error().line == 1);

    // Found by fuzzing: a number beyond the range of a double is an error, not an exception.
    auto huge = readJsonBuffer("[{\"big\": 1E525}]", "huge.json", {});
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.error().message.find("1E525") != std::string::npos);
    auto hugeLine = readJsonBuffer("{\"a\": 1}\n{\"a\": 1E525}\n", "huge.jsonl", {});
    REQUIRE_FALSE(hugeLine.ok());
    CHECK(hugeLine.error().line == 2);
    auto hugeFirstLine = readJsonBuffer("{\"a\": -1E525}\n{\"a\": 1}\n", "huge1.jsonl", {});
    REQUIRE_FALSE(hugeFirstLine.ok());
}

TEST_CASE("JSON reader: UTF-16 and Windows-1252 text are decoded like the CSV reader does", "[io][json]")
{
    std::string utf16 = "\xFF\xFE";
    for (char ch : std::string("[{\"city\": \"Z\xC3\xBCrich\"}]")) {
        // Every byte here is ASCII except the UTF-8 pair for u-umlaut, which becomes one unit.
        if (static_cast<unsigned char>(ch) == 0xC3)
            continue;
        if (static_cast<unsigned char>(ch) == 0xBC) {
            utf16 += std::string("\xFC\x00", 2);
            continue;
        }
        utf16.push_back(ch);
        utf16.push_back('\0');
    }
    auto r16 = readJsonBuffer(utf16, "u16.json", {});
    REQUIRE(r16.ok());
    CHECK(r16->encoding == "utf-16le");
    CHECK(r16->table.column(0).format(0) == "Z\xC3\xBCrich");

    auto latin = readJsonBuffer("[{\"city\": \"Z\xFCrich\"},\n {\"city\": \"Gen\xE8ve\"}]", "latin.json", {});
    REQUIRE(latin.ok());
    CHECK(latin->encoding == "windows-1252");
    CHECK(latin->table.column(0).format(1) == "Gen\xC3\xA8ve");
    REQUIRE_FALSE(latin->warnings.empty());
    CHECK(latin->warnings[0].line == 1);
}

TEST_CASE("JSON reader: a repeated key keeps its last value, deep nesting is kept whole", "[io][json]")
{
    auto r = readJsonBuffer(R"([{"a": 1, "b": "x", "a": 2}, {"a": 3, "n": {"k": [1, {"z": [true, null]}], "e": {}}}])",
                            "dup.json", {});
    REQUIRE(r.ok());
    const Table& t = r->table;
    REQUIRE(t.rowCount() == 2);
    CHECK(t.names() == std::vector<std::string>{"a", "b", "n"});
    CHECK(t.column(0).format(0) == "2");
    CHECK(t.column(0).format(1) == "3");
    CHECK(t.column(2).format(1) == R"({"k":[1,{"z":[true,null]}],"e":{}})");
    bool duplicateWarning = false;
    for (const auto& w : r->warnings)
        duplicateWarning |= w.message.find("repeated") != std::string::npos;
    CHECK(duplicateWarning);

    auto mixed = readJsonBuffer(R"([{"a": 1}, {"a": 2}, "three"])", "m.json", {});
    REQUIRE_FALSE(mixed.ok());
    CHECK(mixed.error().message.find("element 2 is a string") != std::string::npos);
    auto trailing = readJsonBuffer("[{\"a\": 1}]\n]", "t.json", {});
    REQUIRE_FALSE(trailing.ok());
    CHECK(trailing.error().line == 2);
}
