// rename: DataFrame.rename(columns=mapping). `mapping` is required, {"old": "new", ...}; every old
// name must exist, new names must be non-empty and must not collide with another column. The
// recipe's target cannot be renamed (later steps refer to it by name).
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <algorithm>
#include <memory>

namespace preplab::ops {

namespace {

class RenameOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        const nlohmann::json* mapping = p.raw("mapping");
        if (!mapping) {
            p.fail("mapping", "is required (an object {\"old name\": \"new name\"})");
            return;
        }
        if (!mapping->is_object() || mapping->empty()) {
            p.fail("mapping", "expected a non-empty object {\"old name\": \"new name\"}, got " + jsonSnippet(*mapping));
            return;
        }
        std::vector<std::string> newNames;
        for (auto it = mapping->begin(); it != mapping->end(); ++it) {
            if (!it->is_string() || it->get<std::string>().empty()) {
                p.fail("mapping", "the new name of \"" + it.key() + "\" must be a non-empty string, got " +
                                      jsonSnippet(*it));
                return;
            }
            const std::string to = it->get<std::string>();
            if (std::find(newNames.begin(), newNames.end(), to) != newNames.end())
                p.fail("mapping", "two columns renamed to \"" + to + "\"");
            newNames.push_back(to);
            m_mapping.emplace_back(it.key(), to);
        }
        if (const Schema* s = p.schema()) {
            for (const auto& [from, to] : m_mapping) {
                p.checkColumn("mapping", from, ColumnKinds::any());
                if (!s->target.empty() && from == s->target && from != to)
                    p.fail("mapping", "\"" + from + "\" is the recipe's target; rename it in the data instead");
                const std::string& newName = to;  // a structured binding cannot be captured before C++20 P2036
                bool renamedAway = std::any_of(m_mapping.begin(), m_mapping.end(),
                                               [&newName](const auto& m) { return m.first == newName; });
                if (s->indexOf(to) && !renamedAway && from != to)
                    p.fail("mapping", "a column named \"" + to + "\" already exists");
            }
        }
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        // Rebuild the names in one pass so that swaps ({"a": "b", "b": "a"}) work.
        std::vector<std::string> names = table.names();
        for (const auto& [from, to] : m_mapping) {
            auto i = table.indexOf(from);
            if (!i)
                return ctx.error("no column named \"" + from + "\"");
            names[*i] = to;
            if (from != to)
                out.report.renamed[from] = to;
        }
        for (std::size_t i = 0; i < table.columnCount(); ++i)
            if (auto r = out.table.addColumn(names[i], table.columnPtr(i)); !r)
                return ctx.error(r.error().message);
        out.table.setRowCountIfEmpty(table.rowCount());
        out.report.description = "renamed " + std::to_string(out.report.renamed.size()) + " column" +
                                 (out.report.renamed.size() == 1 ? "" : "s");
        return out;
    }

private:
    std::vector<std::pair<std::string, std::string>> m_mapping;
};

} // namespace

std::unique_ptr<Op> makeRenameOp() { return std::make_unique<RenameOp>(); }

} // namespace preplab::ops
