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
std::string jsonMessage(const std::exception& e)
{
    std::string what = e.what();
    auto at = what.find("parse error");
    if (at != std::string::npos) {
        auto colon = what.find(": ", at);
        if (colon != std::string::npos)
            return "invalid JSON: " + what.substr(colon + 2);
    }
    auto bracket = what.find("] ");
    return "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
}

// Assembles records (objects) into columns, one ColumnBuilder per key.
class JsonColumns {
public:
    explicit JsonColumns(const ReadOptions& options) : m_options(options) {}

    void beginRecord() {}
    // A key seen twice in one record keeps its last value, as JSON parsers do.
    void setKey(const std::string& key)
    {
        m_current = columnFor(key);
        if (m_lastRow[m_current] == m_rows) {
            m_builders[m_current].removeLast();
            ++m_duplicates;
        }
        m_lastRow[m_current] = m_rows;
    }
    ColumnBuilder& current() { return m_builders[m_current]; }
    void addUnsigned(std::uint64_t u)
    {
        if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            current().addInteger(static_cast<std::int64_t>(u));
        else
            current().addReal(static_cast<double>(u));
    }
    void addNested(const std::string& jsonText)
    {
        ++m_nested[m_current];
        current().addString(jsonText);
    }
    void endRecord()
    {
        ++m_rows;
        for (auto& b : m_builders)
            if (b.size() < m_rows)
                b.addMissing();
    }

    void addRecord(const Json& record)
    {
        beginRecord();
        for (const auto& [key, value] : record.items()) {
            setKey(key);
            addValue(value);
        }
        endRecord();
    }

    // Column orientation: {"a": [...], "b": [...]}.
    void addColumn(const std::string& key, const Json& values)
    {
        m_current = columnFor(key, false);
        for (const auto& v : values)
            addValue(v);
        m_rows = std::max(m_rows, m_builders[m_current].size());
    }

    ReadResult finish(std::string format)
    {
        ReadResult result;
        result.format = std::move(format);
        InferOptions infer;
        if (m_options.naMarkers)
            infer.naMarkers = *m_options.naMarkers;
        if (m_duplicates > 0)
            result.warnings.push_back({Diagnostic::Severity::Warning,
                                       std::to_string(m_duplicates) +
                                           " key(s) repeated within a record: the last value is kept",
                                       -1, {}});
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
            m_lastRow.push_back(static_cast<std::size_t>(-1));
            for (std::size_t r = 0; fillEarlierRows && r < m_rows; ++r)
                m_builders.back().addMissing();
        }
        return it->second;
    }

    void addValue(const Json& v)
    {
        ColumnBuilder& b = current();
        switch (v.type()) {
        case Json::value_t::null: b.addMissing(); break;
        case Json::value_t::boolean: b.addBoolean(v.get<bool>()); break;
        case Json::value_t::number_integer: b.addInteger(v.get<std::int64_t>()); break;
        case Json::value_t::number_unsigned: addUnsigned(v.get<std::uint64_t>()); break;
        case Json::value_t::number_float: b.addReal(v.get<double>()); break;
        case Json::value_t::string: b.addString(v.get_ref<const std::string&>()); break;
        default: addNested(v.dump());
        }
    }

    const ReadOptions& m_options;
    std::vector<std::string> m_names;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<ColumnBuilder> m_builders;
    std::vector<std::size_t> m_nested;
    std::vector<std::size_t> m_lastRow;  // the record each column last got a value in
    std::size_t m_current = 0;
    std::size_t m_rows = 0;
    std::size_t m_duplicates = 0;
};

// Streams a top-level array of objects into JsonColumns without building the whole document:
// a large file costs about its columns' size, not several times the file. Nested values inside
// a record are assembled into a small document and kept as its JSON text.
class RecordArrayHandler : public nlohmann::json_sax<Json> {
public:
    explicit RecordArrayHandler(JsonColumns& columns) : m_columns(columns) {}

    bool null() override { return scalar(Json(nullptr)); }
    bool boolean(bool v) override { return scalar(Json(v)); }
    bool number_integer(number_integer_t v) override { return scalar(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(Json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(Json(v)); }
    bool string(string_t& v) override { return scalar(Json(std::move(v))); }
    bool binary(binary_t&) override { return elementError("binary data"); }

    bool start_object(std::size_t) override
    {
        if (capturing() || m_depth == 2)
            return openCapture(Json::object());
        if (m_depth == 1) {
            m_columns.beginRecord();
            m_depth = 2;
            return true;
        }
        return elementError("an object");
    }
    bool key(string_t& k) override
    {
        if (capturing())
            m_keys.back() = k;
        else
            m_columns.setKey(k);
        return true;
    }
    bool end_object() override
    {
        if (capturing())
            return closeCapture();
        m_columns.endRecord();
        m_depth = 1;
        ++m_index;
        return true;
    }
    bool start_array(std::size_t) override
    {
        if (capturing() || m_depth == 2)
            return openCapture(Json::array());
        if (m_depth == 0) {
            m_depth = 1;
            return true;
        }
        return elementError("an array");
    }
    bool end_array() override
    {
        if (capturing())
            return closeCapture();
        m_depth = 0;
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override
    {
        m_errorPosition = position;
        m_error = jsonMessage(e);
        return false;
    }

    // Set when parsing stopped: the message, and the byte position (0 for an element error).
    const std::string& error() const { return m_error; }
    std::size_t errorPosition() const { return m_errorPosition; }

private:
    bool capturing() const { return !m_stack.empty(); }

    bool scalar(Json v)
    {
        if (capturing()) {
            addToCapture(std::move(v));
            return true;
        }
        if (m_depth != 2)
            return elementError(v.is_null() ? "null" : v.is_boolean() ? "a boolean" : v.is_string() ? "a string"
                                                                                                    : "a number");
        switch (v.type()) {
        case Json::value_t::null: m_columns.current().addMissing(); break;
        case Json::value_t::boolean: m_columns.current().addBoolean(v.get<bool>()); break;
        case Json::value_t::number_integer: m_columns.current().addInteger(v.get<std::int64_t>()); break;
        case Json::value_t::number_unsigned: m_columns.addUnsigned(v.get<std::uint64_t>()); break;
        case Json::value_t::number_float: m_columns.current().addReal(v.get<double>()); break;
        default: m_columns.current().addString(v.get_ref<const std::string&>());
        }
        return true;
    }
    bool openCapture(Json container)
    {
        m_stack.push_back(std::move(container));
        m_keys.emplace_back();
        return true;
    }
    void addToCapture(Json v)
    {
        if (m_stack.back().is_object())
            m_stack.back()[m_keys.back()] = std::move(v);
        else
            m_stack.back().push_back(std::move(v));
    }
    bool closeCapture()
    {
        Json done = std::move(m_stack.back());
        m_stack.pop_back();
        m_keys.pop_back();
        if (capturing())
            addToCapture(std::move(done));
        else
            m_columns.addNested(done.dump());
        return true;
    }
    bool elementError(const char* kind)
    {
        m_error = m_depth == 0 ? std::string("expected an array of objects or JSON Lines, found ") + kind
                               : "expected an array of objects, but element " + std::to_string(m_index) + " is " +
                                     kind;
        m_errorPosition = 0;
        return false;
    }

    JsonColumns& m_columns;
    int m_depth = 0;  // 0 outside the array, 1 inside it, 2 inside a record
    std::size_t m_index = 0;
    std::vector<Json> m_stack;  // nested value being assembled
    std::vector<std::string> m_keys;
    std::string m_error;
    std::size_t m_errorPosition = 0;
};

Result<ReadResult> readRecordArray(std::string_view text, const std::string& name, const ReadOptions& options)
{
    JsonColumns columns(options);
    RecordArrayHandler handler(columns);
    if (!Json::sax_parse(text.begin(), text.end(), &handler)) {
        if (handler.errorPosition() == 0)
            return makeError(ErrorCode::BadData, handler.error(), name);
        std::int64_t line = 0, column = 0;
        lineColumnOf(text, handler.errorPosition() - 1, line, column);
        return makeError(ErrorCode::BadData, handler.error(), name, line, column);
    }
    return columns.finish("json");
}

Result<Json> parseDocument(std::string_view text, const std::string& name, std::int64_t lineOffset = 0)
{
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        std::int64_t line = 0, column = 0;
        lineColumnOf(text, e.byte > 0 ? e.byte - 1 : 0, line, column);
        return makeError(ErrorCode::BadData, jsonMessage(e), name, line + lineOffset, column);
    } catch (const nlohmann::json::exception& e) {
        // e.g. a number too large for a double (1e999): nlohmann gives no position for these.
        return makeError(ErrorCode::BadData, jsonMessage(e), name, lineOffset > 0 ? lineOffset + 1 : -1);
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

// One document that is not an array: a single record, or a column-oriented object.
Result<ReadResult> readDocument(std::string_view bytes, const std::string& name, const ReadOptions& options)
{
    auto doc = parseDocument(bytes, name);
    if (!doc)
        return doc.error();
    if (!doc->is_object())
        return makeError(ErrorCode::BadData,
                         std::string("expected an array of objects or JSON Lines, found ") + kindName(*doc), name);
    JsonColumns columns(options);
    if (isColumnOriented(*doc)) {
        for (const auto& [key, values] : doc->items())
            columns.addColumn(key, values);
    } else {
        columns.addRecord(*doc);
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
    if (body.front() == '[')
        return readRecordArray(bytes, displayName, options);
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
