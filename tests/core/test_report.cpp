// HTML report: every step's sentence and figures, valid self-contained HTML (no external
// references, no scripts), bias figures with a target, atomic writing; the CLI commands
// `report` and `export-python` end to end.
#include "core/export/html_report.h"
#include "core/export/svg_chart.h"
#include "core/io/reader.h"

#include "tests/core/cli_runner.h"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace preplab;

using preplab::test::readFile;
using preplab::test::TempDir;

namespace {

const std::string kData = std::string(PREPLAB_TEST_DATA_DIR) + "/export/";
const std::string kPenguins = std::string(PREPLAB_SHARED_DIR) + "/datasets/penguins.csv";


std::size_t count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size()))
        ++n;
    return n;
}

// Self-contained, well-formed enough to render: one document, balanced elements, nothing fetched.
void checkSelfContained(const std::string& html)
{
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.size() > 20);
    CHECK(html.substr(html.size() - 8) == "</html>\n");
    for (const char* banned : {"http:", "https:", "<script", "src=", "url(", "@import", "<link", "<iframe"})
        CHECK(html.find(banned) == std::string::npos);
    for (const char* tag : {"svg", "section", "table", "p", "tr", "h2", "h3", "figure", "details", "pre", "ul", "li"})
        CHECK(count(html, std::string("<") + tag + ">") + count(html, std::string("<") + tag + " ") ==
              count(html, std::string("</") + tag + ">"));
}

Table penguins()
{
    auto read = io::readTable(kPenguins);
    REQUIRE(read);
    return read->table;
}

} // namespace

TEST_CASE("Report: every step's sentence, before/after figures and bias charts on penguins", "[report]")
{
    auto recipe = pipeline::Recipe::load(kData + "penguins_clean.preplab.json");
    REQUIRE(recipe);
    const Table table = penguins();
    exporting::HtmlReportOptions options;
    options.dataName = "penguins.csv";
    options.recipeName = "penguins_clean.preplab.json";
    auto html = exporting::renderHtmlReport(table, *recipe, options);
    REQUIRE(html);
    checkSelfContained(*html);

    pipeline::Pipeline pipe(table);
    REQUIRE(pipe.run(*recipe));
    for (std::size_t i = 0; i < pipe.completedSteps(); ++i) {
        const auto& r = pipe.step(i).report;
        INFO("step " << i + 1 << ": " << r.description);
        CHECK(html->find("Step " + std::to_string(i + 1) + " · " + r.op) != std::string::npos);
        if (r.ran)
            CHECK(html->find(exporting::htmlEscape(r.description)) != std::string::npos);
    }
    CHECK(html->find("Disabled: this step did not run.") != std::string::npos);
    // Profile: one row per column, with its histogram; bias: class balance and rates by island and sex.
    CHECK(html->find("<b>bill_length_mm</b>") != std::string::npos);
    CHECK(html->find("Class balance of species") != std::string::npos);
    CHECK(html->find("by island</h3>") != std::string::npos);
    CHECK(html->find("by sex</h3>") != std::string::npos);
    // The text_clean step changes sex: a statistics row; the formula steps add columns.
    CHECK(html->find("<b>ratio</b>") != std::string::npos);
    CHECK(count(*html, "<svg") >= 8);
}

TEST_CASE("Report: a recipe without target has no bias section; an empty recipe says so", "[report]")
{
    auto read = io::readTable(std::string(PREPLAB_SHARED_DIR) + "/datasets/airquality.csv");
    REQUIRE(read);
    auto recipe = pipeline::Recipe::parse(R"({"format": "preplab-recipe", "version": 1,
        "steps": [{"op": "formula", "name": "Wind", "expr": "Wind * 2"}, {"op": "drop_missing"}]})");
    REQUIRE(recipe);
    auto html = exporting::renderHtmlReport(read->table, *recipe);
    REQUIRE(html);
    checkSelfContained(*html);
    CHECK(html->find("Bias and balance") == std::string::npos);
    // A before/after histogram of the changed numeric column.
    CHECK(html->find("Wind: before (grey) and after (blue)") != std::string::npos);

    auto none = exporting::renderHtmlReport(read->table, pipeline::Recipe{});
    REQUIRE(none);
    checkSelfContained(*none);
    CHECK(none->find("The recipe has no steps.") != std::string::npos);
}

TEST_CASE("Report: one-row and all-missing tables render", "[report]")
{
    auto one = io::readCsvBuffer("a,b,c\n1,,x\n", "one.csv", {});
    REQUIRE(one);
    auto recipe = pipeline::Recipe::parse(R"({"format": "preplab-recipe", "version": 1, "target": "c",
        "steps": [{"op": "formula", "name": "d", "expr": "a * 2"}, {"op": "drop_missing", "axis": "columns"}]})");
    REQUIRE(recipe);
    auto html = exporting::renderHtmlReport(one->table, *recipe);
    REQUIRE(html);
    checkSelfContained(*html);
    CHECK(html->find("Class balance of c") != std::string::npos);
    CHECK(exporting::svgHistogram({}, {}).find("no values") != std::string::npos);
    CHECK(exporting::svgHistogram({3, 3, 3}, {}).find("<rect") != std::string::npos);
}

TEST_CASE("Report: a failing recipe leaves no file and keeps an existing one", "[report]")
{
    TempDir dir;
    const fs::path out = dir.path / "report.html";
    auto bad = pipeline::Recipe::parse(R"({"format": "preplab-recipe", "version": 1,
        "steps": [{"op": "drop_columns", "columns": ["no_such_column"]}]})");
    REQUIRE(bad);
    auto r = exporting::writeHtmlReport(penguins(), *bad, out.string());
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("step 1") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    CHECK(fs::is_empty(dir.path));

    std::ofstream(out) << "old";
    REQUIRE_FALSE(exporting::writeHtmlReport(penguins(), *bad, out.string()));
    CHECK(readFile(out) == "old");
    REQUIRE(exporting::writeHtmlReport(penguins(), pipeline::Recipe{}, out.string()));
    CHECK(readFile(out).rfind("<!DOCTYPE html>", 0) == 0);
}

TEST_CASE("Report and export-python from the command line", "[report][cli]")
{
    TempDir dir;
    const std::string cli = PREPLAB_CLI_PATH;
    const std::string recipe = kData + "penguins_clean.preplab.json";
    const auto run = [&](const std::string& args) {
        const int status = std::system((cli + " " + args + " >'" + (dir.path / "stdout").string() + "' 2>'" +
                                        (dir.path / "stderr").string() + "'").c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    const fs::path html = dir.path / "r.html";
    CHECK(run("report '" + recipe + "' '" + kPenguins + "' -o '" + html.string() + "'") == 0);
    checkSelfContained(readFile(html));
    CHECK(run("report '" + recipe + "' '" + kPenguins + "'") == 2);
    CHECK(readFile(dir.path / "stderr").find("-o OUT.html is required") != std::string::npos);
    CHECK(run("report '" + kData + "missing.json' '" + kPenguins + "' -o '" + (dir.path / "x.html").string() + "'") == 1);
    CHECK_FALSE(fs::exists(dir.path / "x.html"));

    CHECK(run("export-python '" + recipe + "'") == 0);
    const std::string printed = readFile(dir.path / "stdout");
    CHECK(printed.rfind("#!/usr/bin/env python3", 0) == 0);
    CHECK(run("export-python '" + recipe + "' -o '" + (dir.path / "r.py").string() + "'") == 0);
    CHECK(readFile(dir.path / "r.py") == printed);
    CHECK(run("export-python") == 2);
}
