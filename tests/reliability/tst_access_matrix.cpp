// Access matrix on the demo company: every entity × every demo role, from a
// client that bypasses the UI. What a role may read matches what the server
// declared at login (own and department scopes hold row by row, hidden records
// are not found, sensitive fields are absent), what it may not write stays
// unwritten, no one decides someone else's approval task, and no call from any
// role, with empty or junk arguments, ends in INTERNAL.
#include "net/permissions.h"
#include "reliability_support.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QSet>
#include <QTest>

using namespace liuhe;
using liuhe::protocol::ErrorCode;
using liuhe::protocol::Reply;
using liuhe::test::TestServer;
using M = QCborMap;
using A = QCborArray;

namespace {

constexpr const char *kDemoPassword = "Demo#2026pass";

struct Person {
    QString username;
    qint64 id = 0;
    qint64 department = 0;
    QString roles;
    client::Permissions perms;
    QCborMap grants;
    std::unique_ptr<client::SyncClient> c;

    QString scope(const QString &entity, const QString &action) const
    {
        return grants.value(entity).toMap().value(action).toString();
    }
};

bool refused(const Reply &r)
{
    return !r.isOk() && (r.error().code() == ErrorCode::PermissionDenied || r.error().code() == ErrorCode::NotFound);
}

QList<QCborMap> allRows(client::SyncClient &c, const QString &entity, int limit, qint64 *total = nullptr)
{
    const Reply r = c.call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("limit"), limit}, {QStringLiteral("total"), true},
                                                          {QStringLiteral("archived"), true}});
    if (total) *total = r.isOk() ? r.value().toMap().value(QStringLiteral("total")).toInteger() : -1;
    return test::rowsOf(r);
}

} // namespace

class TestAccessMatrix : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::vector<Person> people;
    QHash<qint64, qint64> departmentOf; // user -> department

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start({QStringLiteral("--demo")}), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        QSet<QString> seenRoles;
        for (const QCborMap &u : allRows(*admin, QStringLiteral("user"), 500)) {
            departmentOf.insert(u.value(QStringLiteral("id")).toInteger(), u.value(QStringLiteral("department_id")).toInteger());
            const QString name = u.value(QStringLiteral("username")).toString();
            if (name == QLatin1String("admin") || !u.value(QStringLiteral("active")).toBool()) continue;
            auto c = std::make_unique<client::SyncClient>();
            QVERIFY(c->connectTo(server.address()));
            const Reply in = c->login(name, QString::fromLatin1(kDemoPassword));
            QVERIFY2(in.isOk(), qPrintable(name + QStringLiteral(": ") + test::describe(in)));
            const QCborMap wire = in.value().toMap().value(QStringLiteral("permissions")).toMap();
            QStringList roles;
            for (const auto &r : wire.value(QStringLiteral("roles")).toArray()) roles << r.toString();
            roles.sort();
            const QString key = roles.join(u'+');
            if (seenRoles.contains(key)) continue; // one person per role combination
            seenRoles.insert(key);
            Person p;
            p.username = name;
            p.id = u.value(QStringLiteral("id")).toInteger();
            p.department = u.value(QStringLiteral("department_id")).toInteger();
            p.roles = key;
            p.perms = client::Permissions(wire);
            p.grants = wire.value(QStringLiteral("grants")).toMap();
            p.c = std::move(c);
            people.push_back(std::move(p));
        }
        QVERIFY2(people.size() >= 8, "the demo company should have at least eight roles");
    }

    void readsMatchTheDeclaredScope()
    {
        int checkedRows = 0, hiddenProbes = 0;
        for (const schema::Entity &e : schema::Catalogue::instance().entities()) {
            qint64 adminTotal = 0;
            const QList<QCborMap> adminRows = allRows(*admin, e.name, 1000, &adminTotal);
            QSet<qint64> adminIds;
            for (const QCborMap &r : adminRows) adminIds.insert(r.value(QStringLiteral("id")).toInteger());
            for (Person &p : people) {
                const QString target = e.isLine() ? e.parentEntity : e.name;
                qint64 total = 0;
                const Reply r = p.c->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), e.name}, {QStringLiteral("limit"), 1000},
                                                                           {QStringLiteral("total"), true}, {QStringLiteral("archived"), true}});
                const QString ctx = QStringLiteral("%1 (%2) reading %3").arg(p.username, p.roles, e.name);
                if (!p.perms.canRead(e.name)) {
                    QVERIFY2(!r.isOk() && r.error().code() == ErrorCode::PermissionDenied, qPrintable(ctx + QStringLiteral(": ") + test::describe(r)));
                    if (!adminRows.isEmpty())
                        QVERIFY2(refused(p.c->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), e.name}, {QStringLiteral("id"), adminRows.first().value(QStringLiteral("id"))}})),
                                 qPrintable(ctx + QStringLiteral(": data.get leaked")));
                    continue;
                }
                if (!r.isOk() && r.error().code() == ErrorCode::PermissionDenied && e.customTable) continue; // a narrower scope on an ownerless table grants nothing
                QVERIFY2(r.isOk(), qPrintable(ctx + QStringLiteral(": ") + test::describe(r)));
                total = r.value().toMap().value(QStringLiteral("total")).toInteger();
                const QList<QCborMap> rows = test::rowsOf(r);
                QStringList columns;
                for (const auto &c : r.value().toMap().value(QStringLiteral("columns")).toArray()) columns << c.toString();
                // Sensitive fields without the group's grant are not even columns.
                for (const schema::Field &f : e.fields)
                    if (f.isSensitive() && !p.perms.canReadFieldGroup(f.sensitiveGroup))
                        QVERIFY2(!columns.contains(f.name), qPrintable(ctx + QStringLiteral(": sensitive field ") + f.name));
                const QString scope = p.scope(target, QStringLiteral("read"));
                const QString owner = e.ownerField.isEmpty() ? QStringLiteral("created_by") : e.ownerField;
                QSet<qint64> mine;
                for (const QCborMap &row : rows) {
                    mine.insert(row.value(QStringLiteral("id")).toInteger());
                    QVERIFY2(adminIds.contains(row.value(QStringLiteral("id")).toInteger()) || adminTotal > 1000, qPrintable(ctx + QStringLiteral(": a row admin cannot see")));
                    if (e.isLine() || !columns.contains(owner)) continue;
                    const QCborValue who = row.value(owner);
                    if (scope == QLatin1String("own")) QVERIFY2(who.toInteger() == p.id, qPrintable(ctx + QStringLiteral(": someone else's row")));
                    if (scope == QLatin1String("own_or_pool")) QVERIFY2(who.isNull() || who.toInteger() == p.id, qPrintable(ctx + QStringLiteral(": someone else's row")));
                    if (scope == QLatin1String("department") && e.departmentField.isEmpty())
                        QVERIFY2(departmentOf.value(who.toInteger()) == p.department, qPrintable(ctx + QStringLiteral(": another department's row")));
                    ++checkedRows;
                }
                // What admin sees and this role does not: not found by id either, and not writable.
                if (total > 1000 || adminTotal > 1000) continue;
                int probes = 0;
                for (qint64 id : adminIds) {
                    if (mine.contains(id) || probes >= 2) continue;
                    ++probes;
                    ++hiddenProbes;
                    QVERIFY2(refused(p.c->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), e.name}, {QStringLiteral("id"), id}})),
                             qPrintable(ctx + QStringLiteral(": data.get of hidden %1").arg(id)));
                }
            }
        }
        qInfo("%d rows checked against their scope, %d hidden records probed, %lld people", checkedRows, hiddenProbes, static_cast<long long>(people.size()));
    }

    void writesWithoutTheRightChangeNothing()
    {
        int probes = 0;
        for (const schema::Entity &e : schema::Catalogue::instance().entities()) {
            if (e.isLine() || e.customTable) continue;
            const QList<QCborMap> adminRows = allRows(*admin, e.name, 5);
            for (Person &p : people) {
                const QString ctx = QStringLiteral("%1 (%2) writing %3").arg(p.username, p.roles, e.name);
                if (!p.perms.can(e.name, QStringLiteral("create"))) {
                    const Reply r = p.c->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), e.name}, {QStringLiteral("changes"), M{}}});
                    QVERIFY2(!r.isOk() && r.error().code() == ErrorCode::PermissionDenied, qPrintable(ctx + QStringLiteral(" (create): ") + test::describe(r)));
                    ++probes;
                }
                if (adminRows.isEmpty()) continue;
                const QCborMap victim = adminRows.first();
                const qint64 id = victim.value(QStringLiteral("id")).toInteger();
                const qint64 version = victim.value(QStringLiteral("version")).toInteger();
                if (!p.perms.can(e.name, QStringLiteral("write"))) {
                    const QString field = e.displayField;
                    const Reply r = p.c->call(QStringLiteral("data.save"),
                                              M{{QStringLiteral("entity"), e.name}, {QStringLiteral("id"), id}, {QStringLiteral("version"), version},
                                                {QStringLiteral("changes"), M{{field, QStringLiteral("被篡改")}}}});
                    QVERIFY2(refused(r), qPrintable(ctx + QStringLiteral(" (write): ") + test::describe(r)));
                    ++probes;
                }
                for (const schema::Action &a : e.actions) {
                    if (p.perms.can(e.name, a.name)) continue;
                    const Reply r = p.c->call(QStringLiteral("doc.action"), M{{QStringLiteral("entity"), e.name}, {QStringLiteral("id"), id},
                                                                              {QStringLiteral("version"), version}, {QStringLiteral("action"), a.name}});
                    QVERIFY2(refused(r), qPrintable(ctx + QStringLiteral(" (action %1): ").arg(a.name) + test::describe(r)));
                    ++probes;
                }
                const Reply after = admin->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), e.name}, {QStringLiteral("id"), id}});
                QCOMPARE(after.value().toMap().value(QStringLiteral("version")).toInteger(), version);
            }
        }
        qInfo("%d refused writes and actions, nothing changed", probes);
    }

    void protectedFieldsAreRefused()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("hr_lite"), QString::fromLatin1(test::kUserPassword), QStringLiteral("hr_lite"),
                                  {{QStringLiteral("employee"), QStringLiteral("read")}, {QStringLiteral("employee"), QStringLiteral("write")}}, {}, &error),
                 qPrintable(error));
        auto hr = server.login(QStringLiteral("hr_lite"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(hr);
        const schema::Entity &employee = *schema::Catalogue::instance().entity(QStringLiteral("employee"));
        const QList<QCborMap> rows = allRows(*admin, QStringLiteral("employee"), 1);
        QVERIFY(!rows.isEmpty());
        int refusedFields = 0;
        for (const schema::Field &f : employee.fields) {
            if (!f.isSensitive()) continue;
            const QCborMap before = admin->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("employee")}, {QStringLiteral("id"), rows.first().value(QStringLiteral("id"))}})
                                        .value().toMap();
            const QCborValue newValue = f.type == schema::FieldType::Money || f.type == schema::FieldType::Int ? QCborValue(123456) : QCborValue(QStringLiteral("110101199001011234"));
            const Reply r = hr->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("employee")}, {QStringLiteral("id"), before.value(QStringLiteral("id"))},
                                                                   {QStringLiteral("version"), before.value(QStringLiteral("version"))},
                                                                   {QStringLiteral("changes"), M{{f.name, newValue}}}});
            QVERIFY2(!r.isOk(), qPrintable(QStringLiteral("wrote protected field ") + f.name));
            const QCborMap after = admin->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("employee")}, {QStringLiteral("id"), before.value(QStringLiteral("id"))}})
                                       .value().toMap();
            QCOMPARE(after.value(f.name), before.value(f.name));
            const QCborMap seen = hr->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("employee")}, {QStringLiteral("id"), before.value(QStringLiteral("id"))}})
                                      .value().toMap();
            QVERIFY2(!seen.contains(f.name), qPrintable(QStringLiteral("read protected field ") + f.name));
            ++refusedFields;
        }
        QVERIFY(refusedFields >= 2);
    }

    void nobodyDecidesAnotherPersonsTask()
    {
        const Reply pending = admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("approval_task")},
                                                                         {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("state"), QStringLiteral("pending")}}});
        LH_VERIFY_OK(pending);
        const QList<QCborMap> tasks = test::rowsOf(pending);
        QVERIFY2(!tasks.isEmpty(), "the demo company should have a pending approval");
        for (const QCborMap &task : tasks)
            for (Person &p : people) {
                if (p.id == task.value(QStringLiteral("approver_id")).toInteger()) continue;
                for (const char *call : {"approval.approve", "approval.reject"}) {
                    const Reply r = p.c->call(QString::fromLatin1(call), M{{QStringLiteral("task_id"), task.value(QStringLiteral("id"))}, {QStringLiteral("comment"), QStringLiteral("越权")}});
                    QVERIFY2(!r.isOk(), qPrintable(QStringLiteral("%1 decided task %2").arg(p.username).arg(task.value(QStringLiteral("id")).toInteger())));
                }
            }
        const Reply still = admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("approval_task")}, {QStringLiteral("total"), true},
                                                                       {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("state"), QStringLiteral("pending")}}});
        QCOMPARE(still.value().toMap().value(QStringLiteral("total")).toInteger(), qint64(tasks.size()));
    }

    void everyCallFromEveryRoleAnswersCleanly()
    {
        const Reply listed = admin->call(QStringLiteral("system.calls"));
        LH_VERIFY_OK(listed);
        QStringList calls;
        for (const auto &c : listed.value().toMap().value(QStringLiteral("calls")).toArray()) calls << c.toString();
        QVERIFY(calls.size() >= 30);
        const QList<QCborMap> argSets = {
            M{},
            M{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), 1}, {QStringLiteral("version"), 1},
              {QStringLiteral("changes"), M{{QStringLiteral("username"), QStringLiteral("x")}}}, {QStringLiteral("action"), QStringLiteral("confirm")}},
            M{{QStringLiteral("entity"), 42}, {QStringLiteral("id"), QStringLiteral("drop table")}, {QStringLiteral("filter"), A{QStringLiteral("eq")}},
              {QStringLiteral("task_id"), -1}, {QStringLiteral("rows"), QStringLiteral("no")}, {QStringLiteral("lines"), 7}},
        };
        int answered = 0;
        for (Person &p : people)
            for (const QString &call : calls) {
                if (call == QLatin1String("auth.logout") || call == QLatin1String("auth.login") || call == QLatin1String("system.backup")) continue;
                for (const QCborMap &args : argSets) {
                    const Reply r = p.c->call(call, args);
                    QVERIFY2(r.isOk() || r.error().code() != ErrorCode::Internal,
                             qPrintable(QStringLiteral("%1 (%2) %3: %4").arg(p.username, p.roles, call, test::describe(r))));
                    ++answered;
                }
            }
        LH_VERIFY_OK(admin->call(QStringLiteral("system.ping")));
        const QString problems = reliability::invariantProblems(*admin);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        qInfo("%d calls answered without INTERNAL", answered);
    }
};

QTEST_GUILESS_MAIN(TestAccessMatrix)
#include "tst_access_matrix.moc"
