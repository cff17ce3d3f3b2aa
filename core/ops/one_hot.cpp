// one_hot: scikit-learn 1.2.1's OneHotEncoder(sparse_output=False) per column. Categories are the
// distinct values of the fit rows, sorted (numbers numerically, text by code point); when the fit
// rows have missing values, "missing" is one more category, placed last and named `<col>_nan`
// (sklearn keeps NaN as a category). Each encoded column is replaced, in place, by Integer 0/1
// columns `<col>_<category>` (stored one byte a value: Column::makeSmallInteger).
//   drop: none (default), first (drop each column's first category), if_binary (drop the first
//   category of columns with exactly two).
// A value not seen in the fit rows (a category only in the test rows) gets all zeros, with a
// warning (sklearn's handle_unknown="ignore"; its default would refuse the table).
// columns omitted: every categorical and boolean column except the target.
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <memory>

namespace preplab::ops {

namespace {

struct Encoding {
    std::vector<std::string> categories;  // sorted present categories
    bool missingCategory = false;         // "nan" appended as the last category
    std::size_t dropped = 0;              // categories dropped from the front (0 or 1)
};

class OneHotOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", p.has("columns") ? ColumnKinds{ColumnType::Categorical, ColumnType::Boolean,
                                                                        ColumnType::Text, ColumnType::Integer}
                                                          : ColumnKinds::categorical());
        m_drop = p.choice("drop", {"none", "first", "if_binary"}, "none");
    }

    Result<void> fit(const Table& table, const StepContext& ctx) override
    {
        m_encodings.clear();
        for (const auto& name : m_columns) {
            const Column* c = table.find(name);
            if (!c)
                return ctx.error("column \"" + name + "\" does not exist");
            Encoding e;
            e.categories = sortedCategories(*c, ctx.fitRows);
            for (std::size_t r : ctx.fitRows)
                if (c->isMissing(r)) {
                    e.missingCategory = true;
                    break;
                }
            const std::size_t total = e.categories.size() + e.missingCategory;
            if (m_drop == "first" || (m_drop == "if_binary" && total == 2))
                e.dropped = total > 0 ? 1 : 0;
            m_encodings.push_back(std::move(e));
        }
        return {};
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        std::size_t added = 0, unseen = 0;
        // The indicator columns are built in parallel (one task each) from their column's category
        // positions; then they replace the encoded columns in order.
        struct Indicator {
            std::size_t column;    // index into m_columns
            std::int32_t position;  // category position the indicator is 1 for
            std::string name;
            ColumnPtr values;
        };
        // One pass over each encoded column's category positions: missing values mapped to their
        // category (or to "unseen"), the count of each position taken, and the positions narrowed
        // to a byte when they fit, so the indicator passes below read 1 byte a row.
        std::vector<std::vector<std::int32_t>> positions(m_columns.size());
        std::vector<std::vector<std::uint8_t>> narrow(m_columns.size());
        std::vector<std::vector<std::size_t>> counts(m_columns.size());
        std::vector<std::size_t> unseenIn(m_columns.size(), 0);
        parallelTasks(m_columns.size(), [&](std::size_t k) {
            const Encoding& e = m_encodings[k];
            positions[k] = categoryPositions(*table.find(m_columns[k]), e.categories);
            const auto missingPos = static_cast<std::int32_t>(e.categories.size());
            counts[k].assign(e.categories.size() + 1, 0);  // + missing
            for (std::int32_t& p : positions[k]) {
                if (p == kMissingCategory)
                    p = e.missingCategory ? missingPos : kUnseenCategory;
                if (p >= 0)
                    ++counts[k][static_cast<std::size_t>(p)];
                else
                    ++unseenIn[k];
            }
            if (counts[k].size() < 256) {
                narrow[k].resize(positions[k].size());
                std::transform(positions[k].begin(), positions[k].end(), narrow[k].begin(),
                               [](std::int32_t p) { return static_cast<std::uint8_t>(p < 0 ? 255 : p); });
                std::vector<std::int32_t>().swap(positions[k]);
            }
        });
        std::vector<Indicator> indicators;
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            const Encoding& e = m_encodings[k];
            unseen += unseenIn[k];
            const std::size_t total = e.categories.size() + e.missingCategory;
            for (std::size_t j = e.dropped; j < total; ++j)
                indicators.push_back({k, static_cast<std::int32_t>(j),
                                      m_columns[k] + "_" + (j < e.categories.size() ? e.categories[j] : std::string("nan")),
                                      nullptr});
        }
        // Each indicator is one vectorised pass comparing the positions with its category. Its
        // summary comes from the count of its position (ColumnSummary::setByteMoments), exactly
        // what ColumnSummary::of computes for the 0/1 column.
        parallelTasks(indicators.size(), [&](std::size_t t) {
            Indicator& ind = indicators[t];
            const std::size_t k = ind.column;
            const std::size_t n = table.rowCount();
            std::vector<std::uint8_t> values(n);
            auto mark = [&](const auto* pos, auto want) {
                for (std::size_t i = 0; i < n; ++i)
                    values[i] = pos[i] == want;
            };
            if (!narrow[k].empty() || positions[k].empty())
                mark(narrow[k].data(), static_cast<std::uint8_t>(ind.position));
            else
                mark(positions[k].data(), ind.position);
            ind.values = Column::makeSmallInteger(std::move(values));
            if (n == 0)
                return;
            ColumnSummary s;
            s.name = ind.name;
            s.type = ColumnType::Integer;
            s.count = static_cast<std::int64_t>(n);
            std::array<std::size_t, 256> byteCounts{};
            byteCounts[1] = counts[k][static_cast<std::size_t>(ind.position)];
            byteCounts[0] = n - byteCounts[1];
            s.setByteMoments(byteCounts);
            ColumnSummary::remember(ind.values, s);
        });
        std::size_t next = 0;
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            auto idx = out.table.indexOf(m_columns[k]);
            out.table.removeColumn(*idx);
            for (std::size_t j = 0; next < indicators.size() && indicators[next].column == k; ++j, ++next) {
                if (out.table.find(indicators[next].name)) {
                    return ctx.error("one_hot would create column \"" + indicators[next].name + "\", which already exists");
                }
                (void)out.table.insertColumn(*idx + j, indicators[next].name, std::move(indicators[next].values));
            }
            added += m_encodings[k].categories.size() + m_encodings[k].missingCategory - m_encodings[k].dropped;
        }
        out.table.setRowCountIfEmpty(table.rowCount());
        out.report.description = "replaced " + countOf(m_columns.size(), "column") + " by " +
                                 countOf(added, "0/1 indicator column") +
                                 (m_drop == "none" ? "" : " (drop " + m_drop + ")");
        if (unseen > 0)
            out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                           countOf(unseen, "value") +
                                               " not seen in the fit rows got all zeros",
                                           -1, {}});
        return out;
    }

    nlohmann::json fittedParams() const override
    {
        nlohmann::json j = nlohmann::json::object();
        for (std::size_t k = 0; k < m_encodings.size(); ++k) {
            nlohmann::json cats = m_encodings[k].categories;
            if (m_encodings[k].missingCategory)
                cats.push_back("nan");
            j[m_columns[k]] = {{"categories", cats}};
            if (m_encodings[k].dropped)
                j[m_columns[k]]["dropped"] = cats[0];
        }
        return j;
    }

private:
    std::vector<std::string> m_columns;
    std::string m_drop = "none";
    std::vector<Encoding> m_encodings;
};

} // namespace

std::unique_ptr<Op> makeOneHotOp() { return std::make_unique<OneHotOp>(); }

} // namespace preplab::ops
