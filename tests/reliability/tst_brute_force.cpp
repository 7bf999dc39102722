// Brute force: 500 wrong passwords against one account. After the first few
// every attempt is refused as AUTH_THROTTLED without checking the password
// (so the right one fails too while blocked), and every attempt is audited.
#include "reliability_support.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QElapsedTimer>
#include <QTest>

using namespace liuhe;
using liuhe::protocol::ErrorCode;
using liuhe::protocol::Reply;
using liuhe::test::TestServer;
using M = QCborMap;
using A = QCborArray;

class TestBruteForce : public QObject {
    Q_OBJECT
    TestServer server;

private Q_SLOTS:
    void fiveHundredGuessesAreThrottledAndAudited()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        auto admin = server.admin(); // logged in before the address is throttled
        QVERIFY(admin);
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("victim"), QString::fromLatin1(test::kUserPassword), QStringLiteral("clerk"),
                                  {{QStringLiteral("product"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        client::SyncClient attacker;
        QVERIFY(attacker.connectTo(server.address()));
        int failed = 0, throttled = 0, other = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 500; ++i) {
            if (!attacker.isConnected()) QVERIFY(attacker.connectTo(server.address()));
            const Reply r = attacker.login(QStringLiteral("victim"), QStringLiteral("guess-%1").arg(i));
            if (r.isOk()) QFAIL("a wrong password logged in");
            else if (r.error().code() == ErrorCode::AuthFailed) ++failed;
            else if (r.error().code() == ErrorCode::AuthThrottled) ++throttled;
            else ++other;
        }
        const qint64 ms = timer.elapsed();
        QCOMPARE(other, 0);
        QVERIFY2(failed <= 10, qPrintable(QStringLiteral("%1 passwords were checked").arg(failed)));
        QVERIFY(throttled >= 490);
        // Blocked means blocked: the right password is refused too.
        LH_VERIFY_ERROR(attacker.login(QStringLiteral("victim"), QString::fromLatin1(test::kUserPassword)), ErrorCode::AuthThrottled);
        const Reply audited = admin->call(QStringLiteral("data.query"),
                                          M{{QStringLiteral("entity"), QStringLiteral("audit_log")}, {QStringLiteral("total"), true}, {QStringLiteral("limit"), 1},
                                            {QStringLiteral("filter"), A{QStringLiteral("and"), A{QStringLiteral("eq"), QStringLiteral("call"), QStringLiteral("auth.login")},
                                                                         A{QStringLiteral("in"), QStringLiteral("outcome"),
                                                                           A{QStringLiteral("AUTH_FAILED"), QStringLiteral("AUTH_THROTTLED")}}}}});
        LH_VERIFY_OK(audited);
        const qint64 entries = audited.value().toMap().value(QStringLiteral("total")).toInteger();
        QVERIFY2(entries >= 500, qPrintable(QStringLiteral("only %1 attempts audited").arg(entries)));
        qInfo("500 guesses in %lld ms: %d checked, %d throttled, %lld audit entries", ms, failed, throttled, entries);
    }

    void parallelGuessesAreThrottledToo()
    {
        // 8 connections × 25 guesses sent at once: throttling must count the
        // failures of attempts running side by side, not only one after another.
        TestServer fresh;
        QVERIFY2(fresh.start(), qPrintable(fresh.error()));
        auto admin = fresh.admin();
        QVERIFY(admin);
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("victim"), QString::fromLatin1(test::kUserPassword), QStringLiteral("clerk"),
                                  {{QStringLiteral("product"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        std::vector<std::unique_ptr<client::SyncClient>> attackers;
        for (int c = 0; c < 8; ++c) {
            attackers.push_back(fresh.connect());
            QVERIFY(attackers.back());
        }
        int failed = 0, throttled = 0, other = 0, answered = 0;
        for (size_t c = 0; c < attackers.size(); ++c)
            for (int i = 0; i < 25; ++i)
                attackers[c]->connection().call(QStringLiteral("auth.login"),
                                                M{{QStringLiteral("username"), QStringLiteral("victim")},
                                                  {QStringLiteral("password"), QStringLiteral("guess-%1-%2").arg(c).arg(i)}},
                                                [&](const Reply &r) {
                                                    ++answered;
                                                    if (r.isOk()) other += 1000; // a wrong password logged in
                                                    else if (r.error().code() == ErrorCode::AuthFailed) ++failed;
                                                    else if (r.error().code() == ErrorCode::AuthThrottled) ++throttled;
                                                    else ++other;
                                                });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 200, 120000);
        QCOMPARE(other, 0);
        qInfo("200 parallel guesses: %d checked, %d throttled", failed, throttled);
        QVERIFY2(failed <= 10, qPrintable(QStringLiteral("%1 passwords were checked").arg(failed)));
        QCOMPARE(failed + throttled, 200);
    }

    void oneAddressTryingManyNamesIsSlowed()
    {
        TestServer fresh;
        QVERIFY2(fresh.start(), qPrintable(fresh.error()));
        auto attacker = fresh.connect();
        QVERIFY(attacker);
        int failedBeforeBlock = 0;
        bool blocked = false;
        for (int i = 0; i < 20 && !blocked; ++i) {
            const Reply r = attacker->login(QStringLiteral("nobody-%1").arg(i), QStringLiteral("guess-%1").arg(i));
            QVERIFY(!r.isOk());
            if (r.error().code() == ErrorCode::AuthThrottled) blocked = true;
            else ++failedBeforeBlock;
        }
        QVERIFY2(blocked, "twenty names from one address were all checked");
        QVERIFY2(failedBeforeBlock <= 10, qPrintable(QString::number(failedBeforeBlock)));
    }
};

QTEST_GUILESS_MAIN(TestBruteForce)
#include "tst_brute_force.moc"
