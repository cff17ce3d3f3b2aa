// Profile figures against pandas on every shared dataset: each CSV in shared/datasets is read with
// io::readTable and profiled; the figures must equal those in tests/data/profile/<dataset>.json,
// written by
// tests/tools/gen_profile_reference.py (pandas 1.5.3 / numpy 1.24.2), within 1e-9 relative:
// describe() (count, mean, std, min, quartiles, max), skew(), nunique(), zeros, top
// values, numpy histograms, duplicated().sum() and DataFrame.corr(). The same data in the other
// formats (shared/datasets/formats: TSV, JSON, JSON Lines, ARFF, SQLite) must give the same profile.
#include "core/io/reader.h"
#include "core/io/type_inference.h"
#include "core/profile/profile.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

using namespace preplab;

namespace {

namespace fs = std::filesystem;

// Equal within 1e-9 relative; values near zero (a skewness of 1e-17 is rounding noise in both
// tools) within 1e-12 absolute. JSON null stands for NaN / undefined.
bool near(const std::optional<double>& mine, const nlohmann::json& ref)
{
    if (ref.is_null())
        return !mine || std::isnan(*mine);
    if (!mine)
        return false;
    const double r = ref.get<double>();
    return std::abs(*mine - r) <= 1e-9 * std::abs(r) || std::abs(*mine - r) <= 1e-12;
}

bool kindMatches(const std::string& kind, ColumnType type)
{
    if (kind == "number")
        return isNumericType(type);
    if (kind == "boolean")
        return type == ColumnType::Boolean;
    if (kind == "datetime")
        return type == ColumnType::Datetime;
    return type == ColumnType::Categorical || type == ColumnType::Text;
}

// A top value's text back as the number pandas counted.
double topValueNumber(const profile::ColumnProfile& p, const std::string& text)
{
    if (p.type == ColumnType::Boolean)
        return text == "true" ? 1.0 : 0.0;
    if (p.type == ColumnType::Datetime) {
        std::int64_t ms = 0;
        bool hasTime = false;
        return io::parseDatetime(text, ms, hasTime) ? static_cast<double>(ms) : std::nan("");
    }
    double v = std::nan("");
    io::parseDouble(text, v);
    return v;
}

void compareColumn(const profile::ColumnProfile& p, const nlohmann::json& ref)
{
    const std::string kind = ref["kind"];
    INFO("column " << p.name << " (" << columnTypeName(p.type) << ", pandas kind " << kind << ")");
    REQUIRE(kindMatches(kind, p.type));
    CHECK(p.count == ref["count"].get<std::int64_t>());
    CHECK(p.missing == ref["missing"].get<std::int64_t>());
    CHECK(p.distinct == ref["nunique"].get<std::int64_t>());
    const auto& top = ref["top"];
    REQUIRE(p.top.size() == top.size());
    for (std::size_t i = 0; i < top.size(); ++i) {
        INFO("top value " << i << ": " << p.top[i].value << " vs " << top[i]["value"].dump());
        CHECK(p.top[i].count == top[i]["count"].get<std::int64_t>());
        if (kind == "string")
            CHECK(p.top[i].value == top[i]["value"].get<std::string>());
        else
            CHECK(near(topValueNumber(p, p.top[i].value), top[i]["value"]));
    }
    if (kind == "string")
        return;
    CHECK(near(p.mean, ref["mean"]));
    CHECK(near(p.std, ref["std"]));
    CHECK(near(p.min, ref["min"]));
    CHECK(near(p.q25, ref["q25"]));
    CHECK(near(p.median, ref["median"]));
    CHECK(near(p.q75, ref["q75"]));
    CHECK(near(p.max, ref["max"]));
    INFO("skewness " << p.skewness.value_or(std::nan("")) << " vs " << ref["skew"].dump());
    CHECK(near(p.skewness, ref["skew"]));
    if (kind != "datetime")
        CHECK(p.zeros.value_or(-1) == ref["zeros"].get<std::int64_t>());
    if (ref.contains("histogram")) {
        const auto& h = ref["histogram"];
        REQUIRE(p.histogram.counts.size() == h["counts"].size());
        for (std::size_t i = 0; i < p.histogram.counts.size(); ++i)
            CHECK(p.histogram.counts[i] == h["counts"][i].get<std::int64_t>());
        for (std::size_t i = 0; i < p.histogram.edges.size(); ++i)
            CHECK(near(p.histogram.edges[i], h["edges"][i]));
    }
}

} // namespace

static std::vector<std::string> referenceFiles()
{
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(fs::path(PREPLAB_TEST_DATA_DIR) / "profile"))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

TEST_CASE("Profile: a pandas reference exists for every shared dataset", "[profile][reference]")
{
    const auto files = referenceFiles();
    int csvs = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(PREPLAB_SHARED_DIR) / "datasets")) {
        if (entry.path().extension() != ".csv")
            continue;
        ++csvs;
        const std::string json = (fs::path(PREPLAB_TEST_DATA_DIR) / "profile" / entry.path().stem()).string() + ".json";
        INFO(entry.path().string() << ": run tests/tools/gen_profile_reference.py");
        CHECK(std::find(files.begin(), files.end(), json) != files.end());
    }
    CHECK(csvs >= 16);
}

// Reads `spec`, profiles it and compares everything with the pandas reference `ref`.
static void checkAgainstReference(const std::string& spec, const nlohmann::json& ref)
{
    INFO(spec);
    auto read = io::readTable(spec);
    INFO((read.ok() ? std::string("read") : read.error().describe()));
    REQUIRE(read.ok());
    auto profiled = profile::profileTable(read->table);
    REQUIRE(profiled.ok());
    const profile::TableProfile& p = *profiled;
    CHECK(p.rows == ref["rows"].get<std::int64_t>());
    CHECK(p.duplicateRows == ref["duplicate_rows"].get<std::int64_t>());
    REQUIRE(p.columns.size() == ref["columns"].size());
    for (std::size_t c = 0; c < p.columns.size(); ++c) {
        REQUIRE(p.columns[c].name == ref["columns"][c]["name"].get<std::string>());
        compareColumn(p.columns[c], ref["columns"][c]);
    }
    const std::size_t k = p.correlationColumns.size();
    auto indexOf = [&](const std::string& name) {
        return static_cast<std::size_t>(std::find(p.correlationColumns.begin(), p.correlationColumns.end(), name) -
                                         p.correlationColumns.begin());
    };
    std::size_t pairs = 0;
    for (const auto& pair : ref["correlations"]) {
        const std::size_t a = indexOf(pair["a"]), b = indexOf(pair["b"]);
        INFO("pearson " << pair["a"] << " ~ " << pair["b"]);
        REQUIRE(a < k);
        REQUIRE(b < k);
        CHECK(near(p.correlationMatrix[a * k + b], pair["r"]));
        ++pairs;
    }
    CHECK(pairs == k * (k - 1) / 2);
}

static nlohmann::json loadReference(const std::string& path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

TEST_CASE("Profile: every shared dataset matches pandas describe()", "[profile][reference]")
{
    const std::string referencePath = GENERATE(from_range(referenceFiles()));
    const nlohmann::json ref = loadReference(referencePath);
    checkAgainstReference((fs::path(PREPLAB_SHARED_DIR) / "datasets" / ref["file"].get<std::string>()).string(), ref);
}

TEST_CASE("Profile: the same data in TSV, JSON, JSON Lines, ARFF and SQLite profiles the same", "[profile][reference]")
{
    const fs::path formats = fs::path(PREPLAB_SHARED_DIR) / "datasets" / "formats";
    const fs::path refs = fs::path(PREPLAB_TEST_DATA_DIR) / "profile";
    const auto [file, reference] = GENERATE(table<std::string, std::string>({
        {"penguins.tsv", "penguins.json"},
        {"penguins_records.json", "penguins.json"},
        {"penguins.ndjson", "penguins.json"},
        {"penguins.arff", "penguins.json"},
        {"penguins.sqlite:penguins", "penguins.json"},
        {"iris.arff", "iris.json"},
        {"penguins.sqlite:iris", "iris.json"},
    }));
    checkAgainstReference((formats / file).string(), loadReference((refs / reference).string()));
}
