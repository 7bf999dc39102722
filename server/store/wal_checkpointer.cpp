#include "store/wal_checkpointer.h"

#include "server_log.h"
#include "store/db.h"

#include <sqlite3.h>

namespace liuhe::store {

WalCheckpointer::WalCheckpointer(const StoreConfig &config) : m_config(config)
{
    m_thread = std::thread([this] { loop(); });
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void WalCheckpointer::attach(::sqlite3 *writer) { sqlite3_wal_hook(writer, &WalCheckpointer::walHook, this); }

int WalCheckpointer::walHook(void *self, ::sqlite3 *db, const char *schema, int pages)
{
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    if (pages >= kWriterPages) {
        // Most of the log is copied already; the writer copies the rest, so its
        // next transaction finds the log complete and starts it over.
        std::lock_guard copying(checkpointer->m_copying);
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        return SQLITE_OK;
    }
    if (pages >= kStartPages) {
        {
            std::lock_guard lock(checkpointer->m_mutex);
            checkpointer->m_wanted = true;
        }
        checkpointer->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::loop()
{
    std::unique_ptr<Db> db;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || m_wanted; });
            if (m_stopping) return;
            m_wanted = false;
        }
        try {
            if (!db) db = std::make_unique<Db>(m_config, QStringLiteral("checkpoint"));
            std::lock_guard copying(m_copying);
            // PASSIVE: copies what no reader still needs, never waits for the writer.
            const int rc = sqlite3_wal_checkpoint_v2(db->sqliteHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            if (rc != SQLITE_OK && rc != SQLITE_BUSY) log::warn(QStringLiteral("WAL checkpoint failed: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
        } catch (const StoreError &e) {
            log::warn(QStringLiteral("WAL checkpoint connection: %1").arg(e.message()));
            db.reset();
        }
    }
}

} // namespace liuhe::store
