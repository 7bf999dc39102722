// Reminders (提醒) over a real socket on both backends: create, edit with
// versions, complete and snooze; validation; a user sees and changes only their
// own (the administrator everyone's); the server's clock pushes reminder.due to
// the owner's open sessions when one falls due, once, again after a snooze, and
// at login for those already due.
#include "test_data.h"
#include "test_server.h"

#include "domain/chinese_format.h"

#include <QCborArray>
#include <QDateTime>
#include <QTest>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using liuhe::test::idOf;
using A = QCborArray;
using M = QCborMap;

namespace {

QString s(const char *utf8) { return QString::fromUtf8(utf8); }
QString password() { return QString::fromLatin1(test::kUserPassword); }
QString inSeconds(int seconds) { return toWireDateTime(QDateTime::currentDateTimeUtc().addSecs(seconds)); }

Reply save(client::SyncClient &c, M args) { return c.call(QStringLiteral("reminder.save"), args); }
Reply create(client::SyncClient &c, const QString &title, const QString &dueAt, M extra = {})
{
    extra.insert(QStringLiteral("title"), title);
    extra.insert(QStringLiteral("due_at"), dueAt);
    return save(c, extra);
}
Reply list(client::SyncClient &c, M args = {}) { return c.call(QStringLiteral("reminder.list"), args); }
Reply complete(client::SyncClient &c, qint64 id) { return c.call(QStringLiteral("reminder.complete"), M{{QStringLiteral("id"), id}}); }
Reply snooze(client::SyncClient &c, qint64 id, const QString &until)
{
    return c.call(QStringLiteral("reminder.snooze"), M{{QStringLiteral("id"), id}, {QStringLiteral("until"), until}});
}

QList<qint64> idsOf(const Reply &listed)
{
    QList<qint64> out;
    for (const auto &v : listed.value().toMap().value(QStringLiteral("items")).toArray()) out << v.toMap().value(QStringLiteral("id")).toInteger();
    return out;
}

QList<qint64> idsOfEvent(const M &event)
{
    QList<qint64> out;
    for (const auto &v : event.value(QStringLiteral("items")).toArray()) out << v.toMap().value(QStringLiteral("id")).toInteger();
    return out;
}

// Waits for a reminder.due push naming id; other pushes are skipped.
bool waitForDue(client::SyncClient &c, qint64 id, int timeoutMs, M *event = nullptr)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        M data;
        if (!c.waitForEvent(QStringLiteral("reminder.due"), int(qMax<qint64>(1, deadline.remainingTime())), &data)) return false;
        if (idsOfEvent(data).contains(id)) {
            if (event) *event = data;
            return true;
        }
    }
    return false;
}

} // namespace

class TestReminders : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::SyncClient> repA;
    std::unique_ptr<client::SyncClient> repB;
    qint64 userA = 0;
    qint64 customerOfB = 0;
    qint64 customerOfA = 0;

    qint64 ownCustomer(client::SyncClient &c, const QString &code)
    {
        return idOf(c.call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                          {QStringLiteral("changes"), M{{QStringLiteral("code"), code}, {QStringLiteral("name"), s("提醒客户") + code}}}}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY2(admin, qPrintable(server.error()));
        const QList<test::Grant> rep = {{QStringLiteral("customer"), QStringLiteral("read"), QStringLiteral("own")},
                                        {QStringLiteral("customer"), QStringLiteral("create"), QStringLiteral("own")},
                                        {QStringLiteral("customer"), QStringLiteral("write"), QStringLiteral("own")}};
        QString error;
        userA = test::createUser(*admin, QStringLiteral("rem_a"), password(), QStringLiteral("rem_rep"), rep, {}, &error);
        QVERIFY2(userA > 0, qPrintable(error));
        QVERIFY2(test::createUser(*admin, QStringLiteral("rem_b"), password(), QStringLiteral("rem_rep"), rep, {}, &error), qPrintable(error));
        repA = server.login(QStringLiteral("rem_a"), password());
        repB = server.login(QStringLiteral("rem_b"), password());
        QVERIFY(repA && repB);
        customerOfA = ownCustomer(*repA, QStringLiteral("REM-A"));
        customerOfB = ownCustomer(*repB, QStringLiteral("REM-B"));
        QVERIFY(customerOfA > 0 && customerOfB > 0);
    }

    void createEditCompleteRoundTrip()
    {
        const QString due = inSeconds(3600);
        const Reply made = create(*repA, s("  回访客户  "), due, M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("record_id"), customerOfA}});
        LH_VERIFY_OK(made);
        const M r = made.value().toMap();
        const qint64 id = idOf(made);
        QCOMPARE(r.value(QStringLiteral("title")).toString(), s("回访客户"));
        QCOMPARE(r.value(QStringLiteral("due_at")).toString(), due);
        QCOMPARE(r.value(QStringLiteral("remind_at")).toString(), due);
        QCOMPARE(r.value(QStringLiteral("user_id")).toInteger(), userA);
        QCOMPARE(r.value(QStringLiteral("entity")).toString(), QStringLiteral("customer"));
        QCOMPARE(r.value(QStringLiteral("record_id")).toInteger(), customerOfA);
        QVERIFY(r.value(QStringLiteral("record_label")).toString().contains(s("提醒客户REM-A")));
        QCOMPARE(r.value(QStringLiteral("done")).toBool(), false);
        QCOMPARE(r.value(QStringLiteral("snoozed")).toBool(), false);

        QVERIFY(idsOf(list(*repA)).contains(id));
        QVERIFY(!idsOf(list(*repA, M{{QStringLiteral("due_only"), true}})).contains(id)); // due in an hour
        QCOMPARE(idsOf(list(*repA, M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("record_id"), customerOfA}})), QList<qint64>{id});

        // Editing needs the current version; a stale one is a CONFLICT naming the current.
        const qint64 version = r.value(QStringLiteral("version")).toInteger();
        const QString later = inSeconds(7200);
        const Reply edited = save(*repA, M{{QStringLiteral("id"), id}, {QStringLiteral("version"), version}, {QStringLiteral("title"), s("回访客户（改）")},
                                          {QStringLiteral("due_at"), later}});
        LH_VERIFY_OK(edited);
        QCOMPARE(edited.value().toMap().value(QStringLiteral("remind_at")).toString(), later);
        QVERIFY(!edited.value().toMap().contains(QStringLiteral("entity"))); // the link was dropped
        const Reply stale = save(*repA, M{{QStringLiteral("id"), id}, {QStringLiteral("version"), version}, {QStringLiteral("title"), s("旧")},
                                         {QStringLiteral("due_at"), later}});
        LH_VERIFY_ERROR(stale, ErrorCode::Conflict);
        QCOMPARE(stale.error().details().value(QStringLiteral("version")).toInteger(), version + 1);

        // Completing tells the owner's sessions and hides it from the open list.
        repA->takeEvents();
        const Reply done = complete(*repA, id);
        LH_VERIFY_OK(done);
        QVERIFY(done.value().toMap().value(QStringLiteral("done")).toBool());
        QVERIFY(!done.value().toMap().value(QStringLiteral("done_at")).toString().isEmpty());
        M changed;
        QVERIFY(repA->waitForEvent(QStringLiteral("reminder.changed"), 5000, &changed));
        QCOMPARE(changed.value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(changed.value(QStringLiteral("kind")).toString(), QStringLiteral("done"));
        QVERIFY(!idsOf(list(*repA)).contains(id));
        QVERIFY(idsOf(list(*repA, M{{QStringLiteral("include_done"), true}})).contains(id));
        LH_VERIFY_OK(complete(*repA, id)); // twice is harmless
        LH_VERIFY_ERROR(snooze(*repA, id, inSeconds(600)), ErrorCode::InvalidState);
    }

    void badInputIsValidation()
    {
        QCOMPARE(test::problemsOf(create(*repA, QStringLiteral("   "), inSeconds(60))), QStringList{QStringLiteral("title:required")});
        QCOMPARE(test::problemsOf(create(*repA, QString(201, u'x'), inSeconds(60))), QStringList{QStringLiteral("title:too_long")});
        QCOMPARE(test::problemsOf(create(*repA, s("无时间"), QStringLiteral("tomorrow"))), QStringList{QStringLiteral("due_at:required")});
        QCOMPARE(test::problemsOf(create(*repA, s("坏链接"), inSeconds(60), M{{QStringLiteral("entity"), QStringLiteral("no_such")}, {QStringLiteral("record_id"), 1}})),
                 QStringList{QStringLiteral("record_id:invalid")});
        QCOMPARE(test::problemsOf(create(*repA, s("坏链接"), inSeconds(60), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("record_id"), 999999}})),
                 QStringList{QStringLiteral("record_id:not_found")});
        const qint64 id = idOf(create(*repA, s("推迟测试"), inSeconds(60)));
        QVERIFY(id > 0);
        QCOMPARE(test::problemsOf(snooze(*repA, id, inSeconds(-60))), QStringList{QStringLiteral("until:not_future")});
        QCOMPARE(test::problemsOf(snooze(*repA, id, QString())), QStringList{QStringLiteral("until:required")});
        LH_VERIFY_ERROR(complete(*repA, 0), ErrorCode::BadRequest);
    }

    void usersSeeOnlyTheirOwn()
    {
        const qint64 id = idOf(create(*repA, s("甲的提醒"), inSeconds(3600)));
        QVERIFY(id > 0);
        // B neither sees nor touches A's reminder; naming A is refused outright.
        QVERIFY(!idsOf(list(*repB)).contains(id));
        LH_VERIFY_ERROR(list(*repB, M{{QStringLiteral("user_id"), userA}}), ErrorCode::PermissionDenied);
        LH_VERIFY_ERROR(create(*repB, s("替甲建"), inSeconds(60), M{{QStringLiteral("user_id"), userA}}), ErrorCode::PermissionDenied);
        LH_VERIFY_ERROR(complete(*repB, id), ErrorCode::NotFound);
        LH_VERIFY_ERROR(snooze(*repB, id, inSeconds(600)), ErrorCode::NotFound);
        LH_VERIFY_ERROR(save(*repB, M{{QStringLiteral("id"), id}, {QStringLiteral("version"), 1}, {QStringLiteral("title"), s("改")},
                                      {QStringLiteral("due_at"), inSeconds(60)}}),
                        ErrorCode::NotFound);
        // A reminder cannot point at a record its maker cannot read.
        QCOMPARE(test::problemsOf(create(*repA, s("看别人的客户"), inSeconds(60),
                                         M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("record_id"), customerOfB}})),
                 QStringList{QStringLiteral("record_id:not_found")});
        // The refusals are in the audit log.
        const auto audit = test::rowsOf(admin->call(QStringLiteral("data.query"),
                                                    M{{QStringLiteral("entity"), QStringLiteral("audit_log")},
                                                      {QStringLiteral("filter"), A{QStringLiteral("and"), A{QStringLiteral("eq"), QStringLiteral("call"), QStringLiteral("reminder.complete")},
                                                                                   A{QStringLiteral("eq"), QStringLiteral("outcome"), QStringLiteral("NOT_FOUND")}}}}));
        QVERIFY(!audit.isEmpty());

        // The administrator manages everyone's: lists A's, creates for A, completes A's.
        QVERIFY(idsOf(list(*admin, M{{QStringLiteral("user_id"), userA}})).contains(id));
        const Reply forA = create(*admin, s("管理员替甲建"), inSeconds(3600), M{{QStringLiteral("user_id"), userA}});
        LH_VERIFY_OK(forA);
        QCOMPARE(forA.value().toMap().value(QStringLiteral("user_id")).toInteger(), userA);
        QCOMPARE(test::problemsOf(create(*admin, s("无此人"), inSeconds(60), M{{QStringLiteral("user_id"), 999999}})),
                 QStringList{QStringLiteral("user_id:not_found")});
        QVERIFY(idsOf(list(*repA)).contains(idOf(forA)));
        LH_VERIFY_OK(complete(*admin, id));
        QVERIFY(!idsOf(list(*repA)).contains(id));

        // A team lead's role may be granted everyone's reminders; scope own is not enough.
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("rem_lead"), password(), QStringLiteral("rem_lead"),
                                  {{QStringLiteral("reminder"), QStringLiteral("write"), QStringLiteral("all")}}, {}, &error),
                 qPrintable(error));
        QVERIFY2(test::createUser(*admin, QStringLiteral("rem_self"), password(), QStringLiteral("rem_self"),
                                  {{QStringLiteral("reminder"), QStringLiteral("write"), QStringLiteral("own")}}, {}, &error),
                 qPrintable(error));
        auto lead = server.login(QStringLiteral("rem_lead"), password());
        auto self = server.login(QStringLiteral("rem_self"), password());
        QVERIFY(lead && self);
        QVERIFY(idsOf(list(*lead, M{{QStringLiteral("user_id"), userA}})).contains(idOf(forA)));
        LH_VERIFY_ERROR(list(*self, M{{QStringLiteral("user_id"), userA}}), ErrorCode::PermissionDenied);
        LH_VERIFY_ERROR(complete(*self, idOf(forA)), ErrorCode::NotFound);
        LH_VERIFY_OK(complete(*lead, idOf(forA)));
    }

    void aRepeatedCreateWithItsKeyStoresOne()
    {
        const M args{{QStringLiteral("title"), s("只建一次")}, {QStringLiteral("due_at"), inSeconds(3600)}};
        const Reply first = repA->call(QStringLiteral("reminder.save"), args, QStringLiteral("rem-key-1"));
        const Reply again = repA->call(QStringLiteral("reminder.save"), args, QStringLiteral("rem-key-1"));
        LH_VERIFY_OK(first);
        LH_VERIFY_OK(again);
        QVERIFY(again.value().toMap().value(QStringLiteral("replayed")).toBool());
        QCOMPARE(idOf(again), idOf(first));
        int stored = 0;
        for (const auto &v : list(*repA).value().toMap().value(QStringLiteral("items")).toArray())
            stored += v.toMap().value(QStringLiteral("title")).toString() == s("只建一次") ? 1 : 0;
        QCOMPARE(stored, 1);
    }

    void dueReminderIsPushedToTheOwnerOnce()
    {
        auto secondWindow = server.login(QStringLiteral("rem_a"), password());
        QVERIFY(secondWindow);
        repB->takeEvents();
        const QString due = inSeconds(2);
        const qint64 id = idOf(create(*repA, s("两秒后到期"), due));
        QVERIFY(id > 0);
        QVERIFY(!idsOf(list(*repA, M{{QStringLiteral("due_only"), true}})).contains(id));
        M event;
        QVERIFY2(waitForDue(*repA, id, 8000, &event), "no reminder.due push for the owner");
        QVERIFY(QDateTime::currentDateTimeUtc() >= fromWireDateTime(due));
        const M item = event.value(QStringLiteral("items")).toArray().first().toMap();
        QCOMPARE(item.value(QStringLiteral("title")).toString(), s("两秒后到期"));
        QVERIFY(waitForDue(*secondWindow, id, 3000)); // every session of the owner
        QVERIFY(idsOf(list(*repA, M{{QStringLiteral("due_only"), true}})).contains(id));
        // Announced once, and never to anyone else.
        QVERIFY(!waitForDue(*repA, id, 2500));
        for (const auto &[name, data] : repB->takeEvents()) QVERIFY(!(name == QLatin1String("reminder.due") && idsOfEvent(data).contains(id)));

        // Snoozed, it is due again later and announced again.
        const Reply snoozed = snooze(*repA, id, inSeconds(2));
        LH_VERIFY_OK(snoozed);
        QVERIFY(snoozed.value().toMap().value(QStringLiteral("snoozed")).toBool());
        QVERIFY(!idsOf(list(*repA, M{{QStringLiteral("due_only"), true}})).contains(id));
        QVERIFY2(waitForDue(*repA, id, 8000), "no reminder.due push after the snooze");
        LH_VERIFY_OK(complete(*repA, id));
    }

    void dueRemindersAreAnnouncedAtLogin()
    {
        const qint64 id = idOf(create(*admin, s("登录时提醒"), inSeconds(-60), M{{QStringLiteral("user_id"), userA}}));
        QVERIFY(id > 0);
        auto fresh = server.login(QStringLiteral("rem_a"), password());
        QVERIFY(fresh);
        M event;
        QVERIFY2(waitForDue(*fresh, id, 5000, &event), "no reminder.due push at login");
        LH_VERIFY_OK(complete(*fresh, id));
        // Done, it is not announced at the next login.
        auto again = server.login(QStringLiteral("rem_a"), password());
        QVERIFY(again);
        QVERIFY(!waitForDue(*again, id, 2000));
    }

    void cleanupTestCase()
    {
        repA.reset();
        repB.reset();
        admin.reset();
        server.stop();
    }
};

QTEST_GUILESS_MAIN(TestReminders)
#include "tst_reminders.moc"
