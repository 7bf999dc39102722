// The approval engine over the real server: department head then 会签 by the
// general managers above ¥50,000, 或签, rejection back to draft, withdrawal,
// return to an earlier step, delegation while away, hand-over, no approving
// one's own document, to-dos pushed live, gap-free numbering under load.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QSet>
#include <QTest>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::Erp;
using liuhe::test::TestServer;
using M = QCborMap;
using A = QCborArray;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
const QString kPassword = QString::fromLatin1(test::kUserPassword);
} // namespace

class TestApproval : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<Erp> erp;
    qint64 buyer = 0, head = 0, gm1 = 0, gm2 = 0, standIn = 0, clerkA = 0, clerkB = 0;
    qint64 supplier = 0, warehouse = 0, product = 0;
    std::unique_ptr<client::SyncClient> buyerC, headC, gm1C, gm2C, standInC;

    qint64 user(const QString &name, const QString &role, const QList<test::Grant> &grants)
    {
        QString error;
        const qint64 id = test::createUser(*admin, name, kPassword, role, grants, {}, &error);
        if (!id) qWarning() << error;
        return id;
    }

    // A purchase order of the buyer's worth amountFen (price × 1).
    qint64 order(client::SyncClient &as, qint64 amountFen)
    {
        Erp e(as);
        const Reply r = e.saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                       {{product, kUnit, amountFen}});
        if (!r.isOk()) qWarning() << test::describe(r);
        return r.value().toMap().value(QStringLiteral("id")).toInteger();
    }

    QString state(qint64 po) { return erp->get(QStringLiteral("purchase_order"), po).value(QStringLiteral("state")).toString(); }

    QList<QCborMap> todo(client::SyncClient &c)
    {
        QList<QCborMap> out;
        for (const auto &v : c.call(QStringLiteral("approval.todo")).value().toMap().value(QStringLiteral("items")).toArray()) out << v.toMap();
        return out;
    }

    qint64 taskFor(client::SyncClient &c, qint64 po)
    {
        for (const QCborMap &t : todo(c))
            if (t.value(QStringLiteral("doc_id")).toInteger() == po) return t.value(QStringLiteral("task_id")).toInteger();
        return 0;
    }

    Reply decide(client::SyncClient &c, qint64 task, bool approve, const QString &comment = QString())
    {
        return c.call(approve ? QStringLiteral("approval.approve") : QStringLiteral("approval.reject"),
                      M{{QStringLiteral("task_id"), task}, {QStringLiteral("comment"), comment}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        erp = std::make_unique<Erp>(*admin);
        const QList<test::Grant> buying = {{QStringLiteral("purchase_order"), QStringLiteral("*")}, {QStringLiteral("product"), QStringLiteral("read")},
                                           {QStringLiteral("supplier"), QStringLiteral("read")}, {QStringLiteral("warehouse"), QStringLiteral("read")},
                                           {QStringLiteral("purchase_requisition"), QStringLiteral("*")}};
        const QList<test::Grant> approving = {{QStringLiteral("purchase_order"), QStringLiteral("read")}, {QStringLiteral("purchase_order"), QStringLiteral("confirm")},
                                              {QStringLiteral("purchase_requisition"), QStringLiteral("read")}, {QStringLiteral("user"), QStringLiteral("read")},
                                              {QStringLiteral("approval_delegation"), QStringLiteral("*"), QStringLiteral("own")}};
        buyer = user(QStringLiteral("buyer"), QStringLiteral("buyer"), buying);
        head = user(QStringLiteral("head"), QStringLiteral("manager"), approving);
        standIn = user(QStringLiteral("standin"), QStringLiteral("manager"), approving);
        gm1 = user(QStringLiteral("gm1"), QStringLiteral("gm"), approving + buying);
        gm2 = user(QStringLiteral("gm2"), QStringLiteral("gm"), approving);
        clerkA = user(QStringLiteral("clerka"), QStringLiteral("reviewer"), approving);
        clerkB = user(QStringLiteral("clerkb"), QStringLiteral("reviewer"), approving);
        QVERIFY(buyer && head && standIn && gm1 && gm2 && clerkA && clerkB);
        const Reply dept = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("department")},
                                                                      {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("PUR")},
                                                                                                    {QStringLiteral("name"), s("采购部")}, {QStringLiteral("head_id"), head}}}});
        LH_VERIFY_OK(dept);
        const QCborMap b = erp->get(QStringLiteral("user"), buyer);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), buyer},
                                                                {QStringLiteral("version"), b.value(QStringLiteral("version"))},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("department_id"), dept.value().toMap().value(QStringLiteral("id"))}}}}));
        const qint64 gmRole = test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("role")},
                                                                                       {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("gm")}}}))
                                  .first().value(QStringLiteral("id")).toInteger();
        const Reply flow = admin->call(QStringLiteral("data.save"),
                                       M{{QStringLiteral("entity"), QStringLiteral("approval_flow")},
                                         {QStringLiteral("changes"), M{{QStringLiteral("name"), s("采购订单审批")}, {QStringLiteral("doc_type"), QStringLiteral("purchase_order")}}},
                                         {QStringLiteral("lines"), A{M{{QStringLiteral("seq"), 1}, {QStringLiteral("name"), s("部门经理审批")},
                                                                       {QStringLiteral("approver_kind"), QStringLiteral("dept_head")}, {QStringLiteral("mode"), QStringLiteral("any")}},
                                                                     M{{QStringLiteral("seq"), 2}, {QStringLiteral("name"), s("总经理会签")},
                                                                       {QStringLiteral("approver_kind"), QStringLiteral("role")}, {QStringLiteral("role_id"), gmRole},
                                                                       {QStringLiteral("mode"), QStringLiteral("all")}, {QStringLiteral("min_amount"), 5000000}}}}});
        LH_VERIFY_OK(flow);
        Erp e(*admin);
        supplier = e.supplier(QStringLiteral("AS1"), s("审批供应商"));
        warehouse = e.warehouse(QStringLiteral("AW1"));
        product = e.product(QStringLiteral("AP1"), s("审批商品"), 100, 100);
        QVERIFY(supplier && warehouse && product);
        buyerC = server.login(QStringLiteral("buyer"), kPassword);
        headC = server.login(QStringLiteral("head"), kPassword);
        gm1C = server.login(QStringLiteral("gm1"), kPassword);
        gm2C = server.login(QStringLiteral("gm2"), kPassword);
        standInC = server.login(QStringLiteral("standin"), kPassword);
        QVERIFY(buyerC && headC && gm1C && gm2C && standInC);
    }

    void saveAndActionAnswersCarryTheAllowedActions()
    {
        // The answers a form fills itself from say what may be done next, as data.get does.
        const Reply saved = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                              {{product, kUnit, 100}});
        LH_VERIFY_OK(saved);
        const QCborArray draft = saved.value().toMap().value(QStringLiteral("actions")).toArray();
        QVERIFY2(draft.contains(QCborValue(QStringLiteral("confirm"))) && draft.contains(QCborValue(QStringLiteral("cancel"))), qPrintable(QCborValue(draft).toDiagnosticNotation()));
        const qint64 po = test::idOf(saved);
        QCOMPARE(saved.value().toMap().value(QStringLiteral("actions")), erp->get(QStringLiteral("purchase_order"), po).value(QStringLiteral("actions")));
        const Reply cancelled = erp->action(QStringLiteral("purchase_order"), po, QStringLiteral("cancel"));
        LH_VERIFY_OK(cancelled);
        QCOMPARE(cancelled.value().toMap().value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
        QVERIFY(cancelled.value().toMap().value(QStringLiteral("actions")).isArray());
        QCOMPARE(cancelled.value().toMap().value(QStringLiteral("actions")), erp->get(QStringLiteral("purchase_order"), po).value(QStringLiteral("actions")));
        QVERIFY(cancelled.value().toMap().value(QStringLiteral("actions")).toArray().isEmpty());
        // Another user is offered what they hold, as data.get tells them.
        const Reply own = Erp(*buyerC).saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                                    {{product, kUnit, 100}});
        LH_VERIFY_OK(own);
        QCOMPARE(own.value().toMap().value(QStringLiteral("actions")), Erp(*buyerC).get(QStringLiteral("purchase_order"), test::idOf(own)).value(QStringLiteral("actions")));
    }

    void smallOrderNeedsOnlyTheHead()
    {
        auto watcher = server.admin();
        LH_VERIFY_OK(watcher->call(QStringLiteral("events.subscribe"), M{{QStringLiteral("entities"), A{QStringLiteral("approval_instance")}}}));
        const qint64 po = order(*buyerC, 1000000); // ¥10,000
        Erp b(*buyerC);
        const Reply submitted = b.action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm"));
        LH_VERIFY_OK(submitted);
        QCOMPARE(submitted.value().toMap().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QCborMap pushed;
        QVERIFY(headC->waitForEvent(QStringLiteral("approval.todo"), 5000, &pushed));
        QCOMPARE(pushed.value(QStringLiteral("doc_id")).toInteger(), po);
        // Pending documents can be neither edited nor confirmed around the flow.
        const QCborMap doc = erp->get(QStringLiteral("purchase_order"), po);
        LH_VERIFY_ERROR(buyerC->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("purchase_order")}, {QStringLiteral("id"), po},
                                                                    {QStringLiteral("version"), doc.value(QStringLiteral("version"))},
                                                                    {QStringLiteral("changes"), M{{QStringLiteral("notes"), s("改一下")}}}}),
                        ErrorCode::InvalidState);
        LH_VERIFY_ERROR(b.action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm")), ErrorCode::InvalidState);
        LH_VERIFY_ERROR(buyerC->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("purchase_order")}, {QStringLiteral("id"), po},
                                                                    {QStringLiteral("version"), doc.value(QStringLiteral("version"))},
                                                                    {QStringLiteral("changes"), M{{QStringLiteral("state"), QStringLiteral("confirmed")}}}}),
                        ErrorCode::PermissionDenied);
        const qint64 task = taskFor(*headC, po);
        QVERIFY(task);
        LH_VERIFY_ERROR(decide(*gm1C, task, true), ErrorCode::PermissionDenied); // not gm1's task
        LH_VERIFY_OK(decide(*headC, task, true, s("同意")));
        QCOMPARE(state(po), QStringLiteral("confirmed"));
        QCborMap done;
        QVERIFY(buyerC->waitForEvent(QStringLiteral("approval.done"), 5000, &done));
        QCOMPARE(done.value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
        // Pushes about the approval carry its real version, so lists can tell stale rows.
        const qint64 instance = done.value(QStringLiteral("instance_id")).toInteger();
        QCborMap first;
        QVERIFY(watcher->waitForEvent(QStringLiteral("record.changed"), 5000, &first));
        QTest::qWait(200);
        qint64 last = 0;
        for (const auto &[event, data] : QList<QPair<QString, QCborMap>>{{QStringLiteral("record.changed"), first}} + watcher->takeEvents()) {
            if (event != QLatin1String("record.changed") || data.value(QStringLiteral("id")).toInteger() != instance) continue;
            const qint64 version = data.value(QStringLiteral("version")).toInteger();
            QVERIFY2(version > last, qPrintable(QStringLiteral("version %1 after %2").arg(version).arg(last)));
            last = version;
        }
        QVERIFY(last > 0);
        QCOMPARE(erp->get(QStringLiteral("approval_instance"), instance).value(QStringLiteral("version")).toInteger(), last);
    }

    void largeOrderNeedsBothGeneralManagers()
    {
        const qint64 po = order(*buyerC, 8000000); // ¥80,000
        LH_VERIFY_OK(Erp(*buyerC).action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm")));
        LH_VERIFY_OK(decide(*headC, taskFor(*headC, po), true));
        QCOMPARE(state(po), QStringLiteral("pending"));
        const qint64 t1 = taskFor(*gm1C, po), t2 = taskFor(*gm2C, po);
        QVERIFY(t1 && t2);
        const Reply first = decide(*gm1C, t1, true);
        LH_VERIFY_OK(first);
        QCOMPARE(first.value().toMap().value(QStringLiteral("state")).toString(), QStringLiteral("waiting_for_others"));
        QCOMPARE(state(po), QStringLiteral("pending"));
        LH_VERIFY_OK(decide(*gm2C, t2, true));
        QCOMPARE(state(po), QStringLiteral("confirmed"));
        const Reply history = buyerC->call(QStringLiteral("approval.history"), M{{QStringLiteral("doc_type"), QStringLiteral("purchase_order")}, {QStringLiteral("doc_id"), po}});
        LH_VERIFY_OK(history);
        const QCborMap instance = history.value().toMap().value(QStringLiteral("instances")).toArray().first().toMap();
        QCOMPARE(instance.value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(instance.value(QStringLiteral("tasks")).toArray().size(), 3);
        QCOMPARE(instance.value(QStringLiteral("steps")).toArray().size(), 2);
    }

    void rejectionReturnsTheDraft()
    {
        buyerC->takeEvents();
        const qint64 po = order(*buyerC, 1000000);
        LH_VERIFY_OK(Erp(*buyerC).action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm")));
        const qint64 task = taskFor(*headC, po);
        const Reply noReason = decide(*headC, task, false);
        LH_VERIFY_ERROR(noReason, ErrorCode::Validation);
        LH_VERIFY_OK(decide(*headC, task, false, s("价格偏高，请重新询价")));
        QCOMPARE(state(po), QStringLiteral("draft"));
        QCborMap done;
        QVERIFY(buyerC->waitForEvent(QStringLiteral("approval.done"), 5000, &done));
        QCOMPARE(done.value(QStringLiteral("state")).toString(), QStringLiteral("rejected"));
        QCOMPARE(taskFor(*headC, po), qint64(0));
    }

    void applicantWithdraws()
    {
        const qint64 po = order(*buyerC, 1000000);
        LH_VERIFY_OK(Erp(*buyerC).action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm")));
        const QCborMap inst = buyerC->call(QStringLiteral("approval.history"), M{{QStringLiteral("doc_type"), QStringLiteral("purchase_order")}, {QStringLiteral("doc_id"), po}})
                                  .value().toMap().value(QStringLiteral("instances")).toArray().first().toMap();
        LH_VERIFY_ERROR(headC->call(QStringLiteral("approval.withdraw"), M{{QStringLiteral("instance_id"), inst.value(QStringLiteral("id"))}}), ErrorCode::PermissionDenied);
        LH_VERIFY_OK(buyerC->call(QStringLiteral("approval.withdraw"), M{{QStringLiteral("instance_id"), inst.value(QStringLiteral("id"))}}));
        QCOMPARE(state(po), QStringLiteral("draft"));
        QCOMPARE(taskFor(*headC, po), qint64(0));
    }

    void returnToAnEarlierStep()
    {
        const qint64 po = order(*buyerC, 9000000);
        LH_VERIFY_OK(Erp(*buyerC).action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm")));
        LH_VERIFY_OK(decide(*headC, taskFor(*headC, po), true));
        LH_VERIFY_OK(gm1C->call(QStringLiteral("approval.return"), M{{QStringLiteral("task_id"), taskFor(*gm1C, po)}, {QStringLiteral("step"), 1},
                                                                      {QStringLiteral("comment"), s("请部门经理补充说明")}}));
        QCOMPARE(taskFor(*gm2C, po), qint64(0)); // the other co-signer's task ended too
        const qint64 again = taskFor(*headC, po);
        QVERIFY(again);
        QCOMPARE(state(po), QStringLiteral("pending"));
    }

    void nobodyApprovesTheirOwnDocument()
    {
        // gm1 has no department yet: the first step would have no approver, and
        // the applicant is told so instead of the document slipping through.
        const qint64 po = order(*gm1C, 6000000);
        const Reply refused = Erp(*gm1C).action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm"));
        LH_VERIFY_ERROR(refused, ErrorCode::InvalidState);
        QVERIFY(refused.error().message().contains(s("部门经理审批")));
        QCOMPARE(state(po), QStringLiteral("draft"));
        // In the buying department, the 会签 step is left with gm2 alone.
        const qint64 dept = erp->get(QStringLiteral("user"), buyer).value(QStringLiteral("department_id")).toInteger();
        const QCborMap g = erp->get(QStringLiteral("user"), gm1);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), gm1},
                                                                {QStringLiteral("version"), g.value(QStringLiteral("version"))},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("department_id"), dept}}}}));
        LH_VERIFY_OK(Erp(*gm1C).action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm")));
        LH_VERIFY_OK(decide(*headC, taskFor(*headC, po), true));
        QCOMPARE(taskFor(*gm1C, po), qint64(0));
        QVERIFY(taskFor(*gm2C, po));
        LH_VERIFY_OK(decide(*gm2C, taskFor(*gm2C, po), true));
        QCOMPARE(state(po), QStringLiteral("confirmed"));
    }

    void delegationAndHandOver()
    {
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        LH_VERIFY_OK(headC->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("approval_delegation")},
                                                               {QStringLiteral("changes"), M{{QStringLiteral("delegate_id"), standIn}, {QStringLiteral("start_date"), today},
                                                                                             {QStringLiteral("end_date"), today}}}}));
        const qint64 po = order(*buyerC, 1000000);
        LH_VERIFY_OK(Erp(*buyerC).action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm")));
        QCOMPARE(taskFor(*headC, po), qint64(0));
        const qint64 task = taskFor(*standInC, po);
        QVERIFY(task);
        QCOMPARE(todo(*standInC).last().value(QStringLiteral("on_behalf_of")).toInteger(), head);
        // The stand-in hands it over to gm2 (转交); the applicant cannot be the target.
        LH_VERIFY_ERROR(standInC->call(QStringLiteral("approval.transfer"), M{{QStringLiteral("task_id"), task}, {QStringLiteral("to_user_id"), buyer}}),
                        ErrorCode::PermissionDenied);
        const Reply moved = standInC->call(QStringLiteral("approval.transfer"), M{{QStringLiteral("task_id"), task}, {QStringLiteral("to_user_id"), gm2},
                                                                                   {QStringLiteral("comment"), s("出差，请总经理代批")}});
        LH_VERIFY_OK(moved);
        QCOMPARE(taskFor(*standInC, po), qint64(0));
        LH_VERIFY_OK(decide(*gm2C, taskFor(*gm2C, po), true));
        QCOMPARE(state(po), QStringLiteral("confirmed"));
    }

    void anyOneOfTheRoleSuffices()
    {
        const qint64 reviewerRole = test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("role")},
                                                                                             {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("reviewer")}}}))
                                        .first().value(QStringLiteral("id")).toInteger();
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"),
                                 M{{QStringLiteral("entity"), QStringLiteral("approval_flow")},
                                   {QStringLiteral("changes"), M{{QStringLiteral("name"), s("请购审批")}, {QStringLiteral("doc_type"), QStringLiteral("purchase_requisition")}}},
                                   {QStringLiteral("lines"), A{M{{QStringLiteral("seq"), 1}, {QStringLiteral("name"), s("审核员或签")},
                                                                 {QStringLiteral("approver_kind"), QStringLiteral("role")}, {QStringLiteral("role_id"), reviewerRole},
                                                                 {QStringLiteral("mode"), QStringLiteral("any")}}}}}));
        auto a = server.login(QStringLiteral("clerka"), kPassword);
        auto b = server.login(QStringLiteral("clerkb"), kPassword);
        const Reply req = Erp(*buyerC).saveDocument(QStringLiteral("purchase_requisition"), M{}, {{product, 5 * kUnit}});
        LH_VERIFY_OK(req);
        const qint64 id = req.value().toMap().value(QStringLiteral("id")).toInteger();
        LH_VERIFY_OK(Erp(*buyerC).action(QStringLiteral("purchase_requisition"), id, QStringLiteral("confirm")));
        QVERIFY(taskFor(*a, id) && taskFor(*b, id));
        LH_VERIFY_OK(decide(*b, taskFor(*b, id), true));
        QCOMPARE(erp->get(QStringLiteral("purchase_requisition"), id).value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        QCOMPARE(taskFor(*a, id), qint64(0));
    }

    void numbersAreGapFreeUnderConcurrency()
    {
        std::vector<std::unique_ptr<client::SyncClient>> clients;
        for (int i = 0; i < 8; ++i) clients.push_back(server.admin());
        int pending = 0, failed = 0;
        QStringList numbers;
        for (auto &c : clients)
            for (int k = 0; k < 25; ++k) {
                ++pending;
                c->connection().call(QStringLiteral("data.save"),
                                     M{{QStringLiteral("entity"), QStringLiteral("stock_transfer")},
                                       {QStringLiteral("changes"), M{{QStringLiteral("from_warehouse_id"), warehouse}, {QStringLiteral("to_warehouse_id"), warehouse}}}},
                                     [&](const Reply &r) {
                                         --pending;
                                         if (r.isOk()) numbers << r.value().toMap().value(QStringLiteral("number")).toString();
                                         else ++failed;
                                     });
            }
        QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 60000);
        QCOMPARE(failed, 0);
        QCOMPARE(numbers.size(), 200);
        numbers.sort();
        const QString prefix = QStringLiteral("DB") + QDate::currentDate().toString(QStringLiteral("yyyyMM"));
        for (int i = 0; i < 200; ++i) QCOMPARE(numbers[i], prefix + QStringLiteral("%1").arg(i + 1, 5, 10, QLatin1Char('0')));
    }
};

QTEST_GUILESS_MAIN(TestApproval)
#include "tst_approval.moc"
