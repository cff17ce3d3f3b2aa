// LatestTask: runs one computation at a time off the GUI thread for a panel (bias, model) and
// delivers only the newest result. A new request cancels the running job through the Progress
// cancel flag and is debounced, so a burst of recipe edits computes once; a stale result is
// dropped. The job returns its result wrapped in a QVariant (the panel knows its type).
#pragma once

#include "core/util/progress.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <QVariant>

#include <functional>
#include <memory>

namespace preplab::desktop {

class LatestTask : public QObject {
    Q_OBJECT
public:
    using Job = std::function<QVariant(const Progress& progress)>;

    explicit LatestTask(QObject* parent = nullptr);
    ~LatestTask() override;

    // Schedules `job` after the debounce delay, replacing any pending one.
    void request(Job job);
    // Starts `job` now (no debounce).
    void requestNow(Job job);
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    bool isBusy() const;
    void cancel();
    // Blocks until no job runs and none is pending (tests).
    void waitForIdle();

Q_SIGNALS:
    void started();
    // Fraction done of the running job, in thousandths, with its stage.
    void progressChanged(int permille, const QString& stage);
    void finished(const QVariant& result);

private:
    void startPending();

    struct Run;
    Job m_pending;
    QTimer m_debounce;
    std::shared_ptr<Run> m_run;
    QFutureWatcher<QVariant>* m_watcher = nullptr;
};

} // namespace preplab::desktop
