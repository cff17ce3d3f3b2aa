// LoadWorker: reads a table file off the GUI thread (preplab::io::readTable) and reports progress;
// cancel() stops it through the Progress cancel flag. Starting a new load cancels the running one,
// whose outcome is then dropped.
#pragma once

#include "core/io/read_options.h"
#include "core/util/progress.h"
#include "core/util/result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace preplab::desktop {

struct LoadOutcome {
    QString path;
    std::shared_ptr<const Table> table;  // null on error or cancel
    Diagnostics warnings;
    QString format;
    std::optional<Error> error;
    bool cancelled = false;
    qint64 elapsedMs = 0;
};

// Reads `path` synchronously (what the worker runs; also used by tests).
LoadOutcome loadTable(const QString& path, const Progress& progress = {});

class LoadWorker : public QObject {
    Q_OBJECT
public:
    explicit LoadWorker(QObject* parent = nullptr);
    ~LoadWorker() override;

    void start(const QString& path);
    void cancel();
    bool isRunning() const;
    // Blocks until the running load (if any) has finished; for tests and shutdown.
    void wait();

Q_SIGNALS:
    void progressChanged(int permille, const QString& stage);
    // Emitted on the GUI thread; not emitted for a load replaced by a newer one.
    void finished(const preplab::desktop::LoadOutcome& outcome);

private:
    struct Job;
    std::shared_ptr<Job> m_job;
    QFutureWatcher<LoadOutcome>* m_watcher = nullptr;
};

} // namespace preplab::desktop

Q_DECLARE_METATYPE(preplab::desktop::LoadOutcome)
