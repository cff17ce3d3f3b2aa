// Large and generated inputs for the CSV reader: chunk boundaries, type promotion across
// chunks, huge fields and rows, capped diagnostics, threads, progress and cancellation.
#include "core/io/csv_reader.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

using namespace preplab;
using namespace preplab::io;

namespace {

std::vector<std::string> formatted(const Table& t)
{
    std::vector<std::string> out;
    for (std::size_t c = 0; c < t.columnCount(); ++c) {
        std::string s = t.name(c) + ":" + std::string(columnTypeName(t.column(c).type())) + "=";
        for (std::size_t r = 0; r < t.rowCount(); ++r)
            s += (t.column(c).isMissing(r) ? std::string("<NA>") : t.column(c).format(r)) + "|";
        out.push_back(std::move(s));
    }
    return out;
}

ReadOptions threads(unsigned n)
{
    ReadOptions o;
    o.threads = n;
    return o;
}

} // namespace

TEST_CASE("CSV reader: late values promote columns across chunks", "[io][csv]")
{
    // ~12 MB: well past the first 4 MB batch used for type guessing.
    std::string csv = "n,late_double,late_word,late_bool,late_date,cat,late_fill\n";
    const int rows = 400000;
    for (int i = 0; i < rows; ++i) {
        csv += std::to_string(i) + ",";
        csv += (i == rows - 10 ? std::string("2.5") : std::to_string(i % 7)) + ",";
        csv += (i == rows - 5 ? std::string("oops") : std::to_string(i % 3)) + ",";
        csv += (i == rows - 3 ? std::string("yes") : std::to_string(i % 2)) + ",";
        csv += (i == rows - 2 ? std::string("junk") : std::string("2024-01-0") + std::to_string(1 + i % 9)) + ",";
        csv += std::string(i % 2 ? "a" : "b") + ",";
        csv += i >= rows - 100 ? "3.5\n" : "\n";
    }
    auto r = readCsvBuffer(csv, "late.csv", threads(2));
    REQUIRE(r.ok());
    const Table& t = r->table;
    REQUIRE(t.rowCount() == static_cast<std::size_t>(rows));
    CHECK(t.find("n")->type() == ColumnType::Integer);
    const Column* d = t.find("late_double");
    REQUIRE(d->type() == ColumnType::Numeric);
    CHECK(d->number(rows - 10) == 2.5);
    CHECK(d->number(rows - 11) == (rows - 11) % 7);
    const Column* w = t.find("late_word");
    REQUIRE((w->type() == ColumnType::Categorical || w->type() == ColumnType::Text));
    CHECK(w->text(rows - 5) == "oops");
    CHECK(w->text(7) == "1");
    CHECK(t.find("late_bool")->type() == ColumnType::Boolean);  // 0/1 with "yes": boolean
    CHECK(t.find("late_bool")->number(rows - 3) == 1);
    CHECK(t.find("late_date")->type() == ColumnType::Categorical);
    CHECK(t.find("cat")->type() == ColumnType::Categorical);
    const Column* fill = t.find("late_fill");  // empty in the first batch: inferred at the end
    CHECK(fill->type() == ColumnType::Numeric);
    CHECK(fill->missingCount() == static_cast<std::size_t>(rows - 100));
    CHECK(fill->number(rows - 1) == 3.5);
    CHECK(r->warnings.empty());

    auto one = readCsvBuffer(csv, "late.csv", threads(1));
    REQUIRE(one.ok());
    CHECK(formatted(one->table) == formatted(t));
}

TEST_CASE("CSV reader: a categorical column that outgrows its dictionary becomes text", "[io][csv]")
{
    std::string csv = "id,label\n";
    const int rows = 300000;
    for (int i = 0; i < rows; ++i)
        csv.append(std::to_string(i)).append(",").append(i < 200000 ? (i % 2 ? "x" : "y") : "v").append(i < 200000 ? "" : std::to_string(i)).append("\n");
    auto r = readCsvBuffer(csv, "grow.csv", {});
    REQUIRE(r.ok());
    const Column* label = r->table.find("label");
    REQUIRE(label->type() == ColumnType::Text);
    CHECK(label->text(1) == "x");
    CHECK(label->text(0) == "y");
    CHECK(label->text(rows - 1) == std::string("v").append(std::to_string(rows - 1)));
}

TEST_CASE("CSV reader: CRLF, CR and quoted newlines across chunk boundaries", "[io][csv]")
{
    std::string csv = "k,text\r\n";
    std::vector<std::string> expected;
    for (int i = 0; i < 150000; ++i) {
        std::string text = i % 3 == 0 ? "a\r\nb \"\"q\"\"" : i % 3 == 1 ? "plain, comma" : "x";
        csv += std::to_string(i) + ",\"" + text + "\"" + (i % 5 == 0 ? "\r" : "\r\n");
        std::string unescaped = text;
        for (std::size_t p; (p = unescaped.find("\"\"")) != std::string::npos;)
            unescaped.erase(p, 1);
        expected.push_back(unescaped);
    }
    auto r = readCsvBuffer(csv, "crlf.csv", {});
    REQUIRE(r.ok());
    const Table& t = r->table;
    REQUIRE(t.rowCount() == expected.size());
    bool all = true;
    for (std::size_t i = 0; i < expected.size(); ++i)
        all = all && t.find("text")->text(i) == expected[i] && t.find("k")->number(i) == static_cast<double>(i);
    CHECK(all);
    CHECK(r->warnings.empty());
}

TEST_CASE("CSV reader: a 10 MB field, quoted or not", "[io][csv]")
{
    std::string big(10u << 20, 'x');
    big[12345] = ',';
    big[777777] = '\n';
    std::string csv = "a,b\n1,\"" + big + "\"\n2,short\n";
    auto r = readCsvBuffer(csv, "big.csv", {});
    REQUIRE(r.ok());
    REQUIRE(r->table.rowCount() == 2);
    CHECK(r->table.find("b")->text(0) == big);
    CHECK(r->table.find("a")->number(1) == 2);

    std::string plain(10u << 20, 'y');
    auto p = readCsvBuffer("a,b\n" + plain + ",1\n", "plain.csv", {});
    REQUIRE(p.ok());
    CHECK(p->table.find("a")->text(0).size() == plain.size());
}

TEST_CASE("CSV reader: 10,000 columns", "[io][csv]")
{
    std::string header, row1, row2;
    for (int c = 0; c < 10000; ++c) {
        if (c > 0) {
            header += ',';
            row1 += ',';
            row2 += ',';
        }
        header.append("c").append(std::to_string(c));
        row1 += std::to_string(c);
        row2 += std::to_string(c * 2);
    }
    auto r = readCsvBuffer(header + "\n" + row1 + "\n" + row2 + "\n", "wide.csv", {});
    REQUIRE(r.ok());
    CHECK(r->table.columnCount() == 10000);
    CHECK(r->table.rowCount() == 2);
    CHECK(r->table.find("c9999")->number(1) == 19998);
}

TEST_CASE("CSV reader: thousands of ragged rows: 100 warnings each kind, then a summary", "[io][csv]")
{
    std::string csv = "a,b,c\n";
    for (int i = 0; i < 1000; ++i)
        csv += i % 2 ? "1,2\n" : "1,2,3,4\n";
    auto r = readCsvBuffer(csv, "ragged.csv", {});
    REQUIRE(r.ok());
    CHECK(r->table.columnCount() == 4);
    CHECK(r->table.name(3) == "extra_1");
    CHECK(r->table.column(3).missingCount() == 500);
    CHECK(r->table.column(2).missingCount() == 500);
    CHECK(r->warnings.size() == 202);
    CHECK(r->warnings.front().line == 2);
    CHECK(r->warnings.back().line == 1001);
    CHECK(r->warnings.back().message.find("400 more") != std::string::npos);
}

TEST_CASE("CSV reader: a Windows-1252 byte after the first chunk re-reads the whole file", "[io][csv]")
{
    std::string csv = "name,n\n";
    for (int i = 0; i < 400000; ++i)
        csv += "row" + std::to_string(i % 50) + "," + std::to_string(i) + "\n";
    csv += "caf\xe9,1\n";
    auto r = readCsvBuffer(csv, "late1252.csv", {});
    REQUIRE(r.ok());
    CHECK(r->encoding == "windows-1252");
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].line == 400002);
    CHECK(r->table.find("name")->text(400000) == "caf\xc3\xa9");
}

TEST_CASE("CSV reader: an unterminated quote early in a large file", "[io][csv]")
{
    std::string csv = "a,b\n1,\"oops\n";
    for (int i = 0; i < 200000; ++i)
        csv += std::to_string(i) + ",v\n";
    auto r = readCsvBuffer(csv, "open.csv", {});
    REQUIRE(r.ok());
    CHECK(r->table.rowCount() == 200001);
    CHECK(r->table.find("b")->text(0) == "\"oops");
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].line == 2);
}

TEST_CASE("CSV reader: file and buffer give the same table; progress and cancel", "[io][csv]")
{
    std::string csv = "x,y,z\n";
    for (int i = 0; i < 300000; ++i)
        csv += std::to_string(i) + "," + std::to_string(i * 0.5) + ",\"t" + std::to_string(i % 9) + "\"\n";
    auto path = std::filesystem::temp_directory_path() / "preplab_csv_progress.csv";
    {
        std::ofstream out(path, std::ios::binary);
        out << csv;
    }
    std::vector<double> fractions;
    Progress progress([&](double f, std::string_view) { fractions.push_back(f); });
    auto file = readCsvFile(path.string(), {}, progress);
    REQUIRE(file.ok());
    auto buffer = readCsvBuffer(csv, "mem.csv", {});
    REQUIRE(buffer.ok());
    CHECK(formatted(file->table) == formatted(buffer->table));
    REQUIRE(fractions.size() >= 2);
    CHECK(std::is_sorted(fractions.begin(), fractions.end()));
    CHECK(fractions.back() == 1.0);

    std::atomic<bool> cancel{false};
    Progress cancelling([&](double, std::string_view) { cancel = true; }, &cancel);
    auto c = readCsvFile(path.string(), {}, cancelling);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == ErrorCode::Cancelled);
    std::filesystem::remove(path);
}

TEST_CASE("CSV reader: unreadable inputs are clear errors", "[io][csv]")
{
    auto missing = readCsvFile("/nonexistent/dir/file.csv", {});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::Io);
    CHECK(missing.error().file == "/nonexistent/dir/file.csv");

    ReadOptions quote;
    quote.delimiter = '"';
    auto bad = readCsvBuffer("a,b\n", "x.csv", quote);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::BadUsage);

    auto binary = readCsvBuffer(std::string("\x00\x01\x02\x00\x00\x00\x00\x00", 8), "bin.csv", {});
    REQUIRE_FALSE(binary.ok());
    CHECK(binary.error().describe().find("bin.csv") != std::string::npos);

    auto empty = readCsvBuffer("", "empty.csv", {});
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().describe() == "empty.csv: the file holds no table (it is empty or blank)");
}

TEST_CASE("CSV reader: more tiny rows than one batch holds", "[io][csv]")
{
    // 1.5 million two-byte rows: batches stop at 2^20 rows and resume where they stopped.
    std::string csv = "v\n";
    const std::size_t rows = 1500000;
    for (std::size_t i = 0; i < rows; ++i) {
        csv += static_cast<char>('0' + i % 10);
        csv += '\n';
    }
    auto r = readCsvBuffer(csv, "tiny.csv", {});
    REQUIRE(r.ok());
    REQUIRE(r->table.rowCount() == rows);
    const Column& v = r->table.column(0);
    REQUIRE(v.type() == ColumnType::Integer);
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < rows; ++i)
        sum += v.ints()[i];
    CHECK(sum == 4500000 * 1.5);
    CHECK(v.ints()[1048576] == 1048576 % 10);
}
