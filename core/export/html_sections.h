// The sections of the HTML report (html_report.h), each a self-contained HTML fragment.
#pragma once

#include "core/pipeline/pipeline.h"
#include "core/profile/profile.h"
#include "core/table/table.h"

#include <string>

namespace preplab::exporting {

// Column table (type, missing, distinct, summary statistics, histogram or top values) and alerts.
std::string profileSection(const profile::TableProfile& profile);

// One card per recipe step: sentence, fitted parameters and where they were fitted, rows and
// columns added/removed, changed cells with before -> after statistics, before/after histograms.
std::string stepsSection(const pipeline::Pipeline& pipeline);

// Class balance of `target` and the positive rate per group of each categorical or boolean column
// with at most `maxLevels` levels, before and after the recipe.
std::string biasSection(const Table& before, const Table& after, const std::string& target, int maxLevels);

// Finite present values of a column as doubles (numbers, booleans 0/1, datetimes in ms).
std::vector<double> presentNumbers(const Column& column);

} // namespace preplab::exporting
