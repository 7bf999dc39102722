// The store's threads: one writer that commits jobs in batches (group commit: one
// durable commit acknowledges many calls) and reader threads, each with its own
// connection. On SQLite the fsync that makes a batch durable runs on its own
// thread (WalSyncer) while the writer goes on with the next batch. Callers hand in jobs and completion callbacks; the callbacks run on
// the pool's threads, so callers post them to their own executors.
#pragma once

#include "protocol/reply.h"
#include "store/store_config.h"
#include "store/write_scope.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace liuhe::store {

class Db;
class WalCheckpointer;
class WalSyncer;

class DbPool {
public:
    using ReadJob = std::function<protocol::Reply(Db &)>;
    using ReadDone = std::function<void(protocol::Reply)>;
    using WriteJob = std::function<protocol::Reply(WriteScope &)>;
    using WriteDone = std::function<void(protocol::Reply, WriteEffects)>;

    struct Options {
        int readers = 2;
        int maxBatch = 128;
        int retries = 6;
        // A job still queued after this long is answered TIMEOUT and never run:
        // its caller has likely given up, and running it late would surprise them.
        int queueTimeoutMs = 30000;
        // SQLite: log pages after which the log file starts over (WalCheckpointer).
        int walRestartPages = 8000;
    };

    struct Stats {
        std::atomic<qint64> batches{0};
        std::atomic<qint64> writeJobs{0};
        std::atomic<qint64> readJobs{0};
        std::atomic<qint64> retries{0};
        std::atomic<qint64> failedBatches{0};
        // Batches run again, with a savepoint per job, because one of their jobs failed.
        std::atomic<qint64> rerunBatches{0};
        std::atomic<qint64> timedOut{0};
        // What bounds the write rate: the writer's time in batches, and the
        // pages its commits wrote (SQLite's log frames).
        std::atomic<qint64> writerBusyNs{0};
        std::atomic<qint64> logPages{0};
        // Where a write call's time in the store goes, summed over calls: in the
        // queue, in its batch until the commit, and after the commit until its
        // answer goes (the log's fsync, the answer read on a reader).
        std::atomic<qint64> writeQueuedNs{0};
        std::atomic<qint64> writeInBatchNs{0};
        std::atomic<qint64> writeAfterCommitNs{0};
    };

    DbPool(const StoreConfig &config, Options options);
    ~DbPool();

    void read(ReadJob job, ReadDone done);
    void write(WriteJob job, WriteDone done);
    // Finishes queued work, then stops the threads.
    void stop();
    const Stats &stats() const { return m_stats; }
    // SQLite: fsyncs of the log so far, each acknowledging one or more batches.
    qint64 walSyncs() const;
    // Queued and running jobs, for load shedding.
    int pendingWrites() const;

private:
    using Clock = std::chrono::steady_clock;
    struct PendingWrite {
        WriteJob job;
        WriteDone done;
        Clock::time_point queuedAt;
    };
    struct PendingRead {
        ReadJob job;
        ReadDone done;
        Clock::time_point queuedAt;
    };
    bool waitedTooLong(Clock::time_point queuedAt) const;

    void writerLoop();
    void readerLoop(int index);
    // Commits made visible and commits made durable, numbered in order. A read
    // answers only once every commit it may have seen is durable, so nothing is
    // shown that a power loss could take back (SQLite with the syncer).
    void commitDurable(quint64 sequence);
    // Runs then once commit sequence is durable: at once, or from commitDurable.
    void whenDurable(quint64 sequence, std::function<void()> then);
    void runBatch(Db &db, AuditChain &chain, std::vector<PendingWrite> &batch);
    WriteDone completeAfterCommit(WriteDone done, const protocol::Reply &own, WriteEffects effects);
    // Reads what a job left to read (WriteEffects::answerRead, owners of changes).
    static protocol::Reply readLeftToRead(Db &db, const protocol::Reply &own, WriteEffects &effects);
    struct JobOutcome {
        protocol::Reply reply;
        bool failed = false; // its writes must be undone
    };
    struct BatchAnswers {
        std::vector<protocol::Reply> replies;
        std::vector<WriteEffects> effects;
    };
    // Runs one job; errors that concern the whole batch are thrown on.
    JobOutcome runJob(PendingWrite &w, WriteScope &scope, bool isolated);
    // Runs the batch's jobs in one transaction. Isolated, each job has its own
    // savepoint and a failing one is undone alone; otherwise the first failure
    // stops the run and returns false, with the transaction still open.
    bool runJobs(Db &db, AuditChain &chain, std::vector<PendingWrite> &batch, const QDateTime &now, bool isolated,
                 BatchAnswers &answers);
    // Batches after a failing job that still run isolated (the writer's own).
    static constexpr int kIsolatedBatchesAfterFailure = 16;
    int m_isolatedBatchesLeft = 0;

    StoreConfig m_config;
    Options m_options;
    Stats m_stats;

    mutable std::mutex m_writeMutex;
    std::condition_variable m_writeReady;
    std::deque<PendingWrite> m_writes;

    std::mutex m_readMutex;
    std::condition_variable m_readReady;
    std::deque<PendingRead> m_reads;

    bool m_stopping = false;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // SQLite only
    std::unique_ptr<WalSyncer> m_syncer;             // SQLite only
    bool m_syncAfterCommit = false;                  // the writer's: its connection commits without fsync
    std::atomic<quint64> m_commitsStarted{0};
    quint64 m_commitsDurable = 0; // under m_durableMutex
    std::vector<std::pair<quint64, std::function<void()>>> m_waitingForDurable; // under m_durableMutex
    std::mutex m_durableMutex;
    std::thread m_writer;
    std::vector<std::thread> m_readers;
};

} // namespace liuhe::store
