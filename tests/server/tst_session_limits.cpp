// Session limits on a session's own clock: 15 minutes idle for finance and HR
// roles, 30 by default, 12 hours absolute however active the user is.
#include "auth/permission_set.h"
#include "auth/user_loader.h"
#include "rpc/session_state.h"

#include <QTest>

using namespace liuhe;

namespace {

std::shared_ptr<rpc::SessionState> sessionWithIdleMinutes(int minutes, const QDateTime &loginAt)
{
    auto session = std::make_shared<rpc::SessionState>(1, QStringLiteral("127.0.0.1"), nullptr, nullptr);
    auth::LoadedUser user;
    user.id = 7;
    user.username = QStringLiteral("guoxia");
    user.active = true;
    auto permissions = std::make_shared<auth::PermissionSet>();
    permissions->idleMinutes = minutes;
    user.permissions = permissions;
    session->login(user, QStringLiteral("token"), loginAt);
    return session;
}

} // namespace

class TestSessionLimits : public QObject {
    Q_OBJECT
    const QDateTime start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

private Q_SLOTS:
    void financeRolesIdleOutAfterFifteenMinutes()
    {
        auto session = sessionWithIdleMinutes(15, start);
        QVERIFY(!session->expiry(start.addSecs(15 * 60 - 1), 12));
        const auto expired = session->expiry(start.addSecs(15 * 60), 12);
        QVERIFY(expired);
        QCOMPARE(*expired, QStringLiteral("idle for 900 seconds"));
    }

    void othersIdleOutAfterThirty()
    {
        auto session = sessionWithIdleMinutes(30, start);
        QVERIFY(!session->expiry(start.addSecs(29 * 60), 12));
        QVERIFY(session->expiry(start.addSecs(30 * 60), 12));
    }

    void activityKeepsASessionOnlyForTwelveHours()
    {
        auto session = sessionWithIdleMinutes(15, start);
        QDateTime now = start;
        for (int i = 0; i < 12 * 6 - 1; ++i) { // busy every ten minutes
            now = now.addSecs(600);
            QVERIFY2(!session->expiry(now, 12), qPrintable(now.toString(Qt::ISODate)));
            session->touch(now);
        }
        const auto expired = session->expiry(start.addSecs(12 * 3600), 12);
        QVERIFY(expired);
        QCOMPARE(*expired, QStringLiteral("logged in for 12 hours"));
    }
};

QTEST_GUILESS_MAIN(TestSessionLimits)
#include "tst_session_limits.moc"
