// Copies SQLite's write-ahead log back into the database on its own thread and
// connection, so the writer never stops for it (SQLite's automatic checkpoint
// runs inside the committing writer: about 6 % of its time under load).
#pragma once

#include "store/store_config.h"

#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace liuhe::store {

class WalCheckpointer {
public:
    // Pages of log between background checkpoints, and after which the log is
    // started over. Small steps keep the disk's load even: steps of 2,000 pages
    // gave the same throughput but bursts of database writes that delayed the
    // log's fsyncs (p99 57-61 ms against 48 ms at K = 16). Only a writer that
    // begins with the whole log copied back rewinds the log to its start; the
    // background copy always lags the last commit, so the writer itself
    // finishes the copy then, or the log file would grow without end.
    static constexpr int kStepPages = 100;
    static constexpr int kRestartPages = 8000;
    // Past the mark by this much, the writer waits for the background copy.
    static constexpr int kWaitMarginPages = 4000;

    explicit WalCheckpointer(const StoreConfig &config, int restartPages = kRestartPages);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Takes over checkpoints of the writer's connection (replaces SQLite's own).
    void attach(::sqlite3 *writer);

private:
    static int walHook(void *self, ::sqlite3 *db, const char *schema, int pages);
    quint64 wakeBackground(); // returns the step's number
    void loop();

    StoreConfig m_config;
    int m_restartPages;
    std::mutex m_mutex;
    std::mutex m_copying; // held while a checkpoint runs
    std::condition_variable m_wake;
    bool m_wanted = false;
    quint64 m_stepsAsked = 0;             // under m_mutex
    std::atomic<quint64> m_stepsDone{0}; // every step up to this one has run
    // Writer thread only: log pages when the background copy was last woken, and
    // the number of its last step before the restart (0: not asked for yet).
    int m_wokenAt = 0;
    quint64 m_lastStep = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace liuhe::store
