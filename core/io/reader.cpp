#include "core/io/reader.h"

#include "core/io/content_sniffer.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/stat.h>

namespace preplab::io {

namespace {

constexpr const char* kStdinName = "<stdin>";

std::string lowerExtension(const std::string& path)
{
    auto slash = path.find_last_of('/');
    auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return {};
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

bool isSqliteExtension(const std::string& ext) { return ext == "db" || ext == "sqlite" || ext == "sqlite3"; }
bool isJsonExtension(const std::string& ext) { return ext == "json" || ext == "jsonl" || ext == "ndjson"; }
bool isCsvExtension(const std::string& ext)
{
    return ext == "csv" || ext == "tsv" || ext == "tab" || ext == "psv" || ext == "txt" || ext == "dat";
}

Error ioError(const std::string& path, int err)
{
    return makeError(ErrorCode::Io, std::string("cannot open: ") + std::strerror(err), path);
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// Up to `limit` bytes of the file (everything when limit is 0).
Result<std::string> readBytes(const std::string& path, std::size_t limit)
{
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
    if (!f)
        return ioError(path, errno);
    std::string out;
    char buf[1 << 16];
    while (limit == 0 || out.size() < limit) {
        std::size_t want = limit == 0 ? sizeof buf : std::min(sizeof buf, limit - out.size());
        std::size_t n = std::fread(buf, 1, want, f.get());
        out.append(buf, n);
        if (n < want) {
            if (std::ferror(f.get()))
                return makeError(ErrorCode::Io, std::string("cannot read: ") + std::strerror(errno), path);
            break;
        }
    }
    return out;
}

Result<std::string> readStdin()
{
    std::string out;
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0)
        out.append(buf, n);
    if (std::ferror(stdin))
        return makeError(ErrorCode::Io, std::string("cannot read: ") + std::strerror(errno), kStdinName);
    return out;
}

Error notATable(const std::string& name, const std::string& kind)
{
    return makeError(ErrorCode::BadData, "not a text table: this is " + kind, name);
}

// Type overrides apply by name; one that names no column is a mistake worth telling.
void warnUnknownOverrides(ReadResult& result, const ReadOptions& options)
{
    for (const auto& [name, type] : options.typeOverrides)
        if (!result.table.indexOf(name))
            result.warnings.push_back({Diagnostic::Severity::Warning,
                                       "type override for unknown column '" + name + "' ignored", -1, name});
}

Result<ReadResult> readTextBuffer(const std::string& bytes, const std::string& name, TextFormat format,
                                  const ReadOptions& options, const Progress& progress)
{
    Result<ReadResult> result = [&]() -> Result<ReadResult> {
        switch (format) {
        case TextFormat::Json: return readJsonBuffer(bytes, name, options);
        case TextFormat::Arff: return readArffBuffer(bytes, name, options);
        case TextFormat::Csv: break;
        }
        return readCsvBuffer(bytes, name, options, progress);
    }();
    if (result && format != TextFormat::Csv)
        warnUnknownOverrides(*result, options);
    return result;
}

Result<ReadResult> readFromStdin(const ReadOptions& options, const Progress& progress)
{
    auto bytes = readStdin();
    if (!bytes)
        return bytes.error();
    if (bytes->empty())
        return makeError(ErrorCode::BadData, "the input is empty", kStdinName);
    std::string_view head = std::string_view(*bytes).substr(0, kSniffBytes);
    if (auto kind = binaryKind(head))
        return notATable(kStdinName, *kind);
    if (isSqliteHeader(head))
        return makeError(ErrorCode::BadData, "a SQLite database cannot be read from standard input; give its path",
                         kStdinName);
    return readTextBuffer(*bytes, kStdinName, sniffTextFormat(head), options, progress);
}

// "file.db:table" when the spec itself is not a file but the part before the last ':' is.
bool splitTableSpec(const std::string& spec, std::string& path, std::string& table)
{
    struct stat st {};
    if (::stat(spec.c_str(), &st) == 0)
        return false;
    auto colon = spec.find_last_of(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size())
        return false;
    std::string prefix = spec.substr(0, colon);
    if (::stat(prefix.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    path = std::move(prefix);
    table = spec.substr(colon + 1);
    return true;
}

} // namespace

Result<ReadResult> readTable(const std::string& spec, const ReadOptions& options, const Progress& progress)
{
    if (spec == "-")
        return readFromStdin(options, progress);

    std::string path = spec, table;
    const bool hasTable = splitTableSpec(spec, path, table);

    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return ioError(path, errno);
    if (S_ISDIR(st.st_mode))
        return ioError(path, EISDIR);
    auto head = readBytes(path, kSniffBytes);
    if (!head)
        return head.error();
    if (head->empty())
        return makeError(ErrorCode::BadData, "the file is empty", path);
    const std::string ext = lowerExtension(path);
    if (!isSqliteHeader(*head)) {
        if (auto kind = binaryKind(*head))
            return notATable(path, *kind);
    }
    if (isSqliteHeader(*head) || isSqliteExtension(ext)) {
        if (!isSqliteHeader(*head))
            return makeError(ErrorCode::BadData, "not a SQLite database (the file does not start with its header)",
                             path);
        auto result = readSqlite(path, table, options);
        if (result)
            warnUnknownOverrides(*result, options);
        return result;
    }
    if (hasTable)
        return makeError(ErrorCode::BadUsage, "a ':" + table + "' table suffix only applies to SQLite databases",
                         path);

    TextFormat format = TextFormat::Csv;
    if (isJsonExtension(ext))
        format = TextFormat::Json;
    else if (ext == "arff")
        format = TextFormat::Arff;
    else if (!isCsvExtension(ext))
        format = sniffTextFormat(*head);

    if (format == TextFormat::Csv)
        return readCsvFile(path, options, progress);
    auto bytes = head->size() < kSniffBytes ? std::move(head) : readBytes(path, 0);
    if (!bytes)
        return bytes.error();
    return readTextBuffer(*bytes, path, format, options, progress);
}

} // namespace preplab::io
