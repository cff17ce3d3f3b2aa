#include "core/model/leakage_comparison.h"

#include "core/ops/registry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <utility>

namespace preplab::model {

namespace {

bool enabled(const nlohmann::json& step)
{
    auto it = step.find("enabled");
    return it == step.end() || !it->is_boolean() || it->get<bool>();
}

// The leaves of a fitted object, path -> value, in the object's order (nlohmann sorts keys).
void flatten(const nlohmann::json& j, const std::string& path, std::vector<std::pair<std::string, nlohmann::json>>& out)
{
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it)
            flatten(*it, path.empty() ? it.key() : path + "." + it.key(), out);
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i)
            flatten(j[i], path + "[" + std::to_string(i) + "]", out);
    } else {
        out.emplace_back(path, j);
    }
}

std::string fixed(double v, int digits = 4)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

// Six significant digits: enough to see a mean move in its fourth digit.
std::string readable(double v)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string metricLabel(const std::string& key)
{
    if (key == "f1")
        return "F1";
    if (key == "r2")
        return "R²";
    return key;
}

// A fitted centre (mean, median, ...) reads best in one sentence: "its mean moved from X to Y".
bool isLocation(const std::string& parameter)
{
    for (const char* name : {".mean", ".median", ".center", ".most_frequent"}) {
        const std::string suffix = name;
        if (parameter.size() >= suffix.size() && parameter.compare(parameter.size() - suffix.size(), suffix.size(), suffix) == 0)
            return true;
    }
    return false;
}

} // namespace

std::vector<std::uint8_t> recipeTrainMask(const Table& original, const std::vector<char>& isTest)
{
    std::vector<std::uint8_t> mask(isTest.size());
    for (std::size_t r = 0; r < isTest.size(); ++r)
        mask[r] = isTest[r] ? 0 : 1;
    if (const Column* split = original.find("split")) {
        std::vector<std::size_t> every(original.rowCount());
        std::iota(every.begin(), every.end(), std::size_t{0});
        if (auto s = splitFromColumn(*split, every); s.ok()) {
            mask.assign(original.rowCount(), 1);
            for (std::size_t r : s->test)
                mask[r] = 0;
        }
    }
    return mask;
}

bool leaksWhenFittedOnAll(const nlohmann::json& step)
{
    if (!step.is_object() || !enabled(step))
        return false;
    auto op = step.find("op");
    if (op == step.end() || !op->is_string() || *op == "resample")
        return false;
    const ops::OpInfo* info = ops::findOp(op->get<std::string>());
    return info && info->fitted;
}

std::vector<nlohmann::json> fitStepsOnAllRows(const std::vector<nlohmann::json>& steps, std::vector<std::size_t>* fitted)
{
    std::vector<nlohmann::json> out = steps;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (!leaksWhenFittedOnAll(out[i]))
            continue;
        out[i]["fit_on"] = "all";
        if (fitted)
            fitted->push_back(i);
    }
    return out;
}

std::vector<StepFitComparison> compareFits(const std::vector<ops::StepReport>& withRun,
                                           const std::vector<ops::StepReport>& leakyRun,
                                           const std::vector<std::size_t>& fitted)
{
    std::vector<StepFitComparison> out;
    for (std::size_t index : fitted) {
        if (index >= withRun.size() || index >= leakyRun.size())
            continue;
        const ops::StepReport& a = withRun[index];
        const ops::StepReport& b = leakyRun[index];
        StepFitComparison s;
        s.stepIndex = index;
        s.op = a.op;
        s.trainFitRows = a.fitRowCount;
        s.allFitRows = b.fitRowCount;
        s.trainFit = a.fitted;
        s.allFit = b.fitted;
        std::vector<std::pair<std::string, nlohmann::json>> left, right;
        flatten(a.fitted, {}, left);
        flatten(b.fitted, {}, right);
        std::map<std::string, const nlohmann::json*> rightByPath;
        for (const auto& [path, value] : right)
            rightByPath[path] = &value;
        auto record = [&](const std::string& path, const nlohmann::json* x, const nlohmann::json* y) {
            ++s.parameters;
            if (x && y && *x == *y)
                return;
            ++s.differing;
            if (s.differences.size() >= kMaxListedDifferences)
                return;
            FittedDifference d;
            d.parameter = path;
            d.trainText = x ? x->dump() : "absent";
            d.allText = y ? y->dump() : "absent";
            if (x && x->is_number())
                d.trainValue = x->get<double>();
            if (y && y->is_number())
                d.allValue = y->get<double>();
            s.differences.push_back(std::move(d));
        };
        std::map<std::string, bool> seen;
        for (const auto& [path, value] : left) {
            auto it = rightByPath.find(path);
            record(path, &value, it == rightByPath.end() ? nullptr : it->second);
            seen[path] = true;
        }
        for (const auto& [path, value] : right)
            if (!seen.count(path))
                record(path, nullptr, &value);
        out.push_back(std::move(s));
    }
    return out;
}

std::string headlineMetric(const PassResult& pass)
{
    if (!pass.classification)
        return "r2";
    return pass.positiveClass >= 0 ? "f1" : "accuracy";
}

MetricValue testMetric(const PassResult& pass, const std::string& key)
{
    if (key == "r2")
        return pass.testRegression.r2;
    if (key == "f1")
        return pass.testScores.f1;
    return pass.testScores.accuracy;
}

const FittedDifference* largestShift(const LeakageComparison& leakage, const StepFitComparison** step)
{
    const FittedDifference* best = nullptr;
    std::pair<bool, double> bestScore{false, 0.0};
    for (const auto& s : leakage.steps)
        for (const auto& d : s.differences) {
            if (!d.trainValue || !d.allValue || !std::isfinite(*d.trainValue) || !std::isfinite(*d.allValue))
                continue;
            const std::pair<bool, double> score{isLocation(d.parameter),
                                                std::abs(d.difference()) / std::max(std::abs(*d.trainValue), 1e-12)};
            if (!best || score > bestScore) {
                best = &d;
                bestScore = score;
                if (step)
                    *step = &s;
            }
        }
    return best;
}

std::string leakageSentence(const PassResult& with, const LeakageComparison& leakage)
{
    if (leakage.steps.empty())
        return "The recipe has no fitted step, so fitting on all rows changes nothing.";
    const StepFitComparison* where = nullptr;
    const FittedDifference* shift = largestShift(leakage, &where);
    for (const auto& step : leakage.steps)
        if (!shift && !step.differences.empty()) {
            shift = &step.differences.front();
            where = &step;
        }
    if (!shift)
        return "Fitting the recipe's fitted steps on all rows changed none of their learned parameters (step " +
               std::to_string(leakage.steps.front().stepIndex + 1) + " already fits on " +
               std::to_string(leakage.steps.front().trainFitRows) + " rows, before any split).";
    const StepFitComparison& s = *where;
    std::string out = "Fitting step " + std::to_string(s.stepIndex + 1) + " (" + s.op + ") on all " +
                      std::to_string(s.allFitRows) + " rows instead of the " + std::to_string(s.trainFitRows) +
                      " training rows lets it see the test rows: ";
    if (shift->trainValue && shift->allValue)
        out += shift->parameter + " moved from " + readable(*shift->trainValue) + " to " + readable(*shift->allValue);
    else
        out += shift->parameter + " changed from " + shift->trainText + " to " + shift->allText;
    const std::string key = headlineMetric(with);
    const MetricValue a = testMetric(with, key), b = testMetric(leakage.leaky, key);
    if (a.defined() && b.defined()) {
        const double delta = *b - *a;
        out += "; test " + metricLabel(key) + " changed by " + (delta >= 0 ? "+" : "") + fixed(delta) + " (" +
               fixed(*a) + " -> " + fixed(*b) + ").";
    } else {
        out += "; test " + metricLabel(key) + " is undefined (" + (a.defined() ? b.reason : a.reason) + ").";
    }
    return out;
}

nlohmann::json leakageToJson(const PassResult& with, const LeakageComparison& leakage)
{
    nlohmann::json j;
    j["pass"] = leakage.leaky.name;
    j["explanation"] = leakageSentence(with, leakage);
    j["fitted_steps"] = leakage.fittedSteps;
    j["metrics"] = passToJson(leakage.leaky);
    const nlohmann::json withTest = passToJson(with)["test"];
    const nlohmann::json& leakyTest = j["metrics"]["test"];
    nlohmann::json delta = nlohmann::json::object();
    for (auto it = withTest.begin(); it != withTest.end(); ++it)
        if (it->is_number() && leakyTest.contains(it.key()) && leakyTest[it.key()].is_number())
            delta[it.key()] = leakyTest[it.key()].get<double>() - it->get<double>();
    j["delta_test_vs_with"] = delta;
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& s : leakage.steps) {
        nlohmann::json sj = {{"step", s.stepIndex},
                             {"op", s.op},
                             {"fit_rows_training", s.trainFitRows},
                             {"fit_rows_all", s.allFitRows},
                             {"fitted_training_rows", s.trainFit},
                             {"fitted_all_rows", s.allFit},
                             {"parameters", s.parameters},
                             {"differing_parameters", s.differing}};
        nlohmann::json list = nlohmann::json::array();
        for (const auto& d : s.differences) {
            nlohmann::json dj = {{"parameter", d.parameter}};
            dj["training_rows"] = d.trainValue ? nlohmann::json(*d.trainValue) : nlohmann::json(d.trainText);
            dj["all_rows"] = d.allValue ? nlohmann::json(*d.allValue) : nlohmann::json(d.allText);
            if (d.trainValue && d.allValue)
                dj["difference"] = d.difference();
            list.push_back(std::move(dj));
        }
        sj["differences"] = std::move(list);
        steps.push_back(std::move(sj));
    }
    j["steps"] = std::move(steps);
    return j;
}

} // namespace preplab::model
