#include "core/io/csv_columns.h"

#include <algorithm>
#include <cstring>

namespace preplab::io {

namespace {

void appendArena(StringArena& dst, StringArena& src)
{
    const std::uint64_t base = dst.bytes.size();
    dst.bytes.append(src.bytes);
    dst.offsets.reserve(dst.offsets.size() + src.size());
    for (std::size_t i = 1; i < src.offsets.size(); ++i)
        dst.offsets.push_back(base + src.offsets[i]);
    src = StringArena();
}

// The strings of a dictionary-mode column as an arena (missing rows empty).
StringArena expandCodes(CsvColumn& col, std::size_t rows)
{
    StringArena arena;
    arena.offsets.reserve(std::max(col.valid.capacity(), rows) + 1);
    for (std::size_t r = 0; r < rows; ++r)
        arena.push(col.valid[r] ? std::string_view(col.categories[col.codes[r]]) : std::string_view());
    std::vector<std::int32_t>().swap(col.codes);
    std::vector<std::string>().swap(col.categories);
    std::unordered_map<std::string, std::int32_t>().swap(col.index);
    return arena;
}

void forcedWarning(const CsvColumn& column, Diagnostics& warnings)
{
    if (column.forcedFailures == 0 || !column.forced)
        return;
    warnings.push_back({Diagnostic::Severity::Warning,
                        std::to_string(column.forcedFailures) + " cell(s) of column '" + column.name +
                            "' could not be read as " + std::string(columnTypeName(*column.forced)) +
                            " and are missing (first: '" + column.firstFailure.substr(0, 40) + "')",
                        -1, column.name});
}

bool usesArena(const CsvColumn& c) { return c.kind == CellKind::Raw || (c.kind == CellKind::Strings && c.textMode); }
bool usesCodes(const CsvColumn& c) { return c.kind == CellKind::Strings && !c.textMode; }
constexpr std::size_t kMaxDictionary = 1000;

} // namespace

namespace {

std::uint64_t hashBytes(std::string_view s)
{
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h ^= w;
    h ^= h >> 33;  // murmur3's finaliser: every input bit reaches the low bits used as index
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}

} // namespace

std::int32_t LocalDictionary::code(std::string_view s)
{
    if (m_values.size() * 2 >= m_slots.size())
        grow();
    const std::uint64_t h = hashBytes(s);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        Slot& slot = m_slots[i];
        if (slot.code < 0) {
            const std::string& stored = m_values.emplace_back(s);
            slot.hash = h;
            slot.data = stored.data();
            slot.size = static_cast<std::uint32_t>(stored.size());
            slot.code = static_cast<std::int32_t>(m_values.size() - 1);
            return slot.code;
        }
        if (slot.hash == h && slot.size == s.size() && std::memcmp(slot.data, s.data(), s.size()) == 0)
            return slot.code;
    }
}

void LocalDictionary::grow()
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& slot : old) {
        if (slot.code < 0)
            continue;
        std::size_t i = slot.hash & mask;
        while (m_slots[i].code >= 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

void IssueList::add(std::int64_t line, std::string message, std::size_t cap)
{
    if (kept.size() < cap)
        kept.push_back({Diagnostic::Severity::Warning, std::move(message), line, {}});
    ++total;
    lastLine = std::max(lastLine, line);
}

void IssueList::merge(IssueList&& other, std::size_t cap)
{
    for (auto& d : other.kept)
        if (kept.size() < cap)
            kept.push_back(std::move(d));
    total += other.total;
    lastLine = std::max(lastLine, other.lastLine);
}

CellKind chooseKind(const std::vector<std::string_view>& cells, const InferOptions& options,
                    std::optional<ColumnType> forced, bool& hasTime)
{
    hasTime = false;
    if (forced) {
        switch (*forced) {
        case ColumnType::Integer: return CellKind::Integer;
        case ColumnType::Numeric: return CellKind::Numeric;
        case ColumnType::Boolean: return CellKind::Boolean;
        case ColumnType::Datetime: return CellKind::Datetime;
        default: return CellKind::Strings;
        }
    }
    NaMatcher isMissing(options.naMarkers);
    if (std::all_of(cells.begin(), cells.end(), [&](std::string_view c) { return isMissing(c); }))
        return CellKind::Raw;
    switch (inferType(cells, options, &hasTime)) {
    case ColumnType::Integer: return CellKind::Integer;
    case ColumnType::Numeric: return CellKind::Numeric;
    case ColumnType::Boolean: return CellKind::Boolean;
    case ColumnType::Datetime: return CellKind::Datetime;
    default: return CellKind::Strings;
    }
}

void reserveColumns(std::vector<CsvColumn>& columns, std::size_t rows)
{
    for (auto& c : columns) {
        if (c.kind == CellKind::Deferred)
            continue;
        c.valid.reserve(rows);
        if (c.kind == CellKind::Numeric)
            c.doubles.reserve(rows);
        else if (usesCodes(c))
            c.codes.reserve(rows);
        else if (usesArena(c))
            c.text.offsets.reserve(rows + 1);
        else if (c.kind == CellKind::Boolean)
            c.bools.reserve(rows);
        else
            c.ints.reserve(rows);
    }
}

void resizeColumns(std::vector<CsvColumn>& columns, std::size_t rows)
{
    for (auto& c : columns) {
        if (c.kind == CellKind::Deferred)
            continue;
        c.valid.resize(rows, 0);
        if (c.kind == CellKind::Numeric)
            c.doubles.resize(rows, 0.0);
        else if (usesCodes(c))
            c.codes.resize(rows, 0);
        else if (c.kind == CellKind::Boolean)
            c.bools.resize(rows, 0);
        else if (!usesArena(c))
            c.ints.resize(rows, 0);
    }
}

void parseBlock(const char* data, const CsvRow* rows, std::size_t count, std::size_t firstRow,
                std::vector<CsvColumn>& columns, const ParseSettings& settings, BlockResult& out)
{
    const std::size_t ncols = columns.size();
    out.arenas.assign(ncols, StringArena{});
    out.dictionaries.assign(ncols, LocalDictionary{});
    out.failed.assign(ncols, 0);
    out.forcedFailures.assign(ncols, 0);
    out.firstFailure.assign(ncols, std::string());
    out.hasTime.assign(ncols, 0);
    for (std::size_t c = 0; c < ncols; ++c)
        if (usesArena(columns[c]))
            out.arenas[c].offsets.reserve(count + 1);
    const NaMatcher isMissing(settings.infer.naMarkers);
    const bool comma = settings.infer.decimalComma;
    std::string scratch;
    std::size_t r = firstRow;

    auto onField = [&](std::size_t c, std::string_view f) {
        if (c >= ncols) {
            if (settings.collectIssues)
                out.extras.push_back({r, c, std::string(f)});
            return;
        }
        CsvColumn& col = columns[c];
        if (out.failed[c])
            return;
        if (col.kind == CellKind::Raw) {
            col.valid[r] = 1;
            out.arenas[c].push(f);
            return;
        }
        if (col.kind == CellKind::Deferred)
            return;
        if (isMissing(f)) {
            if (usesArena(col))
                out.arenas[c].push({});
            return;
        }
        bool ok = true;
        switch (col.kind) {
        case CellKind::Integer: ok = parseInt64(f, col.ints[r]); break;
        case CellKind::Numeric: ok = parseDouble(f, col.doubles[r], comma); break;
        case CellKind::Boolean: {
            bool b = false;
            ok = parseBool(f, b);
            col.bools[r] = b;
            break;
        }
        case CellKind::Datetime: {
            bool t = false;
            ok = parseDatetime(f, col.ints[r], t);
            out.hasTime[c] |= t;
            break;
        }
        default:
            if (col.textMode) {
                out.arenas[c].push(f);
            } else {
                col.codes[r] = out.dictionaries[c].code(f);
            }
            break;
        }
        if (ok) {
            col.valid[r] = 1;
        } else if (col.forced) {
            if (out.forcedFailures[c]++ == 0)
                out.firstFailure[c] = std::string(f);
        } else {
            out.failed[c] = 1;
        }
    };

    for (std::size_t i = 0; i < count; ++i, ++r) {
        const CsvRow& row = rows[i];
        std::size_t fields = 0;
        unsigned issues = splitRow(data + row.begin, data + row.end, settings.delimiter, scratch,
                                   [&](std::size_t c, std::string_view f) {
                                       fields = c + 1;
                                       onField(c, f);
                                   });
        for (std::size_t c = fields; c < ncols; ++c)
            if (usesArena(columns[c]))
                out.arenas[c].push({});
        if (!settings.collectIssues)
            continue;
        if (fields < ncols)
            out.issues[ShortRow].add(row.line, std::to_string(fields) + " field(s) where the header has " +
                                                   std::to_string(ncols) + ": the missing ones are missing values");
        else if (fields > ncols)
            out.issues[LongRow].add(row.line, std::to_string(fields) + " fields where the header has " +
                                                  std::to_string(ncols) + ": the extra ones are kept in extra_ columns");
        if (issues & StrayQuote)
            out.issues[StrayQuoteIssue].add(row.line, "a quote inside an unquoted field is kept as an ordinary character");
        if (issues & TextAfterQuote)
            out.issues[TextAfterQuoteIssue].add(row.line, "text after a closing quote is kept as part of the field");
    }
}

void absorbBlock(std::vector<CsvColumn>& columns, BlockResult& block, std::size_t firstRow, std::size_t count,
                 std::vector<std::uint8_t>& failed)
{
    for (std::size_t c = 0; c < columns.size(); ++c) {
        CsvColumn& col = columns[c];
        if (usesArena(col)) {
            appendArena(col.text, block.arenas[c]);
        } else if (usesCodes(col)) {
            // Block-local codes -> column codes, new values in order of first appearance.
            const LocalDictionary& d = block.dictionaries[c];
            std::vector<std::int32_t> remap(d.values().size());
            for (std::size_t k = 0; k < remap.size(); ++k) {
                const std::string& v = d.values()[k];
                auto [it, inserted] = col.index.emplace(v, static_cast<std::int32_t>(col.categories.size()));
                if (inserted)
                    col.categories.push_back(v);
                remap[k] = it->second;
            }
            for (std::size_t r = firstRow; r < firstRow + count; ++r)
                col.codes[r] = col.valid[r] ? remap[static_cast<std::size_t>(col.codes[r])] : 0;
        }
        failed[c] |= block.failed[c];
        if (block.forcedFailures[c] > 0 && col.forcedFailures == 0)
            col.firstFailure = block.firstFailure[c];
        col.forcedFailures += block.forcedFailures[c];
        col.hasTime = col.hasTime || block.hasTime[c];
    }
}

void switchLargeDictionaries(std::vector<CsvColumn>& columns)
{
    for (auto& col : columns) {
        if (usesCodes(col) && col.forced != ColumnType::Categorical && col.categories.size() > kMaxDictionary) {
            col.text = expandCodes(col, col.codes.size());
            col.textMode = true;
        }
    }
}

void promoteColumn(std::vector<CsvColumn>& columns, std::size_t c, const char* data, const CsvRow* rows,
                   std::size_t count, std::size_t firstRow, const ParseSettings& settings)
{
    CsvColumn& col = columns[c];
    const NaMatcher isMissing(settings.infer.naMarkers);
    bool numbers = col.kind == CellKind::Integer;
    std::vector<double> values(count, 0.0);
    Column::Mask valid(count, 0);
    std::string scratch;
    for (std::size_t i = 0; i < count && numbers; ++i) {
        splitRow(data + rows[i].begin, data + rows[i].end, settings.delimiter, scratch,
                 [&](std::size_t k, std::string_view f) {
                     if (k != c || isMissing(f))
                         return;
                     valid[i] = 1;
                     numbers = numbers && parseDouble(f, values[i], settings.infer.decimalComma);
                 });
    }
    if (numbers) {
        std::vector<double> doubles;
        doubles.reserve(std::max(col.ints.capacity(), firstRow + count));
        for (std::size_t i = 0; i < firstRow; ++i)
            doubles.push_back(static_cast<double>(col.ints[i]));
        doubles.insert(doubles.end(), values.begin(), values.end());
        std::vector<std::int64_t>().swap(col.ints);
        col.doubles = std::move(doubles);
        std::copy(valid.begin(), valid.end(), col.valid.begin() + static_cast<std::ptrdiff_t>(firstRow));
        col.kind = CellKind::Numeric;
        return;
    }
    col.kind = CellKind::Deferred;
    std::vector<std::int64_t>().swap(col.ints);
    std::vector<std::uint8_t>().swap(col.bools);
    std::vector<double>().swap(col.doubles);
    Column::Mask().swap(col.valid);
    col.text = StringArena();
    std::vector<std::int32_t>().swap(col.codes);
}

ColumnPtr finishColumn(CsvColumn& column, const InferOptions& options, Diagnostics& warnings)
{
    forcedWarning(column, warnings);
    switch (column.kind) {
    case CellKind::Integer: return Column::makeInteger(std::move(column.ints), std::move(column.valid));
    case CellKind::Numeric: return Column::makeNumeric(std::move(column.doubles), std::move(column.valid));
    case CellKind::Boolean: return Column::makeBoolean(std::move(column.bools), std::move(column.valid));
    case CellKind::Datetime:
        return Column::makeDatetime(std::move(column.ints), std::move(column.valid), column.hasTime);
    case CellKind::Strings: {
        if (column.textMode)
            return stringColumn(std::move(column.text), std::move(column.valid), column.forced);
        std::size_t present = static_cast<std::size_t>(std::count(column.valid.begin(), column.valid.end(), 1));
        if (column.forced == ColumnType::Categorical ||
            (column.forced != ColumnType::Text && looksCategorical(column.categories.size(), present)))
            return Column::makeCategorical(std::move(column.codes), std::move(column.categories),
                                           std::move(column.valid));
        StringArena arena = expandCodes(column, column.codes.size());
        return Column::makeText(std::move(arena), std::move(column.valid));
    }
    default: {
        StringArena arena = std::move(column.text);
        std::vector<std::string_view> cells(arena.size());
        for (std::size_t i = 0; i < cells.size(); ++i)
            cells[i] = arena.at(i);
        return inferColumn(cells, options, column.forced, column.name, &warnings, &column.valid);
    }
    }
}

} // namespace preplab::io
