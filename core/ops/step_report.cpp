#include "core/ops/step_report.h"

#include "core/ops/op.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace preplab::ops {

ColumnSummary ColumnSummary::of(const std::string& name, const Column& column)
{
    ColumnSummary s;
    s.name = name;
    s.type = column.type();
    s.missing = static_cast<std::int64_t>(column.missingCount());
    s.count = static_cast<std::int64_t>(column.size()) - s.missing;
    const std::size_t n = column.size();
    if (hasNumberValue(column.type()) && s.count > 0) {
        // Two passes (mean, then squared deviations): no division per value, so it vectorises;
        // as stable as Welford's update for the summary shown.
        const auto& valid = column.validMask();
        double sum = 0.0, lo = INFINITY, hi = -INFINITY;
        std::int64_t k = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!valid.empty() && !valid[i])
                continue;
            const double x = column.number(i);
            ++k;
            sum += x;
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
        const double mean = sum / static_cast<double>(k);
        double m2 = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!valid.empty() && !valid[i])
                continue;
            const double d = column.number(i) - mean;
            m2 += d * d;
        }
        s.mean = mean;
        if (k > 1)
            s.std = std::sqrt(m2 / static_cast<double>(k - 1));
        s.min = lo;
        s.max = hi;
    }
    if (column.type() == ColumnType::Categorical) {
        std::vector<std::uint8_t> seen(column.categories().size(), 0);
        for (std::size_t i = 0; i < n; ++i)
            if (column.isValid(i))
                seen[static_cast<std::size_t>(column.codes()[i])] = 1;
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

namespace {

// Whether output cell (after, i) differs from input cell (before, j).
bool cellDiffers(const Column& before, std::size_t j, const Column& after, std::size_t i)
{
    bool vb = before.isValid(j), va = after.isValid(i);
    if (vb != va)
        return true;
    if (!vb)
        return false;
    if (before.type() != after.type())
        return before.format(j) != after.format(i);
    switch (after.type()) {
    case ColumnType::Numeric: {
        double a = before.doubles()[j], b = after.doubles()[i];
        return !(a == b || (std::isnan(a) && std::isnan(b)));
    }
    case ColumnType::Categorical:
    case ColumnType::Text: return before.text(j) != after.text(i);
    default: return before.ints()[j] != after.ints()[i];
    }
}

} // namespace

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
        if (!bi) {
            r.columnsAdded.push_back(name);
            r.addedSummaries.push_back(ColumnSummary::of(name, after.column(c)));
            continue;
        }
        matchedBefore.insert(oldName);
        if (sameRows && before.columnPtr(*bi) == after.columnPtr(c))
            continue;
        const Column& b = before.column(*bi);
        const Column& a = after.column(c);
        ColumnChange change;
        change.column = name;
        change.changedRows.assign(after.rowCount(), 0);
        for (std::size_t i = 0; i < after.rowCount(); ++i) {
            std::size_t j = sameRows ? i : source.empty() ? i : source[i];
            if (j == kNewRow || j >= b.size())
                continue;
            if (cellDiffers(b, j, a, i)) {
                change.changedRows[i] = 1;
                ++change.changedCells;
            }
        }
        if (change.changedCells == 0 && a.type() == b.type())
            continue;
        change.before = ColumnSummary::of(oldName, b);
        change.after = ColumnSummary::of(name, a);
        r.changed.push_back(std::move(change));
    }
    for (std::size_t c = 0; c < before.columnCount(); ++c)
        if (!matchedBefore.count(before.name(c)))
            r.columnsRemoved.push_back(before.name(c));
}

} // namespace preplab::ops
