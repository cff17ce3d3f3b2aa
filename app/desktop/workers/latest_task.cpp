#include "app/desktop/workers/latest_task.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace preplab::desktop {

struct LatestTask::Run {
    std::atomic<bool> cancel{false};
};

LatestTask::LatestTask(QObject* parent) : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &LatestTask::startPending);
}

LatestTask::~LatestTask()
{
    cancel();
    if (m_watcher)
        m_watcher->waitForFinished();
}

void LatestTask::request(Job job)
{
    m_pending = std::move(job);
    m_debounce.start();
}

void LatestTask::requestNow(Job job)
{
    m_pending = std::move(job);
    m_debounce.stop();
    startPending();
}

bool LatestTask::isBusy() const { return static_cast<bool>(m_pending) || m_watcher != nullptr; }

void LatestTask::cancel()
{
    m_debounce.stop();
    m_pending = nullptr;
    if (m_run)
        m_run->cancel = true;
}

void LatestTask::startPending()
{
    if (!m_pending)
        return;
    Job job = std::move(m_pending);
    m_pending = nullptr;
    if (m_run)
        m_run->cancel = true;  // the running job stops at its next progress check
    auto run = std::make_shared<Run>();
    m_run = run;
    // The replaced job's watcher stays connected: its handler sees a newer run, drops the result
    // and deletes the watcher (disconnected, it lived, with its result, as long as this task).
    auto* watcher = new QFutureWatcher<QVariant>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<QVariant>::finished, this, [this, watcher, run] {
        QVariant result = watcher->result();
        watcher->deleteLater();
        if (run != m_run)
            return;
        m_watcher = nullptr;
        m_run.reset();
        if (!run->cancel)
            Q_EMIT finished(result);
    });
    Q_EMIT started();
    QPointer<LatestTask> self(this);
    Progress::Callback report = [self, run](double fraction, std::string_view stage) {
        if (!self)
            return;
        const int permille = static_cast<int>(fraction * 1000);
        const QString text = QString::fromUtf8(stage.data(), static_cast<qsizetype>(stage.size()));
        QMetaObject::invokeMethod(
            self.data(),
            [self, run, permille, text] {
                if (self && run == self->m_run)
                    Q_EMIT self->progressChanged(permille, text);
            },
            Qt::QueuedConnection);
    };
    watcher->setFuture(QtConcurrent::run([job = std::move(job), run, report] {
        return job(Progress(report, &run->cancel));
    }));
}

void LatestTask::waitForIdle()
{
    while (isBusy()) {
        if (m_debounce.isActive()) {
            m_debounce.stop();
            startPending();
        }
        if (m_watcher)
            m_watcher->waitForFinished();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
}

} // namespace preplab::desktop
