// Bias panel, Ledger tab: the group-impact ledger of the recipe shown as a table (flagged rows
// highlighted, with the why) and as per-step charts of share and positive rate, equal to
// core/bias/ledger.h's figures; a screenshot on penguins with a drop_missing step.
#include "app_test_support.h"

#include "app/desktop/views/bias_panel.h"
#include "app/desktop/views/ledger_view.h"
#include "app/desktop/workers/latest_task.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QTabWidget>
#include <QTableWidget>

using namespace preplab;
using namespace preplab::desktop;
using Catch::Matchers::WithinAbs;

namespace {

// Group a: 20 rows, 10 without x (all positive); group b: 40 rows, 10 positive, none missing.
std::shared_ptr<const Table> skewedMissing()
{
    std::vector<std::optional<std::string>> g, y;
    std::vector<std::optional<double>> x;
    for (int i = 0; i < 20; ++i) {
        g.push_back("a");
        x.push_back(i < 10 ? std::nullopt : std::optional<double>(i));
        y.push_back(i <= 10 ? "1" : "0");
    }
    for (int i = 0; i < 40; ++i) {
        g.push_back("b");
        x.push_back(i);
        y.push_back(i < 10 ? "1" : "0");
    }
    auto t = std::make_shared<Table>();
    REQUIRE(t->addColumn("g", Column::fromStrings(g)).ok());
    REQUIRE(t->addColumn("x", Column::fromOptionals(x)).ok());
    REQUIRE(t->addColumn("y", Column::fromStrings(y)).ok());
    return t;
}

QBarSeries* barsOf(QChart* chart)
{
    for (QAbstractSeries* s : chart->series())
        if (auto* b = qobject_cast<QBarSeries*>(s))
            return b;
    return nullptr;
}

} // namespace

TEST_CASE("Ledger analysis: reasons instead of an empty ledger", "[app][bias][ledger]")
{
    const auto t = skewedMissing();
    CHECK(analyzeLedger({nullptr, {}, "y", "1", "g"}).undefinedReason == "no data loaded");
    CHECK(analyzeLedger({t, {}, "y", "1", "g"}).undefinedReason.find("no step") != std::string::npos);
    CHECK(analyzeLedger({t, {{{"op", "drop_missing"}}}, "y", "1", "nope"}).undefinedReason.find("sensitive") !=
          std::string::npos);
    const LedgerAnalysis bad = analyzeLedger({t, {{{"op", "no_such_op"}}}, "y", "1", "g"});
    CHECK_FALSE(bad.ledger);
    CHECK(bad.undefinedReason.find("no_such_op") != std::string::npos);
}

TEST_CASE("Bias panel ledger: drop_missing hits group a, flagged and charted", "[app][bias][ledger]")
{
    const auto t = skewedMissing();
    BiasPanel panel;
    panel.resize(1280, 720);
    panel.show();
    panel.setRecipe(t, {{{"op", "drop_missing"}, {"columns", {"x"}}}});
    panel.setTable(t, "y");
    panel.setChoices("y", "1", {"g"});
    panel.task()->waitForIdle();
    QApplication::processEvents();
    const LedgerAnalysis& l = panel.analysis().ledger;
    INFO(l.undefinedReason);
    REQUIRE(l.ledger);
    REQUIRE(l.stepLabels == std::vector<std::string>{"1 drop_missing"});

    QTableWidget* table = panel.ledgerView()->table();
    REQUIRE(table->rowCount() == 2);
    int rowA = table->item(0, 1)->text() == QStringLiteral("a") ? 0 : 1;
    CHECK(table->item(rowA, 2)->text() == QStringLiteral("10"));
    CHECK(table->item(rowA, 5)->text() == QStringLiteral("33.3% → 20.0%"));
    CHECK(table->item(rowA, 6)->text() == QStringLiteral("55.0% → 10.0%"));
    CHECK(table->item(rowA, 7)->text().contains(QStringLiteral("lost 50% of its rows")));
    CHECK(table->item(rowA, 0)->background().style() != Qt::NoBrush);

    QBarSeries* share = barsOf(panel.ledgerView()->shareChart());
    QBarSeries* rate = barsOf(panel.ledgerView()->rateChart());
    REQUIRE(share);
    REQUIRE(rate);
    for (const auto& e : l.ledger->entries) {
        const int i = e.group == "a" ? 0 : 1;
        CHECK_THAT(share->barSets().at(0)->at(i), WithinAbs(e.shareBefore, 1e-12));
        CHECK_THAT(share->barSets().at(1)->at(i), WithinAbs(e.shareAfter, 1e-12));
        CHECK_THAT(rate->barSets().at(1)->at(i), WithinAbs(*e.rateAfter.value, 1e-12));
    }
}

TEST_CASE("Bias panel ledger: penguins screenshot", "[app][bias][ledger][screenshot]")
{
    const auto penguins = testing::loadPenguins().table;
    BiasPanel panel;
    panel.resize(1280, 720);
    panel.show();
    const std::vector<nlohmann::json> steps = {{{"op", "drop_missing"}},
                                               {{"op", "resample"}, {"method", "random_under"}, {"seed", 0}}};
    panel.setRecipe(penguins, steps);
    panel.setTable(penguins, "sex");
    panel.setChoices("sex", "male", {"species"});
    panel.task()->waitForIdle();
    QApplication::processEvents();
    INFO(panel.analysis().ledger.undefinedReason);
    REQUIRE(panel.analysis().ledger.ledger);
    CHECK(panel.ledgerView()->table()->rowCount() == 6);
    panel.tabs()->setCurrentIndex(4);
    QApplication::processEvents();
    QDir().mkpath(QStringLiteral(PREPLAB_SCREENSHOT_DIR));
    REQUIRE(panel.grab().save(QStringLiteral(PREPLAB_SCREENSHOT_DIR "/bias_panel_ledger.png")));
}
