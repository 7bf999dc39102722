// Other stock receipts and issues (其他入库单/其他出库单) over the real server:
// receipts at the line's or the product's standard cost make FIFO layers,
// issues take the layers at their cost (worked by hand), negative stock only
// where the warehouse allows it, lots like any receipt, the grants per
// document, and the approval of an issue by the warehouse manager.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QTest>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::Erp;
using liuhe::test::TestServer;
using liuhe::test::idOf;
using liuhe::test::linesOf;
using M = QCborMap;
using A = QCborArray;

namespace {
constexpr qint64 kUnit = 1000; // one unit in thousandths
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
} // namespace

class TestOtherStock : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<Erp> erp;
    qint64 wh = 0, whNeg = 0, supplier = 0;

    void expectInvariants()
    {
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    // Saves a draft stock_in / stock_out of the warehouse with the lines given.
    Reply saveDraft(client::SyncClient &c, const QString &entity, qint64 warehouse, const QString &reason, const A &lines)
    {
        return c.call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), entity},
                                                     {QStringLiteral("changes"), M{{QStringLiteral("warehouse_id"), warehouse}, {QStringLiteral("reason"), reason}}},
                                                     {QStringLiteral("lines"), lines}});
    }

    Reply post(client::SyncClient &c, const QString &entity, qint64 id)
    {
        const QCborMap doc = erp->get(entity, id);
        return c.call(QStringLiteral("doc.action"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("id"), id}, {QStringLiteral("action"), QStringLiteral("post")},
                                                      {QStringLiteral("version"), doc.value(QStringLiteral("version"))}});
    }

    static M line(qint64 product, qint64 quantity) { return M{{QStringLiteral("product_id"), product}, {QStringLiteral("quantity"), quantity}}; }

    qint64 roleId(const QString &code)
    {
        const auto rows = test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("role")},
                                                                                  {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("code"), code}}}));
        return rows.isEmpty() ? 0 : rows.first().value(QStringLiteral("id")).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        erp = std::make_unique<Erp>(*admin);
        wh = erp->warehouse(QStringLiteral("OW1"));
        whNeg = erp->warehouse(QStringLiteral("OWN"), true);
        supplier = erp->supplier(QStringLiteral("OS1"), s("其他出入库供应商"));
        QVERIFY(wh && whNeg && supplier);
    }

    // Layers ¥10 × 2 (found, at the standard cost) + ¥12 × 3 (a gift received
    // at a stated cost); scrapping 4 takes 2 × ¥10 + 2 × ¥12 = ¥44.00, as lines
    // of 3 (¥32.00, across both layers) and 1 (¥12.00).
    void issueTakesFifoLayersAtTheirCost()
    {
        const qint64 p = erp->product(QStringLiteral("OT1"), s("报损测试螺母"), 2000, 1000);
        QVERIFY(p);
        const Reply found = saveDraft(*admin, QStringLiteral("stock_in"), wh, QStringLiteral("found"), A{line(p, 2 * kUnit)});
        LH_VERIFY_OK(found);
        const Reply foundPosted = post(*admin, QStringLiteral("stock_in"), idOf(found));
        LH_VERIFY_OK(foundPosted);
        QCborMap in = erp->get(QStringLiteral("stock_in"), idOf(found));
        QCOMPARE(in.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QVERIFY(in.value(QStringLiteral("number")).toString().startsWith(QStringLiteral("QR")));
        QCOMPARE(linesOf(in).first().value(QStringLiteral("unit_cost")).toInteger(), qint64(1000)); // the standard cost filled in
        QCOMPARE(linesOf(in).first().value(QStringLiteral("cost")).toInteger(), qint64(2000));
        QCOMPARE(in.value(QStringLiteral("cost_total")).toInteger(), qint64(2000));

        M gift = line(p, 3 * kUnit);
        gift.insert(QStringLiteral("unit_cost"), 1200);
        const Reply gifted = saveDraft(*admin, QStringLiteral("stock_in"), wh, QStringLiteral("gift"), A{gift});
        LH_VERIFY_OK(gifted);
        QCOMPARE(gifted.value().toMap().value(QStringLiteral("cost_total")).toInteger(), qint64(3600)); // priced when saved
        LH_VERIFY_OK(post(*admin, QStringLiteral("stock_in"), idOf(gifted)));
        QCOMPARE(erp->onHand(p, wh), 5 * kUnit);
        QCOMPARE(erp->value(p, wh), qint64(5600));
        expectInvariants();

        // Lines of 3 and 1: the draft estimates from the layers as they are, the
        // second line after the first (2 × ¥10 + 1 × ¥12 = ¥32.00, then ¥12.00).
        const Reply scrap = saveDraft(*admin, QStringLiteral("stock_out"), wh, QStringLiteral("scrap"), A{line(p, 3 * kUnit), line(p, 1 * kUnit)});
        LH_VERIFY_OK(scrap);
        QCOMPARE(erp->get(QStringLiteral("stock_out"), idOf(scrap)).value(QStringLiteral("cost_total")).toInteger(), qint64(4400));
        QCOMPARE(linesOf(erp->get(QStringLiteral("stock_out"), idOf(scrap))).at(1).value(QStringLiteral("cost")).toInteger(), qint64(1200));
        QCOMPARE(erp->onHand(p, wh), 5 * kUnit); // a draft moves nothing
        const Reply posted = post(*admin, QStringLiteral("stock_out"), idOf(scrap));
        LH_VERIFY_OK(posted);
        QCOMPARE(posted.value().toMap().value(QStringLiteral("cost_total")).toInteger(), qint64(4400));
        const QCborMap out = erp->get(QStringLiteral("stock_out"), idOf(scrap));
        QCOMPARE(out.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QVERIFY(out.value(QStringLiteral("number")).toString().startsWith(QStringLiteral("QC")));
        QCOMPARE(linesOf(out).at(0).value(QStringLiteral("cost")).toInteger(), qint64(3200));
        QCOMPARE(linesOf(out).at(1).value(QStringLiteral("cost")).toInteger(), qint64(1200));
        QCOMPARE(out.value(QStringLiteral("cost_total")).toInteger(), qint64(4400));
        QCOMPARE(erp->onHand(p, wh), 1 * kUnit);
        QCOMPARE(erp->value(p, wh), qint64(1200));
        // The ledger names the documents and the kind of move.
        const auto moves = test::rowsOf(admin->call(QStringLiteral("data.query"),
                                                    M{{QStringLiteral("entity"), QStringLiteral("stock_move")},
                                                      {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("product_id"), p}},
                                                      {QStringLiteral("sort"), QStringLiteral("id")}}));
        QCOMPARE(moves.size(), 4);
        QCOMPARE(moves.at(0).value(QStringLiteral("kind")).toString(), QStringLiteral("other_in"));
        QCOMPARE(moves.at(3).value(QStringLiteral("kind")).toString(), QStringLiteral("other_out"));
        QCOMPARE(moves.at(3).value(QStringLiteral("doc_type")).toString(), QStringLiteral("stock_out"));
        QCOMPARE(moves.at(2).value(QStringLiteral("quantity")).toInteger() + moves.at(3).value(QStringLiteral("quantity")).toInteger(), -4 * kUnit);
        QCOMPARE(moves.at(2).value(QStringLiteral("cost")).toInteger() + moves.at(3).value(QStringLiteral("cost")).toInteger(), qint64(-4400));
        expectInvariants();
        // A posted document cannot be posted again.
        QVERIFY(!post(*admin, QStringLiteral("stock_out"), idOf(scrap)).isOk());
    }

    void negativeStockOnlyWhereAllowed()
    {
        const qint64 p = erp->product(QStringLiteral("OT2"), s("领用测试手套"), 500, 300);
        QVERIFY(erp->buy(supplier, wh, {{p, 2 * kUnit, 300}}));
        const Reply tooMany = saveDraft(*admin, QStringLiteral("stock_out"), wh, QStringLiteral("internal_use"), A{line(p, 3 * kUnit)});
        LH_VERIFY_OK(tooMany);
        LH_VERIFY_ERROR(post(*admin, QStringLiteral("stock_out"), idOf(tooMany)), ErrorCode::InsufficientStock);
        QCOMPARE(erp->get(QStringLiteral("stock_out"), idOf(tooMany)).value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        QCOMPARE(erp->onHand(p, wh), 2 * kUnit);
        QCOMPARE(erp->value(p, wh), qint64(600));
        // The warehouse that allows it goes below zero; a found unit fills the gap first.
        const Reply sample = saveDraft(*admin, QStringLiteral("stock_out"), whNeg, QStringLiteral("sample"), A{line(p, 2 * kUnit)});
        LH_VERIFY_OK(sample);
        LH_VERIFY_OK(post(*admin, QStringLiteral("stock_out"), idOf(sample)));
        QCOMPARE(erp->onHand(p, whNeg), -2 * kUnit);
        const Reply found = saveDraft(*admin, QStringLiteral("stock_in"), whNeg, QStringLiteral("found"), A{line(p, 3 * kUnit)});
        LH_VERIFY_OK(found);
        LH_VERIFY_OK(post(*admin, QStringLiteral("stock_in"), idOf(found)));
        QCOMPARE(erp->onHand(p, whNeg), 1 * kUnit);
        QCOMPARE(erp->value(p, whNeg), qint64(300));
        // Nothing to post: refused.
        const Reply empty = saveDraft(*admin, QStringLiteral("stock_in"), wh, QStringLiteral("other"), A{});
        LH_VERIFY_OK(empty);
        LH_VERIFY_ERROR(post(*admin, QStringLiteral("stock_in"), idOf(empty)), ErrorCode::Validation);
        expectInvariants();
    }

    // A lot-tracked product comes in only as a lot, and goes out of the lot
    // named; serial numbers follow the same rules as receipts and deliveries.
    void lotsFollowTheLedgerRules()
    {
        const qint64 p = erp->product(QStringLiteral("OT3"), s("批次样品胶水"), 800, 400);
        LH_VERIFY_OK(erp->update(QStringLiteral("product"), p, M{{QStringLiteral("lot_tracked"), true}}));
        const Reply noLot = saveDraft(*admin, QStringLiteral("stock_in"), wh, QStringLiteral("found"), A{line(p, kUnit)});
        LH_VERIFY_OK(noLot);
        LH_VERIFY_ERROR(post(*admin, QStringLiteral("stock_in"), idOf(noLot)), ErrorCode::Validation);
        M a = line(p, 2 * kUnit), b = line(p, 2 * kUnit);
        a.insert(QStringLiteral("lot"), QStringLiteral("L-A"));
        a.insert(QStringLiteral("unit_cost"), 400);
        b.insert(QStringLiteral("lot"), QStringLiteral("L-B"));
        b.insert(QStringLiteral("unit_cost"), 500);
        const Reply lots = saveDraft(*admin, QStringLiteral("stock_in"), wh, QStringLiteral("found"), A{a, b});
        LH_VERIFY_OK(lots);
        LH_VERIFY_OK(post(*admin, QStringLiteral("stock_in"), idOf(lots)));
        M fromB = line(p, kUnit);
        fromB.insert(QStringLiteral("lot"), QStringLiteral("L-B"));
        const Reply sample = saveDraft(*admin, QStringLiteral("stock_out"), wh, QStringLiteral("sample"), A{fromB});
        LH_VERIFY_OK(sample);
        LH_VERIFY_OK(post(*admin, QStringLiteral("stock_out"), idOf(sample)));
        QCOMPARE(linesOf(erp->get(QStringLiteral("stock_out"), idOf(sample))).first().value(QStringLiteral("cost")).toInteger(), qint64(500)); // lot B's cost
        QCOMPARE(erp->value(p, wh), qint64(1300)); // 2 × ¥4 + 1 × ¥5 left
        QCOMPARE(erp->onHand(p, wh), 3 * kUnit);

        // A serial number comes in once, and only a unit in stock goes out.
        const qint64 meter = erp->product(QStringLiteral("OT5"), s("序列号样机"), 90000, 50000, {}, 0, true);
        QVERIFY(meter);
        const auto unit = [&](const char *serial) {
            M l = line(meter, kUnit);
            l.insert(QStringLiteral("serial"), QString::fromLatin1(serial));
            return l;
        };
        const Reply first = saveDraft(*admin, QStringLiteral("stock_in"), wh, QStringLiteral("found"), A{unit("SN-001")});
        LH_VERIFY_OK(first);
        LH_VERIFY_OK(post(*admin, QStringLiteral("stock_in"), idOf(first)));
        const Reply again = saveDraft(*admin, QStringLiteral("stock_in"), wh, QStringLiteral("found"), A{unit("SN-001")});
        LH_VERIFY_OK(again);
        const Reply twice = post(*admin, QStringLiteral("stock_in"), idOf(again));
        LH_VERIFY_ERROR(twice, ErrorCode::Validation);
        QVERIFY2(test::problemsOf(twice).contains(QStringLiteral("serial:serial_in_stock")), qPrintable(test::describe(twice)));
        const Reply absent = saveDraft(*admin, QStringLiteral("stock_out"), wh, QStringLiteral("sample"), A{unit("SN-999")});
        LH_VERIFY_OK(absent);
        LH_VERIFY_ERROR(post(*admin, QStringLiteral("stock_out"), idOf(absent)), ErrorCode::Validation);
        const Reply present = saveDraft(*admin, QStringLiteral("stock_out"), wh, QStringLiteral("sample"), A{unit("SN-001")});
        LH_VERIFY_OK(present);
        LH_VERIFY_OK(post(*admin, QStringLiteral("stock_out"), idOf(present)));
        QCOMPARE(linesOf(erp->get(QStringLiteral("stock_out"), idOf(present))).first().value(QStringLiteral("cost")).toInteger(), qint64(50000));
        QCOMPARE(erp->onHand(meter, wh), qint64(0));
        expectInvariants();
    }

    // Without the grant, neither the draft nor the posting; a clerk who may post
    // starts the warehouse manager's approval, and the stock moves only then.
    void grantsAndApproval()
    {
        const qint64 p = erp->product(QStringLiteral("OT4"), s("赠送礼品"), 1000, 600);
        QVERIFY(erp->buy(supplier, wh, {{p, 5 * kUnit, 600}}));
        QString error;
        const QString password = QString::fromLatin1(test::kUserPassword);
        QVERIFY2(test::createUser(*admin, QStringLiteral("os_viewer"), password, QStringLiteral("OS_VIEWER"),
                                  {{QStringLiteral("stock_out"), QStringLiteral("read")}, {QStringLiteral("stock_in"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        QVERIFY2(test::createUser(*admin, QStringLiteral("os_clerk"), password, QStringLiteral("OS_CLERK"),
                                  {{QStringLiteral("stock_out"), QStringLiteral("read")}, {QStringLiteral("stock_out"), QStringLiteral("create")},
                                   {QStringLiteral("stock_out"), QStringLiteral("write")}, {QStringLiteral("stock_out"), QStringLiteral("post")},
                                   {QStringLiteral("stock_in"), QStringLiteral("read")}, {QStringLiteral("stock_in"), QStringLiteral("create")}},
                                  {}, &error),
                 qPrintable(error));
        QVERIFY2(test::createUser(*admin, QStringLiteral("os_manager"), password, QStringLiteral("OS_MANAGER"),
                                  {{QStringLiteral("stock_out"), QStringLiteral("*")}, {QStringLiteral("stock_in"), QStringLiteral("*")}}, {}, &error),
                 qPrintable(error));
        auto viewer = server.login(QStringLiteral("os_viewer"), password);
        auto clerk = server.login(QStringLiteral("os_clerk"), password);
        auto manager = server.login(QStringLiteral("os_manager"), password);
        QVERIFY(viewer && clerk && manager);

        LH_VERIFY_ERROR(saveDraft(*viewer, QStringLiteral("stock_out"), wh, QStringLiteral("gift"), A{line(p, kUnit)}), ErrorCode::PermissionDenied);
        const Reply in = saveDraft(*clerk, QStringLiteral("stock_in"), wh, QStringLiteral("found"), A{line(p, kUnit)});
        LH_VERIFY_OK(in);
        LH_VERIFY_ERROR(post(*clerk, QStringLiteral("stock_in"), idOf(in)), ErrorCode::PermissionDenied); // may draft, not post
        QCOMPARE(erp->onHand(p, wh), 5 * kUnit);

        const Reply flow = admin->call(QStringLiteral("data.save"),
                                       M{{QStringLiteral("entity"), QStringLiteral("approval_flow")},
                                         {QStringLiteral("changes"), M{{QStringLiteral("name"), s("其他出库审批")}, {QStringLiteral("doc_type"), QStringLiteral("stock_out")}}},
                                         {QStringLiteral("lines"), A{M{{QStringLiteral("seq"), 1}, {QStringLiteral("name"), s("仓库主管审批")},
                                                                       {QStringLiteral("approver_kind"), QStringLiteral("role")}, {QStringLiteral("role_id"), roleId(QStringLiteral("OS_MANAGER"))},
                                                                       {QStringLiteral("mode"), QStringLiteral("any")}}}}});
        LH_VERIFY_OK(flow);
        const Reply gift = saveDraft(*clerk, QStringLiteral("stock_out"), wh, QStringLiteral("gift"), A{line(p, 2 * kUnit)});
        LH_VERIFY_OK(gift);
        const Reply asked = post(*clerk, QStringLiteral("stock_out"), idOf(gift));
        LH_VERIFY_OK(asked);
        QCOMPARE(erp->get(QStringLiteral("stock_out"), idOf(gift)).value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QCOMPARE(erp->onHand(p, wh), 5 * kUnit);
        qint64 task = 0;
        for (const auto &v : manager->call(QStringLiteral("approval.todo")).value().toMap().value(QStringLiteral("items")).toArray())
            if (v.toMap().value(QStringLiteral("doc_id")).toInteger() == idOf(gift)) task = v.toMap().value(QStringLiteral("task_id")).toInteger();
        QVERIFY(task);
        LH_VERIFY_OK(manager->call(QStringLiteral("approval.approve"), M{{QStringLiteral("task_id"), task}, {QStringLiteral("comment"), s("同意赠送")}}));
        const QCborMap done = erp->get(QStringLiteral("stock_out"), idOf(gift));
        QCOMPARE(done.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(done.value(QStringLiteral("cost_total")).toInteger(), qint64(1200));
        QCOMPARE(erp->onHand(p, wh), 3 * kUnit);
        expectInvariants();
    }
};

QTEST_GUILESS_MAIN(TestOtherStock)
#include "tst_other_stock.moc"
