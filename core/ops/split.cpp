// split: divides the rows into training and test rows, like scikit-learn's train_test_split, and
// adds a categorical column `split` ("train" / "test"). Later fitted steps fit on the training rows.
//   test_size (0.25)  a fraction in (0, 1): n_test = ceil(test_size * rows) (sklearn's rule), or a
//                     whole number >= 1 of test rows;
//   stratify          keep each class's share of the target in both parts; default true when the
//                     recipe has a categorical or boolean target, false otherwise;
//   seed (0)          the same seed gives the same split on every platform.
// Rows are drawn with a Fisher-Yates shuffle driven by splitmix64(seed), not numpy's generator, so
// the rows chosen differ from sklearn's for the same seed (the sizes are the same). Stratified:
// each class (missing target = one more class) gets a share of n_test by largest remainder
// (sklearn breaks ties at random) and its rows are shuffled separately, seed + class position.
// At least one training and one test row are required.
#include "core/ops/class_allocation.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <cmath>
#include <memory>
#include <numeric>

namespace preplab::ops {

namespace {

class SplitOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        if (const nlohmann::json* t = p.raw("test_size")) {
            if (t->is_number_integer() || t->is_number_unsigned()) {
                if (t->get<std::int64_t>() < 1)
                    p.fail("test_size", "expected a fraction in (0, 1) or a whole number of rows >= 1, got " + jsonSnippet(*t));
                m_testCount = t->get<std::int64_t>();
            } else if (t->is_number() && t->get<double>() > 0.0 && t->get<double>() < 1.0) {
                m_testFraction = t->get<double>();
            } else {
                p.fail("test_size", "expected a fraction in (0, 1) or a whole number of rows >= 1, got " + jsonSnippet(*t));
            }
        }
        m_stratify = p.optionalBoolean("stratify");
        m_seed = static_cast<std::uint64_t>(p.integer("seed", 0, 0));
        if (const Schema* s = p.schema()) {
            if (m_stratify.value_or(false)) {
                if (s->target.empty())
                    p.fail("stratify", "needs the recipe's \"target\" (the classes to keep in proportion)");
                else
                    p.checkColumn("stratify", s->target,
                                  {ColumnType::Categorical, ColumnType::Boolean, ColumnType::Integer, ColumnType::Text});
            }
            if (s->indexOf(kSplitColumn) && !s->hasSplit)
                p.failStep("the table already has a column named \"split\"; rename it first");
        }
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        const std::size_t n = table.rowCount();
        const Column* target = ctx.target.empty() ? nullptr : table.find(ctx.target);
        bool stratify = m_stratify.value_or(target && (target->type() == ColumnType::Categorical ||
                                                       target->type() == ColumnType::Boolean));
        if (stratify && !target)
            return ctx.error("stratify needs the recipe's \"target\" column in the table");
        std::size_t nTest = m_testCount ? static_cast<std::size_t>(*m_testCount)
                                        : static_cast<std::size_t>(std::ceil(m_testFraction * static_cast<double>(n)));
        if (nTest < 1 || nTest >= n)
            return ctx.error("cannot split " + std::to_string(n) + " row" + (n == 1 ? "" : "s") + " into " +
                             std::to_string(nTest) + " test rows and at least one training row");

        std::vector<std::uint8_t> train(n, 1);
        if (stratify) {
            auto classes = rowsByClass(*target);
            std::vector<std::size_t> sizes;
            for (const auto& c : classes)
                sizes.push_back(c.size());
            auto counts = proportionalCounts(sizes, nTest);
            for (std::size_t k = 0; k < classes.size(); ++k) {
                seededShuffle(classes[k], m_seed + k);
                for (std::size_t j = 0; j < counts[k]; ++j)
                    train[classes[k][j]] = 0;
            }
        } else {
            std::vector<std::size_t> rows(n);
            std::iota(rows.begin(), rows.end(), std::size_t{0});
            seededShuffle(rows, m_seed);
            for (std::size_t j = 0; j < nTest; ++j)
                train[rows[j]] = 0;
        }
        std::vector<std::int32_t> codes(n);
        for (std::size_t i = 0; i < n; ++i)
            codes[i] = train[i] ? 0 : 1;
        StepOutput out;
        out.table = table;
        ColumnPtr column = Column::makeCategorical(std::move(codes), {"train", "test"});
        auto existing = table.indexOf(kSplitColumn);
        auto r = existing ? out.table.setColumn(*existing, column) : out.table.addColumn(std::string(kSplitColumn), column);
        if (!r)
            return ctx.error(r.error().message);
        out.trainMask = std::move(train);
        out.report.description = "split " + std::to_string(n) + " rows into " + std::to_string(n - nTest) +
                                 " training and " + std::to_string(nTest) + " test rows" +
                                 (stratify ? ", stratified by " + ctx.target : std::string(", not stratified")) +
                                 ", seed " + std::to_string(m_seed);
        return out;
    }

private:
    double m_testFraction = 0.25;
    std::optional<std::int64_t> m_testCount;
    std::optional<bool> m_stratify;
    std::uint64_t m_seed = 0;
};

} // namespace

std::unique_ptr<Op> makeSplitOp() { return std::make_unique<SplitOp>(); }

} // namespace preplab::ops
