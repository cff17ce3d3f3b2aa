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
    default: return mix(static_cast<std::uint64_t>(c.ints()[i]));
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
    default: return c.ints()[a] == c.ints()[b];
    }
}

bool rowsEqual(const Table& t, std::size_t a, std::size_t b)
{
    for (std::size_t c = 0; c < t.columnCount(); ++c)
        if (!cellsEqual(t.column(c), a, b))
            return false;
    return true;
}

struct HashedRow {
    std::uint64_t hash;
    std::uint64_t row;
};

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
    std::vector<HashedRow> hashed(rows);
    parallelFor(rows, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            hashed[i] = {0x243f6a8885a308d3ull, i};
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            const Column& col = table.column(c);
            const bool categorical = col.type() == ColumnType::Categorical;
            for (std::size_t i = begin; i < end; ++i) {
                const std::uint64_t cell = categorical && col.isValid(i)
                                               ? categoryHashes[c][static_cast<std::size_t>(col.codes()[i])]
                                               : cellHash(col, i);
                hashed[i].hash = mix(hashed[i].hash * 31 + cell);
            }
        }
    });
    // Stable sort: within a hash group rows stay in table order, so the first of each set of equal
    // rows is the one that is kept.
    radixSort(hashed, [](const HashedRow& r) { return r.hash; });
    std::vector<std::uint64_t> kept;
    for (std::size_t g = 0; g < rows;) {
        std::size_t e = g + 1;
        while (e < rows && hashed[e].hash == hashed[g].hash)
            ++e;
        if (e - g > 1) {
            kept.clear();
            for (std::size_t i = g; i < e; ++i) {
                const std::uint64_t row = hashed[i].row;
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
