// polynomial: scikit-learn 1.2.1's PolynomialFeatures(include_bias=False) without the degree-1
// columns (they are the inputs, kept as they are). New Numeric columns are appended in sklearn's
// order: for each degree 2..degree, the combinations (with repetition unless interaction_only) of
// the columns in lexicographic order; for [a, b]: a^2, a*b, b^2. Names join the factors with
// "*", a repeated factor written as a power: a^2, a*b, a^2*b. A term is missing when one of its
// factors is. Not fitted: it only needs the column list. columns omitted: every numeric column
// except the target.
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <cmath>
#include <memory>

namespace preplab::ops {

namespace {

// Every non-decreasing (strictly increasing when `distinct`) index tuple of length `degree` over
// [0, n), in lexicographic order: itertools.combinations(_with_replacement).
void combinations(std::size_t n, std::size_t degree, bool distinct, std::vector<std::size_t>& current,
                  std::vector<std::vector<std::size_t>>& out)
{
    if (current.size() == degree) {
        out.push_back(current);
        return;
    }
    std::size_t start = current.empty() ? 0 : current.back() + (distinct ? 1 : 0);
    for (std::size_t i = start; i < n; ++i) {
        current.push_back(i);
        combinations(n, degree, distinct, current, out);
        current.pop_back();
    }
}

class PolynomialOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", ColumnKinds::numeric());
        m_degree = static_cast<std::size_t>(p.integer("degree", 2, 2, 5));
        m_interactionOnly = p.boolean("interaction_only", false);
        if (m_columns.size() > 60)
            p.fail("columns", std::to_string(m_columns.size()) + " columns would create too many terms; list at most 60");
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        std::vector<std::vector<double>> x;
        for (const auto& name : m_columns) {
            const Column* c = table.find(name);
            if (!c)
                return ctx.error("column \"" + name + "\" does not exist");
            x.push_back(c->toDoubles());
        }
        std::vector<std::vector<std::size_t>> terms;
        for (std::size_t d = 2; d <= m_degree; ++d) {
            std::vector<std::size_t> current;
            combinations(m_columns.size(), d, m_interactionOnly, current, terms);
        }
        if (terms.size() > 2000)
            return ctx.error("degree " + std::to_string(m_degree) + " on " + countOf(m_columns.size(), "column") +
                             " would add " + std::to_string(terms.size()) + " columns; at most 2000");
        StepOutput out;
        out.table = table;
        const std::size_t rows = table.rowCount();
        std::vector<std::string> names;
        for (const auto& term : terms) {
            std::vector<double> v(rows);
            for (std::size_t i = 0; i < rows; ++i) {
                double prod = x[term[0]][i];
                for (std::size_t t = 1; t < term.size(); ++t)
                    prod = prod * x[term[t]][i];
                v[i] = prod;
            }
            const std::string name = termName(term);
            if (auto added = out.table.addColumn(name, numericFromNaN(std::move(v))); !added)
                return ctx.error("polynomial would create column \"" + name + "\", which already exists");
            names.push_back(name);
        }
        out.report.description = "added " + countOf(names.size(), "term") + " of degree 2" +
                                 (m_degree > 2 ? " to " + std::to_string(m_degree) : "") +
                                 (m_interactionOnly ? " (interactions only)" : "") + ": " + listOf(names);
        return out;
    }

private:
    std::string termName(const std::vector<std::size_t>& term) const
    {
        std::string name;
        for (std::size_t t = 0; t < term.size();) {
            std::size_t power = 1;
            while (t + power < term.size() && term[t + power] == term[t])
                ++power;
            if (!name.empty())
                name += "*";
            name += m_columns[term[t]];
            if (power > 1) {
                name += '^';
                name.append(std::to_string(power));
            }
            t += power;
        }
        return name;
    }

    std::vector<std::string> m_columns;
    std::size_t m_degree = 2;
    bool m_interactionOnly = false;
};

} // namespace

std::unique_ptr<Op> makePolynomialOp() { return std::make_unique<PolynomialOp>(); }

} // namespace preplab::ops
