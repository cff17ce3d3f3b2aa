#include "app/desktop/workers/model_comparison.h"

#include "app/desktop/workers/bias_analysis.h"
#include "core/ops/registry.h"

#include <exception>

namespace preplab::desktop {
namespace {

bool stepEnabled(const nlohmann::json& step)
{
    auto it = step.find("enabled");
    return it == step.end() || !it->is_boolean() || it->get<bool>();
}

// The feature-matrix rule (core/model/feature_matrix.h): numbers are regression targets unless
// they are integers with at most 10 distinct values.
bool isClassificationTarget(const Table& table, const std::string& target)
{
    const Column* c = table.find(target);
    if (!c)
        return true;
    if (c->type() == ColumnType::Numeric)
        return false;
    if (c->type() == ColumnType::Integer)
        return distinctValues(table, target, 11).size() <= 10;
    return true;
}

std::optional<PassCurves> curvesOf(const model::PassResult& pass)
{
    if (!pass.classification || pass.positiveClass < 0)
        return std::nullopt;
    const std::string& positive = pass.classNames[static_cast<std::size_t>(pass.positiveClass)];
    PassCurves c;
    for (const auto& p : pass.predictions) {
        if (!p.test || !p.score)
            continue;
        c.yTrue.push_back(p.truth == positive ? 1 : 0);
        c.scores.push_back(*p.score);
    }
    c.roc = model::rocCurve(c.yTrue, c.scores, 1);
    c.pr = model::precisionRecallCurve(c.yTrue, c.scores, 1);
    return c;
}

void addValidationCurve(const ModelRequest& request, const Table& table, const std::vector<std::int64_t>& origin,
                        const std::vector<char>& isTest, ModelComparison& out)
{
    std::vector<double> values;
    const std::string& name = request.model.name;
    if (name == "tree") {
        out.validationParameter = "max_depth";
        values = {1, 2, 3, 4, 5, 6, 8, 10, 12, 15};
    } else if (name == "knn") {
        out.validationParameter = "k";
        values = {1, 3, 5, 7, 9, 15, 21, 31};
    } else if (name == "logistic") {
        out.validationParameter = "c";
        values = {0.001, 0.01, 0.1, 1, 10, 100};
    } else {
        out.validationUndefinedReason = "the " + name + " model has no complexity curve here (choose tree, kNN or logistic)";
        return;
    }
    if (name == "knn" && table.rowCount() > 5000) {
        out.validationUndefinedReason = "kNN curve skipped above 5,000 rows (one full scoring per k)";
        return;
    }
    model::FeatureMatrixOptions options;
    options.target = request.target;
    if (!request.positive.empty())
        options.positive = request.positive;
    auto fm = model::buildFeatureMatrix(table, options);
    if (!fm) {
        out.validationUndefinedReason = fm.error().message;
        return;
    }
    model::SplitIndices split;
    for (std::size_t i = 0; i < fm->rows.size(); ++i) {
        const std::size_t row = fm->rows[i];
        const std::int64_t source = origin.empty() ? static_cast<std::int64_t>(row) : origin[row];
        const bool test = source >= 0 && isTest[static_cast<std::size_t>(source)];
        (test ? split.test : split.train).push_back(i);
    }
    auto curve = model::validationCurve(*fm, split, request.model, out.validationParameter, values);
    if (!curve) {
        out.validationUndefinedReason = curve.error().message;
        return;
    }
    out.validation = std::move(*curve);
}

bool hasSplitStep(const std::vector<nlohmann::json>& steps)
{
    for (const auto& step : steps)
        if (stepEnabled(step) && step.value("op", std::string()) == "split")
            return true;
    return false;
}

model::PassInput passOf(const char* name, const RecipeRun& run, const Table& original, const std::vector<char>& isTest)
{
    model::PassInput in{name, run.table.get(), {}, &original, isTest};
    in.originalRow.reserve(run.origin.size());
    for (std::int64_t o : run.origin)
        in.originalRow.push_back(o < 0 ? model::kSyntheticRow : static_cast<std::size_t>(o));
    return in;
}

// The third pass: the recipe with every fitted step fitted on all rows, told which rows train
// exactly as the "with" run was, scored on the same split.
void addLeakage(const ModelRequest& request, const std::vector<std::uint8_t>& trainMask, const RecipeRun& withRun,
                const Table& original, const std::vector<char>& isTest, const model::EvaluateOptions& options,
                const Progress& progress, ModelComparison& out)
{
    std::vector<std::size_t> fitted;
    const std::vector<nlohmann::json> steps = model::fitStepsOnAllRows(request.steps, &fitted);
    if (fitted.empty())
        return;
    progress.report(0.0, "training on the recipe fitted on all rows");
    RecipeRun run = runRecipe(request.source, steps, request.target, trainMask, progress.sub(0.0, 0.5));
    if (run.cancelled)
        return;
    if (run.error) {
        out.leakageError = run.error->describe();
        return;
    }
    auto pass = model::runPass(passOf(model::kLeakyPassName, run, original, isTest), options);
    if (!pass) {
        out.leakageError = pass.error().message;
        return;
    }
    model::LeakageComparison leakage;
    leakage.leaky = std::move(*pass);
    leakage.fittedSteps = fitted;
    leakage.steps = model::compareFits(withRun.reports, run.reports, fitted);
    out.leakageSentence = model::leakageSentence(*out.after, leakage);
    out.leakage = std::move(leakage);
}

} // namespace

RecipeRun runRecipe(const std::shared_ptr<const Table>& source, const std::vector<nlohmann::json>& steps,
                    const std::string& target, std::vector<std::uint8_t> trainMask, const Progress& progress)
{
    RecipeRun run;
    run.table = source;
    std::vector<std::int64_t> origin(source->rowCount());
    for (std::size_t r = 0; r < origin.size(); ++r)
        origin[r] = static_cast<std::int64_t>(r);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (!stepEnabled(steps[i])) {
            ops::StepReport skipped;
            skipped.stepIndex = i;
            skipped.op = steps[i].value("op", std::string());
            skipped.ran = false;
            run.reports.push_back(std::move(skipped));
            continue;
        }
        ops::StepContext ctx = ops::StepContext::allRows(*run.table, steps[i].value("op", std::string()), target);
        ctx.stepIndex = i;
        ctx.progress = progress.sub(double(i) / double(steps.size()), double(i + 1) / double(steps.size()));
        ctx.fitOnAll = steps[i].value("fit_on", std::string()) == "all";
        ctx.trainMask = trainMask;
        if (!ctx.fitOnAll && !trainMask.empty()) {
            ctx.fitRows.clear();
            for (std::size_t r = 0; r < trainMask.size(); ++r)
                if (trainMask[r])
                    ctx.fitRows.push_back(r);
        }
        auto out = ops::runStep(*run.table, steps[i], std::move(ctx), &origin);
        if (!out) {
            run.cancelled = out.error().code == ErrorCode::Cancelled || progress.cancelled();
            run.error = out.error();
            return run;
        }
        if (!out->trainMask.empty()) {
            trainMask = out->trainMask;
        } else if (!out->rowSource.empty()) {
            std::vector<std::uint8_t> mask;
            std::vector<std::int64_t> rows;
            for (std::size_t src : out->rowSource) {
                const bool synthetic = src == ops::kNewRow;
                if (!trainMask.empty())
                    mask.push_back(synthetic ? 1 : trainMask[src]);
                rows.push_back(synthetic ? -1 : origin[src]);
            }
            trainMask = std::move(mask);
            origin = std::move(rows);
        }
        run.reports.push_back(std::move(out->report));
        run.table = std::make_shared<const Table>(std::move(out->table));
        if (progress.cancelled()) {
            run.cancelled = true;
            return run;
        }
    }
    run.origin = std::move(origin);
    run.trainMask = std::move(trainMask);
    return run;
}

ModelComparison compareModels(const ModelRequest& request, const Progress& progress)
{
    ModelComparison out;
    out.request = request;
    if (!request.source) {
        out.error = "no data loaded";
        return out;
    }
    if (request.target.empty() || !request.source->find(request.target)) {
        out.error = request.target.empty() ? "choose the target column the model predicts"
                                           : "the target column '" + request.target + "' is not in the data";
        return out;
    }
    try {
        const Table& original = *request.source;
        const bool classification = isClassificationTarget(original, request.target);
        std::string splitNote;
        auto split = model::originalSplit(original, request.target, request.testSize, request.seed, classification,
                                          &splitNote);
        if (!split) {
            out.error = split.error().message;
            return out;
        }
        std::vector<char> isTest = std::move(*split);
        model::EvaluateOptions options;
        options.target = request.target;
        options.model = request.model;
        if (!request.positive.empty())
            options.positive = request.positive;
        if (!request.sensitive.empty() && original.find(request.sensitive) && request.sensitive != request.target)
            options.sensitive = {request.sensitive};

        // The recipe first: a `split` step of its own decides the split of every pass (the steps
        // before it fit on every row, as in `preplab-cli evaluate`); otherwise the fitted steps
        // learn from the training rows of the split above.
        progress.report(0.02, "running the recipe");
        const bool ownSplit = hasSplitStep(request.steps);
        if (!ownSplit)
            out.splitNote = std::move(splitNote);
        std::vector<std::uint8_t> trainMask;
        if (!ownSplit)
            trainMask = model::recipeTrainMask(original, isTest);
        RecipeRun run = runRecipe(request.source, request.steps, request.target, trainMask, progress.sub(0.02, 0.2));
        if (run.cancelled) {
            out.cancelled = true;
            return out;
        }
        if (run.error)
            out.recipeError = run.error->describe();
        else if (ownSplit)
            for (std::size_t i = 0; i < run.origin.size() && i < run.trainMask.size(); ++i)
                if (run.origin[i] >= 0)
                    isTest[static_cast<std::size_t>(run.origin[i])] = run.trainMask[i] ? 0 : 1;

        progress.report(0.2, "training on the raw data");
        model::PassInput before{"without", &original, {}, &original, isTest};
        before.originalRow.resize(original.rowCount());
        for (std::size_t r = 0; r < original.rowCount(); ++r)
            before.originalRow[r] = r;
        auto beforePass = model::runPass(before, options);
        if (progress.cancelled()) {
            out.cancelled = true;
            return out;
        }
        if (!beforePass) {
            out.error = beforePass.error().message;
            return out;
        }
        out.before = std::move(*beforePass);
        out.beforeCurves = curvesOf(*out.before);
        if (!out.beforeCurves)
            out.curvesUndefinedReason = !out.before->classification ? "regression target: no ROC curve"
                                                                    : "more than two classes: no single positive class";
        if (run.error)
            return out;
        out.recipeRows = run.table->rowCount();

        progress.report(0.4, "training on the recipe's data");
        auto afterPass = model::runPass(passOf("with", run, original, isTest), options);
        if (progress.cancelled()) {
            out.cancelled = true;
            return out;
        }
        if (!afterPass) {
            out.recipeError = afterPass.error().message;
        } else {
            out.after = std::move(*afterPass);
            out.afterCurves = curvesOf(*out.after);
            addLeakage(request, trainMask, run, original, isTest, options, progress.sub(0.55, 0.75), out);
            if (progress.cancelled()) {
                out.cancelled = true;
                return out;
            }
        }

        if (request.validationCurve && out.after) {
            progress.report(0.75, "validation curve");
            addValidationCurve(request, *run.table, run.origin, isTest, out);
        }
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    out.cancelled = progress.cancelled();
    progress.report(1.0, "done");
    return out;
}

} // namespace preplab::desktop
