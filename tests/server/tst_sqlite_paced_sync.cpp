// The checkpoint connection's VFS (sqlite_paced_sync.h) syncs the database file
// every kPacedSyncBytes while a checkpoint copies pages into it. It must pass
// every write through unchanged and add syncs, never lose one. A real writer
// fills the log, a real checkpoint connection (Db with DbUse::Checkpoint)
// copies it back, and the database file alone, without its log, must then hold
// every row.
#include "store/db.h"
#include "store/sqlite_paced_sync.h"
#include "store/store_config.h"
#include "sqlite_test_files.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

namespace store = liuhe::store;

class TestSqlitePacedSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aCheckpointSyncsAsItCopiesAndCopiesEverything()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        store::StoreConfig config;
        config.backend = store::Backend::Sqlite;
        config.sqlitePath = dir.filePath(QStringLiteral("paced.sqlite"));
        constexpr int kRows = 4000;
        store::Db writer(config, QStringLiteral("writer"));
        writer.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")); // everything stays in the log for the checkpoint below
        writer.exec(QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, v BIGINT NOT NULL, pad TEXT NOT NULL)"));
        for (int batch = 0; batch < 4; ++batch) {
            writer.begin(true);
            for (int i = 0; i < kRows / 4; ++i) {
                const int k = batch * (kRows / 4) + i;
                writer.runUnread(QStringLiteral("INSERT INTO t (k, v, pad) VALUES (?, ?, ?)"), {k, qint64(k) * 7, QString(900, QChar(u'a' + k % 26))});
            }
            writer.commit();
        }

        store::Db checkpoint(config, QStringLiteral("checkpoint"), store::DbUse::Checkpoint);
        const unsigned long long syncsBefore = store::pacedSyncCount();
        int logFrames = 0, copied = 0;
        QCOMPARE(sqlite3_wal_checkpoint_v2(checkpoint.sqliteHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied), SQLITE_OK);
        QVERIFY2(logFrames > 900 && copied == logFrames, qPrintable(QStringLiteral("%1 of %2 frames").arg(copied).arg(logFrames)));
        const unsigned long long copiedBytes = (unsigned long long)(copied) * 4096;
        const unsigned long long syncs = store::pacedSyncCount() - syncsBefore;
        // One sync per full piece copied (pages written once each, however
        // many frames held them), and not one per page.
        QVERIFY2(syncs >= 3 && syncs <= copiedBytes / store::kPacedSyncBytes + 1,
                 qPrintable(QStringLiteral("%1 syncs for %2 bytes").arg(syncs).arg(copiedBytes)));

        // The database file alone, as the log restarting would leave it.
        const QString alone = dir.filePath(QStringLiteral("alone.sqlite"));
        QVERIFY(QFile::copy(config.sqlitePath, alone));
        sqlite3 *db = openSqliteFile(alone);
        QVERIFY(db);
        QCOMPARE(sqliteIntegrity(db), QStringLiteral("ok"));
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "SELECT COUNT(*), SUM(v), SUM(length(pad)) FROM t", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int64(st, 0), qint64(kRows));
        QCOMPARE(sqlite3_column_int64(st, 1), qint64(7) * kRows * (kRows - 1) / 2);
        QCOMPARE(sqlite3_column_int64(st, 2), qint64(900) * kRows);
        sqlite3_finalize(st);
        sqlite3_close_v2(db);
    }
};

QTEST_GUILESS_MAIN(TestSqlitePacedSync)
#include "tst_sqlite_paced_sync.moc"
