// closestName: the "did you mean" suggestion of error messages about a misspelt column, field or op.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace preplab {

// The candidate equal to `name` ignoring case, else the closest one within edit distance 2
// (Levenshtein), else one that starts with `name` or that `name` starts with, else empty.
std::string closestName(std::string_view name, const std::vector<std::string>& candidates);

} // namespace preplab
