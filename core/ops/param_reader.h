// ParamReader: strict parsing of one recipe step's fields. Every getter marks its field as known
// and returns the default when the field is absent; the first problem (wrong type, value out of
// range, unknown enum value, unknown column, column of the wrong type) is remembered and
// finish() returns it, or reports a field that no getter read. Messages name the step, the field
// and what was expected:
//   step 2 (impute): field "strategy": expected one of mean, median, most_frequent, constant, knn; got "avg"
//   step 3 (scale): field "columns": column "island" is categorical; scale needs integer or numeric columns
//   step 4 (one_hot): unknown field "colums"; one_hot takes columns, drop
// Ops call the getters unconditionally (parse order = the order fields are listed in messages).
#pragma once

#include "core/ops/op.h"
#include "core/util/closest_name.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::ops {

// A set of column types an op accepts (bit i = ColumnType i).
class ColumnKinds {
public:
    constexpr ColumnKinds() = default;
    constexpr ColumnKinds(std::initializer_list<ColumnType> types)
    {
        for (auto t : types)
            m_bits |= static_cast<unsigned>(1u << static_cast<unsigned>(t));
    }
    static constexpr ColumnKinds any()
    {
        return {ColumnType::Integer, ColumnType::Numeric, ColumnType::Boolean, ColumnType::Datetime,
                ColumnType::Categorical, ColumnType::Text};
    }
    static constexpr ColumnKinds numeric() { return {ColumnType::Integer, ColumnType::Numeric}; }
    static constexpr ColumnKinds categorical() { return {ColumnType::Categorical, ColumnType::Boolean}; }
    static constexpr ColumnKinds textual() { return {ColumnType::Categorical, ColumnType::Text}; }
    constexpr bool contains(ColumnType t) const { return (m_bits >> static_cast<unsigned>(t)) & 1u; }
    // "integer or numeric", "categorical, boolean or text"
    std::string describe() const;

private:
    unsigned m_bits = 0;
};

class ParamReader {
public:
    // `step` is the step's JSON object; `schema` null = validate without data.
    ParamReader(const nlohmann::json& step, std::size_t stepIndex, std::string op, const Schema* schema);

    const Schema* schema() const { return m_schema; }
    std::size_t stepIndex() const { return m_stepIndex; }
    const std::string& op() const { return m_op; }
    bool has(std::string_view field) const;

    // Numbers: JSON numbers only; range bounds inclusive unless noted.
    double number(std::string_view field, double def, std::optional<double> min = {}, std::optional<double> max = {});
    std::optional<double> optionalNumber(std::string_view field, std::optional<double> min = {},
                                         std::optional<double> max = {});
    std::int64_t integer(std::string_view field, std::int64_t def, std::optional<std::int64_t> min = {},
                         std::optional<std::int64_t> max = {});
    std::optional<std::int64_t> optionalInteger(std::string_view field, std::optional<std::int64_t> min = {},
                                                std::optional<std::int64_t> max = {});
    bool boolean(std::string_view field, bool def);
    std::optional<bool> optionalBoolean(std::string_view field);
    std::string string(std::string_view field, std::string def);
    std::optional<std::string> optionalString(std::string_view field);
    // A required non-empty string.
    std::string requiredString(std::string_view field);
    // One of `allowed` (an unknown value lists the allowed ones).
    std::string choice(std::string_view field, std::initializer_list<std::string_view> allowed, std::string_view def);
    std::vector<std::string> strings(std::string_view field);
    std::vector<double> numbers(std::string_view field);
    // The raw JSON of a field with a free shape (replace's values, rename's mapping); null when absent.
    const nlohmann::json* raw(std::string_view field);

    // `columns`-like field: an array of column names. Absent: every column of the schema whose type
    // is in `kinds`, except the target and `split` (empty without a schema). Present: each name must
    // exist and have a type in `kinds` (checked only with a schema). `what` completes "needs ... columns".
    std::vector<std::string> columns(std::string_view field, ColumnKinds kinds);
    // Same, but absent = error (the op has no sensible default).
    std::vector<std::string> requiredColumns(std::string_view field, ColumnKinds kinds);
    // A single required column name (bin's `column`).
    std::string column(std::string_view field, ColumnKinds kinds);
    // Checks one column name against the schema (no-op without a schema).
    void checkColumn(std::string_view field, const std::string& name, ColumnKinds kinds);

    // Records a custom problem with a field ("field \"edges\": edges must be ascending").
    void fail(std::string_view field, const std::string& message);
    // Records a problem about the step as a whole.
    void failStep(const std::string& message);
    bool ok() const { return !m_error.has_value(); }

    // The first problem, or an unknown field. Call once, after every getter.
    Result<void> finish();

    // "step 3 (scale)"
    std::string label() const;

private:
    const nlohmann::json* lookup(std::string_view field);
    void expected(std::string_view field, const std::string& what, const nlohmann::json& got);

    const nlohmann::json& m_step;
    std::size_t m_stepIndex;
    std::string m_op;
    const Schema* m_schema;
    std::vector<std::string> m_known;
    std::optional<Error> m_error;
};

// Short JSON rendering of a value for messages: "avg", 3, [1,2] (truncated past 40 characters).
std::string jsonSnippet(const nlohmann::json& value);
// The JSON type name used in messages: "a number", "a string", "an array", ...
std::string jsonTypeName(const nlohmann::json& value);

} // namespace preplab::ops
