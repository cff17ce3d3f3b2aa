// EvaluationWorker: recomputes everything derived from the Document off the GUI thread: the
// recipe's step outputs up to the selected step, the profile of the shown table and the
// before/after series of the selected column. Requests are debounced (a slider drag computes once
// it pauses) and a newer request cancels the running one through the Progress cancel flag; only
// the newest result is delivered. The profile of the shown table comes second: `finished` carries
// the step outputs, marks and chart series as soon as they exist (profilePending set when the
// profile is not cached), and `profiled` follows with the same result and its profile.
#pragma once

#include "app/desktop/workers/evaluation.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace preplab::desktop {

class EvaluationWorker : public QObject {
    Q_OBJECT
public:
    explicit EvaluationWorker(QObject* parent = nullptr);
    ~EvaluationWorker() override;

    // Schedules `request` after the debounce delay, replacing any pending one.
    void request(EvaluationRequest request);
    // Starts `request` now (no debounce).
    void requestNow(EvaluationRequest request);
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    bool isBusy() const;
    void cancel();
    // Blocks until no job runs and no request is pending (tests).
    void waitForIdle();

Q_SIGNALS:
    void started();
    void finished(const preplab::desktop::EvaluationResult& result);
    void profiled(const preplab::desktop::EvaluationResult& result);

private:
    void startPending();
    void startProfile(EvaluationResult result, std::shared_ptr<PipelineCache> cache);
    // Runs `work` off the GUI thread as the current job, cancelling the previous one; `deliver`
    // gets its result on the GUI thread unless a newer job has replaced it meanwhile.
    void run(std::function<EvaluationResult(const Progress&)> work, std::function<void(EvaluationResult)> deliver);

    struct Job;
    EvaluationRequest m_pending;
    bool m_hasPending = false;
    bool m_profileQueued = false;  // a profile starts once the delivered result is painted
    QTimer m_debounce;
    std::shared_ptr<Job> m_job;
    QFutureWatcher<EvaluationResult>* m_watcher = nullptr;
};

} // namespace preplab::desktop
