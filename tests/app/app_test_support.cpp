#include "app_test_support.h"

#include <catch2/catch.hpp>

namespace preplab::desktop::testing {

std::shared_ptr<const Table> smallTable()
{
    auto table = std::make_shared<Table>();
    REQUIRE(table->addColumn("x", Column::fromOptionals({1.0, 2.5, std::nullopt, 4.0, 10.0})));
    REQUIRE(table->addColumn("g", Column::fromStrings({"a", "b", "a", std::nullopt, "c"})));
    REQUIRE(table->addColumn("n", Column::makeInteger({3, 1, 4, 1, 5})));
    return table;
}

QString samplesDir() { return QStringLiteral(PREPLAB_SOURCE_DIR "/resources/samples"); }

LoadOutcome loadPenguins()
{
    LoadOutcome outcome = loadTable(samplesDir() + QStringLiteral("/penguins.csv"));
    INFO((outcome.error ? outcome.error->describe() : std::string()));
    REQUIRE(outcome.table);
    return outcome;
}

} // namespace preplab::desktop::testing
