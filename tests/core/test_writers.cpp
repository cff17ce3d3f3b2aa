#include "core/io/atomic_file.h"
#include "core/io/csv_writer.h"
#include "core/io/json_writer.h"
#include "core/io/reader.h"
#include "core/io/writer.h"
#include "penguins_expectations.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <csignal>
#include <filesystem>
#include <limits>
#include <sys/resource.h>
#include <unistd.h>

using namespace preplab;
using namespace preplab::io;
using preplab::testing::fileBytes;

namespace {

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir()
    {
        static int counter = 0;
        m_path = fs::temp_directory_path() /
                 ("preplab_writers_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::create_directories(m_path);
    }
    ~TempDir() { fs::remove_all(m_path); }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(m_path), {})); }

private:
    fs::path m_path;
};

void writeText(const std::string& path, const std::string& text) { REQUIRE(writeFileAtomically(path, text).ok()); }

Table quotingTable()
{
    Table t;
    REQUIRE(t.addColumn("text", Column::fromStrings({"plain", "a,b", "say \"hi\"", "two\nlines", " padded ", "",
                                                      std::nullopt, "NA", "cr\rhere"},
                                                     ColumnType::Text)));
    REQUIRE(t.addColumn("n", Column::fromOptionals({1.5, 0.1, 1e300, -0.0, std::nullopt, 3.0, 1e-7, 2.0 / 3.0, 100})));
    return t;
}

} // namespace

TEST_CASE("CSV writer: quoting, empty strings and missing values", "[io][writers]")
{
    CHECK(toCsv(quotingTable()) == "text,n\n"
                                   "plain,1.5\n"
                                   "\"a,b\",0.1\n"
                                   "\"say \"\"hi\"\"\",1e+300\n"
                                   "\"two\nlines\",-0\n"
                                   "\" padded \",\n"
                                   "\"\",3\n"
                                   ",1e-07\n"
                                   "\"NA\",0.6666666666666666\n"
                                   "\"cr\rhere\",100\n");
}

TEST_CASE("CSV writer: header quoting, dates, booleans, integers and TAB delimiter", "[io][writers]")
{
    Table t;
    REQUIRE(t.addColumn("a b", Column::makeInteger({-3, 42}, {1, 1})));
    REQUIRE(t.addColumn("x,y", Column::makeBoolean({1, 0}, {1, 0})));
    REQUIRE(t.addColumn("when", Column::makeDatetime({86400000LL * 19783, 86400000LL * 19783 + 45000}, {}, true)));
    CHECK(toCsv(t) == "a b,\"x,y\",when\n-3,true,2024-03-01T00:00:00\n42,,2024-03-01T00:00:45\n");
    CHECK(toCsv(t, {'\t'}) == "a b\tx,y\twhen\n-3\ttrue\t2024-03-01T00:00:00\n42\t\t2024-03-01T00:00:45\n");
    CHECK(csvField("tab\there", '\t') == "\"tab\there\"");
}

TEST_CASE("CSV writer: degenerate tables", "[io][writers]")
{
    CHECK(toCsv(Table{}).empty());
    Table noRows;
    REQUIRE(noRows.addColumn("only", Column::fromOptionals({})));
    CHECK(toCsv(noRows) == "only\n");
    Table nan;
    REQUIRE(nan.addColumn("v", Column::makeNumeric({std::nan(""), 1.0})));
    Diagnostics warnings;
    CHECK(toCsv(nan, {}, &warnings) == "v\nnan\n1\n");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].column == "v");
}

TEST_CASE("JSON writer: array of objects with null for missing and typed values", "[io][writers]")
{
    Table t;
    REQUIRE(t.addColumn("name", Column::fromStrings({"a\"b", std::nullopt})));
    REQUIRE(t.addColumn("n", Column::fromOptionals({18.0, 0.1})));
    REQUIRE(t.addColumn("k", Column::makeInteger({7, 0}, {1, 0})));
    REQUIRE(t.addColumn("ok", Column::makeBoolean({1, 0})));
    REQUIRE(t.addColumn("day", Column::makeDatetime({0, 86400000}, {1, 1}, false)));
    CHECK(toJson(t) == "[\n"
                       "{\"name\":\"a\\\"b\",\"n\":18.0,\"k\":7,\"ok\":true,\"day\":\"1970-01-01\"},\n"
                       "{\"name\":null,\"n\":0.1,\"k\":null,\"ok\":false,\"day\":\"1970-01-02\"}\n"
                       "]\n");
    CHECK(toJson(t, {true}).find("\n{\"name\":null") != std::string::npos);
    CHECK(toJson(Table{}) == "[]\n");
}

TEST_CASE("JSON writer: non-finite numbers become null with a warning, bad UTF-8 is replaced", "[io][writers]")
{
    Table t;
    REQUIRE(t.addColumn("v", Column::makeNumeric({std::numeric_limits<double>::infinity(), std::nan(""), 1e-300})));
    REQUIRE(t.addColumn("s", Column::fromStrings({"ok\x01", "bad\xff", "caf\xc3\xa9"}, ColumnType::Text)));
    Diagnostics warnings;
    std::string json = toJson(t, {}, &warnings);
    CHECK(json == "[\n{\"v\":null,\"s\":\"ok\\u0001\"},\n{\"v\":null,\"s\":\"bad\\ufffd\"},\n"
                  "{\"v\":1e-300,\"s\":\"caf\xc3\xa9\"}\n]\n");
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].message.find("2 non-finite") != std::string::npos);
    CHECK(warnings[1].column == "s");
}

TEST_CASE("JSON writer: penguins round trip through the JSON reader", "[io][writers]")
{
    auto source = readJsonBuffer(fileBytes(preplab::testing::sharedPath("datasets/formats/penguins_records.json")),
                                 "penguins_records.json", {});
    REQUIRE(source.ok());
    for (bool lines : {false, true}) {
        INFO("lines " << lines);
        auto back = readJsonBuffer(toJson(source->table, {lines}), "round.json", {});
        REQUIRE(back.ok());
        preplab::testing::checkPenguins(back->table);
        preplab::testing::checkSameCells(source->table, back->table);
    }
}

TEST_CASE("JSON writer: doubles keep their exact value through a round trip", "[io][writers]")
{
    std::vector<double> values = {0.1, 1.0 / 3.0, 1e-310, 1.7976931348623157e308, -2.5e-8, 123456789.125, 5e-324};
    Table t;
    REQUIRE(t.addColumn("x", Column::makeNumeric(values)));
    auto back = readJsonBuffer(toJson(t), "x.json", {});
    REQUIRE(back.ok());
    REQUIRE(back->table.column(0).type() == ColumnType::Numeric);
    for (std::size_t i = 0; i < values.size(); ++i)
        CHECK(back->table.column(0).number(i) == values[i]);
}

TEST_CASE("writeTable: the extension chooses the format", "[io][writers]")
{
    CHECK(outputFormatForPath("out.csv") == OutputFormat::Csv);
    CHECK(outputFormatForPath("out.JSON") == OutputFormat::Json);
    CHECK(outputFormatForPath("dir.json/out") == OutputFormat::Csv);
    CHECK(outputFormatForPath("out.ndjson") == OutputFormat::JsonLines);
    CHECK(outputFormatForPath("out.tsv") == OutputFormat::Tsv);
    TempDir dir;
    Table t = quotingTable();
    REQUIRE(writeTable(t, dir.file("t.csv")).ok());
    CHECK(fileBytes(dir.file("t.csv")) == toCsv(t));
    REQUIRE(writeTable(t, dir.file("t.json")).ok());
    CHECK(fileBytes(dir.file("t.json")) == toJson(t));
    CHECK(dir.entries() == 2);  // no temporary file left behind
}

TEST_CASE("Atomic file: a missing folder fails and leaves nothing", "[io][writers]")
{
    TempDir dir;
    auto r = writeTable(quotingTable(), dir.file("no/such/dir/out.csv"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Io);
    CHECK(r.error().message.find("No such file or directory") != std::string::npos);
    CHECK(dir.entries() == 0);
}

TEST_CASE("Atomic file: an abandoned write leaves the previous file intact", "[io][writers]")
{
    TempDir dir;
    writeText(dir.file("out.csv"), "old content\n");
    {
        auto f = AtomicFile::create(dir.file("out.csv"));
        REQUIRE(f.ok());
        f->write("new content that is never committed");
        CHECK(fs::exists(f->temporaryPath()));
    }
    CHECK(fileBytes(dir.file("out.csv")) == "old content\n");
    CHECK(dir.entries() == 1);
}

TEST_CASE("Atomic file: a write that fails midway leaves the previous file intact", "[io][writers]")
{
    TempDir dir;
    writeText(dir.file("out.csv"), "old content\n");
    Table big;
    std::vector<double> values(200000);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<double>(i) / 7.0;
    REQUIRE(big.addColumn("x", Column::makeNumeric(values)));

    // A real I/O failure: a file-size limit makes write() fail with EFBIG past 64 KiB.
    struct rlimit saved {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = saved;
    small.rlim_cur = 64 * 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    auto r = writeTable(big, dir.file("out.csv"));
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);

    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Io);
    CHECK(r.error().message.find("cannot write") != std::string::npos);
    CHECK(fileBytes(dir.file("out.csv")) == "old content\n");
    CHECK(dir.entries() == 1);
}

TEST_CASE("Atomic file: writing over the input file is refused", "[io][writers]")
{
    TempDir dir;
    writeText(dir.file("in.csv"), "a\n1\n");
    WriteOptions options;
    options.protectedPaths = {dir.file("in.csv")};
    auto same = writeTable(quotingTable(), dir.file("in.csv"), options);
    REQUIRE_FALSE(same.ok());
    CHECK(same.error().message.find("input file") != std::string::npos);
    // The same file through another spelling and through a hard link.
    fs::create_hard_link(dir.file("in.csv"), dir.file("link.csv"));
    CHECK_FALSE(writeTable(quotingTable(), dir.file("./link.csv"), options).ok());
    CHECK(fileBytes(dir.file("in.csv")) == "a\n1\n");
    CHECK(writeTable(quotingTable(), dir.file("other.csv"), options).ok());
}

TEST_CASE("Atomic file: replacing keeps permissions and follows a symbolic link", "[io][writers]")
{
    TempDir dir;
    writeText(dir.file("real.csv"), "old\n");
    fs::permissions(dir.file("real.csv"), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    fs::create_symlink(dir.file("real.csv"), dir.file("alias.csv"));
    REQUIRE(writeFileAtomically(dir.file("alias.csv"), "new\n").ok());
    CHECK(fs::is_symlink(dir.file("alias.csv")));
    CHECK(fileBytes(dir.file("real.csv")) == "new\n");
    CHECK(fs::status(dir.file("real.csv")).permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    auto isDir = writeFileAtomically(dir.file(""), "x");
    CHECK_FALSE(isDir.ok());
}

TEST_CASE("CSV writer: tables round trip through readTable", "[io][writers]")
{
    TempDir dir;
    auto source = readTable(preplab::testing::sharedPath("datasets/penguins.csv"));
    REQUIRE(source.ok());
    REQUIRE(writeTable(source->table, dir.file("p.csv")).ok());
    auto back = readTable(dir.file("p.csv"));
    REQUIRE(back.ok());
    preplab::testing::checkPenguins(back->table);
    preplab::testing::checkSameCells(source->table, back->table);
    REQUIRE(writeTable(source->table, dir.file("p.tsv")).ok());
    auto tsv = readTable(dir.file("p.tsv"));
    REQUIRE(tsv.ok());
    CHECK(tsv->delimiter == '\t');
    preplab::testing::checkSameCells(source->table, tsv->table);

    Table t;
    REQUIRE(t.addColumn("text", Column::fromStrings({"plain", "a,b", "say \"hi\"", "two\nlines", " padded ",
                                                      "cr\rhere", std::nullopt},
                                                     ColumnType::Text)));
    REQUIRE(t.addColumn("x", Column::fromOptionals({0.1, 1e300, -2.5e-8, 1.0 / 3.0, std::nullopt, 5e-324, 7.25})));
    REQUIRE(t.addColumn("k", Column::makeInteger({1, -2, 3, 4, 5, 6, 9007199254740993}, {1, 1, 1, 0, 1, 1, 1})));
    REQUIRE(t.addColumn("ok", Column::makeBoolean({1, 0, 1, 1, 0, 0, 1}, {1, 1, 1, 1, 1, 0, 1})));
    REQUIRE(t.addColumn("at", Column::makeDatetime({0, 1000, 86400000, 1709251200250, 0, 0, 0},
                                                   {1, 1, 1, 1, 1, 1, 0}, true)));
    REQUIRE(writeTable(t, dir.file("t.csv")).ok());
    auto awkward = readTable(dir.file("t.csv"));
    REQUIRE(awkward.ok());
    preplab::testing::checkSameCells(t, awkward->table);
    for (std::size_t i = 0; i < 7; ++i)
        if (t.column(1).isValid(i))
            CHECK(awkward->table.column(1).number(i) == t.column(1).number(i));
}

TEST_CASE("CSV writer: a one-column table keeps its missing rows", "[io][writers]")
{
    TempDir dir;
    Table t;
    REQUIRE(t.addColumn("v", Column::fromOptionals({1.5, std::nullopt, 2.5})));
    CHECK(toCsv(t) == "v\n1.5\n\"\"\n2.5\n");
    REQUIRE(writeTable(t, dir.file("one.csv")).ok());
    auto back = readTable(dir.file("one.csv"));
    REQUIRE(back.ok());
    REQUIRE(back->table.rowCount() == 3);
    CHECK(back->table.column(0).isMissing(1));
}
