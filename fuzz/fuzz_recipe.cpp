// libFuzzer target: the recipe reader and the formula language must turn any bytes into a value
// or an Error, never crash, hang or read out of bounds. The input is tried three ways: as a recipe
// document; as a formula compiled, checked and evaluated on a small table; and, when it reads as a
// recipe, run on that table.
#include "core/formula/formula.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/recipe.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

const preplab::Table& sampleTable()
{
    static const preplab::Table table = [] {
        using preplab::Column;
        preplab::Table t;
        (void)t.addColumn("x", Column::fromOptionals({1.0, -2.5, std::nullopt, 0.0}));
        (void)t.addColumn("n", Column::makeInteger({3, 0, 7, -1}));
        (void)t.addColumn("s", Column::fromStrings({"a", std::nullopt, "b", "a"}));
        (void)t.addColumn("d", Column::makeDatetime({0, 86400000, 1, -5}, {1, 1, 0, 1}));
        (void)t.addColumn("b", Column::makeBoolean({1, 0, 1, 0}));
        (void)t.addColumn("k", Column::makeSmallInteger({0, 1, 255, 1}, {1, 1, 1, 0}));  // one byte a value
        return t;
    }();
    return table;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const preplab::Table& table = sampleTable();

    auto formula = preplab::formula::Formula::compile(std::string(bytes));
    if (formula) {
        std::vector<preplab::ColumnType> types;
        for (std::size_t i = 0; i < table.columnCount(); ++i)
            types.push_back(table.column(i).type());
        if (formula->check(table.names(), types))
            if (auto v = formula->evaluate(table))
                (void)preplab::formula::Formula::toColumn(*v, table.rowCount());
    }

    auto recipe = preplab::pipeline::Recipe::parse(bytes, "fuzz.json");
    if (recipe) {
        (void)recipe->dump();
        preplab::pipeline::Pipeline pipeline(table);
        (void)pipeline.run(*recipe);
    }
    return 0;
}
