// bin: pandas.cut(column, bins=edges, labels=labels, right=right, include_lowest=include_lowest).
//   edges           strictly increasing, at least two; n edges make n - 1 bins;
//   right (true)    bins are right-closed (a, b]; false: left-closed [a, b);
//   include_lowest (false)  the first bin also takes its left edge (right = true only);
//   labels          n - 1 distinct strings, or false for the bin number (0-based, an integer column);
//                   omitted: the interval, "(a, b]", with the edges in shortest round-trip form
//                   (pandas prints them with its own precision, e.g. "(0.0, 10.0]");
//   name            the output column; omitted = replace `column` in place.
// Values outside every bin, and missing values, are missing. The result is categorical, its
// categories every label in bin order.
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <algorithm>
#include <memory>

namespace preplab::ops {

namespace {

class BinOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_column = p.column("column", ColumnKinds::numeric());
        if (!p.has("edges"))
            p.fail("edges", "is required (an array of at least two increasing numbers)");
        m_edges = p.numbers("edges");
        if (p.ok() && m_edges.size() < 2)
            p.fail("edges", "expected at least two edges");
        for (std::size_t i = 1; p.ok() && i < m_edges.size(); ++i)
            if (!(m_edges[i] > m_edges[i - 1]))
                p.fail("edges", "must increase strictly (" + formatDouble(m_edges[i - 1]) + " then " +
                                    formatDouble(m_edges[i]) + ")");
        if (const nlohmann::json* labels = p.raw("labels")) {
            if (labels->is_boolean() && !labels->get<bool>()) {
                m_numbered = true;
            } else {
                m_labels = p.strings("labels");
                if (p.ok() && m_edges.size() >= 2 && m_labels.size() != m_edges.size() - 1)
                    p.fail("labels", "expected " + std::to_string(m_edges.size() - 1) + " labels (one per bin), got " +
                                         std::to_string(m_labels.size()));
                for (std::size_t i = 0; p.ok() && i < m_labels.size(); ++i)
                    for (std::size_t j = 0; j < i; ++j)
                        if (m_labels[i] == m_labels[j])
                            p.fail("labels", "label \"" + m_labels[i] + "\" appears twice");
            }
        }
        m_right = p.boolean("right", true);
        m_includeLowest = p.boolean("include_lowest", false);
        m_name = p.string("name", "");
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        auto index = table.indexOf(m_column);
        if (!index)
            return ctx.error("no column named \"" + m_column + "\"");
        const Column& c = table.column(*index);
        const std::size_t bins = m_edges.size() - 1, n = c.size();
        std::vector<std::string> labels = m_labels;
        if (labels.empty())
            for (std::size_t b = 0; b < bins; ++b) {
                std::string label(1, m_right ? '(' : '[');
                label.append(formatDouble(m_edges[b])).append(", ").append(formatDouble(m_edges[b + 1]));
                label.push_back(m_right ? ']' : ')');
                labels.push_back(std::move(label));
            }
        std::vector<std::int64_t> bin(n, 0);
        Column::Mask valid(n, 0);
        std::size_t outside = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!c.isValid(i))
                continue;
            const double v = c.number(i);
            std::size_t b;
            if (m_right) {
                // First edge >= v: v lies in (edges[b-1], edges[b]].
                auto it = std::lower_bound(m_edges.begin(), m_edges.end(), v);
                b = static_cast<std::size_t>(it - m_edges.begin());
                if (b == 0 && m_includeLowest && v == m_edges[0])
                    b = 1;
                if (b == 0 || it == m_edges.end()) {
                    ++outside;
                    continue;
                }
                --b;
            } else {
                // First edge > v: v lies in [edges[b-1], edges[b]).
                auto it = std::upper_bound(m_edges.begin(), m_edges.end(), v);
                b = static_cast<std::size_t>(it - m_edges.begin());
                if (b == 0 || it == m_edges.end()) {
                    ++outside;
                    continue;
                }
                --b;
            }
            bin[i] = static_cast<std::int64_t>(b);
            valid[i] = 1;
        }
        ColumnPtr result;
        if (m_numbered) {
            result = Column::makeInteger(std::move(bin), std::move(valid));
        } else {
            std::vector<std::int32_t> codes(bin.begin(), bin.end());
            result = Column::makeCategorical(std::move(codes), std::move(labels), std::move(valid));
        }
        StepOutput out;
        out.table = table;
        const std::string target = m_name.empty() ? m_column : m_name;
        auto existing = table.indexOf(target);
        auto r = existing ? out.table.setColumn(*existing, result) : out.table.addColumn(target, result);
        if (!r)
            return ctx.error(r.error().message);
        out.report.description = "binned " + m_column + " into " + std::to_string(bins) + " bin" +
                                 (bins == 1 ? "" : "s") + "; " + std::to_string(outside) + " value" +
                                 (outside == 1 ? "" : "s") + " outside the edges became missing";
        return out;
    }

private:
    std::string m_column, m_name;
    std::vector<double> m_edges;
    std::vector<std::string> m_labels;
    bool m_numbered = false;
    bool m_right = true;
    bool m_includeLowest = false;
};

} // namespace

std::unique_ptr<Op> makeBinOp() { return std::make_unique<BinOp>(); }

} // namespace preplab::ops
