#include "core/model/selection_leakage.h"

#include "core/model/feature_matrix.h"
#include "core/model/rng.h"
#include "core/model/split.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace preplab::model {

namespace {

// Box-Muller: two uniforms give one standard normal draw (the second one is not kept).
double normal(Rng& rng)
{
    const double u = 1.0 - rng.uniform();  // (0, 1]
    const double v = rng.uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
}

Eigen::MatrixXd columns(const Eigen::MatrixXd& x, const std::vector<std::size_t>& keep)
{
    Eigen::MatrixXd out(x.rows(), static_cast<Eigen::Index>(keep.size()));
    for (std::size_t j = 0; j < keep.size(); ++j)
        out.col(static_cast<Eigen::Index>(j)) = x.col(static_cast<Eigen::Index>(keep[j]));
    return out;
}

Result<double> foldAccuracy(const Eigen::MatrixXd& x, const std::vector<int>& y, const SplitIndices& fold,
                            const ModelSpec& spec)
{
    auto model = makeClassifier(spec);
    if (!model)
        return model.error();
    if (auto ok = (*model)->fit(selectRows(x, fold.train), selectRows(y, fold.train), 2); !ok)
        return ok.error();
    const std::vector<int> predicted = (*model)->predict(selectRows(x, fold.test));
    std::size_t hits = 0;
    for (std::size_t i = 0; i < fold.test.size(); ++i)
        hits += predicted[i] == y[fold.test[i]];
    return static_cast<double>(hits) / static_cast<double>(fold.test.size());
}

double mean(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()); }

} // namespace

std::vector<std::size_t> topCorrelatedFeatures(const Eigen::MatrixXd& x, const std::vector<int>& y,
                                               const std::vector<std::size_t>& rows, std::size_t k)
{
    const double n = static_cast<double>(rows.size());
    double yMean = 0;
    for (std::size_t r : rows)
        yMean += y[r];
    yMean /= n;
    std::vector<double> strength(static_cast<std::size_t>(x.cols()), 0.0);
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        double xMean = 0;
        for (std::size_t r : rows)
            xMean += x(static_cast<Eigen::Index>(r), j);
        xMean /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (std::size_t r : rows) {
            const double dx = x(static_cast<Eigen::Index>(r), j) - xMean, dy = y[r] - yMean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        strength[static_cast<std::size_t>(j)] = sxx > 0 && syy > 0 ? std::abs(sxy / std::sqrt(sxx * syy)) : 0.0;
    }
    std::vector<std::size_t> order(strength.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    k = std::min(k, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](std::size_t a, std::size_t b) { return strength[a] > strength[b] || (strength[a] == strength[b] && a < b); });
    order.resize(k);
    return order;
}

Result<SelectionLeakageResult> selectionLeakage(const SelectionLeakageOptions& o)
{
    if (o.rows < 2 * static_cast<std::size_t>(std::max(o.folds, 2)) || o.features == 0 || o.selected == 0 ||
        o.selected > o.features)
        return makeError(ErrorCode::BadUsage, "selection leakage: needs at least 2 rows per class and fold, and 1 <= "
                                              "selected <= features");
    SelectionLeakageResult out;
    Rng rng(o.seed);
    out.x.resize(static_cast<Eigen::Index>(o.rows), static_cast<Eigen::Index>(o.features));
    for (Eigen::Index i = 0; i < out.x.rows(); ++i)
        for (Eigen::Index j = 0; j < out.x.cols(); ++j)
            out.x(i, j) = normal(rng);
    out.y.assign(o.rows, 0);
    for (std::size_t i = 0; i < o.rows / 2; ++i)
        out.y[i] = 1;
    rng.shuffle(out.y);

    auto folds = stratifiedKFold(out.y, o.folds);
    if (!folds)
        return folds.error();
    std::vector<std::size_t> all(o.rows);
    std::iota(all.begin(), all.end(), std::size_t{0});
    out.selectedOnAllRows = topCorrelatedFeatures(out.x, out.y, all, o.selected);
    const Eigen::MatrixXd leaked = columns(out.x, out.selectedOnAllRows);
    for (const SplitIndices& fold : *folds) {
        auto wrong = foldAccuracy(leaked, out.y, fold, o.model);
        if (!wrong)
            return wrong.error();
        out.wrongWayFolds.push_back(*wrong);
        const Eigen::MatrixXd honest = columns(out.x, topCorrelatedFeatures(out.x, out.y, fold.train, o.selected));
        auto right = foldAccuracy(honest, out.y, fold, o.model);
        if (!right)
            return right.error();
        out.rightWayFolds.push_back(*right);
    }
    out.wrongWayAccuracy = mean(out.wrongWayFolds);
    out.rightWayAccuracy = mean(out.rightWayFolds);
    return out;
}

} // namespace preplab::model
