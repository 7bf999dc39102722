// The writer's VFS (sqlite_gathered_log.h) keeps a commit's log writes in
// memory and writes them out at the commit's sync. What it must never do is
// let a commit finish with its frames still in memory, reorder writes, or skip
// the real sync before a checkpoint. These tests drive a real writer
// connection (Db with DbUse::WriterSyncedByCaller) against real files and
// check what a second connection sees, what a copy of the files taken while
// the writer is still open holds (the files as a killed process leaves them),
// and which syncs were left to the caller.
#include "store/db.h"
#include "store/sqlite_gathered_log.h"
#include "store/store_config.h"
#include "sqlite_test_files.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <sqlite3.h>

namespace store = liuhe::store;

namespace {

std::map<qint64, qint64> contents(sqlite3 *db)
{
    std::map<qint64, qint64> out;
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT k, v FROM t", -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) out.emplace(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
    sqlite3_finalize(st);
    return out;
}

// Random keys spread the rows over the table's and the index's pages, so a
// commit writes many frames; rolled-back batches undo theirs.
struct Workload {
    explicit Workload(store::Db &writer) : db(writer) {}
    store::Db &db;
    QRandomGenerator random{20261125};
    std::map<qint64, qint64> committed;

    void batch(int rows, bool commit)
    {
        db.begin(true);
        std::map<qint64, qint64> pending;
        for (int i = 0; i < rows; ++i) {
            const qint64 key = qint64(random.generate64() >> 2);
            const qint64 value = qint64(random.bounded(1000000));
            db.runUnread(QStringLiteral("INSERT INTO t (k, v, pad) VALUES (?, ?, ?)"), {key, value, QString(int(random.bounded(300)), u'x')});
            pending.emplace(key, value);
        }
        if (commit) {
            db.commit();
            committed.insert(pending.begin(), pending.end());
        } else {
            db.rollback();
        }
    }
};

store::StoreConfig configIn(const QTemporaryDir &dir)
{
    store::StoreConfig config;
    config.sqlitePath = dir.filePath(QStringLiteral("gathered.db"));
    return config;
}

void createTable(store::Db &db)
{
    db.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL UNIQUE, v INTEGER NOT NULL, pad TEXT)"));
    db.exec(QStringLiteral("CREATE INDEX ix_t_v ON t (v, k)"));
}

} // namespace

class TestSqliteGatheredLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every commit is whole in the files the moment it returns: a second
    // connection sees it, and so does a copy of the files taken then.
    void commitsAreInTheFilesWhenTheyReturn()
    {
        QTemporaryDir dir;
        const store::StoreConfig config = configIn(dir);
        store::Db writer(config, QStringLiteral("writer"), store::DbUse::WriterSyncedByCaller);
        QCOMPARE(writer.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        writer.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")); // as under DbPool, whose checkpointer runs apart
        createTable(writer);
        sqlite3 *reader = openSqliteFile(config.sqlitePath);
        QVERIFY(reader);

        const store::GatheredLogCounts before = store::gatheredLogCounts();
        Workload work(writer);
        for (int i = 0; i < 120; ++i) {
            work.batch(40, i % 9 != 4);
            if (i % 20 == 0) QVERIFY(contents(reader) == work.committed);
        }
        QVERIFY(contents(reader) == work.committed);
        const store::GatheredLogCounts after = store::gatheredLogCounts();

        // Gathered: SQLite's two writes per frame became a few per commit.
        const auto logWrites = after.logWrites - before.logWrites;
        const auto kernelWrites = after.kernelWrites - before.kernelWrites;
        QVERIFY2(logWrites > 2000, qPrintable(QString::number(logWrites)));
        QVERIFY2(kernelWrites * 5 < logWrites, qPrintable(QStringLiteral("%1 of %2").arg(kernelWrites).arg(logWrites)));
        // Each commit left its fsync to the caller, none done here.
        QVERIFY(after.commitSyncs - before.commitSyncs >= 106);
        QCOMPARE(after.realSyncs, before.realSyncs);

        // The files as they are now, with the writer still open (as a killed
        // server leaves them): SQLite recovers every commit from the log.
        QTemporaryDir copyDir;
        const QString copy = copyDir.filePath(QStringLiteral("copy.db"));
        QVERIFY(QFile::copy(config.sqlitePath, copy));
        QVERIFY(QFile::copy(config.sqlitePath + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
        sqlite3 *recovered = openSqliteFile(copy);
        QVERIFY(recovered);
        QCOMPARE(sqliteIntegrity(recovered), QStringLiteral("ok"));
        QVERIFY(contents(recovered) == work.committed);
        sqlite3_close_v2(recovered);
        sqlite3_close_v2(reader);
    }

    // Before a checkpoint copies the log into the database the log is synced
    // for real; a commit's sync stays the caller's.
    void checkpointsSyncTheLogForReal()
    {
        QTemporaryDir dir;
        store::Db writer(configIn(dir), QStringLiteral("writer"), store::DbUse::WriterSyncedByCaller);
        writer.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
        createTable(writer);
        Workload work(writer);
        work.batch(50, true);

        store::GatheredLogCounts before = store::gatheredLogCounts();
        work.batch(50, true);
        QCOMPARE(store::gatheredLogCounts().realSyncs, before.realSyncs);
        QCOMPARE(store::gatheredLogCounts().commitSyncs, before.commitSyncs + 1);

        before = store::gatheredLogCounts();
        QCOMPARE(sqlite3_wal_checkpoint_v2(writer.sqliteHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr), SQLITE_OK);
        QVERIFY(store::gatheredLogCounts().realSyncs > before.realSyncs);
    }

    // A cache too small for the transaction makes SQLite write pages to the
    // log before the commit, read them back and write some again: out of
    // order writes and reads of what is still gathered.
    void spilledPagesAreReadBackAsWritten()
    {
        QTemporaryDir dir;
        const store::StoreConfig config = configIn(dir);
        {
            store::Db writer(config, QStringLiteral("writer"), store::DbUse::WriterSyncedByCaller);
            writer.exec(QStringLiteral("PRAGMA cache_size = 20"));
            createTable(writer);
            Workload work(writer);
            for (int i = 0; i < 12; ++i) work.batch(1500, i % 4 != 2);
            QCOMPARE(writer.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
            sqlite3 *reader = openSqliteFile(config.sqlitePath);
            QVERIFY(reader);
            QVERIFY(contents(reader) == work.committed);
            sqlite3_close_v2(reader);

            writer.exec(QStringLiteral("DELETE FROM t WHERE v % 3 = 0"));
            for (auto it = work.committed.begin(); it != work.committed.end();) it = it->second % 3 == 0 ? work.committed.erase(it) : std::next(it);
            work.batch(1500, true);
            sqlite3 *again = openSqliteFile(config.sqlitePath);
            QVERIFY(again);
            QCOMPARE(sqliteIntegrity(again), QStringLiteral("ok"));
            QVERIFY(contents(again) == work.committed);
            sqlite3_close_v2(again);
        }
    }
};

QTEST_GUILESS_MAIN(TestSqliteGatheredLog)
#include "tst_sqlite_gathered_log.moc"
