#include "core/io/reader.h"
#include "penguins_expectations.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace preplab;
using namespace preplab::io;
using preplab::testing::sharedPath;
using preplab::testing::testDataPath;

namespace {

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir()
    {
        static int counter = 0;
        m_path = fs::temp_directory_path() /
                 ("preplab_dispatch_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::create_directories(m_path);
    }
    ~TempDir() { fs::remove_all(m_path); }
    std::string write(const std::string& name, const std::string& bytes) const
    {
        std::string path = (m_path / name).string();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

private:
    fs::path m_path;
};

Table readOk(const std::string& spec)
{
    auto r = readTable(spec);
    INFO(spec << ": " << (r.ok() ? std::string("ok") : r.error().describe()));
    REQUIRE(r.ok());
    return r->table;
}

} // namespace

TEST_CASE("readTable: every copy of penguins reads to the same table as penguins.csv", "[io][dispatch]")
{
    Table csv = readOk(sharedPath("datasets/penguins.csv"));
    preplab::testing::checkPenguins(csv);
    for (const char* copy : {"penguins.tsv", "penguins_records.json", "penguins.ndjson", "penguins.arff",
                             "penguins.sqlite:penguins"}) {
        INFO(copy);
        Table t = readOk(sharedPath(std::string("datasets/formats/") + copy));
        preplab::testing::checkPenguins(t);
        preplab::testing::checkSameCells(csv, t);
    }
}

TEST_CASE("readTable: the format is reported", "[io][dispatch]")
{
    CHECK(readTable(sharedPath("datasets/formats/penguins.arff"))->format == "arff");
    CHECK(readTable(sharedPath("datasets/formats/penguins.ndjson"))->format == "jsonl");
    CHECK(readTable(sharedPath("datasets/formats/penguins.sqlite:iris"))->format == "sqlite");
    CHECK(readTable(sharedPath("datasets/penguins.csv"))->format == "csv");
}

TEST_CASE("readTable: iris.arff and the sqlite iris table match iris.csv", "[io][dispatch]")
{
    Table csv = readOk(sharedPath("datasets/iris.csv"));
    REQUIRE(csv.rowCount() == 150);
    preplab::testing::checkSameCells(csv, readOk(sharedPath("datasets/formats/iris.arff")));
    preplab::testing::checkSameCells(csv, readOk(sharedPath("datasets/formats/penguins.sqlite:iris")));
}

TEST_CASE("readTable: a SQLite file with several tables and none named lists them", "[io][dispatch]")
{
    auto r = readTable(sharedPath("datasets/formats/penguins.sqlite"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("iris, penguins") != std::string::npos);
    auto wrongSuffix = readTable(sharedPath("datasets/penguins.csv:penguins"));
    REQUIRE_FALSE(wrongSuffix.ok());
    CHECK(wrongSuffix.error().message.find("only applies to SQLite") != std::string::npos);
}

TEST_CASE("readTable: a missing file is an I/O error naming it", "[io][dispatch]")
{
    auto r = readTable("/nonexistent/folder/data.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Io);
    CHECK(r.error().message == "cannot open: No such file or directory");
    CHECK(r.error().file == "/nonexistent/folder/data.csv");
    CHECK(r.error().describe() == "/nonexistent/folder/data.csv: cannot open: No such file or directory");

    TempDir dir;
    auto folder = readTable(fs::temp_directory_path().string());
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().message == "cannot open: Is a directory");
}

TEST_CASE("readTable: an empty file is a clear error", "[io][dispatch]")
{
    for (const char* name : {"formats/empty.csv"}) {
        auto r = readTable(testDataPath(name));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::BadData);
        CHECK(r.error().message == "the file is empty");
    }
    TempDir dir;
    for (const char* name : {"e.json", "e.arff", "e.db", "e"}) {
        INFO(name);
        auto r = readTable(dir.write(name, ""));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "the file is empty");
    }
}

TEST_CASE("readTable: a gzip file renamed .csv is refused, naming what it is", "[io][dispatch]")
{
    auto r = readTable(testDataPath("formats/penguins_gzip.csv"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::BadData);
    CHECK(r.error().message.find("gzip-compressed") != std::string::npos);
    CHECK(r.error().file.find("penguins_gzip.csv") != std::string::npos);
}

TEST_CASE("readTable: binary and compressed files of every known kind are refused", "[io][dispatch]")
{
    using namespace std::string_literals;
    struct Case {
        std::string bytes;
        const char* kind;
    };
    const Case cases[] = {
        {"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml....xl/workbook.xml"s, "Excel workbook"},
        {"PK\x03\x04\x14\x00\x00\x00readme.txt"s, "zip archive"},
        {"BZh91AY&SY\x01\x02"s, "bzip2"},
        {"\xFD" "7zXZ\x00\x00\x04"s, "xz"},
        {"7z\xBC\xAF\x27\x1C\x00\x04"s, "7-Zip"},
        {"PAR1\x15\x04\x15"s, "Parquet"},
        {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"s, "PDF"},
        {"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR"s, "PNG"},
        {"\x7F" "ELF\x02\x01\x01\x00"s, "ELF"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"s, ".xls"},
        {"a,b\n1,\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x00"s, "NUL bytes"},
    };
    TempDir dir;
    int i = 0;
    for (const auto& c : cases) {
        INFO(c.kind);
        auto r = readTable(dir.write("file" + std::to_string(i++) + ".csv", c.bytes));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::BadData);
        CHECK(r.error().message.find("not a text table") != std::string::npos);
        CHECK(r.error().message.find(c.kind) != std::string::npos);
    }
}

TEST_CASE("readTable: UTF-16 text is not mistaken for binary", "[io][dispatch]")
{
    TempDir dir;
    std::string utf16 = "\xFF\xFE";
    for (char ch : std::string("a,b\n1,x\n2,y\n")) {
        utf16.push_back(ch);
        utf16.push_back('\0');
    }
    auto r = readTable(dir.write("u16.csv", utf16));
    INFO((r.ok() ? "" : r.error().describe()));
    REQUIRE(r.ok());
    CHECK(r->table.rowCount() == 2);
    CHECK(r->table.name(1) == "b");
}

TEST_CASE("readTable: content decides when the extension does not", "[io][dispatch]")
{
    TempDir dir;
    auto json = readTable(dir.write("records.data", "  [{\"a\": 1}, {\"a\": 2}]"));
    REQUIRE(json.ok());
    CHECK(json->format == "json");
    auto arff = readTable(dir.write("weka", "% comment\n@RELATION x\n@attribute a numeric\n@data\n1\n2\n"));
    REQUIRE(arff.ok());
    CHECK(arff->format == "arff");
    CHECK(arff->table.rowCount() == 2);
    const std::string renamed = dir.write("tables.bin", preplab::testing::fileBytes(
                                                             sharedPath("datasets/formats/penguins.sqlite")));
    auto sqliteRenamed = readTable(renamed + ":iris");
    REQUIRE(sqliteRenamed.ok());
    CHECK(sqliteRenamed->format == "sqlite");
    CHECK(sqliteRenamed->table.rowCount() == 150);
    auto notSqlite = readTable(dir.write("fake.db", "a,b\n1,2\n"));
    REQUIRE_FALSE(notSqlite.ok());
    CHECK(notSqlite.error().message.find("not a SQLite database") != std::string::npos);
    auto csvBrackets = readTable(dir.write("odd.txt", "[x],y\n1,2\n"));
    REQUIRE(csvBrackets.ok());
    CHECK(csvBrackets->table.name(0) == "[x]");
}

TEST_CASE("readTable: type overrides apply to every format and unknown names are reported", "[io][dispatch]")
{
    ReadOptions options;
    options.typeOverrides["year"] = ColumnType::Categorical;
    options.typeOverrides["no_such_column"] = ColumnType::Text;
    for (const char* copy : {"penguins.ndjson", "penguins.arff", "penguins.sqlite:penguins"}) {
        INFO(copy);
        auto r = readTable(sharedPath(std::string("datasets/formats/") + copy), options);
        REQUIRE(r.ok());
        CHECK(r->table.find("year")->type() == ColumnType::Categorical);
        bool reported = false;
        for (const auto& w : r->warnings)
            reported |= w.column == "no_such_column";
        CHECK(reported);
    }
}

TEST_CASE("readTable: '-' reads standard input as JSON or CSV by its first byte", "[io][dispatch]")
{
    TempDir dir;
    const std::string json = dir.write("in.json", "\n [{\"x\": 1.5}, {\"x\": null}]\n");
    REQUIRE(std::freopen(json.c_str(), "rb", stdin));
    auto fromJson = readTable("-");
    REQUIRE(fromJson.ok());
    CHECK(fromJson->format == "json");
    CHECK(fromJson->table.column(0).missingCount() == 1);

    const std::string csv = dir.write("in.csv", "x,y\n1,a\n2,b\n3,c\n");
    REQUIRE(std::freopen(csv.c_str(), "rb", stdin));
    auto fromCsv = readTable("-");
    REQUIRE(fromCsv.ok());
    CHECK(fromCsv->table.rowCount() == 3);
    CHECK(fromCsv->table.column(0).type() == ColumnType::Integer);

    const std::string gz = testDataPath("formats/penguins_gzip.csv");
    REQUIRE(std::freopen(gz.c_str(), "rb", stdin));
    auto fromGzip = readTable("-");
    REQUIRE_FALSE(fromGzip.ok());
    CHECK(fromGzip.error().file == "<stdin>");
    CHECK(fromGzip.error().message.find("gzip") != std::string::npos);

    const std::string empty = dir.write("empty", "");
    REQUIRE(std::freopen(empty.c_str(), "rb", stdin));
    auto fromEmpty = readTable("-");
    REQUIRE_FALSE(fromEmpty.ok());
    CHECK(fromEmpty.error().message == "the input is empty");
    REQUIRE(std::freopen("/dev/null", "rb", stdin));
}
