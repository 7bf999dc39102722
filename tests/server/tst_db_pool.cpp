// The store's thread pool on a real SQLite file: a request that waited too long
// for its thread is answered TIMEOUT and never runs, for writes and reads alike.
#include "store/db.h"
#include "store/audit_chain.h"
#include "store/db_pool.h"
#include "store/migrations.h"
#include "store/wal_checkpointer.h"

#include <QFileInfo>

#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <future>
#include <map>
#include <thread>

using namespace liuhe;
using protocol::ErrorCode;
using protocol::Reply;

class TestDbPool : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    store::StoreConfig config;

    // Answers in the order they arrive, from the pool's threads.
    struct Answers {
        std::mutex mutex;
        std::vector<Reply> replies;
        void add(Reply r)
        {
            std::lock_guard lock(mutex);
            replies.push_back(std::move(r));
        }
        size_t size()
        {
            std::lock_guard lock(mutex);
            return replies.size();
        }
    };

    // Queues a write that works for holdMs, then inserts a probe row tagged tag;
    // its answer goes to answers.
    static void writeProbe(store::DbPool &pool, Answers &answers, const QString &tag, int holdMs = 0)
    {
        pool.write(
            [tag, holdMs](store::WriteScope &scope) {
                if (holdMs > 0) QThread::msleep(holdMs);
                scope.db().run(QStringLiteral("INSERT INTO probe (tag) VALUES (?)"), {tag});
                return Reply(QCborValue(true));
            },
            [&answers](Reply r, store::WriteEffects) { answers.add(std::move(r)); });
    }

    static int latestMigration() { return store::allMigrations().back().number; }

    // Marks the migrations after version as not applied (the caller has undone
    // what they did), so migrate runs them again.
    static void forgetMigrationsAfter(store::Db &db, int version)
    {
        db.run(QStringLiteral("DELETE FROM schema_migrations WHERE version > ?"), {version}).finish();
        QCOMPARE(store::schemaVersion(db), version);
    }

    // A new store file, fully migrated: tests then take it back to an older shape.
    std::unique_ptr<store::Db> migratedStore(const QString &name)
    {
        store::StoreConfig own = config;
        own.sqlitePath = dir.filePath(name + QStringLiteral(".sqlite"));
        auto db = std::make_unique<store::Db>(own, name);
        store::migrate(*db);
        return db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        config.sqlitePath = dir.filePath(QStringLiteral("pool.sqlite"));
        store::Db db(config, QStringLiteral("setup"));
        store::migrate(db);
        db.exec(QStringLiteral("CREATE TABLE probe (tag TEXT NOT NULL)"));
    }

    // A store made before count lines had serial numbers (version 8) gets the
    // column and the index of serials in stock from migration 9.
    void migrationNineGivesCountLinesASerial()
    {
        const auto owned = migratedStore(QStringLiteral("v8"));
        store::Db &db = *owned;
        db.exec(QStringLiteral("DROP INDEX ix_stock_serial_place"));
        db.exec(QStringLiteral("ALTER TABLE stock_count_line DROP COLUMN serial"));
        forgetMigrationsAfter(db, 8);
        QVERIFY(!db.columns(QStringLiteral("stock_count_line")).contains(QStringLiteral("serial")));
        QCOMPARE(store::migrate(db), latestMigration() - 8);
        QCOMPARE(store::schemaVersion(db), latestMigration());
        QVERIFY(db.columns(QStringLiteral("stock_count_line")).contains(QStringLiteral("serial")));
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_stock_serial_place'")).toInt(), 1);
    }

    // Migration 10 on a store of version 9: the audit log, chain intact, keyed
    // by its rowid (no second b-tree), and one index of open FIFO layers.
    void migrationTenKeysTheAuditLogByRowid()
    {
        const auto owned = migratedStore(QStringLiteral("v9"));
        store::Db &db = *owned;
        db.exec(QStringLiteral("DROP TABLE audit_log"));
        db.exec(QStringLiteral("CREATE TABLE audit_log (id BIGINT PRIMARY KEY, at TEXT NOT NULL, user_id BIGINT, call TEXT NOT NULL, "
                               "entity TEXT, record_id BIGINT, changes TEXT, outcome TEXT NOT NULL, peer TEXT, "
                               "prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"));
        db.exec(QStringLiteral("CREATE INDEX ix_audit_log_entity ON audit_log (entity, record_id, id)"));
        db.exec(QStringLiteral("CREATE INDEX ix_fifo_open ON fifo_layer (product_id, warehouse_id, id) WHERE qty_left > 0"));
        forgetMigrationsAfter(db, 9);
        const auto indexCount = [&](const QString &table) {
            return db.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"), {table}).toInt();
        };
        QCOMPARE(indexCount(QStringLiteral("audit_log")), 2); // the key's own index and the entity index
        {
            store::Transaction tx(db);
            store::AuditChain chain;
            chain.loadHead(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (int i = 1; i <= 3; ++i)
                chain.append(db, store::AuditEntry{1, QStringLiteral("data.save"), QStringLiteral("product"), i, {}, QStringLiteral("ok"), {}}, now);
            chain.saveHead(db);
            tx.commit();
        }
        QCOMPARE(store::migrate(db), latestMigration() - 9);
        QCOMPARE(store::schemaVersion(db), latestMigration());
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), 3);
        QVERIFY(store::AuditChain::verify(db).isEmpty());
        QCOMPARE(indexCount(QStringLiteral("audit_log")), 3); // entity, user, time: none for the key
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ix_fifo_open'")).toInt(), 0);
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'fifo_layer' AND type = 'index'")).toInt(), 2);
    }

    // Migration 11: open FIFO layers are found by a closed mark, set on the
    // layers already used up; issues then read the index by the mark.
    void migrationElevenMarksUsedUpLayers()
    {
        const auto owned = migratedStore(QStringLiteral("v10"));
        store::Db &db = *owned;
        db.exec(QStringLiteral("DROP INDEX ix_fifo_open_layers"));
        db.exec(QStringLiteral("ALTER TABLE fifo_layer DROP COLUMN closed"));
        db.exec(QStringLiteral("CREATE INDEX ix_fifo_open_lot ON fifo_layer (product_id, warehouse_id, lot, id) WHERE qty_left > 0"));
        forgetMigrationsAfter(db, 10);
        db.exec(QStringLiteral("PRAGMA foreign_keys = OFF")); // layers without their products and moves
        for (const auto &[qtyLeft, costLeft] : {std::pair{0, 0}, std::pair{4000, 400}, std::pair{0, 0}})
            db.run(QStringLiteral("INSERT INTO fifo_layer (product_id, warehouse_id, lot, move_id, at, qty_in, qty_left, cost_in, cost_left) "
                                  "VALUES (7, 1, '', 0, '2026-11-01', 5000, ?, 500, ?)"),
                   {qtyLeft, costLeft});
        QCOMPARE(store::migrate(db), latestMigration() - 10);
        QCOMPARE(store::schemaVersion(db), latestMigration());
        QCOMPARE(db.scalar(QStringLiteral("SELECT group_concat(closed, ',') FROM (SELECT closed FROM fifo_layer ORDER BY id)")).toString(),
                 QStringLiteral("1,0,1"));
        QVERIFY(db.scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'ix_fifo_open_layers'")).toString().contains(QLatin1String("closed = 0")));
    }

    // Migration 12: issues walk the open layers of a product in id order, with
    // or without a lot, and sort nothing (no temporary b-tree per read).
    void migrationTwelveReadsOpenLayersInIssueOrder()
    {
        const auto owned = migratedStore(QStringLiteral("v11"));
        store::Db &db = *owned;
        db.exec(QStringLiteral("DROP INDEX ix_fifo_open_layers"));
        db.exec(QStringLiteral("CREATE INDEX ix_fifo_open_lot ON fifo_layer (product_id, warehouse_id, lot, id) WHERE closed = 0"));
        forgetMigrationsAfter(db, 11);
        const auto planOf = [&db](const QString &lotTerm) {
            QString plan;
            store::Query &q = db.run(QStringLiteral("EXPLAIN QUERY PLAN SELECT id, qty_left, cost_left FROM fifo_layer WHERE product_id = ? "
                                                    "AND warehouse_id = ? %1AND closed = 0 ORDER BY id LIMIT 8").arg(lotTerm),
                                     {7, 1});
            while (q.next()) plan += q.text(3) + u'\n';
            q.finish();
            return plan;
        };
        QVERIFY(planOf({}).contains(QLatin1String("TEMP B-TREE"))); // what the lot in the index cost
        QCOMPARE(store::migrate(db), latestMigration() - 11);
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ix_fifo_open_lot'")).toInt(), 0);
        for (const QString &lotTerm : {QString(), QStringLiteral("AND lot = 'L1' ")}) {
            const QString plan = planOf(lotTerm);
            QVERIFY2(plan.contains(QLatin1String("ix_fifo_open_layers")) && !plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
        }
    }

    void lateWritesTimeOutAndChangeNothing()
    {
        store::DbPool pool(config, store::DbPool::Options{1, 128, 6, 20});
        Answers answers;
        std::atomic<bool> slowStarted{false};
        // The first job holds the writer for 200 ms; the next ones wait behind it.
        pool.write(
            [&](store::WriteScope &scope) {
                slowStarted = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                scope.db().run(QStringLiteral("INSERT INTO probe (tag) VALUES ('slow')"));
                return Reply(QCborValue(true));
            },
            [&](Reply r, store::WriteEffects) { answers.add(std::move(r)); });
        QTRY_VERIFY(slowStarted.load());
        for (int i = 0; i < 5; ++i) writeProbe(pool, answers, QStringLiteral("late-%1").arg(i));
        QTRY_COMPARE(answers.size(), size_t(6));
        // The slow job's answer waits for the log's fsync, so it may come after the timeouts.
        int ok = 0;
        for (const Reply &r : answers.replies) {
            if (r.isOk()) ++ok;
            else QCOMPARE(r.error().code(), ErrorCode::Timeout);
        }
        QCOMPARE(ok, 1);
        QCOMPARE(pool.stats().timedOut.load(), qint64(5));
        // A request arriving at an idle pool is served.
        pool.write([](store::WriteScope &scope) {
            scope.db().run(QStringLiteral("INSERT INTO probe (tag) VALUES ('fresh')"));
            return Reply(QCborValue(true));
        },
                   [&](Reply r, store::WriteEffects) { answers.add(std::move(r)); });
        QTRY_COMPARE(answers.size(), size_t(7));
        QVERIFY(answers.replies.back().isOk());
        pool.stop();

        store::Db db(config, QStringLiteral("check"));
        QStringList tags;
        auto &q = db.run(QStringLiteral("SELECT tag FROM probe ORDER BY tag"));
        while (q.next()) tags << q.value(0).toString();
        q.finish();
        QCOMPARE(tags, (QStringList{QStringLiteral("fresh"), QStringLiteral("slow")}));
    }

    // On SQLite the answers wait for the log's fsync (WalSyncer); one fsync may
    // acknowledge several batches, never more fsyncs than batches, and stop()
    // returns only after every committed write has been answered.
    void answersFollowTheLogsFsync()
    {
        store::DbPool pool(config, store::DbPool::Options{});
        Answers answers;
        constexpr int writes = 200;
        for (int i = 0; i < writes; ++i) writeProbe(pool, answers, QStringLiteral("synced-%1").arg(i));
        pool.stop();
        QCOMPARE(answers.size(), size_t(writes));
        for (const Reply &r : answers.replies) QVERIFY(r.isOk());
        const qint64 batches = pool.stats().batches.load();
        QVERIFY(batches >= 1);
        QVERIFY(batches < writes); // queued writes share commits
        QVERIFY(pool.walSyncs() >= 1);
        QVERIFY(pool.walSyncs() <= batches);
        store::Db db(config, QStringLiteral("check"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM probe WHERE tag LIKE 'synced-%'")).toInt(), writes);
    }

    // The stage counters the bench divides (system.info write_*_ms): each call's
    // time in its batch covers at least its own work, and every answer waited
    // after the commit for the log's fsync.
    void aCallsTimeIsCountedByStage()
    {
        store::DbPool pool(config, store::DbPool::Options{});
        Answers answers;
        constexpr int writes = 20;
        for (int i = 0; i < writes; ++i) writeProbe(pool, answers, QStringLiteral("staged-%1").arg(i), 2);
        pool.stop();
        QCOMPARE(answers.size(), size_t(writes));
        const auto &stats = pool.stats();
        // A call waits for its whole batch: over B batches of n calls each,
        // the sum is at least sum(n * n * 2 ms) >= writes * writes / B * 2 ms.
        const qint64 batches = stats.batches.load();
        QVERIFY(batches >= 1);
        QVERIFY2(stats.writeInBatchNs.load() >= qint64(writes) * writes / batches * 2'000'000,
                 qPrintable(QStringLiteral("%1 ns in %2 batches").arg(stats.writeInBatchNs.load()).arg(batches)));
        // Queued behind the first batch: the jobs after it waited at least its 2 ms.
        QVERIFY2(batches == 1 || stats.writeQueuedNs.load() >= 2'000'000, qPrintable(QString::number(stats.writeQueuedNs.load())));
        QVERIFY(stats.writeAfterCommitNs.load() > 0);
        QVERIFY(stats.writeQueuedNs.load() + stats.writeInBatchNs.load() + stats.writeAfterCommitNs.load() < qint64(writes) * 10'000'000'000LL);
    }

    // Under a steady stream of commits the background checkpoint always lags
    // the last one; the writer must still get the log copied back and start it
    // over, or the log file grows by every page ever written (it did: 1.7 GB
    // after 8,000 bench orders).
    void theLogFileStaysBounded()
    {
        store::StoreConfig own = config;
        own.sqlitePath = dir.filePath(QStringLiteral("bounded.sqlite"));
        {
            store::Db db(own, QStringLiteral("setup"));
            store::migrate(db);
            db.exec(QStringLiteral("CREATE TABLE filler (body TEXT NOT NULL)"));
        }
        store::DbPool::Options options;
        options.walRestartPages = 6000; // a quicker test than at the default
        store::DbPool pool(own, options);
        constexpr int pagesPerWrite = 2; // 8 KB of text per row
        const int writes = 8 * options.walRestartPages / pagesPerWrite;
        std::atomic<int> failed{0};
        // All queued at once: the writer never pauses, so the background
        // checkpoint never catches up with the last commit on its own.
        for (int i = 0; i < writes; ++i)
            pool.write([](store::WriteScope &scope) {
                scope.db().run(QStringLiteral("INSERT INTO filler (body) VALUES (hex(randomblob(4000)))"));
                return Reply(QCborValue(true));
            },
                       [&](Reply r, store::WriteEffects) {
                           if (!r.isOk()) ++failed;
                       });
        pool.stop();
        QCOMPARE(failed.load(), 0);
        const qint64 logBytes = QFileInfo(own.sqlitePath + QStringLiteral("-wal")).size();
        const qint64 written = qint64(writes) * pagesPerWrite * 4096;
        // The mark, plus the margin after which the writer waits for the
        // background copy, plus one of these 256-page batches; without the
        // restart it would be all 8×.
        const qint64 bound = qint64(options.walRestartPages + store::WalCheckpointer::kWaitMarginPages + 1000) * (4096 + 24);
        QVERIFY2(logBytes < bound, qPrintable(QStringLiteral("log %1 bytes after %2 written").arg(logBytes).arg(written)));
        store::Db db(own, QStringLiteral("check"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM filler")).toInt(), writes);
    }

    // A batch runs without a savepoint per job until one of its jobs fails:
    // then it is rolled back and run again with them, so the failing job's
    // writes go, the others' stay and its refusal is audited once. The next
    // batches keep the savepoints for a while (failures come in runs).
    void aFailingJobRerunsItsBatchWithSavepoints()
    {
        store::DbPool pool(config, store::DbPool::Options{1, 128, 6, 30000});
        Answers answers;
        std::map<QString, int> runs; // the writer's thread only
        auto insert = [&](const QString &tag, bool fail) {
            return [&runs, tag, fail](store::WriteScope &scope) {
                ++runs[tag];
                scope.auditOnFailure(store::AuditEntry{1, QStringLiteral("test.insert"), QStringLiteral("probe"), 0, {}, {}, {}});
                scope.db().run(QStringLiteral("INSERT INTO probe (tag) VALUES (?)"), {tag});
                scope.audit(store::AuditEntry{1, QStringLiteral("test.insert"), QStringLiteral("probe"), 0, {}, QStringLiteral("ok"), {}});
                return fail ? Reply::fail(ErrorCode::Validation, QStringLiteral("refused after writing")) : Reply(QCborValue(true));
            };
        };
        // Three jobs queued behind a gate share one batch.
        auto batchOf = [&](const QString &prefix) {
            std::promise<void> queued;
            std::shared_future<void> open = queued.get_future().share();
            std::atomic<bool> gateRunning{false};
            const size_t before = answers.size();
            pool.write(
                [&, open](store::WriteScope &) {
                    gateRunning = true;
                    open.wait();
                    return Reply(QCborValue(true));
                },
                [&](Reply r, store::WriteEffects) { answers.add(std::move(r)); });
            QTRY_VERIFY(gateRunning.load());
            const qint64 batches = pool.stats().batches.load();
            for (const char *name : {"ok1", "bad", "ok2"}) {
                const QString tag = prefix + QLatin1String(name);
                pool.write(insert(tag, tag.endsWith(QLatin1String("bad"))), [&](Reply r, store::WriteEffects) { answers.add(std::move(r)); });
            }
            queued.set_value();
            QTRY_COMPARE(answers.size(), before + 4);
            QTRY_COMPARE(pool.stats().batches.load(), batches + 2); // the gate's and the three's
        };
        const qint64 auditBefore = [&] {
            store::Db db(config, QStringLiteral("count"));
            return db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong();
        }();

        batchOf(QStringLiteral("first-"));
        QCOMPARE(pool.stats().rerunBatches.load(), qint64(1));
        QCOMPARE(runs[QStringLiteral("first-ok1")], 2); // once alone, once with savepoints
        QCOMPARE(runs[QStringLiteral("first-bad")], 2);
        QCOMPARE(runs[QStringLiteral("first-ok2")], 1); // the first run stopped at the failure

        batchOf(QStringLiteral("second-")); // straight with savepoints
        QCOMPARE(pool.stats().rerunBatches.load(), qint64(1));
        QCOMPARE(runs[QStringLiteral("second-ok1")], 1);
        QCOMPARE(runs[QStringLiteral("second-bad")], 1);

        // After a run of batches without failures the writer goes without savepoints again.
        for (int i = 0; i < 16; ++i) {
            const size_t before = answers.size();
            pool.write(insert(QStringLiteral("filler-%1").arg(i), false), [&](Reply r, store::WriteEffects) { answers.add(std::move(r)); });
            QTRY_COMPARE(answers.size(), before + 1);
        }
        batchOf(QStringLiteral("third-"));
        QCOMPARE(pool.stats().rerunBatches.load(), qint64(2));
        pool.stop();

        int failed = 0;
        for (const Reply &r : answers.replies) failed += r.isOk() ? 0 : 1;
        QCOMPARE(failed, 3);
        store::Db db(config, QStringLiteral("check"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT group_concat(tag, ',') FROM (SELECT tag FROM probe "
                                          "WHERE tag GLOB 'first-*' OR tag GLOB 'second-*' OR tag GLOB 'third-*' ORDER BY tag)")).toString(),
                 QStringLiteral("first-ok1,first-ok2,second-ok1,second-ok2,third-ok1,third-ok2"));
        // Six inserts and sixteen fillers audited "ok", three refusals audited once each.
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong() - auditBefore, qint64(6 + 16 + 3));
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE outcome = 'VALIDATION'")).toInt(), 3);
        QVERIFY(store::AuditChain::verify(db).isEmpty());
    }

    // The rest of an answer (WriteEffects::answerRead) is read on a reader once
    // the batch has committed: it sees the job's writes, its keys join the job's
    // own answer (theirs winning), and should it fail, the job's own answer
    // still says the write was made.
    void answersAreCompletedByAReadAfterTheCommit()
    {
        store::DbPool pool(config, store::DbPool::Options{});
        Answers answers;
        pool.write(
            [](store::WriteScope &scope) {
                scope.db().run(QStringLiteral("INSERT INTO probe (tag) VALUES ('answered')"));
                scope.effects().answerRead = [](store::Db &db) {
                    return QCborMap{{QStringLiteral("seen"), db.scalar(QStringLiteral("SELECT COUNT(*) FROM probe WHERE tag = 'answered'")).toInt()},
                                    {QStringLiteral("id"), 99}};
                };
                return Reply(QCborMap{{QStringLiteral("id"), 1}, {QStringLiteral("mine"), true}});
            },
            [&](Reply r, store::WriteEffects) { answers.add(std::move(r)); });
        QTRY_COMPARE(answers.size(), size_t(1));
        QVERIFY(answers.replies[0].isOk());
        const QCborMap first = answers.replies[0].value().toMap();
        QCOMPARE(first.value(QStringLiteral("seen")).toInteger(), 1);
        QCOMPARE(first.value(QStringLiteral("mine")).toBool(), true);
        QCOMPARE(first.value(QStringLiteral("id")).toInteger(), 99);

        pool.write(
            [](store::WriteScope &scope) {
                scope.db().run(QStringLiteral("INSERT INTO probe (tag) VALUES ('answered-2')"));
                scope.effects().answerRead = [](store::Db &db) -> QCborMap {
                    db.run(QStringLiteral("SELECT no_such_column FROM probe"));
                    return {};
                };
                return Reply(QCborMap{{QStringLiteral("id"), 2}});
            },
            [&](Reply r, store::WriteEffects) { answers.add(std::move(r)); });
        QTRY_COMPARE(answers.size(), size_t(2));
        QVERIFY(answers.replies[1].isOk());
        QCOMPARE(answers.replies[1].value().toMap(), (QCborMap{{QStringLiteral("id"), 2}}));
        pool.stop();
        store::Db db(config, QStringLiteral("check"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM probe WHERE tag GLOB 'answered*'")).toInt(), 2);
    }

    void lateReadsTimeOut()
    {
        store::DbPool pool(config, store::DbPool::Options{1, 128, 6, 20});
        Answers answers;
        std::atomic<bool> slowStarted{false};
        std::atomic<int> ran{0};
        pool.read(
            [&](store::Db &) {
                slowStarted = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                ++ran;
                return Reply(QCborValue(true));
            },
            [&](Reply r) { answers.add(std::move(r)); });
        QTRY_VERIFY(slowStarted.load());
        pool.read([&](store::Db &) { ++ran; return Reply(QCborValue(true)); }, [&](Reply r) { answers.add(std::move(r)); });
        QTRY_COMPARE(answers.size(), size_t(2));
        QVERIFY(answers.replies[0].isOk());
        QCOMPARE(answers.replies[1].error().code(), ErrorCode::Timeout);
        QCOMPARE(ran.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDbPool)
#include "tst_db_pool.moc"
