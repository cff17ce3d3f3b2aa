// `preplab-cli apply` end to end: the contract's exit codes, error line, no partial output, --report.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <sys/wait.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Run {
    int exit = -1;
    std::string err;
};

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Run runApply(const std::string& recipe, const std::string& out, const std::string& extra = {})
{
    const fs::path err = fs::temp_directory_path() / "preplab_apply_test.err";
    const std::string cmd = std::string("\"") + PREPLAB_CLI_PATH + "\" apply \"" + PREPLAB_TEST_DATA_DIR + "/recipe/" +
                            recipe + "\" \"" + PREPLAB_SHARED_DIR + "/datasets/penguins.csv\" -o \"" + out + "\" " +
                            extra + " 2> \"" + err.string() + "\"";
    Run r;
    int status = std::system(cmd.c_str());
    r.exit = WEXITSTATUS(status);
    r.err = slurp(err);
    fs::remove(err);
    return r;
}

} // namespace

TEST_CASE("CLI apply: unknown op exits 1, names it, writes nothing", "[cli][recipe]")
{
    const fs::path out = fs::temp_directory_path() / "preplab_apply_unknown.csv";
    fs::remove(out);
    Run r = runApply("unknown_op.preplab.json", out.string());
    CHECK(r.exit == 1);
    CHECK(r.err.find("preplab-cli: error: ") == 0);
    CHECK(r.err.find("unknown_op.preplab.json: step 2: unknown op \"frobnicate\"") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("CLI apply: a bad field names step, field and the allowed values", "[cli][recipe]")
{
    const fs::path out = fs::temp_directory_path() / "preplab_apply_bad.csv";
    fs::remove(out);
    Run r = runApply("bad_strategy.preplab.json", out.string());
    CHECK(r.exit == 1);
    CHECK(r.err.find("bad_strategy.preplab.json: step 2 (text_clean): field \"case\": expected one of none, lower, "
                     "upper, got \"title\"") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("CLI apply: runs the recipe and reports each step", "[cli][recipe]")
{
    const fs::path out = fs::temp_directory_path() / "preplab_apply_ok.csv";
    Run r = runApply("filter_split.preplab.json", out.string(), "--report");
    REQUIRE(r.exit == 0);
    CHECK(r.err.find("step 1 (drop_missing): dropped 11 of 344 rows") != std::string::npos);
    CHECK(r.err.find("step 2 (filter): kept 99 of 333 rows") != std::string::npos);
    CHECK(r.err.find("step 3 (split): split 99 rows into 74 training and 25 test rows") != std::string::npos);
    std::string csv = slurp(out);
    CHECK(csv.rfind("species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year,split\n", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 100);
    fs::remove(out);
}
