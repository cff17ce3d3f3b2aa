// bench_profile: times profile::profileTable on a synthetic 1,000,000-row x 16-column table
// (6 numeric with gaps, 3 integer, boolean, datetime, 3 categorical, 2 text), the size the
// profile must handle "well under 150 ms on 2 cores". Prints, for the whole profile and for its
// phases (columns only; + duplicate rows), the fastest and the median wall time of several runs
// and the median CPU time of all threads: on a shared machine the wall time includes waiting for
// a core, while CPU time / 2 estimates the wall time on 2 idle cores. Then the CPU time of each
// column alone.
//   bench_profile [rows] [runs]
#include "core/profile/profile.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <ctime>

using namespace preplab;

namespace {

Table makeTable(std::size_t rows, bool withIds)
{
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::poisson_distribution<int> poisson(0.7);
    Table t;
    std::vector<double> base(rows);
    for (auto& v : base)
        v = normal(rng);
    for (int c = 0; c < 6; ++c) {
        std::vector<double> v(rows);
        Column::Mask mask;
        for (std::size_t i = 0; i < rows; ++i)
            v[i] = c == 1 ? 3.0 * base[i] + 0.2 * normal(rng) : std::exp(0.3 * c) * normal(rng) + 10.0 * c;
        if (c == 0)
            v = base;
        if (c >= 4) {
            mask.assign(rows, 1);
            for (std::size_t i = 0; i < rows; ++i)
                mask[i] = uniform(rng) < 0.05 ? 0 : 1;
        }
        (void)t.addColumn("num" + std::to_string(c), Column::makeNumeric(std::move(v), std::move(mask)));
    }
    std::vector<std::int64_t> age(rows), visits(rows), id(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        age[i] = 17 + static_cast<std::int64_t>(uniform(rng) * 74);
        visits[i] = poisson(rng);
        id[i] = withIds ? static_cast<std::int64_t>(i) : static_cast<std::int64_t>(i % 1000);
    }
    (void)t.addColumn("age", Column::makeInteger(std::move(age)));
    (void)t.addColumn("visits", Column::makeInteger(std::move(visits)));
    (void)t.addColumn("id", Column::makeInteger(std::move(id)));
    std::vector<std::int64_t> flag(rows), day(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        flag[i] = uniform(rng) < 0.3;
        day[i] = (16000 + static_cast<std::int64_t>(uniform(rng) * 3650)) * 86400000LL;
    }
    (void)t.addColumn("flag", Column::makeBooleanFromInts(flag));
    (void)t.addColumn("date", Column::makeDatetime(std::move(day)));
    const int cardinality[3] = {5, 50, 3};
    for (int c = 0; c < 3; ++c) {
        std::vector<std::int32_t> codes(rows);
        std::vector<std::string> categories;
        for (int k = 0; k < cardinality[c]; ++k)
            categories.push_back("category_" + std::to_string(k));
        for (auto& code : codes)
            code = static_cast<std::int32_t>(std::min(uniform(rng) * uniform(rng) * cardinality[c],
                                                      cardinality[c] - 1.0));
        (void)t.addColumn("cat" + std::to_string(c), Column::makeCategorical(std::move(codes), std::move(categories)));
    }
    const std::size_t textCardinality[2] = {1000, withIds ? rows : 200000};
    for (int c = 0; c < 2; ++c) {
        StringArena arena;
        for (std::size_t i = 0; i < rows; ++i)
            arena.push("value-" + std::to_string(static_cast<std::size_t>(uniform(rng) * textCardinality[c])));
        (void)t.addColumn("text" + std::to_string(c), Column::makeText(std::move(arena)));
    }
    return t;
}

double cpuMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

struct Timing {
    double fastest, median, cpu;
};

Timing timeProfile(const Table& t, const profile::ProfileOptions& options, int runs)
{
    std::vector<double> wall, cpu;
    for (int r = 0; r < runs; ++r) {
        const double cpu0 = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
        const auto start = std::chrono::steady_clock::now();
        auto p = profile::profileTable(t, options);
        const auto end = std::chrono::steady_clock::now();
        cpu.push_back(cpuMs(CLOCK_PROCESS_CPUTIME_ID) - cpu0);
        if (!p.ok() || p->columns.size() != t.columnCount())
            std::abort();
        wall.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall.front(), wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

void print(const char* what, const Timing& t)
{
    std::printf("  %-22s wall fastest %7.1f ms, median %7.1f ms; CPU %7.1f ms (/2 = %.1f)\n", what, t.fastest,
                t.median, t.cpu, t.cpu / 2);
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 7;
    std::printf("threads: %u\n", hardwareThreads());
    for (bool withIds : {true, false}) {
        const Table t = makeTable(rows, withIds);
        profile::ProfileOptions columnsOnly;
        columnsOnly.computeCorrelations = false;
        columnsOnly.computeDuplicates = false;
        profile::ProfileOptions withDuplicates = columnsOnly;
        withDuplicates.computeDuplicates = true;
        std::printf("%zu rows x %zu columns (%s)\n", rows, t.columnCount(),
                    withIds ? "with unique id columns" : "no unique column: rows are hashed");
        print("profile", timeProfile(t, {}, runs));
        print("columns only", timeProfile(t, columnsOnly, runs));
        print("columns + duplicates", timeProfile(t, withDuplicates, runs));
    }
    const Table t = makeTable(rows, true);
    std::printf("CPU time per column:");
    for (std::size_t c = 0; c < t.columnCount(); ++c) {
        const double cpu0 = cpuMs(CLOCK_THREAD_CPUTIME_ID);
        auto p = profile::profileColumn(t.name(c), t.column(c));
        std::printf(" %s %.1f", t.name(c).c_str(), cpuMs(CLOCK_THREAD_CPUTIME_ID) - cpu0);
    }
    std::printf(" ms\n");
    return 0;
}
