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
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace preplab::ops {

namespace {

// mean, std, min and max of the present values of K number columns of equal length (one-byte
// columns from the counts of each byte: setByteMoments; other Integer and Datetime as int64, Numeric
// as double), computed together: each column's sum and
// squared deviations are added one value after the other in row order (two passes), as a loop
// over that column alone would; running K columns side by side only overlaps their chains of
// additions. Masked-out rows add 0 (or leave min / max alone), which changes nothing: a sum that
// starts at +0 never becomes -0. An int64 column whose partial sums are all integers below 2^53
// is summed exactly as integers (the double sum is exact in any order then); min and max are
// taken on the integers (the conversion to double keeps the order).
template <class T, int K, bool Masked>
void addMoments(const Column* const* columns, ColumnSummary* const* out)
{
    const std::size_t n = columns[0]->size();
    const T* x[K];
    const std::uint8_t* valid[K];
    double sum[K], lo[K], hi[K], mean[K], m2[K];
    for (int c = 0; c < K; ++c) {
        if constexpr (std::is_same_v<T, double>)
            x[c] = columns[c]->doubles().data();
        else if constexpr (std::is_same_v<T, std::uint8_t>)
            x[c] = columns[c]->bytes().data();
        else
            x[c] = columns[c]->ints().data();
        valid[c] = Masked ? columns[c]->validMask().data() : nullptr;
        sum[c] = 0.0;
        lo[c] = INFINITY;
        hi[c] = -INFINITY;
        m2[c] = 0.0;
    }
    auto present = [&valid](int c, std::size_t i) { return !Masked || valid[c][i]; };
    if constexpr (std::is_same_v<T, std::uint8_t>) {  // one byte a value: from the counts of each byte
        for (int c = 0; c < K; ++c) {
            std::array<std::size_t, 256> counts{};
            for (std::size_t i = 0; i < n; ++i)
                counts[x[c][i]] += present(c, i);
            out[c]->setByteMoments(counts);
        }
        return;
    }
    if constexpr (std::is_same_v<T, double>) {
        for (std::size_t i = 0; i < n; ++i)
            for (int c = 0; c < K; ++c) {
                const bool p = present(c, i);
                sum[c] += p ? x[c][i] : 0.0;
                lo[c] = std::min(lo[c], p ? x[c][i] : INFINITY);
                hi[c] = std::max(hi[c], p ? x[c][i] : -INFINITY);
            }
    } else {
        // no chain of additions to overlap here: one column at a time
        constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max(), kMin = std::numeric_limits<std::int64_t>::min();
        constexpr double kExact = 9007199254740992.0;  // 2^53
        for (int c = 0; c < K; ++c) {
            std::int64_t ilo = kMax, ihi = kMin;
            std::uint64_t total = 0;  // wraps when unsafe; used only when safe
            const T* v = x[c];
            for (std::size_t i = 0; i < n; ++i) {
                const bool p = present(c, i);
                ilo = std::min(ilo, p ? v[i] : kMax);
                ihi = std::max(ihi, p ? v[i] : kMin);
                total += p ? static_cast<std::uint64_t>(v[i]) : 0;
            }
            auto magnitude = [](std::int64_t a) {
                return a < 0 ? 0 - static_cast<std::uint64_t>(a) : static_cast<std::uint64_t>(a);
            };
            const double maxAbs = static_cast<double>(std::max(magnitude(ilo), magnitude(ihi)));
            if (maxAbs * static_cast<double>(out[c]->count) <= kExact / 2) {
                sum[c] = static_cast<double>(static_cast<std::int64_t>(total));
            } else {
                for (std::size_t i = 0; i < n; ++i)
                    sum[c] += present(c, i) ? static_cast<double>(v[i]) : 0.0;
            }
            lo[c] = static_cast<double>(ilo);
            hi[c] = static_cast<double>(ihi);
        }
    }
    for (int c = 0; c < K; ++c)
        mean[c] = sum[c] / static_cast<double>(out[c]->count);
    for (std::size_t i = 0; i < n; ++i)
        for (int c = 0; c < K; ++c) {
            const double d = static_cast<double>(x[c][i]) - mean[c];
            m2[c] += present(c, i) ? d * d : 0.0;
        }
    for (int c = 0; c < K; ++c) {
        ColumnSummary& s = *out[c];
        s.mean = mean[c];
        if (s.count > 1)
            s.std = std::sqrt(m2[c] / static_cast<double>(s.count - 1));
        s.min = lo[c];
        s.max = hi[c];
    }
}

template <class T, bool Masked>
void addMomentsOf(const Column* const* columns, ColumnSummary* const* out, std::size_t k)
{
    switch (k) {
    case 1: addMoments<T, 1, Masked>(columns, out); break;
    case 2: addMoments<T, 2, Masked>(columns, out); break;
    case 3: addMoments<T, 3, Masked>(columns, out); break;
    default: addMoments<T, 4, Masked>(columns, out); break;
    }
}

// Whether summaries of a and b can be computed side by side (addMoments).
bool momentsTogether(const Column& a, const Column& b)
{
    return hasNumberValue(a.type()) && hasNumberValue(b.type()) &&
           (a.type() == ColumnType::Numeric) == (b.type() == ColumnType::Numeric) &&
           a.oneByte() == b.oneByte() && a.size() == b.size() &&
           a.missingCount() < a.size() && b.missingCount() < b.size() &&
           a.validMask().empty() == b.validMask().empty();
}

// Everything but mean / std / min / max.
ColumnSummary countsOf(const std::string& name, const Column& column)
{
    ColumnSummary s;
    s.name = name;
    s.type = column.type();
    s.missing = static_cast<std::int64_t>(column.missingCount());
    s.count = static_cast<std::int64_t>(column.size()) - s.missing;
    const std::size_t n = column.size();
    const std::uint8_t* valid = column.validMask().empty() ? nullptr : column.validMask().data();
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
                (column.bools()[i] ? t : f) = true;
        s.distinct = int(t) + int(f);
    }
    return s;
}

// Summaries of columns[0..k) (k <= 4, pairwise momentsTogether when k > 1) into out[0..k).
void summarize(const Column* const* columns, ColumnSummary* const* out, std::size_t k, const std::string* names)
{
    for (std::size_t c = 0; c < k; ++c)
        *out[c] = countsOf(names[c], *columns[c]);
    if (!hasNumberValue(columns[0]->type()) || out[0]->count == 0)
        return;
    const bool masked = !columns[0]->validMask().empty();
    if (columns[0]->type() == ColumnType::Numeric)
        masked ? addMomentsOf<double, true>(columns, out, k) : addMomentsOf<double, false>(columns, out, k);
    else if (columns[0]->oneByte())
        masked ? addMomentsOf<std::uint8_t, true>(columns, out, k) : addMomentsOf<std::uint8_t, false>(columns, out, k);
    else
        masked ? addMomentsOf<std::int64_t, true>(columns, out, k) : addMomentsOf<std::int64_t, false>(columns, out, k);
}

} // namespace

void ColumnSummary::setByteMoments(const std::array<std::size_t, 256>& counts)
{
    if (count <= 0)
        return;
    std::uint64_t total = 0;
    int lo = -1, hi = -1;
    for (int v = 0; v < 256; ++v)
        if (counts[v]) {
            total += static_cast<std::uint64_t>(v) * counts[v];
            lo = lo < 0 ? v : lo;
            hi = v;
        }
    mean = static_cast<double>(total) / static_cast<double>(count);
    double m2 = 0.0;
    for (int v = lo; v <= hi; ++v)
        if (counts[v]) {
            const double d = v - *mean;
            m2 += static_cast<double>(counts[v]) * (d * d);
        }
    if (count > 1)
        std = std::sqrt(m2 / static_cast<double>(count - 1));
    min = lo;
    max = hi;
}

ColumnSummary ColumnSummary::of(const std::string& name, const Column& column)
{
    ColumnSummary s;
    const Column* columns[1] = {&column};
    ColumnSummary* out[1] = {&s};
    summarize(columns, out, 1, &name);
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

void ColumnSummary::remember(const ColumnPtr& column, const ColumnSummary& summary)
{
    summaryCache().store(column, summary);
}

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

    // One task per added column and per column that may have changed: the latter's cells are
    // compared in parallel; the results keep column order.
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
        if (!task.before)
            return;
        const Column& a = after.column(task.after);
        const Column& b = before.column(*task.before);
        ColumnChange& change = task.change;
        change.column = after.name(task.after);
        change.changedCells = markChangedCells(b, a, rowOf, change.changedRows);
        task.keep = change.changedCells > 0 || a.type() != b.type();
    });

    // The summaries: remembered ones first, then the others in batches of up to 4 columns
    // (summarize), the batches in parallel.
    struct Wanted {
        const ColumnPtr* column;
        std::string name;
        ColumnSummary* out;
    };
    std::vector<Wanted> wanted;
    for (Task& task : tasks) {
        if (!task.before) {
            wanted.push_back({&after.columnPtr(task.after), after.name(task.after), &task.added});
        } else if (task.keep) {
            wanted.push_back({&before.columnPtr(*task.before), task.oldName, &task.change.before});
            wanted.push_back({&after.columnPtr(task.after), task.change.column, &task.change.after});
        }
    }
    std::vector<Wanted> missing;
    for (Wanted& w : wanted) {
        if (auto known = summaryCache().find(*w.column)) {
            *w.out = std::move(*known);
            w.out->name = w.name;
        } else {
            missing.push_back(w);
        }
    }
    std::vector<std::vector<std::size_t>> batches;
    {
        std::vector<std::uint8_t> placed(missing.size(), 0);
        std::size_t groupable = 0;
        for (const Wanted& w : missing)
            groupable += hasNumberValue((*w.column)->type());
        const std::size_t perBatch =
            std::clamp<std::size_t>((groupable + hardwareThreads() - 1) / hardwareThreads(), 1, 4);
        for (std::size_t i = 0; i < missing.size(); ++i) {
            if (placed[i])
                continue;
            std::vector<std::size_t> batch{i};
            placed[i] = 1;
            for (std::size_t j = i + 1; j < missing.size() && batch.size() < perBatch; ++j)
                if (!placed[j] && momentsTogether(**missing[i].column, **missing[j].column)) {
                    batch.push_back(j);
                    placed[j] = 1;
                }
            batches.push_back(std::move(batch));
        }
    }
    parallelTasks(batches.size(), [&](std::size_t b) {
        const Column* columns[4];
        ColumnSummary* out[4];
        std::string names[4];
        const auto& batch = batches[b];
        for (std::size_t c = 0; c < batch.size(); ++c) {
            columns[c] = missing[batch[c]].column->get();
            out[c] = missing[batch[c]].out;
            names[c] = missing[batch[c]].name;
        }
        summarize(columns, out, batch.size(), names);
    });
    for (const Wanted& w : missing)
        summaryCache().store(*w.column, *w.out);

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
