// Crash: orders flow from 16 connections while the server is killed with SIGKILL
// at random moments and restarted. Afterwards every acknowledged order exists
// exactly once and is complete, nothing is duplicated, and the store's
// invariants (ledger = on hand, FIFO value, audit chain) hold.
#include "reliability_support.h"
#include "test_data.h"
#include "test_server.h"

#include <QRandomGenerator>
#include <QTest>

using namespace liuhe;
using liuhe::test::TestServer;

class TestCrashRecovery : public QObject {
    Q_OBJECT
    TestServer server;

private Q_SLOTS:
    void acknowledgedOrdersSurviveKills()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        auto admin = server.admin();
        QVERIFY(admin);
        reliability::Stock stock;
        QString error;
        QVERIFY2(reliability::seedStock(*admin, QStringLiteral("CR"), 20, 1000000, stock, &error), qPrintable(error));
        admin.reset();

        const int workers = 16;
        std::vector<std::unique_ptr<reliability::OrderWorker>> crew;
        for (int i = 0; i < workers; ++i) {
            crew.push_back(std::make_unique<reliability::OrderWorker>(server.address(), QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword),
                                                                      QStringLiteral("CR%1").arg(i), stock));
            crew.back()->start();
        }
        const int kills = reliability::scaled(5, 25);
        QRandomGenerator rng(20261123);
        for (int k = 0; k < kills; ++k) {
            QTest::qWait(int(300 + rng.bounded(1200)));
            server.kill();
            QVERIFY2(server.restart(), qPrintable(server.error()));
        }
        QTest::qWait(1500);
        for (auto &w : crew) w->stop();

        admin = server.admin();
        QVERIFY(admin);
        int acknowledged = 0, retries = 0;
        for (int i = 0; i < workers; ++i) {
            const auto &w = *crew[size_t(i)];
            QVERIFY2(w.refusals().isEmpty(), qPrintable(QStringLiteral("worker %1 refused: %2").arg(i).arg(w.refusals().keys().join(u','))));
            retries += w.retries();
            const QHash<QString, int> placed = reliability::ordersByToken(*admin, QStringLiteral("CR%1").arg(i));
            for (const QString &token : w.acknowledged()) {
                QCOMPARE(placed.value(token), 1);
                ++acknowledged;
            }
            for (auto it = placed.constBegin(); it != placed.constEnd(); ++it) QVERIFY2(it.value() == 1, qPrintable(it.key()));
        }
        // Acknowledged orders were delivered in full.
        const auto done = admin->call(QStringLiteral("data.query"),
                                      QCborMap{{QStringLiteral("entity"), QStringLiteral("sales_order")},
                                               {QStringLiteral("filter"), QCborArray{QStringLiteral("and"),
                                                                                     QCborArray{QStringLiteral("like"), QStringLiteral("customer_po"), QStringLiteral("CR%")},
                                                                                     QCborArray{QStringLiteral("eq"), QStringLiteral("state"), QStringLiteral("done")}}},
                                               {QStringLiteral("total"), true}, {QStringLiteral("limit"), 1}});
        LH_VERIFY_OK(done);
        QVERIFY(done.value().toMap().value(QStringLiteral("total")).toInteger() >= acknowledged);
        QVERIFY2(acknowledged > workers, "too few orders went through to judge");
        QVERIFY2(retries > 0, "the kills never interrupted a call");
        const QString problems = reliability::invariantProblems(*admin);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        qInfo("%d kills, %d acknowledged orders, %d retried calls", kills, acknowledged, retries);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crash_recovery.moc"
