// frequency: count encoding. Each value becomes the number of fit rows holding that value (an
// Integer); a value absent from the fit rows becomes 0; missing stays missing.
// columns omitted: every categorical and boolean column except the target.
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <memory>

namespace preplab::ops {

namespace {

class FrequencyOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", p.has("columns") ? ColumnKinds{ColumnType::Categorical, ColumnType::Boolean,
                                                                        ColumnType::Text, ColumnType::Integer}
                                                          : ColumnKinds::categorical());
    }

    Result<void> fit(const Table& table, const StepContext& ctx) override
    {
        m_categories.clear();
        m_counts.clear();
        for (const auto& name : m_columns) {
            const Column* c = table.find(name);
            if (!c)
                return ctx.error("column \"" + name + "\" does not exist");
            std::vector<std::string> cats = sortedCategories(*c, ctx.fitRows);
            std::vector<std::int32_t> pos = categoryPositions(*c, cats);
            std::vector<std::int64_t> counts(cats.size(), 0);
            for (std::size_t r : ctx.fitRows)
                if (pos[r] >= 0)
                    ++counts[static_cast<std::size_t>(pos[r])];
            m_categories.push_back(std::move(cats));
            m_counts.push_back(std::move(counts));
        }
        return {};
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            auto idx = table.indexOf(m_columns[k]);
            const Column& c = table.column(*idx);
            const std::vector<std::int32_t> pos = categoryPositions(c, m_categories[k]);
            std::vector<std::int64_t> v(pos.size(), 0);
            for (std::size_t i = 0; i < pos.size(); ++i)
                if (pos[i] >= 0)
                    v[i] = m_counts[k][static_cast<std::size_t>(pos[i])];
            (void)out.table.setColumn(*idx, Column::makeInteger(std::move(v), c.validMask()));
        }
        out.report.description = "replaced each category of " + countOf(m_columns.size(), "column") +
                                 " by its count in the fit rows";
        return out;
    }

    nlohmann::json fittedParams() const override
    {
        nlohmann::json j = nlohmann::json::object();
        for (std::size_t k = 0; k < m_categories.size(); ++k) {
            nlohmann::json counts = nlohmann::json::object();
            for (std::size_t i = 0; i < m_categories[k].size(); ++i)
                counts[m_categories[k][i]] = m_counts[k][i];
            j[m_columns[k]] = counts;
        }
        return j;
    }

private:
    std::vector<std::string> m_columns;
    std::vector<std::vector<std::string>> m_categories;
    std::vector<std::vector<std::int64_t>> m_counts;
};

} // namespace

std::unique_ptr<Op> makeFrequencyOp() { return std::make_unique<FrequencyOp>(); }

} // namespace preplab::ops
