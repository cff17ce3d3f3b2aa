// drop_duplicates: DataFrame.drop_duplicates(subset=columns, keep=...). Two rows are duplicates
// when every one of `columns` (omitted: every column) holds the same value, missing counting as
// equal to missing (as in pandas). keep "first" (default) keeps the first of each group of
// duplicates, "last" the last, "none" drops every row that has a duplicate (pandas keep=False).
// Values compare by type: numbers by value (NaN equals NaN), strings by bytes.
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <cmath>
#include <cstring>
#include <memory>
#include <unordered_map>

namespace preplab::ops {

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

class DropDuplicatesOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_explicit = p.has("columns");
        m_columns = p.columns("columns", ColumnKinds::any());
        m_keep = p.choice("keep", {"first", "last", "none"}, "first");
        if (!m_explicit && p.schema())
            m_columns = p.schema()->names;
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        std::vector<const Column*> cols;
        for (const auto& name : m_columns) {
            const Column* c = table.find(name);
            if (!c)
                return ctx.error("no column named \"" + name + "\"");
            cols.push_back(c);
        }
        const std::size_t n = table.rowCount();
        std::vector<std::uint64_t> hashes(n, 0x84222325cbf29ce4ULL);
        for (const Column* c : cols)
            for (std::size_t i = 0; i < n; ++i)
                hashes[i] = mix(hashes[i], cellHash(*c, i));

        auto equalRows = [&](std::size_t a, std::size_t b) {
            for (const Column* c : cols)
                if (!cellsEqual(*c, a, b))
                    return false;
            return true;
        };
        // group[i] = first row of i's duplicate group; size of each group.
        std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
        std::vector<std::size_t> group(n);
        std::vector<std::size_t> groupSize(n, 0), lastOf(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            auto& bucket = buckets[hashes[i]];
            std::size_t g = i;
            for (std::size_t first : bucket)
                if (equalRows(first, i)) {
                    g = first;
                    break;
                }
            if (g == i)
                bucket.push_back(i);
            group[i] = g;
            ++groupSize[g];
            lastOf[g] = i;
        }
        std::vector<std::size_t> keep;
        keep.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t g = group[i];
            bool kept = m_keep == "first" ? g == i : m_keep == "last" ? lastOf[g] == i : groupSize[g] == 1;
            if (kept)
                keep.push_back(i);
        }
        StepOutput out;
        const std::size_t dropped = n - keep.size();
        if (dropped == 0) {
            out.table = table;
        } else {
            out.table = table.selectRows(keep);
            out.rowSource = std::move(keep);
        }
        out.report.description = "dropped " + std::to_string(dropped) + " duplicate row" + (dropped == 1 ? "" : "s") +
                                 " (keep " + m_keep + ", comparing " + std::to_string(cols.size()) + " column" +
                                 (cols.size() == 1 ? "" : "s") + ")";
        return out;
    }

private:
    static std::uint64_t cellHash(const Column& c, std::size_t i)
    {
        if (!c.isValid(i))
            return 0x6d697373ULL;
        switch (c.type()) {
        case ColumnType::Numeric: {
            double v = c.doubles()[i];
            if (std::isnan(v))
                return 0x6e616eULL;
            if (v == 0.0)
                v = 0.0;  // -0 and +0 are equal
            std::uint64_t bits;
            std::memcpy(&bits, &v, sizeof bits);
            return bits;
        }
        case ColumnType::Categorical:
        case ColumnType::Text: return std::hash<std::string_view>()(c.text(i));
        default: return static_cast<std::uint64_t>(c.integer(i));
        }
    }

    static bool cellsEqual(const Column& c, std::size_t a, std::size_t b)
    {
        const bool va = c.isValid(a), vb = c.isValid(b);
        if (!va || !vb)
            return va == vb;
        switch (c.type()) {
        case ColumnType::Numeric: {
            double x = c.doubles()[a], y = c.doubles()[b];
            return x == y || (std::isnan(x) && std::isnan(y));
        }
        case ColumnType::Categorical: return c.codes()[a] == c.codes()[b];
        case ColumnType::Text: return c.text(a) == c.text(b);
        default: return c.integer(a) == c.integer(b);
        }
    }

    bool m_explicit = false;
    std::vector<std::string> m_columns;
    std::string m_keep = "first";
};

} // namespace

std::unique_ptr<Op> makeDropDuplicatesOp() { return std::make_unique<DropDuplicatesOp>(); }

} // namespace preplab::ops
