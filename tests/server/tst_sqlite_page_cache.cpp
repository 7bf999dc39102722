// The store's SQLite page cache (sqlite_page_cache.h) parks the page SQLite
// moves aside while it renumbers split pages somewhere else than SQLite would.
// What it must never do is hand out a wrong page: random inserts that split
// pages thousands of times, some rolled back, must leave a database that
// passes SQLite's integrity check and holds exactly what was committed — seen
// by the writing connection, by a second one, and after reopening.
#include "store/db.h"
#include "store/sqlite_page_cache.h"
#include "store/store_config.h"
#include "sqlite_test_files.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <sqlite3.h>

namespace store = liuhe::store;

namespace {

void exec(sqlite3 *db, const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const QByteArray message = QByteArray(sql) + ": " + (error ? error : "?");
        sqlite3_free(error);
        QFAIL(message.constData());
    }
}


std::map<QByteArray, qint64> contents(sqlite3 *db)
{
    std::map<QByteArray, qint64> out;
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT k, v FROM t ORDER BY k", -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
        out.emplace(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)), sqlite3_column_bytes(st, 0)), sqlite3_column_int64(st, 1));
    sqlite3_finalize(st);
    return out;
}


} // namespace

class TestSqlitePageCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void randomInsertsKeepEveryPage()
    {
        QTemporaryDir dir;
        store::StoreConfig config;
        config.sqlitePath = dir.filePath(QStringLiteral("cache.db"));
        { store::Db first(config, QStringLiteral("first")); } // installs the cache, as the server does
        const unsigned long long parkedBefore = store::sqlitePagesParked();

        sqlite3 *db = openSqliteFile(config.sqlitePath);
        QVERIFY(db);
        exec(db, "PRAGMA journal_mode = WAL");
        exec(db, "PRAGMA cache_size = -65536");
        exec(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, v INTEGER NOT NULL, pad TEXT)");
        exec(db, "CREATE INDEX ix_t_v ON t (v, k)");
        sqlite3_stmt *insert = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "INSERT INTO t (k, v, pad) VALUES (?, ?, ?)", -1, &insert, nullptr), SQLITE_OK);

        QRandomGenerator random(20261124);
        std::map<QByteArray, qint64> committed;
        for (int batch = 0; batch < 300; ++batch) {
            exec(db, "BEGIN IMMEDIATE");
            std::map<QByteArray, qint64> pending;
            for (int i = 0; i < 100; ++i) {
                const QByteArray key = QByteArray::number(random.generate64(), 36);
                const qint64 value = qint64(random.bounded(1000000));
                const QByteArray pad(int(random.bounded(200)), 'x');
                sqlite3_bind_text(insert, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
                sqlite3_bind_int64(insert, 2, value);
                sqlite3_bind_text(insert, 3, pad.constData(), int(pad.size()), SQLITE_TRANSIENT);
                QCOMPARE(sqlite3_step(insert), SQLITE_DONE);
                sqlite3_reset(insert);
                pending.emplace(key, value);
            }
            if (batch % 7 == 3) {
                exec(db, "ROLLBACK"); // splits undone: their pages must go back as they were
            } else {
                exec(db, "COMMIT");
                committed.insert(pending.begin(), pending.end());
            }
        }
        sqlite3_finalize(insert);

        QVERIFY2(store::sqlitePagesParked() > parkedBefore + 100, "the inserts should have parked pages many times");
        QCOMPARE(sqliteIntegrity(db), QStringLiteral("ok"));
        QVERIFY(contents(db) == committed);

        sqlite3 *reader = openSqliteFile(config.sqlitePath);
        QVERIFY(reader);
        QVERIFY(contents(reader) == committed);
        sqlite3_close_v2(reader);
        sqlite3_close_v2(db);

        sqlite3 *reopened = openSqliteFile(config.sqlitePath);
        QVERIFY(reopened);
        QCOMPARE(sqliteIntegrity(reopened), QStringLiteral("ok"));
        QVERIFY(contents(reopened) == committed);
        sqlite3_close_v2(reopened);
    }
};

QTEST_GUILESS_MAIN(TestSqlitePageCache)
#include "tst_sqlite_page_cache.moc"
