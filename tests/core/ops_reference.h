// Reference cases for the fitted ops: tests/data/ops/<case>.json, written by
// tests/tools/gen_ops_reference.py with scikit-learn 1.2.1 / pandas 1.5. Each case holds the input
// columns, the recipe step, the rows to fit on (null = all rows; otherwise a fixed split whose
// other rows play the test rows), the expected output columns and the fitted parameters.
// runReferenceCase() runs the step through the registry exactly as a recipe would and checks every
// expected value; the op's test file adds checks of its fitted parameters.
#pragma once

#include "core/ops/registry.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace preplab::testref {

struct ReferenceCase {
    std::string name;
    Table table;
    nlohmann::json step;
    nlohmann::json expected;
    nlohmann::json fitted;
    std::string target;
    std::vector<std::size_t> fitRows;  // empty = all rows
    double tolerance = 1e-9;
};

inline std::vector<std::string> referenceCases(const std::string& prefix)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(PREPLAB_TEST_DATA_DIR) + "/ops")) {
        const std::string file = entry.path().filename().string();
        if (file.rfind(prefix, 0) == 0 && entry.path().extension() == ".json")
            names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

inline ColumnPtr columnFromJson(const nlohmann::json& c)
{
    const std::string type = c.at("type");
    const auto& values = c.at("values");
    if (type == "categorical") {
        std::vector<std::optional<std::string>> cells;
        for (const auto& v : values)
            cells.push_back(v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>()));
        return Column::fromStrings(cells);
    }
    Column::Mask mask(values.size(), 1);
    if (type == "integer") {
        std::vector<std::int64_t> ints(values.size(), 0);
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (values[i].is_null())
                mask[i] = 0;
            else
                ints[i] = values[i].get<std::int64_t>();
        }
        return Column::makeInteger(std::move(ints), std::move(mask));
    }
    std::vector<double> d(values.size(), 0.0);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i].is_null())
            mask[i] = 0;
        else
            d[i] = values[i].get<double>();
    }
    return Column::makeNumeric(std::move(d), std::move(mask));
}

inline ReferenceCase loadReferenceCase(const std::string& name)
{
    std::ifstream in(std::string(PREPLAB_TEST_DATA_DIR) + "/ops/" + name + ".json");
    REQUIRE(in.good());
    nlohmann::json j = nlohmann::json::parse(in);
    ReferenceCase rc;
    rc.name = name;
    for (const auto& col : j.at("input_order"))
        REQUIRE(rc.table.addColumn(col.get<std::string>(), columnFromJson(j.at("inputs").at(col.get<std::string>()))));
    rc.step = j.at("step");
    rc.expected = j.at("expected");
    rc.fitted = j.at("fitted");
    rc.tolerance = j.value("tolerance", 1e-9);
    if (j.at("target").is_string())
        rc.target = j.at("target").get<std::string>();
    if (j.at("fit_rows").is_array())
        rc.fitRows = j.at("fit_rows").get<std::vector<std::size_t>>();
    return rc;
}

inline ops::StepContext referenceContext(const ReferenceCase& rc)
{
    ops::StepContext ctx = ops::StepContext::allRows(rc.table, rc.step.at("op"), rc.target);
    if (!rc.fitRows.empty()) {
        ctx.fitRows = rc.fitRows;
        ctx.trainMask.assign(rc.table.rowCount(), 0);
        for (std::size_t r : rc.fitRows)
            ctx.trainMask[r] = 1;
    }
    return ctx;
}

// |a - b| <= tol * max(|a|, |b|) + tol * 0.1 * scale + 1e-12: relative to the value, with a
// floor relative to the column's magnitude `scale` (its largest |value|) for values near zero,
// where a relative error says nothing (a standardized value of 1e-3 carries the column's error).
inline bool closeEnough(double a, double b, double tol, double scale = 0.0)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (a == b)
        return true;
    return std::abs(a - b) <= tol * std::max(std::abs(a), std::abs(b)) + tol * 0.1 * scale + 1e-12;
}

// Compares every expected column of the case with the op's output; returns the output.
inline ops::StepOutput runReferenceCase(const ReferenceCase& rc)
{
    INFO("case " << rc.name << ", step " << rc.step.dump());
    auto out = ops::runStep(rc.table, rc.step, referenceContext(rc));
    if (!out)
        FAIL("step failed: " << out.error().message);
    const Table& t = out->table;
    for (const auto& [name, values] : rc.expected.at("columns").items()) {
        const Column* c = t.find(name);
        INFO("column " << name);
        REQUIRE(c != nullptr);
        REQUIRE(c->size() == values.size());
        std::size_t bad = 0;
        std::string firstBad;
        double scale = 0.0;
        for (const auto& v : values)
            if (v.is_number())
                scale = std::max(scale, std::abs(v.get<double>()));
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto& v = values[i];
            bool ok;
            std::string got = c->isMissing(i) ? "missing" : c->format(i);
            if (v.is_null())
                ok = c->isMissing(i);
            else if (v.is_string())
                ok = c->isValid(i) && c->format(i) == v.get<std::string>();
            else
                ok = c->isValid(i) && closeEnough(c->number(i), v.get<double>(), rc.tolerance, scale);
            if (!ok && bad++ == 0)
                firstBad = "row " + std::to_string(i) + ": expected " + v.dump() + ", got " + got;
        }
        INFO(firstBad);
        CHECK(bad == 0);
    }
    if (rc.expected.contains("kept_rows")) {
        std::vector<std::size_t> kept = rc.expected.at("kept_rows").get<std::vector<std::size_t>>();
        std::vector<std::size_t> source = out->rowSource;
        if (source.empty())
            for (std::size_t i = 0; i < rc.table.rowCount(); ++i)
                source.push_back(i);
        CHECK(source == kept);
    }
    if (rc.expected.contains("column_order"))
        CHECK(t.names() == rc.expected.at("column_order").get<std::vector<std::string>>());
    CHECK_FALSE(out->report.description.empty());
    return std::move(*out);
}

// Compares numbers of `expected` (nested objects / arrays) with the same paths in `actual`.
inline void checkFitted(const nlohmann::json& expected, const nlohmann::json& actual, double tol,
                        const std::string& path = "fitted")
{
    INFO(path);
    if (expected.is_object()) {
        REQUIRE(actual.is_object());
        for (const auto& [k, v] : expected.items()) {
            REQUIRE(actual.contains(k));
            checkFitted(v, actual.at(k), tol, path + "." + k);
        }
    } else if (expected.is_array()) {
        REQUIRE(actual.is_array());
        REQUIRE(actual.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            checkFitted(expected[i], actual[i], tol, path + "[" + std::to_string(i) + "]");
    } else if (expected.is_number()) {
        REQUIRE(actual.is_number());
        CHECK(closeEnough(actual.get<double>(), expected.get<double>(), tol));
    } else {
        CHECK(actual == expected);
    }
}

} // namespace preplab::testref
