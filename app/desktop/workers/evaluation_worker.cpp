#include "app/desktop/workers/evaluation_worker.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace preplab::desktop {

struct EvaluationWorker::Job {
    std::atomic<bool> cancel{false};
};

EvaluationWorker::EvaluationWorker(QObject* parent) : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &EvaluationWorker::startPending);
}

EvaluationWorker::~EvaluationWorker()
{
    cancel();
    if (m_watcher)
        m_watcher->waitForFinished();
}

void EvaluationWorker::request(EvaluationRequest request)
{
    m_pending = std::move(request);
    m_hasPending = true;
    m_debounce.start();
}

void EvaluationWorker::requestNow(EvaluationRequest request)
{
    m_pending = std::move(request);
    m_hasPending = true;
    m_debounce.stop();
    startPending();
}

bool EvaluationWorker::isBusy() const { return m_hasPending || m_profileQueued || m_watcher != nullptr; }

void EvaluationWorker::cancel()
{
    m_debounce.stop();
    m_hasPending = false;
    m_profileQueued = false;
    if (m_job)
        m_job->cancel = true;
}

void EvaluationWorker::startPending()
{
    if (!m_hasPending)
        return;
    m_hasPending = false;
    m_profileQueued = false;
    if (m_job)
        m_job->cancel = true;  // the running job stops at its next progress check
    auto job = std::make_shared<Job>();
    m_job = job;
    if (m_watcher)
        m_watcher->disconnect(this);
    auto* watcher = new QFutureWatcher<EvaluationResult>(this);
    m_watcher = watcher;
    EvaluationRequest request = std::move(m_pending);
    request.deferProfile = true;
    std::shared_ptr<PipelineCache> cache = request.cache;
    connect(watcher, &QFutureWatcher<EvaluationResult>::finished, this, [this, watcher, job, cache] {
        EvaluationResult result = watcher->result();
        watcher->deleteLater();
        if (job != m_job)
            return;
        m_watcher = nullptr;
        m_job.reset();
        if (result.cancelled)
            return;
        Q_EMIT finished(result);
        if (!result.profilePending)
            return;
        // After the window has painted what `finished` changed: the profile then does not compete
        // with the repaint for the CPU.
        m_profileQueued = true;
        QTimer::singleShot(0, this, [this, result = std::move(result), cache]() mutable {
            if (!m_profileQueued)
                return;
            m_profileQueued = false;
            if (!m_job && !m_hasPending)
                startProfile(std::move(result), cache);
        });
    });
    Q_EMIT started();
    watcher->setFuture(QtConcurrent::run([request = std::move(request), job] {
        return evaluate(request, Progress({}, &job->cancel));
    }));
}

void EvaluationWorker::startProfile(EvaluationResult result, std::shared_ptr<PipelineCache> cache)
{
    auto job = std::make_shared<Job>();
    m_job = job;
    auto* watcher = new QFutureWatcher<EvaluationResult>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<EvaluationResult>::finished, this, [this, watcher, job] {
        EvaluationResult result = watcher->result();
        watcher->deleteLater();
        if (job != m_job)
            return;
        m_watcher = nullptr;
        m_job.reset();
        if (!result.cancelled)
            Q_EMIT profiled(result);
    });
    watcher->setFuture(QtConcurrent::run([result = std::move(result), cache, job]() mutable {
        try {
            result.cancelled = !profileResult(result, cache, Progress({}, &job->cancel));
        } catch (const std::exception&) {
            result.cancelled = true;  // the worker-thread boundary: no profile, the old one stays
        }
        return result;
    }));
}

void EvaluationWorker::waitForIdle()
{
    while (isBusy()) {
        if (m_watcher)
            m_watcher->waitForFinished();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
}

} // namespace preplab::desktop
