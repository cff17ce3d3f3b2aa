#include "core/stats/duplicate_rows.h"

#include "core/stats/radix_sort.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>

namespace preplab::stats {

namespace {

constexpr std::uint64_t kMissingHash = 0x6a09e667f3bcc908ull;

std::uint64_t mix(std::uint64_t h)
{
    // MurmurHash3's 64-bit finaliser.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

bool cellMissing(const Column& c, std::size_t i)
{
    return !c.isValid(i) || (c.type() == ColumnType::Numeric && std::isnan(c.doubles()[i]));
}

std::uint64_t cellHash(const Column& c, std::size_t i)
{
    if (cellMissing(c, i))
        return kMissingHash;
    switch (c.type()) {
    case ColumnType::Numeric: {
        const double v = c.doubles()[i];
        return mix(std::bit_cast<std::uint64_t>(v == 0.0 ? 0.0 : v));
    }
    case ColumnType::Categorical:
    case ColumnType::Text: return std::hash<std::string_view>{}(c.text(i));
    default: return mix(static_cast<std::uint64_t>(c.integer(i)));
    }
}

bool cellsEqual(const Column& c, std::size_t a, std::size_t b)
{
    const bool ma = cellMissing(c, a), mb = cellMissing(c, b);
    if (ma || mb)
        return ma && mb;
    switch (c.type()) {
    case ColumnType::Numeric: return c.doubles()[a] == c.doubles()[b];
    case ColumnType::Categorical: return c.codes()[a] == c.codes()[b] || c.text(a) == c.text(b);
    case ColumnType::Text: return c.text(a) == c.text(b);
    default: return c.integer(a) == c.integer(b);
    }
}

bool rowsEqual(const Table& t, std::size_t a, std::size_t b)
{
    for (std::size_t c = 0; c < t.columnCount(); ++c)
        if (!cellsEqual(t.column(c), a, b))
            return false;
    return true;
}

} // namespace

std::vector<bool> duplicatedRows(const Table& table)
{
    const std::size_t rows = table.rowCount();
    std::vector<bool> duplicated(rows, false);
    if (rows < 2 || table.columnCount() == 0) {
        // Without columns every row equals the first one.
        for (std::size_t i = 1; i < rows && table.columnCount() == 0; ++i)
            duplicated[i] = true;
        return duplicated;
    }
    // A category hashes as its text, so two codes with the same text (should a dictionary repeat
    // a value) still match.
    std::vector<std::vector<std::uint64_t>> categoryHashes(table.columnCount());
    for (std::size_t c = 0; c < table.columnCount(); ++c)
        for (const auto& category : table.column(c).categories())
            categoryHashes[c].push_back(std::hash<std::string_view>{}(category));
    // One 64-bit key a row (8 bytes, not a hash and a row number side by side): the row's hash in
    // the high bits, its row number in the low ones. Sorting the keys groups rows whose hashes
    // share the high bits, each group in table order.
    const int rowBits = std::max(1, static_cast<int>(std::bit_width(rows - 1)));
    const std::uint64_t rowMask = (std::uint64_t{1} << rowBits) - 1;
    std::vector<std::uint64_t> keys(rows);
    parallelFor(rows, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            keys[i] = 0x243f6a8885a308d3ull;
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            const Column& col = table.column(c);
            const bool categorical = col.type() == ColumnType::Categorical;
            for (std::size_t i = begin; i < end; ++i) {
                const std::uint64_t cell = categorical && col.isValid(i)
                                               ? categoryHashes[c][static_cast<std::size_t>(col.codes()[i])]
                                               : cellHash(col, i);
                keys[i] = mix(keys[i] * 31 + cell);
            }
        }
        for (std::size_t i = begin; i < end; ++i)
            keys[i] = (keys[i] & ~rowMask) | i;
    });
    radixSort(keys, [](std::uint64_t k) { return k; });
    // Rows of a group are compared cell by cell: a shared hash prefix never counts as a duplicate.
    std::vector<std::uint64_t> kept;
    for (std::size_t g = 0; g < rows;) {
        std::size_t e = g + 1;
        while (e < rows && (keys[e] & ~rowMask) == (keys[g] & ~rowMask))
            ++e;
        if (e - g > 1) {
            kept.clear();
            for (std::size_t i = g; i < e; ++i) {
                const std::uint64_t row = keys[i] & rowMask;
                const bool same = std::any_of(kept.begin(), kept.end(),
                                              [&](std::uint64_t k) { return rowsEqual(table, k, row); });
                if (same)
                    duplicated[row] = true;
                else
                    kept.push_back(row);
            }
        }
        g = e;
    }
    return duplicated;
}

std::int64_t countDuplicateRows(const Table& table)
{
    const auto flags = duplicatedRows(table);
    return std::count(flags.begin(), flags.end(), true);
}

} // namespace preplab::stats
