// text_clean: tidies the strings of `columns` (omitted: every categorical and text column but the
// target and `split`), like pandas' str.strip / str.lower / str.replace(r"\s+", " "):
//   trim (true)             removes leading and trailing whitespace;
//   case (none/lower/upper) changes the case of ASCII letters (other characters are kept as they are);
//   collapse_spaces (true)  turns every run of whitespace inside a value into one space.
// Whitespace is ASCII space, tab, CR, LF, VT, FF. Categories that become equal are merged.
#include "core/ops/op.h"
#include "core/ops/param_reader.h"

#include <memory>
#include <unordered_map>

namespace preplab::ops {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

class TextCleanOp final : public Op {
public:
    void parse(ParamReader& p) override
    {
        m_columns = p.columns("columns", ColumnKinds::textual());
        m_trim = p.boolean("trim", true);
        m_case = p.choice("case", {"none", "lower", "upper"}, "none");
        m_collapse = p.boolean("collapse_spaces", true);
    }

    std::string clean(std::string_view s) const
    {
        if (m_trim) {
            while (!s.empty() && isSpace(s.front()))
                s.remove_prefix(1);
            while (!s.empty() && isSpace(s.back()))
                s.remove_suffix(1);
        }
        std::string out;
        out.reserve(s.size());
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            if (m_collapse && isSpace(c)) {
                if (i > 0 && isSpace(s[i - 1]))
                    continue;
                c = ' ';
            }
            if (m_case == "lower" && c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            else if (m_case == "upper" && c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 'a' + 'A');
            out += c;
        }
        return out;
    }

    Result<StepOutput> apply(const Table& table, const StepContext& ctx) const override
    {
        StepOutput out;
        out.table = table;
        for (const auto& name : m_columns) {
            auto i = table.indexOf(name);
            if (!i)
                return ctx.error("no column named \"" + name + "\"");
            const Column& c = table.column(*i);
            ColumnPtr next;
            if (c.type() == ColumnType::Categorical) {
                // Clean the dictionary once, then re-code: equal cleaned categories merge.
                std::unordered_map<std::string, std::int32_t> index;
                std::vector<std::string> categories;
                std::vector<std::int32_t> remap(c.categories().size());
                for (std::size_t k = 0; k < c.categories().size(); ++k) {
                    auto [it, inserted] = index.emplace(clean(c.categories()[k]), static_cast<std::int32_t>(categories.size()));
                    if (inserted)
                        categories.push_back(it->first);
                    remap[k] = it->second;
                }
                std::vector<std::int32_t> codes(c.size(), 0);
                for (std::size_t r = 0; r < c.size(); ++r)
                    if (c.isValid(r))
                        codes[r] = remap[static_cast<std::size_t>(c.codes()[r])];
                next = Column::makeCategorical(std::move(codes), std::move(categories), c.validMask());
            } else if (c.type() == ColumnType::Text) {
                StringArena arena;
                for (std::size_t r = 0; r < c.size(); ++r)
                    arena.push(c.isValid(r) ? clean(c.text(r)) : std::string());
                next = Column::makeText(std::move(arena), c.validMask());
            } else {
                continue;
            }
            if (auto r = out.table.setColumn(*i, std::move(next)); !r)
                return ctx.error(r.error().message);
        }
        std::string what;
        if (m_trim)
            what += "trimmed";
        if (m_collapse)
            what += std::string(what.empty() ? "" : ", ") + "collapsed spaces";
        if (m_case != "none")
            what += std::string(what.empty() ? "" : ", ") + (m_case == "lower" ? "lower-cased" : "upper-cased");
        out.report.description = (what.empty() ? std::string("left unchanged") : what) + " the text of " +
                                 std::to_string(m_columns.size()) + " column" + (m_columns.size() == 1 ? "" : "s");
        return out;
    }

private:
    std::vector<std::string> m_columns;
    bool m_trim = true;
    std::string m_case = "none";
    bool m_collapse = true;
};

} // namespace

std::unique_ptr<Op> makeTextCleanOp() { return std::make_unique<TextCleanOp>(); }

} // namespace preplab::ops
