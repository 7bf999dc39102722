// The generic data calls over a real socket: validation per field, merges and
// conflicts, keyset paging through 10,000 rows, pinyin search, record rules,
// sensitive and protected fields, pushes, archiving and restoring, labels and
// search of document lines, audit integrity.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using liuhe::test::idOf;
using A = QCborArray;
using M = QCborMap;

namespace {

QString s(const char *utf8) { return QString::fromUtf8(utf8); }

M customer(const QString &code, const QString &name, M extra = {})
{
    extra.insert(QStringLiteral("code"), code);
    extra.insert(QStringLiteral("name"), name);
    return extra;
}

Reply save(client::SyncClient &c, const QString &entity, const M &changes, qint64 id = 0, qint64 version = 0, const A &lines = {})
{
    M args{{QStringLiteral("entity"), entity}, {QStringLiteral("changes"), changes}};
    if (id) {
        args.insert(QStringLiteral("id"), id);
        args.insert(QStringLiteral("version"), version);
    }
    if (!lines.isEmpty()) args.insert(QStringLiteral("lines"), lines);
    return c.call(QStringLiteral("data.save"), args);
}

Reply query(client::SyncClient &c, const QString &entity, const QCborValue &filter = {}, M extra = {})
{
    extra.insert(QStringLiteral("entity"), entity);
    if (!filter.isUndefined()) extra.insert(QStringLiteral("filter"), filter);
    return c.call(QStringLiteral("data.query"), extra);
}

QStringList namesOf(const Reply &r)
{
    QStringList out;
    for (const auto &row : test::rowsOf(r)) out << row.value(QStringLiteral("name")).toString();
    out.sort();
    return out;
}

qint64 versionOf(const Reply &r) { return r.value().toMap().value(QStringLiteral("version")).toInteger(); }

} // namespace

class TestData : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY2(admin, qPrintable(server.error()));
    }

    void validationErrorsNameTheirFields()
    {
        Reply r = save(*admin, QStringLiteral("customer"), M{{QStringLiteral("phone"), QStringLiteral("010-1234")}});
        LH_VERIFY_ERROR(r, ErrorCode::Validation);
        QStringList problems = test::problemsOf(r);
        problems.sort();
        QCOMPARE(problems, (QStringList{QStringLiteral("code:required"), QStringLiteral("name:required")}));

        r = save(*admin, QStringLiteral("customer"),
                 customer(QStringLiteral("V1"), s("验证客户"), M{{QStringLiteral("sales_region"), QStringLiteral("mars")},
                                                              {QStringLiteral("tax_id"), QStringLiteral("12345")},
                                                              {QStringLiteral("credit_limit"), -5},
                                                              {QStringLiteral("contact_name"), QString(31, u'张')},
                                                              {QStringLiteral("owner_id"), 999999},
                                                              {QStringLiteral("shoe_size"), 42}}));
        LH_VERIFY_ERROR(r, ErrorCode::Validation);
        problems = test::problemsOf(r);
        problems.sort();
        QCOMPARE(problems, (QStringList{QStringLiteral("contact_name:too_long"), QStringLiteral("credit_limit:too_small"),
                                        QStringLiteral("owner_id:ref_missing"), QStringLiteral("sales_region:enum"),
                                        QStringLiteral("shoe_size:unknown_field"), QStringLiteral("tax_id:format")}));
        for (const auto &f : r.error().fields())
            if (f.field == QLatin1String("contact_name")) QCOMPARE(f.extra.value(QStringLiteral("max")).toInteger(), 30);
        // Nothing was stored.
        QCOMPARE(test::rowsOf(query(*admin, QStringLiteral("customer"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("V1")})).size(), 0);
    }

    void uniqueAndNormalised()
    {
        const Reply first = save(*admin, QStringLiteral("customer"), customer(s("ｕｎｉ１"), s("唯一客户")));
        LH_VERIFY_OK(first);
        QCOMPARE(first.value().toMap().value(QStringLiteral("code")).toString(), QStringLiteral("UNI1"));
        const Reply second = save(*admin, QStringLiteral("customer"), customer(QStringLiteral("uni1"), s("另一个")));
        LH_VERIFY_ERROR(second, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(second), QStringList{QStringLiteral("code:unique")});
    }

    void readOnlyFieldsAreRefusedNotIgnored()
    {
        const Reply r = save(*admin, QStringLiteral("user"), M{{QStringLiteral("username"), QStringLiteral("ro1")}, {QStringLiteral("name"), QStringLiteral("ro1")},
                                                                {QStringLiteral("must_change_password"), false}});
        LH_VERIFY_ERROR(r, ErrorCode::PermissionDenied);
        QCOMPARE(test::problemsOf(r), QStringList{QStringLiteral("must_change_password:read_only")});
    }

    void differentFieldsMergeSameFieldConflicts()
    {
        auto other = server.admin();
        const Reply created = save(*admin, QStringLiteral("customer"), customer(QStringLiteral("M1"), s("合并测试公司")));
        LH_VERIFY_OK(created);
        const qint64 id = idOf(created);
        const qint64 v1 = versionOf(created);
        // Another user changes the phone first.
        const Reply theirs = save(*other, QStringLiteral("customer"), M{{QStringLiteral("phone"), QStringLiteral("021-5555")}}, id, v1);
        LH_VERIFY_OK(theirs);
        // Our change of another field, based on v1, merges.
        const Reply mine = save(*admin, QStringLiteral("customer"), M{{QStringLiteral("industry"), s("制造业")}}, id, v1);
        LH_VERIFY_OK(mine);
        QCOMPARE(mine.value().toMap().value(QStringLiteral("phone")).toString(), QStringLiteral("021-5555"));
        QCOMPARE(mine.value().toMap().value(QStringLiteral("industry")).toString(), s("制造业"));
        QCOMPARE(versionOf(mine), v1 + 2);
        // Our change of the same field, based on v1, is a conflict naming it with its current value.
        const Reply stale = save(*admin, QStringLiteral("customer"), M{{QStringLiteral("phone"), QStringLiteral("010-8888")}}, id, v1);
        LH_VERIFY_ERROR(stale, ErrorCode::Conflict);
        QCOMPARE(stale.error().fields().size(), 1);
        QCOMPARE(stale.error().fields().first().field, QStringLiteral("phone"));
        QCOMPARE(stale.error().fields().first().current.toString(), QStringLiteral("021-5555"));
        QCOMPARE(stale.error().details().value(QStringLiteral("version")).toInteger(), v1 + 2);
        // Nothing of the stale save was written.
        const Reply now = admin->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), id}});
        QCOMPARE(now.value().toMap().value(QStringLiteral("phone")).toString(), QStringLiteral("021-5555"));
        // Setting the value it already has is no conflict.
        LH_VERIFY_OK(save(*admin, QStringLiteral("customer"), M{{QStringLiteral("phone"), QStringLiteral("021-5555")}}, id, v1));
        // Resolved against the current version, the user's choice is saved.
        LH_VERIFY_OK(save(*admin, QStringLiteral("customer"), M{{QStringLiteral("phone"), QStringLiteral("010-8888")}}, id, v1 + 2));
    }

    void pagingTenThousandRows()
    {
        QElapsedTimer timer;
        timer.start();
        for (int chunk = 0; chunk < 5; ++chunk) {
            A rows;
            for (int i = 0; i < 2000; ++i) {
                const int n = chunk * 2000 + i;
                rows.append(customer(QStringLiteral("P%1").arg(n, 5, 10, QLatin1Char('0')),
                                     s("分页客户") + QString::number((n * 7919) % 10000), // names in another order than codes
                                     M{{QStringLiteral("sales_region"), n % 2 ? QStringLiteral("east") : QStringLiteral("north")}}));
            }
            const Reply r = admin->call(QStringLiteral("data.import"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("rows"), rows}});
            LH_VERIFY_OK(r);
            QCOMPARE(r.value().toMap().value(QStringLiteral("created")).toInteger(), 2000);
        }
        qInfo() << "imported 10,000 customers in" << timer.elapsed() << "ms";
        const A filter{QStringLiteral("like"), QStringLiteral("code"), QStringLiteral("P%")};
        for (const auto &[sort, desc] : {std::pair{QStringLiteral("code"), false}, std::pair{QStringLiteral("name"), true},
                                         std::pair{QStringLiteral("sales_region"), false}, std::pair{QStringLiteral("id"), true}}) {
            QSet<qint64> seen;
            QCborValue after;
            QString previous;
            int pages = 0;
            qint64 total = -1;
            for (;;) {
                M args{{QStringLiteral("limit"), 700}, {QStringLiteral("sort"), sort}, {QStringLiteral("desc"), desc}, {QStringLiteral("total"), pages == 0}};
                if (!after.isUndefined()) args.insert(QStringLiteral("after"), after);
                const Reply r = query(*admin, QStringLiteral("customer"), filter, args);
                LH_VERIFY_OK(r);
                if (pages == 0) total = r.value().toMap().value(QStringLiteral("total")).toInteger();
                for (const auto &row : test::rowsOf(r)) {
                    const qint64 id = row.value(QStringLiteral("id")).toInteger();
                    QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("duplicate %1 sorting by %2").arg(id).arg(sort)));
                    seen.insert(id);
                    if (sort == QLatin1String("code")) {
                        const QString code = row.value(QStringLiteral("code")).toString();
                        QVERIFY(code > previous);
                        previous = code;
                    }
                }
                ++pages;
                after = r.value().toMap().value(QStringLiteral("next"));
                if (after.isNull()) break;
            }
            QCOMPARE(total, qint64(10000));
            QCOMPARE(seen.size(), 10000);
            QCOMPARE(pages, 15);
        }
    }

    void pinyinSearch()
    {
        for (const char *name : {"北京科技有限公司", "曾志伟贸易行", "北京华为经销部", "上海长江实业", "单田芳评书社"})
            LH_VERIFY_OK(save(*admin, QStringLiteral("customer"), customer(QStringLiteral("PY") + QString::number(qHash(QString::fromUtf8(name)) % 100000), s(name))));
        auto search = [&](const QString &text) { return namesOf(query(*admin, QStringLiteral("customer"), A{QStringLiteral("search"), text})); };
        QCOMPARE(search(QStringLiteral("bjkj")), QStringList{s("北京科技有限公司")});
        QCOMPARE(search(QStringLiteral("BeiJingKe")), QStringList{s("北京科技有限公司")});
        QCOMPARE(search(s("科技")), QStringList{s("北京科技有限公司")});
        QCOMPARE(search(s("bj华为")), QStringList{s("北京华为经销部")});
        QCOMPARE(search(QStringLiteral("zzw")), QStringList{s("曾志伟贸易行")});
        QCOMPARE(search(QStringLiteral("czw")), QStringList{s("曾志伟贸易行")});
        QCOMPARE(search(QStringLiteral("shcj")), QStringList{s("上海长江实业")});
        QCOMPARE(search(QStringLiteral("dtf")), QStringList{s("单田芳评书社")});
        QCOMPARE(search(QStringLiteral("stf")), QStringList{s("单田芳评书社")});
        QCOMPARE(search(QStringLiteral("bj")).size(), 2);
        // Sorted by relevance, a name read the usual way comes before one that
        // needs another reading: "zjsygs" is 张杰实业公司 (zhang jie) before 长江实业
        // (usually chang jiang), though 长 (chang) sorts before 张 by name.
        LH_VERIFY_OK(save(*admin, QStringLiteral("customer"), customer(QStringLiteral("RZJ1"), s("长江实业公司"))));
        LH_VERIFY_OK(save(*admin, QStringLiteral("customer"), customer(QStringLiteral("RZJ2"), s("张杰实业公司"))));
        const auto inOrder = [](const Reply &r) {
            QStringList names;
            for (const auto &row : test::rowsOf(r)) names << row.value(QStringLiteral("name")).toString();
            return names;
        };
        QCOMPARE(inOrder(query(*admin, QStringLiteral("customer"), A{QStringLiteral("search"), QStringLiteral("zjsygs")}, M{{QStringLiteral("sort"), QStringLiteral("name")}})),
                 (QStringList{s("长江实业公司"), s("张杰实业公司")}));
        const Reply ranked = query(*admin, QStringLiteral("customer"), A{QStringLiteral("search"), QStringLiteral("zjsygs")},
                                   M{{QStringLiteral("sort"), QStringLiteral("relevance")}});
        QCOMPARE(inOrder(ranked), (QStringList{s("张杰实业公司"), s("长江实业公司")}));
        QVERIFY(ranked.value().toMap().value(QStringLiteral("next")).isNull());
        LH_VERIFY_ERROR(query(*admin, QStringLiteral("customer"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("RZJ1")},
                              M{{QStringLiteral("sort"), QStringLiteral("relevance")}}),
                        ErrorCode::BadRequest);
        // Sorting by name follows pinyin with the overrides: 曾 (zeng) after 上海 (shang).
        const Reply sorted = query(*admin, QStringLiteral("customer"), A{QStringLiteral("like"), QStringLiteral("code"), QStringLiteral("PY%")},
                                   M{{QStringLiteral("sort"), QStringLiteral("name")}});
        QStringList order;
        for (const auto &row : test::rowsOf(sorted)) order << row.value(QStringLiteral("name")).toString();
        QCOMPARE(order, (QStringList{s("北京华为经销部"), s("北京科技有限公司"), s("单田芳评书社"), s("上海长江实业"), s("曾志伟贸易行")}));
        // An administrator makes "ceng" the common reading: the stored order follows at once.
        auto sortedNames = [&] {
            QStringList names;
            for (const auto &row : test::rowsOf(query(*admin, QStringLiteral("customer"), A{QStringLiteral("like"), QStringLiteral("code"), QStringLiteral("PY%")},
                                                      M{{QStringLiteral("sort"), QStringLiteral("name")}})))
                names << row.value(QStringLiteral("name")).toString();
            return names;
        };
        const auto zeng = test::rowsOf(query(*admin, QStringLiteral("pinyin_override"), A{QStringLiteral("eq"), QStringLiteral("text"), s("曾")})).first();
        const Reply ceng = save(*admin, QStringLiteral("pinyin_override"), M{{QStringLiteral("readings"), QStringLiteral("ceng,zeng")}},
                                zeng.value(QStringLiteral("id")).toInteger(), zeng.value(QStringLiteral("version")).toInteger());
        LH_VERIFY_OK(ceng);
        QCOMPARE(sortedNames(), (QStringList{s("北京华为经销部"), s("北京科技有限公司"), s("曾志伟贸易行"), s("单田芳评书社"), s("上海长江实业")}));
        LH_VERIFY_OK(save(*admin, QStringLiteral("pinyin_override"), M{{QStringLiteral("readings"), QStringLiteral("zeng,ceng")}}, idOf(ceng), versionOf(ceng)));
        QCOMPARE(sortedNames(), order);
        // Renaming keeps the keys in step.
        const auto rows = test::rowsOf(query(*admin, QStringLiteral("customer"), A{QStringLiteral("search"), QStringLiteral("bjkj")}));
        LH_VERIFY_OK(save(*admin, QStringLiteral("customer"), M{{QStringLiteral("name"), s("南京科技有限公司")}}, rows.first().value(QStringLiteral("id")).toInteger(),
                          rows.first().value(QStringLiteral("version")).toInteger()));
        QCOMPARE(search(QStringLiteral("bjkj")), QStringList{});
        QCOMPARE(search(QStringLiteral("njkj")), QStringList{s("南京科技有限公司")});
    }

    void permissionDeniedChangesNothing()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("viewer"), QString::fromLatin1(test::kUserPassword), QStringLiteral("viewer"),
                                  {{QStringLiteral("customer"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        auto viewer = server.login(QStringLiteral("viewer"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(viewer);
        const auto target = test::rowsOf(query(*admin, QStringLiteral("customer"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("M1")})).first();
        const qint64 id = target.value(QStringLiteral("id")).toInteger();
        const qint64 version = target.value(QStringLiteral("version")).toInteger();
        LH_VERIFY_ERROR(save(*viewer, QStringLiteral("customer"), M{{QStringLiteral("phone"), QStringLiteral("000")}}, id, version), ErrorCode::PermissionDenied);
        LH_VERIFY_ERROR(save(*viewer, QStringLiteral("customer"), customer(QStringLiteral("NEW1"), s("新客户"))), ErrorCode::PermissionDenied);
        LH_VERIFY_ERROR(viewer->call(QStringLiteral("data.remove"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), id},
                                                                       {QStringLiteral("version"), version}}),
                        ErrorCode::PermissionDenied);
        LH_VERIFY_ERROR(query(*viewer, QStringLiteral("user")), ErrorCode::PermissionDenied);
        LH_VERIFY_ERROR(viewer->call(QStringLiteral("system.check")), ErrorCode::PermissionDenied);
        const Reply after = admin->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), id}});
        QCOMPARE(versionOf(after), version);
        QCOMPARE(after.value().toMap().value(QStringLiteral("phone")).toString(), target.value(QStringLiteral("phone")).toString());
        QCOMPARE(test::rowsOf(query(*admin, QStringLiteral("customer"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("NEW1")})).size(), 0);
        const Reply refused = query(*admin, QStringLiteral("audit_log"), A{QStringLiteral("eq"), QStringLiteral("outcome"), QStringLiteral("PERMISSION_DENIED")},
                                    M{{QStringLiteral("total"), true}});
        QVERIFY(refused.value().toMap().value(QStringLiteral("total")).toInteger() >= 5);
    }

    void salesRepsSeeOwnCustomersAndThePool()
    {
        QString error;
        const QList<test::Grant> rep = {{QStringLiteral("customer"), QStringLiteral("read"), QStringLiteral("own_or_pool")},
                                        {QStringLiteral("customer"), QStringLiteral("create"), QStringLiteral("own")},
                                        {QStringLiteral("customer"), QStringLiteral("write"), QStringLiteral("own")}};
        const qint64 repA = test::createUser(*admin, QStringLiteral("rep_a"), QString::fromLatin1(test::kUserPassword), QStringLiteral("sales_rep"), rep, {}, &error);
        QVERIFY2(repA, qPrintable(error));
        QVERIFY(test::createUser(*admin, QStringLiteral("rep_b"), QString::fromLatin1(test::kUserPassword), QStringLiteral("sales_rep"), rep, {}, &error));
        auto a = server.login(QStringLiteral("rep_a"), QString::fromLatin1(test::kUserPassword));
        auto b = server.login(QStringLiteral("rep_b"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(a && b);
        const Reply mine = save(*a, QStringLiteral("customer"), customer(QStringLiteral("OWN-A"), s("甲的客户")));
        LH_VERIFY_OK(mine);
        QCOMPARE(mine.value().toMap().value(QStringLiteral("owner_id")).toInteger(), repA);
        LH_VERIFY_OK(save(*admin, QStringLiteral("customer"), customer(QStringLiteral("POOL1"), s("公海客户"), M{{QStringLiteral("owner_id"), QCborValue(QCborValue::Null)}})));
        const QStringList seenByB = namesOf(query(*b, QStringLiteral("customer"), A{QStringLiteral("in"), QStringLiteral("code"),
                                                                                 A{QStringLiteral("OWN-A"), QStringLiteral("POOL1"), QStringLiteral("M1")}}));
        QCOMPARE(seenByB, QStringList{s("公海客户")});
        LH_VERIFY_ERROR(b->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), idOf(mine)}}),
                        ErrorCode::NotFound);
        LH_VERIFY_ERROR(save(*b, QStringLiteral("customer"), M{{QStringLiteral("phone"), QStringLiteral("1")}}, idOf(mine), versionOf(mine)), ErrorCode::PermissionDenied);
        // The owner is protected: a rep cannot hand a customer to someone else.
        const Reply grab = save(*a, QStringLiteral("customer"), M{{QStringLiteral("owner_id"), QCborValue(QCborValue::Null)}}, idOf(mine), versionOf(mine));
        LH_VERIFY_ERROR(grab, ErrorCode::PermissionDenied);
        QCOMPARE(test::problemsOf(grab), QStringList{QStringLiteral("owner_id:protected")});
    }

    void pushesFollowRecordRules()
    {
        // rep_a and rep_b exist from salesRepsSeeOwnCustomersAndThePool.
        auto a = server.login(QStringLiteral("rep_a"), QString::fromLatin1(test::kUserPassword));
        auto b = server.login(QStringLiteral("rep_b"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(a && b);
        LH_VERIFY_OK(b->call(QStringLiteral("events.subscribe"), M{{QStringLiteral("entities"), A{QStringLiteral("customer")}}}));
        const Reply others = save(*a, QStringLiteral("customer"), customer(QStringLiteral("OWN-A2"), s("甲的新客户")));
        LH_VERIFY_OK(others);
        LH_VERIFY_OK(save(*a, QStringLiteral("customer"), M{{QStringLiteral("phone"), QStringLiteral("010-1")}}, idOf(others), versionOf(others)));
        const Reply pool = save(*admin, QStringLiteral("customer"), customer(QStringLiteral("POOL2"), s("公海客户二"), M{{QStringLiteral("owner_id"), QCborValue(QCborValue::Null)}}));
        LH_VERIFY_OK(pool);
        QCborMap event;
        QVERIFY(b->waitForEvent(QStringLiteral("record.changed"), 5000, &event));
        QCOMPARE(event.value(QStringLiteral("id")).toInteger(), idOf(pool));
        QTest::qWait(300);
        // Nothing at all about rep_a's customer: not even that it exists.
        for (const auto &[name, data] : b->takeEvents()) QVERIFY(data.value(QStringLiteral("id")).toInteger() != idOf(others));
    }

    void aLockedStoreDelaysAWriteButLosesNothing()
    {
        // Another program holds the write lock for 0.6 s (SQLITE_BUSY for the
        // server's writer; a table lock on PostgreSQL): the save waits, then lands.
        QSqlDatabase db = server.openStore(QStringLiteral("locker"));
        {
            QSqlQuery q(db);
            const bool sqlite = TestServer::backend() == QLatin1String("sqlite");
            QVERIFY(q.exec(sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN")));
            if (!sqlite) QVERIFY(q.exec(QStringLiteral("LOCK TABLE customer IN EXCLUSIVE MODE")));
        }
        QTimer::singleShot(600, [&db] { QSqlQuery(db).exec(QStringLiteral("COMMIT")); });
        QElapsedTimer timer;
        timer.start();
        const Reply saved = save(*admin, QStringLiteral("customer"), customer(QStringLiteral("LOCK1"), s("锁等待客户")));
        LH_VERIFY_OK(saved);
        QVERIFY2(timer.elapsed() >= 500, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(test::rowsOf(query(*admin, QStringLiteral("customer"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("LOCK1")})).size(), 1);
        db.close();
    }

    void unknownNamesAreNotFound()
    {
        LH_VERIFY_ERROR(query(*admin, QStringLiteral("no_such_entity")), ErrorCode::NotFound);
        LH_VERIFY_ERROR(admin->call(QStringLiteral("doc.action"), M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), 1},
                                                                     {QStringLiteral("action"), QStringLiteral("teleport")}}),
                        ErrorCode::NotFound);
        LH_VERIFY_ERROR(admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("juggle")}}), ErrorCode::NotFound);
        // Before login the answer is the same for real and made-up names.
        auto anonymous = server.connect();
        QVERIFY(anonymous);
        LH_VERIFY_ERROR(query(*anonymous, QStringLiteral("no_such_entity")), ErrorCode::AuthRequired);
        LH_VERIFY_ERROR(query(*anonymous, QStringLiteral("customer")), ErrorCode::AuthRequired);
    }

    void idempotencyKeysBindTheirArguments()
    {
        const QString key = QStringLiteral("k-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const M args{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("changes"), customer(QStringLiteral("IDEM1"), s("幂等客户"))}};
        const Reply first = admin->call(QStringLiteral("data.save"), args, key);
        LH_VERIFY_OK(first);
        const Reply again = admin->call(QStringLiteral("data.save"), args, key);
        LH_VERIFY_OK(again);
        QCOMPARE(idOf(again), idOf(first));
        QVERIFY(again.value().toMap().value(QStringLiteral("replayed")).toBool());
        // Without a key the saved record is read after the commit; with one the
        // whole answer is stored, so the replay shows the record as the first did.
        QCOMPARE(again.value().toMap().value(QStringLiteral("code")).toString(), QStringLiteral("IDEM1"));
        QCOMPARE(again.value().toMap().value(QStringLiteral("name")).toString(), s("幂等客户"));
        QCOMPARE(again.value().toMap().value(QStringLiteral("version")), first.value().toMap().value(QStringLiteral("version")));
        const M other{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("changes"), customer(QStringLiteral("IDEM2"), s("另一个客户"))}};
        LH_VERIFY_ERROR(admin->call(QStringLiteral("data.save"), other, key), ErrorCode::BadRequest);
        QCOMPARE(test::rowsOf(query(*admin, QStringLiteral("customer"), A{QStringLiteral("in"), QStringLiteral("code"),
                                                                           A{QStringLiteral("IDEM1"), QStringLiteral("IDEM2")}})).size(), 1);
    }

    void sensitiveFieldsNeedAGrant()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("hr1"), QString::fromLatin1(test::kUserPassword), QStringLiteral("hr"),
                                  {{QStringLiteral("employee"), QStringLiteral("*")}}, {QStringLiteral("salary"), QStringLiteral("id_card")}, &error),
                 qPrintable(error));
        QVERIFY2(test::createUser(*admin, QStringLiteral("mgr1"), QString::fromLatin1(test::kUserPassword), QStringLiteral("line_manager"),
                                  {{QStringLiteral("employee"), QStringLiteral("read")}, {QStringLiteral("employee"), QStringLiteral("write")}}, {}, &error),
                 qPrintable(error));
        auto hr = server.login(QStringLiteral("hr1"), QString::fromLatin1(test::kUserPassword));
        auto mgr = server.login(QStringLiteral("mgr1"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(hr && mgr);
        const Reply e = save(*hr, QStringLiteral("employee"), M{{QStringLiteral("code"), QStringLiteral("E001")}, {QStringLiteral("name"), s("王小明")},
                                                                 {QStringLiteral("salary"), 1250000}, {QStringLiteral("id_card"), QStringLiteral("110101199003074512")}});
        LH_VERIFY_OK(e);
        QCOMPARE(e.value().toMap().value(QStringLiteral("salary")).toInteger(), 1250000);
        const Reply seen = mgr->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("employee")}, {QStringLiteral("id"), idOf(e)}});
        LH_VERIFY_OK(seen);
        QVERIFY(!seen.value().toMap().contains(QStringLiteral("salary")));
        QVERIFY(!seen.value().toMap().contains(QStringLiteral("id_card")));
        QCOMPARE(seen.value().toMap().value(QStringLiteral("name")).toString(), s("王小明"));
        const Reply listed = query(*mgr, QStringLiteral("employee"));
        QVERIFY(!listed.value().toMap().value(QStringLiteral("columns")).toArray().contains(QCborValue(QStringLiteral("salary"))));
        LH_VERIFY_ERROR(query(*mgr, QStringLiteral("employee"), A{QStringLiteral("gt"), QStringLiteral("salary"), 1000000}), ErrorCode::PermissionDenied);
        const Reply raise = save(*mgr, QStringLiteral("employee"), M{{QStringLiteral("salary"), 9900000}}, idOf(e), versionOf(e));
        LH_VERIFY_ERROR(raise, ErrorCode::PermissionDenied);
        QCOMPARE(test::problemsOf(raise), QStringList{QStringLiteral("salary:sensitive")});
        // The audit log records that the salary changed, never its value.
        QSqlDatabase db = server.openStore(QStringLiteral("sensitive-check"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT changes FROM audit_log WHERE entity = 'employee'")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            QVERIFY(!q.value(0).toString().contains(QStringLiteral("1250000")));
            QVERIFY(!q.value(0).toString().contains(QStringLiteral("110101199003074512")));
        }
        QVERIFY(rows >= 1);
        q.finish();
        db.close();
    }

    void pushesReachOtherConnections()
    {
        auto watcher = server.admin();
        LH_VERIFY_OK(watcher->call(QStringLiteral("events.subscribe"), M{{QStringLiteral("entities"), A{QStringLiteral("customer")}}}));
        const Reply created = save(*admin, QStringLiteral("customer"), customer(QStringLiteral("PUSH1"), s("推送客户")));
        LH_VERIFY_OK(created);
        QCborMap event;
        QVERIFY(watcher->waitForEvent(QStringLiteral("record.changed"), 5000, &event));
        QCOMPARE(event.value(QStringLiteral("entity")).toString(), QStringLiteral("customer"));
        QCOMPARE(event.value(QStringLiteral("id")).toInteger(), idOf(created));
        QCOMPARE(event.value(QStringLiteral("kind")).toString(), QStringLiteral("created"));
        LH_VERIFY_OK(save(*admin, QStringLiteral("product_category"), M{{QStringLiteral("code"), QStringLiteral("CAT9")}, {QStringLiteral("name"), s("杂项")}}));
        QVERIFY(!watcher->waitForEvent(QStringLiteral("record.changed"), 500)); // not subscribed to categories
    }

    void removingMasterDataArchives()
    {
        const Reply created = save(*admin, QStringLiteral("customer"), customer(QStringLiteral("ARCH1"), s("将归档客户")));
        LH_VERIFY_OK(created);
        LH_VERIFY_ERROR(admin->call(QStringLiteral("data.remove"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), idOf(created)},
                                                                      {QStringLiteral("version"), versionOf(created) + 5}}),
                        ErrorCode::Conflict);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.remove"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), idOf(created)},
                                                                   {QStringLiteral("version"), versionOf(created)}}));
        const A byCode{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("ARCH1")};
        QCOMPARE(test::rowsOf(query(*admin, QStringLiteral("customer"), byCode)).size(), 0);
        const auto archived = test::rowsOf(query(*admin, QStringLiteral("customer"), byCode, M{{QStringLiteral("archived"), true}}));
        QCOMPARE(archived.size(), 1);
        QCOMPARE(archived.first().value(QStringLiteral("archived")).toBool(), true);
        // New references to archived records are refused.
        const Reply contact = save(*admin, QStringLiteral("contact"), M{{QStringLiteral("name"), s("李四")}, {QStringLiteral("customer_id"), idOf(created)}});
        LH_VERIFY_ERROR(contact, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(contact), QStringList{QStringLiteral("customer_id:ref_archived")});
    }

    void restoringArchivedMasterData()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("restorer"), QString::fromLatin1(test::kUserPassword), QStringLiteral("restorer"),
                                  {{QStringLiteral("customer"), QStringLiteral("read")}, {QStringLiteral("customer"), QStringLiteral("write")}}, {}, &error),
                 qPrintable(error));
        auto restorer = server.login(QStringLiteral("restorer"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(restorer);
        const Reply created = save(*admin, QStringLiteral("customer"), customer(QStringLiteral("REST1"), s("将恢复客户")));
        LH_VERIFY_OK(created);
        const qint64 id = idOf(created);
        // Archiving stays data.remove (delete permission): a save cannot archive.
        LH_VERIFY_ERROR(save(*admin, QStringLiteral("customer"), M{{QStringLiteral("archived"), true}}, id, versionOf(created)), ErrorCode::BadRequest);
        LH_VERIFY_ERROR(restorer->call(QStringLiteral("data.remove"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), id},
                                                                         {QStringLiteral("version"), versionOf(created)}}),
                        ErrorCode::PermissionDenied);
        const Reply removed = admin->call(QStringLiteral("data.remove"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), id},
                                                                            {QStringLiteral("version"), versionOf(created)}});
        LH_VERIFY_OK(removed);
        // Write permission is enough to restore, with a change in the same save.
        const Reply restored = save(*restorer, QStringLiteral("customer"), M{{QStringLiteral("archived"), false}, {QStringLiteral("phone"), QStringLiteral("021-5555")}},
                                    id, versionOf(removed));
        LH_VERIFY_OK(restored);
        QCOMPARE(restored.value().toMap().value(QStringLiteral("archived")).toBool(), false);
        QCOMPARE(restored.value().toMap().value(QStringLiteral("phone")).toString(), QStringLiteral("021-5555"));
        QCOMPARE(versionOf(restored), versionOf(removed) + 1);
        const A byCode{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("REST1")};
        QCOMPARE(test::rowsOf(query(*admin, QStringLiteral("customer"), byCode)).size(), 1);
        // Restoring a live record changes nothing; the history names the restore.
        const Reply again = save(*restorer, QStringLiteral("customer"), M{{QStringLiteral("archived"), false}}, id, versionOf(restored));
        LH_VERIFY_OK(again);
        QCOMPARE(versionOf(again), versionOf(restored));
        const Reply h = admin->call(QStringLiteral("data.history"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), id}});
        const QCborMap last = h.value().toMap().value(QStringLiteral("entries")).toArray().first().toMap();
        QCOMPARE(last.value(QStringLiteral("call")).toString(), QStringLiteral("data.save"));
        QVERIFY2(last.value(QStringLiteral("changes")).toString().contains(QStringLiteral("\"archived\":[true,false]")),
                 qPrintable(last.value(QStringLiteral("changes")).toString()));
        // Readers cannot restore; documents are never archived.
        auto viewer = server.login(QStringLiteral("viewer"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(viewer);
        LH_VERIFY_ERROR(save(*viewer, QStringLiteral("customer"), M{{QStringLiteral("archived"), false}}, id, versionOf(restored)), ErrorCode::PermissionDenied);
        LH_VERIFY_ERROR(save(*admin, QStringLiteral("sales_order"), M{{QStringLiteral("archived"), false}}), ErrorCode::BadRequest);
    }

    // The references of a document's lines are read together (one statement
    // per entity referenced): each line still gets its own problem, and a
    // refused save writes nothing.
    void lineReferencesAreCheckedTogether()
    {
        test::Erp erp(*admin);
        const qint64 customerId = erp.customer(QStringLiteral("LRC1"), s("引用检查客户"));
        const qint64 warehouse = erp.warehouse(QStringLiteral("LRW1"));
        const qint64 kept = erp.product(QStringLiteral("LR1"), s("在售垫圈"), 100, 50);
        const qint64 retired = erp.product(QStringLiteral("LR2"), s("停售垫圈"), 100, 50);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.remove"), M{{QStringLiteral("entity"), QStringLiteral("product")}, {QStringLiteral("id"), retired},
                                                                   {QStringLiteral("version"), erp.get(QStringLiteral("product"), retired).value(QStringLiteral("version"))}}));
        const qint64 missing = kept + retired + 1000000;
        const Reply refused = erp.saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customerId}, {QStringLiteral("warehouse_id"), warehouse}},
                                               {{kept, 1000}, {missing, 1000}, {retired, 1000}, {kept, 2000}});
        LH_VERIFY_ERROR(refused, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(refused), (QStringList{QStringLiteral("product_id:ref_missing"), QStringLiteral("product_id:ref_archived")}));
        QCOMPARE(refused.error().fields().at(0).line, qint64(-2));
        QCOMPARE(refused.error().fields().at(1).line, qint64(-3));
        const A ofCustomer{QStringLiteral("eq"), QStringLiteral("customer_id"), customerId};
        QCOMPARE(test::rowsOf(query(*admin, QStringLiteral("sales_order"), ofCustomer)).size(), 0);
        LH_VERIFY_OK(erp.saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customerId}, {QStringLiteral("warehouse_id"), warehouse}},
                                      {{kept, 1000}, {kept, 2000}}));
        // The header's references to several entities are read together too
        // (one statement on PostgreSQL): an archived customer, a missing warehouse.
        const qint64 gone = erp.customer(QStringLiteral("LRC2"), s("已停用客户"));
        LH_VERIFY_OK(admin->call(QStringLiteral("data.remove"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), gone},
                                                                   {QStringLiteral("version"), erp.get(QStringLiteral("customer"), gone).value(QStringLiteral("version"))}}));
        const Reply badHeader = erp.saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), gone}, {QStringLiteral("warehouse_id"), warehouse + 1000000}},
                                                 {{kept, 1000}});
        LH_VERIFY_ERROR(badHeader, ErrorCode::Validation);
        QStringList problems = test::problemsOf(badHeader);
        problems.sort();
        QCOMPARE(problems, (QStringList{QStringLiteral("customer_id:ref_archived"), QStringLiteral("warehouse_id:ref_missing")}));
    }

    void documentLinesAreLabelledAndFound()
    {
        test::Erp erp(*admin);
        const qint64 supplier = erp.supplier(QStringLiteral("LBS1"), s("标签供应商"));
        const qint64 customerId = erp.customer(QStringLiteral("LBC1"), s("标签客户"));
        const qint64 warehouse = erp.warehouse(QStringLiteral("LBW1"));
        const qint64 bolt = erp.product(QStringLiteral("LS8"), s("六角头螺栓"), 100, 50);
        const qint64 nut = erp.product(QStringLiteral("LM8"), s("六角螺母"), 50, 20);
        QVERIFY(erp.buy(supplier, warehouse, {{bolt, 100000, 50}, {nut, 100000, 20}}));
        const qint64 orderId = erp.sell(customerId, warehouse, {{bolt, 12000}, {nut, 1500}});
        QVERIFY2(orderId, qPrintable(test::describe(erp.lastError)));
        const QString number = erp.get(QStringLiteral("sales_order"), orderId).value(QStringLiteral("number")).toString();
        const QString boltLine = QStringLiteral("%1 LS8 %2 ×12").arg(number, s("六角头螺栓"));
        // Documents are found by number.
        const auto orders = test::rowsOf(query(*admin, QStringLiteral("sales_order"), A{QStringLiteral("search"), number.left(number.size() - 1)}));
        QVERIFY(std::any_of(orders.begin(), orders.end(), [orderId](const QCborMap &o) { return o.value(QStringLiteral("id")).toInteger() == orderId; }));
        // Lines read "number code product ×quantity" and every word narrows the search.
        auto lines = [&](const QString &text) {
            QStringList labels;
            for (const auto &row : test::rowsOf(query(*admin, QStringLiteral("sales_order_line"), A{QStringLiteral("search"), text})))
                labels << row.value(QStringLiteral(":label")).toString();
            labels.sort();
            return labels;
        };
        QCOMPARE(lines(number + QStringLiteral(" ljtls")), QStringList{boltLine});
        QCOMPARE(lines(number + s(" 螺母")), QStringList{QStringLiteral("%1 LM8 %2 ×1.5").arg(number, s("六角螺母"))});
        QCOMPARE(lines(number).size(), 2);
        QCOMPARE(lines(QStringLiteral("ls8")), QStringList{boltLine});
        QCOMPARE(lines(number + QStringLiteral(" nothing")), QStringList{});
        // A reference to a line carries the same label (a delivery line names its order line).
        const auto deliveryLines = test::rowsOf(query(*admin, QStringLiteral("delivery_line"), A{QStringLiteral("search"), QStringLiteral("LS8")}));
        QCOMPARE(deliveryLines.size(), 1);
        QCOMPARE(deliveryLines.first().value(QStringLiteral("order_line_id:label")).toString(), boltLine);
        QVERIFY(deliveryLines.first().value(QStringLiteral(":label")).toString().endsWith(s(" LS8 六角头螺栓 ×12")));
        // Clients learn the parts from schema.describe.
        const A entities = admin->call(QStringLiteral("schema.describe")).value().toMap().value(QStringLiteral("entities")).toArray();
        for (const auto &e : entities)
            if (e.toMap().value(QStringLiteral("name")).toString() == QLatin1String("sales_order_line"))
                QCOMPARE(e.toMap().value(QStringLiteral("label_parts")).toArray(),
                         (A{QStringLiteral("order_id"), QStringLiteral("product_id"), QStringLiteral("quantity")}));
    }

    // data.query's answer is written straight from the statement: byte for byte
    // what QCborValue would encode (shortest heads, definite lengths), with
    // addresses, labels, booleans, nulls, sums and the total in their places.
    void queryAnswersAreWrittenAsQtWould()
    {
        const M address{{QStringLiteral("code"), QStringLiteral("110105")}, {QStringLiteral("name"), s("北京市朝阳区")}, {QStringLiteral("detail"), s("建国路1号")}};
        LH_VERIFY_OK(save(*admin, QStringLiteral("customer"),
                          customer(QStringLiteral("QA1"), s("编码客户甲"), M{{QStringLiteral("address"), address}, {QStringLiteral("credit_limit"), 123456789012LL}})));
        LH_VERIFY_OK(save(*admin, QStringLiteral("customer"), customer(QStringLiteral("QA2"), s("编码客户乙"))));
        const Reply r = query(*admin, QStringLiteral("customer"), A{QStringLiteral("like"), QStringLiteral("code"), QStringLiteral("QA%")},
                              M{{QStringLiteral("sort"), QStringLiteral("code")}, {QStringLiteral("total"), true}, {QStringLiteral("limit"), 1},
                                {QStringLiteral("sums"), A{QStringLiteral("credit_limit")}}});
        LH_VERIFY_OK(r);
        QCOMPARE(r.encodedValue(), r.value().toCbor());
        const QCborMap answer = r.value().toMap();
        QCOMPARE(answer.keys(), (QList<QCborValue>{QStringLiteral("columns"), QStringLiteral("rows"), QStringLiteral("next"), QStringLiteral("sums"),
                                                   QStringLiteral("total")}));
        const auto rows = test::rowsOf(r);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(QStringLiteral("address")).toMap(), address);
        QCOMPARE(rows.first().value(QStringLiteral("credit_limit")).toInteger(), 123456789012LL);
        QCOMPARE(rows.first().value(QStringLiteral("archived")), QCborValue(false));
        QVERIFY(rows.first().value(QStringLiteral("updated_by")).isInteger());
        QCOMPARE(answer.value(QStringLiteral("total")).toInteger(), 2);
        QCOMPARE(answer.value(QStringLiteral("sums")).toMap().value(QStringLiteral("credit_limit")).toInteger(), 123456789012LL);
        QCOMPARE(answer.value(QStringLiteral("next")).toArray().at(0).toString(), QStringLiteral("QA1"));
        // The second page: no address (null), the last page (next is null).
        const Reply second = query(*admin, QStringLiteral("customer"), A{QStringLiteral("like"), QStringLiteral("code"), QStringLiteral("QA%")},
                                   M{{QStringLiteral("sort"), QStringLiteral("code")}, {QStringLiteral("after"), answer.value(QStringLiteral("next"))}});
        QCOMPARE(second.encodedValue(), second.value().toCbor());
        QVERIFY(test::rowsOf(second).first().value(QStringLiteral("address")).isNull());
        QVERIFY(second.value().toMap().value(QStringLiteral("next")).isNull());
    }

    void historyOfARecord()
    {
        const auto row = test::rowsOf(query(*admin, QStringLiteral("customer"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("M1")})).first();
        const Reply h = admin->call(QStringLiteral("data.history"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), row.value(QStringLiteral("id"))}});
        LH_VERIFY_OK(h);
        const A entries = h.value().toMap().value(QStringLiteral("entries")).toArray();
        QVERIFY(entries.size() >= 4);
        QVERIFY(entries.first().toMap().value(QStringLiteral("changes")).toString().contains(QStringLiteral("010-8888")));
    }

    void referenceDataIsLoaded()
    {
        const auto cities = test::rowsOf(query(*admin, QStringLiteral("region"), A{QStringLiteral("eq"), QStringLiteral("parent_code"), QStringLiteral("440000")},
                                               M{{QStringLiteral("limit"), 100}}));
        QVERIFY(cities.size() >= 21);
        const auto dongguan = test::rowsOf(query(*admin, QStringLiteral("region"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("441900")}));
        QCOMPARE(dongguan.size(), 1);
        QCOMPARE(dongguan.first().value(QStringLiteral("name")).toString(), s("东莞市"));
        const auto day = test::rowsOf(query(*admin, QStringLiteral("workday"), A{QStringLiteral("eq"), QStringLiteral("day"), QStringLiteral("2026-02-14")}));
        QCOMPARE(day.size(), 1);
        QCOMPARE(day.first().value(QStringLiteral("kind")).toString(), QStringLiteral("workday"));
    }

    void auditChainDetectsTampering()
    {
        Reply check = admin->call(QStringLiteral("system.check"));
        LH_VERIFY_OK(check);
        QVERIFY2(check.value().toMap().value(QStringLiteral("ok")).toBool(), qPrintable(check.value().toMap().value(QStringLiteral("problems")).toArray().toJsonArray().first().toString()));
        QSqlDatabase db = server.openStore(QStringLiteral("tamper"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE audit_log SET outcome = 'ok' WHERE id = (SELECT MIN(id) FROM audit_log WHERE outcome = 'PERMISSION_DENIED')")));
        q.finish();
        check = admin->call(QStringLiteral("system.check"));
        LH_VERIFY_OK(check);
        QVERIFY(!check.value().toMap().value(QStringLiteral("ok")).toBool());
        QVERIFY(check.value().toMap().value(QStringLiteral("problems")).toArray().first().toString().contains(QStringLiteral("altered")));
        db.close();
    }

    void removingTheLastAuditRowsIsDetected()
    {
        // On a fresh store (the other test altered this one): delete the newest
        // rows, let later writes happen, and check must still see the hole.
        TestServer fresh;
        QVERIFY2(fresh.start(), qPrintable(fresh.error()));
        auto a = fresh.admin();
        QVERIFY(a);
        LH_VERIFY_OK(save(*a, QStringLiteral("customer"), customer(QStringLiteral("AUD1"), s("审计客户"))));
        LH_VERIFY_OK(save(*a, QStringLiteral("customer"), customer(QStringLiteral("AUD2"), s("审计客户二"))));
        {
            QSqlDatabase db = fresh.openStore(QStringLiteral("truncate"));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DELETE FROM audit_log WHERE id > (SELECT MAX(id) - 2 FROM audit_log)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("truncate"));
        auto again = fresh.admin(); // a login writes to the log
        QVERIFY(again);
        LH_VERIFY_OK(save(*again, QStringLiteral("customer"), customer(QStringLiteral("AUD3"), s("审计客户三"))));
        const Reply check = again->call(QStringLiteral("system.check"));
        LH_VERIFY_OK(check);
        QVERIFY(!check.value().toMap().value(QStringLiteral("ok")).toBool());
        QVERIFY2(check.value().toMap().value(QStringLiteral("problems")).toArray().first().toString().contains(QStringLiteral("missing")),
                 qPrintable(check.value().toMap().value(QStringLiteral("problems")).toArray().first().toString()));
    }

    void cleanupTestCase()
    {
        for (const char *name : {"test-store", "tamper", "sensitive-check", "locker"}) QSqlDatabase::removeDatabase(QString::fromLatin1(name));
    }
};

QTEST_GUILESS_MAIN(TestData)
#include "tst_data.moc"
