#include "store/wal_checkpointer.h"

#include "server_log.h"
#include "store/db.h"

#include <sqlite3.h>

namespace liuhe::store {

WalCheckpointer::WalCheckpointer(const StoreConfig &config, int restartPages) : m_config(config), m_restartPages(restartPages)
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
    if (pages < checkpointer->m_wokenAt) { // the log started over
        checkpointer->m_wokenAt = 0;
        checkpointer->m_lastStep = 0;
    }
    if (pages >= checkpointer->m_restartPages) {
        // One last background step first; the writer takes its turn at its
        // first commit after that step has run, so what it copies itself is a
        // commit or two and it never waits for the background copy. Its
        // transaction after that finds the log complete and starts it over.
        if (checkpointer->m_lastStep == 0) {
            checkpointer->m_lastStep = checkpointer->wakeBackground();
            return SQLITE_OK;
        }
        // Not woken again, the background thread is idle once its last step
        // ran. If that step is slow (the disk saturated, the thread starved),
        // the writer waits for it past a margin: back-pressure, so the log
        // cannot outgrow the mark by more.
        const bool stepDone = checkpointer->m_stepsDone.load() >= checkpointer->m_lastStep;
        if (!stepDone && pages < checkpointer->m_restartPages + kWaitMarginPages) return SQLITE_OK;
        std::lock_guard copying(checkpointer->m_copying);
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        return SQLITE_OK;
    }
    // Copied back in steps (kStepPages).
    if (pages - checkpointer->m_wokenAt >= kStepPages) {
        checkpointer->m_wokenAt = pages;
        checkpointer->wakeBackground();
    }
    return SQLITE_OK;
}

quint64 WalCheckpointer::wakeBackground()
{
    quint64 step = 0;
    {
        std::lock_guard lock(m_mutex);
        step = ++m_stepsAsked;
        m_wanted = true;
    }
    m_wake.notify_one();
    return step;
}

void WalCheckpointer::loop()
{
    std::unique_ptr<Db> db;
    for (;;) {
        quint64 serving = 0; // every step asked for until now
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || m_wanted; });
            if (m_stopping) return;
            m_wanted = false;
            serving = m_stepsAsked;
        }
        try {
            if (!db) db = std::make_unique<Db>(m_config, QStringLiteral("checkpoint"), DbUse::Checkpoint);
            std::lock_guard copying(m_copying);
            // PASSIVE: copies what no reader still needs, never waits for the writer.
            const int rc = sqlite3_wal_checkpoint_v2(db->sqliteHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            if (rc != SQLITE_OK && rc != SQLITE_BUSY) log::warn(QStringLiteral("WAL checkpoint failed: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
        } catch (const StoreError &e) {
            log::warn(QStringLiteral("WAL checkpoint connection: %1").arg(e.message()));
            db.reset();
        }
        m_stepsDone = serving; // done or failed: the writer need not wait longer for it
    }
}

} // namespace liuhe::store
