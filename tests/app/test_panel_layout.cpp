// The Model and Bias tabs docked in the main window at 1280x720: the metric cards take two lines,
// the charts keep the height their axis labels need (the panel scrolls rather than squeezing
// them), and the rate axis has few enough ticks for its labels to show.
#include "app_test_support.h"

#include "app/desktop/main_window.h"
#include "app/desktop/views/bias_panel.h"
#include "app/desktop/views/model_panel.h"
#include "app/desktop/workers/evaluation_worker.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QFrame>
#include <QTabWidget>
#include <QValueAxis>

#include <set>

using namespace preplab;
using namespace preplab::desktop;

namespace {

void showTab(MainWindow& window, int tab)
{
    window.findChild<QTabWidget*>(QStringLiteral("BottomTabs"))->setCurrentIndex(tab);
    QElapsedTimer shown;  // the bias and model pages compute when first shown
    shown.start();
    while (shown.elapsed() < 1500)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
}

} // namespace

TEST_CASE("Model and Bias tabs at 1280x720: two lines of cards, charts tall enough for their labels", "[app][mainwindow]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    window.openInitial(testing::samplesDir() + QStringLiteral("/penguins.csv"));
    window.loadWorker()->wait();
    QApplication::processEvents();

    showTab(window, 3);
    auto* model = window.findChild<ModelPanel*>();
    REQUIRE(model);
    std::set<int> cardRows;
    int cards = 0;
    for (auto* frame : model->findChildren<QFrame*>())
        if (frame->objectName().startsWith(QStringLiteral("card_"))) {
            ++cards;
            cardRows.insert(frame->mapTo(model, QPoint(0, 0)).y());
            CHECK(frame->height() < 2 * frame->fontMetrics().height() + 8);  // one line each
        }
    CHECK(cards == 7);
    CHECK(cardRows.size() <= 2);
    CHECK(model->rocChart()->size().height() >= 200);
    CHECK(model->prChart()->size().height() >= 200);
    CHECK(model->rocChart()->size().width() >= 180);

    showTab(window, 2);
    auto* bias = window.findChild<BiasPanel*>();
    REQUIRE(bias);
    CHECK(bias->rateChart()->size().height() >= 200);
    QValueAxis* rate = nullptr;
    for (QAbstractAxis* axis : bias->rateChart()->axes(Qt::Vertical))
        rate = qobject_cast<QValueAxis*>(axis);
    REQUIRE(rate);
    CHECK(rate->tickType() == QValueAxis::TicksDynamic);
    CHECK(rate->max() / rate->tickInterval() <= 5.0 + 1e-9);
}
