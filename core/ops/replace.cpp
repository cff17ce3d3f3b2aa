// replace: DataFrame.replace(values, with). Every cell of `columns` (omitted: every column but the
// target and `split`) equal to one of `values` becomes `with` (null or omitted = missing).
//   Integer / Numeric columns match the numbers in `values`; `with` must be a number or null (an
//     integer column becomes numeric when `with` is not a whole number).
//   Categorical / Text columns match the strings in `values`; `with` must be a string or null.
//   Boolean and Datetime columns match by canonical text ("true", "2024-01-31"); `with` must be null.
// Entries of `values` of the other kind are ignored for a column (so ["?", -999] serves a mixed table).
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

namespace preplab::ops {

namespace {

class ReplaceOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", ColumnKinds::any());
        const nlohmann::json* values = p.raw("values");
        if (!values) {
            p.fail("values", "is required (an array of the values to replace)");
        } else if (!values->is_array() || values->empty()) {
            p.fail("values", "expected a non-empty array of strings, numbers or booleans, got " + jsonSnippet(*values));
        } else {
            for (const auto& v : *values) {
                if (v.is_number())
                    m_numbers.push_back(v.get<double>());
                else if (v.is_string())
                    m_strings.push_back(v.get<std::string>());
                else if (v.is_boolean())
                    m_strings.push_back(v.get<bool>() ? "true" : "false");
                else
                    p.fail("values", "expected strings, numbers or booleans, got " + jsonSnippet(v));
            }
        }
        const nlohmann::json* with = p.raw("with");
        if (with) {
            if (with->is_number())
                m_withNumber = with->get<double>();
            else if (with->is_string())
                m_withString = with->get<std::string>();
            else
                p.fail("with", "expected a string, a number or null, got " + jsonSnippet(*with));
        }
        if (const Schema* s = p.schema()) {
            for (const auto& name : m_columns) {
                auto i = s->indexOf(name);
                if (!i)
                    continue;
                const ColumnType t = s->types[*i];
                const bool numeric = isNumericType(t), textual = t == ColumnType::Categorical || t == ColumnType::Text;
                if (m_withNumber && !numeric && p.has("columns"))
                    p.fail("with", "column \"" + name + "\" is " + std::string(columnTypeName(t)) +
                                       "; a number can only replace values of integer or numeric columns");
                if (m_withString && !textual && p.has("columns"))
                    p.fail("with", "column \"" + name + "\" is " + std::string(columnTypeName(t)) +
                                       "; a string can only replace values of categorical or text columns");
            }
        }
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        std::size_t total = 0;
        for (const auto& name : m_columns) {
            auto i = table.indexOf(name);
            if (!i)
                return ctx.error("no column named \"" + name + "\"");
            const Column& c = table.column(*i);
            std::size_t count = 0;
            ColumnPtr next = replaceIn(c, count);
            if (next && count > 0) {
                if (auto r = out.table.setColumn(*i, std::move(next)); !r)
                    return ctx.error(r.error().message);
            }
            total += count;
        }
        std::string with = m_withNumber ? formatDouble(*m_withNumber) : m_withString ? "\"" + *m_withString + "\"" : "missing";
        out.report.description = "replaced " + std::to_string(total) + " cell" + (total == 1 ? "" : "s") + " with " + with;
        return out;
    }

private:
    bool matchesNumber(double v) const
    {
        return std::any_of(m_numbers.begin(), m_numbers.end(), [v](double x) { return x == v; });
    }
    bool matchesString(std::string_view v) const
    {
        return std::any_of(m_strings.begin(), m_strings.end(), [v](const std::string& x) { return x == v; });
    }

    // The column with matches replaced (null when the column's kind cannot take `with`); count = cells replaced.
    ColumnPtr replaceIn(const Column& c, std::size_t& count) const
    {
        const std::size_t n = c.size();
        Column::Mask valid(n, 1);
        for (std::size_t i = 0; i < n; ++i)
            valid[i] = c.isValid(i);
        if (isNumericType(c.type())) {
            if (m_withString || m_numbers.empty())
                return nullptr;
            std::vector<double> values(n, 0.0);
            bool whole = !m_withNumber || std::floor(*m_withNumber) == *m_withNumber;
            for (std::size_t i = 0; i < n; ++i) {
                if (!valid[i])
                    continue;
                values[i] = c.number(i);
                if (matchesNumber(values[i])) {
                    ++count;
                    if (m_withNumber)
                        values[i] = *m_withNumber;
                    else
                        valid[i] = 0;
                }
            }
            if (c.type() == ColumnType::Integer && whole) {
                std::vector<std::int64_t> ints(n);
                for (std::size_t i = 0; i < n; ++i)
                    ints[i] = static_cast<std::int64_t>(values[i]);
                return Column::makeInteger(std::move(ints), std::move(valid));
            }
            return Column::makeNumeric(std::move(values), std::move(valid));
        }
        if (c.type() == ColumnType::Categorical || c.type() == ColumnType::Text) {
            if (m_withNumber || m_strings.empty())
                return nullptr;
            std::vector<std::optional<std::string>> cells(n);
            for (std::size_t i = 0; i < n; ++i) {
                if (!valid[i])
                    continue;
                if (matchesString(c.text(i))) {
                    ++count;
                    if (m_withString)
                        cells[i] = *m_withString;
                } else {
                    cells[i] = std::string(c.text(i));
                }
            }
            return Column::fromStrings(cells, c.type());
        }
        if (m_withNumber || m_withString || m_strings.empty())
            return nullptr;
        // Boolean / Datetime: matched by canonical text, replaced by missing only.
        for (std::size_t i = 0; i < n; ++i)
            if (valid[i] && matchesString(c.format(i))) {
                valid[i] = 0;
                ++count;
            }
        if (c.type() == ColumnType::Boolean)
            return Column::makeBoolean(c.bools(), std::move(valid));
        return Column::makeDatetime(c.ints(), std::move(valid), c.hasTime());
    }

    std::vector<std::string> m_columns;
    std::vector<double> m_numbers;
    std::vector<std::string> m_strings;
    std::optional<double> m_withNumber;
    std::optional<std::string> m_withString;
};

} // namespace

std::unique_ptr<Op> makeReplaceOp() { return std::make_unique<ReplaceOp>(); }

} // namespace preplab::ops
