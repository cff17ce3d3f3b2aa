// Shared setup of the `preplab-cli evaluate` end-to-end tests (test_model_cli_evaluate.cpp,
// test_model_cli_leakage.cpp): running evaluate on penguins.csv, writing an edited copy of
// penguins.csv, naming a file of tests/data, and reading a --predictions CSV back.
#pragma once

#include "tests/core/cli_runner.h"

#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace preplab::test {

// `preplab-cli evaluate <shared penguins.csv> <args>` (args shell-quoted where needed).
inline CliRun evaluatePenguins(const std::string& args)
{
    return runCli("evaluate " + sharedDataset("penguins.csv") + " " + args);
}

// A file under tests/data (PREPLAB_TEST_DATA_DIR), shell-quoted for runCli.
inline std::string testDataArg(const std::string& relative)
{
    return shellQuote(std::string(PREPLAB_TEST_DATA_DIR) + "/" + relative);
}

// Writes the shared penguins.csv to `path` with every line replaced by edit(index, line): index 0
// is the header, index i the data row i (1-based, as error messages count rows).
inline void writePenguinsCopy(const std::filesystem::path& path,
                              const std::function<std::string(std::size_t, const std::string&)>& edit)
{
    std::ifstream in(std::string(PREPLAB_SHARED_DIR) + "/datasets/penguins.csv");
    REQUIRE(in);
    std::ofstream out(path);
    std::string line;
    for (std::size_t i = 0; std::getline(in, line); ++i)
        out << edit(i, line) << "\n";
}

// One line of a --predictions CSV (pass,row,split,true,predicted,score); row -1 = a synthetic row.
struct PredictionRow {
    std::string pass, split, truth, predicted;
    long row = -1;
};

inline std::vector<PredictionRow> readPredictions(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    REQUIRE(line == "pass,row,split,true,predicted,score");
    std::vector<PredictionRow> out;
    while (std::getline(in, line)) {
        std::stringstream s(line);
        PredictionRow r;
        std::string row;
        std::getline(s, r.pass, ',');
        std::getline(s, row, ',');
        std::getline(s, r.split, ',');
        std::getline(s, r.truth, ',');
        std::getline(s, r.predicted, ',');
        r.row = row.empty() ? -1 : std::stol(row);
        out.push_back(r);
    }
    return out;
}

} // namespace preplab::test
