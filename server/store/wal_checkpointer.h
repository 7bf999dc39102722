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
    // started over. A step copies each page once however many commits wrote
    // it in between: with steps of 4,000 pages, half the log, the hot pages
    // (stock levels, the ends of tables and indexes) are copied a few times
    // per round instead of about once per commit, and the copying thread
    // leaves the writer more of the machine's two cores: 782 → 881 orders/s
    // at K = 16 (steps of 100 pages before; 1,000: 828; 8,000 of a 16,000-page
    // log: 865). The database file is synced in pieces as a step copies
    // (sqlite_paced_sync.h), or the step's burst of writes delays the log's
    // fsyncs: at K = 16 after 20,000 orders at K = 4, p99 was 32.5 ms with
    // steps of 100, 44.6 with steps of 4,000 synced at their end, 37-38 with
    // them synced in pieces.
    // Only a writer that begins with the whole log copied back rewinds the log
    // to its start; the background copy always lags the last commit, so the
    // writer itself finishes the copy then, or the log file would grow
    // without end.
    static constexpr int kStepPages = 4000;
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
