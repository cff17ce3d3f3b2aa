// `preplab-cli apply` end to end: the contract's exit codes, error line, no partial output, --report.
// Every file lives in a per-process temporary folder, so parallel test runs never share one.
#include "tests/core/cli_runner.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

using namespace preplab::test;
namespace fs = std::filesystem;

namespace {

CliRun runApply(const std::string& recipe, const fs::path& out, const std::string& extra = {})
{
    return runCli("apply " + shellQuote(std::string(PREPLAB_TEST_DATA_DIR) + "/recipe/" + recipe) + " " +
                  sharedDataset("penguins.csv") + " -o " + shellQuote(out.string()) + " " + extra);
}

} // namespace

TEST_CASE("CLI apply: unknown op exits 1, names it, writes nothing", "[cli][recipe]")
{
    TempDir dir;
    const fs::path out = dir / "unknown.csv";
    CliRun r = runApply("unknown_op.preplab.json", out);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("preplab-cli: error: ") == 0);
    CHECK(r.err.find("unknown_op.preplab.json: step 2: unknown op \"frobnicate\"") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("CLI apply: a bad field names step, field and the allowed values", "[cli][recipe]")
{
    TempDir dir;
    const fs::path out = dir / "bad.csv";
    CliRun r = runApply("bad_strategy.preplab.json", out);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("bad_strategy.preplab.json: step 2 (text_clean): field \"case\": expected one of none, lower, "
                     "upper, got \"title\"") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("CLI apply: runs the recipe and reports each step", "[cli][recipe]")
{
    TempDir dir;
    const fs::path out = dir / "ok.csv";
    CliRun r = runApply("filter_split.preplab.json", out, "--report");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.find("step 1 (drop_missing): dropped 11 of 344 rows") != std::string::npos);
    CHECK(r.err.find("step 2 (filter): kept 99 of 333 rows") != std::string::npos);
    CHECK(r.err.find("step 3 (split): split 99 rows into 74 training and 25 test rows") != std::string::npos);
    std::string csv = readFile(out);
    CHECK(csv.rfind("species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year,split\n", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 100);
}
