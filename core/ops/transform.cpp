// transform: element-wise and fitted distribution transforms of numeric columns.
//   log / log1p / sqrt   numpy's log, log1p, sqrt; a value outside the domain (log: <= 0,
//                        log1p: <= -1, sqrt: < 0) is an error naming the column, the row and the
//                        value (numpy would give -inf or NaN silently).
//   yeo_johnson, box_cox scikit-learn 1.2.1's PowerTransformer: lambda per column by maximum
//                        likelihood on the fit rows (core/stats/power_transform.h), then, with
//                        standardize (default true), z-scores fitted on the transformed fit rows
//                        (StandardScaler). Box-Cox needs strictly positive values in every row.
//   quantile_uniform, quantile_normal
//                        QuantileTransformer(output_distribution uniform / normal) with n_quantiles
//                        (default 1000) capped at the fit row count, all fit rows used (no
//                        subsampling) (core/stats/quantile_transform.h).
// Missing values are ignored when fitting and stay missing. columns omitted: every numeric column
// except the target. Output columns are Numeric.
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"
#include "core/stats/numpy_like.h"
#include "core/stats/power_transform.h"
#include "core/stats/quantile_transform.h"

#include <cmath>
#include <memory>

namespace preplab::ops {

namespace {

struct ColumnFit {
    double lambda = 1.0;
    double mean = 0.0, scale = 1.0;
    stats::QuantileFit quantiles;
    bool empty = false;
};

class TransformOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", ColumnKinds::numeric());
        m_method = p.choice("method", {"log", "log1p", "sqrt", "yeo_johnson", "box_cox", "quantile_uniform",
                                       "quantile_normal"},
                            "yeo_johnson");
        m_standardize = p.boolean("standardize", true);
        if (p.has("standardize") && !isPower())
            p.fail("standardize", "applies to the yeo_johnson and box_cox methods only");
        m_quantiles = static_cast<std::size_t>(p.integer("n_quantiles", 1000, 1));
        if (p.has("n_quantiles") && !isQuantile())
            p.fail("n_quantiles", "applies to the quantile_uniform and quantile_normal methods only");
    }

    Result<void> fit(const Table& table, const StepContext& ctx) override
    {
        m_fits.clear();
        for (const auto& name : m_columns) {
            const Column* c = table.find(name);
            if (!c)
                return ctx.error("column \"" + name + "\" does not exist");
            ColumnFit f;
            std::vector<double> v = presentValues(*c, ctx.fitRows);
            f.empty = v.empty();
            if (!f.empty && isPower()) {
                auto lambda = m_method == "box_cox" ? stats::fitBoxCoxLambda(v) : stats::fitYeoJohnsonLambda(v);
                if (!lambda)
                    return ctx.error("column \"" + name + "\": " + lambda.error().message);
                f.lambda = *lambda;
                if (m_standardize) {
                    for (double& x : v)
                        x = power(x, f.lambda);
                    stats::MeanVar mv = stats::meanVar(v);
                    f.mean = mv.mean;
                    f.scale = stats::isConstantFeature(mv.var, mv.mean, mv.n) ? 1.0 : std::sqrt(mv.var);
                }
            } else if (!f.empty && isQuantile()) {
                f.quantiles = stats::fitQuantiles(std::move(v), ctx.fitRows.size(), m_quantiles);
            }
            m_fits.push_back(std::move(f));
        }
        return {};
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            auto idx = table.indexOf(m_columns[k]);
            std::vector<double> v = table.column(*idx).toDoubles();
            if (auto bad = checkDomain(v); bad < v.size())
                return ctx.error("column \"" + m_columns[k] + "\", row " + std::to_string(bad + 1) + ": " +
                                 m_method + " needs " + domainText() + ", got " + formatDouble(v[bad]));
            const ColumnFit* f = k < m_fits.size() ? &m_fits[k] : nullptr;
            if (f && f->empty && (isPower() || isQuantile())) {
                out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                               "column \"" + m_columns[k] + "\" has no value in the fit rows; left unchanged",
                                               -1, m_columns[k]});
                continue;
            }
            for (double& x : v)
                x = transformOne(x, f);
            (void)out.table.setColumn(*idx, numericFromNaN(std::move(v)));
        }
        out.report.description = describe();
        return out;
    }

    nlohmann::json fittedParams() const override
    {
        if (!isPower() && !isQuantile())
            return nullptr;
        nlohmann::json j = nlohmann::json::object();
        for (std::size_t k = 0; k < m_fits.size(); ++k) {
            const ColumnFit& f = m_fits[k];
            if (f.empty) {
                j[m_columns[k]] = nullptr;
            } else if (isPower()) {
                j[m_columns[k]] = {{"lambda", f.lambda}};
                if (m_standardize) {
                    j[m_columns[k]]["mean"] = f.mean;
                    j[m_columns[k]]["scale"] = f.scale;
                }
            } else {
                j[m_columns[k]] = {{"n_quantiles", f.quantiles.quantiles.size()},
                                   {"min", f.quantiles.quantiles.front()},
                                   {"median", stats::interp(0.5, f.quantiles.references.data(),
                                                            f.quantiles.quantiles.data(), f.quantiles.quantiles.size())},
                                   {"max", f.quantiles.quantiles.back()}};
            }
        }
        return j;
    }

private:
    bool isPower() const { return m_method == "yeo_johnson" || m_method == "box_cox"; }
    bool isQuantile() const { return m_method == "quantile_uniform" || m_method == "quantile_normal"; }

    double power(double x, double lambda) const
    {
        return m_method == "box_cox" ? stats::boxCox(x, lambda) : stats::yeoJohnson(x, lambda);
    }

    double transformOne(double x, const ColumnFit* f) const
    {
        if (std::isnan(x))
            return x;
        if (m_method == "log")
            return std::log(x);
        if (m_method == "log1p")
            return std::log1p(x);
        if (m_method == "sqrt")
            return std::sqrt(x);
        if (isPower()) {
            const double t = power(x, f->lambda);
            return m_standardize ? (t - f->mean) / f->scale : t;
        }
        return m_method == "quantile_uniform" ? stats::quantileUniform(x, f->quantiles)
                                              : stats::quantileNormal(x, f->quantiles);
    }

    // Index of the first value outside the method's domain, or v.size().
    std::size_t checkDomain(const std::vector<double>& v) const
    {
        for (std::size_t i = 0; i < v.size(); ++i) {
            const double x = v[i];
            if (std::isnan(x))
                continue;
            if ((m_method == "log" || m_method == "box_cox") && !(x > 0))
                return i;
            if (m_method == "log1p" && !(x > -1))
                return i;
            if (m_method == "sqrt" && !(x >= 0))
                return i;
        }
        return v.size();
    }

    std::string domainText() const
    {
        if (m_method == "log1p")
            return "values above -1";
        if (m_method == "sqrt")
            return "non-negative values";
        return "strictly positive values";
    }

    std::string describe() const
    {
        const std::string cols = countOf(m_columns.size(), "column");
        if (m_method == "log" || m_method == "log1p" || m_method == "sqrt")
            return "applied " + m_method + " to " + cols;
        if (isPower()) {
            std::string s = std::string(m_method == "box_cox" ? "Box-Cox" : "Yeo-Johnson") + " transformed " + cols;
            if (m_fits.size() == 1 && !m_fits[0].empty)
                s += " with lambda " + readable(m_fits[0].lambda);
            else
                s += " with a maximum-likelihood lambda each";
            return s + (m_standardize ? ", then standardized" : "");
        }
        return "mapped " + cols + " through " +
               std::to_string(m_fits.empty() || m_fits[0].empty ? m_quantiles : m_fits[0].quantiles.quantiles.size()) +
               " quantiles to a " + (m_method == "quantile_uniform" ? "uniform [0, 1]" : "standard normal") +
               " distribution";
    }

    std::vector<std::string> m_columns;
    std::string m_method = "yeo_johnson";
    bool m_standardize = true;
    std::size_t m_quantiles = 1000;
    std::vector<ColumnFit> m_fits;
};

} // namespace

std::unique_ptr<Op> makeTransformOp() { return std::make_unique<TransformOp>(); }

} // namespace preplab::ops
