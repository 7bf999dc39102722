// Makes the writer's commits durable on its own thread. The writer's commits
// write the log without an fsync (sqlite_gathered_log.h) and it goes on with
// the next batch; this thread fsyncs the write-ahead log and only then lets the
// batch's answers go out. One fsync covers every batch committed before it (group commit across batches), and
// an acknowledged write is as durable as with synchronous = FULL, because the log
// holds every committed frame in order and SQLite replays it after a power loss.
#pragma once

#include <QString>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace liuhe::store {

class WalSyncer {
public:
    // Called with true once the batch is on disk, false if the fsync failed.
    using Done = std::function<void(bool durable)>;

    explicit WalSyncer(const QString &databasePath);
    ~WalSyncer(); // syncs and answers what is still queued
    WalSyncer(const WalSyncer &) = delete;
    WalSyncer &operator=(const WalSyncer &) = delete;

    // Hands over a committed batch; `done` runs on the syncer's thread.
    void afterCommit(Done done);
    // Returns once everything handed over so far is synced and answered.
    void drain();
    qint64 syncs() const { return m_syncs.load(); }

private:
    void loop();
    int syncLog(); // 0, or the errno of what failed

    QString m_walPath;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_drained;
    std::vector<Done> m_waiting;
    bool m_busy = false; // a sync and its answers are under way
    bool m_stopping = false;
    std::atomic<qint64> m_syncs{0};
    int m_fd = -1;
    std::thread m_thread;
};

} // namespace liuhe::store
