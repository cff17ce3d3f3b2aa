#include "core/model/decision_tree.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace preplab::model {

namespace {

constexpr double kFeatureThreshold = 1e-7;  // sklearn's FEATURE_THRESHOLD
const double kEpsilon = std::numeric_limits<double>::epsilon();

} // namespace

struct DecisionTree::Builder {
    Eigen::MatrixXf x;  // float32, as sklearn
    const std::vector<double>& y;
    std::vector<double> w;
    Criterion criterion;
    int classCount;
    DecisionTreeParams params;
    Rng rng;
    std::vector<std::size_t> samples;
    std::vector<Node>& nodes;
    int maxDepthSeen = 0;

    // Weighted class counts (Gini) or {sum w, sum w y, sum w y^2} (squared error).
    std::vector<double> stats(std::size_t begin, std::size_t end) const
    {
        std::vector<double> s(criterion == Criterion::Gini ? static_cast<std::size_t>(classCount) : 3, 0.0);
        for (std::size_t i = begin; i < end; ++i)
            add(s, samples[i], 1.0);
        return s;
    }

    void add(std::vector<double>& s, std::size_t row, double sign) const
    {
        double wi = w[row] * sign;
        if (criterion == Criterion::Gini) {
            s[static_cast<std::size_t>(y[row])] += wi;
        } else {
            s[0] += wi;
            s[1] += wi * y[row];
            s[2] += wi * y[row] * y[row];
        }
    }

    double weightOf(const std::vector<double>& s) const
    {
        return criterion == Criterion::Gini ? std::accumulate(s.begin(), s.end(), 0.0) : s[0];
    }

    double impurity(const std::vector<double>& s) const
    {
        double wt = weightOf(s);
        if (criterion == Criterion::Gini) {
            double sq = 0;
            for (double c : s)
                sq += c * c;
            return 1.0 - sq / (wt * wt);
        }
        double mean = s[1] / wt;
        return s[2] / wt - mean * mean;
    }

    // sklearn's proxy_impurity_improvement: larger is better, equal to the impurity decrease up
    // to a constant of the node.
    double proxy(const std::vector<double>& left, const std::vector<double>& right) const
    {
        double wl = weightOf(left), wr = weightOf(right);
        if (criterion == Criterion::Gini)
            return -wr * impurity(right) - wl * impurity(left);
        return left[1] * left[1] / wl + right[1] * right[1] / wr;
    }

    struct Split {
        int feature = -1;
        double threshold = 0;
        double proxy = -std::numeric_limits<double>::infinity();
    };

    // Returns false when the feature is constant within the node.
    bool scanFeature(int f, std::size_t begin, std::size_t end, const std::vector<double>& total, Split& best)
    {
        std::vector<std::pair<float, std::size_t>> v;
        v.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i)
            v.emplace_back(x(static_cast<Eigen::Index>(samples[i]), f), samples[i]);
        std::sort(v.begin(), v.end());
        if (static_cast<double>(v.back().first) <= static_cast<double>(v.front().first) + kFeatureThreshold)
            return false;
        std::vector<double> left(total.size(), 0.0), right = total;
        const std::size_t m = v.size();
        const auto minLeaf = static_cast<std::size_t>(std::max(1, params.minSamplesLeaf));
        for (std::size_t p = 1; p < m; ++p) {
            add(left, v[p - 1].second, 1.0);
            add(right, v[p - 1].second, -1.0);
            double a = v[p - 1].first, b = v[p].first;
            if (b <= a + kFeatureThreshold)
                continue;
            if (p < minLeaf || m - p < minLeaf)
                continue;
            double current = proxy(left, right);
            if (current > best.proxy) {
                best.proxy = current;
                best.feature = f;
                double t = a / 2.0 + b / 2.0;
                best.threshold = (t == b || std::isinf(t)) ? a : t;
            }
        }
        return true;
    }

    int build(std::size_t begin, std::size_t end, int depth)
    {
        const int id = static_cast<int>(nodes.size());
        nodes.emplace_back();
        std::vector<double> total = stats(begin, end);
        double wt = weightOf(total);
        double imp = impurity(total);
        {
            Node& node = nodes[static_cast<std::size_t>(id)];
            node.samples = end - begin;
            node.weightedSamples = wt;
            node.impurity = imp;
            if (criterion == Criterion::Gini) {
                node.value = total;
                for (double& c : node.value)
                    c /= wt;
            } else {
                node.value = {total[1] / wt};
            }
        }
        maxDepthSeen = std::max(maxDepthSeen, depth);
        const std::size_t n = end - begin;
        bool isLeaf = depth >= params.maxDepth || n < static_cast<std::size_t>(std::max(2, params.minSamplesSplit)) ||
                      n < 2 * static_cast<std::size_t>(std::max(1, params.minSamplesLeaf)) || imp <= kEpsilon;
        if (isLeaf)
            return id;
        Split best;
        const int d = static_cast<int>(x.cols());
        std::vector<int> order(static_cast<std::size_t>(d));
        std::iota(order.begin(), order.end(), 0);
        const bool subset = params.maxFeatures > 0 && params.maxFeatures < d;
        if (subset)
            rng.shuffle(order);
        int visited = 0, constant = 0;
        for (int f : order) {
            ++visited;
            if (!scanFeature(f, begin, end, total, best))
                ++constant;
            if (subset && visited >= params.maxFeatures && visited > constant)
                break;
        }
        if (best.feature < 0)
            return id;
        auto mid = std::partition(samples.begin() + static_cast<std::ptrdiff_t>(begin),
                                  samples.begin() + static_cast<std::ptrdiff_t>(end), [&](std::size_t r) {
                                      return static_cast<double>(x(static_cast<Eigen::Index>(r), best.feature)) <=
                                             best.threshold;
                                  });
        const auto split = static_cast<std::size_t>(mid - samples.begin());
        int left = build(begin, split, depth + 1);
        int right = build(split, end, depth + 1);
        Node& node = nodes[static_cast<std::size_t>(id)];
        node.feature = best.feature;
        node.threshold = best.threshold;
        node.left = left;
        node.right = right;
        return id;
    }
};

void DecisionTree::fit(const Eigen::MatrixXd& x, const std::vector<double>& y, const std::vector<double>& weights,
                       Criterion criterion, int classCount, const DecisionTreeParams& params)
{
    m_nodes.clear();
    Builder b{x.cast<float>(), y, weights, criterion, classCount, params, Rng(params.seed), {}, m_nodes};
    if (b.w.empty())
        b.w.assign(y.size(), 1.0);
    for (std::size_t i = 0; i < y.size(); ++i)
        if (b.w[i] > 0)
            b.samples.push_back(i);
    b.build(0, b.samples.size(), 0);
    m_depth = b.maxDepthSeen;
}

const DecisionTree::Node& DecisionTree::leaf(const Eigen::Ref<const Eigen::RowVectorXd>& row) const
{
    std::size_t i = 0;
    while (m_nodes[i].feature >= 0) {
        const Node& node = m_nodes[i];
        double v = static_cast<float>(row(node.feature));
        i = static_cast<std::size_t>(v <= node.threshold ? node.left : node.right);
    }
    return m_nodes[i];
}

std::size_t DecisionTree::leafCount() const
{
    return static_cast<std::size_t>(
        std::count_if(m_nodes.begin(), m_nodes.end(), [](const Node& n) { return n.feature < 0; }));
}

Result<void> DecisionTreeClassifier::fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount)
{
    return fit(x, y, classCount, {});
}

Result<void> DecisionTreeClassifier::fit(const Eigen::MatrixXd& x, const std::vector<int>& y, int classCount,
                                         const std::vector<double>& weights)
{
    if (auto ok = checkTrainingData(x, y.size(), "decision tree"); !ok)
        return ok;
    if (m_params.minSamplesLeaf < 1 || m_params.maxDepth < 1)
        return makeError(ErrorCode::BadUsage, "decision tree: max depth and min samples per leaf must be at least 1");
    m_classCount = std::max(classCount, *std::max_element(y.begin(), y.end()) + 1);
    std::vector<double> yd(y.begin(), y.end());
    m_tree.fit(x, yd, weights, DecisionTree::Criterion::Gini, m_classCount, m_params);
    return {};
}

Eigen::MatrixXd DecisionTreeClassifier::predictProba(const Eigen::MatrixXd& x) const
{
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(x.rows(), m_classCount);
    if (m_tree.nodes().empty())
        return out;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        const auto& value = m_tree.leaf(x.row(i)).value;
        for (std::size_t k = 0; k < value.size(); ++k)
            out(i, static_cast<Eigen::Index>(k)) = value[k];
    }
    return out;
}

Result<void> DecisionTreeRegressor::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y)
{
    return fit(x, y, {});
}

Result<void> DecisionTreeRegressor::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                        const std::vector<double>& weights)
{
    if (auto ok = checkTrainingData(x, static_cast<std::size_t>(y.size()), "decision tree"); !ok)
        return ok;
    if (!y.allFinite())
        return makeError(ErrorCode::BadData, "decision tree: the target contains NaN or infinite values");
    if (m_params.minSamplesLeaf < 1 || m_params.maxDepth < 1)
        return makeError(ErrorCode::BadUsage, "decision tree: max depth and min samples per leaf must be at least 1");
    std::vector<double> yd(y.data(), y.data() + y.size());
    m_tree.fit(x, yd, weights, DecisionTree::Criterion::SquaredError, 0, m_params);
    return {};
}

Eigen::VectorXd DecisionTreeRegressor::predict(const Eigen::MatrixXd& x) const
{
    Eigen::VectorXd out = Eigen::VectorXd::Zero(x.rows());
    if (m_tree.nodes().empty())
        return out;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        out(i) = m_tree.leaf(x.row(i)).value[0];
    return out;
}

} // namespace preplab::model
