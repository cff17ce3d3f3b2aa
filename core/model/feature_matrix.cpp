#include "core/model/feature_matrix.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace preplab::model {

namespace {

bool present(const Column& c, std::size_t r)
{
    if (c.isMissing(r))
        return false;
    if (c.type() == ColumnType::Numeric)
        return std::isfinite(c.number(r));
    return true;
}

std::string numberName(const Column& c, double v)
{
    if (c.type() == ColumnType::Boolean)
        return v != 0 ? "true" : "false";
    return formatDouble(v);
}

std::string classNameOf(const Column& c, std::size_t r)
{
    return hasNumberValue(c.type()) ? numberName(c, c.number(r)) : std::string(c.text(r));
}

// Class names of the target's present rows, sorted as sklearn's classes_ (numbers numerically).
std::vector<std::string> targetClasses(const Column& c, const std::vector<std::size_t>& rows)
{
    std::vector<std::string> names;
    if (hasNumberValue(c.type())) {
        std::set<double> values;
        for (std::size_t r : rows)
            values.insert(c.number(r));
        for (double v : values)
            names.push_back(numberName(c, v));
    } else {
        std::set<std::string> values;
        for (std::size_t r : rows)
            values.emplace(c.text(r));
        names.assign(values.begin(), values.end());
    }
    return names;
}

} // namespace

Result<FeatureMatrix> buildFeatureMatrix(const Table& table, const FeatureMatrixOptions& options)
{
    auto targetIndex = table.indexOf(options.target);
    if (!targetIndex)
        return makeError(ErrorCode::BadUsage, "target column '" + options.target + "' is not in the table");
    const Column& target = table.column(*targetIndex);
    FeatureMatrix fm;

    TargetKind kind = options.kind;
    if (kind == TargetKind::Auto) {
        kind = TargetKind::Classification;
        if (target.type() == ColumnType::Numeric || target.type() == ColumnType::Datetime) {
            kind = TargetKind::Regression;
        } else if (target.type() == ColumnType::Integer) {
            std::set<std::int64_t> distinct;
            for (std::size_t r = 0; r < target.size() && distinct.size() <= 10; ++r)
                if (target.isValid(r))
                    distinct.insert(target.integer(r));
            if (distinct.size() > 10)
                kind = TargetKind::Regression;
        }
    }
    fm.classification = kind == TargetKind::Classification;
    if (!fm.classification && !hasNumberValue(target.type()))
        return makeError(ErrorCode::BadData, "target column '" + options.target + "' is " +
                                                 std::string(columnTypeName(target.type())) +
                                                 ", so it cannot be predicted by a regression model");

    // Feature columns.
    struct Feature {
        std::size_t column;
        std::vector<std::string> categories;  // one-hot categories (sorted); empty for number columns
        std::vector<int> codeToSlot;          // category code -> position in `categories`
    };
    std::vector<Feature> features;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const std::string& name = table.name(c);
        if (c == *targetIndex || name == "split" ||
            std::find(options.exclude.begin(), options.exclude.end(), name) != options.exclude.end())
            continue;
        const Column& col = table.column(c);
        switch (col.type()) {
        case ColumnType::Integer:
        case ColumnType::Numeric:
        case ColumnType::Boolean:
            features.push_back({c, {}, {}});
            fm.featureNames.push_back(name);
            break;
        case ColumnType::Categorical: {
            Feature f{c, col.categories(), {}};
            std::sort(f.categories.begin(), f.categories.end());
            f.categories.erase(std::unique(f.categories.begin(), f.categories.end()), f.categories.end());
            for (const auto& cat : col.categories())
                f.codeToSlot.push_back(static_cast<int>(
                    std::lower_bound(f.categories.begin(), f.categories.end(), cat) - f.categories.begin()));
            for (const auto& cat : f.categories)
                fm.featureNames.push_back(name + "=" + cat);
            features.push_back(std::move(f));
            break;
        }
        case ColumnType::Text:
        case ColumnType::Datetime:
            fm.notes.push_back({Diagnostic::Severity::Info,
                                "column '" + name + "' (" + std::string(columnTypeName(col.type())) +
                                    ") is not used as a model feature",
                                -1, name});
            break;
        }
    }

    // Rows kept: target and every feature present.
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        if (!present(target, r)) {
            ++fm.droppedMissingTarget;
            continue;
        }
        bool ok = std::all_of(features.begin(), features.end(),
                              [&](const Feature& f) { return present(table.column(f.column), r); });
        if (!ok) {
            ++fm.droppedMissingFeatures;
            continue;
        }
        fm.rows.push_back(r);
    }
    if (fm.droppedMissingTarget)
        fm.notes.push_back({Diagnostic::Severity::Warning,
                            std::to_string(fm.droppedMissingTarget) + " row(s) dropped: target '" + options.target +
                                "' is missing",
                            -1, options.target});
    if (fm.droppedMissingFeatures)
        fm.notes.push_back({Diagnostic::Severity::Warning,
                            std::to_string(fm.droppedMissingFeatures) + " row(s) dropped: a feature is missing", -1, {}});
    if (fm.rows.empty())
        return makeError(ErrorCode::BadData, "no row is left for the model: every row misses the target or a feature");

    const auto n = static_cast<Eigen::Index>(fm.rows.size());
    fm.x = Eigen::MatrixXd::Zero(n, static_cast<Eigen::Index>(fm.featureNames.size()));
    Eigen::Index col = 0;
    for (const Feature& f : features) {
        const Column& c = table.column(f.column);
        for (Eigen::Index i = 0; i < n; ++i) {
            std::size_t r = fm.rows[static_cast<std::size_t>(i)];
            if (f.categories.empty())
                fm.x(i, col) = c.number(r);
            else
                fm.x(i, col + f.codeToSlot[static_cast<std::size_t>(c.codes()[r])]) = 1.0;
        }
        col += f.categories.empty() ? 1 : static_cast<Eigen::Index>(f.categories.size());
    }

    if (fm.classification) {
        fm.classNames = targetClasses(target, fm.rows);
        std::map<std::string, int> byName;
        for (std::size_t i = 0; i < fm.classNames.size(); ++i)
            byName[fm.classNames[i]] = static_cast<int>(i);
        fm.labels.reserve(fm.rows.size());
        for (std::size_t r : fm.rows)
            fm.labels.push_back(byName.at(classNameOf(target, r)));
        if (options.positive) {
            auto it = byName.find(*options.positive);
            if (it == byName.end())
                return makeError(ErrorCode::BadUsage, "positive class '" + *options.positive + "' is not a value of '" +
                                                          options.target + "'");
            fm.positiveClass = it->second;
        } else if (fm.classNames.size() == 2) {
            fm.positiveClass = 1;
        }
    } else {
        fm.values.resize(n);
        for (Eigen::Index i = 0; i < n; ++i)
            fm.values(i) = target.number(fm.rows[static_cast<std::size_t>(i)]);
    }
    return fm;
}

Eigen::MatrixXd selectRows(const Eigen::MatrixXd& x, const std::vector<std::size_t>& rows)
{
    Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), x.cols());
    for (std::size_t i = 0; i < rows.size(); ++i)
        out.row(static_cast<Eigen::Index>(i)) = x.row(static_cast<Eigen::Index>(rows[i]));
    return out;
}

std::vector<int> selectRows(const std::vector<int>& y, const std::vector<std::size_t>& rows)
{
    std::vector<int> out;
    out.reserve(rows.size());
    for (std::size_t r : rows)
        out.push_back(y[r]);
    return out;
}

Eigen::VectorXd selectRows(const Eigen::VectorXd& y, const std::vector<std::size_t>& rows)
{
    Eigen::VectorXd out(static_cast<Eigen::Index>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        out(static_cast<Eigen::Index>(i)) = y(static_cast<Eigen::Index>(rows[i]));
    return out;
}

} // namespace preplab::model
