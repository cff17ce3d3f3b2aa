#include "core/export/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace preplab::exporting {

namespace {

constexpr const char* kBeforeColour = "#9aa3ad";
constexpr const char* kAfterColour = "#2f6db5";

std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::vector<double> binCounts(const std::vector<double>& values, double lo, double width, int bins)
{
    std::vector<double> counts(static_cast<std::size_t>(bins), 0.0);
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        int b = width > 0 ? static_cast<int>((v - lo) / width) : 0;
        counts[static_cast<std::size_t>(std::clamp(b, 0, bins - 1))] += 1;
    }
    return counts;
}

} // namespace

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out.push_back(c);
        }
    }
    return out;
}

std::string shortNumber(double value, int digits)
{
    if (std::isnan(value))
        return "–";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
    return buf;
}

std::string svgHistogram(const std::vector<double>& before, const std::vector<double>& after, int bins, int width,
                         int height)
{
    double lo = INFINITY, hi = -INFINITY;
    for (const auto* sample : {&before, &after})
        for (double v : *sample)
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    std::string out = "<svg class=\"chart\" width=\"" + std::to_string(width) +
                      "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                      std::to_string(height) + "\" role=\"img\">";
    if (!(lo <= hi))
        return out + "<text x=\"4\" y=\"16\" class=\"axis\">no values</text></svg>";
    if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    const double binWidth = (hi - lo) / bins;
    const auto a = binCounts(before, lo, binWidth, bins);
    const auto b = binCounts(after, lo, binWidth, bins);
    const double top = std::max(*std::max_element(a.begin(), a.end()), b.empty() ? 0.0 : *std::max_element(b.begin(), b.end()));
    const double plotH = height - 18, barW = static_cast<double>(width) / bins;
    const bool two = !after.empty();
    for (int i = 0; i < bins; ++i) {
        const auto draw = [&](double count, double x, double w, const char* colour) {
            const double h = top > 0 ? count / top * (plotH - 4) : 0;
            out += "<rect x=\"" + num(x) + "\" y=\"" + num(plotH - h) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
                   "\" fill=\"" + colour + "\"/>";
        };
        const double x = i * barW;
        if (two) {
            draw(a[static_cast<std::size_t>(i)], x + 0.5, barW / 2 - 0.5, kBeforeColour);
            draw(b[static_cast<std::size_t>(i)], x + barW / 2, barW / 2 - 0.5, kAfterColour);
        } else {
            draw(a[static_cast<std::size_t>(i)], x + 0.5, barW - 1, kAfterColour);
        }
    }
    out += "<line x1=\"0\" y1=\"" + num(plotH) + "\" x2=\"" + std::to_string(width) + "\" y2=\"" + num(plotH) +
           "\" stroke=\"#555\" stroke-width=\"0.5\"/>";
    out += "<text x=\"0\" y=\"" + std::to_string(height - 3) + "\" class=\"axis\">" + htmlEscape(shortNumber(lo)) + "</text>";
    out += "<text x=\"" + std::to_string(width) + "\" y=\"" + std::to_string(height - 3) +
           "\" class=\"axis\" text-anchor=\"end\">" + htmlEscape(shortNumber(hi)) + "</text>";
    return out + "</svg>";
}

std::string svgBars(const std::vector<BarItem>& items, double maxValue, bool percent, int width)
{
    if (maxValue <= 0)
        for (const auto& it : items)
            maxValue = std::max({maxValue, it.value, it.after.value_or(0.0)});
    const int labelW = 150, noteW = 150, barArea = width - labelW - noteW;
    const int rowH = 30;
    const int height = static_cast<int>(items.size()) * rowH + 4;
    std::string out = "<svg class=\"chart\" width=\"" + std::to_string(width) +
                      "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                      std::to_string(height) + "\" role=\"img\">";
    const auto fmt = [&](double v) { return percent ? shortNumber(100 * v, 3) + "%" : shortNumber(v, 4); };
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& it = items[i];
        const double y = static_cast<double>(i) * rowH + 2;
        const bool two = it.after.has_value();
        const double h = two ? 12 : 20;
        const auto bar = [&](double v, double yy, const char* colour) {
            const double w = maxValue > 0 ? std::max(0.0, v) / maxValue * barArea : 0;
            out += "<rect x=\"" + std::to_string(labelW) + "\" y=\"" + num(yy) + "\" width=\"" + num(w) + "\" height=\"" +
                   num(h) + "\" fill=\"" + colour + "\"/>";
            out += "<text x=\"" + num(labelW + w + 4) + "\" y=\"" + num(yy + h - 2) + "\" class=\"value\">" +
                   htmlEscape(fmt(v)) + "</text>";
        };
        out += "<text x=\"" + std::to_string(labelW - 6) + "\" y=\"" + num(y + 16) + "\" class=\"label\" text-anchor=\"end\">" +
               htmlEscape(it.label.size() > 24 ? it.label.substr(0, 23) + "…" : it.label) + "</text>";
        bar(it.value, y, two ? kBeforeColour : kAfterColour);
        if (two)
            bar(*it.after, y + h + 1, kAfterColour);
        if (!it.note.empty())
            out += "<text x=\"" + std::to_string(width - 2) + "\" y=\"" + num(y + 16) +
                   "\" class=\"note\" text-anchor=\"end\">" + htmlEscape(it.note) + "</text>";
    }
    return out + "</svg>";
}

} // namespace preplab::exporting
