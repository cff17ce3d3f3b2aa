// sample: keeps a random subset of the rows without replacement, like DataFrame.sample.
//   n         the number of rows to keep (at most the row count), or
//   fraction  the share of rows to keep, in (0, 1]: round(fraction * rows), half to even;
//   seed (0)  0 .. 2^32 - 1; without stratify the rows kept are exactly DataFrame.sample(n,
//             random_state=seed)'s (numpy's RandomState(seed).choice(rows, n, replace=False) =
//             permutation(rows)[:n], core/stats/numpy_random.h);
//   stratify (false)  keep each class's share of the recipe's target:
//     with fraction: exactly pandas' df.groupby(target, sort=True).sample(frac=fraction,
//       random_state=seed): one RandomState(seed) for all classes, classes in ascending order of
//       value (numbers numerically, text by code point), from each class of size c
//       round(fraction * c) rows (half to even), drawn as choice(c, size, replace=False) over the
//       class's rows in row order. Rows whose target is missing are never kept (groupby drops
//       missing keys) and the report warns how many; a target with no value at all is refused.
//     with n: pandas' groupby.sample(n=) would take n rows from EACH class, so instead the rows
//       are exactly scikit-learn's train_test_split(df, train_size=n, stratify=target,
//       random_state=seed)[0] (StratifiedShuffleSplit, core/stats/shuffle_split.h), a missing
//       target being one more class, sorted last, as the split op stratifies (scikit-learn refuses
//       missing labels). Like scikit-learn it needs every class to have at least two rows and n
//       and rows - n to be at least the class count; n = 0 keeps no row and n = rows every row
//       (where train_test_split refuses).
// Exactly one of n and fraction. The kept rows stay in their original order (pandas and
// scikit-learn return them in the random order): the SET of rows equals theirs.
#include "core/ops/op.h"
#include "core/ops/param_reader.h"
#include "core/stats/numpy_random.h"
#include "core/stats/shuffle_split.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

namespace preplab::ops {

namespace {

class SampleOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_n = p.optionalInteger("n", 0);
        m_fraction = p.optionalNumber("fraction", 0.0, 1.0);
        if (p.ok() && m_n.has_value() == m_fraction.has_value())
            p.failStep(m_n ? "give either \"n\" or \"fraction\", not both" : "needs \"n\" (rows) or \"fraction\"");
        if (p.ok() && m_fraction && *m_fraction <= 0.0)
            p.fail("fraction", "expected a number in (0, 1], got 0");
        m_seed = static_cast<std::uint64_t>(p.integer("seed", 0, 0, stats::LegacyRandomState::kMaxSeed));
        m_stratify = p.boolean("stratify", false);
        if (const Schema* s = p.schema(); s && m_stratify) {
            if (s->target.empty())
                p.fail("stratify", "needs the recipe's \"target\" (the classes to keep in proportion)");
        }
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        const std::size_t rows = table.rowCount();
        std::size_t k = m_n ? static_cast<std::size_t>(*m_n)
                            : static_cast<std::size_t>(std::nearbyint(*m_fraction * static_cast<double>(rows)));
        if (k > rows)
            return ctx.error("cannot sample " + std::to_string(k) + " rows from " + std::to_string(rows) +
                             " without replacement");
        StepOutput out;
        std::vector<std::size_t> keep;
        if (m_stratify) {
            const Column* target = table.find(ctx.target);
            if (!target)
                return ctx.error("stratify needs the recipe's \"target\" column in the table");
            auto kept = m_fraction ? stratifiedFraction(*target, ctx, out.report) : stratifiedCount(*target, k, ctx);
            if (!kept)
                return kept.error();
            keep = std::move(*kept);
        } else {
            keep = stats::LegacyRandomState(m_seed).choice(rows, k);
        }
        std::sort(keep.begin(), keep.end());
        out.report.description = "kept a random " + std::string(m_stratify ? "stratified " : "") + "sample of " +
                                 std::to_string(keep.size()) + " of " + std::to_string(rows) + " rows, seed " +
                                 std::to_string(m_seed);
        if (keep.size() == rows) {
            out.table = table;
        } else {
            out.table = table.selectRows(keep);
            out.rowSource = std::move(keep);
        }
        return out;
    }

private:
    // groupby(target, sort=True).sample(frac=m_fraction, random_state=m_seed).
    Result<std::vector<std::size_t>> stratifiedFraction(const Column& target, const StepContext& ctx,
                                                        StepReport& report) const
    {
        std::size_t codes = 0;
        const auto classOf = stats::sortedClassCodes(target, nullptr, &codes);
        std::vector<std::vector<std::size_t>> rowsOf(codes);
        std::size_t missing = 0;
        for (std::size_t r = 0; r < classOf.size(); ++r) {
            if (target.isValid(r))
                rowsOf[static_cast<std::size_t>(classOf[r])].push_back(r);
            else
                ++missing;
        }
        if (missing > 0 && missing == target.size())
            return ctx.error("cannot stratify by " + ctx.target + ": every value is missing");
        stats::LegacyRandomState rng(m_seed);
        std::vector<std::size_t> keep;
        for (const auto& rows : rowsOf) {
            if (rows.empty())
                continue;  // the missing class
            const auto size = static_cast<std::size_t>(std::nearbyint(*m_fraction * static_cast<double>(rows.size())));
            for (std::size_t i : rng.choice(rows.size(), size))
                keep.push_back(rows[i]);
        }
        if (missing > 0)
            report.warnings.push_back({Diagnostic::Severity::Warning,
                                       std::to_string(missing) + " row" + (missing == 1 ? "" : "s") + " with a missing " +
                                           ctx.target + " cannot be kept (pandas' groupby drops missing keys)",
                                       -1, ctx.target});
        return keep;
    }

    // train_test_split(train_size=k, stratify=target, random_state=m_seed)'s training rows.
    Result<std::vector<std::size_t>> stratifiedCount(const Column& target, std::size_t k, const StepContext& ctx) const
    {
        const std::size_t rows = target.size();
        std::vector<std::size_t> all(rows);
        std::iota(all.begin(), all.end(), std::size_t{0});
        if (k == 0 || k == rows)
            return k == 0 ? std::vector<std::size_t>{} : all;
        const auto classOf = stats::sortedClassCodes(target, nullptr, nullptr);
        if (auto refusal = stats::stratifyRefusal(classOf, rows - k))
            return ctx.error("cannot stratify by " + ctx.target + ": " + refusal->describe(target) +
                             "; set \"stratify\": false");
        auto split = stats::shuffleSplit(rows, rows - k, m_seed, classOf);
        if (!split)
            return ctx.error(split.error().message);
        return std::move(split->train);
    }

    std::optional<std::int64_t> m_n;
    std::optional<double> m_fraction;
    std::uint64_t m_seed = 0;
    bool m_stratify = false;
};

} // namespace

std::unique_ptr<Op> makeSampleOp() { return std::make_unique<SampleOp>(); }

} // namespace preplab::ops
