// PostgreSQL restarted under load: the server reconnects by itself, clients see
// only retryable errors (and retry with the same idempotency key), and nothing
// acknowledged is lost or doubled. Needs LIUHE_TEST_PG_DIR, the cluster that
// tools/run-tests started (it is restarted with tools/pg-cluster restart).
#include "reliability_support.h"
#include "test_data.h"
#include "test_server.h"

#include <QProcess>
#include <QTest>

using namespace liuhe;
using liuhe::test::TestServer;

class TestPgRestart : public QObject {
    Q_OBJECT
    TestServer server;

private Q_SLOTS:
    void ordersSurviveDatabaseRestarts()
    {
        const QString clusterDir = qEnvironmentVariable("LIUHE_TEST_PG_DIR");
        QVERIFY2(!clusterDir.isEmpty(), "LIUHE_TEST_PG_DIR must name the test cluster's directory (tools/run-tests sets it)");
        QVERIFY2(server.start(), qPrintable(server.error()));
        auto admin = server.admin();
        QVERIFY(admin);
        reliability::Stock stock;
        QString error;
        QVERIFY2(reliability::seedStock(*admin, QStringLiteral("PR"), 10, 1000000, stock, &error), qPrintable(error));
        admin.reset();
        std::vector<std::unique_ptr<reliability::OrderWorker>> crew;
        for (int i = 0; i < 4; ++i) {
            crew.push_back(std::make_unique<reliability::OrderWorker>(server.address(), QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword),
                                                                      QStringLiteral("PR%1").arg(i), stock));
            crew.back()->start();
        }
        const int restarts = reliability::scaled(2, 6);
        for (int r = 0; r < restarts; ++r) {
            QTest::qWait(1500);
            QProcess restart;
            restart.setProcessChannelMode(QProcess::ForwardedChannels);
            restart.start(QStringLiteral(LIUHE_SOURCE_DIR "/tools/pg-cluster"), {QStringLiteral("restart"), clusterDir});
            QVERIFY(restart.waitForFinished(90000));
            QCOMPARE(restart.exitCode(), 0);
        }
        QTest::qWait(2000);
        for (auto &w : crew) w->stop();
        QVERIFY2(server.isRunning(), "the server died when the database restarted");
        admin = server.admin();
        QVERIFY(admin);
        int acknowledged = 0, retries = 0;
        for (int i = 0; i < 4; ++i) {
            const auto &w = *crew[size_t(i)];
            QVERIFY2(w.refusals().isEmpty(), qPrintable(QStringLiteral("worker %1 refused: %2").arg(i).arg(w.refusals().keys().join(u','))));
            retries += w.retries();
            const QHash<QString, int> placed = reliability::ordersByToken(*admin, QStringLiteral("PR%1").arg(i));
            for (const QString &token : w.acknowledged()) {
                QCOMPARE(placed.value(token), 1);
                ++acknowledged;
            }
            for (auto it = placed.constBegin(); it != placed.constEnd(); ++it) QVERIFY2(it.value() == 1, qPrintable(it.key()));
        }
        QVERIFY2(acknowledged > 8, "too few orders went through to judge");
        const QString problems = reliability::invariantProblems(*admin);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        qInfo("%d database restarts, %d acknowledged orders, %d retried calls", restarts, acknowledged, retries);
    }
};

QTEST_GUILESS_MAIN(TestPgRestart)
#include "tst_pg_restart.moc"
