#include "app/desktop/charts/scatter_comparison.h"

#include "core/stats/correlation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace preplab::desktop {
namespace {

// The two columns of one side, when both exist and are numeric.
struct SideColumns {
    const Column* x = nullptr;
    const Column* y = nullptr;
    std::size_t rows = 0;
    explicit operator bool() const { return x && y; }
    bool pair(std::size_t i) const
    {
        return x->isValid(i) && y->isValid(i) && std::isfinite(x->number(i)) && std::isfinite(y->number(i));
    }
    bool missingBefore(std::size_t i) const { return x->isMissing(i) || y->isMissing(i); }
};

SideColumns columnsOf(const Table* table, const std::string& x, const std::string& y)
{
    SideColumns s;
    if (!table)
        return s;
    const Column* cx = table->find(x);
    const Column* cy = table->find(y);
    if (cx && cy && isNumericType(cx->type()) && isNumericType(cy->type())) {
        s.x = cx;
        s.y = cy;
        s.rows = table->rowCount();
    }
    return s;
}

void countPairs(const SideColumns& cols, ScatterSide& side, ScatterComparison& out)
{
    side.exists = static_cast<bool>(cols);
    if (!cols)
        return;
    side.rows = static_cast<std::int64_t>(cols.rows);
    for (std::size_t i = 0; i < cols.rows; ++i) {
        if (!cols.pair(i)) {
            ++side.missingPairs;
            continue;
        }
        const double vx = cols.x->number(i), vy = cols.y->number(i);
        out.xMin = std::min(out.xMin, vx);
        out.xMax = std::max(out.xMax, vx);
        out.yMin = std::min(out.yMin, vy);
        out.yMax = std::max(out.yMax, vy);
        ++side.pairs;
    }
}

// For each row of `after`, the row of `before` it came from (-1: added), from the step's row map;
// empty when the rows cannot be followed (nothing is marked then).
std::vector<std::int64_t> mapRows(const ScatterRequest& r, std::size_t beforeRows, std::size_t afterRows)
{
    std::vector<std::int64_t> map;
    const StepHighlights* h = r.highlights.get();
    const bool fits = h && h->input.get() == r.before.get() && h->output.get() == r.after.get();
    if ((fits && h->inputRow.empty() && beforeRows == afterRows) || (r.before == r.after)) {
        map.resize(afterRows);
        for (std::size_t j = 0; j < afterRows; ++j)
            map[j] = static_cast<std::int64_t>(j);
        return map;
    }
    if (!fits || h->inputRow.size() != afterRows)
        return map;
    map.resize(afterRows);
    for (std::size_t j = 0; j < afterRows; ++j) {
        const std::int32_t in = h->inputRow[j];
        map[j] = in >= 0 && static_cast<std::size_t>(in) < beforeRows ? in : -1;
    }
    return map;
}

void addPoint(ScatterPoints& p, const SideColumns& cols, std::size_t i)
{
    p.x.push_back(cols.x->number(i));
    p.y.push_back(cols.y->number(i));
}

// At most `budget` of `points`, a seeded sample when there are more.
void thin(ScatterPoints& points, std::size_t budget, std::uint64_t seed)
{
    if (points.size() <= budget)
        return;
    ScatterPoints kept;
    for (std::size_t i : stats::sampleRows(points.size(), budget, seed)) {
        kept.x.push_back(points.x[i]);
        kept.y.push_back(points.y[i]);
    }
    points = std::move(kept);
}

std::vector<std::uint8_t> sampledMask(std::size_t n, std::size_t k, std::uint64_t seed)
{
    std::vector<std::uint8_t> mask(n, 0);
    for (std::size_t i : stats::sampleRows(n, k, seed))
        mask[i] = 1;
    return mask;
}

// Which rows to draw: all of them (Points and Density), or in Sample mode a seeded row sample of
// `before` and the after rows that came from it, so that both sides show the same rows (rows the
// step added are sampled at the same rate).
struct RowChoice {
    std::vector<std::uint8_t> before, after;  // empty = every row
};

RowChoice chooseRows(const ScatterComparison& out, const SideColumns& b, const SideColumns& a,
                     const std::vector<std::int64_t>& map, std::uint64_t seed)
{
    RowChoice choice;
    if (out.mode != ScatterComparison::Mode::Sample)
        return choice;
    const auto maxPairs = static_cast<double>(std::max(out.before.pairs, out.after.pairs));
    const double rate = std::min(1.0, static_cast<double>(out.pointBudget) / maxPairs);
    auto count = [rate](std::size_t n) {
        return std::min(n, static_cast<std::size_t>(std::floor(rate * static_cast<double>(n) + 1e-9)));
    };
    if (!b || !a || map.size() != a.rows) {  // no row correspondence: each side on its own
        if (b)
            choice.before = sampledMask(b.rows, count(b.rows), seed);
        if (a)
            choice.after = sampledMask(a.rows, count(a.rows), seed);
        return choice;
    }
    choice.before = sampledMask(b.rows, count(b.rows), seed);
    choice.after.assign(a.rows, 0);
    std::vector<std::size_t> added;
    for (std::size_t j = 0; j < a.rows; ++j) {
        if (map[j] < 0)
            added.push_back(j);
        else
            choice.after[j] = choice.before[static_cast<std::size_t>(map[j])];
    }
    for (std::size_t k : stats::sampleRows(added.size(), count(added.size()), seed + 1))
        choice.after[added[k]] = 1;
    return choice;
}

} // namespace

std::vector<std::string> scatterColumns(const Table& table)
{
    std::vector<std::string> names;
    for (std::size_t c = 0; c < table.columnCount(); ++c)
        if (isNumericType(table.column(c).type()))
            names.push_back(table.name(c));
    return names;
}

std::string mostCorrelatedColumn(const Table& table, const std::string& column)
{
    const Column* x = table.find(column);
    if (!x || !isNumericType(x->type()))
        return {};
    const std::vector<double> xs = x->toDoubles();
    std::string best;
    double bestR = -1;
    for (const std::string& name : scatterColumns(table)) {
        if (name == column)
            continue;
        const double r = stats::pearson(xs, table.find(name)->toDoubles());
        const double strength = std::isfinite(r) ? std::abs(r) : 0.0;
        if (strength > bestR) {
            bestR = strength;
            best = name;
        }
    }
    return best;
}

ScatterComparison compareScatter(const ScatterRequest& request, const Progress& progress)
{
    ScatterComparison out;
    out.x = request.x;
    out.y = request.y;
    out.hasStep = request.hasStep;
    out.pointBudget = request.pointBudget;
    const Table* afterTable = request.after.get();
    const Table* beforeTable = request.hasStep ? request.before.get() : nullptr;
    if (out.y.empty())
        out.y = mostCorrelatedColumn(afterTable ? *afterTable : *request.before, out.x);
    if (out.x.empty() || out.y.empty()) {
        out.problem = "choose two numeric columns";
        return out;
    }
    const SideColumns b = columnsOf(beforeTable, out.x, out.y);
    const SideColumns a = columnsOf(afterTable, out.x, out.y);
    if (!b && !a) {
        out.problem = "both columns must be numeric";
        return out;
    }
    constexpr double inf = std::numeric_limits<double>::infinity();
    out.xMin = out.yMin = inf;
    out.xMax = out.yMax = -inf;
    countPairs(b, out.before, out);
    countPairs(a, out.after, out);
    const std::int64_t maxPairs = std::max(out.before.pairs, out.after.pairs);
    if (maxPairs == 0) {
        out.xMin = out.yMin = 0;
        out.xMax = out.yMax = 1;
        out.problem = "no row has both values";
        return out;
    }
    if (progress.cancelled())
        return out;
    const auto pairs = static_cast<std::size_t>(maxPairs);
    out.mode = pairs <= request.pointBudget ? ScatterComparison::Mode::Points
               : pairs <= request.sampleLimit ? ScatterComparison::Mode::Sample
                                              : ScatterComparison::Mode::Density;

    // Rows the step removed or filled, counted exactly (both sides must hold both columns).
    const std::vector<std::int64_t> map = b && a ? mapRows(request, b.rows, a.rows) : std::vector<std::int64_t>{};
    const bool mapped = b && a && map.size() == a.rows;
    std::vector<std::uint8_t> survives(mapped ? b.rows : 0, 0);
    for (std::int64_t m : map)
        if (m >= 0)
            survives[static_cast<std::size_t>(m)] = 1;
    const RowChoice choice = chooseRows(out, b, a, map, request.seed);
    auto chosen = [](const std::vector<std::uint8_t>& mask, std::size_t i) { return mask.empty() || mask[i]; };
    const bool drawPoints = out.mode != ScatterComparison::Mode::Density;
    if (b) {
        for (std::size_t i = 0; i < b.rows; ++i) {
            if (!b.pair(i))
                continue;
            const bool removed = mapped && !survives[i];
            out.removedCount += removed;
            if (!chosen(choice.before, i))
                continue;
            if (drawPoints)
                addPoint(out.before.points, b, i);
            if (removed)
                addPoint(out.removed, b, i);
        }
    }
    if (a) {
        for (std::size_t j = 0; j < a.rows; ++j) {
            if (!a.pair(j))
                continue;
            const bool filled = mapped && map[j] >= 0 && b.missingBefore(static_cast<std::size_t>(map[j]));
            out.filledCount += filled;
            if (!chosen(choice.after, j))
                continue;
            if (drawPoints)
                addPoint(out.after.points, a, j);
            if (filled)
                addPoint(out.filled, a, j);
        }
    }
    if (!drawPoints) {
        stats::GridSpec spec{request.gridColumns, request.gridRows, out.xMin, out.xMax, out.yMin, out.yMax};
        if (b)
            out.before.density = stats::binPairs(*b.x, *b.y, spec);
        if (a)
            out.after.density = stats::binPairs(*a.x, *a.y, spec);
    }
    // The sample may overshoot the budget by rounding; marks of a dense table may exceed it.
    // One seed for both sides: equal point lists (a step that keeps every row) thin to the same rows.
    thin(out.before.points, request.pointBudget, request.seed + 2);
    thin(out.after.points, request.pointBudget, request.seed + 2);
    const std::size_t marks = out.mode == ScatterComparison::Mode::Points ? request.pointBudget : request.markBudget;
    thin(out.filled, marks, request.seed + 4);
    thin(out.removed, marks, request.seed + 5);
    return out;
}

} // namespace preplab::desktop
