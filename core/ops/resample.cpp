// resample: rebalances the classes of the recipe's target as imbalanced-learn 0.10 does, draw for
// draw (kernels and the sampling_strategy rule in core/bias/resampling.h). Only the fit rows are
// resampled — the training rows once a split exists — so the test rows keep the real class balance.
// The fit rows, in ascending position, are imblearn's X and y; classes in np.unique order.
//   method "random_over"  RandomOverSampler(sampling_strategy, random_state=seed): appends exactly
//                         its bootstrap rows, in its order (class by class);
//          "random_under" RandomUnderSampler(sampling_strategy, random_state=seed): keeps exactly
//                         the set of rows it keeps; PrepLab lists them in ascending position (as
//                         imblearn's sorted sample_indices_), test rows staying in place;
//          "smote"        SMOTE(sampling_strategy, random_state=seed, k_neighbors): appends its
//                         synthetic rows in its order: every integer/numeric feature (not the
//                         target, not `split`) interpolated between a row and one of its k_neighbors
//                         nearest same-class rows (Euclidean on those features, which must have no
//                         missing values); every other column copied from the base row;
//                         interpolated integer columns become numeric.
//   sampling_strategy "auto" (over: 'not majority', under: 'not minority') or a ratio in (0, 1]
//          for two classes; k_neighbors 5; seed 0 .. 2^32 - 1 (numpy's RandomState), default 0.
#include "core/bias/resampling.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"
#include "core/stats/shuffle_split.h"

#include <memory>
#include <numeric>

namespace preplab::ops {

namespace {

class ResampleOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_method = p.choice("method", {"random_over", "random_under", "smote"}, "random_over");
        if (const nlohmann::json* s = p.raw("sampling_strategy")) {
            if (s->is_number()) {
                m_ratio = s->get<double>();
                if (!(*m_ratio > 0 && *m_ratio <= 1))
                    p.fail("sampling_strategy", "expected \"auto\" or a ratio in (0, 1]; got " + jsonSnippet(*s));
            } else if (!s->is_string() || s->get<std::string>() != "auto") {
                p.fail("sampling_strategy", "expected \"auto\" or a ratio in (0, 1]; got " + jsonSnippet(*s));
            }
        }
        m_k = static_cast<int>(p.integer("k_neighbors", 5, 1, 1000));
        m_seed = static_cast<std::uint64_t>(p.integer("seed", 0, 0, stats::LegacyRandomState::kMaxSeed));
        if (p.schema()) {
            if (p.schema()->target.empty())
                p.failStep("resample needs the recipe's \"target\" (the class column to rebalance)");
            else
                p.checkColumn("target", p.schema()->target,
                              {ColumnType::Categorical, ColumnType::Boolean, ColumnType::Integer, ColumnType::Text});
        }
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        const Column* target = table.find(ctx.target);
        if (!target)
            return ctx.error("resample needs the recipe's \"target\" column in the table");

        // Classes of the fit rows in np.unique order (rows with a missing target are left alone).
        std::size_t classCount = 0;
        const auto codes = stats::sortedClassCodes(*target, &ctx.fitRows, &classCount);
        std::vector<std::int32_t> classOf(ctx.fitRows.size(), -1);
        bool anyMissing = false;
        for (std::size_t i = 0; i < ctx.fitRows.size(); ++i) {
            if (target->isValid(ctx.fitRows[i]))
                classOf[i] = codes[i];
            else
                anyMissing = true;
        }
        if (anyMissing)
            --classCount;
        std::vector<std::string> classNames(classCount);
        std::vector<std::size_t> counts(classCount, 0);
        for (std::size_t i = 0; i < ctx.fitRows.size(); ++i) {
            if (classOf[i] < 0)
                continue;
            const auto k = static_cast<std::size_t>(classOf[i]);
            if (counts[k]++ == 0)
                classNames[k] = target->format(ctx.fitRows[i]);
        }
        const bool over = m_method != "random_under";
        auto strategy = bias::samplingStrategy(counts, over, m_ratio);
        if (!strategy.ok())
            return ctx.error(strategy.error().message);

        StepOutput out;
        std::vector<std::size_t> after = counts;
        if (m_method == "random_under") {
            auto kept = bias::randomUnderSample(classOf, *strategy, m_seed);
            std::vector<std::uint8_t> keep(table.rowCount(), 1);
            for (std::size_t i = 0; i < ctx.fitRows.size(); ++i)
                if (classOf[i] >= 0)
                    keep[ctx.fitRows[i]] = 0;
            for (std::size_t i : kept)
                keep[ctx.fitRows[i]] = 1;
            for (std::size_t k = 0; k < after.size(); ++k)
                after[k] = (*strategy)[k].value_or(after[k]);
            for (std::size_t r = 0; r < table.rowCount(); ++r)
                if (keep[r])
                    out.rowSource.push_back(r);
            out.table = table.selectRows(out.rowSource);
        } else if (m_method == "random_over") {
            auto added = bias::randomOverSample(classOf, *strategy, m_seed);
            out.rowSource.resize(table.rowCount());
            std::iota(out.rowSource.begin(), out.rowSource.end(), std::size_t{0});
            for (std::size_t i : added) {
                out.rowSource.push_back(ctx.fitRows[i]);
                ++after[static_cast<std::size_t>(classOf[i])];
            }
            out.table = table.selectRows(out.rowSource);
        } else {
            for (std::size_t k = 0; k < counts.size(); ++k)
                if ((*strategy)[k].value_or(0) > 0 && counts[k] < 2)
                    return ctx.error("SMOTE needs at least 2 rows of a class to interpolate; class '" + classNames[k] +
                                     "' has 1" + (ctx.hasSplit() && !ctx.fitOnAll ? " training row" : " row"));
            auto smote = applySmote(table, ctx, classOf, *strategy, out);
            if (!smote.ok())
                return smote.error();
            for (std::size_t k = 0; k < after.size(); ++k)
                after[k] += (*strategy)[k].value_or(0);
        }

        nlohmann::json before = nlohmann::json::object(), afterJ = nlohmann::json::object();
        for (std::size_t k = 0; k < classNames.size(); ++k) {
            before[classNames[k]] = counts[k];
            afterJ[classNames[k]] = after[k];
        }
        m_fitted = {{"method", m_method}, {"class_counts_before", before}, {"class_counts_after", afterJ}};
        const long delta = static_cast<long>(out.table.rowCount()) - static_cast<long>(table.rowCount());
        std::string where = ctx.hasSplit() && !ctx.fitOnAll ? "training rows" : "rows";
        out.report.description =
            (m_method == "random_under" ? "removed " + std::to_string(-delta) + " " + where
                                        : "added " + std::to_string(delta) + (m_method == "smote" ? " synthetic " : " copied ") +
                                              where) +
            " to balance '" + ctx.target + "': " + before.dump() + " -> " + afterJ.dump();
        return out;
    }

    nlohmann::json fittedParams() const override { return m_fitted; }

private:
    Result<void> applySmote(const Table& table, const StepContext& ctx, const std::vector<std::int32_t>& classOf,
                            const bias::SamplingStrategy& strategy, StepOutput& out) const
    {
        std::vector<std::size_t> features;
        for (std::size_t j = 0; j < table.columnCount(); ++j) {
            const std::string& name = table.name(j);
            if (name == ctx.target || name == kSplitColumn || !isNumericType(table.column(j).type()))
                continue;
            features.push_back(j);
        }
        if (features.empty())
            return ctx.error("SMOTE needs integer or numeric feature columns to interpolate; there are none");
        const std::size_t dims = features.size();
        std::vector<double> x(ctx.fitRows.size() * dims);
        for (std::size_t d = 0; d < dims; ++d) {
            const Column& c = table.column(features[d]);
            for (std::size_t i = 0; i < ctx.fitRows.size(); ++i) {
                const std::size_t r = ctx.fitRows[i];
                if (c.isMissing(r) && classOf[i] >= 0)
                    return ctx.error("SMOTE needs complete numeric features: column '" + table.name(features[d]) +
                                     "' has missing values in the rows to resample (impute first)");
                x[i * dims + d] = c.isValid(r) ? c.number(r) : 0.0;
            }
        }
        auto synthetic = bias::smote(x, dims, classOf, strategy, m_k, m_seed);
        if (!synthetic.ok())
            return ctx.error(synthetic.error().message);

        const std::size_t n = table.rowCount();
        std::vector<std::size_t> rows(n);
        std::iota(rows.begin(), rows.end(), std::size_t{0});
        for (const auto& s : *synthetic)
            rows.push_back(ctx.fitRows[s.base]);
        out.table = table.selectRows(rows);  // non-feature columns copied from the base row
        for (std::size_t d = 0; d < dims; ++d) {
            const Column& c = table.column(features[d]);
            std::vector<double> values(rows.size());
            Column::Mask valid(rows.size(), 1);
            for (std::size_t r = 0; r < n; ++r) {
                valid[r] = c.isValid(r);
                values[r] = valid[r] ? c.number(r) : 0.0;
            }
            for (std::size_t m = 0; m < synthetic->size(); ++m) {
                const auto& s = (*synthetic)[m];
                const double a = x[s.base * dims + d], b = x[s.neighbour * dims + d];
                values[n + m] = a + s.u * (b - a);
            }
            auto set = out.table.setColumn(features[d], Column::makeNumeric(std::move(values), std::move(valid)));
            if (!set.ok())
                return set.error();
        }
        out.rowSource.resize(n);
        std::iota(out.rowSource.begin(), out.rowSource.end(), std::size_t{0});
        out.rowSource.resize(rows.size(), kNewRow);
        return {};
    }

    std::string m_method = "random_over";
    std::optional<double> m_ratio;
    int m_k = 5;
    std::uint64_t m_seed = 0;
    mutable nlohmann::json m_fitted;
};

} // namespace

std::unique_ptr<Op> makeResampleOp() { return std::make_unique<ResampleOp>(); }

} // namespace preplab::ops
