// Statements whose results nobody reads (Db::runUnread) on both backends. On
// PostgreSQL they wait in libpq's pipeline and go out with the next statement
// read; that must change nothing a caller can see: they take effect in order,
// before the next read; an error they raise is thrown at the latest by
// flushUnread, leaves the connection usable after a rollback to a savepoint;
// and in the writer an error stays with the job that caused it, while the
// other jobs of the same batch commit.
#include "store/db.h"
#include "store/db_pool.h"
#include "store/migrations.h"
#include "store/store_config.h"
#include "store/write_scope.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <future>
#include <mutex>
#include <thread>

using namespace liuhe;
using protocol::Reply;
using store::StoreError;

class TestUnreadStatements : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    store::StoreConfig config;
    std::optional<store::StoreConfig> admin; // PostgreSQL: where the test's database is made
    QString database;

    bool postgres() const { return config.backend == store::Backend::Postgres; }

    QStringList tags(store::Db &db)
    {
        QStringList out;
        auto &q = db.run(QStringLiteral("SELECT tag FROM probe ORDER BY tag"));
        while (q.next()) out << q.text(0);
        q.finish();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        if (qEnvironmentVariable("LIUHE_TEST_BACKEND") == QLatin1String("postgresql")) {
            QString error;
            admin = store::StoreConfig::fromUrl(qEnvironmentVariable("LIUHE_TEST_PG"), dir.path(), &error);
            QVERIFY2(admin, qPrintable(QStringLiteral("LIUHE_TEST_PG: ") + error));
            database = QStringLiteral("lh_unread_%1").arg(QCoreApplication::applicationPid());
            store::Db server(*admin, QStringLiteral("admin"));
            server.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(database));
            server.exec(QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(database));
            config = *admin;
            config.database = database;
        } else {
            config.sqlitePath = dir.filePath(QStringLiteral("unread.sqlite"));
        }
        store::Db db(config, QStringLiteral("setup"));
        store::migrate(db);
        db.exec(QStringLiteral("CREATE TABLE probe (tag TEXT NOT NULL UNIQUE, n BIGINT NOT NULL DEFAULT 0)"));
    }

    void cleanupTestCase()
    {
        if (!admin) return;
        store::Db server(*admin, QStringLiteral("admin"));
        server.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database));
    }

    void init()
    {
        store::Db db(config, QStringLiteral("clean"));
        db.exec(QStringLiteral("DELETE FROM probe"));
    }

    void takeEffectInOrderBeforeTheNextRead()
    {
        store::Db db(config, QStringLiteral("order"));
        db.begin(true);
        for (const char *tag : {"b", "a", "c"}) db.runUnread(QStringLiteral("INSERT INTO probe (tag) VALUES (?)"), {QString::fromLatin1(tag)});
        db.runUnread(QStringLiteral("UPDATE probe SET n = n + ? WHERE tag = ?"), {5, QStringLiteral("a")});
        db.runUnread(QStringLiteral("UPDATE probe SET n = n * ? WHERE tag = ?"), {3, QStringLiteral("a")}); // after the +5, or it would be 5
        QCOMPARE(db.scalar(QStringLiteral("SELECT n FROM probe WHERE tag = ?"), {QStringLiteral("a")}).toLongLong(), qint64(15));
        QCOMPARE(tags(db), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        db.runUnread(QStringLiteral("INSERT INTO probe (tag) VALUES (?)"), {QStringLiteral("d")});
        db.commit(); // the commit carries what is still unread
        QCOMPARE(tags(db).size(), 4);
    }

    void anErrorIsThrownAndTheConnectionGoesOn()
    {
        store::Db db(config, QStringLiteral("error"));
        db.begin(true);
        db.runUnread(QStringLiteral("INSERT INTO probe (tag) VALUES ('kept')"));
        db.savepoint(QStringLiteral("job"));
        db.runUnread(QStringLiteral("INSERT INTO probe (tag) VALUES ('undone')"));
        std::optional<StoreError> caught;
        try {
            db.runUnread(QStringLiteral("INSERT INTO probe (tag) VALUES ('kept')")); // a second 'kept'
            db.runUnread(QStringLiteral("INSERT INTO probe (tag) VALUES ('skipped')"));
            if (postgres()) QVERIFY(db.scalar(QStringLiteral("SELECT COUNT(*) FROM probe")).isValid()); // must throw, never answer
            db.flushUnread();
        } catch (const StoreError &e) {
            caught = e;
        }
        QVERIFY(caught);
        QCOMPARE(caught->kind(), StoreError::Kind::Constraint);
        db.rollbackToSavepoint(QStringLiteral("job"));
        db.runUnread(QStringLiteral("INSERT INTO probe (tag) VALUES ('after')"));
        QCOMPARE(tags(db), (QStringList{QStringLiteral("after"), QStringLiteral("kept")}));
        db.commit();
        QCOMPARE(tags(db), (QStringList{QStringLiteral("after"), QStringLiteral("kept")}));
    }

    // Reads sent ahead (Db::prefetch; nothing on SQLite) answer as the reads
    // themselves would: the next run with the same values takes the result,
    // other values are read afresh, nothing crosses into another transaction,
    // and an error is thrown by the run that wanted the result.
    void readsSentAheadAnswerAsReadsWould()
    {
        const QString valueOf = QStringLiteral("SELECT n FROM probe WHERE tag = ?");
        const QString count = QStringLiteral("SELECT COUNT(*) FROM probe WHERE n >= ?");
        store::Db db(config, QStringLiteral("ahead"));
        store::Db other(config, QStringLiteral("other"));
        db.begin(true);
        db.runUnread(QStringLiteral("INSERT INTO probe (tag, n) VALUES ('x', 7), ('y', 9)"));
        db.prefetch(valueOf, {QStringLiteral("x")});
        db.prefetch(count, {8});
        QCOMPARE(db.scalar(valueOf, {QStringLiteral("x")}).toLongLong(), qint64(7)); // after the insert sent before it
        QCOMPARE(db.scalar(count, {8}).toLongLong(), qint64(1));
        db.prefetch(valueOf, {QStringLiteral("x")});
        QCOMPARE(db.scalar(valueOf, {QStringLiteral("y")}).toLongLong(), qint64(9)); // other values: read afresh
        QCOMPARE(db.scalar(valueOf, {QStringLiteral("x")}).toLongLong(), qint64(7));
        db.commit();

        db.begin(true);
        db.prefetch(valueOf, {QStringLiteral("x")});
        db.rollback();
        other.begin(true);
        other.run(QStringLiteral("UPDATE probe SET n = 70 WHERE tag = 'x'")).finish();
        other.commit();
        db.begin(true);
        QCOMPARE(db.scalar(valueOf, {QStringLiteral("x")}).toLongLong(), qint64(70)); // not what the rolled-back one read
        db.prefetch(valueOf, {QStringLiteral("x")});
        db.commit();
        other.begin(true);
        other.run(QStringLiteral("UPDATE probe SET n = 700 WHERE tag = 'x'")).finish();
        other.commit();
        db.begin(false);
        QCOMPARE(db.scalar(valueOf, {QStringLiteral("x")}).toLongLong(), qint64(700)); // nor the committed one's
        db.commit();

        if (!postgres()) return; // SQLite has no error to send ahead: its reads run when asked
        db.begin(true);
        const QString divide = QStringLiteral("SELECT 100 / CAST(? AS INTEGER)");
        db.prefetch(divide, {0});
        std::optional<StoreError> caught;
        try {
            db.scalar(divide, {0});
        } catch (const StoreError &e) {
            caught = e;
        }
        QVERIFY(caught);
        QVERIFY2(caught->message().contains(QStringLiteral("division by zero")), qPrintable(caught->message()));
        db.rollback();
        db.begin(false);
        QCOMPARE(db.scalar(divide, {4}).toLongLong(), qint64(25));
        db.commit();
    }

    // Rows whose ids are reserved first (a document's lines) go out unread on
    // PostgreSQL: the ids come from the table's own sequence, in ascending
    // order, so they never clash with rows inserted the ordinary way.
    void reservedIdsComeFromTheTablesSequence()
    {
        store::Db db(config, QStringLiteral("ids"));
        db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS numbered (%1, tag TEXT NOT NULL)").arg(db.dialect().primaryKey()));
        db.begin(true);
        const qint64 first = db.insert(QStringLiteral("INSERT INTO numbered (tag) VALUES ('plain-1')"), {});
        const QList<qint64> ids = db.reserveIds(QStringLiteral("numbered"), 3);
        if (!postgres()) {
            QVERIFY(ids.isEmpty()); // SQLite inserts cost no round trip
            db.rollback();
            return;
        }
        QCOMPARE(ids.size(), 3);
        QVERIFY(ids[0] > first);
        QVERIFY(ids[0] < ids[1] && ids[1] < ids[2]);
        for (qint64 id : ids) db.runUnread(QStringLiteral("INSERT INTO numbered (id, tag) VALUES (?, 'reserved')"), {id});
        const qint64 after = db.insert(QStringLiteral("INSERT INTO numbered (tag) VALUES ('plain-2')"), {});
        QVERIFY(after > ids[2]);
        db.commit();
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(DISTINCT id) FROM numbered")).toInt(), 5);
    }

    void aJobsErrorStaysInThatJob()
    {
        store::DbPool pool(config, store::DbPool::Options{1, 128, 6, 30000});
        std::mutex mutex;
        std::vector<std::pair<QString, Reply>> answers;
        auto answer = [&](const QString &job) {
            return [&, job](Reply r, store::WriteEffects) {
                std::lock_guard lock(mutex);
                answers.emplace_back(job, std::move(r));
            };
        };
        // The gate holds the writer until the three jobs are queued: they then
        // share one batch, one transaction.
        std::promise<void> queued;
        std::shared_future<void> open = queued.get_future().share();
        std::atomic<bool> gateRunning{false};
        pool.write(
            [&, open](store::WriteScope &) {
                gateRunning = true;
                open.wait();
                return Reply(QCborValue(true));
            },
            answer(QStringLiteral("gate")));
        QTRY_VERIFY(gateRunning.load());
        auto insert = [](const QString &tag) {
            return [tag](store::WriteScope &scope) {
                scope.db().runUnread(QStringLiteral("INSERT INTO probe (tag) VALUES (?)"), {tag});
                return Reply(QCborValue(true));
            };
        };
        pool.write(insert(QStringLiteral("first")), answer(QStringLiteral("first")));
        pool.write(
            [](store::WriteScope &scope) {
                scope.db().runUnread(QStringLiteral("INSERT INTO probe (tag) VALUES ('bad-but-unique')"));
                scope.db().runUnread(QStringLiteral("INSERT INTO probe (tag) VALUES ('first')")); // taken by the job before
                return Reply(QCborValue(true));
            },
            answer(QStringLiteral("bad")));
        pool.write(insert(QStringLiteral("third")), answer(QStringLiteral("third")));
        queued.set_value();
        QTRY_COMPARE(([&] { std::lock_guard lock(mutex); return answers.size(); })(), size_t(4));
        pool.stop();
        QCOMPARE(pool.stats().batches.load(), qint64(2));
        QCOMPARE(pool.stats().rerunBatches.load(), qint64(1)); // run again with a savepoint per job

        for (const auto &[job, reply] : answers)
            QVERIFY2(reply.isOk() == (job != QLatin1String("bad")), qPrintable(job));
        store::Db db(config, QStringLiteral("check"));
        QCOMPARE(tags(db), (QStringList{QStringLiteral("first"), QStringLiteral("third")}));
    }
};

QTEST_GUILESS_MAIN(TestUnreadStatements)
#include "tst_unread_statements.moc"
