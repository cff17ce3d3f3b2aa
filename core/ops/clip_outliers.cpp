// clip_outliers: bounds per column learned from the fit rows (missing values ignored), then
// applied to every row.
//   iqr         [Q1 - k IQR, Q3 + k IQR], quartiles numpy `linear`, k = 1.5 by default
//   zscore      [mean - k std, mean + k std], population std (ddof 0), k = 3 by default
//   percentile  [P_lower, P_upper], numpy `linear`, lower = 1 and upper = 99 by default
// action: clip (winsorize to the bounds), remove (drop every row with a value outside the bounds
// in any of the columns; missing values never count as outside), missing (outside values become
// missing). columns omitted: every numeric column except the target.
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"
#include "core/stats/numpy_like.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace preplab::ops {

namespace {

struct Bounds {
    double lower = 0.0, upper = 0.0;
    bool empty = false;
};

class ClipOutliersOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", ColumnKinds::numeric());
        m_method = p.choice("method", {"iqr", "zscore", "percentile"}, "iqr");
        m_k = p.number("k", m_method == "zscore" ? 3.0 : 1.5, 0.0);
        m_lower = p.number("lower", 1.0, 0.0, 100.0);
        m_upper = p.number("upper", 99.0, 0.0, 100.0);
        m_action = p.choice("action", {"clip", "remove", "missing"}, "clip");
        if (p.has("k") && m_method == "percentile")
            p.fail("k", "applies to the iqr and zscore methods only");
        if ((p.has("lower") || p.has("upper")) && m_method != "percentile")
            p.fail(p.has("lower") ? "lower" : "upper", "applies to \"method\": \"percentile\" only");
        if (m_lower > m_upper)
            p.fail("lower", "must not exceed upper");
    }

    Result<void> fit(const Table& table, const StepContext& ctx) override
    {
        m_bounds.clear();
        std::vector<const Column*> columns;
        for (const auto& name : m_columns) {
            columns.push_back(table.find(name));
            if (!columns.back())
                return ctx.error("column \"" + name + "\" does not exist");
        }
        m_bounds.resize(columns.size());
        parallelTasks(columns.size(), [&](std::size_t k) { m_bounds[k] = fitColumn(*columns[k], ctx.fitRows); });
        return {};
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        const std::size_t rows = table.rowCount();
        std::vector<std::uint8_t> outside(rows, 0);
        std::size_t cells = 0;
        // Each column on its own (in parallel): its clipped column, its cells outside the bounds.
        std::vector<ColumnPtr> clipped(m_columns.size());
        std::vector<std::vector<std::uint8_t>> outsideOf(m_columns.size());
        std::vector<std::size_t> cellsOf(m_columns.size(), 0);
        parallelTasks(m_columns.size(), [&](std::size_t k) {
            if (m_bounds[k].empty)
                return;
            cellsOf[k] = clipColumn(table.column(*table.indexOf(m_columns[k])), m_bounds[k], outsideOf[k], clipped[k]);
        });
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            if (m_bounds[k].empty) {
                out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                               "column \"" + m_columns[k] + "\" has no value in the fit rows; left unchanged",
                                               -1, m_columns[k]});
                continue;
            }
            cells += cellsOf[k];
            if (cellsOf[k] > 0)
                for (std::size_t i = 0; i < rows; ++i)
                    outside[i] |= outsideOf[k][i];
            if (clipped[k])
                (void)out.table.setColumn(*table.indexOf(m_columns[k]), std::move(clipped[k]));
        }
        const std::string where = m_method == "iqr"      ? "Q1 - " + readable(m_k) + " IQR, Q3 + " + readable(m_k) + " IQR"
                                  : m_method == "zscore" ? "mean -+ " + readable(m_k) + " std"
                                                         : "percentiles " + readable(m_lower) + " and " + readable(m_upper);
        if (m_action == "remove") {
            std::vector<std::size_t> keep;
            for (std::size_t i = 0; i < rows; ++i)
                if (!outside[i])
                    keep.push_back(i);
            const std::size_t removed = rows - keep.size();
            if (removed > 0) {
                out.table = table.selectRows(keep);
                out.rowSource = std::move(keep);
            }
            out.report.description = "removed " + countOf(removed, "row") + " with a value outside " + where +
                                     " in " + countOf(m_columns.size(), "column");
        } else {
            out.report.description = std::string(m_action == "clip" ? "clipped " : "set to missing ") +
                                     countOf(cells, "value") + " outside " + where + " in " +
                                     countOf(m_columns.size(), "column");
        }
        return out;
    }

    nlohmann::json fittedParams() const override
    {
        nlohmann::json j = nlohmann::json::object();
        for (std::size_t k = 0; k < m_bounds.size(); ++k)
            j[m_columns[k]] = m_bounds[k].empty ? nlohmann::json(nullptr)
                                                : nlohmann::json{{"lower", m_bounds[k].lower}, {"upper", m_bounds[k].upper}};
        return j;
    }

private:
    Bounds fitColumn(const Column& c, const std::vector<std::size_t>& fitRows) const
    {
        std::vector<double> v = presentValues(c, fitRows);
        if (v.empty())
            return {0.0, 0.0, true};
        if (m_method == "zscore") {
            stats::MeanVar mv = stats::meanVar(std::move(v));
            const double sd = std::sqrt(mv.var);
            return {mv.mean - m_k * sd, mv.mean + m_k * sd};
        }
        if (m_method == "iqr") {
            const std::vector<double> q = stats::percentilesSelect(v, {25, 75});
            return {q[0] - m_k * (q[1] - q[0]), q[1] + m_k * (q[1] - q[0])};
        }
        const std::vector<double> q = stats::percentilesSelect(v, {m_lower, m_upper});
        return {q[0], q[1]};
    }

    // Applies the bounds to one column: marks its rows outside them (`outside`, filled only when
    // some are) and, unless the action is remove, builds the new column (`result`, left null when
    // no value is outside). Returns how many values are outside.
    std::size_t clipColumn(const Column& c, const Bounds& b, std::vector<std::uint8_t>& outside, ColumnPtr& result) const
    {
        const std::size_t rows = c.size();
        std::vector<double> v = c.toDoubles();
        std::size_t here = 0;
        for (std::size_t i = 0; i < rows; ++i) {
            const double x = v[i];
            if (std::isnan(x) || (x >= b.lower && x <= b.upper))
                continue;
            if (here++ == 0)
                outside.assign(rows, 0);
            outside[i] = 1;
            if (m_action == "clip")
                v[i] = std::clamp(x, b.lower, b.upper);
            else if (m_action == "missing")
                v[i] = std::nan("");
        }
        if (m_action != "remove" && here > 0) {
            bool whole = c.type() == ColumnType::Integer;
            for (double x : v)
                whole = whole && (std::isnan(x) || std::floor(x) == x);
            result = whole ? integerFromNaN(v) : numericFromNaN(std::move(v));
        }
        return here;
    }

    std::vector<std::string> m_columns;
    std::string m_method = "iqr";
    double m_k = 1.5, m_lower = 1.0, m_upper = 99.0;
    std::string m_action = "clip";
    std::vector<Bounds> m_bounds;
};

} // namespace

std::unique_ptr<Op> makeClipOutliersOp() { return std::make_unique<ClipOutliersOp>(); }

} // namespace preplab::ops
