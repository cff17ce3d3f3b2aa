#include "core/ops/column_diff.h"

#include "core/ops/op.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace preplab::ops {

namespace {

// Runs differs(j, i) over the rows of `after`, j the row of `before` it came from.
template <class Differs>
std::size_t markRows(std::size_t rows, std::size_t beforeRows, const std::size_t* source, std::uint8_t* out,
                     Differs differs)
{
    std::size_t count = 0;
    if (!source) {
        for (std::size_t i = 0, end = std::min(rows, beforeRows); i < end; ++i) {
            const bool d = differs(i, i);
            out[i] = d;
            count += d;
        }
        return count;
    }
    for (std::size_t i = 0; i < rows; ++i) {
        const std::size_t j = source[i];
        if (j == kNewRow || j >= beforeRows)
            continue;
        const bool d = differs(j, i);
        out[i] = d;
        count += d;
    }
    return count;
}

// Whether Integer value v prints as the same text as Numeric value x (Column::format of each).
bool sameIntegerText(std::int64_t v, double x)
{
    constexpr double kExact = 9007199254740992.0;  // 2^53: every integer below is a double
    if (std::abs(static_cast<double>(v)) < kExact && static_cast<double>(v) != x)
        return false;  // a different value: its shortest round-trip text cannot be v's digits
    char a[32], b[64];
    const auto ea = std::to_chars(a, a + sizeof a, v).ptr;
    if (!std::isfinite(x))
        return false;
    const auto eb = std::to_chars(b, b + sizeof b, x).ptr;
    return ea - a == eb - b && std::memcmp(a, b, static_cast<std::size_t>(ea - a)) == 0;
}

} // namespace

std::size_t markChangedCells(const Column& before, const Column& after, const std::size_t* source,
                             std::vector<std::uint8_t>& changedRows)
{
    const std::size_t rows = after.size();
    changedRows.assign(rows, 0);
    std::uint8_t* out = changedRows.data();
    const std::uint8_t* vb = before.validMask().empty() ? nullptr : before.validMask().data();
    const std::uint8_t* va = after.validMask().empty() ? nullptr : after.validMask().data();
    // Both present: 1; only one: 2 (differs); neither: 0 (same).
    auto presence = [vb, va](std::size_t j, std::size_t i) {
        const bool b = !vb || vb[j], a = !va || va[i];
        return b && a ? 1 : b != a ? 2 : 0;
    };
    const ColumnType tb = before.type(), ta = after.type();
    if (tb == ta && ta == ColumnType::Numeric) {
        const double* x = before.doubles().data();
        const double* y = after.doubles().data();
        return markRows(rows, before.size(), source, out, [&](std::size_t j, std::size_t i) {
            const bool b = !vb || vb[j], a = !va || va[i];
            const double p = x[j], q = y[i];
            const bool same = p == q || (std::isnan(p) && std::isnan(q));
            return b != a || (b && !same);
        });
    }
    if (tb == ta && ta == ColumnType::Boolean) {
        const std::uint8_t* x = before.bools().data();
        const std::uint8_t* y = after.bools().data();
        return markRows(rows, before.size(), source, out, [&](std::size_t j, std::size_t i) {
            const bool b = !vb || vb[j], a = !va || va[i];
            return b != a || (b && x[j] != y[i]);
        });
    }
    if (tb == ta && ta != ColumnType::Categorical && ta != ColumnType::Text) {  // Integer, Datetime
        return before.withNumbers([&](const auto* x) {
            return after.withNumbers([&](const auto* y) {
                return markRows(rows, before.size(), source, out, [&](std::size_t j, std::size_t i) {
                    const bool b = !vb || vb[j], a = !va || va[i];
                    return b != a || (b && static_cast<std::int64_t>(x[j]) != static_cast<std::int64_t>(y[i]));
                });
            });
        });
    }
    if (tb == ta && ta == ColumnType::Categorical) {
        // Equal text <=> equal canonical code (the first after-category with that text).
        std::unordered_map<std::string_view, std::int32_t> index;
        const auto& ca = after.categories();
        std::vector<std::int32_t> canonical(ca.size());
        for (std::size_t c = 0; c < ca.size(); ++c)
            canonical[c] = index.emplace(ca[c], static_cast<std::int32_t>(c)).first->second;
        const auto& cb = before.categories();
        std::vector<std::int32_t> mapped(cb.size());
        for (std::size_t c = 0; c < cb.size(); ++c) {
            auto it = index.find(cb[c]);
            mapped[c] = it == index.end() ? -1 : it->second;
        }
        const std::int32_t* x = before.codes().data();
        const std::int32_t* y = after.codes().data();
        return markRows(rows, before.size(), source, out, [&](std::size_t j, std::size_t i) {
            const int p = presence(j, i);
            return p == 2 || (p == 1 && mapped[static_cast<std::size_t>(x[j])] != canonical[static_cast<std::size_t>(y[i])]);
        });
    }
    if (tb == ta) {  // Text
        return markRows(rows, before.size(), source, out, [&](std::size_t j, std::size_t i) {
            const int p = presence(j, i);
            return p == 2 || (p == 1 && before.text(j) != after.text(i));
        });
    }
    if (tb == ColumnType::Integer && ta == ColumnType::Numeric) {
        const double* y = after.doubles().data();
        return before.withNumbers([&](const auto* x) {
            return markRows(rows, before.size(), source, out, [&](std::size_t j, std::size_t i) {
                const int p = presence(j, i);
                return p == 2 || (p == 1 && !sameIntegerText(static_cast<std::int64_t>(x[j]), y[i]));
            });
        });
    }
    return markRows(rows, before.size(), source, out, [&](std::size_t j, std::size_t i) {
        const int p = presence(j, i);
        return p == 2 || (p == 1 && before.format(j) != after.format(i));
    });
}

} // namespace preplab::ops
