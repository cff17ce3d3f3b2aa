// impute: scikit-learn 1.2.1's SimpleImputer and KNNImputer.
//   strategy mean / median (numpy: mean of the two middle values) / most_frequent (ties -> the
//     smallest value, or the first in code-point order for text) / constant (fill_value; default 0
//     for numbers, "missing_value" for categories) / knn (nan_euclidean distance, n_neighbors 5,
//     weights uniform or distance; see core/stats/knn_impute.h).
//   columns omitted: every numeric column (mean, median, knn) or every numeric and categorical
//     column (most_frequent, constant); never the target.
//   add_indicator: appends an Integer 0/1 column `missingindicator_<col>` for each column that had
//     missing values in the fit rows (sklearn's MissingIndicator, features="missing-only").
// A column with no present value in the fit rows cannot be imputed from statistics: it is left
// unchanged with a warning (sklearn drops it). Statistics come from the fit rows only.
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"
#include "core/stats/knn_impute.h"
#include "core/stats/numpy_like.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace preplab::ops {

namespace {

struct Fill {
    bool numeric = true;
    double number = 0.0;
    std::string text;
    bool empty = false;  // nothing to learn from: the column is missing on every fit row
};

class ImputeOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_strategy = p.choice("strategy", {"mean", "median", "most_frequent", "constant", "knn"}, "mean");
        const bool numericOnly = m_strategy == "mean" || m_strategy == "median" || m_strategy == "knn";
        m_columns = p.columns("columns", numericOnly ? ColumnKinds::numeric()
                                                     : ColumnKinds{ColumnType::Integer, ColumnType::Numeric,
                                                                   ColumnType::Boolean, ColumnType::Categorical,
                                                                   ColumnType::Text});
        if (const nlohmann::json* f = p.raw("fill_value")) {
            if (f->is_number())
                m_fillNumber = f->get<double>();
            else if (f->is_string())
                m_fillText = f->get<std::string>();
            else if (!f->is_null())
                p.fail("fill_value", "expected a number or a string, got " + jsonSnippet(*f));
            if (m_strategy != "constant")
                p.fail("fill_value", "applies to \"strategy\": \"constant\" only");
        }
        m_neighbors = static_cast<std::size_t>(p.integer("n_neighbors", 5, 1));
        m_weights = p.choice("weights", {"uniform", "distance"}, "uniform");
        if (m_strategy != "knn" && (p.has("n_neighbors") || p.has("weights")))
            p.fail(p.has("n_neighbors") ? "n_neighbors" : "weights", "applies to \"strategy\": \"knn\" only");
        m_addIndicator = p.boolean("add_indicator", false);
    }

    Result<void> fit(const Table& table, const StepContext& ctx) override
    {
        m_fills.clear();
        m_hadMissing.clear();
        // Columns up to the first one that does not exist are fitted (in parallel); errors are
        // reported in column order, as a one-by-one fit would.
        std::vector<const Column*> columns;
        for (const auto& name : m_columns) {
            const Column* c = table.find(name);
            if (!c)
                break;
            columns.push_back(c);
        }
        const bool allRows = coversAllRows(ctx.fitRows, table.rowCount());
        std::vector<std::uint8_t> hadMissing(columns.size(), 0);
        std::vector<Result<Fill>> fills(columns.size(), Fill{});
        parallelTasks(columns.size(), [&](std::size_t k) {
            const Column& c = *columns[k];
            bool missing = allRows && c.missingCount() > 0;
            if (!allRows && c.missingCount() > 0)
                for (std::size_t r : ctx.fitRows)
                    missing = missing || c.isMissing(r);
            hadMissing[k] = missing;
            if (m_strategy != "knn")
                fills[k] = fitColumn(m_columns[k], c, ctx);
        });
        for (std::size_t k = 0; k < columns.size(); ++k) {
            m_hadMissing.push_back(hadMissing[k] != 0);
            if (m_strategy == "knn")
                continue;
            if (!fills[k])
                return fills[k].error();
            m_fills.push_back(*fills[k]);
        }
        if (columns.size() < m_columns.size())
            return ctx.error("column \"" + m_columns[columns.size()] + "\" does not exist");
        m_fitRows = ctx.fitRows.size();
        return {};
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        std::size_t filled = 0;
        std::vector<std::pair<std::string, std::string>> notes;  // column, fill value
        if (m_strategy == "knn") {
            if (auto r = applyKnn(table, ctx, out, filled); !r)
                return r.error();
        } else {
            std::vector<ColumnPtr> done(m_columns.size());
            parallelTasks(m_columns.size(), [&](std::size_t k) {
                const Column& c = table.column(*table.indexOf(m_columns[k]));
                if (!m_fills[k].empty && c.missingCount() > 0)
                    done[k] = filledColumn(c, m_fills[k]);
            });
            for (std::size_t k = 0; k < m_columns.size(); ++k) {
                auto idx = table.indexOf(m_columns[k]);
                const Column& c = table.column(*idx);
                const Fill& f = m_fills[k];
                if (f.empty) {
                    out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                                   "column \"" + m_columns[k] +
                                                       "\" has no value in the fit rows; left unchanged "
                                                       "(scikit-learn would drop it)",
                                                   -1, m_columns[k]});
                    continue;
                }
                if (c.missingCount() == 0)
                    continue;
                filled += c.missingCount();
                (void)out.table.setColumn(*idx, std::move(done[k]));
                notes.emplace_back(m_columns[k], f.numeric ? readable(f.number) : "\"" + f.text + "\"");
            }
        }
        if (m_addIndicator)
            if (auto r = addIndicators(table, ctx, out); !r)
                return r.error();
        out.report.description = describe(filled, notes);
        return out;
    }

    nlohmann::json fittedParams() const override
    {
        nlohmann::json j = nlohmann::json::object();
        if (m_strategy == "knn") {
            j["n_neighbors"] = m_neighbors;
            j["weights"] = m_weights;
            j["donor_rows"] = m_fitRows;
            return j;
        }
        for (std::size_t k = 0; k < m_columns.size() && k < m_fills.size(); ++k) {
            const Fill& f = m_fills[k];
            if (f.empty)
                j[m_columns[k]] = {{m_strategy, nullptr}};
            else if (f.numeric)
                j[m_columns[k]] = {{m_strategy, f.number}};
            else
                j[m_columns[k]] = {{m_strategy, f.text}};
        }
        return j;
    }

private:
    Result<Fill> fitColumn(const std::string& name, const Column& c, const StepContext& ctx) const
    {
        Fill f;
        f.numeric = hasNumberValue(c.type());
        if (m_strategy == "constant") {
            if (f.numeric) {
                if (m_fillText)
                    return ctx.error("field \"fill_value\": column \"" + name +
                                     "\" is " + std::string(columnTypeName(c.type())) + "; fill_value must be a number");
                f.number = m_fillNumber.value_or(0.0);
                if (c.type() == ColumnType::Boolean && f.number != 0.0 && f.number != 1.0)
                    return ctx.error("field \"fill_value\": a boolean column takes 0 or 1");
            } else {
                f.text = m_fillText ? *m_fillText : m_fillNumber ? formatDouble(*m_fillNumber) : "missing_value";
            }
            return f;
        }
        if (f.numeric) {
            std::vector<double> v = presentValues(c, ctx.fitRows);
            if (v.empty()) {
                f.empty = true;
                return f;
            }
            if (m_strategy == "mean") {
                f.number = stats::pairwiseSum(v.data(), v.size()) / static_cast<double>(v.size());
            } else if (m_strategy == "median") {
                f.number = stats::medianSelect(v);
            } else {
                f.number = stats::mostFrequent(std::move(v));
            }
            return f;
        }
        // most_frequent on text: the most frequent, ties -> the smallest string
        std::map<std::string, std::size_t, std::less<>> counts;
        for (std::size_t r : ctx.fitRows)
            if (c.isValid(r))
                ++counts[std::string(c.text(r))];
        if (counts.empty()) {
            f.empty = true;
            return f;
        }
        std::size_t best = 0;
        for (const auto& [value, n] : counts)
            if (n > best) {
                best = n;
                f.text = value;
            }
        return f;
    }

    static ColumnPtr filledColumn(const Column& c, const Fill& f)
    {
        const std::size_t n = c.size();
        if (c.type() == ColumnType::Categorical || c.type() == ColumnType::Text) {
            std::vector<std::string> cats = c.type() == ColumnType::Categorical ? c.categories()
                                                                                : std::vector<std::string>{};
            std::vector<std::int32_t> codes(n, 0);
            std::map<std::string, std::int32_t, std::less<>> index;
            for (std::size_t i = 0; i < cats.size(); ++i)
                index.emplace(cats[i], static_cast<std::int32_t>(i));
            auto codeOf = [&](std::string_view s) {
                auto it = index.find(s);
                if (it != index.end())
                    return it->second;
                cats.emplace_back(s);
                return index.emplace(std::string(s), static_cast<std::int32_t>(cats.size() - 1)).first->second;
            };
            for (std::size_t i = 0; i < n; ++i)
                codes[i] = c.isValid(i) ? (c.type() == ColumnType::Categorical ? c.codes()[i] : codeOf(c.text(i)))
                                        : codeOf(f.text);
            if (c.type() == ColumnType::Text) {
                StringArena arena;
                for (std::size_t i = 0; i < n; ++i)
                    arena.push(cats[codes[i]]);
                return Column::makeText(std::move(arena));
            }
            return Column::makeCategorical(std::move(codes), std::move(cats));
        }
        std::vector<double> v(n);
        bool whole = std::floor(f.number) == f.number;
        for (std::size_t i = 0; i < n; ++i)
            v[i] = c.isValid(i) ? c.number(i) : f.number;
        if (c.type() == ColumnType::Boolean) {
            std::vector<std::uint8_t> b(n);
            for (std::size_t i = 0; i < n; ++i)
                b[i] = v[i] != 0.0;
            return Column::makeBoolean(std::move(b));
        }
        if (c.type() == ColumnType::Integer && whole)
            return integerFromNaN(v);
        return Column::makeNumeric(std::move(v));
    }

    Result<void> applyKnn(const Table& table, const StepContext& ctx, StepOutput& out, std::size_t& filled) const
    {
        std::vector<stats::NanColumn> cols;
        for (const auto& name : m_columns)
            cols.push_back(table.find(name)->toDoubles());
        stats::KnnImputeOptions opt{m_neighbors, m_weights == "distance"};
        auto imputed = stats::knnImpute(cols, ctx.fitRows, opt, ctx.progress);
        if (!imputed) {
            if (imputed.error().code == ErrorCode::Cancelled)
                return makeError(ErrorCode::Cancelled, ctx.label() + ": cancelled");
            return ctx.error(imputed.error().message);
        }
        std::vector<stats::NanColumn> result = std::move(*imputed);
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            const Column& c = *table.find(m_columns[k]);
            if (c.missingCount() == 0)
                continue;
            std::size_t done = 0;
            for (std::size_t i = 0; i < c.size(); ++i)
                done += c.isMissing(i) && !std::isnan(result[k][i]);
            if (done < c.missingCount())
                out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                               "column \"" + m_columns[k] +
                                                   "\" has no value in the fit rows; its missing values stay missing",
                                               -1, m_columns[k]});
            filled += done;
            (void)out.table.setColumn(*table.indexOf(m_columns[k]), numericFromNaN(std::move(result[k])));
        }
        return {};
    }

    Result<void> addIndicators(const Table& table, const StepContext& ctx, StepOutput& out) const
    {
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            if (!m_hadMissing[k])
                continue;
            const Column& c = *table.find(m_columns[k]);
            std::vector<std::uint8_t> flags(c.size());  // 0/1: one byte a row
            for (std::size_t i = 0; i < c.size(); ++i)
                flags[i] = c.isMissing(i);
            const std::string name = "missingindicator_" + m_columns[k];
            if (auto added = out.table.addColumn(name, Column::makeSmallInteger(std::move(flags))); !added)
                return ctx.error("add_indicator: " + added.error().message);
        }
        return {};
    }

    std::string describe(std::size_t filled, const std::vector<std::pair<std::string, std::string>>& notes) const
    {
        std::string how = m_strategy == "knn" ? "the " + (m_weights == "distance" ? std::string("distance-weighted ") : "") +
                                                    "mean of the " + std::to_string(m_neighbors) + " nearest rows"
                          : m_strategy == "constant"      ? "a constant"
                          : m_strategy == "most_frequent" ? "the most frequent value"
                                                          : "the " + m_strategy;
        std::string s = "filled " + countOf(filled, "missing value") + " with " + how;
        if (notes.size() == 1) {
            s += (m_columns.size() == 1 ? ", " : " in " + notes[0].first + ", ") + notes[0].second;
        } else if (!notes.empty()) {
            std::vector<std::string> parts;
            for (const auto& [column, value] : notes)
                parts.push_back(column + " " + value);
            s += " (" + listOf(parts) + ")";
        }
        if (m_addIndicator)
            s += "; added missing-value indicators";
        return s;
    }

    std::string m_strategy = "mean";
    std::vector<std::string> m_columns;
    std::optional<double> m_fillNumber;
    std::optional<std::string> m_fillText;
    std::size_t m_neighbors = 5;
    std::string m_weights = "uniform";
    bool m_addIndicator = false;
    std::vector<Fill> m_fills;
    std::vector<bool> m_hadMissing;
    std::size_t m_fitRows = 0;
};

} // namespace

std::unique_ptr<Op> makeImputeOp() { return std::make_unique<ImputeOp>(); }

} // namespace preplab::ops
