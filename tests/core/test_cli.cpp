// preplab-cli end to end: runs the built binary (PREPLAB_CLI_PATH) on the shared datasets and on
// small files in a temporary folder, and checks what the CLI contract promises: exit codes, the
// error and warning line format, output shapes, --na/--sep/stdin, and no partial output files.
#include "tests/core/cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace preplab::test;

namespace {

const std::string kDatasets = std::string(PREPLAB_SHARED_DIR) + "/datasets";

std::string dataset(const std::string& name)
{
    return shellQuote(kDatasets + "/" + name);
}

std::size_t lineCount(const std::string& text)
{
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Every stderr line is an error or warning line of the contract (or the "Try ..." hint).
bool allLinesFollowContract(const std::string& err)
{
    std::istringstream in(err);
    std::string line;
    const std::regex contract(R"(^(preplab-cli: (error|warning): .+|Try 'preplab-cli.*--help'\.)$)");
    while (std::getline(in, line))
        if (!std::regex_match(line, contract))
            return false;
    return true;
}

const nlohmann::json* findColumn(const nlohmann::json& profile, const std::string& name)
{
    for (const auto& c : profile.at("columns"))
        if (c.at("name") == name)
            return &c;
    return nullptr;
}

} // namespace

TEST_CASE("CLI: --version, --help and COMMAND --help exit 0 on stdout", "[cli]")
{
    auto version = runCli("--version");
    CHECK(version.exitCode == 0);
    CHECK(version.out == std::string("preplab-cli ") + PREPLAB_VERSION + "\n");

    auto help = runCli("--help");
    CHECK(help.exitCode == 0);
    CHECK(help.out.find("profile") != std::string::npos);
    CHECK(help.out.find("convert") != std::string::npos);
    CHECK(help.err.empty());

    for (const char* command : {"profile", "convert"}) {
        auto commandHelp = runCli(std::string(command) + " --help");
        INFO(command);
        CHECK(commandHelp.exitCode == 0);
        CHECK(commandHelp.out.rfind(std::string("usage: preplab-cli ") + command + " DATA", 0) == 0);
        CHECK(commandHelp.out.find("--na STR") != std::string::npos);
    }
}

TEST_CASE("CLI: bad usage exits 2 with a contract error line", "[cli]")
{
    const std::string penguins = dataset("penguins.csv");
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", ""},
        {"frobnicate " + penguins, "unknown command 'frobnicate'"},
        {"--frobnicate", "unknown option '--frobnicate'"},
        {"profile", "profile: expected 1 argument, got 0"},
        {"profile " + penguins + " " + penguins, "profile: expected 1 argument, got 2"},
        {"profile --bogus " + penguins, "profile: unknown option '--bogus'"},
        {"profile --json=yes " + penguins, "profile: option '--json' takes no value"},
        {"profile " + penguins + " --sep", "profile: option '--sep' needs a value"},
        {"profile --sep ab " + penguins, "--sep needs a single character"},
        {"convert " + penguins + " -o", "convert: option '-o' needs a value"},
        {"convert " + penguins + " -o a.csv -o b.csv", "convert: option '-o' given more than once"},
    };
    for (const auto& [args, message] : cases) {
        INFO("args: " << args);
        auto run = runCli(args);
        CHECK(run.exitCode == 2);
        CHECK(run.out.empty());
        if (!message.empty()) {
            CHECK(run.err.rfind("preplab-cli: error: ", 0) == 0);
            CHECK(run.err.find(message) != std::string::npos);
            CHECK(allLinesFollowContract(run.err));
        }
    }
}

TEST_CASE("CLI: a missing file exits 1 with an error naming it", "[cli]")
{
    for (const char* command : {"profile", "convert"}) {
        auto run = runCli(std::string(command) + " " + dataset("no-such-file.csv"));
        INFO(command << ": " << run.err);
        CHECK(run.exitCode == 1);
        CHECK(run.out.empty());
        CHECK(std::regex_search(run.err, std::regex("^preplab-cli: error: [^\n]*no-such-file\\.csv: [^\n]+\n$")));
    }
}

TEST_CASE("CLI: unreadable data exits 1 with FILE:LINE[:COL]", "[cli]")
{
    TempDir dir;
    const fs::path badJson = dir / "bad.json";
    writeFile(badJson, "[{\"a\": 1},\n {\"a\": ]\n");
    auto run = runCli("profile --json " + shellQuote(badJson.string()));
    INFO(run.err);
    CHECK(run.exitCode == 1);
    CHECK(run.out.empty());
    CHECK(std::regex_search(run.err, std::regex("^preplab-cli: error: [^\n]*bad\\.json:2(:[0-9]+)?: [^\n]+\n$")));

    const fs::path gzip = dir / "table.csv";
    writeFile(gzip, std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10) + std::string(200, '\0'));
    auto binary = runCli("convert " + shellQuote(gzip.string()));
    INFO(binary.err);
    CHECK(binary.exitCode == 1);
    CHECK(binary.out.empty());
    CHECK(std::regex_search(binary.err, std::regex("^preplab-cli: error: [^\n]*table\\.csv[:0-9]*: [^\n]+\n$")));
}

TEST_CASE("CLI: convert penguins.csv writes the canonical CSV, 345 lines", "[cli]")
{
    TempDir dir;
    const fs::path out = dir / "out.csv";
    auto run = runCli("convert " + dataset("penguins.csv") + " -o " + shellQuote(out.string()));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.empty());
    const std::string csv = readFile(out);
    CHECK(lineCount(csv) == 345);
    CHECK(csv.rfind("species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year\n", 0) == 0);
    CHECK(csv.find("NA") == std::string::npos);  // missing is an empty field
    CHECK(csv.find('\r') == std::string::npos);

    auto toStdout = runCli("convert " + dataset("penguins.csv"));
    CHECK(toStdout.exitCode == 0);
    CHECK(toStdout.out == csv);
    CHECK(std::vector<fs::path>(fs::directory_iterator(dir.path), {}).size() == 1);  // no temporary left
}

TEST_CASE("CLI: convert to .json writes an array of objects with null for missing", "[cli]")
{
    TempDir dir;
    const fs::path out = dir / "out.json";
    auto run = runCli("convert " + dataset("penguins.csv") + " --output " + shellQuote(out.string()));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    auto rows = nlohmann::json::parse(readFile(out));
    REQUIRE(rows.is_array());
    REQUIRE(rows.size() == 344);
    int nullSex = 0;
    for (const auto& row : rows)
        nullSex += row.at("sex").is_null() ? 1 : 0;
    CHECK(nullSex == 11);
    CHECK(rows[0].at("species") == "Adelie");
    CHECK(rows[0].at("bill_length_mm").get<double>() == 39.1);
}

TEST_CASE("CLI: profile --json is one document with the contract's fields", "[cli]")
{
    auto run = runCli("profile --json " + dataset("penguins.csv"));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    const auto profile = nlohmann::json::parse(run.out);
    CHECK(profile.at("rows") == 344);
    REQUIRE(profile.at("columns").size() == 8);
    CHECK(profile.at("duplicate_rows") == 0);
    CHECK(profile.at("warnings").is_array());
    CHECK(profile.at("alerts").is_array());
    const std::vector<std::string> types = {"integer", "numeric", "boolean", "datetime", "categorical", "text"};
    for (const auto& c : profile.at("columns")) {
        INFO(c.dump());
        for (const char* field : {"name", "type", "missing", "distinct"})
            CHECK(c.contains(field));
        CHECK(std::find(types.begin(), types.end(), c.at("type").get<std::string>()) != types.end());
    }
    // Golden values: tests/data/cli/penguins_reference.txt (tests/tools/cli_penguins_reference.py, pandas 1.5).
    const auto* bill = findColumn(profile, "bill_length_mm");
    REQUIRE(bill);
    CHECK(bill->at("type") == "numeric");
    CHECK(bill->at("missing") == 2);
    CHECK(bill->at("distinct") == 164);
    CHECK_THAT(bill->at("mean").get<double>(), Catch::Matchers::WithinRel(43.9219298245614, 1e-12));
    CHECK_THAT(bill->at("std").get<double>(), Catch::Matchers::WithinRel(5.4595837139265315, 1e-12));
    CHECK(bill->at("min") == 32.1);
    CHECK_THAT(bill->at("q25").get<double>(), Catch::Matchers::WithinRel(39.225, 1e-12));
    CHECK_THAT(bill->at("median").get<double>(), Catch::Matchers::WithinRel(44.45, 1e-12));
    CHECK_THAT(bill->at("q75").get<double>(), Catch::Matchers::WithinRel(48.5, 1e-12));
    CHECK(bill->at("max") == 59.6);
    for (const char* field : {"skewness", "zeros", "histogram", "top"})
        CHECK(bill->contains(field));
    const auto& histogram = bill->at("histogram");
    CHECK(histogram.at("edges").size() == histogram.at("counts").size() + 1);
    std::int64_t inBins = 0;
    for (const auto& n : histogram.at("counts"))
        inBins += n.get<std::int64_t>();
    CHECK(inBins == 342);
    const auto* sex = findColumn(profile, "sex");
    REQUIRE(sex);
    CHECK(sex->at("type") == "categorical");
    CHECK(sex->at("missing") == 11);
    CHECK(sex->at("distinct") == 2);
    REQUIRE(!sex->at("top").empty());
    CHECK(sex->at("top")[0].at("value") == "male");
    CHECK(sex->at("top")[0].at("count") == 168);
}

TEST_CASE("CLI: profile without --json prints text naming every column", "[cli]")
{
    auto run = runCli("profile " + dataset("penguins.csv"));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    for (const char* name : {"species", "island", "bill_length_mm", "body_mass_g", "sex", "year"})
        CHECK(run.out.find(name) != std::string::npos);
    CHECK(run.out.find("344") != std::string::npos);
}

TEST_CASE("CLI: --na replaces the set of missing markers", "[cli]")
{
    // With only "?" as a marker, penguins' NA is a value: sex gets an "NA" category.
    auto run = runCli("profile --json --na ? " + dataset("penguins.csv"));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    const auto profile = nlohmann::json::parse(run.out);
    const auto* sex = findColumn(profile, "sex");
    REQUIRE(sex);
    CHECK(sex->at("missing") == 0);
    CHECK(sex->at("distinct") == 3);

    TempDir dir;
    const fs::path file = dir / "sentinel.csv";
    writeFile(file, "a,b\n1,x\n-999,y\n3,-999\n4,NA\n");
    auto custom = runCli("profile --json --na -999 --na=x " + shellQuote(file.string()));
    INFO(custom.err);
    REQUIRE(custom.exitCode == 0);
    const auto p = nlohmann::json::parse(custom.out);
    CHECK(findColumn(p, "a")->at("missing") == 1);
    CHECK(findColumn(p, "a")->at("type") == "integer");
    CHECK(findColumn(p, "b")->at("missing") == 2);  // "-999" and "x"; "NA" is a value now
}

TEST_CASE("CLI: --sep sets the delimiter", "[cli]")
{
    TempDir dir;
    const fs::path file = dir / "colon.csv";
    writeFile(file, "a:b\n1:2\n3:4\n");
    auto sniffed = runCli("profile --json " + shellQuote(file.string()));
    REQUIRE(sniffed.exitCode == 0);
    CHECK(nlohmann::json::parse(sniffed.out).at("columns").size() == 1);
    auto withSep = runCli("profile --json --sep : " + shellQuote(file.string()));
    INFO(withSep.err);
    REQUIRE(withSep.exitCode == 0);
    const auto p = nlohmann::json::parse(withSep.out);
    CHECK(p.at("columns").size() == 2);
    CHECK(p.at("rows") == 2);

    auto tsv = runCli("convert --sep '\\t' " + dataset("formats/penguins.tsv"));
    INFO(tsv.err);
    CHECK(tsv.exitCode == 0);
    CHECK(tsv.out == runCli("convert " + dataset("penguins.csv")).out);
}

TEST_CASE("CLI: - reads standard input", "[cli]")
{
    const std::string penguins = kDatasets + "/penguins.csv";
    auto profile = runCli("profile --json -", penguins);
    INFO(profile.err);
    REQUIRE(profile.exitCode == 0);
    CHECK(nlohmann::json::parse(profile.out).at("rows") == 344);

    auto convert = runCli("convert -", penguins);
    CHECK(convert.exitCode == 0);
    CHECK(lineCount(convert.out) == 345);
}

TEST_CASE("CLI: a failed convert leaves no output file behind", "[cli]")
{
    TempDir dir;
    const fs::path out = dir / "out.csv";
    auto missing = runCli("convert " + dataset("no-such-file.csv") + " -o " + shellQuote(out.string()));
    CHECK(missing.exitCode == 1);
    CHECK_FALSE(fs::exists(out));

    // A previous file keeps its content when the new conversion fails.
    writeFile(out, "keep,me\n");
    const fs::path bad = dir / "bad.json";
    writeFile(bad, "[{\"a\": 1}, {\"a\": ");
    auto failed = runCli("convert " + shellQuote(bad.string()) + " -o " + shellQuote(out.string()));
    CHECK(failed.exitCode == 1);
    CHECK(readFile(out) == "keep,me\n");

    // Converting a file onto itself is refused as a usage mistake, and the input is untouched.
    const fs::path self = dir / "self.csv";
    writeFile(self, "a,b\n1,2\n");
    auto onto = runCli("convert " + shellQuote(self.string()) + " -o " + shellQuote(self.string()));
    CHECK(onto.exitCode == 2);
    CHECK(std::regex_search(onto.err, std::regex("^preplab-cli: error: [^\n]*self\\.csv: [^\n]*input")));
    CHECK(readFile(self) == "a,b\n1,2\n");

    // Only the files written above: no temporary file left behind.
    CHECK(std::vector<fs::path>(fs::directory_iterator(dir.path), {}).size() == 3);
}

TEST_CASE("CLI: a stdout that cannot be written is an error, exit 1", "[cli]")
{
    auto run = runCli("convert " + dataset("penguins.csv"), "/dev/null", "/dev/full");
    CHECK(run.exitCode == 1);
    CHECK(std::regex_search(run.err, std::regex("^preplab-cli: error: [^\n]*(standard output|stdout)")));
    auto profile = runCli("profile --json " + dataset("penguins.csv"), "/dev/null", "/dev/full");
    CHECK(profile.exitCode == 1);
}

TEST_CASE("CLI: degenerate tables profile and convert without crashing", "[cli]")
{
    TempDir dir;
    const std::vector<std::pair<std::string, std::string>> files = {
        {"header_only.csv", "a,b\n"},
        {"one_row.csv", "a,b\n1,x\n"},
        {"all_missing.csv", "a,b\nNA,1\n,2\nNA,3\n"},
        {"constant.csv", "a,b\n5,x\n5,x\n5,x\n"},
    };
    for (const auto& [name, content] : files) {
        INFO(name);
        writeFile(dir / name, content);
        auto run = runCli("profile --json " + shellQuote((dir / name).string()));
        INFO(run.err);
        REQUIRE(run.exitCode == 0);
        const auto p = nlohmann::json::parse(run.out);
        CHECK(p.at("rows") == lineCount(content) - 1);
        CHECK(p.at("columns").size() == 2);
        auto convert = runCli("convert " + shellQuote((dir / name).string()));
        CHECK(convert.exitCode == 0);
        CHECK(lineCount(convert.out) == lineCount(content));
    }
    const auto allMissing = nlohmann::json::parse(runCli("profile --json " + shellQuote((dir / "all_missing.csv").string())).out);
    CHECK(findColumn(allMissing, "a")->at("missing") == 3);
    CHECK(allMissing.at("duplicate_rows") == 0);
    const auto constant = nlohmann::json::parse(runCli("profile --json " + shellQuote((dir / "constant.csv").string())).out);
    CHECK(constant.at("duplicate_rows") == 2);

    // An empty file is either an empty table or a clear error, never a crash.
    writeFile(dir / "empty.csv", "");
    auto empty = runCli("profile --json " + shellQuote((dir / "empty.csv").string()));
    CHECK((empty.exitCode == 0 || empty.exitCode == 1));
    if (empty.exitCode == 1)
        CHECK(std::regex_search(empty.err, std::regex("^preplab-cli: error: [^\n]*empty\\.csv")));
    else
        CHECK(nlohmann::json::parse(empty.out).at("rows") == 0);
}

TEST_CASE("CLI: malformed rows become warnings naming FILE:LINE, in JSON and on stderr", "[cli]")
{
    TempDir dir;
    const fs::path file = dir / "ragged.csv";
    writeFile(file, "a,b\n1,2\n3\n4,5\n6,7,8\n");
    auto run = runCli("profile --json " + shellQuote(file.string()));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(std::regex_search(run.err, std::regex("preplab-cli: warning: [^\n]*ragged\\.csv:3: ")));
    CHECK(std::regex_search(run.err, std::regex("preplab-cli: warning: [^\n]*ragged\\.csv:5: ")));
    CHECK(allLinesFollowContract(run.err));
    const auto p = nlohmann::json::parse(run.out);
    std::vector<std::int64_t> lines;
    for (const auto& w : p.at("warnings"))
        lines.push_back(w.at("line").get<std::int64_t>());
    CHECK(lines == std::vector<std::int64_t>{3, 5});
}

TEST_CASE("CLI: profile --json of a Latin-1 file is valid UTF-8 JSON", "[cli]")
{
    TempDir dir;
    const fs::path file = dir / "latin1.csv";
    writeFile(file, "city,n\nZ\xfcrich,1\nM\xe1laga,2\nZ\xfcrich,3\n");
    auto run = runCli("profile --json " + shellQuote(file.string()));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    const auto p = nlohmann::json::parse(run.out);  // throws on invalid UTF-8
    const auto* city = findColumn(p, "city");
    REQUIRE(city);
    CHECK(city->at("top")[0].at("value") == "Z\u00fcrich");
    CHECK(city->at("top")[0].at("count") == 2);
    CHECK(allLinesFollowContract(run.err));
}
