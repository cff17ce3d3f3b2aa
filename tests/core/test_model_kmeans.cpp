// k-means and the silhouette against scikit-learn 1.2.1 on standardised iris.
#include "core/model/kmeans.h"
#include "test_model_reference.h"

#include <catch2/catch.hpp>

#include <map>

using namespace preplab;
using namespace preplab::model;
using namespace preplab::testref;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("Silhouette: equals scikit-learn on the same labels", "[model][metrics]")
{
    auto ref = loadModelReference("iris_kmeans.json");
    Eigen::MatrixXd x = matrix(ref["x"]);
    CHECK_THAT(*silhouetteScore(x, ints(ref["k3"]["labels"])), WithinAbs(ref["k3"]["silhouette"].get<double>(), 1e-9));
    auto species = ints(loadModelReference("iris.json")["y"]);
    CHECK_THAT(*silhouetteScore(x, species), WithinAbs(ref["silhouette_of_species"].get<double>(), 1e-9));
}

TEST_CASE("KMeans: iris k=3 reaches scikit-learn's clustering and inertia", "[model]")
{
    auto ref = loadModelReference("iris_kmeans.json");
    Eigen::MatrixXd x = matrix(ref["x"]);
    KMeansParams p;
    p.clusters = 3;
    p.seed = 0;
    KMeans km(p);
    REQUIRE(km.fit(x).ok());
    CHECK_THAT(km.inertia(), WithinRel(ref["k3"]["inertia"].get<double>(), 1e-9));
    // The same partition up to renaming the clusters.
    auto sk = ints(ref["k3"]["labels"]);
    std::map<int, int> rename;
    bool same = true;
    for (std::size_t i = 0; i < sk.size(); ++i) {
        auto [it, fresh] = rename.emplace(km.labels()[i], sk[i]);
        same = same && it->second == sk[i];
    }
    CHECK(same);
    CHECK(km.predict(x) == km.labels());
    for (const char* k : {"k2", "k4", "k5"}) {
        INFO(k);
        KMeansParams q;
        q.clusters = k[1] - '0';
        KMeans other(q);
        REQUIRE(other.fit(x).ok());
        // Never worse than sklearn's best of 10 by more than a rounding error.
        CHECK(other.inertia() <= ref[k]["inertia"].get<double>() * (1 + 1e-9));
    }
}

TEST_CASE("KMeans: the same seed gives the same clustering", "[model]")
{
    auto ref = loadModelReference("iris_kmeans.json");
    Eigen::MatrixXd x = matrix(ref["x"]);
    KMeansParams p;
    p.clusters = 4;
    p.nInit = 1;
    p.seed = 11;
    KMeans a(p), b(p);
    REQUIRE(a.fit(x).ok());
    REQUIRE(b.fit(x).ok());
    CHECK(a.labels() == b.labels());
    CHECK(a.centres() == b.centres());
}

TEST_CASE("KMeans and silhouette: degenerate inputs", "[model]")
{
    Eigen::MatrixXd x(3, 1);
    x << 0, 0, 0;
    KMeansParams p;
    p.clusters = 4;
    CHECK_FALSE(KMeans(p).fit(x).ok());
    p.clusters = 2;
    KMeans km(p);
    REQUIRE(km.fit(x).ok());  // identical rows: an empty cluster is relocated, inertia 0
    CHECK(km.inertia() == 0.0);
    MetricValue one = silhouetteScore(x, {0, 0, 0});
    CHECK_FALSE(one.defined());
    CHECK_THAT(one.reason, Catch::Matchers::Contains("between 2"));
    CHECK_FALSE(silhouetteScore(x, {0, 1, 2}).defined());
    // A row alone in its cluster scores 0.
    Eigen::MatrixXd y(4, 1);
    y << 0, 1, 10, 11;
    MetricValue s = silhouetteScore(y, {0, 0, 1, 2});
    REQUIRE(s.defined());
    // Row 0: a = 1, b = min(10, 11) = 10 -> 0.9. Row 1: a = 1, b = min(9, 10) = 9 -> 8/9. Rows 2, 3: alone -> 0.
    CHECK_THAT(*s, WithinAbs((0.9 + 8.0 / 9.0) / 4, 1e-12));
}
