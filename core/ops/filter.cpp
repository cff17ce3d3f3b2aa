// filter: keeps the rows where `expr` (a formula predicate, see core/formula/formula.h) is true,
// like DataFrame.query. Rows where it is false or missing are dropped.
#include "core/formula/formula.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <memory>

namespace preplab::ops {

namespace {

class FilterOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        std::string expr = p.requiredString("expr");
        if (!p.ok())
            return;
        auto f = formula::Formula::compile(expr);
        if (!f) {
            p.fail("expr", f.error().message);
            return;
        }
        if (const Schema* s = p.schema()) {
            auto type = f->check(s->names, s->types);
            if (!type)
                p.fail("expr", type.error().message);
            else if (*type != formula::ValueType::Boolean)
                p.fail("expr", "expected a true/false condition (a comparison, isna(), ...), got " +
                                   std::string(formula::valueTypeName(*type)));
        }
        m_formula = std::move(*f);
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        auto v = m_formula.evaluate(table);
        if (!v)
            return ctx.error("field \"expr\": " + v.error().message);
        if (v->type != formula::ValueType::Boolean)
            return ctx.error("field \"expr\": expected a true/false condition");
        std::vector<std::size_t> keep;
        keep.reserve(table.rowCount());
        for (std::size_t i = 0; i < table.rowCount(); ++i) {
            const std::size_t k = v->scalar ? 0 : i;
            if (v->present(i) && v->num[k] != 0.0)
                keep.push_back(i);
        }
        StepOutput out;
        out.report.description = "kept " + std::to_string(keep.size()) + " of " + std::to_string(table.rowCount()) +
                                 " rows where " + m_formula.source();
        if (keep.size() == table.rowCount()) {
            out.table = table;
        } else {
            out.table = table.selectRows(keep);
            out.rowSource = std::move(keep);
        }
        return out;
    }

private:
    formula::Formula m_formula;
};

} // namespace

std::unique_ptr<Op> makeFilterOp() { return std::make_unique<FilterOp>(); }

} // namespace preplab::ops
