// Profiling: the per-column and per-table description PrepLab shows the moment a table opens,
// and `preplab-cli profile` prints.
//
// Figures match pandas.DataFrame.describe() on the same values: `count` and every statistic
// exclude missing values; `std` is the sample standard deviation (ddof = 1); quantiles use linear
// interpolation (numpy "linear": h = (n-1)p); `skewness` is pandas' adjusted Fisher-Pearson
// G1 = sqrt(n(n-1))/(n-2) * m3/m2^1.5 (undefined below 3 values). Booleans are described as numbers
// (0/1) for mean/std; datetimes as milliseconds since the epoch for min/max/quantiles.
#pragma once

#include "core/table/table.h"
#include "core/util/progress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace preplab::profile {

struct Histogram {
    std::vector<double> edges;          // counts.size() + 1 ascending edges; last bin closed
    std::vector<std::int64_t> counts;
};

struct TopValue {
    std::string value;
    std::int64_t count = 0;
};

struct ColumnProfile {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    std::int64_t count = 0;     // present values
    std::int64_t missing = 0;
    std::int64_t distinct = 0;  // distinct present values
    std::optional<double> mean, std, min, q25, median, q75, max, skewness;  // numbers, booleans, datetimes
    std::int64_t zeros = 0;
    Histogram histogram;         // numbers and datetimes
    std::vector<TopValue> top;   // most frequent values, count descending then value ascending (at most 10)
    double mixedShare = 0.0;     // text/categorical: share of present values that parse as numbers
};

struct Alert {
    std::string column;   // empty for table-wide alerts (duplicate rows)
    std::string kind;     // missing, constant, unique, high_cardinality, skewed, outliers, imbalanced,
                          // mixed_types, duplicates, correlated
    std::string message;  // "11 missing (3.2%)"
    std::string why;      // one sentence: why it matters
};

struct Correlation {
    std::string a, b;
    double pearson = 0.0;
};

struct TableProfile {
    std::int64_t rows = 0;
    std::vector<ColumnProfile> columns;
    std::int64_t duplicateRows = 0;  // rows equal to an earlier row (pandas duplicated().sum())
    std::vector<Correlation> correlated;  // |r| >= threshold among numeric columns
    std::vector<Alert> alerts;
};

struct ProfileOptions {
    int topValues = 10;
    double missingAlertShare = 0.05;     // alert when missing share >= this
    double highCardinalityDistinct = 50; // categorical/text with more distinct values
    double skewAlert = 1.0;              // |skewness| above
    double correlationAlert = 0.9;       // |pearson| at or above
    double imbalanceShare = 0.9;         // top category share at or above... (see .cpp)
    bool computeCorrelations = true;
};

ColumnProfile profileColumn(const std::string& name, const Column& column, const ProfileOptions& options = {});
TableProfile profileTable(const Table& table, const ProfileOptions& options = {}, const Progress& progress = {});

} // namespace preplab::profile
