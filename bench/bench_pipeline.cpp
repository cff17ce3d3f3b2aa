// bench_pipeline: times PrepLab's O(n) recipe steps, each re-run on its own (what the desktop app
// does when one step's field changes), and a 6-step recipe end to end, on a gen_mixed_csv table.
//   usage: bench_pipeline FILE.csv [--repeat N] [--breakdown] [--only NAME]
// Every step runs through ops::runStep, as a recipe runs it: parse, fit on all rows, apply and
// the step report (changed cells per column, before/after summaries). Loading the CSV is not
// timed. Prints one line per measurement:  preplab <name> <best_ms> <median_ms>
// --breakdown also prints, on stderr, each single step's median time per phase (the context,
// parse, fit, apply, completeReport), to see where a step's time goes. --only runs one
// measurement (a step's name or recipe_6_steps), e.g. under perf.
#include "core/io/reader.h"
#include "core/ops/registry.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace preplab;
using nlohmann::json;

namespace {

const std::vector<std::string> kNumeric{"id", "age", "visits", "income", "score", "ratio", "temp"};
const std::vector<std::string> kWithMissing{"income", "score", "ratio", "temp"};

// The single-step measurements and the recipe; the same steps as pipeline_sklearn.py and
// pipeline_duckdb.mjs.
std::vector<std::pair<std::string, json>> singleSteps()
{
    return {
        {"impute_mean", {{"op", "impute"}, {"columns", kWithMissing}, {"strategy", "mean"}}},
        {"impute_median", {{"op", "impute"}, {"columns", kWithMissing}, {"strategy", "median"}}},
        {"scale_standard", {{"op", "scale"}, {"columns", kNumeric}, {"method", "standard"}}},
        {"clip_iqr", {{"op", "clip_outliers"}, {"columns", kWithMissing}, {"method", "iqr"}}},
        {"one_hot", {{"op", "one_hot"}, {"columns", {"city", "color"}}}},
        {"one_hot_city", {{"op", "one_hot"}, {"columns", {"city"}}}},
        {"one_hot_color", {{"op", "one_hot"}, {"columns", {"color"}}}},
        {"formula", {{"op", "formula"}, {"name", "income_per_visit"}, {"expr", "income / (visits + 1)"}}},
    };
}

std::vector<json> recipe()
{
    return {
        {{"op", "impute"}, {"columns", kWithMissing}, {"strategy", "mean"}},
        {{"op", "scale"}, {"columns", kNumeric}, {"method", "standard"}},
        {{"op", "one_hot"}, {"columns", {"city"}}},
        {{"op", "one_hot"}, {"columns", {"color"}}},
        {{"op", "clip_outliers"}, {"columns", kWithMissing}, {"method", "zscore"}},
        {{"op", "formula"}, {"name", "income_per_visit"}, {"expr", "income / (visits + 1)"}},
    };
}

double millisSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void report(const std::string& name, std::vector<double> times)
{
    std::sort(times.begin(), times.end());
    std::printf("preplab %s %.1f %.1f\n", name.c_str(), times.front(), times[times.size() / 2]);
    std::fflush(stdout);
}

double median(std::vector<double> times)
{
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

double cpuMillis()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// runStep's phases timed one by one (same calls, same order as ops::runStep), and the CPU time
// of all threads for the whole step (less sensitive to other jobs than the wall clock).
void breakdown(const std::string& name, const Table& table, const json& step, int repeat)
{
    std::vector<double> context, parse, fit, apply, complete, cpu;
    for (int r = 0; r < repeat; ++r) {
        const double cpuStart = cpuMillis();
        auto start = std::chrono::steady_clock::now();
        ops::StepContext ctx = ops::StepContext::allRows(table);
        ctx.op = step["op"].get<std::string>();
        context.push_back(millisSince(start));
        start = std::chrono::steady_clock::now();
        ops::Schema schema = ops::Schema::of(table);
        auto op = ops::createOp(step, 0, &schema);
        parse.push_back(millisSince(start));
        if (!op)
            return;
        start = std::chrono::steady_clock::now();
        if (ops::findOp(ctx.op)->fitted && !(*op)->fit(table, ctx))
            return;
        fit.push_back(millisSince(start));
        start = std::chrono::steady_clock::now();
        auto out = (*op)->apply(table, ctx);
        apply.push_back(millisSince(start));
        if (!out)
            return;
        start = std::chrono::steady_clock::now();
        ops::completeReport(table, *out);
        complete.push_back(millisSince(start));
        cpu.push_back(cpuMillis() - cpuStart);
    }
    std::fprintf(stderr,
                 "  %-15s context %5.1f  parse %4.1f  fit %6.1f  apply %6.1f  report %6.1f  cpu %6.1f  (median ms)\n",
                 name.c_str(), median(context), median(parse), median(fit), median(apply), median(complete),
                 median(cpu));
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_pipeline FILE.csv [--repeat N]\n");
        return 2;
    }
    int repeat = 5;
    bool phases = false;
    std::string only;
    for (int i = 2; i < argc; ++i) {
        if (std::string(argv[i]) == "--repeat" && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (std::string(argv[i]) == "--breakdown")
            phases = true;
        else if (std::string(argv[i]) == "--only" && i + 1 < argc)
            only = argv[++i];
    }
    auto loaded = io::readTable(argv[1]);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().describe().c_str());
        return 1;
    }
    const Table& table = loaded->table;
    std::fprintf(stderr, "loaded %zu rows x %zu columns\n", table.rowCount(), table.columnCount());

    bool haveAll = true;
    for (const auto& [name, step] : singleSteps()) {
        if (!only.empty() && only != name)
            continue;
        if (!ops::findOp(step["op"].get<std::string>())) {
            std::printf("preplab %s n/a n/a\n", name.c_str());
            haveAll = false;
            continue;
        }
        std::vector<double> times;
        for (int r = 0; r < repeat; ++r) {
            auto start = std::chrono::steady_clock::now();
            auto out = ops::runStep(table, step, ops::StepContext::allRows(table));
            times.push_back(millisSince(start));
            if (!out) {
                std::fprintf(stderr, "%s: %s\n", name.c_str(), out.error().message.c_str());
                return 1;
            }
        }
        report(name, times);
        if (phases)
            breakdown(name, table, step, repeat);
    }
    if (!only.empty() && only != "recipe_6_steps")
        return 0;
    if (!haveAll) {
        std::printf("preplab recipe_6_steps n/a n/a\n");
        return 0;
    }
    std::vector<double> times, cpu;
    for (int r = 0; r < repeat; ++r) {
        const double cpuStart = cpuMillis();
        auto start = std::chrono::steady_clock::now();
        Table current = table;
        std::size_t index = 0;
        for (const json& step : recipe()) {
            ops::StepContext ctx = ops::StepContext::allRows(current);
            ctx.stepIndex = index++;
            auto out = ops::runStep(current, step, std::move(ctx));
            if (!out) {
                std::fprintf(stderr, "recipe: %s\n", out.error().message.c_str());
                return 1;
            }
            current = std::move(out->table);
        }
        times.push_back(millisSince(start));
        cpu.push_back(cpuMillis() - cpuStart);
    }
    report("recipe_6_steps", times);
    if (phases)
        std::fprintf(stderr, "  %-15s cpu %6.1f  (median ms)\n", "recipe_6_steps", median(cpu));
    return 0;
}
