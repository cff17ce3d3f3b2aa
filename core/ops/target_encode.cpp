// target_encode: m-estimate target encoding, fitted on the fit rows whose target is present.
//   y = the target as a number: a numeric target as is; a boolean target 0/1; a categorical
//       target with two values: 1 for `positive`, 0 otherwise. `positive` defaults to the second of
//       the two values in sorted order (as sklearn's LabelEncoder takes classes_[1] as positive)
//       and the report names it; a target with more than two values needs `positive` (one against
//       the rest).
//   enc(c) = (sum of y over rows with category c + m * ybar) / (n_c + m), m = smoothing
//       (default 1), ybar = mean of y over the fit rows.
// A category not seen in the fit rows gets ybar; missing stays missing. Unlike sklearn's
// TargetEncoder.fit_transform there is no cross-fitting: the fit rows are encoded with their own
// statistics, which is the target leakage the workbench shows (fit on the training rows only).
// columns omitted: every categorical and boolean column except the target.
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace preplab::ops {

namespace {

class TargetEncodeOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", p.has("columns") ? ColumnKinds{ColumnType::Categorical, ColumnType::Boolean,
                                                                        ColumnType::Text, ColumnType::Integer}
                                                          : ColumnKinds::categorical());
        m_smoothing = p.number("smoothing", 1.0, 0.0);
        m_positive = p.optionalString("positive");
        if (p.schema() && p.schema()->target.empty())
            p.failStep("target_encode needs the recipe's \"target\"");
        if (p.schema())
            for (const auto& c : m_columns)
                if (c == p.schema()->target)
                    p.fail("columns", "the target \"" + c + "\" cannot encode itself");
    }

    Result<void> fit(const Table& table, const StepContext& ctx) override
    {
        const Column* target = table.find(ctx.target);
        if (ctx.target.empty() || !target)
            return ctx.error("target_encode needs the recipe's target column" +
                             (ctx.target.empty() ? std::string() : " (\"" + ctx.target + "\" does not exist)"));
        std::vector<double> y(table.rowCount(), std::nan(""));
        if (auto r = targetValues(*target, ctx, y); !r)
            return r.error();
        double sum = 0.0;
        std::size_t n = 0;
        for (std::size_t r : ctx.fitRows)
            if (!std::isnan(y[r])) {
                sum += y[r];
                ++n;
            }
        if (n == 0)
            return ctx.error("the target \"" + ctx.target + "\" has no value in the fit rows");
        m_mean = sum / static_cast<double>(n);
        m_categories.clear();
        m_encoded.clear();
        for (const auto& name : m_columns) {
            const Column* c = table.find(name);
            if (!c)
                return ctx.error("column \"" + name + "\" does not exist");
            std::vector<std::size_t> rows;
            for (std::size_t r : ctx.fitRows)
                if (!std::isnan(y[r]))
                    rows.push_back(r);
            std::vector<std::string> cats = sortedCategories(*c, rows);
            std::vector<std::int32_t> pos = categoryPositions(*c, cats);
            std::vector<double> sums(cats.size(), 0.0), counts(cats.size(), 0.0);
            for (std::size_t r : rows)
                if (pos[r] >= 0) {
                    sums[static_cast<std::size_t>(pos[r])] += y[r];
                    counts[static_cast<std::size_t>(pos[r])] += 1.0;
                }
            std::vector<double> enc(cats.size());
            for (std::size_t i = 0; i < cats.size(); ++i)
                enc[i] = (sums[i] + m_smoothing * m_mean) / (counts[i] + m_smoothing);
            m_categories.push_back(std::move(cats));
            m_encoded.push_back(std::move(enc));
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
            std::vector<double> v(pos.size());
            for (std::size_t i = 0; i < pos.size(); ++i) {
                if (pos[i] == kMissingCategory) {
                    v[i] = std::nan("");
                } else if (pos[i] == kUnseenCategory) {
                    v[i] = m_mean;
                    ++unseen;
                } else {
                    v[i] = m_encoded[k][static_cast<std::size_t>(pos[i])];
                }
            }
            (void)out.table.setColumn(*idx, numericFromNaN(std::move(v)));
        }
        std::string what = m_positiveUsed.empty() ? "the mean of " + ctx.target
                                                  : "the share of " + ctx.target + " = " + m_positiveUsed;
        out.report.description = "replaced each category of " + countOf(m_columns.size(), "column") + " by " + what +
                                 " in the fit rows, smoothed towards the overall " + readable(m_mean) +
                                 " with m = " + readable(m_smoothing);
        if (unseen > 0)
            out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                           countOf(unseen, "value") + " not seen in the fit rows got the overall mean " +
                                               readable(m_mean),
                                           -1, {}});
        return out;
    }

    nlohmann::json fittedParams() const override
    {
        nlohmann::json j = {{"global_mean", m_mean}, {"smoothing", m_smoothing}};
        if (!m_positiveUsed.empty())
            j["positive"] = m_positiveUsed;
        nlohmann::json cols = nlohmann::json::object();
        for (std::size_t k = 0; k < m_categories.size(); ++k) {
            nlohmann::json enc = nlohmann::json::object();
            for (std::size_t i = 0; i < m_categories[k].size(); ++i)
                enc[m_categories[k][i]] = m_encoded[k][i];
            cols[m_columns[k]] = enc;
        }
        j["columns"] = cols;
        return j;
    }

private:
    Result<void> targetValues(const Column& target, const StepContext& ctx, std::vector<double>& y)
    {
        m_positiveUsed.clear();
        if (isNumericType(target.type()) || target.type() == ColumnType::Boolean) {
            if (m_positive)
                return ctx.error("field \"positive\": the target \"" + ctx.target + "\" is " +
                                 std::string(columnTypeName(target.type())) + "; positive applies to categorical targets");
            for (std::size_t i = 0; i < target.size(); ++i)
                if (target.isValid(i))
                    y[i] = target.number(i);
            return {};
        }
        if (target.type() != ColumnType::Categorical && target.type() != ColumnType::Text)
            return ctx.error("the target \"" + ctx.target + "\" is " + std::string(columnTypeName(target.type())) +
                             "; target_encode needs a numeric, boolean or categorical target");
        std::vector<std::string> classes = sortedCategories(target, ctx.fitRows);
        if (m_positive) {
            if (std::find(classes.begin(), classes.end(), *m_positive) == classes.end())
                return ctx.error("field \"positive\": \"" + *m_positive + "\" is not a value of the target \"" +
                                 ctx.target + "\" in the fit rows");
            m_positiveUsed = *m_positive;
        } else if (classes.size() == 2) {
            m_positiveUsed = classes[1];
        } else {
            return ctx.error("the target \"" + ctx.target + "\" has " + std::to_string(classes.size()) +
                             " values; set \"positive\" to the value to encode (one against the rest)");
        }
        for (std::size_t i = 0; i < target.size(); ++i)
            if (target.isValid(i))
                y[i] = target.text(i) == m_positiveUsed ? 1.0 : 0.0;
        return {};
    }

    std::vector<std::string> m_columns;
    double m_smoothing = 1.0;
    std::optional<std::string> m_positive;
    std::string m_positiveUsed;
    double m_mean = 0.0;
    std::vector<std::vector<std::string>> m_categories;
    std::vector<std::vector<double>> m_encoded;
};

} // namespace

std::unique_ptr<Op> makeTargetEncodeOp() { return std::make_unique<TargetEncodeOp>(); }

} // namespace preplab::ops
