// cast: changes the type of `columns` (required) to `to`: integer, numeric, boolean, datetime,
// categorical or text (pandas astype / to_numeric(errors="coerce") / to_datetime(errors="coerce")).
// Missing cells stay missing; a cell that cannot be converted becomes missing and is counted in a
// warning naming the column. Rules:
//   numbers (integer, numeric, boolean as 0/1, datetime as ms) -> integer / numeric: the value;
//     a non-integral value or one beyond int64 cannot become an integer;
//   numbers -> boolean: 0 is false, anything else true (pandas astype(bool));
//   anything else: the cell's canonical text is parsed like the CSV reader does (parseInt64,
//     parseDouble, parseBool: true/false/yes/no/t/f/y/n/1/0, parseDatetime: ISO 8601);
//   -> categorical: the canonical text, categories sorted (pandas astype("category"));
//   -> text: the canonical text.
#include "core/io/type_inference.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace preplab::ops {

namespace {

class CastOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.requiredColumns("columns", ColumnKinds::any());
        std::string to = p.choice("to", {"integer", "numeric", "boolean", "datetime", "categorical", "text"}, "");
        if (p.ok() && to.empty())
            p.fail("to", "is required (one of integer, numeric, boolean, datetime, categorical, text)");
        m_to = parseColumnType(to).value_or(ColumnType::Text);
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        std::size_t failedTotal = 0;
        for (const auto& name : m_columns) {
            auto i = table.indexOf(name);
            if (!i)
                return ctx.error("no column named \"" + name + "\"");
            const Column& c = table.column(*i);
            if (c.type() == m_to)
                continue;
            std::size_t failed = 0;
            ColumnPtr converted = convert(c, failed);
            if (auto r = out.table.setColumn(*i, std::move(converted)); !r)
                return ctx.error(r.error().message);
            if (failed > 0) {
                Diagnostic d;
                d.column = name;
                d.message = std::to_string(failed) + " cell" + (failed == 1 ? "" : "s") + " of \"" + name +
                            "\" could not be read as " + std::string(columnTypeName(m_to)) + " and became missing";
                out.report.warnings.push_back(std::move(d));
            }
            failedTotal += failed;
        }
        out.report.description = "cast " + std::to_string(m_columns.size()) + " column" +
                                 (m_columns.size() == 1 ? "" : "s") + " to " + std::string(columnTypeName(m_to)) +
                                 "; " + std::to_string(failedTotal) + " unconvertible cell" +
                                 (failedTotal == 1 ? "" : "s") + " became missing";
        return out;
    }

private:
    ColumnPtr convert(const Column& c, std::size_t& failed) const
    {
        const std::size_t n = c.size();
        Column::Mask valid(n, 1);
        const bool fromNumber = hasNumberValue(c.type());
        auto fail = [&](std::size_t i) {
            valid[i] = 0;
            ++failed;
        };
        switch (m_to) {
        case ColumnType::Integer:
        case ColumnType::Boolean:
        case ColumnType::Datetime: {
            std::vector<std::int64_t> values(n, 0);
            bool hasTime = false;
            for (std::size_t i = 0; i < n; ++i) {
                if (!c.isValid(i)) {
                    valid[i] = 0;
                    continue;
                }
                if (m_to == ColumnType::Integer && fromNumber) {
                    double v = c.number(i);
                    if (std::floor(v) == v && std::abs(v) < 9.2e18)
                        values[i] = static_cast<std::int64_t>(v);
                    else
                        fail(i);
                } else if (m_to == ColumnType::Boolean && fromNumber) {
                    values[i] = c.number(i) != 0.0;
                } else {
                    const std::string text = c.format(i);
                    bool ok = false;
                    if (m_to == ColumnType::Integer) {
                        ok = io::parseInt64(text, values[i]);
                        double d = 0;
                        if (!ok && io::parseDouble(text, d) && std::floor(d) == d && std::abs(d) < 9.2e18) {
                            values[i] = static_cast<std::int64_t>(d);
                            ok = true;
                        }
                    } else if (m_to == ColumnType::Boolean) {
                        bool b = false;
                        ok = io::parseBool(text, b);
                        values[i] = b;
                    } else {
                        bool t = false;
                        ok = io::parseDatetime(text, values[i], t);
                        hasTime = hasTime || t;
                    }
                    if (!ok)
                        fail(i);
                }
            }
            if (m_to == ColumnType::Integer)
                return Column::makeInteger(std::move(values), std::move(valid));
            if (m_to == ColumnType::Boolean)
                return Column::makeBooleanFromInts(values, std::move(valid));
            return Column::makeDatetime(std::move(values), std::move(valid), hasTime);
        }
        case ColumnType::Numeric: {
            std::vector<double> values(n, 0.0);
            for (std::size_t i = 0; i < n; ++i) {
                if (!c.isValid(i))
                    valid[i] = 0;
                else if (fromNumber)
                    values[i] = c.number(i);
                else if (!io::parseDouble(c.text(i), values[i]))
                    fail(i);
            }
            return Column::makeNumeric(std::move(values), std::move(valid));
        }
        case ColumnType::Categorical: {
            std::map<std::string, std::int32_t> index;
            std::vector<std::string> texts(n);
            for (std::size_t i = 0; i < n; ++i)
                if (c.isValid(i))
                    index.emplace(texts[i] = c.format(i), 0);
                else
                    valid[i] = 0;
            std::vector<std::string> categories;
            for (auto& [text, code] : index) {
                code = static_cast<std::int32_t>(categories.size());
                categories.push_back(text);
            }
            std::vector<std::int32_t> codes(n, 0);
            for (std::size_t i = 0; i < n; ++i)
                if (valid[i])
                    codes[i] = index[texts[i]];
            return Column::makeCategorical(std::move(codes), std::move(categories), std::move(valid));
        }
        case ColumnType::Text: {
            StringArena arena;
            for (std::size_t i = 0; i < n; ++i) {
                valid[i] = c.isValid(i);
                arena.push(c.format(i));
            }
            return Column::makeText(std::move(arena), std::move(valid));
        }
        }
        return nullptr;
    }

    std::vector<std::string> m_columns;
    ColumnType m_to = ColumnType::Text;
};

} // namespace

std::unique_ptr<Op> makeCastOp() { return std::make_unique<CastOp>(); }

} // namespace preplab::ops
