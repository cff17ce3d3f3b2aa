// ColumnComparison: the plain data behind the before/after chart of one column at one step:
// histograms on one shared set of edges (numbers), or counts per category on one shared list of
// categories, and the summary statistics on both sides. Built off the GUI thread from core
// functions; the chart widgets only draw it (never more than a few hundred points per series).
#pragma once

#include "core/table/column.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace preplab::desktop {

struct SideSummary {
    bool exists = false;  // the column exists on this side (a step may add or drop it)
    ColumnType type = ColumnType::Numeric;
    std::int64_t count = 0, missing = 0;
    std::optional<double> mean, std, min, median, max;
};

struct ColumnComparison {
    enum class Kind { None, Numeric, Categorical };
    Kind kind = Kind::None;
    std::string column;
    std::vector<double> edges;                    // Numeric: bins + 1 shared edges
    std::vector<std::int64_t> before, after;      // counts per bin or per category
    std::vector<std::string> categories;          // Categorical: shared category list (top ones)
    SideSummary beforeSummary, afterSummary;
    bool datetime = false;                        // edges are milliseconds since the epoch
};

// The summaries of the last few number columns compared, kept by column: a column shared between
// evaluations (a step's input while its parameters change) is summarised once.
class ComparisonCache {
public:
    struct Entry {
        ColumnPtr column;
        SideSummary summary;
        double lo = 0, hi = 0;  // finite range (lo > hi: none)
    };
    std::optional<Entry> find(const Column* column);
    void insert(Entry entry);

private:
    std::mutex m_mutex;
    std::vector<Entry> m_entries;  // most recently used last, at most 4
};

// Compares column `name` of `before` and `after` (either may lack it). Numbers use `bins` equal-width
// bins over the union of both ranges; categories keep the `maxCategories` most frequent ones
// (over both sides) and fold the rest into "(other)". With a cache, number columns it holds are
// not summarised again.
ColumnComparison compareColumn(const std::string& name, const Column* before, const Column* after, int bins = 30,
                               int maxCategories = 12);
ColumnComparison compareColumn(const std::string& name, const ColumnPtr& before, const ColumnPtr& after,
                               ComparisonCache& cache, int bins = 30, int maxCategories = 12);

} // namespace preplab::desktop
