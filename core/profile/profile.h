// Profiling: the per-column and per-table description PrepLab shows the moment a table opens,
// and `preplab-cli profile` prints.
//
// Figures match pandas.DataFrame.describe() on the same values: `count` and every statistic
// exclude missing values (a NaN number counts as missing, as in pandas); `std` is the sample
// standard deviation (ddof = 1); quantiles use linear interpolation (numpy "linear": h = (n-1)p);
// `skewness` is pandas' adjusted Fisher-Pearson G1 = sqrt(n(n-1))/(n-2) * m3/m2^1.5 (0 for a
// constant column, undefined below 3 values); `distinct` is nunique(); `duplicateRows` is
// duplicated().sum(). Booleans are described as numbers (0/1); datetimes as milliseconds since
// the epoch. The kernels live in core/stats/ (descriptive.h, histogram.h, frequency.h,
// correlation.h, duplicate_rows.h), where each definition is spelled out.
#pragma once

#include "core/stats/histogram.h"
#include "core/table/table.h"
#include "core/util/progress.h"
#include "core/util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace preplab::profile {

using Histogram = stats::Histogram;  // numpy 'auto' bins, at most ProfileOptions::maxBins

struct TopValue {
    std::string value;  // canonical text (Column::format): "39.1", "true", "2007-11-11", "Adelie"
    std::int64_t count = 0;
};

struct ColumnProfile {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    bool hasTime = false;       // datetime: values carry a time of day (else they print as dates)
    std::int64_t count = 0;     // present values
    std::int64_t missing = 0;
    std::int64_t distinct = 0;  // distinct present values
    std::optional<double> mean, std, min, q25, median, q75, max, skewness;  // numbers, booleans, datetimes
    std::optional<std::int64_t> zeros;     // numbers and booleans: values equal to 0
    std::optional<std::int64_t> outliers;  // integer/numeric: outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR]
    Histogram histogram;         // integer, numeric, datetime (finite values)
    std::vector<TopValue> top;   // most frequent values, count descending then value ascending
    TopValue least;              // the least frequent value (for the imbalance alert)
    std::int64_t numberLike = 0; // categorical/text: present values that read as numbers
    double mixedShare = 0.0;     // numberLike / count
};

struct Alert {
    std::string column;   // empty for table-wide alerts (duplicate rows)
    std::string kind;     // missing, constant, unique, high_cardinality, skewed, outliers, zeros,
                          // imbalanced, mixed_types, duplicates, correlated
    std::string message;  // "11 missing (3.2%)"
    std::string why;      // one sentence: why it matters
    std::int64_t count = 0;  // the number of cells or rows concerned, where that makes sense
    std::string other;       // correlated: the second column of the pair
};

struct Correlation {
    std::string a, b;
    double pearson = 0.0;
};

struct TableProfile {
    std::int64_t rows = 0;
    std::vector<ColumnProfile> columns;
    std::int64_t duplicateRows = 0;  // rows equal to an earlier row (pandas duplicated().sum())
    // Pairwise-complete Pearson r (pandas DataFrame.corr) between the integer, numeric and
    // boolean columns, row-major over correlationColumns; NaN where undefined.
    std::vector<std::string> correlationColumns;
    std::vector<double> correlationMatrix;
    std::vector<Correlation> correlated;  // |r| >= correlationAlert, each pair once
    std::vector<Alert> alerts;            // in column order, then table-wide ones
};

struct ProfileOptions {
    int topValues = 10;
    int maxBins = 50;
    double missingAlertShare = 0.01;      // alert when the missing share is at or above this (and > 0)
    std::int64_t highCardinality = 50;   // categorical/text with more distinct values (not all unique)
    double skewAlert = 1.0;              // |skewness| above this (a common rule of thumb for "highly skewed")
    double zerosAlertShare = 0.5;        // integer/numeric: share of zeros at or above this
    double correlationAlert = 0.9;       // |pearson| at or above
    double imbalanceRatio = 3.0;         // 2..maxImbalanceCategories categories: most / least frequent >= this
    std::int64_t maxImbalanceCategories = 20;
    bool computeCorrelations = true;
    bool computeDuplicates = true;
};

ColumnProfile profileColumn(const std::string& name, const Column& column, const ProfileOptions& options = {});

// Profiles every column (in parallel), counts duplicate rows, correlates the number columns and
// derives the alerts. Fails only with ErrorCode::Cancelled when `progress` is cancelled (checked
// between columns and phases). Progress is reported from the worker threads, one call at a time.
Result<TableProfile> profileTable(const Table& table, const ProfileOptions& options = {},
                                  const Progress& progress = {});

// The data-quality alerts of a finished profile (what profileTable puts in `alerts`).
std::vector<Alert> deriveAlerts(const TableProfile& profile, const ProfileOptions& options = {});

} // namespace preplab::profile
