// Quick CSV load timer (run by hand; the official benchmarks live elsewhere in bench/):
//   csv_load_quick FILE [threads]   prints rows, columns, types, load seconds and peak RSS.
// Build: g++ -O2 -std=c++20 -I. bench/csv_load_quick.cpp build/core/libpreplab_core.a -lpthread -o /tmp/csvq
#include "core/io/reader.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: csv_load_quick FILE [threads]\n");
        return 2;
    }
    preplab::io::ReadOptions options;
    if (argc > 2)
        options.threads = static_cast<unsigned>(std::atoi(argv[2]));
    auto t0 = std::chrono::steady_clock::now();
    auto result = preplab::io::readCsvFile(argv[1], options);
    auto t1 = std::chrono::steady_clock::now();
    if (!result) {
        std::fprintf(stderr, "error: %s\n", result.error().describe().c_str());
        return 1;
    }
    const auto& table = result->table;
    std::printf("rows %zu, columns %zu, warnings %zu, encoding %s, delimiter '%c'\n", table.rowCount(),
                table.columnCount(), result->warnings.size(), result->encoding.c_str(), result->delimiter);
    for (std::size_t c = 0; c < table.columnCount(); ++c)
        std::printf("  %-14s %-11s missing %zu\n", table.name(c).c_str(),
                    std::string(preplab::columnTypeName(table.column(c).type())).c_str(),
                    table.column(c).missingCount());
    for (std::size_t i = 0; i < result->warnings.size() && i < 10; ++i)
        std::printf("  warning line %lld: %s\n", static_cast<long long>(result->warnings[i].line),
                    result->warnings[i].message.c_str());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("load %.3f s, peak RSS %.1f MB, table %.1f MB\n", std::chrono::duration<double>(t1 - t0).count(),
                static_cast<double>(usage.ru_maxrss) / 1024.0, static_cast<double>(table.memoryBytes()) / 1e6);
    return 0;
}
