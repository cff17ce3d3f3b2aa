// Python export: golden checks of the generated code, and end to end: the exported script, run
// with Debian's pandas / scikit-learn (/usr/bin/python3), writes the same table as the recipe
// engine on real datasets (penguins, an Adult sample, airquality, Seattle weather).
#include "core/export/formula_to_python.h"
#include "core/export/python_exporter.h"
#include "core/io/reader.h"
#include "core/io/writer.h"
#include "core/ops/registry.h"
#include "core/pipeline/pipeline.h"

#include "tests/core/cli_runner.h"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <sys/wait.h>

#include <cmath>
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
const std::string kDatasets = std::string(PREPLAB_SHARED_DIR) + "/datasets/";


pipeline::Recipe loadRecipe(const std::string& name)
{
    auto recipe = pipeline::Recipe::load(kData + name);
    INFO(name << ": " << (recipe ? std::string() : recipe.error().message));
    REQUIRE(recipe);
    return *recipe;
}

// The recipe as data, without the registry's validation: the exporter needs only the JSON, and
// the fitted ops may not be registered in every build.
pipeline::Recipe rawRecipe(const std::string& name)
{
    auto doc = nlohmann::json::parse(readFile(kData + name));
    pipeline::Recipe recipe;
    recipe.target = doc.value("target", std::string());
    for (const auto& s : doc["steps"])
        recipe.steps.push_back(pipeline::RecipeStep{s});
    return recipe;
}

// Ops of the recipe that this build does not know yet (the recipe is skipped until they land).
std::string unknownOps(const std::string& path)
{
    std::string out;
    auto doc = nlohmann::json::parse(readFile(path));
    for (const auto& s : doc["steps"])
        if (!ops::findOp(s["op"].get<std::string>()))
            out += " " + s["op"].get<std::string>();
    return out;
}

bool parseNumber(const std::string& text, double& value)
{
    if (text.empty())
        return false;
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

// Compares two CSV files cell by cell: same header, same rows; numbers within `rel` relative
// (or `absolute` near zero), other cells as text.
void compareCsv(const fs::path& expectedPath, const fs::path& actualPath, double rel, double absolute, const std::string& what)
{
    auto expected = io::readTable(expectedPath.string());
    auto actual = io::readTable(actualPath.string());
    REQUIRE(expected);
    REQUIRE(actual);
    const Table& e = expected->table;
    const Table& a = actual->table;
    INFO(what);
    REQUIRE(a.names() == e.names());
    REQUIRE(a.rowCount() == e.rowCount());
    std::size_t mismatches = 0;
    for (std::size_t c = 0; c < e.columnCount(); ++c) {
        for (std::size_t r = 0; r < e.rowCount(); ++r) {
            const std::string x = e.column(c).format(r), y = a.column(c).format(r);
            double dx = 0, dy = 0;
            bool same = x == y;
            if (!same && parseNumber(x, dx) && parseNumber(y, dy))
                same = std::fabs(dx - dy) <= rel * std::max(std::fabs(dx), std::fabs(dy)) || std::fabs(dx - dy) <= absolute;
            if (!same && mismatches++ < 5)
                FAIL_CHECK("column " << e.name(c) << ", row " << r << ": apply gives \"" << x << "\", the script \"" << y << "\"");
        }
    }
    CHECK(mismatches == 0);
}

// Runs the recipe in process (what `preplab-cli apply` does) and the exported script, and
// compares their CSV outputs. Power transforms (an optimised lambda) get rel = 1e-6, which also
// serves as the absolute tolerance for their standardised values near zero.
void checkEndToEnd(const std::string& recipeName, const std::string& dataPath, double rel = 1e-9)
{
    const std::string unknown = unknownOps(kData + recipeName);
    if (!unknown.empty()) {
        WARN(recipeName << " skipped: ops not in this build yet:" << unknown);
        return;
    }
    TempDir dir;
    auto recipe = loadRecipe(recipeName);
    auto input = io::readTable(dataPath);
    REQUIRE(input);
    pipeline::Pipeline pipe(input->table);
    auto ran = pipe.run(recipe);
    INFO(recipeName << ": " << (ran ? std::string() : ran.error().message));
    REQUIRE(ran);
    REQUIRE(io::writeTable(pipe.output(), (dir.path / "apply.csv").string()));

    auto script = exporting::exportPython(recipe, recipeName);
    REQUIRE(script);
    std::ofstream(dir.path / "recipe.py", std::ios::binary) << *script;
    const std::string command = "/usr/bin/python3 '" + (dir.path / "recipe.py").string() + "' '" + dataPath + "' '" +
                                (dir.path / "script.csv").string() + "' 2>'" + (dir.path / "stderr").string() + "'";
    const int status = std::system(command.c_str());
    INFO("python stderr: " << readFile(dir.path / "stderr"));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    compareCsv(dir.path / "apply.csv", dir.path / "script.csv", rel, rel > 1e-9 ? rel : 1e-12, recipeName);
}

} // namespace

TEST_CASE("Python export: formulas become helper calls with PrepLab's semantics", "[export]")
{
    CHECK(exporting::formulaToPython("a + 1").value() == "_add(_col(df, \"a\"), 1.0)");
    CHECK(exporting::formulaToPython("`Solar.R` >= 2 and not b").value() ==
          "_and(_cmp(_col(df, \"Solar.R\"), \">=\", 2.0), _not(_col(df, \"b\")))");
    CHECK(exporting::formulaToPython("if(x > 1, \"hi\\\"\", \"lo\")").value() ==
          "_fn_if(_cmp(_col(df, \"x\"), \">\", 1.0), \"hi\\\"\", \"lo\")");
    CHECK(exporting::formulaToPython("1 < x < 3").value() ==
          "_and(_cmp(1.0, \"<\", _col(df, \"x\")), _cmp(_col(df, \"x\"), \"<\", 3.0))");
    CHECK(exporting::formulaToPython("-x ** 2").value() == "(-_pow(_col(df, \"x\"), 2.0))");
    CHECK(exporting::formulaIsBoolean("isna(x) or x > 2"));
    CHECK_FALSE(exporting::formulaIsBoolean("if(x > 2, 1, 0)"));
    CHECK_FALSE(exporting::formulaToPython("a +"));
}

TEST_CASE("Python export: golden script for a fitted penguins recipe", "[export]")
{
    auto script = exporting::exportPython(rawRecipe("penguins_fitted.preplab.json"), "penguins_fitted.preplab.json");
    REQUIRE(script);
    const std::string golden = readFile(kData + "penguins_fitted.py");
    if (const char* update = std::getenv("PREPLAB_UPDATE_GOLDEN"); update && *update)
        std::ofstream(kData + "penguins_fitted.py", std::ios::binary) << *script;
    CHECK(*script == golden);
}

TEST_CASE("Python export: each step is a commented block with the sklearn class it uses", "[export]")
{
    auto script = exporting::exportPython(rawRecipe("penguins_fitted.preplab.json")).value();
    CHECK(script.find("    # Step 1 (split): split the rows into training and test rows (test_size 0.25, seed 7)") != std::string::npos);
    CHECK(script.find("train = split_train_mask(df, test_size=0.25, stratify=") != std::string::npos);
    CHECK(script.find("    # Step 2 (impute): fill the missing values of bill_length_mm, bill_depth_mm with the median (SimpleImputer).") != std::string::npos);
    CHECK(script.find("StandardScaler(with_mean=True, with_std=True)") != std::string::npos);
    CHECK(script.find("OneHotEncoder(drop=\"if_binary\"") != std::string::npos);
    CHECK(script.find("PolynomialFeatures(degree=2") != std::string::npos);
    CHECK(script.find("keep_default_na=False, na_values=NA_VALUES") != std::string::npos);

    auto transforms = exporting::exportPython(rawRecipe("penguins_transforms.preplab.json")).value();
    CHECK(transforms.find("PowerTransformer(method=\"box-cox\", standardize=True)") != std::string::npos);
    CHECK(transforms.find("fit = fit_mask(df, fit_on_all=True)") != std::string::npos);
    CHECK(transforms.find("QuantileTransformer(n_quantiles=100, output_distribution=\"normal\", subsample=10**9)") != std::string::npos);
    CHECK(transforms.find("KBinsDiscretizer(n_bins=4, encode=\"ordinal\", strategy=\"quantile\")") != std::string::npos);

    auto clean = exporting::exportPython(loadRecipe("penguins_clean.preplab.json")).value();
    CHECK(clean.find("# Step 12 (drop_columns) is disabled in the recipe.") != std::string::npos);
    CHECK(clean.find("pd.cut(df[\"flipper_length_mm\"], bins=[170, 190, 210, 240], labels=[\"(170, 190]\", \"(190, 210]\", \"(210, 240]\"]") != std::string::npos);
}

TEST_CASE("Python export: an empty recipe copies the table; resample helpers only when resampling", "[export]")
{
    pipeline::Recipe empty;
    auto script = exporting::exportPython(empty);
    REQUIRE(script);
    CHECK(script->find("def run(df):\n    return df") != std::string::npos);
    CHECK(script->find("def resample(") == std::string::npos);

    auto smote = pipeline::Recipe::parse(R"({"format": "preplab-recipe", "version": 1, "target": "species",
        "steps": [{"op": "split"}, {"op": "resample", "method": "smote", "sampling_strategy": 0.5}]})");
    REQUIRE(smote);
    auto exported = exporting::exportPython(*smote);
    REQUIRE(exported);
    CHECK(exported->find("def resample(") != std::string::npos);
    CHECK(exported->find("imbalanced-learn's SMOTE(sampling_strategy=0.5, random_state=0, k_neighbors=5)") != std::string::npos);
    CHECK(exported->find("df = resample(df, fit_mask(df), \"smote\", ratio=0.5, k_neighbors=5, seed=0, target=TARGET)") !=
          std::string::npos);
}

TEST_CASE("Python export: the script gives apply's output on penguins (cleaning ops)", "[export][python]")
{
    checkEndToEnd("penguins_clean.preplab.json", kDatasets + "penguins.csv");
}

TEST_CASE("Python export: the script gives apply's output on airquality (formulas, sample, split)", "[export][python]")
{
    checkEndToEnd("airquality_rows.preplab.json", kDatasets + "airquality.csv");
}

TEST_CASE("Python export: the script gives apply's output on an Adult sample (stratified sample and split)", "[export][python]")
{
    checkEndToEnd("adult_clean.preplab.json", kData + "adult_sample.csv");
}

TEST_CASE("Python export: the script gives apply's output on Seattle weather (date parts)", "[export][python]")
{
    checkEndToEnd("seattle_dates.preplab.json", kDatasets + "seattle_weather.csv");
}

TEST_CASE("Python export: fitted ops match scikit-learn on penguins, airquality and Adult", "[export][python]")
{
    checkEndToEnd("penguins_fitted.preplab.json", kDatasets + "penguins.csv");
    checkEndToEnd("penguins_transforms.preplab.json", kDatasets + "penguins.csv", 1e-6);
    checkEndToEnd("airquality_fitted.preplab.json", kDatasets + "airquality.csv");
    checkEndToEnd("adult_fitted.preplab.json", kData + "adult_sample.csv");
}

TEST_CASE("Python export: resample draws imbalanced-learn's rows as apply does", "[export][python][resample]")
{
    checkEndToEnd("breast_cancer_smote.preplab.json", kDatasets + "breast_cancer_wisconsin.csv");
    checkEndToEnd("wine_smote.preplab.json", kDatasets + "wine.csv");
    checkEndToEnd("penguins_resample.preplab.json", kDatasets + "penguins.csv");
    checkEndToEnd("german_credit_under.preplab.json", kDatasets + "german_credit.csv");
}

TEST_CASE("Python export: stratified samples are pandas' groupby.sample and sklearn's train_test_split", "[export][python][sample]")
{
    checkEndToEnd("penguins_sample_by_sex.preplab.json", kDatasets + "penguins.csv");
    checkEndToEnd("german_credit_sample_n.preplab.json", kDatasets + "german_credit.csv");
}
