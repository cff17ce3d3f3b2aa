#include "core/ops/op.h"

#include <numeric>

namespace preplab::ops {

Schema Schema::of(const Table& table, std::string target, bool hasSplit)
{
    Schema s;
    s.names = table.names();
    s.types.reserve(table.columnCount());
    for (std::size_t i = 0; i < table.columnCount(); ++i)
        s.types.push_back(table.column(i).type());
    s.target = std::move(target);
    s.hasSplit = hasSplit;
    return s;
}

std::optional<std::size_t> Schema::indexOf(std::string_view name) const
{
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return i;
    return std::nullopt;
}

bool Schema::isReserved(std::string_view name) const
{
    return (!target.empty() && name == target) || (hasSplit && name == kSplitColumn);
}

std::string StepContext::label() const { return "step " + std::to_string(stepIndex + 1) + " (" + op + ")"; }

Error StepContext::error(const std::string& message) const
{
    return makeError(ErrorCode::BadData, label() + ": " + message);
}

StepContext StepContext::allRows(const Table& table, std::string op, std::string target)
{
    StepContext ctx;
    ctx.op = std::move(op);
    ctx.target = std::move(target);
    ctx.fitRows.resize(table.rowCount());
    std::iota(ctx.fitRows.begin(), ctx.fitRows.end(), std::size_t{0});
    return ctx;
}

} // namespace preplab::ops
