#include "store/db_pool.h"

#include "schema/catalogue.h"
#include "server_log.h"
#include "store/db.h"
#include "store/wal_checkpointer.h"
#include "store/wal_syncer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>
#include <chrono>

namespace liuhe::store {

using protocol::ErrorCode;
using protocol::Reply;

namespace {

Reply storeFailure(const StoreError &e)
{
    switch (e.kind()) {
    case StoreError::Kind::Full:
        return Reply::fail(ErrorCode::Unavailable, QStringLiteral("the store is full; nothing was saved"));
    case StoreError::Kind::ConnectionLost:
    case StoreError::Kind::Retryable:
        return Reply::fail(ErrorCode::Unavailable, QStringLiteral("the store is unavailable; nothing was saved"));
    default:
        return Reply::fail(ErrorCode::Internal, QStringLiteral("store error"));
    }
}

Reply queueTimeout()
{
    return Reply::fail(ErrorCode::Timeout, QStringLiteral("the server was too busy to start this request in time; nothing was done"));
}

} // namespace

DbPool::DbPool(const StoreConfig &config, Options options) : m_config(config), m_options(options)
{
    if (config.backend == Backend::Sqlite) {
        m_checkpointer = std::make_unique<WalCheckpointer>(config, m_options.walRestartPages);
        m_syncer = std::make_unique<WalSyncer>(config.sqlitePath);
    }
    m_writer = std::thread([this] { writerLoop(); });
    for (int i = 0; i < m_options.readers; ++i) m_readers.emplace_back([this, i] { readerLoop(i); });
}

DbPool::~DbPool() { stop(); }

void DbPool::stop()
{
    {
        std::scoped_lock lock(m_writeMutex, m_readMutex);
        if (m_stopping && !m_writer.joinable()) return;
        m_stopping = true;
    }
    m_writeReady.notify_all();
    m_readReady.notify_all();
    if (m_writer.joinable()) m_writer.join();
    if (m_syncer) m_syncer->drain(); // syncs the last batches and answers them
    for (auto &t : m_readers)
        if (t.joinable()) t.join();
    m_readers.clear();
}

bool DbPool::waitedTooLong(Clock::time_point queuedAt) const
{
    return m_options.queueTimeoutMs > 0 && Clock::now() - queuedAt > std::chrono::milliseconds(m_options.queueTimeoutMs);
}

void DbPool::commitDurable(quint64 sequence)
{
    std::vector<std::function<void()>> due;
    {
        std::lock_guard lock(m_durableMutex);
        m_commitsDurable = std::max(m_commitsDurable, sequence);
        for (auto it = m_waitingForDurable.begin(); it != m_waitingForDurable.end();) {
            if (it->first <= m_commitsDurable) {
                due.push_back(std::move(it->second));
                it = m_waitingForDurable.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto &answer : due) answer();
}

void DbPool::whenDurable(quint64 sequence, std::function<void()> then)
{
    {
        std::lock_guard lock(m_durableMutex);
        if (m_commitsDurable < sequence) {
            m_waitingForDurable.emplace_back(sequence, std::move(then));
            return;
        }
    }
    then();
}

qint64 DbPool::walSyncs() const { return m_syncer ? m_syncer->syncs() : 0; }

int DbPool::pendingWrites() const
{
    std::lock_guard lock(m_writeMutex);
    return int(m_writes.size());
}

void DbPool::read(ReadJob job, ReadDone done)
{
    {
        std::lock_guard lock(m_readMutex);
        if (!m_stopping) {
            m_reads.push_back(PendingRead{std::move(job), std::move(done), Clock::now()});
            m_readReady.notify_one();
            return;
        }
    }
    done(Reply::fail(ErrorCode::Unavailable, QStringLiteral("server is stopping")));
}

void DbPool::write(WriteJob job, WriteDone done)
{
    {
        std::lock_guard lock(m_writeMutex);
        if (!m_stopping) {
            m_writes.push_back(PendingWrite{std::move(job), std::move(done), Clock::now()});
            m_writeReady.notify_one();
            return;
        }
    }
    done(Reply::fail(ErrorCode::Unavailable, QStringLiteral("server is stopping")), {});
}

void DbPool::readerLoop(int index)
{
    std::unique_ptr<Db> db;
    for (;;) {
        PendingRead item;
        {
            std::unique_lock lock(m_readMutex);
            m_readReady.wait(lock, [this] { return m_stopping || !m_reads.empty(); });
            if (m_reads.empty()) break;
            item = std::move(m_reads.front());
            m_reads.pop_front();
        }
        if (waitedTooLong(item.queuedAt)) {
            ++m_stats.timedOut;
            item.done(queueTimeout());
            continue;
        }
        Reply reply;
        quint64 mayHaveSeen = 0;
        for (int attempt = 0;; ++attempt) {
            try {
                if (!db) db = std::make_unique<Db>(m_config, QStringLiteral("reader-%1").arg(index), DbUse::ReadOnly);
                db->begin(false);
                mayHaveSeen = 0;
                if (m_syncer) {
                    // Take the snapshot now, then note the commits it may include.
                    db->scalar(QStringLiteral("SELECT 1 FROM sqlite_schema LIMIT 1"));
                    mayHaveSeen = m_commitsStarted.load();
                }
                reply = item.job(*db);
                db->commit();
                break;
            } catch (const StoreError &e) {
                if (db && db->inTransaction()) {
                    try { db->rollback(); } catch (...) {}
                }
                if (e.kind() == StoreError::Kind::ConnectionLost) db.reset();
                if ((e.isRetryable() || e.kind() == StoreError::Kind::ConnectionLost) && attempt < m_options.retries) {
                    ++m_stats.retries;
                    std::this_thread::sleep_for(std::chrono::milliseconds(5 << attempt));
                    continue;
                }
                log::warn(QStringLiteral("read job failed: %1").arg(e.message()));
                reply = storeFailure(e);
                break;
            } catch (const std::exception &e) {
                if (db && db->inTransaction()) {
                    try { db->rollback(); } catch (...) {}
                }
                log::error(QStringLiteral("read job threw: %1").arg(QString::fromUtf8(e.what())));
                reply = Reply::fail(ErrorCode::Internal, QStringLiteral("internal error"));
                break;
            }
        }
        if (db) db->finishQueries();
        ++m_stats.readJobs;
        // The answer leaves once every commit the snapshot may hold is durable;
        // the reader goes on meanwhile (the syncer sends it).
        whenDurable(mayHaveSeen, [done = std::move(item.done), reply = std::move(reply)]() mutable { done(std::move(reply)); });
    }
}

void DbPool::writerLoop()
{
    std::unique_ptr<Db> db;
    // Closing SQLite's last connection deletes the log file, which the syncer
    // may still have to flush for the batches before: they go first.
    const auto closeWriter = [&] {
        if (m_syncer) m_syncer->drain();
        db.reset();
    };
    AuditChain chain;
    for (;;) {
        std::vector<PendingWrite> batch;
        std::vector<PendingWrite> late;
        {
            std::unique_lock lock(m_writeMutex);
            m_writeReady.wait(lock, [this] { return m_stopping || !m_writes.empty(); });
            if (m_writes.empty()) break; // stopping and drained
            while (!m_writes.empty() && int(batch.size()) < m_options.maxBatch) {
                (waitedTooLong(m_writes.front().queuedAt) ? late : batch).push_back(std::move(m_writes.front()));
                m_writes.pop_front();
            }
        }
        m_stats.timedOut += qint64(late.size());
        for (auto &w : late) w.done(queueTimeout(), {});
        if (batch.empty()) continue;
        for (int attempt = 0;; ++attempt) {
            try {
                if (!db) {
                    // The syncer fsyncs the log before any answer goes out, so the
                    // commits only write it (sqlite_gathered_log.h). Without WAL mode
                    // there is no log to gather and each commit syncs its journal.
                    db = std::make_unique<Db>(m_config, QStringLiteral("writer"), m_syncer ? DbUse::WriterSyncedByCaller : DbUse::ReadWrite);
                    if (m_checkpointer) m_checkpointer->attach(db->sqliteHandle());
                    m_syncAfterCommit = m_syncer && db->scalar(QStringLiteral("PRAGMA journal_mode")).toString() == QLatin1String("wal");
                }
                runBatch(*db, chain, batch);
                break;
            } catch (const StoreError &e) {
                if (db && db->inTransaction()) {
                    try { db->rollback(); } catch (...) {}
                }
                if (e.kind() == StoreError::Kind::ConnectionLost) closeWriter();
                if ((e.isRetryable() || e.kind() == StoreError::Kind::ConnectionLost) && attempt < m_options.retries) {
                    ++m_stats.retries;
                    std::this_thread::sleep_for(std::chrono::milliseconds(5 << attempt));
                    continue;
                }
                ++m_stats.failedBatches;
                log::warn(QStringLiteral("write batch of %1 failed: %2").arg(batch.size()).arg(e.message()));
                const Reply failure = storeFailure(e);
                for (auto &w : batch) w.done(failure, {});
                break;
            } catch (const std::exception &e) {
                // Outside any one job (out of memory in a savepoint, say): nothing
                // of the batch is kept, and a fresh connection clears any odd state.
                if (db && db->inTransaction()) {
                    try { db->rollback(); } catch (...) {}
                }
                closeWriter();
                ++m_stats.failedBatches;
                log::error(QStringLiteral("write batch of %1 threw: %2").arg(batch.size()).arg(QString::fromUtf8(e.what())));
                const Reply failure = Reply::fail(ErrorCode::Internal, QStringLiteral("internal error; nothing was saved"));
                for (auto &w : batch) w.done(failure, {});
                break;
            }
        }
    }
    closeWriter();
}

Reply DbPool::readLeftToRead(Db &db, const Reply &own, WriteEffects &effects)
{
    for (ChangeEvent &c : effects.changes)
        if (c.ownershipToRead) {
            if (const schema::Entity *e = schema::Catalogue::instance().entity(c.entity)) c.ownership = loadOwnership(db, *e, c.id);
            c.ownershipToRead = false;
        }
    const auto answer = std::move(effects.answerRead);
    effects.answerRead = nullptr;
    return answer ? completeAnswer(own, answer(db)) : own;
}

// Joins the write's outcome (once durable) and what is read for it after the
// commit (the rest of its answer, who may hear of its changes), started at once
// on a reader so that it overlaps the fsync. The read waits, as every read
// does, until what it saw is durable.
DbPool::WriteDone DbPool::completeAfterCommit(WriteDone done, const Reply &own, WriteEffects effects)
{
    struct Join {
        std::mutex mutex;
        WriteDone done;
        WriteEffects effects; // completed by the read
        std::optional<Reply> read;
        std::optional<Reply> written;
        // Committed and durable: should the read have failed, the job's own
        // answer (id and version) still tells the caller it was saved. Not
        // durable: the failure, and nobody else is told of the change.
        void finish()
        {
            if (!written->isOk()) done(std::move(*written), {});
            else done(read->isOk() ? std::move(*read) : std::move(*written), std::move(effects));
        }
    };
    auto join = std::make_shared<Join>();
    join->done = std::move(done);
    join->effects = std::move(effects);
    read([own, join](Db &db) {
        // The join is not shared with the other side until both have arrived.
        return readLeftToRead(db, own, join->effects);
    },
         [join](Reply reply) {
             std::unique_lock lock(join->mutex);
             join->read = std::move(reply);
             if (!join->written) return;
             lock.unlock();
             join->finish();
         });
    return [join](Reply reply, WriteEffects) {
        std::unique_lock lock(join->mutex);
        join->written = std::move(reply);
        if (!join->read) return;
        lock.unlock();
        join->finish();
    };
}

namespace {

// Errors no job answers alone: the whole batch is retried (busy, serialization,
// deadlock, a lost connection) or fails (a full disk).
bool failsTheBatch(const StoreError &e)
{
    return e.isRetryable() || e.kind() == StoreError::Kind::ConnectionLost || e.kind() == StoreError::Kind::Full;
}

} // namespace

DbPool::JobOutcome DbPool::runJob(PendingWrite &w, WriteScope &scope, bool isolated)
{
    JobOutcome outcome;
    try {
        outcome.reply = w.job(scope);
        // With savepoints an error of the job's unread statements must be the
        // job's own. Without them (a batch's first run) any error sends the
        // batch round again with savepoints, so the statements can wait for
        // the next job's reads: one round trip fewer per call on PostgreSQL.
        if (isolated) scope.db().flushUnread();
        outcome.failed = !outcome.reply.isOk();
    } catch (const StoreError &e) {
        if (failsTheBatch(e)) throw; // the whole batch is retried or failed
        if (isolated) log::error(QStringLiteral("write job failed: %1").arg(e.message()));
        outcome.reply = storeFailure(e);
        outcome.failed = true;
    } catch (const std::exception &e) {
        if (isolated) log::error(QStringLiteral("write job threw: %1").arg(QString::fromUtf8(e.what())));
        outcome.reply = Reply::fail(ErrorCode::Internal, QStringLiteral("internal error"));
        outcome.failed = true;
    }
    return outcome;
}

bool DbPool::runJobs(Db &db, AuditChain &chain, std::vector<PendingWrite> &batch, const QDateTime &now, bool isolated,
                     BatchAnswers &answers)
{
    answers.replies.reserve(batch.size());
    answers.effects.reserve(batch.size());
    db.begin(true);
    chain.loadHead(db);
    for (auto &w : batch) {
        const AuditChain::Head headBefore = chain.head();
        if (isolated) db.savepoint(QStringLiteral("job"));
        WriteScope scope(db, chain, now);
        JobOutcome outcome = runJob(w, scope, isolated);
        if (outcome.failed) {
            if (!isolated) return false;
            db.rollbackToSavepoint(QStringLiteral("job"));
            chain.restore(headBefore);
            if (scope.failureAudit()) {
                AuditEntry entry = *scope.failureAudit();
                entry.outcome = protocol::errorCodeName(outcome.reply.error().code());
                chain.append(db, entry, now);
            }
            answers.effects.emplace_back();
        } else {
            answers.effects.push_back(std::move(scope.effects()));
        }
        answers.replies.push_back(std::move(outcome.reply));
        if (isolated) db.releaseSavepoint(QStringLiteral("job"));
        db.finishQueries();
    }
    try {
        chain.saveHead(db);
        db.flushUnread(); // the last job's, before the commit
    } catch (const StoreError &e) {
        // One of the jobs' unread statements failed: which one, a run with
        // savepoints tells.
        if (isolated || failsTheBatch(e)) throw;
        return false;
    }
    return true;
}

// A batch runs first without a savepoint per job: SQLite copies every page a
// savepoint changes into its sub-journal, ≈ 7 % of the writer's time. Should a
// job fail, the whole transaction is rolled back and the batch runs again with
// savepoints, so the failing job's writes go and the others' stay; the next
// batches keep them for a while, since failures come in runs (an oversold
// product, a client repeating a bad call).
void DbPool::runBatch(Db &db, AuditChain &chain, std::vector<PendingWrite> &batch)
{
    QElapsedTimer busy;
    busy.start();
    const Clock::time_point started = Clock::now();
    for (const auto &w : batch) m_stats.writeQueuedNs += (started - w.queuedAt).count();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    BatchAnswers ran;
    const bool isolated = m_isolatedBatchesLeft > 0;
    if (isolated) --m_isolatedBatchesLeft;
    if (!runJobs(db, chain, batch, now, isolated, ran)) {
        db.finishQueries();
        db.rollback();
        ++m_stats.rerunBatches;
        m_isolatedBatchesLeft = kIsolatedBatchesAfterFailure;
        ran = {};
        runJobs(db, chain, batch, now, true, ran);
    }
    std::vector<Reply> &replies = ran.replies;
    std::vector<WriteEffects> &effects = ran.effects;
    // With no call waiting for the writer (SQLite), it reads what its calls left
    // to read itself, before the commit: a reader would add a hop to each answer,
    // and might have to wait for the next batch's fsync too. (On PostgreSQL a
    // failed read would end the transaction; there the readers do it.)
    if (m_syncAfterCommit && pendingWrites() == 0) {
        for (size_t i = 0; i < batch.size(); ++i) {
            if (!replies[i].isOk() || !effects[i].readsAfterCommit()) continue;
            try {
                replies[i] = readLeftToRead(db, replies[i], effects[i]);
            } catch (const std::exception &e) {
                log::warn(QStringLiteral("reading an answer failed: %1").arg(QString::fromUtf8(e.what()))); // the job's own answer goes out
            }
            db.finishQueries();
        }
    }
    const quint64 sequence = ++m_commitsStarted; // before it can be seen
    try {
        db.commit();
    } catch (...) {
        commitDurable(sequence); // nothing became visible
        throw;
    }
    const Clock::time_point committed = Clock::now();
    m_stats.writeInBatchNs += (committed - started).count() * qint64(batch.size());
    // What a job leaves to be read after the commit is read now, on a reader,
    // while the log is fsynced.
    for (size_t i = 0; i < batch.size(); ++i) {
        if (replies[i].isOk() && effects[i].readsAfterCommit()) {
            batch[i].done = completeAfterCommit(std::move(batch[i].done), replies[i], std::move(effects[i]));
            effects[i] = {};
        }
        batch[i].done = [this, committed, done = std::move(batch[i].done)](Reply reply, WriteEffects jobEffects) {
            m_stats.writeAfterCommitNs += (Clock::now() - committed).count();
            done(std::move(reply), std::move(jobEffects));
        };
    }
    ++m_stats.batches;
    m_stats.writeJobs += qint64(batch.size());
    m_stats.logPages += db.takePagesWritten();
    m_stats.writerBusyNs += busy.nsecsElapsed();
    if (!m_syncAfterCommit) {
        commitDurable(sequence);
        for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(replies[i]), std::move(effects[i]));
        return;
    }
    struct Answers {
        std::vector<WriteDone> done;
        std::vector<Reply> replies;
        std::vector<WriteEffects> effects;
    };
    auto answers = std::make_shared<Answers>();
    for (auto &w : batch) answers->done.push_back(std::move(w.done));
    answers->replies = std::move(replies);
    answers->effects = std::move(effects);
    m_syncer->afterCommit([this, answers, sequence](bool durable) {
        commitDurable(sequence); // a failed fsync is answered as such; readers need not wait on it
        for (size_t i = 0; i < answers->done.size(); ++i) {
            if (durable) {
                answers->done[i](std::move(answers->replies[i]), std::move(answers->effects[i]));
            } else {
                // Committed, but the disk did not confirm it: the caller must not
                // count on it, and nobody else is told of the change.
                answers->done[i](Reply::fail(ErrorCode::Internal, QStringLiteral("the disk did not confirm the write; it may be lost on power failure")), {});
            }
        }
    });
}

} // namespace liuhe::store
