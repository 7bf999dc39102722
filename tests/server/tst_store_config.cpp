// Database URLs: SQLite paths, PostgreSQL over TCP, and over a local socket
// directory (libpq's ?host=/dir form), which a server on the database's own
// machine uses to skip the TCP stack (bench: +20-30 % orders/s).
#include "store/db.h"
#include "store/store_config.h"

#include <QTest>
#include <QUrl>

using namespace liuhe;

class TestStoreConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sqliteByDefault()
    {
        const auto c = store::StoreConfig::fromUrl({}, QStringLiteral("/data"), nullptr);
        QVERIFY(c);
        QCOMPARE(c->backend, store::Backend::Sqlite);
        QCOMPARE(c->sqlitePath, QStringLiteral("/data/liuhe.sqlite"));
    }

    void postgresqlOverTcp()
    {
        const auto c = store::StoreConfig::fromUrl(QStringLiteral("postgresql://erp:pw@db.example.cn:6543/liuhe"), {}, nullptr);
        QVERIFY(c);
        QCOMPARE(c->backend, store::Backend::Postgres);
        QCOMPARE(c->host, QStringLiteral("db.example.cn"));
        QCOMPARE(c->port, 6543);
        QCOMPARE(c->user, QStringLiteral("erp"));
        QCOMPARE(c->password, QStringLiteral("pw"));
        QCOMPARE(c->database, QStringLiteral("liuhe"));
    }

    void postgresqlOverASocketDirectory()
    {
        const auto c = store::StoreConfig::fromUrl(QStringLiteral("postgresql://erp@localhost/liuhe?host=/var/run/postgresql&port=5433"), {}, nullptr);
        QVERIFY(c);
        QCOMPARE(c->host, QStringLiteral("/var/run/postgresql"));
        QCOMPARE(c->port, 5433);
        QCOMPARE(c->database, QStringLiteral("liuhe"));
    }

    void badUrlsAreRefusedWithAReason()
    {
        QString error;
        QVERIFY(!store::StoreConfig::fromUrl(QStringLiteral("postgresql://erp@localhost/liuhe?host=run/pg"), {}, &error));
        QVERIFY(error.contains(QStringLiteral("absolute path")));
        QVERIFY(!store::StoreConfig::fromUrl(QStringLiteral("postgresql://erp@localhost/"), {}, &error));
        QVERIFY(error.contains(QStringLiteral("no database")));
        QVERIFY(!store::StoreConfig::fromUrl(QStringLiteral("mysql://erp@localhost/liuhe"), {}, &error));
    }

    // The test command's private cluster listens on its directory too.
    void connectsOverTheSocket()
    {
        const QString admin = qEnvironmentVariable("LIUHE_TEST_PG"), dir = qEnvironmentVariable("LIUHE_TEST_PG_DIR");
        if (admin.isEmpty() || dir.isEmpty()) QSKIP("needs LIUHE_TEST_PG and LIUHE_TEST_PG_DIR (tools/run-tests starts a cluster)");
        const QUrl tcp(admin);
        const auto c = store::StoreConfig::fromUrl(
            QStringLiteral("postgresql://%1@localhost%2?host=%3&port=%4").arg(tcp.userName(), tcp.path(), dir).arg(tcp.port(5432)), {}, nullptr);
        QVERIFY(c);
        store::Db db(*c, QStringLiteral("socket"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT inet_server_addr() IS NULL")).toBool(), true); // NULL over a Unix socket
        QCOMPARE(db.scalar(QStringLiteral("SELECT ? + 1"), {41}).toLongLong(), 42);
    }
};

QTEST_GUILESS_MAIN(TestStoreConfig)
#include "tst_store_config.moc"
