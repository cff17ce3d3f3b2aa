// bench_load: wall time and peak memory of loading (and loading + profiling) a table with the
// PrepLab core, each measurement in a fresh process.
//   usage: bench_load FILE [--repeat N] [--phases]
// For each mode (load, load+profile) and each repetition the program forks; the child reads the
// file (and profiles it), reports its phase times through a pipe and exits; the parent takes the
// child's peak RSS from wait4's rusage. Output, one line per mode on stdout (best of N by wall):
//   preplab <mode> <wall_s> <peak_rss_mib> <read_s> <profile_s> <cpu_s>
// (cpu_s: user + system time of all threads during the work, which other load on the machine
// disturbs less than wall time).
// --phases also times, once, each column's profile, and measures (fresh process each) the
// profile without duplicates and correlations, with duplicates, and full, on stderr: which part is
// slow or takes the memory. Wall time covers the work only (not process start-up), as in the Python and
// Node counterparts.
#include "core/io/reader.h"
#include "core/profile/profile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Timings {
    double read = 0.0;
    double profile = 0.0;
    double cpu = 0.0;  // user + system seconds of all threads during the work
    int status = 0;    // 0 ok, 1 failed
};

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

using ProfileOptions = preplab::profile::ProfileOptions;

// The profile variants --phases measures (time and peak RSS, each in a fresh process).
std::vector<std::pair<const char*, ProfileOptions>> profileVariants()
{
    ProfileOptions columnsOnly;
    columnsOnly.computeCorrelations = false;
    columnsOnly.computeDuplicates = false;
    ProfileOptions withDuplicates = columnsOnly;
    withDuplicates.computeDuplicates = true;
    return {{"columns only (in parallel)", columnsOnly},
            {"+ duplicate rows", withDuplicates},
            {"+ duplicate rows + correlations (full)", ProfileOptions{}}};
}

// Reads `path` and, when `profile` is set, profiles it with those options.
Timings runOnce(const std::string& path, const std::optional<ProfileOptions>& profile)
{
    Timings t;
    const double cpuStart = cpuSeconds();
    auto start = Clock::now();
    auto table = preplab::io::readTable(path);
    t.read = secondsSince(start);
    if (!table) {
        std::fprintf(stderr, "bench_load: %s\n", table.error().describe().c_str());
        t.status = 1;
        return t;
    }
    if (profile) {
        start = Clock::now();
        auto p = preplab::profile::profileTable(table->table, *profile);
        t.profile = secondsSince(start);
        if (!p || p->rows != static_cast<std::int64_t>(table->table.rowCount()))
            t.status = 1;
    }
    t.cpu = cpuSeconds() - cpuStart;
    return t;
}

void printPhases(const std::string& path)
{
    auto start = Clock::now();
    auto read = preplab::io::readTable(path);
    if (!read)
        return;
    std::fprintf(stderr, "phase read: %.3f s (%zu rows, %zu columns)\n", secondsSince(start),
                 read->table.rowCount(), read->table.columnCount());
    const preplab::Table& table = read->table;
    double columnsTotal = 0.0;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        start = Clock::now();
        auto cp = preplab::profile::profileColumn(table.name(c), table.column(c));
        double s = secondsSince(start);
        columnsTotal += s;
        std::fprintf(stderr, "phase profile column %-12s %-11s %.3f s\n", table.name(c).c_str(),
                     std::string(preplab::columnTypeName(cp.type)).c_str(), s);
    }
    std::fprintf(stderr, "phase profile columns (one after another): %.3f s\n", columnsTotal);
}

bool measure(const std::string& path, const std::optional<ProfileOptions>& profile, Timings& timings, double& peakMb)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        close(fds[0]);
        Timings t = runOnce(path, profile);
        ssize_t n = write(fds[1], &t, sizeof t);
        _exit(n == static_cast<ssize_t>(sizeof t) ? t.status : 1);
    }
    close(fds[1]);
    Timings t;
    t.status = 1;
    ssize_t n = read(fds[0], &t, sizeof t);
    close(fds[0]);
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid)
        return false;
    if (n != static_cast<ssize_t>(sizeof t) || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || t.status != 0)
        return false;
    timings = t;
    peakMb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_load FILE [--repeat N] [--phases]\n");
        return 2;
    }
    const std::string path = argv[1];
    int repeat = 1;
    bool phases = false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--phases") == 0)
            phases = true;
    }
    for (const std::optional<ProfileOptions>& profile : {std::optional<ProfileOptions>(), std::optional(ProfileOptions{})}) {
        Timings best;
        double bestPeak = 0.0;
        bool any = false;
        for (int r = 0; r < repeat; ++r) {
            Timings t;
            double peak = 0.0;
            if (!measure(path, profile, t, peak)) {
                std::fprintf(stderr, "bench_load: measurement failed for %s\n", path.c_str());
                return 1;
            }
            if (!any || t.read + t.profile < best.read + best.profile) {
                best = t;
                bestPeak = peak;
            }
            any = true;
        }
        std::printf("preplab %s %.3f %.1f %.3f %.3f %.3f\n", profile ? "load+profile" : "load",
                    best.read + best.profile, bestPeak, best.read, best.profile, best.cpu);
        std::fflush(stdout);
    }
    if (phases) {
        // The variants first: a child forked after printPhases would inherit (and count) the
        // memory this process kept from profiling.
        for (const auto& [label, options] : profileVariants()) {
            Timings t;
            double peak = 0.0;
            if (measure(path, options, t, peak))
                std::fprintf(stderr, "phase load + profileTable %s: profile %.3f s, CPU %.3f s, peak RSS %.1f MiB\n",
                             label, t.profile, t.cpu, peak);
        }
        printPhases(path);
    }
    return 0;
}
