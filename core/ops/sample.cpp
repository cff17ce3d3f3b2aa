// sample: keeps a random subset of the rows without replacement, like DataFrame.sample.
//   n         the number of rows to keep (at most the row count), or
//   fraction  the share of rows to keep, in (0, 1]: round(fraction * rows), half to even;
//   seed (0)  0 .. 2^32 - 1; without stratify the rows kept are exactly DataFrame.sample(n,
//             random_state=seed)'s (numpy's RandomState(seed).choice(rows, n, replace=False) =
//             permutation(rows)[:n], core/stats/numpy_random.h);
//   stratify (false)  keep each class's share of the recipe's target (largest remainder per class,
//             each class's rows shuffled by PrepLab's splitmix64 generator, seed + class position;
//             pandas has no stratified sample).
// Exactly one of n and fraction. The kept rows stay in their original order (pandas returns them
// in the random order).
#include "core/ops/class_allocation.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"
#include "core/stats/numpy_random.h"

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
        std::vector<std::size_t> keep;
        if (m_stratify) {
            const Column* target = table.find(ctx.target);
            if (!target)
                return ctx.error("stratify needs the recipe's \"target\" column in the table");
            auto classes = rowsByClass(*target);
            std::vector<std::size_t> sizes;
            for (const auto& c : classes)
                sizes.push_back(c.size());
            auto counts = proportionalCounts(sizes, k);
            for (std::size_t c = 0; c < classes.size(); ++c) {
                seededShuffle(classes[c], m_seed + c);
                keep.insert(keep.end(), classes[c].begin(), classes[c].begin() + static_cast<std::ptrdiff_t>(counts[c]));
            }
        } else {
            keep = stats::LegacyRandomState(m_seed).choice(rows, k);
        }
        std::sort(keep.begin(), keep.end());
        StepOutput out;
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
    std::optional<std::int64_t> m_n;
    std::optional<double> m_fraction;
    std::uint64_t m_seed = 0;
    bool m_stratify = false;
};

} // namespace

std::unique_ptr<Op> makeSampleOp() { return std::make_unique<SampleOp>(); }

} // namespace preplab::ops
