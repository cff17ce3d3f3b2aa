// Golden pipelines: recipes run on the shared datasets (seeded split and sample included),
// compared cell by cell with what pandas 1.5 and scikit-learn 1.2.1 give for the same steps
// (tests/tools/gen_golden_pipelines.py).
#include "core/io/reader.h"
#include "core/pipeline/pipeline.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace preplab;
using namespace preplab::pipeline;

namespace {

void compareTables(const Table& got, const Table& expected)
{
    REQUIRE(got.names() == expected.names());
    REQUIRE(got.rowCount() == expected.rowCount());
    for (std::size_t c = 0; c < got.columnCount(); ++c) {
        const Column& g = got.column(c);
        const Column& e = expected.column(c);
        const bool numbers = hasNumberValue(g.type()) && hasNumberValue(e.type());
        std::size_t mismatches = 0;
        for (std::size_t r = 0; r < got.rowCount(); ++r) {
            bool same;
            if (g.isMissing(r) || e.isMissing(r))
                same = g.isMissing(r) == e.isMissing(r);
            else if (numbers)
                same = std::abs(g.number(r) - e.number(r)) <= 1e-12 * std::max(1.0, std::abs(e.number(r)));
            else
                same = g.format(r) == e.format(r);
            if (!same && ++mismatches <= 3)
                FAIL_CHECK("column " << got.name(c) << " row " << r << ": got '" << g.format(r) << "', pandas '"
                                     << e.format(r) << "'");
        }
        CHECK(mismatches == 0);
    }
}

} // namespace

TEST_CASE("Golden pipelines: PrepLab equals pandas on real datasets", "[pipeline][golden]")
{
    namespace fs = std::filesystem;
    const fs::path root = fs::path(PREPLAB_TEST_DATA_DIR) / "golden";
    int pipelines = 0;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (!entry.is_directory())
            continue;
        SECTION(entry.path().filename().string())
        {
            std::ifstream in(entry.path() / "recipe.json");
            nlohmann::json doc = nlohmann::json::parse(in);
            const std::string dataset = doc.at("dataset").get<std::string>();
            doc.erase("dataset");
            if (doc["target"] == "")
                doc.erase("target");
            auto recipe = Recipe::fromJson(doc, "recipe.json");
            REQUIRE(recipe);
            auto data = io::readTable(std::string(PREPLAB_SHARED_DIR) + "/datasets/" + dataset);
            REQUIRE(data);
            auto expected = io::readTable((entry.path() / "expected.csv").string());
            REQUIRE(expected);
            Pipeline p(std::move(data->table));
            auto ran = p.run(*recipe);
            if (!ran)
                FAIL(ran.error().message);
            compareTables(p.output(), expected->table);
        }
        ++pipelines;
    }
    CHECK(pipelines == 8);
}
