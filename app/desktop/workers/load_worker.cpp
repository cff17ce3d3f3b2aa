#include "app/desktop/workers/load_worker.h"

#include "app/desktop/util/qt_convert.h"
#include "core/io/reader.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace preplab::desktop {

struct LoadWorker::Job {
    std::atomic<bool> cancel{false};
    std::atomic<int> lastPermille{-1};
};

LoadOutcome loadTable(const QString& path, const Progress& progress)
{
    LoadOutcome outcome;
    outcome.path = path;
    QElapsedTimer timer;
    timer.start();
    try {
        auto result = io::readTable(toStdString(path), {}, progress);
        if (result.ok()) {
            outcome.table = std::make_shared<const Table>(std::move(result->table));
            outcome.warnings = std::move(result->warnings);
            outcome.format = toQString(result->format);
        } else if (result.error().code == ErrorCode::Cancelled) {
            outcome.cancelled = true;
        } else {
            outcome.error = result.error();
            if (outcome.error->file.empty())
                outcome.error->file = toStdString(path);
        }
    } catch (const std::exception& e) {
        // The worker-thread boundary: nothing escapes into Qt's event loop.
        outcome.error = makeError(ErrorCode::Internal, e.what(), toStdString(path));
    }
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

LoadWorker::LoadWorker(QObject* parent) : QObject(parent) {}

LoadWorker::~LoadWorker()
{
    cancel();
    wait();
}

void LoadWorker::start(const QString& path)
{
    cancel();
    auto job = std::make_shared<Job>();
    m_job = job;
    // The replaced load finishes unseen: its handler sees a newer job, drops the table it read
    // and deletes its watcher.
    m_watcher = new QFutureWatcher<LoadOutcome>(this);
    auto* watcher = m_watcher;
    connect(watcher, &QFutureWatcher<LoadOutcome>::finished, this, [this, watcher, job] {
        LoadOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (job != m_job)
            return;
        m_watcher = nullptr;
        m_job.reset();
        Q_EMIT finished(outcome);
    });
    Progress progress(
        [this, job](double fraction, std::string_view stage) {
            const int permille = static_cast<int>(fraction * 1000.0);
            if (permille <= job->lastPermille.exchange(permille))
                return;  // report each 0.1 % once
            QString text = toQString(stage);
            QMetaObject::invokeMethod(
                this, [this, job, permille, text] {
                    if (job == m_job)
                        Q_EMIT progressChanged(permille, text);
                },
                Qt::QueuedConnection);
        },
        &job->cancel);
    watcher->setFuture(QtConcurrent::run([path, progress] { return loadTable(path, progress); }));
}

void LoadWorker::cancel()
{
    if (m_job)
        m_job->cancel = true;
}

bool LoadWorker::isRunning() const { return m_watcher && m_watcher->isRunning(); }

void LoadWorker::wait()
{
    if (m_watcher)
        m_watcher->waitForFinished();
}

} // namespace preplab::desktop
