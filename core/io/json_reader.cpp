// JSON reader: an array of objects, JSON Lines (one object per line), or (as a convenience) one
// object whose values are equal-length arrays (column orientation). Keys become columns in order
// of first appearance across all records; a key absent from a record is missing there, as is
// null. Nested objects and arrays are kept as their JSON text, with a warning. JSON null is the
// missing marker; explicit --na markers also apply to string values.
#include "core/io/column_builder.h"
#include "core/io/reader.h"
#include "core/io/text_decoding.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <unordered_map>

namespace preplab::io {

namespace {

using Json = nlohmann::ordered_json;

std::string_view skipBomAndSpace(std::string_view s)
{
    if (s.substr(0, 3) == "\xEF\xBB\xBF")
        s.remove_prefix(3);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    return s;
}

const char* kindName(const Json& v)
{
    switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    case Json::value_t::binary: return "binary data";
    case Json::value_t::discarded: return "nothing";
    default: return "a number";
    }
}

// Line and column (1-based) of a byte offset.
void lineColumnOf(std::string_view text, std::size_t offset, std::int64_t& line, std::int64_t& column)
{
    offset = std::min(offset, text.size());
    line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    column = static_cast<std::int64_t>(offset - lineStart) + 1;
}

// nlohmann's message without its "[json.exception...] parse error at line L, column C: " prefix.
std::string parseMessage(const nlohmann::json::parse_error& e)
{
    std::string what = e.what();
    auto at = what.find("parse error");
    if (at != std::string::npos) {
        auto colon = what.find(": ", at);
        if (colon != std::string::npos)
            return "invalid JSON: " + what.substr(colon + 2);
    }
    return "invalid JSON: " + what;
}

class JsonColumns {
public:
    JsonColumns(const ReadOptions& options) : m_options(options) {}

    void addRecord(const Json& record)
    {
        for (const auto& [key, value] : record.items()) {
            std::size_t c = columnFor(key);
            addValue(c, value);
        }
        ++m_rows;
        for (auto& b : m_builders)
            if (b.size() < m_rows)
                b.addMissing();
    }

    // Column orientation: {"a": [...], "b": [...]}.
    void addColumn(const std::string& key, const Json& values)
    {
        std::size_t c = columnFor(key, false);
        for (const auto& v : values)
            addValue(c, v);
        m_rows = std::max(m_rows, m_builders[c].size());
    }

    ReadResult finish(std::string format)
    {
        ReadResult result;
        result.format = std::move(format);
        result.encoding = "utf-8";
        InferOptions infer;
        if (m_options.naMarkers)
            infer.naMarkers = *m_options.naMarkers;
        for (std::size_t c = 0; c < m_names.size(); ++c) {
            std::optional<ColumnType> forced;
            if (auto it = m_options.typeOverrides.find(m_names[c]); it != m_options.typeOverrides.end())
                forced = it->second;
            if (m_nested[c] > 0)
                result.warnings.push_back({Diagnostic::Severity::Warning,
                                           std::to_string(m_nested[c]) +
                                               " nested object(s) or array(s) kept as JSON text",
                                           -1, m_names[c]});
            auto column = m_builders[c].finish(m_names[c], infer, forced, &result.warnings);
            (void)result.table.addColumn(m_names[c], std::move(column));
        }
        if (m_names.empty())
            result.warnings.push_back({Diagnostic::Severity::Warning, "no records: the table is empty", -1, {}});
        return result;
    }

private:
    // A column first seen after some records is missing in them (unless filled column-wise).
    std::size_t columnFor(const std::string& key, bool fillEarlierRows = true)
    {
        auto [it, inserted] = m_index.emplace(key, m_names.size());
        if (inserted) {
            m_names.push_back(key);
            m_builders.emplace_back();
            m_nested.push_back(0);
            for (std::size_t r = 0; fillEarlierRows && r < m_rows; ++r)
                m_builders.back().addMissing();
        }
        return it->second;
    }

    void addValue(std::size_t c, const Json& v)
    {
        ColumnBuilder& b = m_builders[c];
        switch (v.type()) {
        case Json::value_t::null: b.addMissing(); break;
        case Json::value_t::boolean: b.addBoolean(v.get<bool>()); break;
        case Json::value_t::number_integer: b.addInteger(v.get<std::int64_t>()); break;
        case Json::value_t::number_unsigned: {
            auto u = v.get<std::uint64_t>();
            if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                b.addInteger(static_cast<std::int64_t>(u));
            else
                b.addReal(static_cast<double>(u));
            break;
        }
        case Json::value_t::number_float: b.addReal(v.get<double>()); break;
        case Json::value_t::string: b.addString(v.get_ref<const std::string&>()); break;
        default:
            ++m_nested[c];
            b.addString(v.dump());
        }
    }

    const ReadOptions& m_options;
    std::vector<std::string> m_names;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<ColumnBuilder> m_builders;
    std::vector<std::size_t> m_nested;
    std::size_t m_rows = 0;
};

Result<Json> parseDocument(std::string_view text, const std::string& name, std::int64_t lineOffset = 0)
{
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        std::int64_t line = 0, column = 0;
        lineColumnOf(text, e.byte > 0 ? e.byte - 1 : 0, line, column);
        return makeError(ErrorCode::BadData, parseMessage(e), name, line + lineOffset, column);
    } catch (const nlohmann::json::exception& e) {
        // e.g. a number too large for a double (1e999): nlohmann gives no position for these.
        std::string what = e.what();
        auto bracket = what.find("] ");
        return makeError(ErrorCode::BadData,
                         "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2)), name,
                         lineOffset > 0 ? lineOffset + 1 : -1);
    }
}

Result<ReadResult> readJsonLines(std::string_view bytes, const std::string& name, const ReadOptions& options)
{
    JsonColumns columns(options);
    std::int64_t lineNo = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto eol = bytes.find('\n', pos);
        std::string_view line = bytes.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        pos = eol == std::string_view::npos ? bytes.size() : eol + 1;
        ++lineNo;
        if (lineNo == 1 && line.substr(0, 3) == "\xEF\xBB\xBF")
            line.remove_prefix(3);
        if (skipBomAndSpace(line).empty())
            continue;
        auto value = parseDocument(line, name, lineNo - 1);
        if (!value)
            return value.error();
        if (!value->is_object())
            return makeError(ErrorCode::BadData,
                             std::string("JSON Lines: expected an object on each line, found ") + kindName(*value),
                             name, lineNo);
        columns.addRecord(*value);
    }
    return columns.finish("jsonl");
}

bool isColumnOriented(const Json& object)
{
    if (object.empty())
        return false;
    std::size_t length = 0;
    bool first = true;
    for (const auto& [key, value] : object.items()) {
        if (!value.is_array())
            return false;
        if (!first && value.size() != length)
            return false;
        length = value.size();
        first = false;
    }
    return true;
}

Result<ReadResult> readDocument(std::string_view bytes, const std::string& name, const ReadOptions& options)
{
    auto doc = parseDocument(bytes, name);
    if (!doc)
        return doc.error();
    JsonColumns columns(options);
    if (doc->is_object()) {
        if (isColumnOriented(*doc)) {
            for (const auto& [key, values] : doc->items())
                columns.addColumn(key, values);
        } else {
            columns.addRecord(*doc);
        }
        return columns.finish("json");
    }
    if (!doc->is_array())
        return makeError(ErrorCode::BadData,
                         std::string("expected an array of objects or JSON Lines, found ") + kindName(*doc), name);
    std::size_t index = 0;
    for (const auto& record : *doc) {
        if (!record.is_object())
            return makeError(ErrorCode::BadData,
                             "expected an array of objects, but element " + std::to_string(index) + " is " +
                                 kindName(record),
                             name);
        columns.addRecord(record);
        ++index;
    }
    return columns.finish("json");
}

Result<ReadResult> readJsonText(std::string_view bytes, const std::string& displayName, const ReadOptions& options)
{
    std::string_view body = skipBomAndSpace(bytes);
    if (body.empty())
        return makeError(ErrorCode::BadData, "the input is empty (no JSON value)", displayName);
    if (body.front() == '{') {
        // JSON Lines when the first line is a whole object and more lines follow; otherwise one
        // document (a single record, a column-oriented object, or a pretty-printed object).
        std::size_t start = static_cast<std::size_t>(body.data() - bytes.data());
        auto eol = bytes.find('\n', start);
        std::string_view firstLine = bytes.substr(start, eol == std::string_view::npos ? std::string_view::npos
                                                                                       : eol - start);
        bool firstLineIsObject = false;
        try {
            firstLineIsObject = Json::parse(firstLine.begin(), firstLine.end()).is_object();
        } catch (const nlohmann::json::exception&) {
            // Not a complete object on its own line: read as one document below.
        }
        const bool moreLines = eol != std::string_view::npos && !skipBomAndSpace(bytes.substr(eol + 1)).empty();
        if (firstLineIsObject && moreLines)
            return readJsonLines(bytes, displayName, options);
    }
    return readDocument(bytes, displayName, options);
}

} // namespace

Result<ReadResult> readJsonBuffer(std::string_view bytes, const std::string& displayName, const ReadOptions& options)
{
    std::string storage, encoding;
    Diagnostics warnings;
    auto text = decodeToUtf8(bytes, displayName, storage, encoding, warnings);
    if (!text)
        return text.error();
    auto result = readJsonText(*text, displayName, options);
    if (result) {
        result->encoding = encoding;
        result->warnings.insert(result->warnings.begin(), warnings.begin(), warnings.end());
    }
    return result;
}

} // namespace preplab::io
