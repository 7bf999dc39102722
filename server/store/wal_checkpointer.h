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
    explicit WalCheckpointer(const StoreConfig &config);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Takes over checkpoints of the writer's connection (replaces SQLite's own).
    void attach(::sqlite3 *writer);

    // Pages in the log after which a checkpoint is started in the background
    // (SQLite's default), and after which the writer finishes one itself.
    // Only a writer that begins with the whole log copied back rewinds the log
    // to its start; the background copy always lags the last commit, so
    // without the writer's turn the log file would grow without end.
    static constexpr int kStartPages = 1000;
    static constexpr int kWriterPages = 8000;

private:
    static int walHook(void *self, ::sqlite3 *db, const char *schema, int pages);
    void loop();

    StoreConfig m_config;
    std::mutex m_mutex;
    std::mutex m_copying; // held while a checkpoint runs: the writer's waits for the background one

    std::condition_variable m_wake;
    bool m_wanted = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace liuhe::store
