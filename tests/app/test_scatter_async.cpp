// The scatter's asynchronous path: the sample and the density grid are computed by LatestTask off
// the GUI thread and the chart fills in when the result arrives (nothing is computed in
// setInputs); a request superseded by a newer one is never drawn; the sampled points are painted
// by one PointCloudItem rather than a graphics item per point. Screenshot: build/screenshots/.
#include "app_test_support.h"

#include "app/desktop/charts/point_cloud_item.h"
#include "app/desktop/charts/scatter_chart.h"
#include "app/desktop/workers/evaluation.h"
#include "app/desktop/workers/latest_task.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImage>
#include <QScatterSeries>
#include <QSignalSpy>

#include <atomic>
#include <cmath>
#include <thread>

using namespace preplab;
using namespace preplab::desktop;

namespace {

// n rows: x spread over [0, 100), y = 0.5 x + `shift`; every 10th x missing.
std::shared_ptr<const Table> linear(std::size_t n, double shift)
{
    std::vector<std::optional<double>> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double u = std::fmod(static_cast<double>(i) * 0.61803398875, 1.0) * 100;
        x[i] = i % 10 == 3 ? std::nullopt : std::optional<double>(u);
        y[i] = 0.5 * u + shift;
    }
    auto table = std::make_shared<Table>();
    REQUIRE(table->addColumn("x", Column::fromOptionals(x)));
    REQUIRE(table->addColumn("y", Column::fromOptionals(y)));
    return table;
}

ScatterInputs imputed(std::size_t n, double shift)
{
    EvaluationRequest request;
    request.source = linear(n, shift);
    request.steps = {{{"op", "impute"}, {"strategy", "mean"}}};
    request.step = 0;
    const EvaluationResult r = evaluate(request);
    REQUIRE_FALSE(r.error);
    return {r.before, r.after, r.highlights, true, QStringLiteral("step 1"), QStringLiteral("x")};
}

QScatterSeries* seriesNamed(QChart* chart, const QString& prefix)
{
    for (QAbstractSeries* s : chart->series())
        if (s->name().startsWith(prefix))
            return qobject_cast<QScatterSeries*>(s);
    return nullptr;
}

// Pixels of `image` close to `colour` (the points are drawn translucent over white).
int pixelsNear(const QImage& image, QColor colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor p = image.pixelColor(x, y);
            if (std::abs(p.red() - colour.red()) < 60 && std::abs(p.green() - colour.green()) < 60 &&
                std::abs(p.blue() - colour.blue()) < 40 && p.blue() > p.red() + 60)
                ++n;
        }
    return n;
}

} // namespace

TEST_CASE("Scatter: a 20,000-row sample fills in after the worker, painted by one item", "[app][scatter]")
{
    const ScatterInputs inputs = imputed(20'000, 0);
    ScatterChart chart;
    chart.resize(800, 450);
    chart.show();
    QSignalSpy drawn(&chart, &ScatterChart::drawn);
    QElapsedTimer timer;
    timer.start();
    chart.setInputs(inputs);
    chart.setActive(true);
    const qint64 guiMs = timer.elapsed();
    // Nothing was sampled on this thread: the chart is still empty and fills in later.
    CHECK(drawn.count() == 0);
    CHECK(chart.chart()->series().isEmpty());
    CHECK(chart.comparison().mode == ScatterComparison::Mode::Empty);
    REQUIRE(drawn.wait(10'000));
    WARN("setInputs + setActive on the GUI thread: " << guiMs << " ms; drawn after " << timer.elapsed() << " ms");

    const ScatterComparison& c = chart.comparison();
    REQUIRE(c.mode == ScatterComparison::Mode::Sample);
    CHECK(c.before.pairs == 18'000);
    CHECK(c.after.pairs == 20'000);
    CHECK(c.filledCount == 2'000);
    CHECK(chart.noteText().startsWith(QStringLiteral("showing a 3,000-point sample of 18,000 rows before and 20,000 after")));
    // The points are painted by the cloud item, in the order before, after, filled marks; the
    // series only carry the legend.
    const PointCloudItem* cloud = chart.pointCloud();
    REQUIRE(cloud->layerCount() == 3);
    CHECK(cloud->pointCount(0) == c.before.points.size());
    CHECK(cloud->pointCount(1) == c.after.points.size());
    CHECK(cloud->pointCount(2) == c.filled.size());
    CHECK(c.after.points.size() == 3000);
    REQUIRE(seriesNamed(chart.chart(), QStringLiteral("after")));
    CHECK(seriesNamed(chart.chart(), QStringLiteral("after"))->count() == 0);
    CHECK(seriesNamed(chart.chart(), QStringLiteral("filled by the step (2,000)")));
    CHECK(cloud->boundingRect() == chart.chart()->plotArea());

    // And they reach the screen: the after colour covers part of the plot.
    QApplication::processEvents();
    const QImage image = chart.view()->grab().toImage();
    const int blue = pixelsNear(image, QColor(0x00, 0x72, 0xB2));
    INFO("pixels in the after colour: " << blue);
    CHECK(blue > 500);  // a 350-px diagonal band of 5-px markers; an empty plot has none
    QDir().mkpath(QStringLiteral(PREPLAB_SCREENSHOT_DIR));
    REQUIRE(chart.grab().save(QStringLiteral(PREPLAB_SCREENSHOT_DIR "/scatter_sample.png")));

    // A small table goes back to plain series (every point a Qt Charts point).
    chart.setInputs(imputed(300, 0));
    REQUIRE(drawn.wait(10'000));
    CHECK(chart.comparison().mode == ScatterComparison::Mode::Points);
    CHECK(chart.pointCloud()->layerCount() == 0);
    CHECK(seriesNamed(chart.chart(), QStringLiteral("after"))->count() == 300);
}

TEST_CASE("Scatter: a request superseded by a newer one is never drawn", "[app][scatter]")
{
    const ScatterInputs first = imputed(20'000, 0);
    const ScatterInputs second = imputed(12'000, 1000);  // other rows, y shifted by 1000
    ScatterChart chart;
    QSignalSpy drawn(&chart, &ScatterChart::drawn);
    chart.setActive(true);
    chart.setInputs(first);
    chart.setInputs(second);
    REQUIRE(drawn.wait(10'000));
    QElapsedTimer settle;  // anything still on its way would arrive now
    settle.start();
    while (settle.elapsed() < 300)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(drawn.count() == 1);
    CHECK(chart.comparison().after.rows == 12'000);
    CHECK(chart.comparison().yMin >= 1000);
}

TEST_CASE("LatestTask: a running job's result is dropped once a newer request replaces it", "[app][scatter]")
{
    LatestTask task;
    QSignalSpy finished(&task, &LatestTask::finished);
    std::atomic<bool> release{false}, firstStarted{false}, firstSawCancel{false}, firstDone{false};
    task.requestNow([&](const Progress& progress) {
        firstStarted = true;
        while (!release)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        firstSawCancel = progress.cancelled();
        firstDone = true;
        return QVariant(1);
    });
    while (!firstStarted)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    task.requestNow([](const Progress&) { return QVariant(2); });
    release = true;
    task.waitForIdle();
    while (!firstDone)  // the replaced job ends on its own; its result must still be dropped
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    // Its watcher reports back, is dropped and deleted with the result it holds.
    QElapsedTimer late;
    late.start();
    while (!task.findChildren<QFutureWatcherBase*>().isEmpty() && late.elapsed() < 5000) {
        QApplication::processEvents(QEventLoop::AllEvents, 10);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    CHECK(task.findChildren<QFutureWatcherBase*>().isEmpty());
    REQUIRE(finished.count() == 1);
    CHECK(finished.at(0).at(0).toInt() == 2);
    CHECK(firstSawCancel);  // the replaced job was told to stop
    CHECK_FALSE(task.isBusy());
}
