// Value frequencies: how many distinct values a column holds and which are the most frequent
// (pandas Series.nunique() and Series.value_counts()). Missing values are not counted.
// Order of the top values: count descending, then value ascending (numbers numerically, strings
// bytewise), so the list is deterministic where pandas leaves ties in hash order.
#pragma once

#include "core/table/column.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::stats {

struct NumberCount {
    double value = 0.0;
    std::int64_t count = 0;
};

struct NumberFrequencies {
    std::int64_t distinct = 0;
    std::vector<NumberCount> top;  // at most topK
    NumberCount least;             // the least frequent value (ties: the largest such value)
};

// From ascending-sorted values (no NaN; -0.0 already folded into 0.0, see sortValues).
NumberFrequencies numberFrequenciesSorted(std::span<const double> sorted, std::size_t topK);

struct TextCount {
    std::string value;
    std::int64_t count = 0;
};

struct TextFrequencies {
    std::int64_t distinct = 0;
    std::vector<TextCount> top;  // at most topK
    TextCount least;             // the least frequent value (ties: the bytewise largest)
    std::int64_t numberLike = 0;  // present values that read as a number (see looksLikeNumber)
};

// For a Categorical or Text column (distinct counts the categories in use, not the dictionary).
TextFrequencies textFrequencies(const Column& column, std::size_t topK);

// True when s (spaces around allowed) is a decimal or scientific number such as "12", "-3.5",
// "+1e-3", ".5", "inf": the values that make a text column a "mixed types" column.
bool looksLikeNumber(std::string_view s);

} // namespace preplab::stats
