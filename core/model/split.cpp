#include "core/model/split.h"

#include "core/stats/shuffle_split.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string>

namespace preplab::model {

namespace {

SplitIndices fromTestMask(const std::vector<char>& isTest)
{
    SplitIndices out;
    for (std::size_t i = 0; i < isTest.size(); ++i)
        (isTest[i] ? out.test : out.train).push_back(i);
    return out;
}

std::string normalise(std::string_view s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    std::string out(s.substr(b, e - b));
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

Result<SplitIndices> trainTestSplit(std::size_t n, double testFraction, std::uint64_t seed,
                                    const std::vector<int>& labels)
{
    if (!(testFraction > 0 && testFraction < 1))
        return makeError(ErrorCode::BadUsage, "the test fraction must be between 0 and 1 (exclusive)");
    const auto nTest = static_cast<std::size_t>(std::ceil(testFraction * static_cast<double>(n)));
    if (n < 2 || nTest == 0 || nTest >= n)
        return makeError(ErrorCode::BadData, "cannot split " + std::to_string(n) + " rows into a train and a test set");
    if (!labels.empty() && labels.size() != n)
        return makeError(ErrorCode::BadData, "stratification labels and rows differ in length");
    SplitIndices out;
    std::vector<int> classOf;
    if (!labels.empty()) {
        // np.unique order: classes by ascending label.
        ColumnPtr column = Column::makeInteger(std::vector<std::int64_t>(labels.begin(), labels.end()));
        classOf = stats::sortedClassCodes(*column, nullptr, nullptr);
    }
    auto rows = stats::shuffleSplit(n, nTest, seed, classOf);
    if (!rows && !classOf.empty()) {
        out.note = "not stratified: " + rows.error().message;
        rows = stats::shuffleSplit(n, nTest, seed);
    }
    if (!rows)
        return rows.error();
    out.train = std::move(rows->train);
    out.test = std::move(rows->test);
    return out;
}

Result<SplitIndices> splitFromColumn(const Column& split, const std::vector<std::size_t>& rows,
                                     const std::string& columnName)
{
    if (split.type() != ColumnType::Categorical && split.type() != ColumnType::Text)
        return makeError(ErrorCode::BadData, "column '" + columnName + "' must hold the values train / test");
    std::vector<char> isTest(rows.size(), 0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::size_t r = rows[i];
        if (r >= split.size() || split.isMissing(r))
            return makeError(ErrorCode::BadData, "column '" + columnName + "' is missing in row " + std::to_string(r + 1));
        std::string v = normalise(split.text(r));
        if (v == "test")
            isTest[i] = 1;
        else if (v != "train")
            return makeError(ErrorCode::BadData, "column '" + columnName + "' row " + std::to_string(r + 1) + ": '" +
                                                     std::string(split.text(r)) + "' is neither train nor test");
    }
    SplitIndices out = fromTestMask(isTest);
    if (out.train.empty() || out.test.empty())
        return makeError(ErrorCode::BadData, "column '" + columnName + "' leaves the " +
                                                 (out.train.empty() ? "train" : "test") + " set empty");
    return out;
}

Result<std::vector<SplitIndices>> kFold(std::size_t n, int folds)
{
    if (folds < 2)
        return makeError(ErrorCode::BadUsage, "cross-validation needs at least 2 folds");
    if (n < static_cast<std::size_t>(folds))
        return makeError(ErrorCode::BadData, std::to_string(folds) + " folds but only " + std::to_string(n) + " rows");
    std::vector<SplitIndices> out;
    const std::size_t k = static_cast<std::size_t>(folds), base = n / k, extra = n % k;
    std::size_t start = 0;
    for (std::size_t f = 0; f < k; ++f) {
        std::size_t size = base + (f < extra ? 1 : 0);
        std::vector<char> isTest(n, 0);
        for (std::size_t i = start; i < start + size; ++i)
            isTest[i] = 1;
        out.push_back(fromTestMask(isTest));
        start += size;
    }
    return out;
}

Result<std::vector<SplitIndices>> stratifiedKFold(const std::vector<int>& labels, int folds)
{
    if (folds < 2)
        return makeError(ErrorCode::BadUsage, "cross-validation needs at least 2 folds");
    const std::size_t n = labels.size(), k = static_cast<std::size_t>(folds);
    // Classes in order of first appearance (sklearn's y_encoded).
    std::map<int, std::size_t> firstSeen;
    for (std::size_t i = 0; i < n; ++i)
        firstSeen.emplace(labels[i], firstSeen.size());
    std::vector<std::size_t> encoded(n);
    std::vector<std::size_t> classCount(firstSeen.size(), 0);
    for (std::size_t i = 0; i < n; ++i) {
        encoded[i] = firstSeen[labels[i]];
        ++classCount[encoded[i]];
    }
    std::size_t largest = classCount.empty() ? 0 : *std::max_element(classCount.begin(), classCount.end());
    if (largest < k)
        return makeError(ErrorCode::BadData, std::to_string(folds) + " folds but no class has that many rows");
    std::vector<std::size_t> sorted = encoded;
    std::sort(sorted.begin(), sorted.end());
    // allocation[f][c] = count of class c among sorted[f], sorted[f + k], ...
    std::vector<std::vector<std::size_t>> allocation(k, std::vector<std::size_t>(classCount.size(), 0));
    for (std::size_t i = 0; i < n; ++i)
        ++allocation[i % k][sorted[i]];
    std::vector<std::size_t> testFold(n);
    for (std::size_t c = 0; c < classCount.size(); ++c) {
        std::size_t f = 0, used = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (encoded[i] != c)
                continue;
            while (used == allocation[f][c]) {
                ++f;
                used = 0;
            }
            testFold[i] = f;
            ++used;
        }
    }
    std::vector<SplitIndices> out;
    for (std::size_t f = 0; f < k; ++f) {
        std::vector<char> isTest(n, 0);
        for (std::size_t i = 0; i < n; ++i)
            isTest[i] = testFold[i] == f;
        out.push_back(fromTestMask(isTest));
    }
    return out;
}

} // namespace preplab::model
