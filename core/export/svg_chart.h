// SvgChart: small inline SVG charts for the HTML report (html_report.h): a before/after histogram
// on shared bins and axes, and horizontal bars with an optional second (after) series. Plain
// strings, no external resources, printable (no scripts, fixed sizes in CSS pixels).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::exporting {

// Text with &, <, >, " and ' escaped for HTML/SVG.
std::string htmlEscape(std::string_view text);

// Compact number text for charts and tables: up to `digits` significant digits.
std::string shortNumber(double value, int digits = 4);

// Histogram of `before` (grey) and `after` (blue) finite values on the same `bins` equal-width bins
// spanning both samples, so a shift or a squeeze is visible; empty `after` draws one series.
std::string svgHistogram(const std::vector<double>& before, const std::vector<double>& after, int bins = 20,
                         int width = 320, int height = 120);

struct BarItem {
    std::string label;
    double value = 0;                  // the bar length
    std::optional<double> after;       // a second bar under it (after the recipe)
    std::string note;                  // text right of the bar ("n = 146")
};

// Horizontal bars scaled to `maxValue` (0 = the largest value), values printed with `percent`.
std::string svgBars(const std::vector<BarItem>& items, double maxValue = 0, bool percent = false, int width = 520);

} // namespace preplab::exporting
