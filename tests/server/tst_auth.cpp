// Accounts and sessions over the real socket: login, throttling without revealing
// accounts, password policy and hashing, session expiry, logout and password
// change ending sessions, audit of logins.
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;

class TestAuth : public QObject {
    Q_OBJECT
    TestServer server;
    qint64 clerkId = 0;

    std::unique_ptr<client::SyncClient> connected()
    {
        auto c = server.connect();
        if (!c) qWarning() << server.error();
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        auto admin = server.admin();
        QVERIFY2(admin, qPrintable(server.error()));
        QString error;
        clerkId = test::createUser(*admin, QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword), QStringLiteral("clerk"),
                                   {{QStringLiteral("product"), QStringLiteral("read")}}, {}, &error, QStringLiteral("clerk"));
        QVERIFY2(clerkId > 0, qPrintable(error));
    }

    void loginAnswersWhoAndWhat()
    {
        auto c = connected();
        QVERIFY(c);
        const Reply r = c->login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword));
        LH_VERIFY_OK(r);
        const QCborMap info = r.value().toMap();
        QCOMPARE(info.value(QStringLiteral("user_id")).toInteger(), clerkId);
        QVERIFY(info.value(QStringLiteral("token")).toString().size() >= 32); // 128 bits, hex
        const QCborMap perms = info.value(QStringLiteral("permissions")).toMap();
        QCOMPARE(perms.value(QStringLiteral("home")).toString(), QStringLiteral("clerk"));
        QVERIFY(perms.value(QStringLiteral("modules")).toArray().contains(QCborValue(QStringLiteral("inventory"))));
        QVERIFY(!perms.value(QStringLiteral("modules")).toArray().contains(QCborValue(QStringLiteral("system"))));
    }

    void wrongPasswordAndUnknownUserLookAlike()
    {
        auto a = connected();
        auto b = connected();
        const Reply wrong = a->login(QStringLiteral("clerk1"), QStringLiteral("not-the-password"));
        const Reply unknown = b->login(QStringLiteral("nobody-here"), QStringLiteral("not-the-password"));
        LH_VERIFY_ERROR(wrong, ErrorCode::AuthFailed);
        LH_VERIFY_ERROR(unknown, ErrorCode::AuthFailed);
        QCOMPARE(wrong.error().message(), unknown.error().message());
        QVERIFY(server.admin()); // a success clears the address counter
    }

    void throttledFromTheFifthFailure()
    {
        for (const QString &name : {QStringLiteral("clerk1"), QStringLiteral("ghost-account")}) {
            auto c = connected();
            QVERIFY(c);
            if (name == QLatin1String("clerk1")) // a success clears the earlier failures of this account
                QVERIFY(server.login(name, QString::fromLatin1(test::kUserPassword)));
            for (int i = 1; i <= 5; ++i) LH_VERIFY_ERROR(c->login(name, QStringLiteral("wrong-password-%1").arg(i)), ErrorCode::AuthFailed);
            // Blocked now, even with the right password; an unknown name behaves the same.
            const Reply blocked = c->login(name, QString::fromLatin1(test::kUserPassword));
            LH_VERIFY_ERROR(blocked, ErrorCode::AuthThrottled);
            QVERIFY(blocked.error().details().value(QStringLiteral("retry_after_s")).toInteger() >= 1);
            QVERIFY(server.admin());
        }
        QTest::qWait(1200);
        auto c = connected();
        LH_VERIFY_OK(c->login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword)));
    }

    void failuresAreAudited()
    {
        auto admin = server.admin();
        const Reply r = admin->call(QStringLiteral("data.query"),
                                    QCborMap{{QStringLiteral("entity"), QStringLiteral("audit_log")},
                                             {QStringLiteral("filter"), QCborArray{QStringLiteral("and"),
                                                                                   QCborArray{QStringLiteral("eq"), QStringLiteral("call"), QStringLiteral("auth.login")},
                                                                                   QCborArray{QStringLiteral("in"), QStringLiteral("outcome"),
                                                                                              QCborArray{QStringLiteral("AUTH_FAILED"), QStringLiteral("AUTH_THROTTLED")}}}},
                                             {QStringLiteral("total"), true}});
        LH_VERIFY_OK(r);
        QVERIFY(r.value().toMap().value(QStringLiteral("total")).toInteger() >= 12);
        for (const QCborMap &row : test::rowsOf(r)) QVERIFY(!row.value(QStringLiteral("changes")).toString().contains(QStringLiteral("wrong-password")));
    }

    void passwordsAreArgon2id()
    {
        QSqlDatabase db = server.openStore();
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM user_secret")));
        int n = 0;
        while (q.next()) {
            const QString hash = q.value(0).toString();
            QVERIFY2(hash.startsWith(QStringLiteral("$argon2id$v=19$m=19456,t=2,")), qPrintable(hash));
            ++n;
        }
        QVERIFY(n >= 2);
        QSqlQuery audit(db);
        QVERIFY(audit.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE changes LIKE '%argon2%' OR changes LIKE '%Pass1234%'")));
        QVERIFY(audit.next());
        QCOMPARE(audit.value(0).toInt(), 0);
        q.finish();
        audit.finish();
    }

    void passwordPolicy()
    {
        auto c = server.login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(c);
        Reply r = c->call(QStringLiteral("auth.change_password"), QCborMap{{QStringLiteral("old_password"), QString::fromLatin1(test::kUserPassword)},
                                                                           {QStringLiteral("new_password"), QStringLiteral("short")}});
        LH_VERIFY_ERROR(r, ErrorCode::PasswordPolicy);
        QCOMPARE(test::problemsOf(r), QStringList{QStringLiteral("password:too_short")});
        r = c->call(QStringLiteral("auth.change_password"), QCborMap{{QStringLiteral("old_password"), QStringLiteral("wrong-old-password")},
                                                                     {QStringLiteral("new_password"), QStringLiteral("A-much-longer-password")}});
        LH_VERIFY_ERROR(r, ErrorCode::AuthFailed);
        QCOMPARE(test::problemsOf(r), QStringList{QStringLiteral("old_password:wrong")});
    }

    void passwordChangeEndsOtherSessions()
    {
        auto first = server.login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword));
        auto second = server.login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(first && second);
        LH_VERIFY_OK(first->call(QStringLiteral("auth.change_password"), QCborMap{{QStringLiteral("old_password"), QString::fromLatin1(test::kUserPassword)},
                                                                                  {QStringLiteral("new_password"), QStringLiteral("Brand-new-password-1")}}));
        QTRY_VERIFY_WITH_TIMEOUT(!second->isConnected(), 5000);
        QCOMPARE(second->closeReason().code(), ErrorCode::SessionExpired);
        LH_VERIFY_OK(first->call(QStringLiteral("system.info")));
        QVERIFY(!server.login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword)));
        QVERIFY(server.login(QStringLiteral("clerk1"), QStringLiteral("Brand-new-password-1")));
        auto admin = server.admin();
        LH_VERIFY_OK(admin->call(QStringLiteral("auth.set_password"), QCborMap{{QStringLiteral("user_id"), clerkId},
                                                                                {QStringLiteral("password"), QString::fromLatin1(test::kUserPassword)},
                                                                                {QStringLiteral("must_change"), false}}));
    }

    void resetPasswordMustBeChangedFirst()
    {
        auto admin = server.admin();
        LH_VERIFY_OK(admin->call(QStringLiteral("auth.set_password"), QCborMap{{QStringLiteral("user_id"), clerkId},
                                                                                {QStringLiteral("password"), QStringLiteral("Temporary-pass-77")},
                                                                                {QStringLiteral("must_change"), true}}));
        auto c = server.login(QStringLiteral("clerk1"), QStringLiteral("Temporary-pass-77"));
        QVERIFY(c);
        // The client's dialog asks first; the server holds the line for any other client.
        LH_VERIFY_ERROR(c->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("product")}}), ErrorCode::PermissionDenied);
        LH_VERIFY_OK(c->call(QStringLiteral("auth.whoami")));
        LH_VERIFY_OK(c->call(QStringLiteral("auth.change_password"), QCborMap{{QStringLiteral("old_password"), QStringLiteral("Temporary-pass-77")},
                                                                              {QStringLiteral("new_password"), QString::fromLatin1(test::kUserPassword)}}));
        LH_VERIFY_OK(c->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("product")}}));
    }

    void logoutEndsEverySessionOfTheUser()
    {
        auto first = server.login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword));
        auto second = server.login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(first && second);
        LH_VERIFY_OK(first->call(QStringLiteral("auth.logout")));
        QTRY_VERIFY_WITH_TIMEOUT(!second->isConnected(), 5000);
        LH_VERIFY_ERROR(first->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("product")}}), ErrorCode::AuthRequired);
    }

    void disablingAUserEndsTheirSessions()
    {
        auto admin = server.admin();
        auto clerk = server.login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(admin && clerk);
        const Reply user = admin->call(QStringLiteral("data.get"), QCborMap{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), clerkId}});
        LH_VERIFY_OK(user);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), QCborMap{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), clerkId},
                                                                       {QStringLiteral("version"), user.value().toMap().value(QStringLiteral("version"))},
                                                                       {QStringLiteral("changes"), QCborMap{{QStringLiteral("active"), false}}}}));
        QTRY_VERIFY_WITH_TIMEOUT(!clerk->isConnected(), 5000);
        QVERIFY(!server.login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword)));
        // The right password learns the account is disabled; a wrong one cannot tell it from any other account.
        auto probe = server.connect();
        QVERIFY(probe);
        LH_VERIFY_ERROR(probe->login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword)), ErrorCode::AccountDisabled);
        LH_VERIFY_ERROR(probe->login(QStringLiteral("clerk1"), QStringLiteral("Wrong#Pass12345")), ErrorCode::AuthFailed);
        LH_VERIFY_ERROR(probe->login(QStringLiteral("nobody9"), QStringLiteral("Wrong#Pass12345")), ErrorCode::AuthFailed);
        QSqlQuery audited(server.openStore(QStringLiteral("disabled-audit")));
        QVERIFY(audited.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE call = 'auth.login' AND outcome = 'ACCOUNT_DISABLED'")));
        QVERIFY(audited.next());
        QCOMPARE(audited.value(0).toInt(), 2); // server.login above and the probe: both had the right password
        const Reply again = admin->call(QStringLiteral("data.get"), QCborMap{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), clerkId}});
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), QCborMap{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), clerkId},
                                                                       {QStringLiteral("version"), again.value().toMap().value(QStringLiteral("version"))},
                                                                       {QStringLiteral("changes"), QCborMap{{QStringLiteral("active"), true}}}}));
        QVERIFY(server.login(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword)));
    }

    void financeRolesGetTheShorterIdleLimit()
    {
        // The session keeps the smallest idle limit among the user's roles
        // (tst_session_limits checks that the session enforces it).
        QString error;
        QVERIFY2(test::createUser(*server.admin(), QStringLiteral("cashier1"), QString::fromLatin1(test::kUserPassword), QStringLiteral("finance_t"),
                                  {{QStringLiteral("product"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        auto admin = server.admin();
        const auto role = test::rowsOf(admin->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("role")},
                                                                                          {QStringLiteral("filter"), QCborArray{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("finance_t")}}}))
                              .first();
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), QCborMap{{QStringLiteral("entity"), QStringLiteral("role")},
                                                                        {QStringLiteral("id"), role.value(QStringLiteral("id"))},
                                                                        {QStringLiteral("version"), role.value(QStringLiteral("version"))},
                                                                        {QStringLiteral("changes"), QCborMap{{QStringLiteral("idle_minutes"), 15}}}}));
        client::SyncClient c;
        QVERIFY(c.connectTo(server.address()));
        const Reply login = c.login(QStringLiteral("cashier1"), QString::fromLatin1(test::kUserPassword));
        LH_VERIFY_OK(login);
        QCOMPARE(login.value().toMap().value(QStringLiteral("permissions")).toMap().value(QStringLiteral("idle_minutes")).toInteger(), 15);
    }

    void sessionExpiresWhenIdle()
    {
        TestServer quick;
        QVERIFY2(quick.start({QStringLiteral("--session-idle-seconds"), QStringLiteral("2")}), qPrintable(quick.error()));
        auto active = quick.admin();
        auto idle = quick.admin();
        QVERIFY(active && idle);
        for (int i = 0; i < 4; ++i) {
            QTest::qWait(1000);
            LH_VERIFY_OK(active->call(QStringLiteral("system.info"))); // activity keeps it alive
        }
        // The idle one is refused at its next call, or closed by the server first.
        const Reply r = idle->call(QStringLiteral("system.info"));
        QVERIFY(!r.isOk());
        QVERIFY(r.error().code() == ErrorCode::SessionExpired || r.error().code() == ErrorCode::Unavailable);
        QTRY_VERIFY_WITH_TIMEOUT(!idle->isConnected(), 8000);
        QCOMPARE(idle->closeReason().code(), ErrorCode::SessionExpired);
        LH_VERIFY_OK(active->call(QStringLiteral("system.info")));
    }

    // Reports say which build they measured: version, commit, build type, compiler.
    void systemInfoNamesTheBuild()
    {
        const Reply info = server.admin()->call(QStringLiteral("system.info"));
        LH_VERIFY_OK(info);
        const QStringList parts = info.value().toMap().value(QStringLiteral("build")).toString().split(u' ');
        QVERIFY2(parts.size() >= 5, qPrintable(parts.join(u' ')));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$")).match(parts[0]).hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("^([0-9a-f]{7,40}(\\+changes)?|unknown)$")).match(parts[1]).hasMatch());
    }

    void cleanupTestCase() { QSqlDatabase::removeDatabase(QStringLiteral("test-store")); }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
