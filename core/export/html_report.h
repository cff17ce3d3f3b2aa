// HtmlReport: the self-contained report of `preplab-cli report RECIPE DATA -o OUT.html`: the
// profile of the data, every recipe step's before/after (its sentence, fitted parameters, changed
// cells, before -> after summary statistics and a before/after histogram per changed numeric
// column), and, when the recipe names a target, the bias figures before and after the recipe
// (class balance, positive rate per group of each categorical column with at most 10 levels).
// One HTML file with inline CSS and inline SVG: no scripts, no external resources, printable.
#pragma once

#include "core/pipeline/pipeline.h"
#include "core/pipeline/recipe.h"
#include "core/table/table.h"
#include "core/util/result.h"

#include <string>

namespace preplab::exporting {

struct HtmlReportOptions {
    std::string dataName;    // shown in the title (the DATA argument)
    std::string recipeName;  // the RECIPE argument
    int maxGroupLevels = 10; // categorical columns with at most this many levels get bias figures
};

// Runs `recipe` on `source` and renders the report. Errors are the recipe's (step and field).
Result<std::string> renderHtmlReport(const Table& source, const pipeline::Recipe& recipe,
                                     const HtmlReportOptions& options = {});

// renderHtmlReport() written to `path` through a temporary file and a rename: a failure leaves no
// file (and an existing file untouched).
Result<void> writeHtmlReport(const Table& source, const pipeline::Recipe& recipe, const std::string& path,
                             const HtmlReportOptions& options = {});

} // namespace preplab::exporting
