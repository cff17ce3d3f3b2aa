// formula: computes a column from `expr` (core/formula/formula.h), like DataFrame.eval("name = expr").
// `name` is the new column (appended at the end), or an existing column to overwrite in place.
// The result is numeric, boolean (a comparison) or categorical (strings, e.g. from if()).
#include "core/formula/formula.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <memory>

namespace preplab::ops {

namespace {

class FormulaOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_name = p.requiredString("name");
        std::string expr = p.requiredString("expr");
        if (!p.ok())
            return;
        auto f = formula::Formula::compile(expr);
        if (!f) {
            p.fail("expr", f.error().message);
            return;
        }
        if (const Schema* s = p.schema())
            if (auto type = f->check(s->names, s->types); !type)
                p.fail("expr", type.error().message);
        m_formula = std::move(*f);
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        auto v = m_formula.evaluate(table);
        if (!v)
            return ctx.error("field \"expr\": " + v.error().message);
        ColumnPtr column = formula::Formula::toColumn(std::move(*v), table.rowCount());
        StepOutput out;
        out.table = table;
        auto existing = table.indexOf(m_name);
        auto r = existing ? out.table.setColumn(*existing, column) : out.table.addColumn(m_name, column);
        if (!r)
            return ctx.error(r.error().message);
        out.report.description = std::string(existing ? "recomputed column " : "added column ") + m_name + " = " +
                                 m_formula.source() + " (" + std::to_string(column->missingCount()) + " missing)";
        return out;
    }

private:
    std::string m_name;
    formula::Formula m_formula;
};

} // namespace

std::unique_ptr<Op> makeFormulaOp() { return std::make_unique<FormulaOp>(); }

} // namespace preplab::ops
