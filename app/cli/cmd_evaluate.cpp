// `preplab-cli evaluate DATA --target COL --model M [--positive V] [--recipe R] [--test-size F]
// [--seed N] [--sensitive COL]... [--json] [--predictions FILE] [--leakage-predictions FILE]`:
// trains a quick model on the raw data ("without") and, with --recipe, on the data after the
// recipe ("with"), on the same split, and reports every metric side by side.
//
// The split: a `split` column in DATA (train/test) is honoured; otherwise a `split` step
// (test_size, seed, stratified for a class target) decides it over DATA's rows, and it is put in
// front of the recipe so that the recipe's fitted steps learn from the training rows only. When
// scikit-learn would refuse to stratify (a class with one row, fewer test or training rows than
// classes), that split is not stratified, as model::trainTestSplit does, and a warning says why
// (JSON: "split_note"); so does a recipe's own `split` step that could not stratify. A
// recipe with its own `split` step decides the split instead, for both passes; a `split` column
// in DATA tells the recipe's fitted steps which rows train. Rows a recipe adds (resampling) only
// ever train; rows it drops are missing from the "with" pass only.
//
// When the recipe has a fitted step, a third pass runs the same recipe with every fitted step
// forced to "fit_on": "all" (core/model/leakage_comparison.h) on the same split: the "leakage"
// section compares its metrics and its fitted parameters with the "with" pass.
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "app/cli/evaluate_leakage.h"
#include "app/cli/table_input.h"
#include "core/model/model_evaluation.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/recipe.h"
#include "core/stats/shuffle_split.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>

namespace preplab::cli {

namespace {

const std::set<std::string> kModels = {"logistic", "linear", "ridge", "knn", "tree", "forest", "majority"};

Error usage(const std::string& message)
{
    return makeError(ErrorCode::BadUsage, "evaluate: " + message);
}

// Whether the pass predicts classes: by the model, else by the target's type (as the feature
// matrix decides it).
bool classTarget(const Column& target, const std::string& modelName)
{
    if (modelName == "logistic" || modelName == "majority")
        return true;
    if (modelName == "linear" || modelName == "ridge")
        return false;
    if (target.type() == ColumnType::Numeric || target.type() == ColumnType::Datetime)
        return false;
    if (target.type() == ColumnType::Integer) {
        std::set<std::int64_t> distinct;
        for (std::size_t r = 0; r < target.size() && distinct.size() <= 10; ++r)
            if (target.isValid(r))
                distinct.insert(target.integer(r));
        return distinct.size() <= 10;
    }
    return true;
}

bool hasSplitStep(const pipeline::Recipe& recipe)
{
    for (const auto& s : recipe.steps)
        if (s.op() == "split" && s.enabled())
            return true;
    return false;
}

// Why the recipe's enabled `split` steps did not stratify as asked (their report warnings), or "".
std::string recipeSplitNote(const pipeline::Recipe& recipe, const pipeline::Pipeline& run)
{
    std::string note;
    for (std::size_t i = 0; i < recipe.steps.size() && i < run.completedSteps(); ++i)
        if (recipe.steps[i].op() == "split" && recipe.steps[i].enabled())
            for (const Diagnostic& d : run.step(i).report.warnings)
                note += (note.empty() ? "" : "; ") + ("step " + std::to_string(i + 1) + " (split): " + d.message);
    return note;
}

// with - without for every metric both passes define.
nlohmann::json deltas(const nlohmann::json& without, const nlohmann::json& with)
{
    nlohmann::json d = nlohmann::json::object();
    for (auto it = without.begin(); it != without.end(); ++it)
        if (it->is_number() && with.contains(it.key()) && with[it.key()].is_number())
            d[it.key()] = with[it.key()].get<double>() - it->get<double>();
    return d;
}

std::string humanNumber(const nlohmann::json& v)
{
    if (!v.is_number())
        return "n/a";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v.get<double>());
    return buf;
}

std::string humanReport(const nlohmann::json& doc)
{
    std::string out = "model " + doc["model"].get<std::string>() + ", target " + doc["target"].get<std::string>() +
                      ", split from " + doc["split_source"].get<std::string>() + "\n";
    const auto& passes = doc["passes"];
    out += "\n" + std::string(24, ' ');
    for (const auto& p : passes) {
        std::string h = p["pass"].get<std::string>() + " recipe";
        out += h + std::string(h.size() < 16 ? 16 - h.size() : 1, ' ');
    }
    out += "\n";
    auto line = [&](const std::string& label, const std::function<std::string(const nlohmann::json&)>& get) {
        std::string l = label + std::string(label.size() < 24 ? 24 - label.size() : 1, ' ');
        for (const auto& p : passes) {
            std::string v = get(p);
            l += v + std::string(v.size() < 16 ? 16 - v.size() : 1, ' ');
        }
        out += l + "\n";
    };
    line("rows (train / test)", [](const nlohmann::json& p) {
        return std::to_string(p["train_rows"].get<std::size_t>()) + " / " + std::to_string(p["test_rows"].get<std::size_t>());
    });
    line("features", [](const nlohmann::json& p) { return std::to_string(p["features"].size()); });
    for (auto it = passes[0]["test"].begin(); it != passes[0]["test"].end(); ++it) {
        if (it.key() == "undefined" || it.key() == "confusion_matrix")
            continue;
        const std::string key = it.key();
        line("test " + key, [&](const nlohmann::json& p) { return humanNumber(p["test"][key]); });
    }
    if (passes[0].contains("baseline_test_accuracy"))
        line("majority baseline", [](const nlohmann::json& p) { return humanNumber(p["baseline_test_accuracy"]); });
    for (const auto& p : passes) {
        for (const auto& g : p["groups"]) {
            out += "\n" + p["pass"].get<std::string>() + " recipe, test rows by " + g["column"].get<std::string>() + ":\n";
            for (const auto& r : g["groups"])
                out += "  " + r["group"].get<std::string>() + ": n " + std::to_string(r["n"].get<std::size_t>()) +
                       ", selection rate " + humanNumber(r["selection_rate"]) + ", TPR " + humanNumber(r["tpr"]) +
                       ", FPR " + humanNumber(r["fpr"]) + "\n";
            out += "  equalized odds difference " + humanNumber(g["equalized_odds_difference"]) + "\n";
        }
        for (const auto& n : p["notes"])
            out += "note (" + p["pass"].get<std::string>() + "): " + n.get<std::string>() + "\n";
    }
    if (doc.contains("leakage") && doc["leakage"].contains("metrics") && passes.size() == 2)
        out += leakageText(doc["leakage"], passes[1]);
    return out;
}

int runEvaluate(const std::vector<std::string>& args)
{
    const Command& command = evaluateCommand();
    const std::string hint = "preplab-cli evaluate --help";
    std::vector<OptionSpec> specs = readOptionSpecs();
    for (const char* name : {"--target", "--model", "--positive", "--recipe", "--test-size", "--seed", "--predictions",
                             "--leakage-predictions", "--k", "--max-depth", "--trees"})
        specs.push_back({name, "", true, false});
    specs.push_back({"--sensitive", "", true, true});
    specs.push_back({"--json", "", false, false});
    ParsedArgs parsed;
    if (auto stop = parseCommandArgs(command, args, specs, 1, parsed))
        return *stop;

    model::EvaluateOptions options;
    auto target = parsed.value("--target");
    auto modelName = parsed.value("--model");
    if (!target || !modelName)
        return reportError(usage(!target ? "--target COL is required" : "--model M is required"), hint);
    if (!kModels.count(*modelName))
        return reportError(usage("unknown model '" + *modelName +
                                 "' (expected logistic, linear, ridge, knn, tree, forest or majority)"),
                           hint);
    options.target = *target;
    options.model.name = *modelName;
    options.positive = parsed.value("--positive");
    options.sensitive = parsed.all("--sensitive");
    double testSize = 0.25;
    std::int64_t seed = 0;
    try {
        if (auto v = parsed.value("--test-size"))
            testSize = std::stod(*v);
        if (auto v = parsed.value("--seed"))
            seed = std::stoll(*v);
        if (auto v = parsed.value("--k"))
            options.model.k = std::stoi(*v);
        if (auto v = parsed.value("--max-depth"))
            options.model.maxDepth = std::stoi(*v);
        if (auto v = parsed.value("--trees"))
            options.model.trees = std::stoi(*v);
    } catch (const std::exception&) {
        return reportError(usage("--test-size, --seed, --k, --max-depth and --trees take numbers"), hint);
    }
    if (!(testSize > 0 && testSize < 1))
        return reportError(usage("--test-size must be a fraction between 0 and 1"), hint);
    if (seed < 0)
        return reportError(usage("--seed must be 0 or more"), hint);
    options.model.seed = static_cast<std::uint64_t>(seed);

    std::optional<pipeline::Recipe> recipe;
    const auto recipePath = parsed.value("--recipe");
    if (recipePath) {
        auto loaded = pipeline::Recipe::load(*recipePath);
        if (!loaded)
            return reportError(loaded.error());
        recipe = std::move(*loaded);
        if (!recipe->target.empty() && recipe->target != options.target)
            return reportError(usage("the recipe's target is '" + recipe->target + "' but --target is '" +
                                     options.target + "'"),
                               hint);
        recipe->target = options.target;
    }
    const std::string dataPath = parsed.positionals[0];
    auto input = readInputTable(parsed, dataPath);
    if (!input)
        return reportError(input.error(), hint);
    const Table& data = input->table;
    const Column* targetColumn = data.find(options.target);
    if (!targetColumn)
        return reportError(makeError(ErrorCode::BadUsage, "evaluate: target column '" + options.target +
                                                              "' is not in " + inputDisplayName(dataPath)),
                           hint);
    for (const auto& s : options.sensitive)
        if (!data.find(s))
            return reportError(usage("sensitive column '" + s + "' is not in " + inputDisplayName(dataPath)), hint);
    const bool classification = classTarget(*targetColumn, options.model.name);

    // The split over DATA's rows: stratified for a class target when scikit-learn can stratify it.
    std::string splitSource = "evaluate";
    std::string splitNote;  // why the split is not stratified as asked
    std::vector<char> isTest;
    const bool dataHasSplit = data.find("split") != nullptr;
    bool stratify = classification;
    const auto testRows = static_cast<std::size_t>(std::ceil(testSize * static_cast<double>(data.rowCount())));
    if (stratify && !dataHasSplit && testRows < data.rowCount()) {
        const std::vector<int> classOf = stats::sortedClassCodes(*targetColumn, nullptr, nullptr);
        if (auto refusal = stats::stratifyRefusal(classOf, testRows)) {
            stratify = false;
            splitNote = "not stratified by " + options.target + ": " + refusal->describe(*targetColumn);
        }
    }
    nlohmann::json splitStep = {{"op", "split"}, {"test_size", testSize}, {"seed", seed}, {"stratify", stratify}};
    if (dataHasSplit) {
        auto s = model::originalSplit(data, options.target, testSize, options.model.seed, classification);
        if (!s)
            return reportError(s.error());
        isTest = std::move(*s);
        splitSource = "data";
    } else {
        pipeline::Recipe only;
        only.target = options.target;
        only.steps.push_back({splitStep});
        pipeline::Pipeline run(data);
        if (auto ran = run.run(only); !ran)
            return reportError(ran.error());
        isTest.assign(data.rowCount(), 0);
        const auto& origin = run.outputOrigin();
        const auto& mask = run.outputTrainMask();
        for (std::size_t i = 0; i < origin.size(); ++i)
            if (origin[i] >= 0 && i < mask.size())
                isTest[static_cast<std::size_t>(origin[i])] = mask[i] ? 0 : 1;
    }

    std::optional<pipeline::Pipeline> withRun;
    std::size_t addedSteps = 0;  // the split step put in front of the recipe
    std::vector<std::uint8_t> sourceTrainMask;
    if (recipe) {
        if (!dataHasSplit && !hasSplitStep(*recipe)) {
            recipe->steps.insert(recipe->steps.begin(), pipeline::RecipeStep{splitStep});
            addedSteps = 1;
        } else if (hasSplitStep(*recipe)) {
            splitSource = "recipe";
        } else {
            sourceTrainMask = model::recipeTrainMask(data, isTest);
        }
        withRun.emplace(data);
        withRun->setSourceTrainMask(sourceTrainMask);
        if (auto ran = withRun->run(*recipe); !ran) {
            Error e = ran.error();
            if (e.file.empty())
                e.file = *recipePath;
            return reportError(e);
        }
        if (splitSource == "recipe") {
            splitNote = recipeSplitNote(*recipe, *withRun);
            const auto& origin = withRun->outputOrigin();
            const auto& mask = withRun->outputTrainMask();
            for (std::size_t i = 0; i < origin.size() && i < mask.size(); ++i)
                if (origin[i] >= 0)
                    isTest[static_cast<std::size_t>(origin[i])] = mask[i] ? 0 : 1;
        }
    }

    model::PassInput without;
    without.name = "without";
    without.table = &data;
    without.original = &data;
    without.originalIsTest = isTest;
    for (std::size_t r = 0; r < data.rowCount(); ++r)
        without.originalRow.push_back(r);
    std::vector<model::PassResult> passes;
    auto first = model::runPass(without, options);
    if (!first)
        return reportError(first.error());
    passes.push_back(std::move(*first));
    if (withRun) {
        auto second = model::runPass(passFromPipeline("with", *withRun, data, isTest), options);
        if (!second) {
            Error e = second.error();
            e.message = "after the recipe: " + e.message;
            return reportError(e);
        }
        passes.push_back(std::move(*second));
    }
    std::optional<LeakageRun> leakage;
    if (withRun)
        leakage = runLeakage(*recipe, addedSteps, sourceTrainMask, *withRun, passes.back(), data, isTest, options);

    nlohmann::json doc;
    doc["data"] = inputDisplayName(dataPath);
    doc["target"] = options.target;
    doc["model"] = options.model.name;
    doc["recipe"] = recipePath ? nlohmann::json(*recipePath) : nlohmann::json(nullptr);
    doc["test_size"] = testSize;
    doc["seed"] = seed;
    doc["split_source"] = splitSource;
    if (!splitNote.empty()) {
        doc["split_note"] = splitNote;
        reportWarnings({{Diagnostic::Severity::Warning, splitNote, -1, {}}},
                       splitSource == "recipe" ? *recipePath : inputDisplayName(dataPath));
    }
    doc["data_rows"] = data.rowCount();
    doc["test_rows_in_data"] = std::count(isTest.begin(), isTest.end(), 1);
    doc["passes"] = nlohmann::json::array();
    for (const auto& p : passes)
        doc["passes"].push_back(model::passToJson(p));
    if (passes.size() == 2)
        doc["delta_test"] = deltas(doc["passes"][0]["test"], doc["passes"][1]["test"]);
    if (leakage && leakage->fitted)
        doc["leakage"] = leakage->json;
    else if (leakage && leakage->error) {
        doc["leakage"] = {{"pass", model::kLeakyPassName}, {"error", *leakage->error}};
        reportWarnings({{Diagnostic::Severity::Warning, "the recipe fitted on all rows failed: " + *leakage->error, -1, {}}},
                       *recipePath);
    }

    std::vector<std::string> protectedPaths;
    if (dataPath != "-")
        protectedPaths.push_back(dataPath);
    if (recipePath)
        protectedPaths.push_back(*recipePath);
    if (auto file = parsed.value("--predictions"))
        if (auto ok = writePredictions(*file, protectedPaths, passes); !ok)
            return reportError(ok.error());
    if (auto file = parsed.value("--leakage-predictions")) {
        std::vector<model::PassResult> leaky;
        if (leakage && leakage->fitted)
            leaky.push_back(leakage->comparison.leaky);
        else
            reportWarnings({{Diagnostic::Severity::Warning,
                             "--leakage-predictions: no pass fitted on all rows (it needs --recipe with a fitted step)",
                             -1, {}}},
                           *file);
        if (auto ok = writePredictions(*file, protectedPaths, leaky); !ok)
            return reportError(ok.error());
    }

    const std::string text = parsed.has("--json") ? doc.dump(2) + "\n" : humanReport(doc);
    if (auto ok = writeStdout(text); !ok)
        return reportError(ok.error());
    return kExitOk;
}

} // namespace

const Command& evaluateCommand()
{
    static const Command command{
        "evaluate",
        "train a quick model without and with a recipe and compare the metrics",
        std::string(
            "usage: preplab-cli evaluate DATA --target COL --model M [--positive V] [--recipe R]\n"
            "                            [--test-size F] [--seed N] [--sensitive COL]... [--json]\n"
            "                            [--predictions FILE] [--leakage-predictions FILE]\n"
            "                            [--k N] [--max-depth N] [--trees N]\n"
            "\n"
            "Trains model M on DATA as it is (numbers as they are, booleans 0/1, categories one-hot,\n"
            "text and dates left out, rows with a missing value dropped) and, with --recipe, on the\n"
            "data after the recipe, on the same train/test split, and reports every metric of the\n"
            "test rows side by side.\n"
            "\n"
            "When the recipe has a fitted step (impute, clip_outliers, scale, transform, discretize,\n"
            "one_hot, ordinal, frequency, target_encode), a third pass runs it with every such step\n"
            "fitted on all rows (\"fit_on\": \"all\") on the same split: the leakage section shows its\n"
            "metrics, their change from the recipe fitted on the training rows, and what each step\n"
            "learned from the training rows against all rows (JSON: \"leakage\").\n"
            "\n"
            "  --target COL         the column to predict\n"
            "  --model M            logistic, linear, ridge, knn, tree, forest or majority\n"
            "  --positive V         the positive class of a binary target (default: the second sorted)\n"
            "  --recipe R           a PrepLab recipe to compare against the raw data\n"
            "  --test-size F        test fraction (0.25); a `split` column in DATA is used instead.\n"
            "                       The split is stratified by a class target when it can be;\n"
            "                       otherwise it is plain and a warning says why (JSON: split_note)\n"
            "  --seed N             seed of the split and of the random forest (0)\n"
            "  --sensitive COL      report selection rate, TPR and FPR per group of COL (repeatable)\n"
            "  --json               print one JSON document instead of the text report\n"
            "  --predictions FILE   write pass,row,split,true,predicted,score for every row (CSV)\n"
            "  --leakage-predictions FILE\n"
            "                       the same for the pass fitted on all rows (pass with_fit_on_all)\n"
            "  --k N, --max-depth N, --trees N   model settings (5, none, 100)\n") +
            readOptionsHelp(),
        runEvaluate,
    };
    return command;
}

} // namespace preplab::cli
