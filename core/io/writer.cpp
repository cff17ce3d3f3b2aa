#include "core/io/writer.h"

#include "core/io/atomic_file.h"
#include "core/io/csv_writer.h"
#include "core/io/json_writer.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace preplab::io {

namespace {

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

void writeFormat(const Table& table, OutputFormat format, const TextSink& sink, Diagnostics* warnings)
{
    switch (format) {
    case OutputFormat::Csv: writeCsv(table, sink, {}, warnings); return;
    case OutputFormat::Tsv: writeCsv(table, sink, {'\t'}, warnings); return;
    case OutputFormat::Json: writeJson(table, sink, {}, warnings); return;
    case OutputFormat::JsonLines: writeJson(table, sink, {true}, warnings); return;
    }
}

} // namespace

OutputFormat outputFormatForPath(const std::string& path)
{
    const std::string ext = lowerExtension(path);
    if (ext == "json")
        return OutputFormat::Json;
    if (ext == "jsonl" || ext == "ndjson")
        return OutputFormat::JsonLines;
    if (ext == "tsv" || ext == "tab")
        return OutputFormat::Tsv;
    return OutputFormat::Csv;
}

Result<Diagnostics> writeTable(const Table& table, const std::string& path, const WriteOptions& options)
{
    Diagnostics warnings;
    if (path == "-") {
        int err = 0;
        writeFormat(table, OutputFormat::Csv,
                    [&err](std::string_view s) {
                        if (err == 0 && std::fwrite(s.data(), 1, s.size(), stdout) != s.size())
                            err = errno ? errno : EIO;
                    },
                    &warnings);
        if (err == 0 && std::fflush(stdout) != 0)
            err = errno ? errno : EIO;
        if (err != 0)
            return makeError(ErrorCode::Io, std::string("cannot write to standard output: ") + std::strerror(err),
                             "<stdout>");
        return warnings;
    }
    auto file = AtomicFile::create(path, options.protectedPaths);
    if (!file)
        return file.error();
    writeFormat(table, outputFormatForPath(path), [&file](std::string_view s) { file->write(s); }, &warnings);
    if (auto done = file->commit(); !done)
        return done.error();
    return warnings;
}

} // namespace preplab::io
