// ordinal: scikit-learn 1.2.1's OrdinalEncoder. Each column's value becomes its position (an
// Integer from 0) in the column's category list: the distinct values of the fit rows, sorted
// (numbers numerically, text by code point), or the list given in `categories`, either an object
// {"column": ["low", "mid", "high"]} or, with one column, a plain array. A fit-row value missing
// from a given list is an error (as in sklearn); a value first seen outside the fit rows becomes
// missing, with a warning. Missing stays missing (encoded_missing_value = NaN).
// columns omitted: every categorical and boolean column except the target.
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <algorithm>
#include <map>
#include <memory>

namespace preplab::ops {

namespace {

class OrdinalOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", p.has("columns") ? ColumnKinds{ColumnType::Categorical, ColumnType::Boolean,
                                                                        ColumnType::Text, ColumnType::Integer}
                                                          : ColumnKinds::categorical());
        const nlohmann::json* cats = p.raw("categories");
        if (!cats || cats->is_null())
            return;
        auto readList = [&](const std::string& column, const nlohmann::json& list) {
            if (!list.is_array()) {
                p.fail("categories", "the list for \"" + column + "\" must be an array of strings");
                return;
            }
            std::vector<std::string> values;
            for (const auto& v : list) {
                if (v.is_string())
                    values.push_back(v.get<std::string>());
                else if (v.is_number())
                    values.push_back(formatDouble(v.get<double>()));
                else {
                    p.fail("categories", "the list for \"" + column + "\" holds " + jsonSnippet(v) +
                                             "; expected strings");
                    return;
                }
            }
            m_given[column] = std::move(values);
        };
        if (cats->is_array()) {
            if (m_columns.size() != 1)
                p.fail("categories", "a plain list needs exactly one column; use {\"column\": [...]} per column");
            else
                readList(m_columns[0], *cats);
        } else if (cats->is_object()) {
            for (const auto& [column, list] : cats->items()) {
                if (std::find(m_columns.begin(), m_columns.end(), column) == m_columns.end())
                    p.fail("categories", "column \"" + column + "\" is not one of the step's columns");
                else
                    readList(column, list);
            }
        } else {
            p.fail("categories", "expected an object {\"column\": [categories]} or an array, got " + jsonSnippet(*cats));
        }
    }

    Result<void> fit(const Table& table, const StepContext& ctx) override
    {
        m_categories.clear();
        for (const auto& name : m_columns) {
            const Column* c = table.find(name);
            if (!c)
                return ctx.error("column \"" + name + "\" does not exist");
            std::vector<std::string> seen = sortedCategories(*c, ctx.fitRows);
            auto given = m_given.find(name);
            if (given == m_given.end()) {
                m_categories.push_back(std::move(seen));
                continue;
            }
            std::vector<std::int32_t> pos = categoryPositions(*c, given->second);
            for (std::size_t r : ctx.fitRows)
                if (pos[r] == kUnseenCategory)
                    return ctx.error("column \"" + name + "\", row " + std::to_string(r + 1) + ": value \"" +
                                     c->format(r) + "\" is not in the given categories");
            m_categories.push_back(given->second);
        }
        return {};
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        std::size_t unseen = 0;
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            auto idx = table.indexOf(m_columns[k]);
            const std::vector<std::int32_t> pos = categoryPositions(table.column(*idx), m_categories[k]);
            std::vector<std::int64_t> codes(pos.size(), 0);
            Column::Mask mask(pos.size(), 1);
            bool anyMissing = false;
            for (std::size_t i = 0; i < pos.size(); ++i) {
                if (pos[i] < 0) {
                    unseen += pos[i] == kUnseenCategory;
                    mask[i] = 0;
                    anyMissing = true;
                } else {
                    codes[i] = pos[i];
                }
            }
            if (!anyMissing)
                mask.clear();
            (void)out.table.setColumn(*idx, Column::makeInteger(std::move(codes), std::move(mask)));
        }
        out.report.description = "replaced the categories of " + countOf(m_columns.size(), "column") +
                                 " by their positions (from 0) in " +
                                 (m_given.empty() ? "sorted order" : "the given order");
        if (unseen > 0)
            out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                           countOf(unseen, "value") + " not seen in the fit rows became missing", -1, {}});
        return out;
    }

    nlohmann::json fittedParams() const override
    {
        nlohmann::json j = nlohmann::json::object();
        for (std::size_t k = 0; k < m_categories.size(); ++k)
            j[m_columns[k]] = {{"categories", m_categories[k]}};
        return j;
    }

private:
    std::vector<std::string> m_columns;
    std::map<std::string, std::vector<std::string>> m_given;
    std::vector<std::vector<std::string>> m_categories;
};

} // namespace

std::unique_ptr<Op> makeOrdinalOp() { return std::make_unique<OrdinalOp>(); }

} // namespace preplab::ops
