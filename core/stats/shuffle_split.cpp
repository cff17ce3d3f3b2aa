#include "core/stats/shuffle_split.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace preplab::stats {

std::vector<std::size_t> approximateMode(const std::vector<std::size_t>& classCounts, std::size_t draws,
                                         LegacyRandomState& rng)
{
    double total = 0;
    for (std::size_t c : classCounts)
        total += static_cast<double>(c);
    const std::size_t k = classCounts.size();
    std::vector<double> continuous(k), floored(k);
    double flooredSum = 0;
    for (std::size_t i = 0; i < k; ++i) {
        continuous[i] = static_cast<double>(classCounts[i]) / total * static_cast<double>(draws);
        floored[i] = std::floor(continuous[i]);
        flooredSum += floored[i];
    }
    auto needToAdd = static_cast<std::int64_t>(static_cast<double>(draws) - flooredSum);
    if (needToAdd > 0) {
        std::vector<double> remainder(k);
        for (std::size_t i = 0; i < k; ++i)
            remainder[i] = continuous[i] - floored[i];
        std::vector<double> values = remainder;
        std::sort(values.begin(), values.end(), std::greater<>());
        values.erase(std::unique(values.begin(), values.end()), values.end());
        for (double value : values) {
            std::vector<std::size_t> tied;
            for (std::size_t i = 0; i < k; ++i)
                if (remainder[i] == value)
                    tied.push_back(i);
            const auto addNow = std::min<std::int64_t>(static_cast<std::int64_t>(tied.size()), needToAdd);
            for (std::size_t pick : rng.choice(tied.size(), static_cast<std::size_t>(addNow)))
                floored[tied[pick]] += 1;
            needToAdd -= addNow;
            if (needToAdd == 0)
                break;
        }
    }
    std::vector<std::size_t> out(k);
    for (std::size_t i = 0; i < k; ++i)
        out[i] = static_cast<std::size_t>(floored[i]);
    return out;
}

std::string StratifyRefusal::message() const
{
    if (reason == Reason::SmallClass)
        return "a class has " + std::to_string(classRows) + " row; stratifying needs at least 2 rows in every class";
    return "stratifying " + std::to_string(classCount) + " classes needs at least " + std::to_string(classCount) +
           " training and " + std::to_string(classCount) + " test rows (have " + std::to_string(trainCount) + " and " +
           std::to_string(testCount) + ")";
}

std::string StratifyRefusal::describe(const Column& classes) const
{
    if (reason == Reason::SmallClass) {
        const std::string name = classes.isValid(firstRow) ? "\"" + classes.format(firstRow) + "\"" : "missing";
        return "the class " + name + " has only one row (row " + std::to_string(firstRow + 1) +
               "), and every class needs at least two";
    }
    const std::string k = std::to_string(classCount);
    return k + " classes need at least " + k + " training and test rows each (there are " + std::to_string(trainCount) +
           " and " + std::to_string(testCount) + ")";
}

std::optional<StratifyRefusal> stratifyRefusal(const std::vector<int>& classOf, std::size_t testCount)
{
    if (classOf.empty())
        return std::nullopt;
    StratifyRefusal out;
    out.classCount = static_cast<std::size_t>(*std::max_element(classOf.begin(), classOf.end()) + 1);
    out.testCount = testCount;
    out.trainCount = classOf.size() > testCount ? classOf.size() - testCount : 0;
    std::vector<std::size_t> size(out.classCount, 0), firstRow(out.classCount, 0);
    for (std::size_t r = classOf.size(); r-- > 0;) {
        ++size[static_cast<std::size_t>(classOf[r])];
        firstRow[static_cast<std::size_t>(classOf[r])] = r;
    }
    for (std::size_t c = 0; c < out.classCount; ++c)
        if (size[c] < 2) {
            out.reason = StratifyRefusal::Reason::SmallClass;
            out.classCode = static_cast<int>(c);
            out.classRows = size[c];
            out.firstRow = firstRow[c];
            return out;
        }
    if (out.trainCount < out.classCount || out.testCount < out.classCount) {
        out.reason = StratifyRefusal::Reason::TooFewRows;
        return out;
    }
    return std::nullopt;
}

Result<TrainTestRows> shuffleSplit(std::size_t n, std::size_t testCount, std::uint64_t seed,
                                   const std::vector<int>& classOf)
{
    if (testCount < 1 || testCount >= n)
        return makeError(ErrorCode::BadData, "cannot split " + std::to_string(n) + " row" + (n == 1 ? "" : "s") +
                                                 " into " + std::to_string(testCount) +
                                                 " test rows and at least one training row");
    if (!LegacyRandomState::isValidSeed(seed))
        return makeError(ErrorCode::BadUsage, "the seed must be between 0 and 4294967295 (numpy's seed range)");
    if (!classOf.empty() && classOf.size() != n)
        return makeError(ErrorCode::BadData, "the class labels and the rows differ in length");
    LegacyRandomState rng(seed);
    const std::size_t trainCount = n - testCount;
    std::vector<char> isTest(n, 0);
    if (classOf.empty()) {
        auto p = rng.permutation(n);
        for (std::size_t j = 0; j < testCount; ++j)
            isTest[p[j]] = 1;
    } else {
        if (auto refusal = stratifyRefusal(classOf, testCount))
            return makeError(ErrorCode::BadData, refusal->message());
        const auto k = static_cast<std::size_t>(*std::max_element(classOf.begin(), classOf.end()) + 1);
        std::vector<std::vector<std::size_t>> rowsOf(k);
        for (std::size_t r = 0; r < n; ++r)
            rowsOf[static_cast<std::size_t>(classOf[r])].push_back(r);
        std::vector<std::size_t> counts;
        for (const auto& rows : rowsOf)
            counts.push_back(rows.size());
        auto trainOf = approximateMode(counts, trainCount, rng);
        std::vector<std::size_t> remaining(k);
        for (std::size_t c = 0; c < k; ++c)
            remaining[c] = counts[c] - trainOf[c];
        auto testOf = approximateMode(remaining, testCount, rng);
        for (std::size_t c = 0; c < k; ++c) {
            auto p = rng.permutation(counts[c]);
            for (std::size_t j = trainOf[c]; j < trainOf[c] + testOf[c] && j < p.size(); ++j)
                isTest[rowsOf[c][p[j]]] = 1;
        }
    }
    TrainTestRows out;
    for (std::size_t r = 0; r < n; ++r)
        (isTest[r] ? out.test : out.train).push_back(r);
    return out;
}

std::vector<int> sortedClassCodes(const Column& column, const std::vector<std::size_t>* rows, std::size_t* classCount)
{
    const std::size_t n = rows ? rows->size() : column.size();
    auto rowAt = [&](std::size_t i) { return rows ? (*rows)[i] : i; };
    std::vector<int> codes(n, -1);
    int next = 0;
    if (hasNumberValue(column.type())) {
        std::map<double, int> order;
        for (std::size_t i = 0; i < n; ++i)
            if (column.isValid(rowAt(i)))
                order.emplace(column.number(rowAt(i)), 0);
        for (auto& [value, code] : order)
            code = next++;
        for (std::size_t i = 0; i < n; ++i)
            if (column.isValid(rowAt(i)))
                codes[i] = order[column.number(rowAt(i))];
    } else {
        std::map<std::string, int, std::less<>> order;
        for (std::size_t i = 0; i < n; ++i)
            if (column.isValid(rowAt(i)))
                order.emplace(std::string(column.text(rowAt(i))), 0);
        for (auto& [value, code] : order)
            code = next++;
        for (std::size_t i = 0; i < n; ++i)
            if (column.isValid(rowAt(i)))
                codes[i] = order.find(column.text(rowAt(i)))->second;
    }
    bool anyMissing = false;
    for (int& c : codes)
        if (c < 0) {
            c = next;
            anyMissing = true;
        }
    if (classCount)
        *classCount = static_cast<std::size_t>(next) + (anyMissing ? 1 : 0);
    return codes;
}

} // namespace preplab::stats
