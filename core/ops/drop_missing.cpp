// drop_missing: pandas DataFrame.dropna.
//   axis "rows" (default): drops every row with a missing value in `columns` (how "any", the
//     default) or with every one of `columns` missing (how "all"). `columns` omitted = every column,
//     the target included (pandas' dropna() without subset).
//   axis "columns": drops each of `columns` (omitted = every column but the target and `split`)
//     that has any (how "any") / only (how "all") missing values, or, when min_present is given,
//     whose share of present values is below min_present (pandas' thresh, as a fraction of rows).
// Not fitted: it looks at the table as it reaches the step, all rows.
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <memory>

namespace preplab::ops {

namespace {

class DropMissingOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_axis = p.choice("axis", {"rows", "columns"}, "rows");
        m_explicitColumns = p.has("columns");
        m_columns = p.columns("columns", ColumnKinds::any());
        m_how = p.choice("how", {"any", "all"}, "any");
        m_minPresent = p.optionalNumber("min_present", 0.0, 1.0);
        if (m_minPresent && m_axis == "rows")
            p.fail("min_present", "applies to \"axis\": \"columns\" only");
        if (!m_explicitColumns && m_axis == "rows" && p.schema())
            m_columns = p.schema()->names;
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        return m_axis == "rows" ? dropRows(table) : dropColumns(table);
    }

private:
    Result<StepOutput> dropRows(const Table& table) const
    {
        std::vector<const Column*> cols;
        for (const auto& name : m_columns)
            if (const Column* c = table.find(name))
                cols.push_back(c);
        const bool all = m_how == "all";
        std::vector<std::size_t> keep;
        keep.reserve(table.rowCount());
        for (std::size_t i = 0; i < table.rowCount(); ++i) {
            std::size_t missing = 0;
            for (const Column* c : cols)
                missing += c->isMissing(i);
            bool drop = all ? (!cols.empty() && missing == cols.size()) : missing > 0;
            if (!drop)
                keep.push_back(i);
        }
        StepOutput out;
        const std::size_t dropped = table.rowCount() - keep.size();
        if (dropped == 0) {
            out.table = table;
        } else {
            out.table = table.selectRows(keep);
            out.rowSource = std::move(keep);
        }
        out.report.description = "dropped " + std::to_string(dropped) + " of " + std::to_string(table.rowCount()) +
                                 " rows with " + (all ? "every one" : "any") + " of " + std::to_string(cols.size()) +
                                 " column" + (cols.size() == 1 ? "" : "s") + " missing";
        return out;
    }

    Result<StepOutput> dropColumns(const Table& table) const
    {
        StepOutput out;
        out.table = table;
        const double rows = static_cast<double>(table.rowCount());
        std::vector<std::string> dropped;
        for (const auto& name : m_columns) {
            auto i = out.table.indexOf(name);
            if (!i)
                continue;
            const Column& c = out.table.column(*i);
            const std::size_t missing = c.missingCount();
            bool drop;
            if (m_minPresent)
                drop = rows > 0 && (rows - static_cast<double>(missing)) / rows < *m_minPresent;
            else if (m_how == "all")
                drop = missing == c.size() && c.size() > 0;
            else
                drop = missing > 0;
            if (drop) {
                out.table.removeColumn(*i);
                dropped.push_back(name);
            }
        }
        out.table.setRowCountIfEmpty(table.rowCount());
        std::string rule = m_minPresent ? "less than " + formatDouble(*m_minPresent * 100) + "% present"
                           : m_how == "all" ? "only missing values"
                                            : "any missing value";
        out.report.description = "dropped " + std::to_string(dropped.size()) + " of " +
                                 std::to_string(m_columns.size()) + " columns with " + rule;
        return out;
    }

    std::string m_axis = "rows";
    std::string m_how = "any";
    bool m_explicitColumns = false;
    std::vector<std::string> m_columns;
    std::optional<double> m_minPresent;
};

} // namespace

std::unique_ptr<Op> makeDropMissingOp() { return std::make_unique<DropMissingOp>(); }

} // namespace preplab::ops
