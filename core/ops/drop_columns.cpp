// drop_columns: DataFrame.drop(columns=...). `columns` is required; every name must exist.
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <memory>

namespace preplab::ops {

namespace {

class DropColumnsOp final : public Op {
public:
    void parse(ParamReader& p) override { m_columns = p.requiredColumns("columns", ColumnKinds::any()); }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        std::string names;
        for (const auto& name : m_columns) {
            auto i = out.table.indexOf(name);
            if (!i)
                return ctx.error("no column named \"" + name + "\"");
            out.table.removeColumn(*i);
            names += (names.empty() ? "" : ", ") + name;
        }
        out.table.setRowCountIfEmpty(table.rowCount());
        out.report.description = "dropped " + std::to_string(m_columns.size()) + " column" +
                                 (m_columns.size() == 1 ? "" : "s") + ": " + names;
        return out;
    }

private:
    std::vector<std::string> m_columns;
};

} // namespace

std::unique_ptr<Op> makeDropColumnsOp() { return std::make_unique<DropColumnsOp>(); }

} // namespace preplab::ops
