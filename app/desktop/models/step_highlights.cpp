#include "app/desktop/models/step_highlights.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace preplab::desktop {
namespace {

std::string methodOf(const nlohmann::json& step)
{
    const std::string op = step.value("op", std::string());
    auto text = [&](const char* key) {
        auto it = step.find(key);
        return it != step.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (op == "impute") {
        const std::string strategy = text("strategy");
        return strategy.empty() ? std::string("mean") : strategy;  // recipe.md's default
    }
    const std::string method = text("method");
    return method.empty() ? op : op + ": " + method;
}

// Output row -> input row through the origins. Rows with the same origin (copies made by an
// earlier resampling step) are matched in order; an output row whose origin is used up, or that
// has none, is an added row (a copy still points at the row it copies, for its tooltip).
void mapRows(const std::vector<std::int64_t>& in, const std::vector<std::int64_t>& out, StepHighlights& h)
{
    if (in == out)
        return;  // same rows in the same order: identity, nothing added or removed
    std::int64_t maxOrigin = -1;
    for (std::int64_t o : in)
        maxOrigin = std::max(maxOrigin, o);
    const auto size = static_cast<std::size_t>(maxOrigin + 1);
    std::vector<std::int32_t> head(size, -1), cursor, next(in.size(), -1);
    for (std::size_t j = in.size(); j-- > 0;) {
        if (in[j] < 0)
            continue;
        const auto o = static_cast<std::size_t>(in[j]);
        next[j] = head[o];
        head[o] = static_cast<std::int32_t>(j);
    }
    cursor = head;
    std::vector<std::uint8_t> used(in.size(), 0);
    h.inputRow.assign(out.size(), -1);
    h.addedRows.assign(out.size(), 0);
    for (std::size_t r = 0; r < out.size(); ++r) {
        const std::int64_t o = out[r];
        if (o < 0 || static_cast<std::size_t>(o) >= size || head[static_cast<std::size_t>(o)] < 0) {
            h.addedRows[r] = 1;
            continue;
        }
        std::int32_t& c = cursor[static_cast<std::size_t>(o)];
        if (c >= 0) {
            h.inputRow[r] = c;
            used[static_cast<std::size_t>(c)] = 1;
            c = next[static_cast<std::size_t>(c)];
        } else {
            h.inputRow[r] = head[static_cast<std::size_t>(o)];
            h.addedRows[r] = 1;
        }
    }
    for (std::size_t j = 0; j < used.size(); ++j)
        if (!used[j])
            h.removedInputRows.push_back(static_cast<std::int32_t>(j));
    h.addedRowCount = static_cast<std::size_t>(std::count(h.addedRows.begin(), h.addedRows.end(), std::uint8_t{1}));
    if (h.addedRowCount == 0)
        h.addedRows.clear();
}

bool cellDiffers(const Column& before, std::size_t j, const Column& after, std::size_t i)
{
    const bool mb = before.isMissing(j), ma = after.isMissing(i);
    if (mb || ma)
        return mb != ma;
    if (hasNumberValue(before.type()) && hasNumberValue(after.type())) {
        const double a = before.number(j), b = after.number(i);
        return !(a == b || (std::isnan(a) && std::isnan(b)));
    }
    return before.format(j) != after.format(i);
}

// The report's mask when it has one; otherwise (a report that only counted) the cells compared.
std::vector<std::uint8_t> changedMask(ops::ColumnChange& change, const Column& in, const Column& out,
                                      const StepHighlights& h)
{
    if (change.changedRows.size() == out.size())
        return std::move(change.changedRows);
    std::vector<std::uint8_t> mask(out.size(), 0);
    for (std::size_t r = 0; r < out.size(); ++r) {
        const int j = h.inputRowOf(r);
        if (j >= 0 && static_cast<std::size_t>(j) < in.size() && cellDiffers(in, static_cast<std::size_t>(j), out, r))
            mask[r] = 1;
    }
    return mask;
}

} // namespace

std::shared_ptr<const StepHighlights> buildHighlights(std::shared_ptr<const Table> input,
                                                      const std::vector<std::int64_t>& inputOrigin,
                                                      std::shared_ptr<const Table> output,
                                                      const std::vector<std::int64_t>& outputOrigin,
                                                      ops::StepReport& report, const nlohmann::json& step)
{
    auto h = std::make_shared<StepHighlights>();
    h->input = std::move(input);
    h->output = std::move(output);
    h->method = methodOf(step);
    const Table& in = *h->input;
    const Table& out = *h->output;
    if (outputOrigin.size() == out.rowCount() && inputOrigin.size() == in.rowCount())
        mapRows(inputOrigin, outputOrigin, *h);

    std::unordered_map<std::string, std::string> oldNameOf;
    for (const auto& [from, to] : report.renamed)
        oldNameOf[to] = from;
    h->columns.resize(out.columnCount());
    for (std::size_t c = 0; c < out.columnCount(); ++c) {
        const std::string& name = out.name(c);
        auto renamed = oldNameOf.find(name);
        const auto inputIndex = in.indexOf(renamed != oldNameOf.end() ? renamed->second : name);
        ColumnMarks& marks = h->columns[c];
        if (!inputIndex) {
            marks.kind = ColumnMarks::Kind::Added;
            ++h->addedColumns;
        } else {
            marks.inputColumn = static_cast<int>(*inputIndex);
        }
    }
    for (ops::ColumnChange& change : report.changed) {
        const auto c = out.indexOf(change.column);
        if (!c || h->columns[*c].inputColumn < 0 || change.changedCells == 0)
            continue;
        ColumnMarks& marks = h->columns[*c];
        const Column& inColumn = in.column(static_cast<std::size_t>(marks.inputColumn));
        const Column& outColumn = out.column(*c);
        marks.kind = ColumnMarks::Kind::Changed;
        const bool masked = change.changedRows.size() == outColumn.size();
        marks.changed = changedMask(change, inColumn, outColumn, *h);
        if (masked && inColumn.missingCount() == 0) {  // nothing to impute: the report's count stands
            marks.changedCells = change.changedCells;
            h->changedCells += marks.changedCells;
            continue;
        }
        for (std::size_t r = 0; r < marks.changed.size(); ++r) {
            if (!marks.changed[r])
                continue;
            ++marks.changedCells;
            const int j = h->inputRowOf(r);
            if (j >= 0 && inColumn.isMissing(static_cast<std::size_t>(j)) && !outColumn.isMissing(r))
                ++marks.imputedCells;
        }
        h->changedCells += marks.changedCells;
        h->imputedCells += marks.imputedCells;
    }
    return h;
}

} // namespace preplab::desktop
