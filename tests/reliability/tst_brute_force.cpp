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
};

QTEST_GUILESS_MAIN(TestBruteForce)
#include "tst_brute_force.moc"
