// discretize: scikit-learn 1.2.1's KBinsDiscretizer(encode="ordinal") per column: edges learned
// from the fit rows (core/stats/kbins.h), every row replaced by its 0-based bin as an Integer.
//   strategy uniform (equal widths), quantile (default; numpy `linear` percentiles, as 1.2.1),
//   kmeans (1-D k-means from the uniform bin centres). n_bins default 5.
// Missing values stay missing (sklearn refuses them). A constant column becomes one bin (0), and
// quantile / kmeans drop bins narrower than 1e-8: both are reported as warnings, as sklearn does.
// columns omitted: every numeric column except the target.
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"
#include "core/stats/kbins.h"

#include <cmath>
#include <memory>

namespace preplab::ops {

namespace {

class DiscretizeOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", ColumnKinds::numeric());
        m_bins = static_cast<std::size_t>(p.integer("n_bins", 5, 2, 1000));
        m_strategy = p.choice("strategy", {"uniform", "quantile", "kmeans"}, "quantile");
    }

    Result<void> fit(const Table& table, const StepContext& ctx) override
    {
        m_fits.clear();
        const stats::KBinsStrategy strategy = m_strategy == "uniform"    ? stats::KBinsStrategy::Uniform
                                              : m_strategy == "quantile" ? stats::KBinsStrategy::Quantile
                                                                         : stats::KBinsStrategy::KMeans;
        for (const auto& name : m_columns) {
            const Column* c = table.find(name);
            if (!c)
                return ctx.error("column \"" + name + "\" does not exist");
            std::vector<double> v = presentValues(*c, ctx.fitRows);
            if (v.empty()) {
                m_fits.emplace_back();
                continue;
            }
            auto fit = stats::fitKBins(std::move(v), m_bins, strategy);
            if (!fit)
                return ctx.error("column \"" + name + "\": " + fit.error().message);
            m_fits.push_back(std::move(*fit));
        }
        return {};
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            const stats::KBinsFit& f = m_fits[k];
            const std::string& name = m_columns[k];
            if (f.edges.empty()) {
                out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                               "column \"" + name + "\" has no value in the fit rows; left unchanged",
                                               -1, name});
                continue;
            }
            if (f.constant)
                out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                               "column \"" + name + "\" is constant in the fit rows: one bin, every value 0",
                                               -1, name});
            else if (f.binsRemoved)
                out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                               "column \"" + name + "\": bins narrower than 1e-8 removed, " +
                                                   std::to_string(f.binCount()) + " bins left of " +
                                                   std::to_string(m_bins),
                                               -1, name});
            auto idx = table.indexOf(name);
            std::vector<double> v = table.column(*idx).toDoubles();
            for (double& x : v)
                x = stats::binOf(x, f);
            (void)out.table.setColumn(*idx, integerFromNaN(v));
        }
        out.report.description = "binned " + countOf(m_columns.size(), "column") + " into " +
                                 std::to_string(m_bins) + " " +
                                 (m_strategy == "uniform"    ? "equal-width"
                                  : m_strategy == "quantile" ? "equal-frequency (quantile)"
                                                             : "k-means") +
                                 " bins, numbered from 0";
        return out;
    }

    nlohmann::json fittedParams() const override
    {
        nlohmann::json j = nlohmann::json::object();
        for (std::size_t k = 0; k < m_fits.size(); ++k) {
            if (m_fits[k].edges.empty()) {
                j[m_columns[k]] = nullptr;
                continue;
            }
            nlohmann::json edges = nlohmann::json::array();
            for (double e : m_fits[k].edges)
                edges.push_back(std::isinf(e) ? nlohmann::json(e > 0 ? "inf" : "-inf") : nlohmann::json(e));
            j[m_columns[k]] = {{"edges", edges}, {"bins", m_fits[k].binCount()}};
        }
        return j;
    }

private:
    std::vector<std::string> m_columns;
    std::size_t m_bins = 5;
    std::string m_strategy = "quantile";
    std::vector<stats::KBinsFit> m_fits;
};

} // namespace

std::unique_ptr<Op> makeDiscretizeOp() { return std::make_unique<DiscretizeOp>(); }

} // namespace preplab::ops
