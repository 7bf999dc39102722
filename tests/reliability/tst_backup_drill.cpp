// Backup and restore drill: a backup taken while orders flow, restored offline
// with liuhe-cli into a new store, served again: every order acknowledged before
// the backup began is there once, and the invariants hold.
#include "reliability_support.h"
#include "test_data.h"
#include "test_server.h"

#include <QProcess>
#include <QTest>

using namespace liuhe;
using liuhe::protocol::Reply;
using liuhe::test::TestServer;

class TestBackupDrill : public QObject {
    Q_OBJECT
    TestServer live;
    TestServer restored;

private Q_SLOTS:
    void backupUnderLoadRestores()
    {
        QVERIFY2(live.start(), qPrintable(live.error()));
        auto admin = live.admin();
        QVERIFY(admin);
        reliability::Stock stock;
        QString error;
        QVERIFY2(reliability::seedStock(*admin, QStringLiteral("BD"), 10, 1000000, stock, &error), qPrintable(error));
        std::vector<std::unique_ptr<reliability::OrderWorker>> crew;
        for (int i = 0; i < 4; ++i) {
            crew.push_back(std::make_unique<reliability::OrderWorker>(live.address(), QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword),
                                                                      QStringLiteral("BD%1").arg(i), stock));
            crew.back()->start();
        }
        QTest::qWait(reliability::scaled(1500, 8000));
        QList<QStringList> before;
        for (auto &w : crew) before << w->acknowledged();
        const Reply backup = admin->call(QStringLiteral("system.backup"), {}, {}, 600000);
        LH_VERIFY_OK(backup);
        QTest::qWait(500);
        for (auto &w : crew) w->stop();
        const QString file = backup.value().toMap().value(QStringLiteral("path")).toString();
        QVERIFY(QFileInfo::exists(file));

        // A new store of the same backend, replaced by the backup with the server stopped.
        QVERIFY2(restored.start(), qPrintable(restored.error()));
        restored.stop();
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        QStringList args = {QStringLiteral("restore"), QStringLiteral("--from"), file};
        if (TestServer::backend() == QLatin1String("sqlite")) args << QStringLiteral("--data-dir") << restored.dataDir() << QStringLiteral("--force");
        else args << QStringLiteral("--database") << restored.databaseUrl();
        cli.start(QStringLiteral(LIUHE_CLI_BINARY), args);
        QVERIFY(cli.waitForFinished(600000));
        QVERIFY2(cli.exitCode() == 0, cli.readAll().constData());
        QVERIFY2(restored.restart(), qPrintable(restored.error()));
        auto check = restored.admin();
        QVERIFY(check);
        int expected = 0;
        for (int i = 0; i < 4; ++i) {
            const QHash<QString, int> placed = reliability::ordersByToken(*check, QStringLiteral("BD%1").arg(i));
            for (const QString &token : before[i]) {
                QCOMPARE(placed.value(token), 1);
                ++expected;
            }
        }
        QVERIFY2(expected > 4, "too few orders before the backup to judge");
        const QString problems = reliability::invariantProblems(*check);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        qInfo("backup of %lld bytes under load; %d orders acknowledged before it are all in the restored store",
              static_cast<long long>(backup.value().toMap().value(QStringLiteral("bytes")).toInteger()), expected);
    }
};

QTEST_GUILESS_MAIN(TestBackupDrill)
#include "tst_backup_drill.moc"
