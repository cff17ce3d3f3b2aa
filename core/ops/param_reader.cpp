#include "core/ops/param_reader.h"

#include <algorithm>
#include <cmath>

namespace preplab::ops {

std::string ColumnKinds::describe() const
{
    std::vector<std::string_view> names;
    for (unsigned t = 0; t < 6; ++t)
        if (contains(static_cast<ColumnType>(t)))
            names.push_back(columnTypeName(static_cast<ColumnType>(t)));
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

std::string jsonTypeName(const nlohmann::json& value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return "a number";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    default: return "an unsupported value";
    }
}

std::string jsonSnippet(const nlohmann::json& value)
{
    std::string s = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (s.size() > 40)
        s = s.substr(0, 37) + "...";
    return s;
}

namespace {

std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

} // namespace

ParamReader::ParamReader(const nlohmann::json& step, std::size_t stepIndex, std::string op, const Schema* schema)
    : m_step(step), m_stepIndex(stepIndex), m_op(std::move(op)), m_schema(schema)
{
}

std::string ParamReader::label() const { return "step " + std::to_string(m_stepIndex + 1) + " (" + m_op + ")"; }

bool ParamReader::has(std::string_view field) const
{
    return m_step.is_object() && m_step.find(std::string(field)) != m_step.end();
}

const nlohmann::json* ParamReader::lookup(std::string_view field)
{
    std::string key(field);
    if (std::find(m_known.begin(), m_known.end(), key) == m_known.end())
        m_known.push_back(key);
    if (!m_step.is_object())
        return nullptr;
    auto it = m_step.find(key);
    return it == m_step.end() ? nullptr : &*it;
}

void ParamReader::fail(std::string_view field, const std::string& message)
{
    if (!m_error)
        m_error = makeError(ErrorCode::BadRecipe, label() + ": field \"" + std::string(field) + "\": " + message);
}

void ParamReader::failStep(const std::string& message)
{
    if (!m_error)
        m_error = makeError(ErrorCode::BadRecipe, label() + ": " + message);
}

void ParamReader::expected(std::string_view field, const std::string& what, const nlohmann::json& got)
{
    fail(field, "expected " + what + ", got " + jsonSnippet(got));
}

namespace {
std::string rangeText(std::optional<double> min, std::optional<double> max)
{
    if (min && max)
        return " between " + formatDouble(*min) + " and " + formatDouble(*max);
    if (min)
        return " >= " + formatDouble(*min);
    if (max)
        return " <= " + formatDouble(*max);
    return {};
}
} // namespace

std::optional<double> ParamReader::optionalNumber(std::string_view field, std::optional<double> min,
                                                  std::optional<double> max)
{
    const auto* v = lookup(field);
    if (!v || v->is_null())
        return std::nullopt;
    if (!v->is_number()) {
        expected(field, "a number" + rangeText(min, max), *v);
        return std::nullopt;
    }
    double d = v->get<double>();
    if (!std::isfinite(d) || (min && d < *min) || (max && d > *max)) {
        expected(field, "a number" + rangeText(min, max), *v);
        return std::nullopt;
    }
    return d;
}

double ParamReader::number(std::string_view field, double def, std::optional<double> min, std::optional<double> max)
{
    return optionalNumber(field, min, max).value_or(def);
}

std::optional<std::int64_t> ParamReader::optionalInteger(std::string_view field, std::optional<std::int64_t> min,
                                                         std::optional<std::int64_t> max)
{
    const auto* v = lookup(field);
    if (!v || v->is_null())
        return std::nullopt;
    std::string what = "an integer" + rangeText(min ? std::optional<double>(double(*min)) : std::nullopt,
                                               max ? std::optional<double>(double(*max)) : std::nullopt);
    std::int64_t out = 0;
    if (v->is_number_integer() || v->is_number_unsigned()) {
        if (v->is_number_unsigned() && v->get<std::uint64_t>() > std::uint64_t(INT64_MAX)) {
            expected(field, what, *v);
            return std::nullopt;
        }
        out = v->get<std::int64_t>();
    } else if (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>() &&
               std::abs(v->get<double>()) < 9e15) {
        out = static_cast<std::int64_t>(v->get<double>());
    } else {
        expected(field, what, *v);
        return std::nullopt;
    }
    if ((min && out < *min) || (max && out > *max)) {
        expected(field, what, *v);
        return std::nullopt;
    }
    return out;
}

std::int64_t ParamReader::integer(std::string_view field, std::int64_t def, std::optional<std::int64_t> min,
                                  std::optional<std::int64_t> max)
{
    return optionalInteger(field, min, max).value_or(def);
}

std::optional<bool> ParamReader::optionalBoolean(std::string_view field)
{
    const auto* v = lookup(field);
    if (!v || v->is_null())
        return std::nullopt;
    if (!v->is_boolean()) {
        expected(field, "true or false", *v);
        return std::nullopt;
    }
    return v->get<bool>();
}

bool ParamReader::boolean(std::string_view field, bool def) { return optionalBoolean(field).value_or(def); }

std::optional<std::string> ParamReader::optionalString(std::string_view field)
{
    const auto* v = lookup(field);
    if (!v || v->is_null())
        return std::nullopt;
    if (!v->is_string()) {
        expected(field, "a string", *v);
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::string ParamReader::string(std::string_view field, std::string def)
{
    return optionalString(field).value_or(std::move(def));
}

std::string ParamReader::requiredString(std::string_view field)
{
    bool present = has(field);
    auto s = optionalString(field);
    if (!present || (ok() && (!s || s->empty())))
        fail(field, present ? "expected a non-empty string" : "is required (a string)");
    return s.value_or(std::string());
}

std::string ParamReader::choice(std::string_view field, std::initializer_list<std::string_view> allowed,
                                std::string_view def)
{
    const auto* v = lookup(field);
    if (!v || v->is_null())
        return std::string(def);
    std::string list;
    for (auto a : allowed)
        list += (list.empty() ? "" : ", ") + std::string(a);
    if (v->is_string()) {
        auto s = v->get<std::string>();
        for (auto a : allowed)
            if (a == s)
                return s;
    }
    expected(field, "one of " + list, *v);
    return std::string(def);
}

std::vector<std::string> ParamReader::strings(std::string_view field)
{
    const auto* v = lookup(field);
    std::vector<std::string> out;
    if (!v || v->is_null())
        return out;
    if (!v->is_array()) {
        expected(field, "an array of strings", *v);
        return out;
    }
    for (const auto& e : *v) {
        if (!e.is_string()) {
            expected(field, "an array of strings", e);
            return {};
        }
        out.push_back(e.get<std::string>());
    }
    return out;
}

std::vector<double> ParamReader::numbers(std::string_view field)
{
    const auto* v = lookup(field);
    std::vector<double> out;
    if (!v || v->is_null())
        return out;
    if (!v->is_array()) {
        expected(field, "an array of numbers", *v);
        return out;
    }
    for (const auto& e : *v) {
        if (!e.is_number()) {
            expected(field, "an array of numbers", e);
            return {};
        }
        out.push_back(e.get<double>());
    }
    return out;
}

const nlohmann::json* ParamReader::raw(std::string_view field)
{
    const auto* v = lookup(field);
    return v && !v->is_null() ? v : nullptr;
}

void ParamReader::checkColumn(std::string_view field, const std::string& name, ColumnKinds kinds)
{
    if (!m_schema)
        return;
    auto i = m_schema->indexOf(name);
    if (!i) {
        std::string hint = closestName(name, m_schema->names);
        fail(field, "no column named \"" + name + "\"" + (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)"));
        return;
    }
    ColumnType t = m_schema->types[*i];
    if (!kinds.contains(t))
        fail(field, "column \"" + name + "\" is " + std::string(columnTypeName(t)) + "; " + m_op + " needs " +
                        kinds.describe() + " columns");
}

std::vector<std::string> ParamReader::columns(std::string_view field, ColumnKinds kinds)
{
    bool present = has(field) && !m_step.at(std::string(field)).is_null();
    if (!present) {
        lookup(field);
        std::vector<std::string> out;
        if (m_schema)
            for (std::size_t i = 0; i < m_schema->names.size(); ++i)
                if (kinds.contains(m_schema->types[i]) && !m_schema->isReserved(m_schema->names[i]))
                    out.push_back(m_schema->names[i]);
        return out;
    }
    const auto* v = lookup(field);
    if (v->is_string()) {
        expected(field, "an array of column names", *v);
        return {};
    }
    auto names = strings(field);
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (names[j] == names[i])
                fail(field, "column \"" + names[i] + "\" is listed twice");
        checkColumn(field, names[i], kinds);
    }
    return names;
}

std::vector<std::string> ParamReader::requiredColumns(std::string_view field, ColumnKinds kinds)
{
    if (!has(field) || m_step.at(std::string(field)).is_null()) {
        lookup(field);
        fail(field, "is required (an array of column names)");
        return {};
    }
    auto out = columns(field, kinds);
    if (ok() && out.empty())
        fail(field, "expected at least one column");
    return out;
}

std::string ParamReader::column(std::string_view field, ColumnKinds kinds)
{
    bool present = has(field);
    auto name = optionalString(field);
    if (!present) {
        fail(field, "is required (a column name)");
        return {};
    }
    if (name)
        checkColumn(field, *name, kinds);
    return name.value_or(std::string());
}

Result<void> ParamReader::finish()
{
    if (m_error)
        return *m_error;
    if (!m_step.is_object())
        return makeError(ErrorCode::BadRecipe, label() + ": expected an object");
    for (auto it = m_step.begin(); it != m_step.end(); ++it) {
        const std::string& key = it.key();
        if (key == "op" || key == "enabled" || key == "fit_on")
            continue;
        if (std::find(m_known.begin(), m_known.end(), key) != m_known.end())
            continue;
        std::string hint = closestName(key, m_known);
        std::string msg = label() + ": unknown field \"" + key + "\"";
        if (!hint.empty())
            msg += " (did you mean \"" + hint + "\"?)";
        msg += m_known.empty() ? "; " + m_op + " takes no fields" : "; " + m_op + " takes " + joinNames(m_known);
        return makeError(ErrorCode::BadRecipe, msg);
    }
    return {};
}

} // namespace preplab::ops
