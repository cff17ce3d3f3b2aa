#include "core/model/kmeans.h"

#include "core/model/rng.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace preplab::model {

namespace {

struct Run {
    Eigen::MatrixXd centres;
    std::vector<int> labels;
    double inertia = std::numeric_limits<double>::infinity();
    int iterations = 0;
};

// Labels and squared distances to the nearest centre; returns the inertia.
double assign(const Eigen::MatrixXd& xt, const Eigen::MatrixXd& centresT, std::vector<int>& labels,
              std::vector<double>& dist)
{
    const Eigen::Index n = xt.cols(), k = centresT.cols();
    labels.resize(static_cast<std::size_t>(n));
    dist.resize(static_cast<std::size_t>(n));
    double inertia = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        double best = std::numeric_limits<double>::infinity();
        int bestC = 0;
        for (Eigen::Index c = 0; c < k; ++c) {
            double d = (xt.col(i) - centresT.col(c)).squaredNorm();
            if (d < best) {
                best = d;
                bestC = static_cast<int>(c);
            }
        }
        labels[static_cast<std::size_t>(i)] = bestC;
        dist[static_cast<std::size_t>(i)] = best;
        inertia += best;
    }
    return inertia;
}

Eigen::MatrixXd kmeansPlusPlus(const Eigen::MatrixXd& xt, int k, Rng& rng)
{
    const Eigen::Index n = xt.cols();
    Eigen::MatrixXd centres(xt.rows(), k);
    const int trials = 2 + static_cast<int>(std::log(static_cast<double>(k)));
    centres.col(0) = xt.col(static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(n))));
    std::vector<double> closest(static_cast<std::size_t>(n));
    double potential = 0;
    for (Eigen::Index i = 0; i < n; ++i)
        potential += closest[static_cast<std::size_t>(i)] = (xt.col(i) - centres.col(0)).squaredNorm();
    std::vector<double> cumulative(static_cast<std::size_t>(n));
    for (int c = 1; c < k; ++c) {
        double running = 0;
        for (std::size_t i = 0; i < closest.size(); ++i)
            cumulative[i] = running += closest[i];
        double bestPot = std::numeric_limits<double>::infinity();
        std::size_t bestId = 0;
        std::vector<double> bestDist;
        for (int t = 0; t < trials; ++t) {
            double r = rng.uniform() * potential;
            auto id = static_cast<std::size_t>(std::lower_bound(cumulative.begin(), cumulative.end(), r) -
                                               cumulative.begin());
            id = std::min(id, closest.size() - 1);
            std::vector<double> d(closest.size());
            double pot = 0;
            for (Eigen::Index i = 0; i < n; ++i) {
                double di = (xt.col(i) - xt.col(static_cast<Eigen::Index>(id))).squaredNorm();
                pot += d[static_cast<std::size_t>(i)] = std::min(closest[static_cast<std::size_t>(i)], di);
            }
            if (pot < bestPot) {
                bestPot = pot;
                bestId = id;
                bestDist = std::move(d);
            }
        }
        centres.col(c) = xt.col(static_cast<Eigen::Index>(bestId));
        closest = std::move(bestDist);
        potential = bestPot;
    }
    return centres;
}

Run lloyd(const Eigen::MatrixXd& xt, int k, const KMeansParams& p, double tol, std::uint64_t seed)
{
    Rng rng(seed);
    Run run;
    Eigen::MatrixXd centres = kmeansPlusPlus(xt, k, rng);
    std::vector<int> labels, previous;
    std::vector<double> dist;
    const Eigen::Index n = xt.cols();
    for (run.iterations = 0; run.iterations < p.maxIterations;) {
        assign(xt, centres, labels, dist);
        ++run.iterations;
        Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(xt.rows(), k);
        std::vector<double> counts(static_cast<std::size_t>(k), 0.0);
        for (Eigen::Index i = 0; i < n; ++i) {
            sums.col(labels[static_cast<std::size_t>(i)]) += xt.col(i);
            counts[static_cast<std::size_t>(labels[static_cast<std::size_t>(i)])] += 1;
        }
        Eigen::MatrixXd next = centres;
        for (int c = 0; c < k; ++c) {
            if (counts[static_cast<std::size_t>(c)] > 0) {
                next.col(c) = sums.col(c) / counts[static_cast<std::size_t>(c)];
                continue;
            }
            auto far = std::max_element(dist.begin(), dist.end()) - dist.begin();
            next.col(c) = xt.col(far);
            dist[static_cast<std::size_t>(far)] = 0;
        }
        if (!previous.empty() && labels == previous) {
            break;
        }
        double shift = (next - centres).squaredNorm();
        centres = std::move(next);
        previous = labels;
        if (shift <= tol)
            break;
    }
    run.inertia = assign(xt, centres, labels, dist);
    run.centres = centres.transpose();
    run.labels = std::move(labels);
    return run;
}

} // namespace

Result<void> KMeans::fit(const Eigen::MatrixXd& x)
{
    const int k = m_params.clusters;
    if (k < 1)
        return makeError(ErrorCode::BadUsage, "k-means: the number of clusters must be at least 1");
    if (x.rows() < k)
        return makeError(ErrorCode::BadData, "k-means: " + std::to_string(k) + " clusters but only " +
                                                 std::to_string(x.rows()) + " rows");
    if (!x.allFinite())
        return makeError(ErrorCode::BadData, "k-means: the features contain NaN or infinite values");
    const Eigen::MatrixXd xt = x.transpose();
    Eigen::RowVectorXd mean = x.colwise().mean();
    double meanVariance = (x.rowwise() - mean).array().square().colwise().mean().mean();
    const double tol = meanVariance * m_params.tolerance;
    Run best;
    for (int r = 0; r < std::max(1, m_params.nInit); ++r) {
        Run run = lloyd(xt, k, m_params, tol, Rng::derive(m_params.seed, static_cast<std::uint64_t>(r)));
        if (run.inertia < best.inertia)
            best = std::move(run);
    }
    m_centres = std::move(best.centres);
    m_labels = std::move(best.labels);
    m_inertia = best.inertia;
    m_iterations = best.iterations;
    return {};
}

std::vector<int> KMeans::predict(const Eigen::MatrixXd& x) const
{
    std::vector<int> labels;
    std::vector<double> dist;
    if (m_centres.rows() > 0)
        assign(x.transpose(), m_centres.transpose(), labels, dist);
    return labels;
}

MetricValue silhouetteScore(const Eigen::MatrixXd& x, const std::vector<int>& labels)
{
    const auto n = static_cast<std::size_t>(x.rows());
    if (labels.size() != n)
        return MetricValue::undefined("labels and rows differ in length");
    std::map<int, int> index;
    for (int l : labels)
        index.emplace(l, 0);
    const std::size_t k = index.size();
    if (k < 2 || k > n - 1)
        return MetricValue::undefined("the silhouette needs between 2 and rows - 1 clusters (got " + std::to_string(k) +
                                      " clusters on " + std::to_string(n) + " rows)");
    int next = 0;
    for (auto& [label, i] : index)
        i = next++;
    std::vector<int> cls(n);
    std::vector<double> size(k, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        cls[i] = index[labels[i]];
        size[static_cast<std::size_t>(cls[i])] += 1;
    }
    const Eigen::MatrixXd xt = x.transpose();
    std::vector<double> s(n, 0.0);
    parallelFor(
        n,
        [&](std::size_t begin, std::size_t end) {
            std::vector<double> sums(k);
            for (std::size_t i = begin; i < end; ++i) {
                std::fill(sums.begin(), sums.end(), 0.0);
                for (std::size_t j = 0; j < n; ++j)
                    sums[static_cast<std::size_t>(cls[j])] +=
                        (xt.col(static_cast<Eigen::Index>(i)) - xt.col(static_cast<Eigen::Index>(j))).norm();
                const auto own = static_cast<std::size_t>(cls[i]);
                if (size[own] <= 1)
                    continue;  // alone in its cluster: s = 0
                double a = sums[own] / (size[own] - 1);
                double b = std::numeric_limits<double>::infinity();
                for (std::size_t c = 0; c < k; ++c)
                    if (c != own)
                        b = std::min(b, sums[c] / size[c]);
                double m = std::max(a, b);
                s[i] = m > 0 ? (b - a) / m : 0.0;
            }
        },
        64);
    double total = 0;
    for (double v : s)
        total += v;
    return MetricValue::of(total / static_cast<double>(n));
}

} // namespace preplab::model
