// The kernels behind fast step reports and fitted ops: changed-cell marking (markChangedCells)
// against the cell-by-cell definition, memoised column summaries, selection by histogram buckets
// against a full sort, mapNumbers, coversAllRows and parallelTasks, on real data (adult, penguins).
#include "core/io/reader.h"
#include "core/ops/column_diff.h"
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/registry.h"
#include "core/ops/step_report.h"
#include "core/stats/numpy_like.h"
#include "core/util/parallel.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

using namespace preplab;

namespace {

Table dataset(const std::string& name)
{
    auto read = io::readTable(std::string(PREPLAB_SHARED_DIR) + "/datasets/" + name);
    REQUIRE(read);
    return read->table;
}

// The definition markChangedCells implements, one cell at a time through Column::format.
std::vector<std::uint8_t> changedByText(const Column& before, const Column& after, const std::size_t* source)
{
    std::vector<std::uint8_t> out(after.size(), 0);
    for (std::size_t i = 0; i < after.size(); ++i) {
        const std::size_t j = source ? source[i] : i;
        if (j == ops::kNewRow || j >= before.size())
            continue;
        const bool vb = before.isValid(j), va = after.isValid(i);
        if (vb != va) {
            out[i] = 1;
        } else if (vb) {
            if (before.type() == ColumnType::Numeric && after.type() == ColumnType::Numeric) {
                const double a = before.doubles()[j], b = after.doubles()[i];
                out[i] = !(a == b || (std::isnan(a) && std::isnan(b)));
            } else {
                out[i] = before.format(j) != after.format(i);
            }
        }
    }
    return out;
}

void checkAgainstText(const Column& before, const Column& after, const std::size_t* source = nullptr)
{
    std::vector<std::uint8_t> mask;
    const std::size_t n = ops::markChangedCells(before, after, source, mask);
    const auto expected = changedByText(before, after, source);
    CHECK(mask == expected);
    CHECK(n == static_cast<std::size_t>(std::count(expected.begin(), expected.end(), std::uint8_t{1})));
}

std::vector<double> numbersOf(const Column& c)
{
    std::vector<double> v;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (c.isValid(i))
            v.push_back(c.number(i));
    return v;
}

} // namespace

TEST_CASE("markChangedCells: same-type columns of penguins, against the cell-by-cell definition", "[report]")
{
    const Table t = dataset("penguins.csv");
    const Column& bill = *t.find("bill_length_mm");  // Numeric, 2 missing
    REQUIRE(bill.missingCount() == 2);
    // impute-like: missing -> 44.45, one value changed, one present value made missing
    std::vector<std::optional<double>> cells;
    for (std::size_t i = 0; i < bill.size(); ++i)
        cells.push_back(bill.isValid(i) ? std::optional<double>(bill.number(i)) : std::optional<double>(44.45));
    cells[0] = 39.2;  // was 39.1
    cells[5] = std::nullopt;
    auto filled = Column::fromOptionals(cells);
    std::vector<std::uint8_t> mask;
    CHECK(ops::markChangedCells(bill, *filled, nullptr, mask) == 4);
    CHECK(mask[0] == 1);
    CHECK(mask[5] == 1);
    CHECK(mask[1] == 0);
    checkAgainstText(bill, *filled);
    checkAgainstText(bill, bill);

    // Integer against Integer, Categorical with another dictionary order, Text
    const Column& year = *t.find("year");
    std::vector<std::int64_t> shifted(year.ints());
    shifted[10] += 1;
    checkAgainstText(year, *Column::makeInteger(shifted));
    const Column& island = *t.find("island");
    std::vector<std::optional<std::string>> names;
    for (std::size_t i = 0; i < island.size(); ++i)
        names.emplace_back(i == 7 ? std::string("Biscoe") : std::string(island.text(i)));
    std::reverse(names.begin(), names.end());
    auto reversed = Column::fromStrings(names);  // categories in another order
    std::vector<std::optional<std::string>> back(names.rbegin(), names.rend());
    auto again = Column::fromStrings(back);
    checkAgainstText(island, *reversed);
    checkAgainstText(island, *again);
    CHECK(ops::markChangedCells(island, *again, nullptr, mask) == (island.text(7) == "Biscoe" ? 0u : 1u));
    checkAgainstText(*t.find("sex"), *Column::fromStrings(names, ColumnType::Text));  // type change
}

TEST_CASE("markChangedCells: Integer to Numeric compares canonical text", "[report]")
{
    // 3 -> 3.0 prints "3" both ways; 1000000.0 prints "1e+06"; -0.0 prints "-0"; 2^53 + 1 has
    // no double; 7 -> 7.5 is a change of value.
    const std::vector<std::int64_t> ints{3, 1000000, 0, 9007199254740993, 7, 12345, -40};
    const std::vector<double> doubles{3.0, 1000000.0, -0.0, 9007199254740992.0, 7.5, 12345.0, -40.0};
    auto before = Column::makeInteger(ints);
    auto after = Column::makeNumeric(doubles);
    std::vector<std::uint8_t> mask;
    CHECK(ops::markChangedCells(*before, *after, nullptr, mask) == 4);
    CHECK(mask == std::vector<std::uint8_t>{0, 1, 1, 1, 1, 0, 0});
    checkAgainstText(*before, *after);

    // scale-like on real data: penguins' body_mass_g (Integer) against its z-scores and itself
    const Table t = dataset("penguins.csv");
    const Column& mass = *t.find("body_mass_g");
    REQUIRE(mass.type() == ColumnType::Integer);
    checkAgainstText(mass, *ops::mapNumbers(mass, [](double x) { return (x - 4201.754385964912) / 801.9545356980956; }));
    checkAgainstText(mass, *ops::mapNumbers(mass, [](double x) { return x; }));
}

TEST_CASE("markChangedCells and ColumnSummary on one-byte Integer columns", "[report]")
{
    // penguins' flipper_length_mm minus 170 fits a byte (2..61); the one-byte and the int64 copy
    // hold the same values, so nothing changed between them, and their summaries agree.
    const Table t = dataset("penguins.csv");
    const Column& flipper = *t.find("flipper_length_mm");
    REQUIRE(flipper.type() == ColumnType::Integer);
    std::vector<std::uint8_t> bytes(flipper.size(), 0);
    std::vector<std::int64_t> wide(flipper.size(), 0);
    for (std::size_t i = 0; i < flipper.size(); ++i)
        if (flipper.isValid(i)) {
            wide[i] = flipper.integer(i) - 170;
            bytes[i] = static_cast<std::uint8_t>(wide[i]);
        }
    auto small = Column::makeSmallInteger(bytes, flipper.validMask());
    auto large = Column::makeInteger(wide, flipper.validMask());
    REQUIRE(small->missingCount() == 2);
    std::vector<std::uint8_t> mask;
    CHECK(ops::markChangedCells(*small, *large, nullptr, mask) == 0);
    CHECK(ops::markChangedCells(*large, *small, nullptr, mask) == 0);
    wide[5] += 1;
    CHECK(ops::markChangedCells(*small, *Column::makeInteger(wide, flipper.validMask()), nullptr, mask) == 1);
    CHECK(mask[5] == 1);
    checkAgainstText(*small, *ops::mapNumbers(*small, [](double x) { return x; }));

    // from the counts of each byte: the same figures as the int64 path to rounding, min / max exact
    const auto a = ops::ColumnSummary::of("f", *small);
    const auto b = ops::ColumnSummary::of("f", *large);
    CHECK(a.count == 342);
    CHECK(*a.mean == *b.mean);  // both an exact integer sum over the count
    CHECK_THAT(*a.std, Catch::Matchers::WithinRel(*b.std, 1e-13));
    CHECK_THAT(*a.std, Catch::Matchers::WithinRel(14.061713679356888, 1e-12));  // pandas' std() of flipper_length_mm
    CHECK(*a.min == 2.0);
    CHECK(*a.max == 61.0);
    // a Boolean column goes the same way: 0/1 counts
    auto flag = Column::makeBoolean({1, 0, 0, 1, 1}, {1, 1, 1, 1, 0});
    const auto f = ops::ColumnSummary::of("flag", *flag);
    CHECK(*f.mean == 0.5);
    CHECK_THAT(*f.std, Catch::Matchers::WithinRel(std::sqrt(1.0 / 3.0), 1e-15));
    CHECK(f.distinct == 2);
}

TEST_CASE("markChangedCells: rows that moved follow their source row", "[report]")
{
    const Table t = dataset("penguins.csv");
    const Column& flipper = *t.find("flipper_length_mm");
    std::vector<std::size_t> rows{0, 3, 3, 100, 343};
    auto gathered = flipper.gather(rows);
    std::vector<std::size_t> source{0, 3, 3, ops::kNewRow, 2};  // row 4 compared with input row 2
    std::vector<std::uint8_t> mask;
    CHECK(ops::markChangedCells(flipper, *gathered, source.data(), mask) ==
          static_cast<std::size_t>(flipper.format(343) != flipper.format(2)));
    CHECK(mask[3] == 0);  // a new row is never "changed"
    checkAgainstText(flipper, *gathered, source.data());
    // an empty column
    auto empty = Column::makeNumeric({});
    CHECK(ops::markChangedCells(*empty, *empty, nullptr, mask) == 0);
    CHECK(mask.empty());
}

TEST_CASE("ColumnSummary: ofShared remembers of() per column, integer sums exact", "[report]")
{
    const Table t = dataset("adult.csv");
    for (const char* name : {"fnlwgt", "age", "capital_gain", "workclass", "income"}) {
        const ColumnPtr& c = t.columnPtr(*t.indexOf(name));
        const auto direct = ops::ColumnSummary::of(name, *c);
        const auto shared = ops::ColumnSummary::ofShared("renamed", c);
        const auto again = ops::ColumnSummary::ofShared(name, c);
        CHECK(shared.name == "renamed");
        CHECK(again.toJson() == direct.toJson());
        CHECK(shared.count == direct.count);
        if (hasNumberValue(c->type())) {
            // the reference: doubles added one by one
            double sum = 0.0, m2 = 0.0;
            const auto v = numbersOf(*c);
            for (double x : v)
                sum += x;
            const double mean = sum / static_cast<double>(v.size());
            for (double x : v)
                m2 += (x - mean) * (x - mean);
            CHECK(*direct.mean == mean);
            CHECK(*direct.std == std::sqrt(m2 / static_cast<double>(v.size() - 1)));
            CHECK(*direct.min == *std::min_element(v.begin(), v.end()));
            CHECK(*direct.max == *std::max_element(v.begin(), v.end()));
        }
    }
    CHECK(ops::ColumnSummary::of("fnlwgt", *t.find("fnlwgt")).mean.value() == Approx(189778.36651208502));
    // completeReport summarises changed columns in batches: the same figures as one at a time
    ops::StepOutput out;
    out.table = t;
    for (const char* name : {"age", "fnlwgt", "capital_gain", "capital_loss", "hours_per_week"}) {
        const std::size_t idx = *t.indexOf(name);
        (void)out.table.setColumn(idx, ops::mapNumbers(t.column(idx), [](double x) { return x * 0.5 - 3; }));
    }
    ops::completeReport(t, out);
    REQUIRE(out.report.changed.size() == 5);
    for (const auto& change : out.report.changed) {
        const std::size_t idx = *t.indexOf(change.column);
        CHECK(change.before.toJson() == ops::ColumnSummary::of(change.column, t.column(idx)).toJson());
        CHECK(change.after.toJson() == ops::ColumnSummary::of(change.column, out.table.column(idx)).toJson());
        CHECK(change.changedCells > 0);
    }
    // with missing values: penguins' body_mass_g (2 missing), one value, all missing
    const Table p = dataset("penguins.csv");
    const auto mass = ops::ColumnSummary::of("m", *p.find("body_mass_g"));
    CHECK(mass.count == 342);
    CHECK(mass.missing == 2);
    CHECK(*mass.mean == Approx(4201.754385964912).epsilon(1e-15));
    CHECK(*mass.std == Approx(801.9545356980956).epsilon(1e-13));
    const auto one = ops::ColumnSummary::of("one", *Column::makeInteger({5}));
    CHECK(*one.mean == 5.0);
    CHECK(!one.std);
    const auto none = ops::ColumnSummary::of("none", *Column::fromOptionals({std::nullopt, std::nullopt}));
    CHECK(none.missing == 2);
    CHECK(!none.mean);
}

TEST_CASE("percentileSelect / percentilesSelect / medianSelect: bucketed selection equals a full sort", "[stats]")
{
    const Table t = dataset("adult.csv");  // 32561 rows: above the bucketing threshold
    for (const char* name : {"fnlwgt", "age", "capital_gain", "hours_per_week"}) {
        std::vector<double> v = numbersOf(*t.find(name));
        REQUIRE(v.size() > 20000);
        std::vector<double> centred(v);
        const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
        for (double& x : centred)
            x = (x - mean) / 3.0;  // negative and positive, not whole
        for (std::vector<double>* values : {&v, &centred}) {
            std::vector<double> sorted(*values);
            std::sort(sorted.begin(), sorted.end());
            for (double q : {0.0, 1.0, 5.0, 25.0, 50.0, 75.0, 95.0, 99.0, 100.0, 33.3}) {
                std::vector<double> work(*values);
                CHECK(stats::percentileSelect(work, q) == stats::percentileSorted(sorted, q));
            }
            std::vector<double> all(*values);
            const std::vector<double> qs{75.0, 25.0, 0.0, 100.0, 50.0, 99.9};
            const std::vector<double> together = stats::percentilesSelect(all, qs);
            REQUIRE(together.size() == qs.size());
            for (std::size_t p = 0; p < qs.size(); ++p)
                CHECK(together[p] == stats::percentileSorted(sorted, qs[p]));
            std::vector<double> work(*values);
            CHECK(stats::medianSelect(work) == stats::medianSorted(sorted));
            work.pop_back();  // the other parity
            std::vector<double> sortedOdd(work);
            std::sort(sortedOdd.begin(), sortedOdd.end());
            CHECK(stats::medianSelect(work) == stats::medianSorted(sortedOdd));
        }
    }
    std::vector<double> constant(20000, 2.5);  // one bucket holds everything
    CHECK(stats::percentileSelect(constant, 25) == 2.5);
    std::vector<double> one{7.25};
    CHECK(stats::percentilesSelect(one, {0, 50, 100}) == std::vector<double>{7.25, 7.25, 7.25});
    CHECK(stats::medianSelect(constant) == 2.5);
}

TEST_CASE("mapNumbers and coversAllRows", "[ops]")
{
    const Table t = dataset("penguins.csv");
    const Column& depth = *t.find("bill_depth_mm");  // Numeric with 2 missing
    auto halved = ops::mapNumbers(depth, [](double x) { return x / 2; });
    REQUIRE(halved->size() == depth.size());
    CHECK(halved->missingCount() == 2);
    CHECK(halved->doubles()[0] == 18.7 / 2);
    // NaN results become missing (numericFromNaN)
    auto logs = ops::mapNumbers(*t.find("year"), [](double x) { return x == 2007 ? std::nan("") : x; });
    CHECK(logs->type() == ColumnType::Numeric);
    CHECK(logs->missingCount() == 110);  // penguins from 2007
    auto capped = ops::mapNumbers(depth, [](double x) { return x > 20 ? std::nan("") : x; });
    std::size_t deep = 0;
    for (double x : numbersOf(depth))
        deep += x > 20;
    CHECK(deep == 17);
    CHECK(capped->missingCount() == 2 + deep);
    CHECK(capped->doubles()[0] == 18.7);
    CHECK(!capped->isValid(3));  // missing in the input
    CHECK(capped->doubles()[3] == 0.0);
    CHECK(ops::coversAllRows({0, 1, 2}, 3));
    CHECK(!ops::coversAllRows({0, 2}, 3));
    CHECK(!ops::coversAllRows({1, 2, 3}, 3));
    CHECK(ops::coversAllRows({}, 0));
}

TEST_CASE("parallelTasks runs every task once", "[util]")
{
    const Table t = dataset("penguins.csv");
    for (std::size_t n : {0u, 1u, 2u, 8u, 1000u}) {
        std::vector<std::atomic<int>> runs(n);
        parallelTasks(n, [&](std::size_t i) { ++runs[i]; });
        CHECK(std::all_of(runs.begin(), runs.end(), [](const std::atomic<int>& r) { return r == 1; }));
    }
    std::vector<double> sums(t.columnCount(), 0.0);
    parallelTasks(t.columnCount(), [&](std::size_t c) {
        if (hasNumberValue(t.column(c).type()))
            for (double x : numbersOf(t.column(c)))
                sums[c] += x;
    });
    CHECK(sums[*t.indexOf("body_mass_g")] == 1437000.0);
}

TEST_CASE("one_hot remembers its indicators' summaries: equal to ColumnSummary::of", "[report]")
{
    for (const char* file : {"penguins.csv", "adult.csv"}) {
        const Table t = dataset(file);
        const nlohmann::json step = std::string(file) == "penguins.csv"
                                        ? nlohmann::json{{"op", "one_hot"}, {"columns", {"island", "sex", "species"}}}
                                        : nlohmann::json{{"op", "one_hot"}, {"columns", {"workclass", "race", "income"}}};
        auto out = ops::runStep(t, step, ops::StepContext::allRows(t));
        REQUIRE(out);
        REQUIRE(out->report.addedSummaries.size() >= 8);
        for (const auto& s : out->report.addedSummaries) {
            const Column& indicator = *out->table.find(s.name);
            CHECK(indicator.type() == ColumnType::Integer);
            CHECK(indicator.oneByte());  // a step adds one byte a row per indicator, not eight
            CHECK(indicator.memoryBytes() < t.rowCount() + 64);  // (+ an empty string arena)
            const auto fresh = ops::ColumnSummary::of(s.name, indicator);
            CHECK(s.toJson() == fresh.toJson());
            CHECK(*s.std == *fresh.std);  // bit for bit, not only as printed
            CHECK(*s.mean == *fresh.mean);
        }
    }
    // penguins' sex has 11 missing values: sex_nan counts them
    const Table p = dataset("penguins.csv");
    auto out = ops::runStep(p, {{"op", "one_hot"}, {"columns", {"sex"}}}, ops::StepContext::allRows(p));
    REQUIRE(out);
    const auto& nan = out->report.addedSummaries.back();
    CHECK(nan.name == "sex_nan");
    CHECK(*nan.mean == 11.0 / 344.0);
    CHECK(*nan.max == 1.0);
    CHECK(*nan.min == 0.0);
}
