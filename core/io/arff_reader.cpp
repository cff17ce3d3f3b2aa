// Weka ARFF reader. Header: @relation, @attribute NAME TYPE (numeric, real, integer, string,
// date [FORMAT], nominal {a,b,...}), @data. Values: '?' is missing, '...' or "..." quote (with
// backslash escapes), '%' starts a comment outside quotes. Typing:
//   numeric / real / integer   Integer when every present value is an integer, else Numeric
//   nominal                    Categorical with the declared values, in declared order
//   string                     typed by inferColumn (categories, free text, dates...)
//   date                       Datetime when every value is ISO-8601 (ARFF's default format),
//                              otherwise typed like a string, with a warning
// Sparse rows ({index value, ...}) are read: an omitted value is 0 for numeric attributes, the
// first declared value for nominal ones, and missing otherwise. Instance weights ({w} after the
// last value) are ignored with a warning. Relational attributes are refused.
#include "core/io/column_builder.h"
#include "core/io/reader.h"
#include "core/io/text_decoding.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace preplab::io {

namespace {

enum class ArffType { Numeric, String, Date, Nominal };

struct Attribute {
    std::string name;
    ArffType type = ArffType::Numeric;
    std::vector<std::string> labels;  // nominal
    std::map<std::string, std::int32_t> codes;
    std::string dateFormat;
    std::int64_t line = 0;
};

struct Cell {
    std::string text;
    bool missing = false;
};

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

// Splits on `separator` outside quotes, stops at an unquoted '%'; unquotes each part.
// `quoted[i]` tells whether part i was quoted (a quoted '?' is a value, not missing).
bool splitValues(std::string_view line, char separator, std::vector<std::string>& parts, std::vector<bool>& quoted,
                 std::string& problem)
{
    parts.clear();
    quoted.clear();
    std::string current;
    bool wasQuoted = false;
    bool sawContent = false;
    auto flush = [&]() {
        std::string_view v = wasQuoted ? std::string_view(current) : trim(current);
        parts.emplace_back(v);
        quoted.push_back(wasQuoted);
        current.clear();
        wasQuoted = false;
        sawContent = false;
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if ((c == '\'' || c == '"') && !sawContent) {
            const char q = c;
            current.clear();  // only white space came before the opening quote
            std::size_t j = i + 1;
            for (; j < line.size() && line[j] != q; ++j) {
                if (line[j] == '\\' && j + 1 < line.size()) {
                    char e = line[++j];
                    current.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
                } else {
                    current.push_back(line[j]);
                }
            }
            if (j >= line.size()) {
                problem = "unterminated quoted value";
                return false;
            }
            wasQuoted = true;
            sawContent = true;
            i = j;
            // Only spaces may follow the closing quote before the separator.
            while (i + 1 < line.size() && std::isspace(static_cast<unsigned char>(line[i + 1])))
                ++i;
            if (i + 1 < line.size() && line[i + 1] != separator && line[i + 1] != '%') {
                problem = "unexpected text after a quoted value";
                return false;
            }
            continue;
        }
        if (c == '%')
            break;
        if (c == separator) {
            flush();
            continue;
        }
        if (!std::isspace(static_cast<unsigned char>(c)))
            sawContent = true;
        current.push_back(c);
    }
    flush();
    return true;
}

// Reads the next token of a header line: a quoted string or a run up to white space (or '{').
std::string_view nextToken(std::string_view& rest, std::string& unquoted)
{
    rest = trim(rest);
    if (rest.empty())
        return {};
    if (rest.front() == '\'' || rest.front() == '"') {
        char q = rest.front();
        auto end = rest.find(q, 1);
        if (end == std::string_view::npos)
            return {};
        unquoted = std::string(rest.substr(1, end - 1));
        std::string_view token = rest.substr(0, end + 1);
        rest.remove_prefix(end + 1);
        return token;
    }
    std::size_t end = 0;
    while (end < rest.size() && !std::isspace(static_cast<unsigned char>(rest[end])) && rest[end] != '{')
        ++end;
    unquoted = std::string(rest.substr(0, end));
    std::string_view token = rest.substr(0, end);
    rest.remove_prefix(end);
    return token;
}

Result<Attribute> parseAttribute(std::string_view rest, const std::string& file, std::int64_t line)
{
    Attribute a;
    a.line = line;
    std::string name;
    if (nextToken(rest, name).empty())
        return makeError(ErrorCode::BadData, "@attribute without a name", file, line);
    a.name = name;
    rest = trim(rest);
    if (!rest.empty() && rest.front() == '{') {
        auto close = rest.rfind('}');
        if (close == std::string_view::npos)
            return makeError(ErrorCode::BadData, "nominal attribute '" + a.name + "': missing '}'", file, line);
        std::vector<std::string> labels;
        std::vector<bool> quoted;
        std::string problem;
        if (!splitValues(rest.substr(1, close - 1), ',', labels, quoted, problem))
            return makeError(ErrorCode::BadData, "nominal attribute '" + a.name + "': " + problem, file, line);
        a.type = ArffType::Nominal;
        for (auto& label : labels) {
            if (label.empty())
                continue;
            if (a.codes.emplace(label, static_cast<std::int32_t>(a.labels.size())).second)
                a.labels.push_back(label);
        }
        return a;
    }
    std::string typeWord;
    nextToken(rest, typeWord);
    const std::string t = lower(typeWord);
    if (t == "numeric" || t == "real" || t == "integer")
        a.type = ArffType::Numeric;
    else if (t == "string")
        a.type = ArffType::String;
    else if (t == "date") {
        a.type = ArffType::Date;
        std::string format;
        nextToken(rest, format);
        a.dateFormat = format;
    } else if (t == "relational")
        return makeError(ErrorCode::BadData, "relational attribute '" + a.name + "' is not supported", file, line);
    else
        return makeError(ErrorCode::BadData, "attribute '" + a.name + "': unknown type '" + typeWord + "'", file, line);
    return a;
}

bool isIsoDateFormat(const std::string& format)
{
    return format.empty() || format == "yyyy-MM-dd'T'HH:mm:ss" || format == "yyyy-MM-dd" ||
           format == "yyyy-MM-dd HH:mm:ss";
}

class ArffParser {
public:
    ArffParser(const std::string& file, const ReadOptions& options) : m_file(file), m_options(options) {}

    Result<ReadResult> parse(std::string_view bytes);

private:
    Result<void> headerLine(std::string_view line, std::int64_t lineNo);
    Result<void> denseRow(std::string_view line, std::int64_t lineNo);
    Result<void> sparseRow(std::string_view line, std::int64_t lineNo);
    Result<void> addRow(std::vector<Cell> row, std::int64_t lineNo);
    Result<ColumnPtr> buildColumn(std::size_t c, Diagnostics& warnings) const;

    const std::string& m_file;
    const ReadOptions& m_options;
    std::vector<Attribute> m_attributes;
    bool m_inData = false;
    bool m_sawRelation = false;
    std::vector<std::vector<Cell>> m_cells;  // per attribute
    std::vector<std::int64_t> m_rowLines;
    std::size_t m_weightsIgnored = 0;
    std::vector<std::string> m_parts;
    std::vector<bool> m_quoted;
};

Result<void> ArffParser::headerLine(std::string_view line, std::int64_t lineNo)
{
    std::string keyword;
    std::string_view rest = line;
    nextToken(rest, keyword);
    const std::string k = lower(keyword);
    if (k == "@relation") {
        m_sawRelation = true;
        return {};
    }
    if (k == "@attribute") {
        auto a = parseAttribute(rest, m_file, lineNo);
        if (!a)
            return a.error();
        for (const auto& other : m_attributes)
            if (other.name == a->name)
                return makeError(ErrorCode::BadData, "attribute '" + a->name + "' is declared twice", m_file, lineNo);
        m_attributes.push_back(std::move(*a));
        return {};
    }
    if (k == "@data") {
        if (m_attributes.empty())
            return makeError(ErrorCode::BadData, "@data before any @attribute", m_file, lineNo);
        m_inData = true;
        m_cells.resize(m_attributes.size());
        return {};
    }
    if (k == "@end")
        return makeError(ErrorCode::BadData, "relational attributes (@end) are not supported", m_file, lineNo);
    return makeError(ErrorCode::BadData,
                     "expected @relation, @attribute or @data, found '" + std::string(trim(line).substr(0, 40)) + "'",
                     m_file, lineNo);
}

Result<void> ArffParser::addRow(std::vector<Cell> row, std::int64_t lineNo)
{
    for (std::size_t c = 0; c < row.size(); ++c) {
        const Attribute& a = m_attributes[c];
        if (!row[c].missing && a.type == ArffType::Nominal && !a.codes.count(row[c].text))
            return makeError(ErrorCode::BadData,
                             "value '" + row[c].text + "' is not one of the declared values of attribute '" + a.name +
                                 "'",
                             m_file, lineNo);
        m_cells[c].push_back(std::move(row[c]));
    }
    m_rowLines.push_back(lineNo);
    return {};
}

Result<void> ArffParser::denseRow(std::string_view line, std::int64_t lineNo)
{
    std::string problem;
    if (!splitValues(line, ',', m_parts, m_quoted, problem))
        return makeError(ErrorCode::BadData, problem, m_file, lineNo);
    const std::size_t n = m_attributes.size();
    if (m_parts.size() == n + 1 && !m_quoted[n] && !m_parts[n].empty() && m_parts[n].front() == '{') {
        ++m_weightsIgnored;
        m_parts.pop_back();
    }
    if (m_parts.size() != n)
        return makeError(ErrorCode::BadData,
                         "expected " + std::to_string(n) + " values, found " + std::to_string(m_parts.size()), m_file,
                         lineNo);
    std::vector<Cell> row(n);
    for (std::size_t c = 0; c < n; ++c) {
        row[c].missing = !m_quoted[c] && (m_parts[c] == "?" || m_parts[c].empty());
        row[c].text = std::move(m_parts[c]);
    }
    return addRow(std::move(row), lineNo);
}

Result<void> ArffParser::sparseRow(std::string_view line, std::int64_t lineNo)
{
    std::size_t close = std::string_view::npos;
    char quote = 0;
    for (std::size_t i = 1; i < line.size() && close == std::string_view::npos; ++i) {
        if (quote) {
            if (line[i] == '\\')
                ++i;
            else if (line[i] == quote)
                quote = 0;
        } else if (line[i] == '\'' || line[i] == '"') {
            quote = line[i];
        } else if (line[i] == '}') {
            close = i;
        }
    }
    if (close == std::string_view::npos)
        return makeError(ErrorCode::BadData, "sparse row without a closing '}'", m_file, lineNo);
    std::string_view after = trim(line.substr(close + 1));
    if (!after.empty() && after.front() == ',')
        ++m_weightsIgnored;  // ",{weight}"
    else if (!after.empty() && after.front() != '%')
        return makeError(ErrorCode::BadData, "unexpected text after a sparse row", m_file, lineNo);
    std::string problem;
    if (!splitValues(line.substr(1, close - 1), ',', m_parts, m_quoted, problem))
        return makeError(ErrorCode::BadData, problem, m_file, lineNo);
    const std::size_t n = m_attributes.size();
    std::vector<Cell> row(n);
    for (std::size_t c = 0; c < n; ++c) {
        const Attribute& a = m_attributes[c];
        if (a.type == ArffType::Numeric)
            row[c].text = "0";
        else if (a.type == ArffType::Nominal && !a.labels.empty())
            row[c].text = a.labels.front();
        else
            row[c].missing = true;
    }
    for (const auto& part : m_parts) {
        if (trim(part).empty())
            continue;
        std::string_view p = trim(part);
        auto space = p.find_first_of(" \t");
        std::int64_t index = -1;
        if (space == std::string_view::npos || !parseInt64(p.substr(0, space), index) || index < 0 ||
            static_cast<std::size_t>(index) >= n)
            return makeError(ErrorCode::BadData, "sparse row: expected 'INDEX VALUE' with INDEX below " +
                                                     std::to_string(n) + ", found '" + std::string(p) + "'",
                             m_file, lineNo);
        std::vector<std::string> value;
        std::vector<bool> quoted;
        if (!splitValues(p.substr(space + 1), '\0', value, quoted, problem))
            return makeError(ErrorCode::BadData, problem, m_file, lineNo);
        Cell& cell = row[static_cast<std::size_t>(index)];
        cell.missing = !quoted[0] && (value[0] == "?" || value[0].empty());
        cell.text = value[0];
    }
    return addRow(std::move(row), lineNo);
}

Result<ColumnPtr> ArffParser::buildColumn(std::size_t c, Diagnostics& warnings) const
{
    const Attribute& a = m_attributes[c];
    const auto& cells = m_cells[c];
    std::optional<ColumnType> forced;
    if (auto it = m_options.typeOverrides.find(a.name); it != m_options.typeOverrides.end())
        forced = it->second;
    InferOptions infer;
    if (m_options.naMarkers)
        infer.naMarkers = *m_options.naMarkers;

    if (a.type == ArffType::Nominal && !forced) {
        std::vector<std::int32_t> codes(cells.size(), 0);
        Column::Mask valid(cells.size(), 1);
        for (std::size_t r = 0; r < cells.size(); ++r) {
            if (cells[r].missing)
                valid[r] = 0;
            else
                codes[r] = a.codes.at(cells[r].text);
        }
        return Column::makeCategorical(std::move(codes), a.labels, std::move(valid));
    }
    if (a.type == ArffType::Date && !forced) {
        std::vector<std::int64_t> millis(cells.size(), 0);
        Column::Mask valid(cells.size(), 1);
        bool anyTime = false, allParsed = isIsoDateFormat(a.dateFormat);
        for (std::size_t r = 0; r < cells.size() && allParsed; ++r) {
            bool hasTime = false;
            if (cells[r].missing)
                valid[r] = 0;
            else if (parseDatetime(cells[r].text, millis[r], hasTime))
                anyTime |= hasTime;
            else
                allParsed = false;
        }
        if (allParsed)
            return Column::makeDatetime(std::move(millis), std::move(valid), anyTime);
        warnings.push_back({Diagnostic::Severity::Warning,
                            "date values not in ISO-8601 form (format '" + a.dateFormat + "'); typed from their text",
                            a.line, a.name});
    }
    ColumnBuilder builder;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        const Cell& cell = cells[r];
        if (cell.missing) {
            builder.addMissing();
        } else if (a.type != ArffType::Numeric || forced) {
            builder.addString(cell.text);
        } else {
            std::int64_t i = 0;
            double d = 0;
            if (parseInt64(cell.text, i))
                builder.addInteger(i);
            else if (parseDouble(cell.text, d))
                builder.addReal(d);
            else
                return makeError(ErrorCode::BadData,
                                 "attribute '" + a.name + "' is numeric but the value is '" + cell.text + "'", m_file,
                                 m_rowLines[r]);
        }
    }
    return builder.finish(a.name, infer, forced, &warnings);
}

Result<ReadResult> ArffParser::parse(std::string_view bytes)
{
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    std::int64_t lineNo = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto eol = bytes.find('\n', pos);
        std::string_view line = bytes.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        pos = eol == std::string_view::npos ? bytes.size() : eol + 1;
        ++lineNo;
        std::string_view t = trim(line);
        if (t.empty() || t.front() == '%')
            continue;
        Result<void> ok = !m_inData ? headerLine(t, lineNo) : t.front() == '{' ? sparseRow(t, lineNo)
                                                                               : denseRow(t, lineNo);
        if (!ok)
            return ok.error();
    }
    if (!m_sawRelation && m_attributes.empty())
        return makeError(ErrorCode::BadData, "not an ARFF file: no @relation or @attribute line", m_file);
    if (!m_inData)
        return makeError(ErrorCode::BadData, "no @data section", m_file);

    ReadResult result;
    result.format = "arff";
    result.encoding = "utf-8";
    if (m_weightsIgnored > 0)
        result.warnings.push_back({Diagnostic::Severity::Warning,
                                   std::to_string(m_weightsIgnored) + " instance weight(s) {w} ignored", -1, {}});
    for (std::size_t c = 0; c < m_attributes.size(); ++c) {
        auto column = buildColumn(c, result.warnings);
        if (!column)
            return column.error();
        if (auto added = result.table.addColumn(m_attributes[c].name, std::move(*column)); !added)
            return makeError(ErrorCode::BadData, added.error().message, m_file, m_attributes[c].line);
    }
    return result;
}

} // namespace

Result<ReadResult> readArffBuffer(std::string_view bytes, const std::string& displayName, const ReadOptions& options)
{
    std::string storage, encoding;
    Diagnostics warnings;
    auto text = decodeToUtf8(bytes, displayName, storage, encoding, warnings);
    if (!text)
        return text.error();
    ArffParser parser(displayName, options);
    auto result = parser.parse(*text);
    if (result) {
        result->encoding = encoding;
        result->warnings.insert(result->warnings.begin(), warnings.begin(), warnings.end());
    }
    return result;
}

} // namespace preplab::io
