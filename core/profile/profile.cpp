#include "core/profile/profile.h"

#include "core/stats/correlation.h"
#include "core/stats/descriptive.h"
#include "core/stats/duplicate_rows.h"
#include "core/stats/frequency.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <cmath>
#include <mutex>
#include <thread>

namespace preplab::profile {

namespace {

// Arrays a worker reuses from column to column and from one profile to the next. Touching fresh
// memory (page faults, worse in a VM) costs more than the statistics on it, so a small pool keeps
// them; a buffer bigger than kKeepBytes is released instead of kept.
struct Scratch {
    std::vector<double> values;
    std::vector<double> sortBuffer;
};

class ScratchPool {
public:
    std::unique_ptr<Scratch> acquire()
    {
        std::lock_guard lock(m_mutex);
        if (m_free.empty())
            return std::make_unique<Scratch>();
        auto s = std::move(m_free.back());
        m_free.pop_back();
        return s;
    }
    void release(std::unique_ptr<Scratch> s)
    {
        constexpr std::size_t kKeepBytes = std::size_t{256} << 20;
        if ((s->values.capacity() + s->sortBuffer.capacity()) * sizeof(double) > kKeepBytes)
            return;
        std::lock_guard lock(m_mutex);
        if (m_free.size() < hardwareThreads())
            m_free.push_back(std::move(s));
    }

private:
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Scratch>> m_free;
};

ScratchPool& scratchPool()
{
    static ScratchPool pool;
    return pool;
}

// Present values of a number-valued column in row order; NaN counts as missing (pandas).
void presentNumbers(const Column& column, std::vector<double>& values)
{
    values.resize(column.size());
    std::size_t k = 0;
    if (column.type() == ColumnType::Numeric) {
        const double* d = column.doubles().data();
        if (column.validMask().empty()) {
            for (std::size_t i = 0; i < column.size(); ++i) {
                values[k] = d[i];
                k += !std::isnan(d[i]);
            }
        } else {
            for (std::size_t i = 0; i < column.size(); ++i) {
                values[k] = d[i];
                k += column.isValid(i) && !std::isnan(d[i]);
            }
        }
    } else {
        auto copy = [&](const auto* v) {
            for (std::size_t i = 0; i < column.size(); ++i) {
                values[k] = static_cast<double>(v[i]);
                k += column.isValid(i);
            }
        };
        if (column.oneByte())
            copy(column.bytes().data());
        else
            copy(column.ints().data());
    }
    values.resize(k);
}

std::string formatNumberAs(const Column& column, double v)
{
    switch (column.type()) {
    case ColumnType::Integer: return std::to_string(static_cast<std::int64_t>(v));
    case ColumnType::Boolean: return v != 0.0 ? "true" : "false";
    case ColumnType::Datetime: return formatDatetime(static_cast<std::int64_t>(v), column.hasTime());
    default: return formatDouble(v);
    }
}

std::optional<double> defined(double v)
{
    if (std::isnan(v))
        return std::nullopt;
    return v;
}

// Sorts a column's values. Dates without a time of day are sorted as day numbers (exact: the
// milliseconds are whole multiples of a day), which keeps their range narrow enough for a
// counting sort. (Cells under missing ones hold whatever the reader left; any value there only
// costs the shortcut.)
void sortNumbers(const Column& column, std::vector<double>& values, Scratch& scratch)
{
    constexpr double kDay = 86400000.0;
    const auto& ms = column.ints();
    const bool days = column.type() == ColumnType::Datetime && !column.hasTime() &&
                      std::all_of(ms.begin(), ms.end(), [](std::int64_t v) { return v % 86400000 == 0; });
    if (days)
        for (double& v : values)
            v /= kDay;
    stats::sortValues(values, scratch.sortBuffer);
    if (days)
        for (double& v : values)
            v *= kDay;
}

void profileNumbers(ColumnProfile& p, const Column& column, const ProfileOptions& options, Scratch& scratch)
{
    std::vector<double>& values = scratch.values;
    presentNumbers(column, values);
    p.count = static_cast<std::int64_t>(values.size());
    p.missing = static_cast<std::int64_t>(column.size()) - p.count;
    const stats::Moments m = stats::moments(values);
    p.mean = defined(m.mean);
    p.std = defined(std::sqrt(m.variance));
    p.skewness = defined(m.skewness);
    if (values.empty())
        return;
    sortNumbers(column, values, scratch);
    const std::span<const double> sorted(values);
    p.min = sorted.front();
    p.max = sorted.back();
    p.q25 = defined(stats::quantileSorted(sorted, 0.25));
    p.median = defined(stats::quantileSorted(sorted, 0.5));
    p.q75 = defined(stats::quantileSorted(sorted, 0.75));
    const auto freq = stats::numberFrequenciesSorted(sorted, static_cast<std::size_t>(std::max(options.topValues, 0)));
    p.distinct = freq.distinct;
    for (const auto& t : freq.top)
        p.top.push_back({formatNumberAs(column, t.value), t.count});
    p.least = {formatNumberAs(column, freq.least.value), freq.least.count};
    if (column.type() != ColumnType::Datetime)
        p.zeros = stats::countEqualSorted(sorted, 0.0);
    if (column.type() == ColumnType::Boolean)
        return;
    // Histogram over the finite values (infinities sort to the ends).
    const auto finiteBegin = std::upper_bound(sorted.begin(), sorted.end(), -HUGE_VAL);
    const auto finiteEnd = std::lower_bound(finiteBegin, sorted.end(), HUGE_VAL);
    p.histogram = stats::histogramSorted(std::span<const double>(finiteBegin, finiteEnd), 0, options.maxBins);
    if (isNumericType(column.type()) && p.q25 && p.q75) {
        const double iqr = *p.q75 - *p.q25;
        p.outliers = stats::countOutsideSorted(sorted, *p.q25 - 1.5 * iqr, *p.q75 + 1.5 * iqr);
    }
}

void profileStrings(ColumnProfile& p, const Column& column, const ProfileOptions& options)
{
    p.missing = static_cast<std::int64_t>(column.missingCount());
    p.count = static_cast<std::int64_t>(column.size()) - p.missing;
    const auto freq = stats::textFrequencies(column, static_cast<std::size_t>(std::max(options.topValues, 0)));
    p.distinct = freq.distinct;
    for (const auto& t : freq.top)
        p.top.push_back({t.value, t.count});
    p.least = {freq.least.value, freq.least.count};
    p.numberLike = freq.numberLike;
    p.mixedShare = p.count > 0 ? static_cast<double>(p.numberLike) / static_cast<double>(p.count) : 0.0;
}

// Runs fn(i) for i in [0, n) on all hardware threads, handing out indices one at a time so that
// one expensive column does not hold up a whole block of cheap ones.
template <class Fn>
void forEachIndex(std::size_t n, Fn&& fn)
{
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < n; i = next++)
            fn(i);
    };
    const std::size_t threads = std::min<std::size_t>(hardwareThreads(), n);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& th : pool)
        th.join();
}

} // namespace

ColumnProfile profileColumn(const std::string& name, const Column& column, const ProfileOptions& options)
{
    ColumnProfile p;
    p.name = name;
    p.type = column.type();
    p.hasTime = column.hasTime();
    if (hasNumberValue(column.type())) {
        auto scratch = scratchPool().acquire();
        profileNumbers(p, column, options, *scratch);
        scratchPool().release(std::move(scratch));
    } else {
        profileStrings(p, column, options);
    }
    return p;
}

Result<TableProfile> profileTable(const Table& table, const ProfileOptions& options, const Progress& progress)
{
    TableProfile profile;
    profile.rows = static_cast<std::int64_t>(table.rowCount());
    const std::size_t columns = table.columnCount();
    profile.columns.resize(columns);

    // Text columns first: they take the longest (so none is left running alone at the end), and
    // while one is counted the other workers hold a single sort scratch each, not one more kept
    // idle in the pool beside the text column's partitions (peak memory).
    std::vector<std::size_t> order(columns);
    for (std::size_t c = 0; c < columns; ++c)
        order[c] = c;
    std::stable_partition(order.begin(), order.end(),
                          [&](std::size_t c) { return table.column(c).type() == ColumnType::Text; });
    std::mutex reportMutex;
    std::size_t done = 0;
    forEachIndex(columns, [&](std::size_t i) {
        const std::size_t c = order[i];
        if (progress.cancelled())
            return;
        profile.columns[c] = profileColumn(table.name(c), table.column(c), options);
        std::lock_guard lock(reportMutex);
        progress.report(0.8 * static_cast<double>(++done) / static_cast<double>(columns), "columns");
    });
    if (progress.cancelled())
        return makeError(ErrorCode::Cancelled, "profiling cancelled");

    if (options.computeDuplicates) {
        // A column with a different value in every row rules out duplicate rows at once.
        const bool anyUnique = std::any_of(profile.columns.begin(), profile.columns.end(), [&](const auto& p) {
            return p.missing == 0 && p.distinct == profile.rows;
        });
        profile.duplicateRows = anyUnique || columns == 0 ? 0 : stats::countDuplicateRows(table);
        progress.report(0.9, "duplicates");
    }
    if (progress.cancelled())
        return makeError(ErrorCode::Cancelled, "profiling cancelled");

    if (options.computeCorrelations) {
        std::vector<const Column*> numberColumns;
        std::vector<double> means;
        for (std::size_t c = 0; c < columns; ++c) {
            const ColumnType t = table.column(c).type();
            if (isNumericType(t) || t == ColumnType::Boolean) {
                numberColumns.push_back(&table.column(c));
                means.push_back(profile.columns[c].mean.value_or(std::nan("")));
                profile.correlationColumns.push_back(table.name(c));
            }
        }
        profile.correlationMatrix = stats::pearsonMatrix(numberColumns, means);
        const std::size_t k = numberColumns.size();
        for (std::size_t a = 0; a < k; ++a)
            for (std::size_t b = a + 1; b < k; ++b) {
                const double r = profile.correlationMatrix[a * k + b];
                if (std::abs(r) >= options.correlationAlert)
                    profile.correlated.push_back({profile.correlationColumns[a], profile.correlationColumns[b], r});
            }
    }
    profile.alerts = deriveAlerts(profile, options);
    progress.report(1.0, "done");
    return profile;
}

} // namespace preplab::profile
