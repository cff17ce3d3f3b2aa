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
    EvaluationRequest request = std::move(m_pending);
    request.deferProfile = true;
    std::shared_ptr<PipelineCache> cache = request.cache;
    Q_EMIT started();
    run([request = std::move(request)](const Progress& progress) { return evaluate(request, progress); },
        [this, cache](EvaluationResult result) {
            if (result.cancelled)
                return;
            Q_EMIT finished(result);
            if (!result.profilePending)
                return;
            // After the window has painted what `finished` changed: the profile then does not
            // compete with the repaint for the CPU.
            m_profileQueued = true;
            QTimer::singleShot(0, this, [this, result = std::move(result), cache]() mutable {
                if (!m_profileQueued)
                    return;
                m_profileQueued = false;
                if (!m_job && !m_hasPending)
                    startProfile(std::move(result), cache);
            });
        });
}

void EvaluationWorker::startProfile(EvaluationResult result, std::shared_ptr<PipelineCache> cache)
{
    run(
        [result = std::move(result), cache](const Progress& progress) mutable {
            try {
                result.cancelled = !profileResult(result, cache, progress);
            } catch (const std::exception&) {
                result.cancelled = true;  // the worker-thread boundary: no profile, the old one stays
            }
            return result;
        },
        [this](EvaluationResult result) {
            if (!result.cancelled)
                Q_EMIT profiled(result);
        });
}

void EvaluationWorker::run(std::function<EvaluationResult(const Progress&)> work,
                           std::function<void(EvaluationResult)> deliver)
{
    if (m_job)
        m_job->cancel = true;  // the running job stops at its next progress check
    auto job = std::make_shared<Job>();
    m_job = job;
    // The replaced job's watcher stays connected: its handler sees a newer job, drops the result
    // (tables included) and deletes the watcher.
    auto* watcher = new QFutureWatcher<EvaluationResult>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<EvaluationResult>::finished, this,
            [this, watcher, job, deliver = std::move(deliver)] {
                EvaluationResult result = watcher->result();
                watcher->deleteLater();
                if (job != m_job)
                    return;  // superseded: a newer job owns m_watcher
                m_watcher = nullptr;
                m_job.reset();
                deliver(std::move(result));
            });
    watcher->setFuture(QtConcurrent::run([work = std::move(work), job] { return work(Progress({}, &job->cancel)); }));
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
