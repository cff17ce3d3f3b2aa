#include "core/io/reader.h"
#include "penguins_expectations.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

using namespace preplab;
using namespace preplab::io;
using preplab::testing::sharedPath;

namespace {

namespace fs = std::filesystem;

// A fresh database built from SQL statements, removed at the end of the test.
class TempDatabase {
public:
    explicit TempDatabase(const std::string& sql)
    {
        static int counter = 0;
        m_path = (fs::temp_directory_path() /
                  ("preplab_sqlite_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".db"))
                     .string();
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(m_path.c_str(), &db) == SQLITE_OK);
        char* err = nullptr;
        int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
        INFO((err ? err : ""));
        sqlite3_free(err);
        sqlite3_close(db);
        REQUIRE(rc == SQLITE_OK);
    }
    ~TempDatabase() { fs::remove(m_path); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

} // namespace

TEST_CASE("SQLite reader: penguins table matches penguins.csv", "[io][sqlite]")
{
    auto r = readSqlite(sharedPath("datasets/formats/penguins.sqlite"), "penguins", {});
    REQUIRE(r.ok());
    CHECK(r->format == "sqlite");
    preplab::testing::checkPenguins(r->table);
}

TEST_CASE("SQLite reader: the iris table of the same database", "[io][sqlite]")
{
    auto r = readSqlite(sharedPath("datasets/formats/penguins.sqlite"), "iris", {});
    REQUIRE(r.ok());
    REQUIRE(r->table.rowCount() == 150);
    REQUIRE(r->table.columnCount() == 5);
    CHECK_THAT(preplab::testing::presentSum(r->table.column(0)), Catch::Matchers::WithinRel(876.5, 1e-12));
    CHECK(r->table.column(4).type() == ColumnType::Categorical);
}

TEST_CASE("SQLite reader: several tables and none named is an error listing them", "[io][sqlite]")
{
    auto r = readSqlite(sharedPath("datasets/formats/penguins.sqlite"), "", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("iris, penguins") != std::string::npos);
    CHECK(r.error().message.find(":TABLE") != std::string::npos);

    auto unknown = readSqlite(sharedPath("datasets/formats/penguins.sqlite"), "birds", {});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.find("no table named 'birds'") != std::string::npos);
    CHECK(unknown.error().message.find("iris, penguins") != std::string::npos);
}

TEST_CASE("SQLite reader: the database is opened read-only and left unchanged", "[io][sqlite]")
{
    TempDatabase db("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2);");
    struct stat before {};
    REQUIRE(::stat(db.path().c_str(), &before) == 0);
    REQUIRE(::chmod(db.path().c_str(), 0444) == 0);  // a writable open would not be needed
    auto r = readSqlite(db.path(), "", {});
    REQUIRE(r.ok());
    CHECK(r->table.rowCount() == 2);
    struct stat after {};
    REQUIRE(::stat(db.path().c_str(), &after) == 0);
    CHECK(after.st_size == before.st_size);
    CHECK(after.st_mtime == before.st_mtime);
    CHECK_FALSE(fs::exists(db.path() + "-journal"));
    CHECK_FALSE(fs::exists(db.path() + "-wal"));
}

TEST_CASE("SQLite reader: column types follow the stored values", "[io][sqlite]")
{
    TempDatabase db(R"(
        CREATE TABLE things (id INTEGER PRIMARY KEY, price REAL, name TEXT, day DATE, flag BOOLEAN,
                             anything, data BLOB);
        INSERT INTO things VALUES (1, 2,    'a', '2024-01-31', 1, 'x', x'00ff');
        INSERT INTO things VALUES (2, 2.5,  NULL, '2024-02-01', 0, 3, NULL);
        INSERT INTO things VALUES (3, NULL, 'c', NULL, NULL, 4.5, NULL);
    )");
    auto r = readSqlite(db.path(), "", {});
    REQUIRE(r.ok());
    const Table& t = r->table;
    CHECK(t.names() == std::vector<std::string>{"id", "price", "name", "day", "flag", "anything", "data"});
    CHECK(t.find("id")->type() == ColumnType::Integer);
    CHECK(t.find("price")->type() == ColumnType::Numeric);
    CHECK(t.find("price")->isMissing(2));
    CHECK(t.find("name")->missingCount() == 1);
    CHECK(t.find("day")->type() == ColumnType::Datetime);
    CHECK(t.find("day")->format(1) == "2024-02-01");
    CHECK(t.find("flag")->type() == ColumnType::Boolean);
    CHECK(t.find("flag")->format(0) == "true");
    CHECK(t.find("anything")->format(1) == "3");
    CHECK(t.find("data")->format(0) == "x'00ff'");
    bool blobWarning = false;
    for (const auto& w : r->warnings)
        blobWarning |= w.column == "data" && w.message.find("BLOB") != std::string::npos;
    CHECK(blobWarning);
}

TEST_CASE("SQLite reader: degenerate databases", "[io][sqlite]")
{
    TempDatabase none("CREATE TABLE t (x INTEGER); DROP TABLE t;");
    auto r = readSqlite(none.path(), "", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("no tables") != std::string::npos);

    TempDatabase emptyTable("CREATE TABLE t (x INTEGER, y TEXT);");
    auto e = readSqlite(emptyTable.path(), "t", {});
    REQUIRE(e.ok());
    CHECK(e->table.rowCount() == 0);
    CHECK(e->table.columnCount() == 2);

    TempDatabase oneRow("CREATE TABLE \"odd \"\"name\"\"\" (v TEXT); INSERT INTO \"odd \"\"name\"\"\" VALUES (NULL);");
    auto o = readSqlite(oneRow.path(), "", {});
    REQUIRE(o.ok());
    CHECK(o->table.rowCount() == 1);
    CHECK(o->table.column(0).missingCount() == 1);

    auto missing = readSqlite("/nonexistent/dir/x.db", "", {});
    REQUIRE_FALSE(missing.ok());
}
