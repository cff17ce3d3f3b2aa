// SQLite reader: opens the database READ-ONLY (it is never modified, not even its journal) and
// reads one table or view: the one named in "file.db:table", or the only one there is. Each
// column is typed from its values' storage classes (see column_builder.h): INTEGER values give
// Integer, INTEGER and REAL give Numeric, TEXT goes through inferColumn (so dates stored as text
// become Datetime), NULL is missing. A column declared BOOLEAN holding only 0/1 is Boolean.
// BLOB values are kept as hexadecimal text with a warning.
#include "core/io/column_builder.h"
#include "core/io/reader.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace preplab::io {

namespace {

struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

std::string quoteIdentifier(const std::string& name)
{
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    return out + "\"";
}

std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string upper(const char* s)
{
    std::string out = s ? s : "";
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
    return out;
}

std::string hexText(const void* data, int bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out = "x'";
    auto p = static_cast<const unsigned char*>(data);
    for (int i = 0; i < bytes; ++i) {
        out.push_back(digits[p[i] >> 4]);
        out.push_back(digits[p[i] & 15]);
    }
    return out + "'";
}

Error dbError(sqlite3* db, const std::string& path, const std::string& what)
{
    return makeError(ErrorCode::BadData, what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"), path);
}

Result<std::vector<std::string>> listTables(sqlite3* db, const std::string& path)
{
    sqlite3_stmt* raw = nullptr;
    const char* sql = "SELECT name FROM sqlite_master WHERE type IN ('table','view') "
                      "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK)
        return dbError(db, path, "cannot read the database");
    StmtPtr stmt(raw);
    std::vector<std::string> names;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW)
        names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0)));
    if (rc != SQLITE_DONE)
        return dbError(db, path, "cannot read the database");
    return names;
}

Result<std::string> chooseTable(const std::vector<std::string>& tables, const std::string& wanted,
                                const std::string& path)
{
    if (!wanted.empty()) {
        if (std::find(tables.begin(), tables.end(), wanted) != tables.end())
            return wanted;
        return makeError(ErrorCode::BadData,
                         "no table named '" + wanted + "'; the database has: " +
                             (tables.empty() ? std::string("no tables") : joinNames(tables)),
                         path);
    }
    if (tables.empty())
        return makeError(ErrorCode::BadData, "the database has no tables", path);
    if (tables.size() > 1)
        return makeError(ErrorCode::BadUsage,
                         "the database has several tables (" + joinNames(tables) + "); name one as " + path +
                             ":TABLE",
                         path);
    return tables.front();
}

// SQLite has no boolean storage class: a BOOLEAN column holds integers 0 and 1.
ColumnPtr asBooleanIfZeroOne(ColumnPtr column)
{
    if (column->type() != ColumnType::Integer)
        return column;
    for (std::size_t i = 0; i < column->size(); ++i)
        if (column->isValid(i) && column->ints()[i] != 0 && column->ints()[i] != 1)
            return column;
    return Column::makeBooleanFromInts(column->ints(), column->validMask());
}

} // namespace

Result<ReadResult> readSqlite(const std::string& path, const std::string& table, const ReadOptions& options)
{
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    DbPtr db(raw);
    if (rc != SQLITE_OK)
        return dbError(raw, path, "cannot open the database");

    auto tables = listTables(db.get(), path);
    if (!tables)
        return tables.error();
    auto name = chooseTable(*tables, table, path);
    if (!name)
        return name.error();

    sqlite3_stmt* rawStmt = nullptr;
    const std::string sql = "SELECT * FROM " + quoteIdentifier(*name);
    if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &rawStmt, nullptr) != SQLITE_OK)
        return dbError(db.get(), path, "cannot read table '" + *name + "'");
    StmtPtr stmt(rawStmt);

    const int columns = sqlite3_column_count(stmt.get());
    std::vector<std::string> names(static_cast<std::size_t>(columns));
    std::vector<std::string> declared(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
        names[c] = sqlite3_column_name(stmt.get(), c);
        declared[c] = upper(sqlite3_column_decltype(stmt.get(), c));
    }
    std::vector<ColumnBuilder> builders(static_cast<std::size_t>(columns));
    std::vector<std::size_t> blobs(static_cast<std::size_t>(columns), 0);
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        for (int c = 0; c < columns; ++c) {
            ColumnBuilder& b = builders[c];
            switch (sqlite3_column_type(stmt.get(), c)) {
            case SQLITE_NULL: b.addMissing(); break;
            case SQLITE_INTEGER: b.addInteger(sqlite3_column_int64(stmt.get(), c)); break;
            case SQLITE_FLOAT: b.addReal(sqlite3_column_double(stmt.get(), c)); break;
            case SQLITE_TEXT:
                b.addString(std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), c)),
                                             static_cast<std::size_t>(sqlite3_column_bytes(stmt.get(), c))));
                break;
            default: {
                const void* data = sqlite3_column_blob(stmt.get(), c);
                ++blobs[c];
                b.addString(hexText(data, sqlite3_column_bytes(stmt.get(), c)));
            }
            }
        }
    }
    if (rc != SQLITE_DONE)
        return dbError(db.get(), path, "cannot read table '" + *name + "'");

    ReadResult result;
    result.format = "sqlite";
    result.encoding = "utf-8";
    InferOptions infer;
    if (options.naMarkers)
        infer.naMarkers = *options.naMarkers;
    for (int c = 0; c < columns; ++c) {
        std::optional<ColumnType> forced;
        if (auto it = options.typeOverrides.find(names[c]); it != options.typeOverrides.end())
            forced = it->second;
        if (blobs[c] > 0)
            result.warnings.push_back({Diagnostic::Severity::Warning,
                                       std::to_string(blobs[c]) + " BLOB value(s) kept as hexadecimal text", -1,
                                       names[c]});
        auto column = builders[c].finish(names[c], infer, forced, &result.warnings);
        if (!forced && declared[c].find("BOOL") != std::string::npos)
            column = asBooleanIfZeroOne(std::move(column));
        if (auto added = result.table.addColumn(names[c], std::move(column)); !added)
            return makeError(ErrorCode::BadData, "table '" + *name + "': " + added.error().message, path);
    }
    return result;
}

} // namespace preplab::io
