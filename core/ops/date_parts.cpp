// date_parts: pandas' Series.dt accessors. For each datetime column of `columns` (omitted: every
// datetime column) adds integer columns `<column>_<part>` right after it, for each of `parts`
// (default year, month, day, weekday): year, month (1-12), day (1-31), weekday (Monday = 0, as
// dt.weekday), hour (0-23), dayofyear (1-366). Datetimes are UTC; missing stays missing.
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <memory>

namespace preplab::ops {

namespace {

class DatePartsOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", {ColumnType::Datetime});
        if (p.has("parts")) {
            m_parts = p.strings("parts");
            if (p.ok() && m_parts.empty())
                p.fail("parts", "expected at least one of year, month, day, weekday, hour, dayofyear");
            for (const auto& part : m_parts)
                if (p.ok() && part != "year" && part != "month" && part != "day" && part != "weekday" &&
                    part != "hour" && part != "dayofyear")
                    p.fail("parts", "expected each of year, month, day, weekday, hour, dayofyear, got \"" + part + "\"");
        } else {
            p.strings("parts");
        }
        if (const Schema* s = p.schema())
            for (const auto& c : m_columns)
                for (const auto& part : m_parts)
                    if (s->indexOf(c + "_" + part))
                        p.fail("parts", "a column named \"" + c + "_" + part + "\" already exists");
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        constexpr std::int64_t msPerDay = 86400000;
        for (const auto& name : m_columns) {
            const Column* c = table.find(name);
            if (!c)
                return ctx.error("no column named \"" + name + "\"");
            const std::size_t n = c->size();
            std::size_t insertAt = *out.table.indexOf(name) + 1;
            for (const auto& part : m_parts) {
                std::vector<std::int64_t> values(n, 0);
                for (std::size_t i = 0; i < n; ++i) {
                    if (!c->isValid(i))
                        continue;
                    const std::int64_t ms = c->ints()[i];
                    const std::int64_t days = ms >= 0 ? ms / msPerDay : -((-ms + msPerDay - 1) / msPerDay);
                    const CivilDate d = civilFromDays(days);
                    if (part == "year")
                        values[i] = d.year;
                    else if (part == "month")
                        values[i] = d.month;
                    else if (part == "day")
                        values[i] = d.day;
                    else if (part == "weekday")
                        values[i] = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday (3)
                    else if (part == "hour")
                        values[i] = (ms - days * msPerDay) / 3600000;
                    else
                        values[i] = days - daysFromCivil(d.year, 1, 1) + 1;
                }
                auto r = out.table.insertColumn(insertAt++, name + "_" + part,
                                                Column::makeInteger(std::move(values), c->validMask()));
                if (!r)
                    return ctx.error(r.error().message);
            }
        }
        out.report.description = "added " + std::to_string(m_columns.size() * m_parts.size()) +
                                 " date part columns from " + std::to_string(m_columns.size()) + " column" +
                                 (m_columns.size() == 1 ? "" : "s");
        return out;
    }

private:
    std::vector<std::string> m_columns;
    std::vector<std::string> m_parts{"year", "month", "day", "weekday"};
};

} // namespace

std::unique_ptr<Op> makeDatePartsOp() { return std::make_unique<DatePartsOp>(); }

} // namespace preplab::ops
