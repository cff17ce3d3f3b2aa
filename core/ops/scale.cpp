// scale: scikit-learn 1.2.1's scalers, fitted on the fit rows, missing values ignored in fit and
// kept missing.
//   standard  z = (x - mean) / std, population std (ddof 0); a constant column (sklearn's
//             _is_constant_feature: var <= n eps var + (n mean eps)^2) is centred, not divided.
//             with_mean / with_std switch the centring / the division off (StandardScaler).
//   minmax    x * s + m with s = (hi - lo) / (max - min) (range 0 -> 1), m = lo - min * s;
//             feature_range [lo, hi] (default [0, 1]) (MinMaxScaler).
//   robust    (x - median) / (P_hi - P_lo), percentiles numpy `linear`, quantile_range [25, 75];
//             a scale below 10 eps becomes 1; with_mean = with_centering, with_std =
//             with_scaling (RobustScaler).
//   maxabs    x / max|x| (0 -> 1) (MaxAbsScaler).
// columns omitted: every numeric column except the target. Output columns are Numeric.
#include "core/ops/fitted_column.h"
#include "core/ops/op.h"
#include "core/ops/param_reader.h"
#include "core/stats/numpy_like.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace preplab::ops {

namespace {

struct ScaleParams {
    double offset = 0.0;  // out = (x - offset) / divisor, or for minmax x * multiplier + offset
    double divisor = 1.0;
    double multiplier = 1.0;
    nlohmann::json readable;
    bool empty = false;
};

class ScaleOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", ColumnKinds::numeric());
        m_method = p.choice("method", {"standard", "minmax", "robust", "maxabs"}, "standard");
        m_withMean = p.boolean("with_mean", true);
        m_withStd = p.boolean("with_std", true);
        const bool centring = m_method == "standard" || m_method == "robust";
        for (const char* f : {"with_mean", "with_std"})
            if (!centring && p.has(f))
                p.fail(f, "applies to the standard and robust methods only");
        auto range = p.numbers("feature_range");
        if (p.has("feature_range")) {
            if (m_method != "minmax")
                p.fail("feature_range", "applies to \"method\": \"minmax\" only");
            else if (range.size() != 2 || !(range[0] < range[1]))
                p.fail("feature_range", "expected two numbers [min, max] with min < max");
            else
                m_range = {range[0], range[1]};
        }
        auto q = p.numbers("quantile_range");
        if (p.has("quantile_range")) {
            if (m_method != "robust")
                p.fail("quantile_range", "applies to \"method\": \"robust\" only");
            else if (q.size() != 2 || !(0 <= q[0] && q[0] <= q[1] && q[1] <= 100))
                p.fail("quantile_range", "expected two percentages [low, high] with 0 <= low <= high <= 100");
            else
                m_quantiles = {q[0], q[1]};
        }
    }

    Result<void> fit(const Table& table, const StepContext& ctx) override
    {
        m_params.clear();
        std::vector<const Column*> columns;
        for (const auto& name : m_columns) {
            columns.push_back(table.find(name));
            if (!columns.back())
                return ctx.error("column \"" + name + "\" does not exist");
        }
        m_params.resize(columns.size());
        parallelTasks(columns.size(), [&](std::size_t k) { m_params[k] = fitColumn(presentValues(*columns[k], ctx.fitRows)); });
        return {};
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        std::vector<std::string> constant, zeroSpread;
        std::vector<ColumnPtr> scaled(m_columns.size());
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            if (m_params[k].empty)
                out.report.warnings.push_back({Diagnostic::Severity::Warning,
                                               "column \"" + m_columns[k] + "\" has no value in the fit rows; left unchanged",
                                               -1, m_columns[k]});
            else if (m_params[k].readable.value("constant", false))
                constant.push_back(m_columns[k]);
            else if (m_params[k].readable.value("zero_spread", false))
                zeroSpread.push_back(m_columns[k]);
        }
        parallelTasks(m_columns.size(), [&](std::size_t k) {
            const ScaleParams& s = m_params[k];
            if (s.empty)
                return;
            const Column& c = table.column(*table.indexOf(m_columns[k]));
            if (m_method == "minmax")
                scaled[k] = mapNumbers(c, [&s](double x) { return x * s.multiplier + s.offset; });
            else
                scaled[k] = mapNumbers(c, [&s](double x) { return (x - s.offset) / s.divisor; });
        });
        for (std::size_t k = 0; k < m_columns.size(); ++k)
            if (scaled[k])
                (void)out.table.setColumn(*table.indexOf(m_columns[k]), std::move(scaled[k]));
        out.report.description = describe();
        if (!constant.empty())
            out.report.warnings.push_back({Diagnostic::Severity::Info,
                                           "constant in the fit rows, so only shifted: " + listOf(constant), -1, {}});
        if (!zeroSpread.empty())
            out.report.warnings.push_back(
                {Diagnostic::Severity::Info,
                 "the " + readable(m_quantiles[0]) + "th and " + readable(m_quantiles[1]) +
                     "th percentiles are equal in the fit rows, so only centred (scale 1, as scikit-learn): " +
                     listOf(zeroSpread),
                 -1, {}});
        return out;
    }

    nlohmann::json fittedParams() const override
    {
        nlohmann::json j = nlohmann::json::object();
        for (std::size_t k = 0; k < m_params.size(); ++k)
            j[m_columns[k]] = m_params[k].readable;
        return j;
    }

private:
    ScaleParams fitColumn(std::vector<double> v) const
    {
        ScaleParams s;
        if (v.empty()) {
            s.empty = true;
            return s;
        }
        if (m_method == "standard") {
            stats::MeanVar mv = stats::meanVar(std::move(v));
            const bool constant = stats::isConstantFeature(mv.var, mv.mean, mv.n);
            const double scale = constant ? 1.0 : std::sqrt(mv.var);
            s.offset = m_withMean ? mv.mean : 0.0;
            s.divisor = m_withStd ? scale : 1.0;
            s.readable = {{"mean", mv.mean}, {"var", mv.var}, {"scale", scale}};
            if (constant)
                s.readable["constant"] = true;
        } else if (m_method == "minmax") {
            const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
            const double range = *hi - *lo;
            s.multiplier = (m_range[1] - m_range[0]) / stats::handleZeroScale(range);
            s.offset = m_range[0] - *lo * s.multiplier;
            s.readable = {{"data_min", *lo}, {"data_max", *hi}, {"scale", s.multiplier}, {"min", s.offset}};
            if (range < 10 * std::numeric_limits<double>::epsilon())
                s.readable["constant"] = true;
        } else if (m_method == "robust") {
            const double center = stats::medianSelect(v);
            const std::vector<double> q = stats::percentilesSelect(v, {m_quantiles[1], m_quantiles[0]});
            const double spread = q[0] - q[1];
            const double scale = stats::handleZeroScale(spread);
            s.offset = m_withMean ? center : 0.0;
            s.divisor = m_withStd ? scale : 1.0;
            s.readable = {{"center", center}, {"scale", scale}};
            if (scale == 1.0 && spread != 1.0)
                s.readable["zero_spread"] = true;  // not necessarily constant: a 0/1 column with few ones
        } else {
            double maxAbs = 0.0;
            for (double x : v)
                maxAbs = std::max(maxAbs, std::abs(x));
            s.divisor = stats::handleZeroScale(maxAbs);
            s.readable = {{"max_abs", maxAbs}, {"scale", s.divisor}};
        }
        return s;
    }

    std::string describe() const
    {
        const std::string cols = countOf(m_columns.size(), "column");
        if (m_method == "standard") {
            if (m_withMean && m_withStd)
                return "standardized " + cols + " to mean 0 and standard deviation 1 (population std)";
            if (m_withMean)
                return "centred " + cols + " on their means";
            if (m_withStd)
                return "divided " + cols + " by their standard deviations (population std)";
            return "left " + cols + " unscaled (with_mean and with_std are false)";
        }
        if (m_method == "minmax")
            return "rescaled " + cols + " to [" + readable(m_range[0]) + ", " + readable(m_range[1]) +
                   "] using the fit rows' minimum and maximum";
        if (m_method == "robust")
            return "robust-scaled " + cols + (m_withMean ? ": minus the median" : ":") +
                   (m_withStd ? ", divided by the " + readable(m_quantiles[0]) + "-" + readable(m_quantiles[1]) +
                                    " percentile range"
                              : "");
        return "divided " + cols + " by their maximum absolute value";
    }

    std::vector<std::string> m_columns;
    std::string m_method = "standard";
    bool m_withMean = true, m_withStd = true;
    std::array<double, 2> m_range{0.0, 1.0};
    std::array<double, 2> m_quantiles{25.0, 75.0};
    std::vector<ScaleParams> m_params;
};

} // namespace

std::unique_ptr<Op> makeScaleOp() { return std::make_unique<ScaleOp>(); }

} // namespace preplab::ops
