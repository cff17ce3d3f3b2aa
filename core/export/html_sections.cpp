#include "core/export/html_sections.h"

#include "core/bias/diagnosis.h"
#include "core/export/svg_chart.h"

#include <cmath>
#include <map>

namespace preplab::exporting {

namespace {

std::string cell(const std::optional<double>& v) { return v ? htmlEscape(shortNumber(*v, 5)) : "–"; }

std::string summaryCells(const ops::ColumnSummary& s)
{
    return "<td>" + (s.distinct >= 0 ? std::to_string(s.distinct) : std::string("–")) + "</td><td>" + std::to_string(s.count) + "</td><td>" + std::to_string(s.missing) + "</td><td>" + cell(s.mean) +
           "</td><td>" + cell(s.std) + "</td><td>" + cell(s.min) + "</td><td>" + cell(s.max) + "</td>";
}

std::string jsonBlock(const nlohmann::json& j)
{
    std::string text = j.dump(2);
    if (text.size() > 4000)
        text = text.substr(0, 4000) + "\n…";
    return "<pre>" + htmlEscape(text) + "</pre>";
}

} // namespace

std::vector<double> presentNumbers(const Column& column)
{
    std::vector<double> out;
    if (!hasNumberValue(column.type()))
        return out;
    const auto values = column.toDoubles();
    for (std::size_t i = 0; i < values.size(); ++i)
        if (column.isValid(i) && std::isfinite(values[i]))
            out.push_back(values[i]);
    return out;
}

std::string profileSection(const profile::TableProfile& p)
{
    std::string html = "<h2>Profile of the data</h2>\n<p class=\"meta\">" + std::to_string(p.rows) + " rows, " +
                       std::to_string(p.columns.size()) + " columns, " + std::to_string(p.duplicateRows) +
                       " duplicate rows.</p>\n<table>\n<tr><th class=\"l\">column</th><th class=\"l\">type</th>"
                       "<th>missing</th><th>distinct</th><th>mean</th><th>std</th><th>min</th><th>median</th>"
                       "<th>max</th><th class=\"l\">distribution / top values</th></tr>\n";
    for (const auto& c : p.columns) {
        std::string shape;
        if (!c.histogram.counts.empty()) {
            // The profile's histogram drawn as counts on its own edges.
            std::vector<double> mids;
            for (std::size_t b = 0; b < c.histogram.counts.size(); ++b)
                for (std::int64_t k = 0; k < c.histogram.counts[b]; ++k)
                    mids.push_back((c.histogram.edges[b] + c.histogram.edges[b + 1]) / 2);
            shape = svgHistogram(mids, {}, static_cast<int>(c.histogram.counts.size()), 160, 48);
        } else {
            for (std::size_t k = 0; k < c.top.size() && k < 4; ++k)
                shape += (k ? ", " : "") + htmlEscape(c.top[k].value) + " (" + std::to_string(c.top[k].count) + ")";
        }
        html += "<tr><td class=\"l\"><b>" + htmlEscape(c.name) + "</b></td><td class=\"l\">" +
                std::string(columnTypeName(c.type)) + "</td><td>" + std::to_string(c.missing) + "</td><td>" +
                std::to_string(c.distinct) + "</td><td>" + cell(c.mean) + "</td><td>" + cell(c.std) + "</td><td>" +
                cell(c.min) + "</td><td>" + cell(c.median) + "</td><td>" + cell(c.max) + "</td><td class=\"l\">" + shape +
                "</td></tr>\n";
    }
    html += "</table>\n";
    if (!p.alerts.empty()) {
        html += "<h3>Data-quality alerts</h3>\n<ul class=\"alerts\">\n";
        for (const auto& a : p.alerts)
            html += "<li><b>" + htmlEscape(a.column.empty() ? "table" : a.column) + "</b> — " + htmlEscape(a.kind) + ": " +
                    htmlEscape(a.message) + (a.why.empty() ? "" : " <span class=\"meta\">" + htmlEscape(a.why) + "</span>") +
                    "</li>\n";
        html += "</ul>\n";
    }
    return html;
}

std::string stepsSection(const pipeline::Pipeline& pipeline)
{
    std::string html = "<h2>Recipe steps</h2>\n";
    if (pipeline.completedSteps() == 0)
        return html + "<p class=\"meta\">The recipe has no steps.</p>\n";
    for (std::size_t i = 0; i < pipeline.completedSteps(); ++i) {
        const auto& state = pipeline.step(i);
        const auto& r = state.report;
        html += "<section class=\"step\">\n<h3>Step " + std::to_string(i + 1) + " · " + htmlEscape(r.op) + "</h3>\n";
        if (!r.ran) {
            html += "<p class=\"sentence off\">Disabled: this step did not run.</p>\n</section>\n";
            continue;
        }
        html += "<p class=\"sentence\">" + htmlEscape(r.description) + "</p>\n<p class=\"meta\">Rows " +
                std::to_string(r.rowsBefore) + " → " + std::to_string(r.rowsAfter) + "; " +
                std::to_string(r.changedCells()) + " cell" + (r.changedCells() == 1 ? "" : "s") + " changed";
        if (!r.fittedOn.empty())
            html += "; fitted on " + htmlEscape(r.fittedOn) + " (" + std::to_string(r.fitRowCount) + " rows)";
        if (!r.columnsAdded.empty()) {
            html += "; columns added:";
            for (const auto& c : r.columnsAdded)
                html += " " + htmlEscape(c);
        }
        if (!r.columnsRemoved.empty()) {
            html += "; columns removed:";
            for (const auto& c : r.columnsRemoved)
                html += " " + htmlEscape(c);
        }
        html += ".</p>\n";
        for (const auto& w : r.warnings)
            html += "<p class=\"warn\">Warning: " + htmlEscape(w.message) + "</p>\n";
        if (!r.fitted.is_null())
            html += "<details open><summary class=\"meta\">Fitted parameters</summary>" + jsonBlock(r.fitted) + "</details>\n";
        if (!r.changed.empty()) {
            html += "<table>\n<tr><th class=\"l\">column</th><th>changed</th><th class=\"l\"></th><th>distinct</th>"
                    "<th>count</th><th>missing</th><th>mean</th><th>std</th><th>min</th><th>max</th></tr>\n";
            for (const auto& c : r.changed) {
                html += "<tr><td class=\"l\" rowspan=\"2\"><b>" + htmlEscape(c.column) + "</b></td><td rowspan=\"2\">" +
                        std::to_string(c.changedCells) + "</td><td class=\"l meta\">before</td>" + summaryCells(c.before) +
                        "</tr>\n<tr><td class=\"l meta\">after</td>" + summaryCells(c.after) + "</tr>\n";
            }
            html += "</table>\n<div class=\"charts\">\n";
            std::map<std::string, std::string> oldName;
            for (const auto& [from, to] : r.renamed)
                oldName[to] = from;
            const Table& before = pipeline.inputOf(i);
            for (const auto& c : r.changed) {
                const std::string from = oldName.count(c.column) ? oldName[c.column] : c.column;
                const Column* a = before.find(from);
                const Column* b = state.table.find(c.column);
                if (!a || !b || !hasNumberValue(a->type()) || !hasNumberValue(b->type()))
                    continue;
                html += "<figure>" + svgHistogram(presentNumbers(*a), presentNumbers(*b)) + "<figcaption>" +
                        htmlEscape(c.column) + ": before (grey) and after (blue)</figcaption></figure>\n";
            }
            html += "</div>\n";
        }
        if (!r.addedSummaries.empty()) {
            html += "<table>\n<tr><th class=\"l\">new column</th><th>distinct</th><th>count</th><th>missing</th><th>mean</th><th>std</th>"
                    "<th>min</th><th>max</th></tr>\n";
            for (const auto& s : r.addedSummaries)
                html += "<tr><td class=\"l\"><b>" + htmlEscape(s.name) + "</b></td>" + summaryCells(s) + "</tr>\n";
            html += "</table>\n";
        }
        html += "</section>\n";
    }
    return html;
}

std::string biasSection(const Table& before, const Table& after, const std::string& target, int maxLevels)
{
    std::string html = "<h2>Bias and balance</h2>\n";
    if (!before.find(target))
        return html + "<p class=\"warn\">The data has no target column \"" + htmlEscape(target) + "\".</p>\n";
    const auto sensitiveOf = [&](const Table& t) {
        std::vector<std::string> out;
        for (std::size_t c = 0; c < t.columnCount(); ++c) {
            const Column& col = t.column(c);
            if (t.name(c) == target || t.name(c) == "split")
                continue;
            if (col.type() == ColumnType::Categorical && col.categories().size() <= static_cast<std::size_t>(maxLevels))
                out.push_back(t.name(c));
            else if (col.type() == ColumnType::Boolean)
                out.push_back(t.name(c));
        }
        return out;
    };
    bias::DiagnoseOptions opt;
    opt.target = target;
    opt.sensitive = sensitiveOf(before);
    auto d0 = bias::diagnose(before, opt);
    if (!d0)
        return html + "<p class=\"warn\">" + htmlEscape(d0.error().message) + "</p>\n";
    std::optional<bias::Diagnosis> d1;
    if (after.find(target)) {
        bias::DiagnoseOptions opt1 = opt;
        opt1.positive = d0->positive;
        opt1.sensitive.clear();
        for (const auto& s : opt.sensitive)
            if (after.find(s))
                opt1.sensitive.push_back(s);
        if (auto d = bias::diagnose(after, opt1))
            d1 = std::move(*d);
    }
    html += "<h3>Class balance of " + htmlEscape(target) + "</h3>\n";
    std::vector<BarItem> classes;
    for (const auto& c : d0->balance.classes) {
        BarItem item{c.value, c.share, std::nullopt, "n = " + std::to_string(c.count)};
        if (d1)
            for (const auto& a : d1->balance.classes)
                if (a.value == c.value) {
                    item.after = a.share;
                    item.note += " → " + std::to_string(a.count);
                }
        classes.push_back(item);
    }
    html += svgBars(classes, 1.0, true);
    if (d0->balance.imbalanceRatio)
        html += "<p class=\"meta\">Imbalance ratio (majority / minority) " + shortNumber(*d0->balance.imbalanceRatio, 4) +
                (d1 && d1->balance.imbalanceRatio ? " → " + shortNumber(*d1->balance.imbalanceRatio, 4) : std::string()) +
                ".</p>\n";
    for (const auto& w : d0->warnings)
        html += "<p class=\"warn\">" + htmlEscape(w) + "</p>\n";
    for (const auto& s : d0->sensitive) {
        const auto& g = s.groups;
        html += "<h3>Rate of " + htmlEscape(target) + " = " + htmlEscape(d0->positive) + " by " + htmlEscape(g.sensitive) +
                "</h3>\n";
        const bias::GroupReport* afterGroups = nullptr;
        if (d1)
            for (const auto& s1 : d1->sensitive)
                if (s1.groups.sensitive == g.sensitive)
                    afterGroups = &s1.groups;
        std::vector<BarItem> bars;
        for (const auto& grp : g.groups) {
            BarItem item{grp.group, grp.positiveRate.value.value_or(0.0), std::nullopt, "n = " + std::to_string(grp.rows)};
            if (!grp.positiveRate.value)
                item.note = "undefined: " + grp.positiveRate.undefinedReason;
            if (afterGroups)
                for (const auto& a : afterGroups->groups)
                    if (a.group == grp.group) {
                        item.after = a.positiveRate.value.value_or(0.0);
                        item.note += " → " + std::to_string(a.rows);
                    }
            bars.push_back(item);
        }
        html += svgBars(bars, 1.0, true);
        html += "<p class=\"meta\">Overall rate " + (g.overallRate.value ? shortNumber(100 * *g.overallRate.value, 3) + "%" : "undefined") +
                "; grey = before the recipe, blue = after; n = rows in the group.</p>\n";
    }
    if (d0->sensitive.empty())
        html += "<p class=\"meta\">No categorical column with at most " + std::to_string(maxLevels) +
                " levels to compare groups on.</p>\n";
    return html;
}

} // namespace preplab::exporting
