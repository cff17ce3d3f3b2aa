// split: divides the rows into training and test rows, like scikit-learn's train_test_split, and
// adds a categorical column `split` ("train" / "test"). Later fitted steps fit on the training rows.
//   test_size (0.25)  a fraction in (0, 1): n_test = ceil(test_size * rows) (sklearn's rule), or a
//                     whole number >= 1 of test rows;
//   stratify          keep each class's share of the target in both parts; default true when the
//                     recipe has a categorical or boolean target, false otherwise;
//   seed (0)          the same seed gives the same split on every platform.
// The rows are exactly the ones train_test_split(test_size=..., random_state=seed,
// stratify=target) picks (core/stats/shuffle_split.h: numpy's MT19937, draw for draw); a missing
// target is one more class, the last. Stratifying needs every class to have at least two rows and
// at least as many training and test rows as classes: when "stratify" was not given and that does
// not hold, the split is not stratified and the report says so; an explicit "stratify": true is
// refused, as scikit-learn refuses it. At least one training and one test row are required.
#include "core/ops/op.h"
#include "core/ops/param_reader.h"
#include "core/stats/shuffle_split.h"

#include <cmath>
#include <optional>
#include <string>
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
        m_seed = static_cast<std::uint64_t>(p.integer("seed", 0, 0, stats::LegacyRandomState::kMaxSeed));
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

        std::vector<int> classOf;
        std::string notStratified;
        if (stratify) {
            classOf = stats::sortedClassCodes(*target, nullptr, nullptr);
            if (auto refusal = stats::stratifyRefusal(classOf, nTest)) {
                if (m_stratify)
                    return ctx.error("cannot stratify by " + ctx.target + ": " + refusal->describe(*target) +
                                     "; set \"stratify\": false");
                notStratified = refusal->describe(*target);
                classOf.clear();
                stratify = false;
            }
        }
        auto rows = stats::shuffleSplit(n, nTest, m_seed, classOf);
        if (!rows)
            return ctx.error(rows.error().message);
        std::vector<std::uint8_t> train(n, 1);
        for (std::size_t r : rows->test)
            train[r] = 0;
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
        if (!notStratified.empty())
            out.report.warnings.push_back(
                {Diagnostic::Severity::Warning, "not stratified by " + ctx.target + ": " + notStratified, -1, ctx.target});
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
