// `preplab-cli diagnose DATA --target COL [--positive V] [--sensitive COL]... [--recipe R] [--json]`:
// class imbalance and bias diagnostics per group (core/bias/diagnosis.h), before and, with
// --recipe, after the recipe, with the group-impact ledger of every step (core/bias/ledger.h).
// Extra options: --reference GROUP (the group differences and ratios compare against; default the
// largest), --expected GROUP=SHARE (repeatable; a reference population share), --threshold X (the
// ledger's share and rate flag threshold, default 0.02).
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "app/cli/table_input.h"
#include "core/bias/diagnosis.h"
#include "core/bias/ledger.h"
#include "core/pipeline/pipeline.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

namespace preplab::cli {

namespace {

using nlohmann::json;

// The recipe may drop or encode the target or a sensitive column: put the source's values back
// (through each row's origin) so the after-diagnosis still speaks of the same groups.
Table withSourceColumns(Table after, const std::vector<std::int64_t>& origin, const Table& source,
                        const std::vector<std::string>& names)
{
    for (const auto& name : names) {
        if (after.find(name) || !source.find(name))
            continue;
        std::vector<std::size_t> rows(after.rowCount(), 0);
        Column::Mask valid(after.rowCount(), 1);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i < origin.size() && origin[i] >= 0)
                rows[i] = static_cast<std::size_t>(origin[i]);
            else
                valid[i] = 0;
        }
        ColumnPtr gathered = source.find(name)->gather(rows);
        // Synthetic rows have no source row: mark them missing.
        std::vector<std::optional<std::string>> cells;
        bool anySynthetic = false;
        for (auto v : valid)
            anySynthetic = anySynthetic || !v;
        if (anySynthetic) {
            for (std::size_t i = 0; i < rows.size(); ++i)
                cells.push_back(valid[i] && gathered->isValid(i) ? std::optional<std::string>(gathered->format(i))
                                                                 : std::nullopt);
            gathered = Column::fromStrings(cells);
        }
        (void)after.addColumn(name, gathered);
    }
    return after;
}

std::string pct(const std::optional<double>& v)
{
    if (!v)
        return "undefined";
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(1);
    s << *v * 100 << "%";
    return s.str();
}

std::string num(const std::optional<double>& v, int precision = 3)
{
    if (!v)
        return "undefined";
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(precision);
    s << *v;
    return s.str();
}

std::string diagnosisText(const bias::Diagnosis& d, const std::string& title)
{
    std::ostringstream out;
    out << "== " << title << ": " << d.rows << " rows ==\n";
    out << "target '" << d.balance.target << "' (positive = '" << d.positive << "')";
    if (d.balance.missing)
        out << ", " << d.balance.missing << " missing";
    out << "\n";
    for (const auto& c : d.balance.classes)
        out << "  " << c.value << ": " << c.count << " (" << pct(c.share) << ")\n";
    out << "  imbalance ratio " << num(d.balance.imbalanceRatio, 2) << "; always predicting '" << d.balance.majorityClass
        << "' scores accuracy " << pct(d.balance.majorityBaselineAccuracy) << "\n";
    for (const auto& w : d.warnings)
        out << "  note: " << w << "\n";
    for (const auto& s : d.sensitive) {
        const auto& r = s.groups;
        out << "\nby '" << r.sensitive << "'" << (r.binned ? " (quartile bins)" : "") << ", reference group '"
            << r.referenceGroup << "'; overall positive rate " << pct(r.overallRate.value) << "\n";
        for (const auto& g : r.groups) {
            out << "  " << g.group << ": " << g.rows << " rows (" << pct(g.share) << "), positive rate "
                << pct(g.positiveRate.value);
            if (g.positiveRate.value)
                out << " [" << pct(g.positiveRate.low) << ", " << pct(g.positiveRate.high) << "] n="
                    << g.positiveRate.denominator;
            out << ", parity difference " << num(g.parityDifference) << ", disparate impact "
                << num(g.disparateImpact) << (g.fourFifthsViolation ? "  ! below four-fifths" : "") << "\n";
        }
        out << "  strongest proxies:";
        int shown = 0;
        for (const auto& p : s.proxies) {
            if (!p.strength || shown++ == 5)
                break;
            out << " " << p.column << " " << num(p.strength, 2);
        }
        out << "\n";
        for (const auto& sm : s.simpson)
            if (sm.verdict == "reversal" || sm.verdict == "vanishes")
                out << "  Simpson: " << sm.groupA << " - " << sm.groupB << " gap " << num(sm.aggregateGap)
                    << " overall, " << num(sm.adjustedGap) << " within '" << sm.stratifier << "' (" << sm.verdict
                    << ")\n";
    }
    return out.str();
}

int runDiagnose(const std::vector<std::string>& args)
{
    const Command& command = diagnoseCommand();
    std::vector<OptionSpec> specs = readOptionSpecs();
    specs.push_back({"--json", "", false, false});
    specs.push_back({"--target", "", true, false});
    specs.push_back({"--positive", "", true, false});
    specs.push_back({"--sensitive", "", true, true});
    specs.push_back({"--recipe", "", true, false});
    specs.push_back({"--reference", "", true, false});
    specs.push_back({"--expected", "", true, true});
    specs.push_back({"--threshold", "", true, false});
    ParsedArgs parsed;
    if (auto stop = parseCommandArgs(command, args, specs, 1, parsed))
        return *stop;
    const std::string hint = "preplab-cli diagnose --help";
    if (!parsed.value("--target"))
        return reportError(makeError(ErrorCode::BadUsage, "diagnose: --target COL is required"), hint);

    bias::DiagnoseOptions options;
    options.target = *parsed.value("--target");
    options.positive = parsed.value("--positive").value_or("");
    options.sensitive = parsed.all("--sensitive");
    options.groups.referenceGroup = parsed.value("--reference").value_or("");
    for (const auto& e : parsed.all("--expected")) {
        auto eq = e.rfind('=');
        char* end = nullptr;
        double share = eq == std::string::npos ? NAN : std::strtod(e.c_str() + eq + 1, &end);
        if (eq == std::string::npos || !end || *end || !(share >= 0 && share <= 1))
            return reportError(makeError(ErrorCode::BadUsage, "diagnose: --expected takes GROUP=SHARE with a share "
                                                              "in [0, 1]; got '" + e + "'"), hint);
        options.groups.referenceShares[e.substr(0, eq)] = share;
    }
    bias::LedgerOptions ledgerOptions;
    if (auto t = parsed.value("--threshold")) {
        char* end = nullptr;
        double v = std::strtod(t->c_str(), &end);
        if (!end || *end || !(v > 0 && v < 1))
            return reportError(makeError(ErrorCode::BadUsage, "diagnose: --threshold takes a number in (0, 1); got '" +
                                                              *t + "'"), hint);
        ledgerOptions.shareThreshold = ledgerOptions.rateThreshold = v;
    }

    const std::string& spec = parsed.positionals[0];
    std::optional<pipeline::Recipe> recipe;
    if (auto path = parsed.value("--recipe")) {
        auto r = pipeline::Recipe::load(*path);
        if (!r)
            return reportError(r.error());
        recipe = std::move(r.value());
    }
    auto input = readInputTable(parsed, spec);
    if (!input)
        return reportError(input.error(), hint);
    const Table& source = input->table;
    auto located = [&](Error e) {
        if (e.file.empty() && e.code == ErrorCode::BadUsage)
            e.message = "diagnose: " + e.message;
        return e;
    };

    auto before = bias::diagnose(source, options);
    if (!before)
        return reportError(located(before.error()), hint);
    json doc{{"data", inputDisplayName(spec)}, {"before", bias::toJson(*before)}};
    std::string text = diagnosisText(*before, "before");

    if (recipe) {
        pipeline::Pipeline p(source);
        if (auto ran = p.run(*recipe); !ran) {
            Error e = ran.error();
            if (e.file.empty())
                e.file = *parsed.value("--recipe");
            return reportError(e);
        }
        std::vector<std::string> keep = options.sensitive;
        keep.push_back(options.target);
        Table after = withSourceColumns(p.output(), p.outputOrigin(), source, keep);
        bias::DiagnoseOptions afterOptions = options;
        afterOptions.positive = before->positive;
        if (after.find("split"))
            afterOptions.excludeFromProxies.push_back("split");
        auto diagAfter = bias::diagnose(after, afterOptions);
        if (!diagAfter)
            return reportError(located(diagAfter.error()), hint);
        doc["recipe"] = *parsed.value("--recipe");
        doc["after"] = bias::toJson(*diagAfter);
        text += "\n" + diagnosisText(*diagAfter, "after the recipe");
        json ledgers = json::array();
        for (const auto& s : options.sensitive) {
            auto ledger = bias::groupImpactLedger(p, s, options.target, before->positive, ledgerOptions);
            if (!ledger)
                return reportError(located(ledger.error()), hint);
            ledgers.push_back(bias::toJson(*ledger));
            text += "\ngroup-impact ledger by '" + s + "':\n";
            std::size_t lastStep = SIZE_MAX;
            for (const auto& e : ledger->entries) {
                if (e.stepIndex != lastStep) {
                    text += "  step " + std::to_string(e.stepIndex + 1) + " (" + e.op + ")\n";
                    lastStep = e.stepIndex;
                }
                text += "    " + e.group + ": " + std::to_string(e.rowsBefore) + " -> " + std::to_string(e.rowsAfter) +
                        " rows, " + std::to_string(e.cellsChanged) + " cells changed, share " + pct(e.shareBefore) +
                        " -> " + pct(e.shareAfter) + ", positive rate " + pct(e.rateBefore.value) + " -> " +
                        pct(e.rateAfter.value) + (e.flags.empty() ? "" : "  ! " + e.why) + "\n";
            }
        }
        doc["ledger"] = std::move(ledgers);
    }
    const std::string out = parsed.has("--json") ? doc.dump(2) + "\n" : text;
    if (auto written = writeStdout(out); !written)
        return reportError(written.error());
    return kExitOk;
}

} // namespace

const Command& diagnoseCommand()
{
    static const Command command{
        "diagnose",
        "class imbalance and bias diagnostics per group, before and after a recipe",
        std::string("usage: preplab-cli diagnose DATA --target COL [--positive V] [--sensitive COL]...\n"
                    "                            [--recipe R] [--reference GROUP] [--expected GROUP=SHARE]...\n"
                    "                            [--threshold X] [--json]\n"
                    "\n"
                    "Class balance of the target; for each sensitive column the groups' sizes and shares, positive\n"
                    "rates with Wilson 95% intervals, parity difference (rate - reference rate) and disparate\n"
                    "impact (rate / reference rate, flagged below 0.8), missing values by group, the columns that\n"
                    "act as proxies, and Simpson's-paradox checks; intersections of pairs of sensitive columns.\n"
                    "With --recipe, the same after the recipe and the group-impact ledger of every step.\n"
                    "\n"
                    "  --target COL       the outcome column (required)\n"
                    "  --positive V       its favourable value (default: 1/true/yes, else the rarest value)\n"
                    "  --sensitive COL    a column whose groups to compare (repeatable)\n"
                    "  --recipe R         a recipe (*.preplab.json) to diagnose after, with the ledger\n"
                    "  --reference GROUP  the group to compare against (default: the largest)\n"
                    "  --expected G=S     the share S (0..1) group G has in the reference population (repeatable)\n"
                    "  --threshold X      flag ledger changes of share or rate above X (default 0.02)\n"
                    "  --json             one JSON document on standard output instead of text\n") +
            readOptionsHelp(),
        runDiagnose,
    };
    return command;
}

} // namespace preplab::cli
