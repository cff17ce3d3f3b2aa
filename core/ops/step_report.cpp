#include "core/ops/step_report.h"

#include "core/ops/column_diff.h"
#include "core/ops/op.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace preplab::ops {

namespace {

// mean, std, min and max of the present values, in row order: the sum and the squared
// deviations are added one value after the other (two passes), as pandas' describe() would on
// the same values up to its own summation order. Masked-out rows add 0 (or leave min / max
// alone), which changes nothing: a sum that starts at +0 never becomes -0.
void addMoments(const double* x, const std::uint8_t* valid, std::size_t n, std::int64_t k, ColumnSummary& s)
{
    double sum = 0.0, lo = INFINITY, hi = -INFINITY;
    for (std::size_t i = 0; i < n; ++i) {
        const bool present = !valid || valid[i];
        sum += present ? x[i] : 0.0;
        lo = std::min(lo, present ? x[i] : INFINITY);
        hi = std::max(hi, present ? x[i] : -INFINITY);
    }
    const double mean = sum / static_cast<double>(k);
    double m2 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = x[i] - mean;
        m2 += !valid || valid[i] ? d * d : 0.0;
    }
    s.mean = mean;
    if (k > 1)
        s.std = std::sqrt(m2 / static_cast<double>(k - 1));
    s.min = lo;
    s.max = hi;
}

// The same for int64 values read as doubles. When every partial sum is an integer below 2^53 the
// double sum is exact in any order, so it is summed as integers (vectorised); min and max too
// (the conversion to double keeps the order).
void addMoments(const std::int64_t* v, const std::uint8_t* valid, std::size_t n, std::int64_t k, ColumnSummary& s)
{
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = std::numeric_limits<std::int64_t>::min();
    std::uint64_t maxAbs = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const bool present = !valid || valid[i];
        const std::int64_t x = v[i];
        lo = std::min(lo, present ? x : std::numeric_limits<std::int64_t>::max());
        hi = std::max(hi, present ? x : std::numeric_limits<std::int64_t>::min());
    }
    maxAbs = std::max(lo < 0 ? 0 - static_cast<std::uint64_t>(lo) : static_cast<std::uint64_t>(lo),
                      hi < 0 ? 0 - static_cast<std::uint64_t>(hi) : static_cast<std::uint64_t>(hi));
    constexpr double kExact = 9007199254740992.0;  // 2^53
    double sum = 0.0;
    if (static_cast<double>(maxAbs) * static_cast<double>(k) <= kExact / 2) {
        std::int64_t total = 0;
        for (std::size_t i = 0; i < n; ++i)
            total += !valid || valid[i] ? v[i] : 0;
        sum = static_cast<double>(total);
    } else {
        for (std::size_t i = 0; i < n; ++i)
            sum += !valid || valid[i] ? static_cast<double>(v[i]) : 0.0;
    }
    const double mean = sum / static_cast<double>(k);
    double m2 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = static_cast<double>(v[i]) - mean;
        m2 += !valid || valid[i] ? d * d : 0.0;
    }
    s.mean = mean;
    if (k > 1)
        s.std = std::sqrt(m2 / static_cast<double>(k - 1));
    s.min = static_cast<double>(lo);
    s.max = static_cast<double>(hi);
}

} // namespace

ColumnSummary ColumnSummary::of(const std::string& name, const Column& column)
{
    ColumnSummary s;
    s.name = name;
    s.type = column.type();
    s.missing = static_cast<std::int64_t>(column.missingCount());
    s.count = static_cast<std::int64_t>(column.size()) - s.missing;
    const std::size_t n = column.size();
    const std::uint8_t* valid = column.validMask().empty() ? nullptr : column.validMask().data();
    if (hasNumberValue(column.type()) && s.count > 0) {
        if (column.type() == ColumnType::Numeric)
            addMoments(column.doubles().data(), valid, n, s.count, s);
        else
            addMoments(column.ints().data(), valid, n, s.count, s);
    }
    if (column.type() == ColumnType::Categorical) {
        std::vector<std::uint8_t> seen(column.categories().size(), 0);
        const std::int32_t* codes = column.codes().data();
        for (std::size_t i = 0; i < n; ++i)
            if (!valid || valid[i])
                seen[static_cast<std::size_t>(codes[i])] = 1;
        s.distinct = std::count(seen.begin(), seen.end(), std::uint8_t{1});
    } else if (column.type() == ColumnType::Text) {
        std::unordered_set<std::string_view> seen;
        for (std::size_t i = 0; i < n; ++i)
            if (column.isValid(i))
                seen.insert(column.text(i));
        s.distinct = static_cast<std::int64_t>(seen.size());
    } else if (column.type() == ColumnType::Boolean) {
        bool t = false, f = false;
        for (std::size_t i = 0; i < n; ++i)
            if (column.isValid(i))
                (column.ints()[i] ? t : f) = true;
        s.distinct = int(t) + int(f);
    }
    return s;
}

namespace {

// Summaries of the columns still alive, by column (not by name): the "after" of one step is the
// "before" of the next, and a step re-run on the same input finds its "before" here. The cache
// holds weak references only, so it keeps no column alive.
class SummaryCache {
public:
    std::optional<ColumnSummary> find(const ColumnPtr& column)
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [key, summary] : m_entries)
            if (!key.owner_before(column) && !column.owner_before(key) && !key.expired())
                return summary;
        return std::nullopt;
    }
    void store(const ColumnPtr& column, const ColumnSummary& summary)
    {
        std::lock_guard lock(m_mutex);
        if (m_entries.size() < kCapacity) {
            m_entries.emplace_back(column, summary);
            return;
        }
        m_entries[m_next] = {column, summary};
        m_next = (m_next + 1) % kCapacity;
    }

private:
    static constexpr std::size_t kCapacity = 1024;
    std::mutex m_mutex;
    std::vector<std::pair<std::weak_ptr<const Column>, ColumnSummary>> m_entries;
    std::size_t m_next = 0;
};

SummaryCache& summaryCache()
{
    static SummaryCache cache;
    return cache;
}

} // namespace

ColumnSummary ColumnSummary::ofShared(const std::string& name, const ColumnPtr& column)
{
    if (auto known = summaryCache().find(column)) {
        known->name = name;
        return *known;
    }
    ColumnSummary s = of(name, *column);
    summaryCache().store(column, s);
    return s;
}

nlohmann::json ColumnSummary::toJson() const
{
    nlohmann::json j{{"name", name}, {"type", columnTypeName(type)}, {"count", count}, {"missing", missing}};
    if (distinct >= 0)
        j["distinct"] = distinct;
    auto put = [&](const char* key, const std::optional<double>& v) {
        if (v && std::isfinite(*v))
            j[key] = *v;
    };
    put("mean", mean);
    put("std", std);
    put("min", min);
    put("max", max);
    return j;
}

std::size_t StepReport::changedCells() const
{
    std::size_t n = 0;
    for (const auto& c : changed)
        n += c.changedCells;
    return n;
}

nlohmann::json StepReport::toJson() const
{
    nlohmann::json j{{"step", stepIndex}, {"op", op}, {"ran", ran}, {"description", description},
                     {"rows_before", rowsBefore}, {"rows_after", rowsAfter}};
    if (!fitted.is_null()) {
        j["fitted"] = fitted;
        j["fitted_on"] = fittedOn;
        j["fit_rows"] = fitRowCount;
    }
    auto& cols = j["changed"] = nlohmann::json::array();
    for (const auto& c : changed)
        cols.push_back({{"column", c.column}, {"changed_cells", c.changedCells}, {"before", c.before.toJson()},
                        {"after", c.after.toJson()}});
    j["rows_removed"] = rowsRemoved;
    j["rows_added"] = rowsAdded;
    j["columns_added"] = columnsAdded;
    j["columns_removed"] = columnsRemoved;
    auto& added = j["added_columns"] = nlohmann::json::array();
    for (const auto& s : addedSummaries)
        added.push_back(s.toJson());
    j["renamed"] = renamed;
    auto& w = j["warnings"] = nlohmann::json::array();
    for (const auto& d : warnings)
        w.push_back(d.message);
    return j;
}

namespace {

std::string shortNumber(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

} // namespace

std::string StepReport::text() const
{
    std::string out = "step " + std::to_string(stepIndex + 1) + " (" + op + "): ";
    if (!ran)
        return out + "disabled, skipped\n";
    out += description.empty() ? std::string("done") : description;
    out += "\n";
    if (!fitted.is_null())
        out += "  fitted on " + fittedOn + " (" + std::to_string(fitRowCount) +
               "): " + fitted.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (rowsBefore != rowsAfter || !rowsRemoved.empty() || !rowsAdded.empty())
        out += "  rows: " + std::to_string(rowsBefore) + " -> " + std::to_string(rowsAfter) + " (" +
               std::to_string(rowsRemoved.size()) + " removed, " + std::to_string(rowsAdded.size()) + " added)\n";
    for (const auto& c : changed) {
        out += "  " + c.column + ": " + std::to_string(c.changedCells) + " cells changed";
        if (c.before.missing != c.after.missing)
            out += ", missing " + std::to_string(c.before.missing) + " -> " + std::to_string(c.after.missing);
        if (c.before.mean && c.after.mean)
            out += ", mean " + shortNumber(*c.before.mean) + " -> " + shortNumber(*c.after.mean);
        if (c.before.type != c.after.type)
            out += ", type " + std::string(columnTypeName(c.before.type)) + " -> " +
                   std::string(columnTypeName(c.after.type));
        out += "\n";
    }
    for (const auto& [from, to] : renamed)
        out += "  renamed " + from + " -> " + to + "\n";
    if (!columnsAdded.empty())
        out += "  columns added: " + joined(columnsAdded) + "\n";
    if (!columnsRemoved.empty())
        out += "  columns removed: " + joined(columnsRemoved) + "\n";
    for (const auto& w : warnings)
        out += "  warning: " + w.message + "\n";
    return out;
}

void completeReport(const Table& before, StepOutput& out, const std::vector<std::int64_t>* origin)
{
    StepReport& r = out.report;
    const Table& after = out.table;
    const auto& source = out.rowSource;
    r.rowsBefore = before.rowCount();
    r.rowsAfter = after.rowCount();
    r.changed.clear();
    r.rowsRemoved.clear();
    r.rowsAdded.clear();
    r.columnsAdded.clear();
    r.columnsRemoved.clear();
    r.addedSummaries.clear();

    if (!source.empty() || before.rowCount() != after.rowCount()) {
        std::vector<std::uint8_t> used(before.rowCount(), 0);
        for (std::size_t i = 0; i < source.size(); ++i) {
            std::size_t s = source[i];
            if (s == kNewRow || s >= used.size() || used[s])
                r.rowsAdded.push_back(i);
            else
                used[s] = 1;
        }
        for (std::size_t j = 0; j < used.size(); ++j)
            if (!used[j])
                r.rowsRemoved.push_back(origin && j < origin->size() ? (*origin)[j] : static_cast<std::int64_t>(j));
    }

    // One task per added column (its summary) and per column that may have changed (its cells,
    // then its summaries when it did); the tasks run in parallel, the results keep column order.
    struct Task {
        std::size_t after;
        std::optional<std::size_t> before;  // none: an added column
        std::string oldName;
        ColumnChange change;
        ColumnSummary added;
        bool keep = false;
    };
    std::vector<Task> tasks;
    std::unordered_map<std::string, std::string> newToOld;
    for (const auto& [from, to] : r.renamed)
        newToOld[to] = from;
    std::unordered_set<std::string> matchedBefore;
    const bool sameRows = source.empty() && before.rowCount() == after.rowCount();
    for (std::size_t c = 0; c < after.columnCount(); ++c) {
        const std::string& name = after.name(c);
        auto renamedFrom = newToOld.find(name);
        std::string oldName = renamedFrom != newToOld.end() ? renamedFrom->second : name;
        auto bi = before.indexOf(oldName);
        if (bi)
            matchedBefore.insert(oldName);
        if (bi && sameRows && before.columnPtr(*bi) == after.columnPtr(c))
            continue;
        tasks.push_back({c, bi, std::move(oldName), {}, {}, false});
    }
    const std::size_t* rowOf = sameRows || source.empty() ? nullptr : source.data();
    parallelTasks(tasks.size(), [&](std::size_t t) {
        Task& task = tasks[t];
        const ColumnPtr& a = after.columnPtr(task.after);
        if (!task.before) {
            task.added = ColumnSummary::ofShared(after.name(task.after), a);
            return;
        }
        const ColumnPtr& b = before.columnPtr(*task.before);
        ColumnChange& change = task.change;
        change.column = after.name(task.after);
        change.changedCells = markChangedCells(*b, *a, rowOf, change.changedRows);
        if (change.changedCells == 0 && a->type() == b->type())
            return;
        task.keep = true;
        change.before = ColumnSummary::ofShared(task.oldName, b);
        change.after = ColumnSummary::ofShared(change.column, a);
    });
    for (Task& task : tasks) {
        if (!task.before) {
            r.columnsAdded.push_back(after.name(task.after));
            r.addedSummaries.push_back(std::move(task.added));
        } else if (task.keep) {
            r.changed.push_back(std::move(task.change));
        }
    }
    for (std::size_t c = 0; c < before.columnCount(); ++c)
        if (!matchedBefore.count(before.name(c)))
            r.columnsRemoved.push_back(before.name(c));
}

} // namespace preplab::ops
