// Copies SQLite's write-ahead log back into the database on its own thread and
// connection, so the writer never stops for it (SQLite's automatic checkpoint
// runs inside the committing writer: about 6 % of its time under load).
#pragma once

#include "store/store_config.h"

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace liuhe::store {

class WalCheckpointer {
public:
    // Pages of log between background checkpoints, and after which the log is
    // started over. Only a writer that begins with the whole log copied back
    // rewinds the log to its start; the background copy always lags the last
    // commit, so the writer itself finishes the copy then, or the log file
    // would grow without end. 32,000 pages (128 MiB) make that short pause of
    // the writer rare: once per ~280 commits at full load.
    static constexpr int kStepPages = 2000;
    static constexpr int kRestartPages = 32000;

    explicit WalCheckpointer(const StoreConfig &config, int restartPages = kRestartPages);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Takes over checkpoints of the writer's connection (replaces SQLite's own).
    void attach(::sqlite3 *writer);

private:
    static int walHook(void *self, ::sqlite3 *db, const char *schema, int pages);
    void wakeBackground();
    void loop();

    StoreConfig m_config;
    int m_restartPages;
    std::mutex m_mutex;
    std::mutex m_copying; // held while a checkpoint runs: the writer's never waits for the background one

    std::condition_variable m_wake;
    bool m_wanted = false;
    // Writer thread only: log pages when the background copy was last woken, and
    // whether its last step before the restart has been asked for.
    int m_wokenAt = 0;
    bool m_lastStepWoken = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace liuhe::store
