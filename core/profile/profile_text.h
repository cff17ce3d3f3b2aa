// profileToText: the human-readable report of `preplab-cli profile` (without --json): one aligned
// table with a row per column (type, counts, describe() figures, skewness), the most frequent
// values of categorical, boolean and low-cardinality columns, the reader's warnings, and every
// alert with the sentence that says why it matters.
#pragma once

#include "core/profile/profile.h"
#include "core/util/diagnostic.h"

#include <string>

namespace preplab::profile {

std::string profileToText(const TableProfile& profile, const Diagnostics& warnings = {});

} // namespace preplab::profile
