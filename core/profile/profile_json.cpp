#include "core/profile/profile_json.h"

#include <cmath>

namespace preplab::profile {

namespace {

nlohmann::ordered_json optionalNumber(const std::optional<double>& v)
{
    if (!v || !std::isfinite(*v))
        return nullptr;
    return *v;
}

nlohmann::ordered_json optionalCount(const std::optional<std::int64_t>& v)
{
    if (!v)
        return nullptr;
    return *v;
}

nlohmann::ordered_json numberOrNull(double v)
{
    if (!std::isfinite(v))
        return nullptr;
    return v;
}

nlohmann::ordered_json columnToJson(const ColumnProfile& p)
{
    nlohmann::ordered_json c;
    c["name"] = p.name;
    c["type"] = std::string(columnTypeName(p.type));
    c["count"] = p.count;
    c["missing"] = p.missing;
    c["distinct"] = p.distinct;
    c["mean"] = optionalNumber(p.mean);
    c["std"] = optionalNumber(p.std);
    c["min"] = optionalNumber(p.min);
    c["q25"] = optionalNumber(p.q25);
    c["median"] = optionalNumber(p.median);
    c["q75"] = optionalNumber(p.q75);
    c["max"] = optionalNumber(p.max);
    c["skewness"] = optionalNumber(p.skewness);
    c["zeros"] = optionalCount(p.zeros);
    c["outliers"] = optionalCount(p.outliers);
    if (p.type == ColumnType::Categorical || p.type == ColumnType::Text)
        c["mixed_share"] = p.mixedShare;
    if (p.type == ColumnType::Datetime && p.min) {
        auto iso = [&p](const std::optional<double>& ms) {
            return ms ? nlohmann::ordered_json(formatDatetime(static_cast<std::int64_t>(std::floor(*ms)), p.hasTime))
                      : nlohmann::ordered_json(nullptr);
        };
        c["unit"] = "ms";
        c["mean_text"] = iso(p.mean);
        c["min_text"] = iso(p.min);
        c["q25_text"] = iso(p.q25);
        c["median_text"] = iso(p.median);
        c["q75_text"] = iso(p.q75);
        c["max_text"] = iso(p.max);
    }
    nlohmann::ordered_json edges = nlohmann::ordered_json::array(), counts = nlohmann::ordered_json::array();
    for (double e : p.histogram.edges)
        edges.push_back(numberOrNull(e));
    for (std::int64_t n : p.histogram.counts)
        counts.push_back(n);
    c["histogram"] = {{"edges", std::move(edges)}, {"counts", std::move(counts)}};
    nlohmann::ordered_json top = nlohmann::ordered_json::array();
    for (const TopValue& t : p.top)
        top.push_back({{"value", t.value}, {"count", t.count}});
    c["top"] = std::move(top);
    return c;
}

} // namespace

nlohmann::ordered_json profileToJson(const TableProfile& profile, const Diagnostics& warnings)
{
    nlohmann::ordered_json doc;
    doc["rows"] = profile.rows;
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const ColumnProfile& p : profile.columns)
        columns.push_back(columnToJson(p));
    doc["columns"] = std::move(columns);
    doc["duplicate_rows"] = profile.duplicateRows;

    nlohmann::ordered_json warn = nlohmann::ordered_json::array();
    for (const Diagnostic& d : warnings) {
        nlohmann::ordered_json w;
        w["line"] = d.line >= 0 ? nlohmann::ordered_json(d.line) : nlohmann::ordered_json(nullptr);
        w["message"] = d.message;
        if (!d.column.empty())
            w["column"] = d.column;
        w["severity"] = d.severity == Diagnostic::Severity::Info ? "info" : "warning";
        warn.push_back(std::move(w));
    }
    doc["warnings"] = std::move(warn);

    nlohmann::ordered_json alerts = nlohmann::ordered_json::array();
    for (const Alert& a : profile.alerts) {
        nlohmann::ordered_json j;
        j["column"] = a.column.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.column);
        j["kind"] = a.kind;
        j["message"] = a.message;
        j["why"] = a.why;
        j["count"] = a.count;
        if (!a.other.empty())
            j["other"] = a.other;
        alerts.push_back(std::move(j));
    }
    doc["alerts"] = std::move(alerts);

    nlohmann::ordered_json matrix = nlohmann::ordered_json::array();
    const std::size_t k = profile.correlationColumns.size();
    for (std::size_t a = 0; a < k; ++a) {
        nlohmann::ordered_json row = nlohmann::ordered_json::array();
        for (std::size_t b = 0; b < k; ++b)
            row.push_back(numberOrNull(profile.correlationMatrix[a * k + b]));
        matrix.push_back(std::move(row));
    }
    doc["correlations"] = {{"columns", profile.correlationColumns}, {"pearson", std::move(matrix)}};
    return doc;
}

} // namespace preplab::profile
