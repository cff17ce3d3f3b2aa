// Reference data shared by the tests that compare PrepLab with scikit-learn, pandas and
// imbalanced-learn: JSON files under tests/data, and tables read once per test run (a data set
// serves many reference cases).
#pragma once

#include "core/io/reader.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <string>

namespace preplab::testdata {

// tests/data/<relative> parsed as JSON; REQUIREs the file.
inline nlohmann::json readJson(const std::string& relative)
{
    std::ifstream in(std::string(PREPLAB_TEST_DATA_DIR) + "/" + relative);
    INFO(relative);
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

// The table at `path`, read on first use and kept for the rest of the run; REQUIREs success.
inline const Table& cachedTable(const std::string& path)
{
    static std::map<std::string, Table> cache;
    if (auto it = cache.find(path); it != cache.end())
        return it->second;
    auto r = io::readTable(path);
    INFO(path);
    REQUIRE(r);
    return cache.emplace(path, std::move(r->table)).first->second;
}

// A file of ../shared/datasets ("adult.csv"), read once.
inline const Table& sharedDataset(const std::string& file)
{
    return cachedTable(std::string(PREPLAB_SHARED_DIR) + "/datasets/" + file);
}

} // namespace preplab::testdata
