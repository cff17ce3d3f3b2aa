#include "core/bias/resampling.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace preplab::bias;
using Catch::Matchers::WithinAbs;

namespace {

std::vector<std::int32_t> classes(int zeros, int ones)
{
    std::vector<std::int32_t> c(static_cast<std::size_t>(zeros), 0);
    c.insert(c.end(), static_cast<std::size_t>(ones), 1);
    return c;
}

} // namespace

TEST_CASE("samplingStrategy: auto and ratio, as imbalanced-learn's check_sampling_strategy", "[resample]")
{
    using S = SamplingStrategy;
    const auto none = std::nullopt;
    CHECK(*samplingStrategy({90, 10}, true, none) == S{none, 80});
    CHECK(*samplingStrategy({90, 10}, false, none) == S{10, none});
    CHECK(*samplingStrategy({10, 90}, false, none) == S{none, 10});
    CHECK(*samplingStrategy({90, 10}, true, 0.5) == S{none, 35});  // int(90 * 0.5 - 10)
    CHECK(*samplingStrategy({90, 10}, false, 0.5) == S{20, none});  // int(10 / 0.5)
    // Ties: the first class in label order is the majority (minority); a class tied with the
    // minority is still under-sampled (to its own size) and one tied with the majority gets 0 rows.
    CHECK(*samplingStrategy({5, 5, 3}, true, none) == S{none, 0, 2});
    CHECK(*samplingStrategy({3, 5, 3}, false, none) == S{none, 3, 3});
    CHECK_FALSE(samplingStrategy({90}, true, none).ok());
    CHECK_FALSE(samplingStrategy({50, 30, 20}, true, 0.5).ok());
    CHECK_FALSE(samplingStrategy({90, 10}, true, 0.05).ok());  // would remove minority rows
    CHECK_FALSE(samplingStrategy({90, 10}, true, 0.1).ok());   // adds none: imblearn refuses too
    CHECK_FALSE(samplingStrategy({90, 10}, true, 1.5).ok());
    CHECK_FALSE(samplingStrategy({90, 10}, false, 0.1).ok());  // would keep 100 of 90
}

TEST_CASE("Random over-sampling duplicates minority rows up to the target, reproducibly", "[resample]")
{
    auto cls = classes(8, 3);
    auto added = randomOverSample(cls, {std::nullopt, 5}, 7);
    REQUIRE(added.size() == 5);
    for (auto r : added)
        CHECK(cls[r] == 1);
    CHECK(added == randomOverSample(cls, {std::nullopt, 5}, 7));
    CHECK(added != randomOverSample(cls, {std::nullopt, 5}, 8));
}

TEST_CASE("Random under-sampling keeps a subset of each class without repeats", "[resample]")
{
    auto cls = classes(8, 3);
    auto kept = randomUnderSample(cls, {3, std::nullopt}, 7);
    REQUIRE(kept.size() == 6);
    CHECK(std::set<std::size_t>(kept.begin(), kept.end()).size() == 6);
    CHECK(std::count_if(kept.begin(), kept.end(), [&](std::size_t r) { return cls[r] == 0; }) == 3);
    CHECK(std::is_sorted(kept.begin(), kept.end()));
    CHECK(kept == randomUnderSample(cls, {3, std::nullopt}, 7));
}

TEST_CASE("SMOTE: synthetic rows lie between a minority row and a minority neighbour", "[resample]")
{
    // Majority at x in [0, 10), minority at x in {100, 101, 103}; 1-D features.
    std::vector<double> x;
    std::vector<std::int32_t> cls;
    for (int i = 0; i < 10; ++i) {
        x.push_back(i);
        cls.push_back(0);
    }
    for (double v : {100.0, 101.0, 103.0}) {
        x.push_back(v);
        cls.push_back(1);
    }
    auto syn = smote(x, 1, cls, {std::nullopt, 7}, 5, 3);
    REQUIRE(syn.ok());
    REQUIRE(syn->size() == 7);
    for (const auto& s : *syn) {
        CHECK(cls[s.base] == 1);
        CHECK(cls[s.neighbour] == 1);
        CHECK(s.base != s.neighbour);
        const double v = x[s.base] + s.u * (x[s.neighbour] - x[s.base]);
        CHECK((v >= 100.0 && v <= 103.0));
    }
    // k = 1: the nearest neighbour of 103 is 101, of 100 is 101.
    auto one = smote(x, 1, cls, {std::nullopt, 7}, 1, 3);
    for (const auto& s : *one) {
        if (x[s.base] == 103.0 || x[s.base] == 100.0)
            CHECK(x[s.neighbour] == 101.0);
    }
    auto single = smote({0, 1, 2, 50}, 1, {0, 0, 0, 1}, {std::nullopt, 2}, 5, 1);
    REQUIRE_FALSE(single.ok());
    CHECK(single.error().message.find("at least 2 rows") != std::string::npos);
}
