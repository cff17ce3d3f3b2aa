// The desktop workbench at a million rows, offscreen: how long a parameter change takes to reach
// repainted charts, and how long the data table takes to repaint after a jump (scrolling).
//   usage: bench_desktop [CSV] [--repeat N]     (default: bench/out/mixed_1000000.csv, 10)
// Opens the main window at 1280x720 on CSV, selects `income`, adds an impute step (median) and a
// scale step (standard), then times
//   (i)  parameter change -> charts repainted: the step editor's drop-down is changed (impute
//        strategy mean <-> median with the impute step shown; scale method standard <-> minmax
//        with the scale step shown), or an EditStepCommand pushed (the impute strategy with the
//        scale step shown, as undo/redo would: both steps re-run),
//        the evaluation runs off the GUI thread, the window applies the result, and the
//        before/after chart is rendered (grab()). The evaluation's debounce is set to 0 here and
//        reported separately: it is a deliberate wait, not work.
//   (ii) table scrolling: the table jumps to 20 rows spread over the table and its viewport is
//        rendered (grab()), with the scale step's marks shown.
// Prints a Markdown section (bench/run_desktop_bench.sh writes it to bench/results/desktop.md).
#include "app/desktop/charts/before_after_chart.h"
#include "app/desktop/commands/edit_step_command.h"
#include "app/desktop/document/document.h"
#include "app/desktop/main_window.h"
#include "app/desktop/models/table_model.h"
#include "app/desktop/views/recipe_panel.h"
#include "app/desktop/views/step_editor.h"
#include "app/desktop/views/table_panel.h"
#include "app/desktop/workers/evaluation_worker.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace preplab;
using namespace preplab::desktop;

namespace {

void settle(MainWindow& window)
{
    while (window.loadWorker()->isRunning() || window.evaluationWorker()->isBusy()) {
        window.loadWorker()->wait();
        window.evaluationWorker()->waitForIdle();
        QApplication::processEvents();
    }
    QApplication::processEvents();
}

// User + system CPU time of the whole process (every thread), ms: less disturbed by other jobs on
// the machine than wall time.
double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto ms = [](const timeval& t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

struct Stats {
    double best = 0, median = 0, worst = 0;
};

Stats statsOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    if (v.empty())
        return {};
    return {v.front(), v[v.size() / 2], v.back()};
}

struct Sample {
    double total = 0;   // push -> chart rendered
    double worker = 0;  // the evaluation off the GUI thread (EvaluationResult::totalMs)
    double step = 0;    // the shown step alone (EvaluationResult::stepMs)
    double render = 0;  // chart grab()
    double cpu = 0;     // CPU time of all threads, push -> chart rendered
    double profiled = 0;  // push -> profile of the shown table delivered (column list updated)
};

// One parameter change: pushes the edit, waits for the evaluation and renders the chart.
// The step editor's drop-down offering both `a` and `b` (the field a person would change).
QComboBox* editorChoice(MainWindow& window, const QString& a, const QString& b)
{
    for (QComboBox* box : window.recipePanel()->editor()->findChildren<QComboBox*>())
        if (box->isVisible() && box->findText(a) >= 0 && box->findText(b) >= 0)
            return box;
    return nullptr;
}

// One parameter change: through the step editor's drop-down when the edited step is the one shown
// (as a person changes it), else as an undo command (as undo/redo does); waits for the evaluation
// and renders the chart.
Sample change(MainWindow& window, int step, const char* field, const std::string& value, const std::string& other)
{
    Document* document = window.document();
    bool done = false;
    double appliedAt = 0, profiledAt = 0;
    QElapsedTimer clock;
    // Connected after the window's own slot: runs once the window has applied the result.
    auto connection = QObject::connect(window.evaluationWorker(), &EvaluationWorker::finished, &window,
                                       [&](const EvaluationResult&) {
                                           appliedAt = double(clock.nsecsElapsed()) / 1e6;
                                           done = true;
                                       });
    auto profileConnection = QObject::connect(window.evaluationWorker(), &EvaluationWorker::profiled, &window,
                                              [&](const EvaluationResult&) { profiledAt = double(clock.nsecsElapsed()) / 1e6; });
    const double cpuStart = cpuMs();
    clock.start();
    QComboBox* choice = step == document->currentStep()
                            ? editorChoice(window, QString::fromStdString(value), QString::fromStdString(other))
                            : nullptr;
    if (choice)
        choice->setCurrentText(QString::fromStdString(value));
    else if (step == document->currentStep())
        std::fprintf(stderr, "bench_desktop: no drop-down for %s in the step editor\n", field);
    if (!choice)
        document->undoStack()->push(new EditStepCommand(document, step, field, value));
    while (!done)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QObject::disconnect(connection);
    const QPixmap pixmap = window.beforeAfterChart()->grab();
    Sample s;
    s.total = double(clock.nsecsElapsed()) / 1e6;
    s.render = s.total - appliedAt;
    s.cpu = cpuMs() - cpuStart;
    s.worker = window.lastEvaluation().totalMs;
    s.step = window.lastEvaluation().stepMs;
    (void)pixmap;
    settle(window);
    QObject::disconnect(profileConnection);
    s.profiled = profiledAt > 0 ? profiledAt : s.total;
    return s;
}

void reportChange(const char* name, const std::vector<Sample>& samples)
{
    auto pick = [&](double Sample::*field) {
        std::vector<double> v;
        for (const Sample& s : samples)
            v.push_back(s.*field);
        return statsOf(v);
    };
    const Stats total = pick(&Sample::total), worker = pick(&Sample::worker), step = pick(&Sample::step),
                render = pick(&Sample::render), profiled = pick(&Sample::profiled), cpu = pick(&Sample::cpu);
    std::printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n", name, total.best, total.median,
                total.worst, cpu.median, worker.median, step.median, render.median, profiled.median);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PrepLabBench"));
    QApplication::setApplicationName(QStringLiteral("bench_desktop"));

    QString csv = QStringLiteral(PREPLAB_SOURCE_DIR "/bench/out/mixed_1000000.csv");
    int repeat = 10;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else
            csv = QString::fromLocal8Bit(argv[i]);
    }

    MainWindow window;
    window.resize(1280, 720);
    window.show();
    QElapsedTimer clock;
    clock.start();
    window.openFile(csv);
    settle(window);
    if (!window.document()) {
        std::fprintf(stderr, "bench_desktop: cannot open %s\n", qPrintable(csv));
        return 1;
    }
    const double openMs = double(clock.elapsed());
    const int debounceMs = 150;  // EvaluationWorker's default (evaluation_worker.cpp)
    window.evaluationWorker()->setDebounceMs(0);
    Document* document = window.document();
    document->setCurrentColumn(QStringLiteral("income"));
    settle(window);
    window.recipePanel()->addStepOfOp(QStringLiteral("impute"));
    settle(window);
    window.recipePanel()->addStepOfOp(QStringLiteral("scale"));
    settle(window);
    const auto rows = document->source()->rowCount();

    std::printf("Data: `%s`, %zu rows x %zu columns; opened (read + profile + first paint) in %.0f ms.\n",
                qPrintable(csv.section(QLatin1Char('/'), -1)), rows, document->source()->columnCount(), openMs);
    std::printf("Recipe: impute (median, every number column with missing values), scale (standard). "
                "Chart column: income. Window 1280x720, offscreen.\n\n");
    std::printf("### Parameter change -> charts repainted (ms, %d changes each)\n\n", repeat);
    std::printf("The edit is debounced by %d ms in the app (a slider drag computes once it pauses); the\n"
                "times below exclude that wait (debounce set to 0 ms). total = the edit (the step editor's\n"
                "drop-down for the shown step, an undo command for an earlier step) -> evaluation\n"
                "off the GUI thread -> window updated -> before/after chart rendered (grab()), wall time; CPU = the\n"
                "CPU time of every thread over the same span (less disturbed by other jobs); worker = the\n"
                "evaluation thread (steps re-run, cell marks, chart series); step = the shown\n"
                "step alone; render = the chart's grab(); profile done = the profile of the shown table (column\n"
                "list, inspector), which the worker computes after delivering the charts. Goal: total < 100 ms.\n\n",
                debounceMs);
    std::printf("| change | total best | total median | total worst | CPU median | worker median | step median "
                "| render median | profile done median |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    struct Scenario {
        const char* name;
        int shown;
        int edited;
        const char* field;
        std::string a, b;
    };
    const Scenario scenarios[] = {
        {"impute strategy mean <-> median (impute shown)", 0, 0, "strategy", "mean", "median"},
        {"scale method standard <-> minmax (scale shown)", 1, 1, "method", "minmax", "standard"},
        {"impute strategy (scale shown: both steps re-run)", 1, 0, "strategy", "mean", "median"},
    };
    for (const Scenario& sc : scenarios) {
        document->setCurrentStep(sc.shown);
        settle(window);
        change(window, sc.edited, sc.field, sc.a, sc.b);  // warm-up
        std::vector<Sample> samples;
        for (int i = 0; i < repeat; ++i)
            samples.push_back(change(window, sc.edited, sc.field, i % 2 == 0 ? sc.b : sc.a, i % 2 == 0 ? sc.a : sc.b));
        reportChange(sc.name, samples);
    }

    // Where the worker's time goes: evaluate() called directly on the impute change, with the
    // profile inline (as the worker did before it deferred it) and deferred.
    {
        EvaluationRequest request;
        request.source = document->source();
        request.steps = document->steps();
        request.step = 0;
        request.column = "income";
        request.cache = makePipelineCache();
        (void)evaluate(request);  // warm: the source in the cache
        std::vector<double> inline_, deferred, steps;
        for (int i = 0; i < repeat; ++i) {
            for (const bool defer : {false, true}) {
                request.steps[0]["strategy"] = (i * 2 + int(defer)) % 2 ? "mean" : "median";
                request.deferProfile = defer;
                const EvaluationResult r = evaluate(request);
                (defer ? deferred : inline_).push_back(r.totalMs);
                steps.push_back(r.stepMs);
            }
        }
        const Stats a = statsOf(inline_), b = statsOf(deferred), st = statsOf(steps);
        std::printf("\nThe worker alone (evaluate() called directly, impute strategy changes, median of %d): "
                    "%.1f ms with the profile of the shown table inline (the worker's path before this "
                    "change), %.1f ms with it deferred; the impute step itself %.1f ms.\n",
                    repeat, a.median, b.median, st.median);
    }

    // (ii) Scrolling: jumps spread over the table, each followed by a full viewport render.
    document->setCurrentStep(1);
    settle(window);
    QTableView* view = window.tablePanel()->view();
    TableModel* model = window.tablePanel()->model();
    std::printf("\n### Table scrolling (ms per frame, 20 jumps over %d rows)\n\n", model->rowCount());
    std::printf("Each frame: scrollTo() a row spread over the table, then the viewport rendered (grab()), with\n"
                "the scale step's marks shown (every number cell changed). 60 fps = 16.7 ms.\n\n");
    std::printf("| layout | rows x columns on screen | best | median | worst |\n| --- | ---: | ---: | ---: | ---: |\n");
    auto* splitter = window.findChild<QSplitter*>(QStringLiteral("CentralSplitter"));
    for (const bool maximised : {false, true}) {
        if (maximised && splitter) {
            splitter->setSizes({10000, 0});  // the table takes the whole central area
            QApplication::processEvents();
        }
        std::vector<double> frames;
        const int jumps = 20;
        view->viewport()->grab();  // warm-up
        for (int k = 0; k < jumps; ++k) {
            const int row = static_cast<int>(static_cast<long long>(model->rowCount() - 1) * k / (jumps - 1));
            QElapsedTimer frame;
            frame.start();
            view->scrollTo(model->index(row, 0), QAbstractItemView::PositionAtTop);
            const QPixmap pixmap = view->viewport()->grab();
            frames.push_back(double(frame.nsecsElapsed()) / 1e6);
        }
        const Stats f = statsOf(frames);
        const int visibleRows = view->viewport()->height() / std::max(1, view->verticalHeader()->defaultSectionSize());
        const int visibleColumns = view->columnAt(view->viewport()->width() - 1) - view->columnAt(0) + 1;
        std::printf("| %s | %d x %d | %.2f | %.2f | %.2f |\n",
                    maximised ? "table maximised (chart area collapsed)" : "default (table above the charts)",
                    visibleRows, visibleColumns > 0 ? visibleColumns : model->columnCount(), f.best, f.median, f.worst);
    }
    document->undoStack()->clear();
    document->undoStack()->setClean();
    return 0;
}
