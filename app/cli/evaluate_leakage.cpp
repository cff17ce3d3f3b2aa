#include "app/cli/evaluate_leakage.h"

#include "core/io/atomic_file.h"

#include <cstdio>

namespace preplab::cli {

namespace {

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The reports of the user's steps (the steps evaluate added in front are left out).
std::vector<ops::StepReport> reportsOf(const pipeline::Pipeline& run, std::size_t addedSteps)
{
    std::vector<ops::StepReport> out;
    for (std::size_t i = addedSteps; i < run.completedSteps(); ++i)
        out.push_back(run.step(i).report);
    return out;
}

std::string number(const nlohmann::json& v, bool sign = false)
{
    if (!v.is_number())
        return v.is_string() ? v.get<std::string>() : "n/a";
    char buf[48];
    std::snprintf(buf, sizeof buf, sign ? "%+.4f" : "%.4f", v.get<double>());
    return buf;
}

std::string padded(std::string s, std::size_t width)
{
    return s + std::string(s.size() < width ? width - s.size() : 1, ' ');
}

} // namespace

model::PassInput passFromPipeline(const char* name, const pipeline::Pipeline& run, const Table& original,
                                  const std::vector<char>& isTest)
{
    model::PassInput in;
    in.name = name;
    in.table = &run.output();
    in.original = &original;
    in.originalIsTest = isTest;
    for (std::int64_t o : run.outputOrigin())
        in.originalRow.push_back(o < 0 ? model::kSyntheticRow : static_cast<std::size_t>(o));
    return in;
}

LeakageRun runLeakage(const pipeline::Recipe& recipe, std::size_t addedSteps,
                      const std::vector<std::uint8_t>& sourceTrainMask, const pipeline::Pipeline& withRun,
                      const model::PassResult& withPass, const Table& data, const std::vector<char>& isTest,
                      const model::EvaluateOptions& options)
{
    LeakageRun out;
    std::vector<nlohmann::json> userSteps;
    for (std::size_t i = addedSteps; i < recipe.steps.size(); ++i)
        userSteps.push_back(recipe.steps[i].json);
    std::vector<std::size_t> fitted;
    const std::vector<nlohmann::json> leakySteps = model::fitStepsOnAllRows(userSteps, &fitted);
    if (fitted.empty())
        return out;
    pipeline::Recipe leaky = recipe;
    for (std::size_t i = 0; i < leakySteps.size(); ++i)
        leaky.steps[addedSteps + i].json = leakySteps[i];

    pipeline::Pipeline run(withRun.source());
    run.setSourceTrainMask(sourceTrainMask);
    if (auto ran = run.run(leaky); !ran) {
        out.error = ran.error().describe();
        return out;
    }
    auto pass = model::runPass(passFromPipeline(model::kLeakyPassName, run, data, isTest), options);
    if (!pass) {
        out.error = pass.error().message;
        return out;
    }
    out.comparison.leaky = std::move(*pass);
    out.comparison.fittedSteps = fitted;
    out.comparison.steps = model::compareFits(reportsOf(withRun, addedSteps), reportsOf(run, addedSteps), fitted);
    out.json = model::leakageToJson(withPass, out.comparison);
    out.fitted = true;
    return out;
}

std::string leakageText(const nlohmann::json& leakage, const nlohmann::json& withPass)
{
    std::string out = "\nrecipe fitted on all rows (pass " + leakage["pass"].get<std::string>() +
                      ", the leakage check):\n  " + leakage["explanation"].get<std::string>() + "\n\n";
    const nlohmann::json& leaky = leakage["metrics"];
    out += padded("", 24) + padded("with recipe", 16) + padded("fit on all rows", 18) + "change\n";
    out += padded("rows (train / test)", 24) +
           padded(std::to_string(withPass["train_rows"].get<std::size_t>()) + " / " +
                      std::to_string(withPass["test_rows"].get<std::size_t>()),
                  16) +
           std::to_string(leaky["train_rows"].get<std::size_t>()) + " / " +
           std::to_string(leaky["test_rows"].get<std::size_t>()) + "\n";
    for (auto it = withPass["test"].begin(); it != withPass["test"].end(); ++it) {
        if (it.key() == "undefined" || it.key() == "confusion_matrix")
            continue;
        const nlohmann::json& delta = leakage["delta_test_vs_with"];
        out += padded("test " + it.key(), 24) + padded(number(*it), 16) +
               padded(number(leaky["test"].value(it.key(), nlohmann::json())), 18) +
               (delta.contains(it.key()) ? number(delta[it.key()], true) : std::string("n/a")) + "\n";
    }
    for (const auto& s : leakage["steps"]) {
        out += "\n  step " + std::to_string(s["step"].get<std::size_t>() + 1) + " (" + s["op"].get<std::string>() +
               "): fitted on " + std::to_string(s["fit_rows_training"].get<std::size_t>()) + " training rows vs " +
               std::to_string(s["fit_rows_all"].get<std::size_t>()) + " rows; " +
               std::to_string(s["differing_parameters"].get<std::size_t>()) + " of " +
               std::to_string(s["parameters"].get<std::size_t>()) + " learned values differ\n";
        std::size_t shown = 0;
        for (const auto& d : s["differences"]) {
            if (++shown > 10) {
                out += "    ...\n";
                break;
            }
            out += "    " + padded(d["parameter"].get<std::string>(), 30) + number(d["training_rows"]) + " -> " +
                   number(d["all_rows"]) + (d.contains("difference") ? "  (" + number(d["difference"], true) + ")" : "") +
                   "\n";
        }
    }
    return out;
}

Result<void> writePredictions(const std::string& file, const std::vector<std::string>& protectedPaths,
                              const std::vector<model::PassResult>& passes)
{
    auto out = io::AtomicFile::create(file, protectedPaths);
    if (!out)
        return out.error();
    out->write("pass,row,split,true,predicted,score\n");
    for (const auto& p : passes)
        for (const auto& r : p.predictions) {
            std::string line = p.name + "," + (r.row == model::kSyntheticRow ? std::string() : std::to_string(r.row)) +
                               "," + (r.test ? "test" : "train") + "," + csvField(r.truth) + "," +
                               csvField(r.predicted) + "," + (r.score ? formatDouble(*r.score) : std::string()) + "\n";
            out->write(line);
        }
    return out->commit();
}

} // namespace preplab::cli
