// Bias panel: the figures it computes and the series it draws on the UC Berkeley admissions
// sample (Bickel et al. 1975: men 1198 of 2691 admitted, women 557 of 1835), degenerate choices,
// and a 1280x720 screenshot of each tab in build/screenshots/.
#include "app_test_support.h"

#include "app/desktop/charts/bias_charts.h"
#include "app/desktop/views/bias_panel.h"
#include "app/desktop/workers/latest_task.h"
#include "core/bias/rates.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableWidget>

using namespace preplab;
using namespace preplab::desktop;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

std::shared_ptr<const Table> loadSample(const QString& name)
{
    LoadOutcome outcome = loadTable(testing::samplesDir() + QLatin1Char('/') + name);
    INFO((outcome.error ? outcome.error->describe() : std::string()));
    REQUIRE(outcome.table);
    return outcome.table;
}

void settle(BiasPanel& panel)
{
    panel.task()->waitForIdle();
    QApplication::processEvents();
}

template <class T>
T* seriesOf(QChart* chart)
{
    for (QAbstractSeries* s : chart->series())
        if (auto* t = qobject_cast<T*>(s))
            return t;
    return nullptr;
}

QLineSeries* lineNamed(QChart* chart, const QString& name)
{
    for (QAbstractSeries* s : chart->series())
        if (auto* line = qobject_cast<QLineSeries*>(s); line && (line->objectName() == name || line->name() == name))
            return line;
    return nullptr;
}

QBarSet* setNamed(QAbstractBarSeries* series, const QString& name)
{
    for (QBarSet* set : series->barSets())
        if (set->label() == name)
            return set;
    return nullptr;
}

int rowOf(QTableWidget* table, const QString& group)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text().startsWith(group))
            return r;
    return -1;
}

} // namespace

TEST_CASE("Bias analysis: UC Berkeley admissions by gender", "[app][bias]")
{
    const auto table = loadSample(QStringLiteral("ucb_admissions_individual.csv"));
    const BiasAnalysis a = analyzeBias({table, "Admit", "Admitted", {"Gender"}, "Male"});
    REQUIRE(a.error.empty());
    REQUIRE(a.diagnosis);
    const auto& report = a.diagnosis->sensitive.at(0).groups;
    CHECK(report.referenceGroup == "Male");
    CHECK_THAT(*report.overallRate.value, WithinRel(1755.0 / 4526.0, 1e-12));
    const auto female = std::find_if(report.groups.begin(), report.groups.end(), [](const auto& g) { return g.group == "Female"; });
    REQUIRE(female != report.groups.end());
    CHECK_THAT(*female->positiveRate.value, WithinRel(557.0 / 1835.0, 1e-12));
    CHECK_THAT(*female->disparateImpact, WithinRel((557.0 / 1835.0) / (1198.0 / 2691.0), 1e-12));
    CHECK(female->fourFifthsViolation);
    CHECK(a.diagnosis->sensitive.at(0).simpson.at(0).stratifier == "Dept");
    CHECK(a.diagnosis->sensitive.at(0).simpson.at(0).verdict == "reversal");
    CHECK(a.targetValues == std::vector<std::string>{"Rejected", "Admitted"});
}

TEST_CASE("Bias analysis: missing choices are explained, not computed", "[app][bias]")
{
    const auto table = loadSample(QStringLiteral("ucb_admissions_individual.csv"));
    CHECK(analyzeBias({nullptr, "Admit", {}, {"Gender"}, {}}).error == "no data loaded");
    CHECK(analyzeBias({table, "", {}, {"Gender"}, {}}).error.find("target") != std::string::npos);
    CHECK(analyzeBias({table, "nope", {}, {"Gender"}, {}}).error.find("'nope'") != std::string::npos);
    CHECK(analyzeBias({table, "Admit", {}, {}, {}}).error.find("sensitive") != std::string::npos);
    // The target itself is not a group.
    CHECK(analyzeBias({table, "Admit", {}, {"Admit"}, {}}).error.find("sensitive") != std::string::npos);
    // An empty table and a one-row table do not crash; undefined rates carry their reason.
    auto empty = std::make_shared<const Table>(table->selectRows({}));
    const BiasAnalysis e = analyzeBias({empty, "Admit", "Admitted", {"Gender"}, {}});
    CHECK((e.diagnosis || !e.error.empty()));
    auto one = std::make_shared<const Table>(table->selectRows({0}));
    const BiasAnalysis o = analyzeBias({one, "Admit", "Admitted", {"Gender"}, {}});
    REQUIRE(o.diagnosis);
    CHECK(o.diagnosis->sensitive.at(0).groups.groups.size() == 1);
    CHECK(percentText(std::nullopt, "no rows in group") == QStringLiteral("n/a — no rows in group"));
}

TEST_CASE("Bias panel: rate chart and table show the core's figures", "[app][bias][screenshot]")
{
    const auto table = loadSample(QStringLiteral("ucb_admissions_individual.csv"));
    BiasPanel panel;
    panel.resize(1280, 720);
    panel.show();
    panel.setTable(table, "Admit");
    panel.setChoices("Admit", "Admitted", {"Gender"}, "Male");
    settle(panel);
    REQUIRE(panel.analysis().diagnosis);

    auto* bars = seriesOf<QStackedBarSeries>(panel.rateChart());
    REQUIRE(bars);
    QBarSet* flagged = setNamed(bars, kRateFlaggedSeries);
    QBarSet* meets = setNamed(bars, kRateMeetsSeries);
    REQUIRE(flagged);
    REQUIRE(meets);
    const auto& groups = panel.analysis().diagnosis->sensitive.at(0).groups.groups;
    auto* axis = qobject_cast<QBarCategoryAxis*>(panel.rateChart()->axes(Qt::Horizontal).at(0));
    REQUIRE(axis);
    int femaleIndex = -1;
    for (int i = 0; i < axis->count(); ++i)
        if (axis->at(i).startsWith(QStringLiteral("Female")))
            femaleIndex = i;
    REQUIRE(femaleIndex >= 0);
    CHECK(axis->at(femaleIndex) == QStringLiteral("Female<br>(n = 1835)"));
    CHECK_THAT(flagged->at(femaleIndex), WithinRel(557.0 / 1835.0, 1e-12));
    CHECK(meets->at(femaleIndex) == 0.0);
    CHECK(groups.size() == 2);

    QLineSeries* fourFifths = lineNamed(panel.rateChart(), kFourFifthsSeries);
    REQUIRE(fourFifths);
    CHECK(fourFifths->pen().style() == Qt::DashLine);
    CHECK_THAT(fourFifths->at(0).y(), WithinRel(0.8 * 1198.0 / 2691.0, 1e-12));
    QLineSeries* base = lineNamed(panel.rateChart(), kBaseRateSeries);
    REQUIRE(base);
    CHECK_THAT(base->at(0).y(), WithinRel(1755.0 / 4526.0, 1e-12));
    // The whisker of the Female bar spans its Wilson interval.
    const bias::Interval wilson = bias::wilsonInterval(557, 1835);
    bool whiskerFound = false;
    for (QAbstractSeries* s : panel.rateChart()->series())
        if (auto* line = qobject_cast<QLineSeries*>(s); line && line->name() == kWhiskerSeries &&
                                                        std::abs(line->at(2).x() - femaleIndex) < 1e-9) {
            whiskerFound = true;
            CHECK_THAT(line->at(2).y(), WithinRel(wilson.low, 1e-12));
            CHECK_THAT(line->at(3).y(), WithinRel(wilson.high, 1e-12));
        }
    CHECK(whiskerFound);

    QTableWidget* t = panel.groupTable();
    const int row = rowOf(t, QStringLiteral("Female"));
    REQUIRE(row >= 0);
    CHECK(t->item(row, 1)->text() == QStringLiteral("1835"));
    CHECK(t->item(row, 3)->text() == QStringLiteral("30.4% [28.3–32.5]"));
    CHECK(t->item(row, 3)->toolTip().endsWith(QStringLiteral("(557/1835)")));
    CHECK(t->item(row, 4)->text() == QStringLiteral("−14.2 pts"));
    CHECK(t->item(row, 5)->text() == QString::number((557.0 / 1835.0) / (1198.0 / 2691.0), 'f', 3));
    CHECK(t->item(row, 6)->text().startsWith(QStringLiteral("below 0.8")));
    CHECK(t->item(row, 0)->background().color() != t->item(rowOf(t, QStringLiteral("Male")), 0)->background().color());
    CHECK_FALSE(t->horizontalHeaderItem(5)->toolTip().isEmpty());
    testing::saveScreenshot(panel, QStringLiteral("bias_panel_groups.png"));

    // Simpson: the department reversal is listed first and drawn as aggregate then per stratum.
    panel.tabs()->setCurrentIndex(3);
    auto* simpson = seriesOf<QAbstractBarSeries>(panel.simpsonChart());
    REQUIRE(simpson);
    QBarSet* women = setNamed(simpson, QStringLiteral("Female"));
    REQUIRE(women);
    CHECK(women->count() == 7);  // all rows + departments A..F
    CHECK_THAT(women->at(0), WithinRel(557.0 / 1835.0, 1e-12));
    QApplication::processEvents();
    testing::saveScreenshot(panel, QStringLiteral("bias_panel_simpson.png"));

    panel.tabs()->setCurrentIndex(2);
    auto* proxies = seriesOf<QHorizontalBarSeries>(panel.proxyChart());
    REQUIRE(proxies);
    const auto& ranked = panel.analysis().diagnosis->sensitive.at(0).proxies;
    REQUIRE(!ranked.empty());
    CHECK(ranked.front().column == "Dept");
    CHECK_THAT(proxies->barSets().at(0)->at(proxies->barSets().at(0)->count() - 1), WithinRel(*ranked.front().strength, 1e-12));
}

TEST_CASE("Bias panel: Adult income by sex, proxies ranked", "[app][bias][screenshot]")
{
    const auto table = loadSample(QStringLiteral("adult.csv"));
    BiasPanel panel;
    panel.resize(1280, 720);
    panel.show();
    panel.setTable(table, "income");
    panel.setChoices("income", ">50K", {"sex"}, "Male");
    settle(panel);
    REQUIRE(panel.analysis().diagnosis);
    const auto& report = panel.analysis().diagnosis->sensitive.at(0).groups;
    // pandas: Female 1179 of 10771, Male 6662 of 21790.
    for (const auto& g : report.groups)
        if (g.group == "Female") {
            CHECK_THAT(*g.positiveRate.value, WithinRel(1179.0 / 10771.0, 1e-12));
            CHECK_THAT(*g.disparateImpact, WithinRel((1179.0 / 10771.0) / (6662.0 / 21790.0), 1e-12));
            CHECK(g.fourFifthsViolation);
        }
    const auto& ranked = panel.analysis().diagnosis->sensitive.at(0).proxies;
    REQUIRE(ranked.size() >= 5);
    CHECK(ranked.front().column == "relationship");
    auto* proxies = seriesOf<QHorizontalBarSeries>(panel.proxyChart());
    REQUIRE(proxies);
    QBarSet* strength = proxies->barSets().at(0);
    const int shown = strength->count();
    for (int i = 0; i < shown; ++i)
        CHECK(strength->at(i) == ranked[static_cast<std::size_t>(shown - 1 - i)].strength.value_or(0));
    testing::saveScreenshot(panel, QStringLiteral("bias_panel_adult_groups.png"));
    panel.tabs()->setCurrentIndex(2);
    QApplication::processEvents();
    testing::saveScreenshot(panel, QStringLiteral("bias_panel_adult_proxies.png"));
}

TEST_CASE("Bias panel: two sensitive columns give a stacked intersection", "[app][bias][screenshot]")
{
    const auto table = loadSample(QStringLiteral("ucb_admissions_individual.csv"));
    BiasPanel panel;
    panel.resize(1280, 720);
    panel.show();
    panel.setTable(table, "Admit");
    panel.setChoices("Admit", "Admitted", {"Gender", "Dept"});
    settle(panel);
    REQUIRE(panel.analysis().diagnosis);
    REQUIRE(panel.analysis().diagnosis->intersections.size() == 1);
    auto* bars = seriesOf<QHorizontalStackedBarSeries>(panel.intersectionChart());
    REQUIRE(bars);
    const auto& cells = panel.analysis().diagnosis->intersections.front().groups;
    REQUIRE(bars->barSets().at(0)->count() == static_cast<int>(cells.size()));
    CHECK(cells.size() == 12);
    // Drawn top-down: bar i (from the bottom) is cell n - 1 - i.
    const int n = static_cast<int>(cells.size());
    for (int i = 0; i < n; ++i) {
        const auto& cell = cells[static_cast<std::size_t>(n - 1 - i)];
        CHECK(bars->barSets().at(0)->at(i) == cell.positiveRate.numerator);
        CHECK(bars->barSets().at(0)->at(i) + bars->barSets().at(1)->at(i) == cell.positiveRate.denominator);
    }
    // Female applicants to department A: 89 of 108 admitted.
    const auto femaleA = std::find_if(cells.begin(), cells.end(), [](const auto& g) { return g.group == "Female × A"; });
    REQUIRE(femaleA != cells.end());
    CHECK(femaleA->positiveRate.numerator == 89);
    CHECK(femaleA->positiveRate.denominator == 108);
    panel.tabs()->setCurrentIndex(1);
    QApplication::processEvents();
    testing::saveScreenshot(panel, QStringLiteral("bias_panel_intersection.png"));

    // Unchecking every sensitive column explains what is missing instead of drawing zeros.
    panel.setChoices("Admit", "Admitted", {});
    settle(panel);
    CHECK_FALSE(panel.analysis().diagnosis);
    CHECK(panel.rateChart()->series().isEmpty());
    CHECK(panel.rateChart()->title().contains(QStringLiteral("sensitive")));
}

TEST_CASE("likelyTarget: the outcome column of each sample, else the last small categorical column", "[bias]")
{
    CHECK(likelyTarget(*loadSample(QStringLiteral("penguins.csv"))) == "species");
    CHECK(likelyTarget(*loadSample(QStringLiteral("adult.csv"))) == "income");
    CHECK(likelyTarget(*loadSample(QStringLiteral("ucb_admissions_individual.csv"))) == "Admit");
    CHECK(likelyTarget(*loadSample(QStringLiteral("airquality.csv"))) == "Day");  // numbers only: the last column

    Table t;
    REQUIRE(t.addColumn("kind", Column::fromStrings({"a", "b", "a", "c"})));
    REQUIRE(t.addColumn("flag", Column::makeBoolean({1, 0, 1, 1})));
    REQUIRE(t.addColumn("constant", Column::fromStrings({"x", "x", "x", "x"})));  // one value: not an outcome
    REQUIRE(t.addColumn("amount", Column::fromOptionals({1.0, 2.0, 3.0, 4.0})));
    CHECK(likelyTarget(t) == "flag");
    CHECK(likelyTarget(Table()).empty());

    // the Bias panel opens on it when the recipe names no target
    BiasPanel panel;
    panel.setTable(loadSample(QStringLiteral("penguins.csv")), {});
    settle(panel);
    auto* target = panel.findChild<QComboBox*>(QStringLiteral("BiasTarget"));
    REQUIRE(target);
    CHECK(target->currentText() == QStringLiteral("species"));
}
