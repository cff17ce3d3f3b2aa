// deriveAlerts: the data-quality alerts of a profile, in the spirit of ydata-profiling, each with
// a one-sentence reason a person preparing data for a model should care.
#include "core/profile/profile.h"

#include <cmath>
#include <cstdio>

namespace preplab::profile {

namespace {

std::string percent(double share)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * share);
    return buf;
}

std::string number(double v, const char* format = "%.3g")
{
    char buf[48];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

double share(std::int64_t part, std::int64_t whole)
{
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

// An integer column whose distinct values fill a whole range with no gaps (1, 2, ..., n) in
// some order: a row number or record ID.
bool looksLikeRowId(const ColumnProfile& p)
{
    return p.type == ColumnType::Integer && p.min && p.max && *p.max - *p.min + 1.0 == static_cast<double>(p.count);
}

} // namespace

std::vector<Alert> deriveAlerts(const TableProfile& profile, const ProfileOptions& options)
{
    std::vector<Alert> alerts;
    auto add = [&](const std::string& column, const char* kind, std::string message, const char* why,
                   std::int64_t count) {
        alerts.push_back({column, kind, std::move(message), why, count, {}});
    };

    for (const ColumnProfile& p : profile.columns) {
        const std::int64_t rows = p.count + p.missing;
        const double missingShare = share(p.missing, rows);
        const bool numeric = isNumericType(p.type);
        const bool strings = p.type == ColumnType::Categorical || p.type == ColumnType::Text;

        if (p.missing > 0 && p.count == 0) {
            add(p.name, "missing", "all " + std::to_string(p.missing) + " values missing",
                "A column without a single value tells a model nothing; drop it.", p.missing);
        } else if (p.missing > 0 && missingShare >= options.missingAlertShare) {
            add(p.name, "missing", std::to_string(p.missing) + " missing (" + percent(missingShare) + ")",
                "Most models cannot take missing values, so rows get dropped or values imputed, and when "
                "missingness depends on other columns either choice can bias the result.",
                p.missing);
        }
        if (p.distinct == 1) {
            add(p.name, "constant", "one value only: " + (p.top.empty() ? std::string() : p.top.front().value),
                "A column with a single value carries no information for a model; drop it.", p.count);
        }
        if (p.count >= 2 && p.distinct == p.count && p.missing == 0 && (strings || looksLikeRowId(p))) {
            add(p.name, "unique", "every value is different (" + std::to_string(p.distinct) + " distinct)",
                "A value that differs in every row identifies rows rather than describing them: a model can "
                "memorise it, so keep it out of the features.",
                p.distinct);
        } else if (strings && p.distinct > options.highCardinality) {
            add(p.name, "high_cardinality", std::to_string(p.distinct) + " distinct values",
                "Many categories make one-hot encoding wide and sparse, and rare ones are seen too seldom to "
                "learn from; group rare values or use another encoding.",
                p.distinct);
        }
        if (numeric && p.distinct > 2 && p.skewness && std::abs(*p.skewness) > options.skewAlert) {
            add(p.name, "skewed", "skewness " + number(*p.skewness),
                "A long tail pulls the mean and inflates the spread that standard scaling divides by; a log or "
                "power transform often makes such a column easier to model.",
                p.count);
        }
        if (numeric && p.distinct > 2 && p.outliers && *p.outliers > 0) {
            const double iqr = *p.q75 - *p.q25;
            add(p.name, "outliers",
                std::to_string(*p.outliers) + (*p.outliers == 1 ? " value (" : " values (") + percent(share(*p.outliers, p.count)) + ") outside [" +
                    number(*p.q25 - 1.5 * iqr, "%.6g") + ", " + number(*p.q75 + 1.5 * iqr, "%.6g") +
                    "] (Q1 - 1.5 IQR, Q3 + 1.5 IQR)",
                "Extreme values dominate means, variances and least-squares fits; check whether they are errors, "
                "caps or genuine, then clip them or use a robust scaler.",
                *p.outliers);
        }
        if (numeric && p.zeros && *p.zeros > 0 && share(*p.zeros, p.count) >= options.zerosAlertShare &&
            p.distinct > 1) {
            add(p.name, "zeros", std::to_string(*p.zeros) + " zeros (" + percent(share(*p.zeros, p.count)) + ")",
                "A column that is mostly zero often means 'none' or 'not applicable' rather than a measurement, "
                "and it makes the distribution and any scaling lopsided.",
                *p.zeros);
        }
        const bool categories = strings || p.type == ColumnType::Boolean;
        if (categories && p.distinct >= 2 && p.distinct <= options.maxImbalanceCategories && !p.top.empty() &&
            p.least.count > 0) {
            const double ratio = static_cast<double>(p.top.front().count) / static_cast<double>(p.least.count);
            if (ratio >= options.imbalanceRatio) {
                add(p.name, "imbalanced",
                    "most frequent '" + p.top.front().value + "' " + std::to_string(p.top.front().count) +
                        " vs least frequent '" + p.least.value + "' " + std::to_string(p.least.count) + " (" +
                        number(ratio, "%.1f") + ":1)",
                    "Rare categories are seen too seldom to learn from, and when this is the target a model tends "
                    "to favour the majority: accuracy looks good while the rare class is mostly missed.",
                    p.least.count);
            }
        }
        if (strings && p.numberLike > 0 && p.numberLike < p.count) {
            add(p.name, "mixed_types",
                std::to_string(p.numberLike) + " of " + std::to_string(p.count) + " values (" +
                    percent(p.mixedShare) + ") are numbers",
                "Numbers mixed with text usually mean a unit, a typo or an unrecognised missing-value marker; the "
                "column cannot be used as a number until it is cleaned.",
                p.numberLike);
        }
    }

    if (profile.duplicateRows > 0) {
        add({}, "duplicates",
            std::to_string(profile.duplicateRows) + (profile.duplicateRows == 1 ? " duplicate row (" : " duplicate rows (") +
                percent(share(profile.duplicateRows, profile.rows)) + ")",
            "Repeated rows count some observations twice and, split across train and test, leak answers into "
            "the evaluation.",
            profile.duplicateRows);
    }
    for (const Correlation& c : profile.correlated) {
        Alert a{c.a, "correlated", "r = " + number(c.pearson, "%.3f") + " with " + c.b,
                "Nearly collinear columns carry the same information: linear models get unstable coefficients "
                "and importance is split between them.",
                0, c.b};
        alerts.push_back(std::move(a));
    }
    return alerts;
}

} // namespace preplab::profile
