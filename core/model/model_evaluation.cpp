#include "core/model/model_evaluation.h"

#include "core/stats/shuffle_split.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace preplab::model {

namespace {

bool isRegressionModel(const std::string& name)
{
    return name == "linear" || name == "ridge";
}

bool isClassificationOnly(const std::string& name)
{
    return name == "logistic" || name == "majority";
}

// Group code of each original row for one sensitive column: groups sorted by their text,
// missing values form the group "(missing)".
Result<std::pair<std::vector<int>, std::vector<std::string>>> groupsOf(const Table& original, const std::string& name)
{
    const Column* c = original.find(name);
    if (!c)
        return makeError(ErrorCode::BadUsage, "sensitive column '" + name + "' is not in the data");
    std::vector<std::string> text(c->size());
    std::set<std::string> distinct;
    for (std::size_t r = 0; r < c->size(); ++r) {
        text[r] = c->isMissing(r) ? "(missing)" : c->format(r);
        distinct.insert(text[r]);
    }
    std::vector<std::string> names(distinct.begin(), distinct.end());
    std::map<std::string, int> code;
    for (std::size_t i = 0; i < names.size(); ++i)
        code[names[i]] = static_cast<int>(i);
    std::vector<int> out(c->size());
    for (std::size_t r = 0; r < c->size(); ++r)
        out[r] = code[text[r]];
    return std::pair{std::move(out), std::move(names)};
}

} // namespace

Result<std::vector<char>> originalSplit(const Table& original, const std::string& target, double testSize,
                                        std::uint64_t seed, bool classification, std::string* note)
{
    if (note)
        note->clear();
    const std::size_t n = original.rowCount();
    const Column* targetColumn = original.find(target);
    if (!targetColumn)
        return makeError(ErrorCode::BadUsage, "target column '" + target + "' is not in the data");
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < n; ++r)
        if (targetColumn->isValid(r))
            rows.push_back(r);
    std::vector<char> isTest(n, 0);
    if (const Column* split = original.find("split")) {
        auto s = splitFromColumn(*split, rows);
        if (!s)
            return s.error();
        for (std::size_t i : s->test)
            isTest[rows[i]] = 1;
        return isTest;
    }
    std::vector<int> labels;
    if (classification)
        labels = stats::sortedClassCodes(*targetColumn, &rows, nullptr);
    auto s = trainTestSplit(rows.size(), testSize, seed, labels);
    if (!s)
        return s.error();
    if (note && !s->note.empty()) {
        const std::string prefix = "not stratified";
        *note = s->note.compare(0, prefix.size(), prefix) == 0
                    ? prefix + " by " + target + s->note.substr(prefix.size())
                    : s->note;
    }
    for (std::size_t i : s->test)
        isTest[rows[i]] = 1;
    return isTest;
}

Result<PassResult> runPass(const PassInput& in, const EvaluateOptions& options)
{
    PassResult out;
    out.name = in.name;
    out.model = options.model.name;
    FeatureMatrixOptions fo;
    fo.target = options.target;
    fo.positive = options.positive;
    fo.exclude = options.exclude;
    if (isRegressionModel(options.model.name))
        fo.kind = TargetKind::Regression;
    else if (isClassificationOnly(options.model.name))
        fo.kind = TargetKind::Classification;
    auto built = buildFeatureMatrix(*in.table, fo);
    if (!built)
        return built.error();
    FeatureMatrix& fm = *built;
    out.classification = fm.classification;
    out.featureNames = fm.featureNames;
    out.classNames = fm.classNames;
    out.positiveClass = fm.positiveClass;
    out.droppedMissingFeatures = fm.droppedMissingFeatures;
    out.droppedMissingTarget = fm.droppedMissingTarget;
    out.notes = fm.notes;
    if (fm.featureNames.empty())
        return makeError(ErrorCode::BadData, "pass '" + in.name + "': no column can be used as a model feature");

    SplitIndices split;
    std::vector<std::size_t> origOf(fm.rows.size());
    for (std::size_t i = 0; i < fm.rows.size(); ++i) {
        std::size_t orig = in.originalRow.at(fm.rows[i]);
        origOf[i] = orig;
        bool test = orig != kSyntheticRow && in.originalIsTest.at(orig);
        (test ? split.test : split.train).push_back(i);
        out.syntheticTrainRows += orig == kSyntheticRow;
    }
    out.rows = fm.rows.size();
    out.trainRows = split.train.size();
    out.testRows = split.test.size();
    if (split.train.empty() || split.test.empty())
        return makeError(ErrorCode::BadData, "pass '" + in.name + "': the " +
                                                 (split.train.empty() ? "training" : "test") + " set is empty");

    Eigen::MatrixXd xTrain = selectRows(fm.x, split.train), xTest = selectRows(fm.x, split.test);
    std::vector<int> predicted(fm.rows.size(), 0);
    std::vector<std::optional<double>> score(fm.rows.size());
    std::vector<double> predictedValue(fm.rows.size(), 0.0);
    if (fm.classification) {
        auto model = makeClassifier(options.model);
        if (!model)
            return model.error();
        std::vector<int> yTrain = selectRows(fm.labels, split.train), yTest = selectRows(fm.labels, split.test);
        const int k = static_cast<int>(fm.classCount());
        if (auto ok = (*model)->fit(xTrain, yTrain, k); !ok)
            return makeError(ok.error().code, "pass '" + in.name + "': " + ok.error().message);
        Eigen::MatrixXd pTrain = (*model)->predictProba(xTrain), pTest = (*model)->predictProba(xTest);
        out.trainScores = scoreClassification(yTrain, pTrain, fm.positiveClass);
        out.testScores = scoreClassification(yTest, pTest, fm.positiveClass);
        MajorityClassifier majority;
        if (majority.fit(xTrain, yTrain, k).ok())
            out.baselineTestAccuracy = accuracy(yTest, majority.predict(xTest));
        auto fill = [&](const std::vector<std::size_t>& idx, const Eigen::MatrixXd& p) {
            std::vector<int> cls = argmaxRows(p);
            for (std::size_t j = 0; j < idx.size(); ++j) {
                predicted[idx[j]] = cls[j];
                if (fm.positiveClass >= 0)
                    score[idx[j]] = p(static_cast<Eigen::Index>(j), fm.positiveClass);
            }
        };
        fill(split.train, pTrain);
        fill(split.test, pTest);

        if (!options.sensitive.empty() && fm.positiveClass < 0)
            out.notes.push_back({Diagnostic::Severity::Info,
                                 "group rates need a binary target; the target has " +
                                     std::to_string(fm.classCount()) + " classes",
                                 -1, options.target});
        for (const std::string& name : options.sensitive) {
            if (fm.positiveClass < 0 || !in.original)
                break;
            auto groups = groupsOf(*in.original, name);
            if (!groups)
                return groups.error();
            std::vector<int> groupOf, yPred;
            for (std::size_t j : split.test) {
                groupOf.push_back(groups->first[origOf[j]]);
                yPred.push_back(predicted[j]);
            }
            out.groups.push_back({name, groupMetrics(yTest, yPred, groupOf, groups->second, fm.positiveClass)});
        }
    } else {
        auto model = makeRegressor(options.model);
        if (!model)
            return model.error();
        Eigen::VectorXd yTrain = selectRows(fm.values, split.train), yTest = selectRows(fm.values, split.test);
        if (auto ok = (*model)->fit(xTrain, yTrain); !ok)
            return makeError(ok.error().code, "pass '" + in.name + "': " + ok.error().message);
        Eigen::VectorXd pTrain = (*model)->predict(xTrain), pTest = (*model)->predict(xTest);
        out.trainRegression = scoreRegression(yTrain, pTrain);
        out.testRegression = scoreRegression(yTest, pTest);
        for (std::size_t j = 0; j < split.train.size(); ++j)
            predictedValue[split.train[j]] = pTrain(static_cast<Eigen::Index>(j));
        for (std::size_t j = 0; j < split.test.size(); ++j)
            predictedValue[split.test[j]] = pTest(static_cast<Eigen::Index>(j));
        if (!options.sensitive.empty())
            out.notes.push_back({Diagnostic::Severity::Info, "group rates are computed for binary classifiers only",
                                 -1, {}});
    }

    std::vector<char> isTest(fm.rows.size(), 0);
    for (std::size_t j : split.test)
        isTest[j] = 1;
    out.predictions.reserve(fm.rows.size());
    for (std::size_t i = 0; i < fm.rows.size(); ++i) {
        PredictionRow p;
        p.row = origOf[i];
        p.test = isTest[i] != 0;
        if (fm.classification) {
            p.truth = fm.classNames[static_cast<std::size_t>(fm.labels[i])];
            p.predicted = fm.classNames[static_cast<std::size_t>(predicted[i])];
            p.score = score[i];
        } else {
            p.truth = formatDouble(fm.values(static_cast<Eigen::Index>(i)));
            p.predicted = formatDouble(predictedValue[i]);
        }
        out.predictions.push_back(std::move(p));
    }
    return out;
}

namespace {

void put(nlohmann::json& metrics, nlohmann::json& undefined, const std::string& key, const MetricValue& v)
{
    if (v.defined()) {
        metrics[key] = *v;
    } else {
        metrics[key] = nullptr;
        undefined[key] = v.reason;
    }
}

nlohmann::json classificationJson(const ClassificationScores& s, const std::vector<std::string>& classes)
{
    nlohmann::json m = nlohmann::json::object(), u = nlohmann::json::object();
    put(m, u, "accuracy", s.accuracy);
    put(m, u, "balanced_accuracy", s.balancedAccuracy);
    put(m, u, "precision", s.precision);
    put(m, u, "recall", s.recall);
    put(m, u, "f1", s.f1);
    put(m, u, "precision_macro", s.precisionMacro);
    put(m, u, "recall_macro", s.recallMacro);
    put(m, u, "f1_macro", s.f1Macro);
    put(m, u, "precision_weighted", s.precisionWeighted);
    put(m, u, "recall_weighted", s.recallWeighted);
    put(m, u, "f1_weighted", s.f1Weighted);
    put(m, u, "roc_auc", s.rocAuc);
    put(m, u, "average_precision", s.averagePrecision);
    put(m, u, "log_loss", s.logLoss);
    put(m, u, "brier", s.brier);
    nlohmann::json cm = nlohmann::json::array();
    for (Eigen::Index i = 0; i < s.confusion.counts.rows(); ++i) {
        nlohmann::json row = nlohmann::json::array();
        for (Eigen::Index j = 0; j < s.confusion.counts.cols(); ++j)
            row.push_back(static_cast<std::int64_t>(s.confusion.counts(i, j)));
        cm.push_back(row);
    }
    m["confusion_matrix"] = {{"labels", classes}, {"counts", cm}};
    if (!u.empty())
        m["undefined"] = u;
    return m;
}

nlohmann::json regressionJson(const RegressionScores& s)
{
    nlohmann::json m = nlohmann::json::object(), u = nlohmann::json::object();
    put(m, u, "mae", s.mae);
    put(m, u, "mse", s.mse);
    put(m, u, "rmse", s.rmse);
    put(m, u, "r2", s.r2);
    if (!u.empty())
        m["undefined"] = u;
    return m;
}

nlohmann::json ratesJson(const GroupRates& g)
{
    nlohmann::json j = {{"group", g.group}, {"n", g.rows}, {"positives", g.positives}, {"negatives", g.negatives},
                        {"predicted_positives", g.predictedPositives}};
    nlohmann::json u = nlohmann::json::object();
    put(j, u, "selection_rate", g.selectionRate);
    put(j, u, "tpr", g.truePositiveRate);
    put(j, u, "fpr", g.falsePositiveRate);
    put(j, u, "accuracy", g.accuracy);
    if (!u.empty())
        j["undefined"] = u;
    return j;
}

} // namespace

nlohmann::json passToJson(const PassResult& p)
{
    nlohmann::json j;
    j["pass"] = p.name;
    j["model"] = p.model;
    j["task"] = p.classification ? "classification" : "regression";
    j["rows"] = p.rows;
    j["train_rows"] = p.trainRows;
    j["test_rows"] = p.testRows;
    j["synthetic_train_rows"] = p.syntheticTrainRows;
    j["dropped_missing_features"] = p.droppedMissingFeatures;
    j["dropped_missing_target"] = p.droppedMissingTarget;
    j["features"] = p.featureNames;
    if (p.classification) {
        j["classes"] = p.classNames;
        j["positive"] = p.positiveClass >= 0 ? nlohmann::json(p.classNames[static_cast<std::size_t>(p.positiveClass)])
                                             : nlohmann::json(nullptr);
        j["test"] = classificationJson(p.testScores, p.classNames);
        j["train"] = classificationJson(p.trainScores, p.classNames);
        j["baseline_test_accuracy"] = p.baselineTestAccuracy.defined() ? nlohmann::json(*p.baselineTestAccuracy)
                                                                       : nlohmann::json(nullptr);
    } else {
        j["test"] = regressionJson(p.testRegression);
        j["train"] = regressionJson(p.trainRegression);
    }
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : p.groups) {
        nlohmann::json gj = {{"column", g.column}, {"overall", ratesJson(g.metrics.overall)}};
        nlohmann::json list = nlohmann::json::array();
        for (const auto& r : g.metrics.groups)
            list.push_back(ratesJson(r));
        gj["groups"] = list;
        nlohmann::json u = nlohmann::json::object();
        put(gj, u, "demographic_parity_difference", g.metrics.demographicParityDifference);
        put(gj, u, "equal_opportunity_difference", g.metrics.equalOpportunityDifference);
        put(gj, u, "equalized_odds_difference", g.metrics.equalizedOddsDifference);
        if (!u.empty())
            gj["undefined"] = u;
        groups.push_back(gj);
    }
    j["groups"] = groups;
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : p.notes)
        notes.push_back(n.message);
    j["notes"] = notes;
    return j;
}

} // namespace preplab::model
