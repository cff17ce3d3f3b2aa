// KMeans: Lloyd's k-means with k-means++ seeding, in the manner of scikit-learn's KMeans
// (sklearn 1.2 defaults: n_init = 10, max_iter = 300, tol = 1e-4):
//   seeding: greedy k-means++ with 2 + floor(ln k) candidate centres per step, each drawn with
//            probability proportional to its squared distance to the nearest chosen centre;
//            the candidate that lowers the total squared distance most is kept
//   Lloyd:   assign each row to its nearest centre, move centres to their rows' means; stop when
//            no label changes or the total squared centre shift <= tol * mean feature variance
//            (population variance); an empty cluster is moved onto the row farthest from its centre
//   inertia: sum over rows of the squared distance to the nearest centre; the run with the
//            lowest inertia out of nInit wins
// The random draws are PrepLab's own (seeded), so clusterings match sklearn's optimum, not
// sklearn's random sequence.
#pragma once

#include "core/model/metric_value.h"
#include "core/util/result.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace preplab::model {

struct KMeansParams {
    int clusters = 8;
    int nInit = 10;
    int maxIterations = 300;
    double tolerance = 1e-4;
    std::uint64_t seed = 0;
};

class KMeans {
public:
    explicit KMeans(KMeansParams params = {}) : m_params(params) {}

    Result<void> fit(const Eigen::MatrixXd& x);
    // Nearest centre of each row (ties to the lower cluster index).
    std::vector<int> predict(const Eigen::MatrixXd& x) const;

    const Eigen::MatrixXd& centres() const { return m_centres; }  // clusters x features
    const std::vector<int>& labels() const { return m_labels; }   // of the training rows
    double inertia() const { return m_inertia; }
    int iterations() const { return m_iterations; }

private:
    KMeansParams m_params;
    Eigen::MatrixXd m_centres;
    std::vector<int> m_labels;
    double m_inertia = 0;
    int m_iterations = 0;
};

// Mean silhouette coefficient: for row i, a = mean distance to the other rows of its cluster,
// b = lowest mean distance to the rows of another cluster, s = (b - a) / max(a, b), and s = 0 for
// a row alone in its cluster (sklearn silhouette_score, Euclidean). Undefined unless
// 2 <= clusters <= rows - 1.
MetricValue silhouetteScore(const Eigen::MatrixXd& x, const std::vector<int>& labels);

} // namespace preplab::model
