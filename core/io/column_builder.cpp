#include "core/io/column_builder.h"

#include <cassert>

namespace preplab::io {

namespace {

Column::Mask combinedMask(const Column& compact, const std::vector<std::uint8_t>& valid,
                          std::vector<std::size_t>& source)
{
    Column::Mask mask(valid.size(), 0);
    source.assign(valid.size(), 0);
    std::size_t j = 0;
    for (std::size_t i = 0; i < valid.size(); ++i) {
        if (!valid[i])
            continue;
        source[i] = j;
        mask[i] = compact.isValid(j) ? 1 : 0;
        ++j;
    }
    assert(j == compact.size());
    return mask;
}

} // namespace

ColumnPtr expandWithMissing(const Column& compact, const std::vector<std::uint8_t>& valid)
{
    std::vector<std::size_t> src;
    Column::Mask mask = combinedMask(compact, valid, src);
    const std::size_t n = valid.size();
    switch (compact.type()) {
    case ColumnType::Numeric: {
        std::vector<double> v(n, 0.0);
        for (std::size_t i = 0; i < n; ++i)
            if (mask[i])
                v[i] = compact.doubles()[src[i]];
        return Column::makeNumeric(std::move(v), std::move(mask));
    }
    case ColumnType::Categorical: {
        std::vector<std::int32_t> codes(n, 0);
        for (std::size_t i = 0; i < n; ++i)
            if (mask[i])
                codes[i] = compact.codes()[src[i]];
        return Column::makeCategorical(std::move(codes), compact.categories(), std::move(mask));
    }
    case ColumnType::Text: {
        StringArena arena;
        arena.offsets.reserve(n + 1);
        for (std::size_t i = 0; i < n; ++i)
            arena.push(mask[i] ? compact.text(src[i]) : std::string_view{});
        return Column::makeText(std::move(arena), std::move(mask));
    }
    case ColumnType::Boolean: {
        std::vector<std::uint8_t> v(n, 0);
        for (std::size_t i = 0; i < n; ++i)
            if (mask[i])
                v[i] = compact.bools()[src[i]];
        return Column::makeBoolean(std::move(v), std::move(mask));
    }
    case ColumnType::Integer:
    case ColumnType::Datetime: {
        std::vector<std::int64_t> v(n, 0);
        for (std::size_t i = 0; i < n; ++i)
            if (mask[i])
                v[i] = compact.ints()[src[i]];
        if (compact.type() == ColumnType::Integer)
            return Column::makeInteger(std::move(v), std::move(mask));
        return Column::makeDatetime(std::move(v), std::move(mask), compact.hasTime());
    }
    }
    return nullptr;
}

std::string ColumnBuilder::cellText(std::size_t i) const
{
    switch (m_kinds[i]) {
    case Kind::Integer: return std::to_string(integer(i));
    case Kind::Real: return formatDouble(real(i));
    case Kind::Boolean: return integer(i) ? "true" : "false";
    case Kind::String: return std::string(m_strings.at(i));
    case Kind::Missing: break;
    }
    return {};
}

ColumnPtr ColumnBuilder::finish(const std::string& name, const InferOptions& inferOptions,
                                std::optional<ColumnType> forced, Diagnostics* warnings) const
{
    const std::size_t n = m_kinds.size();
    bool hasInt = false, hasReal = false, hasBool = false, hasString = false, hasMissing = false;
    for (Kind k : m_kinds) {
        hasInt |= k == Kind::Integer;
        hasReal |= k == Kind::Real;
        hasBool |= k == Kind::Boolean;
        hasString |= k == Kind::String;
        hasMissing |= k == Kind::Missing;
    }
    Column::Mask valid;
    if (hasMissing) {
        valid.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            valid[i] = m_kinds[i] != Kind::Missing;
    }
    const bool anyPresent = hasInt || hasReal || hasBool || hasString;

    if (!forced && anyPresent && !hasString && !(hasBool && (hasInt || hasReal))) {
        if (hasBool)
            return Column::makeBooleanFromInts(m_values, std::move(valid));
        if (!hasReal)
            return Column::makeInteger(m_values, std::move(valid));
        std::vector<double> v(n, 0.0);
        for (std::size_t i = 0; i < n; ++i)
            if (m_kinds[i] != Kind::Missing)
                v[i] = m_kinds[i] == Kind::Integer ? static_cast<double>(integer(i)) : real(i);
        return Column::makeNumeric(std::move(v), std::move(valid));
    }

    if (!forced && hasString && (hasInt || hasReal || hasBool) && warnings)
        warnings->push_back({Diagnostic::Severity::Info,
                             "mixes strings with numbers or booleans; typed from the values' text", -1, name});
    std::vector<std::string> texts;
    texts.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        if (m_kinds[i] != Kind::Missing)
            texts.push_back(cellText(i));
    std::vector<std::string_view> cells(texts.begin(), texts.end());
    ColumnPtr compact = inferColumn(cells, inferOptions, forced, name, warnings);
    if (!hasMissing)
        return compact;
    return expandWithMissing(*compact, valid);
}

} // namespace preplab::io
