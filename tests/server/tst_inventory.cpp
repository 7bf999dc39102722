// 进销存 over the real server: FIFO costs worked by hand, partial deliveries with
// backorders closed when no more will ship, returns at the original cost,
// over-receipt tolerance, transfers, counts, negative stock, concurrent sellers of
// the last units, scans with idempotent replay (and picks priced like hand-made
// deliveries), reorder alerts, reports net of returns, and the ledger invariants
// after random receipts, deliveries, transfers, returns both ways and counts,
// with a lot-tracked product among them.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QRandomGenerator>
#include <QTest>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::Erp;
using liuhe::test::LineSpec;
using liuhe::test::TestServer;
using liuhe::test::idOf;
using liuhe::test::linesOf;
using M = QCborMap;
using A = QCborArray;

namespace {
constexpr qint64 kUnit = 1000; // one unit in thousandths
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
} // namespace

class TestInventory : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<Erp> erp;
    qint64 wh1 = 0, wh2 = 0, whNeg = 0, supplier = 0, customer = 0;

    void expectInvariants()
    {
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    // A purchase of a lot-tracked product received as the lot given.
    bool buyLot(qint64 p, qint64 w, qint64 q, qint64 price, const QString &lot, int expiresInDays)
    {
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), w}},
                                           {{p, q, price}});
        if (!po.isOk() || !erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("confirm")).isOk()) return false;
        const qint64 line = linesOf(erp->get(QStringLiteral("purchase_order"), idOf(po))).first().value(QStringLiteral("id")).toInteger();
        return erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("receive"),
                           M{{QStringLiteral("lines"), A{M{{QStringLiteral("line_id"), line}, {QStringLiteral("quantity"), q}, {QStringLiteral("lot"), lot},
                                                           {QStringLiteral("expiry"), QDate::currentDate().addDays(expiresInDays).toString(Qt::ISODate)}}}}})
            .isOk();
    }

    // The newest line of the product among the lines of entity (empty if none).
    QCborMap latestLine(const QString &entity, qint64 p)
    {
        const auto lines = test::rowsOf(admin->call(QStringLiteral("data.query"),
                                                    M{{QStringLiteral("entity"), entity}, {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("product_id"), p}},
                                                      {QStringLiteral("sort"), QStringLiteral("id")}, {QStringLiteral("desc"), true}, {QStringLiteral("limit"), 1}}));
        return lines.isEmpty() ? QCborMap() : lines.first();
    }

    // One unit of the product's latest delivery back from the customer.
    bool randomSalesReturn(qint64 p)
    {
        const QCborMap dl = latestLine(QStringLiteral("delivery_line"), p);
        if (dl.isEmpty()) return false;
        const QCborMap d = erp->get(QStringLiteral("delivery"), dl.value(QStringLiteral("delivery_id")).toInteger());
        const Reply r = admin->call(QStringLiteral("data.save"),
                                    M{{QStringLiteral("entity"), QStringLiteral("sales_return")},
                                      {QStringLiteral("changes"), M{{QStringLiteral("order_id"), d.value(QStringLiteral("order_id"))},
                                                                    {QStringLiteral("warehouse_id"), d.value(QStringLiteral("warehouse_id"))},
                                                                    {QStringLiteral("reason"), s("随机退货")}}},
                                      {QStringLiteral("lines"), A{M{{QStringLiteral("delivery_line_id"), dl.value(QStringLiteral("id"))}, {QStringLiteral("quantity"), kUnit}}}}});
        return r.isOk() && erp->action(QStringLiteral("sales_return"), idOf(r), QStringLiteral("post")).isOk();
    }

    // A count of the warehouse: a few lines found short or over by up to two units.
    bool randomCount(QRandomGenerator &rng, qint64 w)
    {
        const Reply count = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("stock_count")},
                                                                       {QStringLiteral("changes"), M{{QStringLiteral("warehouse_id"), w}}}});
        if (!count.isOk() || !erp->action(QStringLiteral("stock_count"), idOf(count), QStringLiteral("start")).isOk()) return false;
        const QCborMap doc = erp->get(QStringLiteral("stock_count"), idOf(count));
        A changed;
        for (const QCborMap &l : linesOf(doc)) {
            if (rng.bounded(3) != 0) continue;
            const qint64 counted = std::max<qint64>(0, l.value(QStringLiteral("book_qty")).toInteger() + (qint64(rng.bounded(5)) - 2) * kUnit);
            changed.append(M{{QStringLiteral("id"), l.value(QStringLiteral("id"))}, {QStringLiteral("version"), l.value(QStringLiteral("version"))},
                             {QStringLiteral("counted_qty"), counted}});
        }
        if (changed.isEmpty()) return false;
        const Reply saved = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("stock_count")}, {QStringLiteral("id"), idOf(count)},
                                                                       {QStringLiteral("version"), doc.value(QStringLiteral("version"))},
                                                                       {QStringLiteral("lines"), changed}});
        return saved.isOk() && erp->action(QStringLiteral("stock_count"), idOf(count), QStringLiteral("post")).isOk();
    }

    // One unit of the product's latest receipt back to the supplier.
    bool randomPurchaseReturn(qint64 p)
    {
        const QCborMap ol = latestLine(QStringLiteral("purchase_order_line"), p);
        if (ol.isEmpty() || ol.value(QStringLiteral("received_qty")).toInteger() - ol.value(QStringLiteral("returned_qty")).toInteger() < kUnit) return false;
        const QCborMap po = erp->get(QStringLiteral("purchase_order"), ol.value(QStringLiteral("order_id")).toInteger());
        const Reply r = admin->call(QStringLiteral("data.save"),
                                    M{{QStringLiteral("entity"), QStringLiteral("purchase_return")},
                                      {QStringLiteral("changes"), M{{QStringLiteral("order_id"), po.value(QStringLiteral("id"))},
                                                                    {QStringLiteral("warehouse_id"), po.value(QStringLiteral("warehouse_id"))},
                                                                    {QStringLiteral("reason"), s("随机退供应商")}}},
                                      {QStringLiteral("lines"), A{M{{QStringLiteral("order_line_id"), ol.value(QStringLiteral("id"))}, {QStringLiteral("quantity"), kUnit}}}}});
        return r.isOk() && erp->action(QStringLiteral("purchase_return"), idOf(r), QStringLiteral("post")).isOk();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        erp = std::make_unique<Erp>(*admin);
        wh1 = erp->warehouse(QStringLiteral("WH1"));
        wh2 = erp->warehouse(QStringLiteral("WH2"));
        whNeg = erp->warehouse(QStringLiteral("WHN"), true);
        supplier = erp->supplier(QStringLiteral("S1"), s("华东五金供应公司"));
        customer = erp->customer(QStringLiteral("C1"), s("上海长江实业"));
        QVERIFY(wh1 && wh2 && whNeg && supplier && customer);
    }

    void fifoCostsWorkedByHand()
    {
        const qint64 p = erp->product(QStringLiteral("FIFO1"), s("螺栓M8"), 2000, 1000);
        QVERIFY(erp->buy(supplier, wh1, {{p, 10 * kUnit, 1000}}));  // 10 @ ¥10.00
        QVERIFY(erp->buy(supplier, wh1, {{p, 10 * kUnit, 1200}}));  // 10 @ ¥12.00
        QCOMPARE(erp->value(p, wh1), qint64(22000));
        const qint64 so = erp->sell(customer, wh1, {{p, 15 * kUnit, 2000}});
        QVERIFY2(so, qPrintable(test::describe(erp->lastError)));
        // 10 × ¥10 + 5 × ¥12 = ¥160.00
        const QCborMap order = erp->get(QStringLiteral("sales_order"), so);
        QCOMPARE(linesOf(order).first().value(QStringLiteral("cost")).toInteger(), qint64(16000));
        QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(linesOf(order).first().value(QStringLiteral("line_status")).toString(), QStringLiteral("shipped"));
        QCOMPARE(erp->value(p, wh1), qint64(6000));
        // Return 3: back at their original cost, ¥160 × 3/15 = ¥32.00.
        const auto deliveries = test::rowsOf(admin->call(QStringLiteral("data.query"),
                                                         M{{QStringLiteral("entity"), QStringLiteral("delivery_line")},
                                                           {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("product_id"), p}}}));
        QCOMPARE(deliveries.size(), 1);
        const Reply ret = admin->call(QStringLiteral("data.save"),
                                      M{{QStringLiteral("entity"), QStringLiteral("sales_return")},
                                        {QStringLiteral("changes"), M{{QStringLiteral("order_id"), so}, {QStringLiteral("warehouse_id"), wh1},
                                                                      {QStringLiteral("reason"), s("包装破损")}}},
                                        {QStringLiteral("lines"), A{M{{QStringLiteral("delivery_line_id"), deliveries.first().value(QStringLiteral("id"))},
                                                                      {QStringLiteral("quantity"), 3 * kUnit}}}}});
        LH_VERIFY_OK(ret);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_return"), idOf(ret), QStringLiteral("post")));
        QCOMPARE(linesOf(erp->get(QStringLiteral("sales_return"), idOf(ret))).first().value(QStringLiteral("cost")).toInteger(), qint64(3200));
        QCOMPARE(erp->value(p, wh1), qint64(9200));
        QCOMPARE(erp->onHand(p, wh1), 8 * kUnit);
        QCOMPARE(linesOf(erp->get(QStringLiteral("sales_order"), so)).first().value(QStringLiteral("returned_qty")).toInteger(), 3 * kUnit);
        // The next 8 take the ¥12 layer first (older), then the returned layer.
        const qint64 so2 = erp->sell(customer, wh1, {{p, 8 * kUnit, 2000}});
        QVERIFY(so2);
        QCOMPARE(linesOf(erp->get(QStringLiteral("sales_order"), so2)).first().value(QStringLiteral("cost")).toInteger(), qint64(9200));
        QCOMPARE(erp->value(p, wh1), qint64(0));
        expectInvariants();
    }

    void fifoRoundingStaysExact()
    {
        const qint64 p = erp->product(QStringLiteral("FIFO2"), s("垫片"), 300, 143);
        QVERIFY(erp->buy(supplier, wh1, {{p, 7 * kUnit, 143}}));  // ¥10.01 for 7
        const qint64 a = erp->sell(customer, wh1, {{p, 3 * kUnit, 300}});
        const qint64 b = erp->sell(customer, wh1, {{p, 4 * kUnit, 300}});
        QVERIFY(a && b);
        const qint64 costA = linesOf(erp->get(QStringLiteral("sales_order"), a)).first().value(QStringLiteral("cost")).toInteger();
        const qint64 costB = linesOf(erp->get(QStringLiteral("sales_order"), b)).first().value(QStringLiteral("cost")).toInteger();
        QCOMPARE(costA, qint64(429)); // 1001 × 3/7 = 429
        QCOMPARE(costA + costB, qint64(1001));
        expectInvariants();
    }

    // Confirming checks every product's availability from one locked read of
    // their levels: only the short one is named, with its own figures, and
    // after more stock arrives both lines ship with the levels right.
    void availabilityOfSeveralProducts()
    {
        const qint64 a = erp->product(QStringLiteral("AV1"), s("六角扳手"), 2000, 800);
        const qint64 b = erp->product(QStringLiteral("AV2"), s("内六角扳手"), 1500, 600);
        QVERIFY(erp->buy(supplier, wh1, {{a, 5 * kUnit, 800}, {b, 2 * kUnit, 600}}));
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}},
                                           {{a, 4 * kUnit}, {b, 3 * kUnit}});
        LH_VERIFY_OK(so);
        const Reply short_ = erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm"));
        LH_VERIFY_ERROR(short_, ErrorCode::InsufficientStock);
        const QCborArray lines = short_.error().details().value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().toMap().value(QStringLiteral("product_id")).toInteger(), b);
        QCOMPARE(lines.first().toMap().value(QStringLiteral("on_hand")).toInteger(), 2 * kUnit);
        QCOMPARE(lines.first().toMap().value(QStringLiteral("needed")).toInteger(), 3 * kUnit);
        QVERIFY(erp->buy(supplier, wh1, {{b, 1 * kUnit, 600}}));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm")));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("deliver")));
        QCOMPARE(erp->onHand(a, wh1), 1 * kUnit);
        QCOMPARE(erp->onHand(b, wh1), qint64(0));
        expectInvariants();
    }

    void partialDeliveryWithBackorder()
    {
        const qint64 p = erp->product(QStringLiteral("BO1"), s("轴承6204"), 5000, 3000);
        QVERIFY(erp->buy(supplier, wh1, {{p, 6 * kUnit, 3000}}));
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}},
                                           {{p, 10 * kUnit}});
        LH_VERIFY_OK(so);
        QCOMPARE(linesOf(so.value().toMap()).first().value(QStringLiteral("price")).toInteger(), qint64(5000)); // list price
        const Reply short_ = erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm"));
        LH_VERIFY_ERROR(short_, ErrorCode::InsufficientStock);
        const QCborMap line = short_.error().details().value(QStringLiteral("lines")).toArray().first().toMap();
        QCOMPARE(line.value(QStringLiteral("on_hand")).toInteger(), 6 * kUnit);
        QCOMPARE(line.value(QStringLiteral("available")).toInteger(), 6 * kUnit);
        QVERIFY(!line.value(QStringLiteral("warehouses")).toArray().isEmpty());
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm"), M{{QStringLiteral("allow_backorder"), true}}));
        LH_VERIFY_ERROR(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("deliver")), ErrorCode::InsufficientStock);
        const qint64 lineId = linesOf(erp->get(QStringLiteral("sales_order"), idOf(so))).first().value(QStringLiteral("id")).toInteger();
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("deliver"),
                                 M{{QStringLiteral("lines"), A{M{{QStringLiteral("line_id"), lineId}, {QStringLiteral("quantity"), 6 * kUnit}}}}}));
        QCborMap order = erp->get(QStringLiteral("sales_order"), idOf(so));
        QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        QCOMPARE(order.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("partial"));
        QCOMPARE(linesOf(order).first().value(QStringLiteral("line_status")).toString(), QStringLiteral("partial"));
        QVERIFY(erp->buy(supplier, wh1, {{p, 4 * kUnit, 3000}}));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("deliver")));
        order = erp->get(QStringLiteral("sales_order"), idOf(so));
        QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(order.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("full"));
        QCOMPARE(erp->onHand(p, wh1), qint64(0));
        expectInvariants();
    }

    void reservationsAndCancel()
    {
        const qint64 p = erp->product(QStringLiteral("RS1"), s("电机"), 90000, 60000);
        QVERIFY(erp->buy(supplier, wh1, {{p, 5 * kUnit, 60000}}));
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}},
                                           {{p, 4 * kUnit}});
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm")));
        const Reply other = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}},
                                              {{p, 2 * kUnit}});
        LH_VERIFY_ERROR(erp->action(QStringLiteral("sales_order"), idOf(other), QStringLiteral("confirm")), ErrorCode::InsufficientStock); // 1 available
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("cancel")));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(other), QStringLiteral("confirm")));
        // Reopen returns a confirmed order to draft for changes.
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(other), QStringLiteral("reopen")));
        QCOMPARE(erp->get(QStringLiteral("sales_order"), idOf(other)).value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        expectInvariants();
    }

    void overReceiptToleranceAndReturns()
    {
        const qint64 p = erp->product(QStringLiteral("OR1"), s("铜线"), 1000, 500);
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), wh1}},
                                           {{p, 10 * kUnit, 500}});
        LH_VERIFY_OK(po);
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("confirm")));
        const qint64 lineId = linesOf(erp->get(QStringLiteral("purchase_order"), idOf(po))).first().value(QStringLiteral("id")).toInteger();
        auto receive = [&](qint64 q) {
            return erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("receive"),
                               M{{QStringLiteral("lines"), A{M{{QStringLiteral("line_id"), lineId}, {QStringLiteral("quantity"), q}}}}});
        };
        const Reply over = receive(12 * kUnit); // 10% tolerance allows 11
        LH_VERIFY_ERROR(over, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(over), QStringList{QStringLiteral("quantity:over_receipt")});
        QCOMPARE(erp->onHand(p, wh1), qint64(0));
        LH_VERIFY_OK(receive(11 * kUnit));
        QCOMPARE(erp->get(QStringLiteral("purchase_order"), idOf(po)).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        // Return 2 to the supplier: they leave at the cost they came in at.
        const Reply ret = admin->call(QStringLiteral("data.save"),
                                      M{{QStringLiteral("entity"), QStringLiteral("purchase_return")},
                                        {QStringLiteral("changes"), M{{QStringLiteral("order_id"), idOf(po)}, {QStringLiteral("warehouse_id"), wh1},
                                                                      {QStringLiteral("reason"), s("质量不合格")}}},
                                        {QStringLiteral("lines"), A{M{{QStringLiteral("order_line_id"), lineId}, {QStringLiteral("quantity"), 2 * kUnit}}}}});
        LH_VERIFY_OK(ret);
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_return"), idOf(ret), QStringLiteral("post")));
        QCOMPARE(linesOf(erp->get(QStringLiteral("purchase_return"), idOf(ret))).first().value(QStringLiteral("cost")).toInteger(), qint64(1000));
        QCOMPARE(erp->onHand(p, wh1), 9 * kUnit);
        expectInvariants();
    }

    void transfersCarryTheirCost()
    {
        const qint64 p = erp->product(QStringLiteral("TR1"), s("钢板"), 10000, 7000);
        QVERIFY(erp->buy(supplier, wh1, {{p, 4 * kUnit, 7000}}));
        const qint64 loc = erp->location(wh1, QStringLiteral("A-01"));
        const Reply t = erp->saveDocument(QStringLiteral("stock_transfer"), M{{QStringLiteral("from_warehouse_id"), wh1}, {QStringLiteral("to_warehouse_id"), wh2}},
                                          {{p, 3 * kUnit}});
        LH_VERIFY_OK(t);
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_transfer"), idOf(t), QStringLiteral("post")));
        QCOMPARE(erp->onHand(p, wh1), 1 * kUnit);
        QCOMPARE(erp->onHand(p, wh2), 3 * kUnit);
        QCOMPARE(erp->value(p, wh2), qint64(21000));
        // Within a warehouse: to a location, value unchanged.
        const Reply within = admin->call(QStringLiteral("data.save"),
                                         M{{QStringLiteral("entity"), QStringLiteral("stock_transfer")},
                                           {QStringLiteral("changes"), M{{QStringLiteral("from_warehouse_id"), wh1}, {QStringLiteral("to_warehouse_id"), wh1}}},
                                           {QStringLiteral("lines"), A{M{{QStringLiteral("product_id"), p}, {QStringLiteral("quantity"), kUnit},
                                                                         {QStringLiteral("to_location_id"), loc}}}}});
        LH_VERIFY_OK(within);
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_transfer"), idOf(within), QStringLiteral("post")));
        QCOMPARE(erp->onHand(p, wh1), 1 * kUnit);
        QCOMPARE(erp->value(p, wh1), qint64(7000));
        // Moving goods around is not selling them: the steel plate left in WH1 is
        // still slow-moving (never sold), transfers notwithstanding.
        const Reply slow = admin->call(QStringLiteral("inventory.slow_moving"), M{{QStringLiteral("days"), 1}, {QStringLiteral("warehouse_id"), wh1}});
        LH_VERIFY_OK(slow);
        QStringList codes;
        for (const auto &row : test::rowsOf(slow)) codes << row.value(QStringLiteral("code")).toString();
        QVERIFY2(codes.contains(QStringLiteral("TR1")), qPrintable(codes.join(u',')));
        expectInvariants();
    }

    void stockCountPostsVariances()
    {
        const qint64 p1 = erp->product(QStringLiteral("CT1"), s("盘点甲"), 100, 100);
        const qint64 p2 = erp->product(QStringLiteral("CT2"), s("盘点乙"), 100, 250);
        QVERIFY(erp->buy(supplier, wh2, {{p1, 10 * kUnit, 100}, {p2, 5 * kUnit, 250}}));
        const Reply count = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("stock_count")},
                                                                       {QStringLiteral("changes"), M{{QStringLiteral("warehouse_id"), wh2}}}});
        LH_VERIFY_OK(count);
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_count"), idOf(count), QStringLiteral("start")));
        QCborMap doc = erp->get(QStringLiteral("stock_count"), idOf(count));
        QCborArray changed;
        for (const QCborMap &l : linesOf(doc)) {
            const qint64 product = l.value(QStringLiteral("product_id")).toInteger();
            if (product == p1) changed.append(M{{QStringLiteral("id"), l.value(QStringLiteral("id"))}, {QStringLiteral("version"), l.value(QStringLiteral("version"))},
                                                {QStringLiteral("counted_qty"), 8 * kUnit}});
            if (product == p2) changed.append(M{{QStringLiteral("id"), l.value(QStringLiteral("id"))}, {QStringLiteral("version"), l.value(QStringLiteral("version"))},
                                                {QStringLiteral("counted_qty"), 6 * kUnit}});
        }
        QCOMPARE(changed.size(), 2);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("stock_count")}, {QStringLiteral("id"), idOf(count)},
                                                                {QStringLiteral("version"), doc.value(QStringLiteral("version"))},
                                                                {QStringLiteral("lines"), changed}}));
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_count"), idOf(count), QStringLiteral("post")));
        QCOMPARE(erp->onHand(p1, wh2), 8 * kUnit);
        QCOMPARE(erp->onHand(p2, wh2), 6 * kUnit);
        // −2 × ¥1.00 + 1 × ¥2.50 = +¥0.50
        QCOMPARE(erp->get(QStringLiteral("stock_count"), idOf(count)).value(QStringLiteral("variance_value")).toInteger(), qint64(50));
        expectInvariants();
    }

    void negativeStockOnlyWhereAllowed()
    {
        const qint64 p = erp->product(QStringLiteral("NEG1"), s("负库存测试"), 1000, 500);
        QVERIFY(!erp->sell(customer, wh1, {{p, kUnit}}));
        QCOMPARE(erp->onHand(p, wh1), qint64(0));
        // The warehouse that allows it goes below zero; a later receipt fills the gap first.
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), whNeg}},
                                           {{p, 3 * kUnit}});
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm"), M{{QStringLiteral("allow_backorder"), true}}));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("deliver")));
        QCOMPARE(erp->onHand(p, whNeg), -3 * kUnit);
        expectInvariants();
        QVERIFY(erp->buy(supplier, whNeg, {{p, 5 * kUnit, 500}}));
        QCOMPARE(erp->onHand(p, whNeg), 2 * kUnit);
        QCOMPARE(erp->value(p, whNeg), qint64(1000)); // only the 2 above zero are stock value
        expectInvariants();
    }

    // The stock ledger is append-only: the generic calls (data.save creating or
    // changing a row, data.remove, data.import) are refused on its tables even
    // for the administrator, and the rows stay as they were.
    void ledgerIsWrittenByItsModuleOnly()
    {
        const qint64 p = erp->product(QStringLiteral("LEDG1"), s("账本测试件"), 1000, 500);
        QVERIFY(erp->buy(supplier, wh1, {{p, 4 * kUnit, 500}}));
        const auto rows = [&](const QString &entity) {
            return test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), entity},
                                                                            {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("product_id"), p}},
                                                                            {QStringLiteral("sort"), QStringLiteral("id")}}));
        };
        for (const QString &entity : {QStringLiteral("stock_move"), QStringLiteral("stock_level"), QStringLiteral("stock_quant"), QStringLiteral("fifo_layer")}) {
            const QList<QCborMap> before = rows(entity);
            QVERIFY2(!before.isEmpty(), qPrintable(entity));
            const QCborValue rowId = before.first().value(QStringLiteral("id"));
            const M forged{{QStringLiteral("product_id"), p}, {QStringLiteral("warehouse_id"), wh1}, {QStringLiteral("quantity"), 99 * kUnit},
                           {QStringLiteral("on_hand"), 99 * kUnit}, {QStringLiteral("qty_left"), 99 * kUnit}, {QStringLiteral("cost_left"), 1}};
            LH_VERIFY_ERROR(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("changes"), forged}}),
                            ErrorCode::PermissionDenied);
            LH_VERIFY_ERROR(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("id"), rowId},
                                                                       {QStringLiteral("version"), 1}, {QStringLiteral("changes"), forged}}),
                            ErrorCode::PermissionDenied);
            LH_VERIFY_ERROR(admin->call(QStringLiteral("data.remove"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("id"), rowId}, {QStringLiteral("version"), 1}}),
                            ErrorCode::PermissionDenied);
            const Reply imported = admin->call(QStringLiteral("data.import"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("rows"), A{forged}}});
            if (imported.isOk()) { // refused row by row
                const QCborMap answer = imported.value().toMap();
                QCOMPARE(answer.value(QStringLiteral("created")).toInteger() + answer.value(QStringLiteral("updated")).toInteger(), qint64(0));
                QCOMPARE(CallError::fromCbor(answer.value(QStringLiteral("errors")).toArray().first().toMap().value(QStringLiteral("error")).toMap()).code(),
                         ErrorCode::PermissionDenied);
            } else {
                LH_VERIFY_ERROR(imported, ErrorCode::PermissionDenied);
            }
            QCOMPARE(rows(entity), before);
        }
        QCOMPARE(erp->onHand(p, wh1), 4 * kUnit);
        expectInvariants();
    }

    void scansAreCheckedUndoneAndReplayedOnce()
    {
        const qint64 p = erp->product(QStringLiteral("SC1"), s("扫码商品"), 1000, 600, QStringLiteral("6901234567892"));
        const qint64 other = erp->product(QStringLiteral("SC2"), s("别的商品"), 1000, 600, QStringLiteral("6901234567908"));
        QVERIFY(other);
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), wh1}},
                                           {{p, 2 * kUnit, 600}});
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("confirm")));
        const Reply task = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("receive")}, {QStringLiteral("order_id"), idOf(po)}});
        LH_VERIFY_OK(task);
        const qint64 receipt = task.value().toMap().value(QStringLiteral("id")).toInteger();
        QCOMPARE(task.value().toMap().value(QStringLiteral("expected_total")).toInteger(), 2 * kUnit);
        auto scan = [&](const QString &barcode, const QString &key, qint64 qty = kUnit) {
            return admin->call(QStringLiteral("inventory.scan"),
                               M{{QStringLiteral("doc_type"), QStringLiteral("purchase_receipt")}, {QStringLiteral("doc_id"), receipt},
                                 {QStringLiteral("barcode"), barcode}, {QStringLiteral("quantity"), qty}},
                               key);
        };
        LH_VERIFY_ERROR(scan(QStringLiteral("0000000000000"), QStringLiteral("k0")), ErrorCode::NotFound);
        QCOMPARE(test::problemsOf(scan(QStringLiteral("6901234567908"), QStringLiteral("k1"))), QStringList{QStringLiteral("barcode:not_on_order")});
        Reply first = scan(QStringLiteral("6901234567892"), QStringLiteral("scan-A"));
        LH_VERIFY_OK(first);
        QCOMPARE(first.value().toMap().value(QStringLiteral("scanned_total")).toInteger(), kUnit);
        {
            // A clerk whose scope is their own receipts cannot see or scan into another's.
            QString error;
            const QList<test::Grant> own = {{QStringLiteral("purchase_receipt"), QStringLiteral("read"), QStringLiteral("own")},
                                            {QStringLiteral("purchase_receipt"), QStringLiteral("write"), QStringLiteral("own")},
                                            {QStringLiteral("product"), QStringLiteral("read")}};
            QVERIFY2(test::createUser(*admin, QStringLiteral("clerk_own"), QString::fromLatin1(test::kUserPassword), QStringLiteral("clerk_own"), own, {}, &error),
                     qPrintable(error));
            auto clerk = server.login(QStringLiteral("clerk_own"), QString::fromLatin1(test::kUserPassword));
            QVERIFY(clerk);
            const M target{{QStringLiteral("doc_type"), QStringLiteral("purchase_receipt")}, {QStringLiteral("doc_id"), receipt}};
            M scanArgs = target;
            scanArgs.insert(QStringLiteral("barcode"), QStringLiteral("6901234567892"));
            LH_VERIFY_ERROR(clerk->call(QStringLiteral("inventory.scan"), scanArgs), ErrorCode::NotFound);
            LH_VERIFY_ERROR(clerk->call(QStringLiteral("inventory.undo_scan"), target), ErrorCode::NotFound);
            LH_VERIFY_ERROR(clerk->call(QStringLiteral("inventory.task"), target), ErrorCode::NotFound);
            const M missing{{QStringLiteral("doc_type"), QStringLiteral("purchase_receipt")}, {QStringLiteral("doc_id"), 999999}};
            LH_VERIFY_ERROR(admin->call(QStringLiteral("inventory.undo_scan"), missing), ErrorCode::NotFound);
            LH_VERIFY_ERROR(admin->call(QStringLiteral("inventory.task"), missing), ErrorCode::NotFound);
            const Reply unchanged = admin->call(QStringLiteral("inventory.task"), target);
            QCOMPARE(unchanged.value().toMap().value(QStringLiteral("scanned_total")).toInteger(), kUnit);
        }
        // The same scan replayed (offline queue) is applied once.
        const Reply replay = scan(QStringLiteral("6901234567892"), QStringLiteral("scan-A"));
        LH_VERIFY_OK(replay);
        QVERIFY(replay.value().toMap().value(QStringLiteral("replayed")).toBool());
        QCOMPARE(erp->get(QStringLiteral("purchase_receipt"), receipt)
                     .value(QStringLiteral("lines")).toArray().first().toMap().value(QStringLiteral("quantity")).toInteger(), kUnit);
        LH_VERIFY_OK(scan(QStringLiteral("6901234567892"), QStringLiteral("scan-B")));
        const Reply tooMany = scan(QStringLiteral("6901234567892"), QStringLiteral("scan-C"), 5 * kUnit);
        QCOMPARE(test::problemsOf(tooMany), QStringList{QStringLiteral("barcode:over_receipt")});
        const Reply undone = admin->call(QStringLiteral("inventory.undo_scan"), M{{QStringLiteral("doc_type"), QStringLiteral("purchase_receipt")},
                                                                                   {QStringLiteral("doc_id"), receipt}});
        LH_VERIFY_OK(undone);
        QCOMPARE(undone.value().toMap().value(QStringLiteral("scanned_total")).toInteger(), kUnit);
        QCOMPARE(erp->onHand(p, wh1), qint64(0)); // scans post nothing
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_receipt"), receipt, QStringLiteral("post")));
        QCOMPARE(erp->onHand(p, wh1), kUnit);
        QCOMPARE(erp->get(QStringLiteral("purchase_order"), idOf(po)).value(QStringLiteral("receipt_status")).toString(), QStringLiteral("partial"));
        expectInvariants();
    }

    // Picking by scanning prices the delivery as a delivery saved by hand: each
    // line at its order line's price, the total on the header; the sales summary
    // then nets a partial return against real amounts.
    void pickByScanningPricesTheDelivery()
    {
        const qint64 p = erp->product(QStringLiteral("PK1"), s("扫码拣货商品"), 2500, 1500);
        QVERIFY(erp->buy(supplier, wh1, {{p, 10 * kUnit, 1500}}));
        // Sold at ¥24.00, below the list price: the order's price is what counts.
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}},
                                           {{p, 6 * kUnit, 2400}});
        LH_VERIFY_OK(so);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm")));
        const Reply task = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("pick")}, {QStringLiteral("order_id"), idOf(so)}});
        LH_VERIFY_OK(task);
        const qint64 delivery = idOf(task);
        QCOMPARE(task.value().toMap().value(QStringLiteral("expected_total")).toInteger(), 6 * kUnit);
        auto scan = [&](qint64 qty) {
            return admin->call(QStringLiteral("inventory.scan"), M{{QStringLiteral("doc_type"), QStringLiteral("delivery")}, {QStringLiteral("doc_id"), delivery},
                                                                  {QStringLiteral("barcode"), QStringLiteral("PK1")}, {QStringLiteral("quantity"), qty}});
        };
        auto amounts = [&] {
            const QCborMap d = erp->get(QStringLiteral("delivery"), delivery);
            return std::pair{d.value(QStringLiteral("amount_total")).toInteger(-1), linesOf(d).value(0).value(QStringLiteral("amount")).toInteger(-1)};
        };
        LH_VERIFY_OK(scan(2 * kUnit));
        QCOMPARE(amounts(), std::pair(qint64(4800), qint64(4800)));
        LH_VERIFY_OK(scan(3 * kUnit));
        QCOMPARE(amounts(), std::pair(qint64(12000), qint64(12000)));
        LH_VERIFY_OK(admin->call(QStringLiteral("inventory.undo_scan"), M{{QStringLiteral("doc_type"), QStringLiteral("delivery")}, {QStringLiteral("doc_id"), delivery}}));
        QCOMPARE(amounts(), std::pair(qint64(4800), qint64(4800)));
        LH_VERIFY_OK(scan(2 * kUnit));
        LH_VERIFY_OK(erp->action(QStringLiteral("delivery"), delivery, QStringLiteral("post")));
        // 4 × ¥24.00 = ¥96.00; cost 4 × ¥15.00 = ¥60.00.
        const QCborMap posted = erp->get(QStringLiteral("delivery"), delivery);
        QCOMPARE(posted.value(QStringLiteral("amount_total")).toInteger(), qint64(9600));
        const QCborMap line = linesOf(posted).first();
        QCOMPARE(line.value(QStringLiteral("quantity")).toInteger(), 4 * kUnit);
        QCOMPARE(line.value(QStringLiteral("amount")).toInteger(), qint64(9600));
        QCOMPARE(line.value(QStringLiteral("cost")).toInteger(), qint64(6000));
        QCOMPARE(erp->get(QStringLiteral("sales_order"), idOf(so)).value(QStringLiteral("delivery_status")).toString(), QStringLiteral("partial"));

        // One comes back: ¥24.00 of sales and ¥15.00 of cost return with it.
        const Reply ret = admin->call(QStringLiteral("data.save"),
                                      M{{QStringLiteral("entity"), QStringLiteral("sales_return")},
                                        {QStringLiteral("changes"), M{{QStringLiteral("order_id"), idOf(so)}, {QStringLiteral("warehouse_id"), wh1},
                                                                      {QStringLiteral("reason"), s("客户多订")}}},
                                        {QStringLiteral("lines"), A{M{{QStringLiteral("delivery_line_id"), line.value(QStringLiteral("id"))},
                                                                      {QStringLiteral("quantity"), kUnit}}}}});
        LH_VERIFY_OK(ret);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_return"), idOf(ret), QStringLiteral("post")));
        bool found = false;
        for (const auto &row : test::rowsOf(admin->call(QStringLiteral("sales.summary"), M{{QStringLiteral("group_by"), QStringLiteral("product")}})))
            if (row.value(QStringLiteral("key")).toString() == QLatin1String("PK1")) {
                found = true;
                QCOMPARE(row.value(QStringLiteral("quantity")).toInteger(), 3 * kUnit);
                QCOMPARE(row.value(QStringLiteral("amount")).toInteger(), qint64(9600 - 2400));
                QCOMPARE(row.value(QStringLiteral("cost")).toInteger(), qint64(6000 - 1500));
                QCOMPARE(row.value(QStringLiteral("margin")).toInteger(), qint64(7200 - 4500));
            }
        QVERIFY(found);
        expectInvariants();
    }

    // A partly shipped order can be neither cancelled nor reopened; closing it
    // releases what it still held and ends it, once no pick is under way.
    void closingAPartlyShippedOrder()
    {
        const qint64 p = erp->product(QStringLiteral("CL1"), s("关闭余量商品"), 1000, 500);
        QVERIFY(erp->buy(supplier, wh1, {{p, 5 * kUnit, 500}}));
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}},
                                           {{p, 8 * kUnit}});
        LH_VERIFY_OK(so);
        const qint64 order = idOf(so);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), order, QStringLiteral("confirm"), M{{QStringLiteral("allow_backorder"), true}}));
        LH_VERIFY_ERROR(erp->action(QStringLiteral("sales_order"), order, QStringLiteral("close")), ErrorCode::InvalidState); // nothing shipped: cancel
        const qint64 lineId = linesOf(erp->get(QStringLiteral("sales_order"), order)).first().value(QStringLiteral("id")).toInteger();
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), order, QStringLiteral("deliver"),
                                 M{{QStringLiteral("lines"), A{M{{QStringLiteral("line_id"), lineId}, {QStringLiteral("quantity"), 5 * kUnit}}}}}));
        auto reserved = [&] {
            for (const auto &r : test::rowsOf(admin->call(QStringLiteral("inventory.availability"), M{{QStringLiteral("product_ids"), A{p}}})))
                if (r.value(QStringLiteral("warehouse_id")).toInteger() == wh1) return r.value(QStringLiteral("reserved")).toInteger();
            return qint64(-1);
        };
        QCOMPARE(reserved(), 3 * kUnit); // the backorder
        LH_VERIFY_ERROR(erp->action(QStringLiteral("sales_order"), order, QStringLiteral("cancel")), ErrorCode::InvalidState);
        LH_VERIFY_ERROR(erp->action(QStringLiteral("sales_order"), order, QStringLiteral("reopen")), ErrorCode::InvalidState);
        QVERIFY(erp->get(QStringLiteral("sales_order"), order).value(QStringLiteral("actions")).toArray().contains(QCborValue(QStringLiteral("close"))));

        // A pick under way holds the order open.
        const Reply pick = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("pick")}, {QStringLiteral("order_id"), order}});
        LH_VERIFY_OK(pick);
        const Reply held = erp->action(QStringLiteral("sales_order"), order, QStringLiteral("close"));
        LH_VERIFY_ERROR(held, ErrorCode::InvalidState);
        QCOMPARE(held.error().details().value(QStringLiteral("delivery")).toString(), pick.value().toMap().value(QStringLiteral("number")).toString());
        LH_VERIFY_OK(erp->action(QStringLiteral("delivery"), idOf(pick), QStringLiteral("cancel")));

        const Reply closed = erp->action(QStringLiteral("sales_order"), order, QStringLiteral("close"));
        LH_VERIFY_OK(closed);
        QCOMPARE(closed.value().toMap().value(QStringLiteral("action_result")).toMap().value(QStringLiteral("closed_qty")).toInteger(), 3 * kUnit);
        const QCborMap after = erp->get(QStringLiteral("sales_order"), order);
        QCOMPARE(after.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(after.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("partial"));
        QCOMPARE(linesOf(after).first().value(QStringLiteral("line_status")).toString(), QStringLiteral("closed"));
        QCOMPARE(linesOf(after).first().value(QStringLiteral("delivered_qty")).toInteger(), 5 * kUnit);
        QCOMPARE(reserved(), qint64(0));
        expectInvariants();

        // A draft picked for an order cancelled meanwhile cannot ship against it.
        QVERIFY(erp->buy(supplier, wh1, {{p, 2 * kUnit, 500}}));
        const Reply other = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}},
                                              {{p, 2 * kUnit}});
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(other), QStringLiteral("confirm")));
        const Reply late = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("pick")}, {QStringLiteral("order_id"), idOf(other)}});
        LH_VERIFY_OK(late);
        LH_VERIFY_OK(admin->call(QStringLiteral("inventory.scan"), M{{QStringLiteral("doc_type"), QStringLiteral("delivery")}, {QStringLiteral("doc_id"), idOf(late)},
                                                                    {QStringLiteral("barcode"), QStringLiteral("CL1")}, {QStringLiteral("quantity"), 2 * kUnit}}));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(other), QStringLiteral("cancel")));
        const Reply refused = erp->action(QStringLiteral("delivery"), idOf(late), QStringLiteral("post"));
        LH_VERIFY_ERROR(refused, ErrorCode::InvalidState);
        QCOMPARE(test::problemsOf(refused), QStringList{QStringLiteral("order_id:not_confirmed")});
        QCOMPARE(erp->onHand(p, wh1), 2 * kUnit);
        expectInvariants();
    }

    // Location first (UX scan entry 8): a receipt puts away to the scanned
    // location; a transfer needs its source before the goods and their
    // destination after; a count needs its location; wrong locations and goods
    // that are not there are refused and change nothing; Ctrl+Z undoes a
    // location scan like any other.
    void scansGoLocationFirst()
    {
        const qint64 whA = erp->warehouse(QStringLiteral("WLA"));
        const qint64 whB = erp->warehouse(QStringLiteral("WLB"));
        const qint64 a1 = erp->location(whA, QStringLiteral("LA-01"));
        const qint64 a2 = erp->location(whA, QStringLiteral("LA-02"));
        const qint64 b1 = erp->location(whB, QStringLiteral("LB-01"));
        QVERIFY(a1 && a2 && b1);
        const qint64 p = erp->product(QStringLiteral("LF1"), s("库位商品"), 1000, 600);
        auto call = [&](const QString &name, const QString &docType, qint64 doc, const QCborMap &extra = {}) {
            QCborMap args = extra;
            args.insert(QStringLiteral("doc_type"), docType);
            args.insert(QStringLiteral("doc_id"), doc);
            return admin->call(name, args);
        };
        auto scanInto = [&](const QString &docType, qint64 doc, const QString &barcode, qint64 qty = kUnit) {
            return call(QStringLiteral("inventory.scan"), docType, doc, M{{QStringLiteral("barcode"), barcode}, {QStringLiteral("quantity"), qty}});
        };
        auto quantAt = [&](qint64 warehouse, qint64 location) {
            qint64 total = 0;
            for (const auto &r : test::rowsOf(admin->call(QStringLiteral("data.query"),
                                                          M{{QStringLiteral("entity"), QStringLiteral("stock_quant")},
                                                            {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("product_id"), p}}})))
                if (r.value(QStringLiteral("warehouse_id")).toInteger() == warehouse && r.value(QStringLiteral("location_id")).toInteger() == location)
                    total += r.value(QStringLiteral("quantity")).toInteger();
            return total;
        };

        // Receipt: an optional put-away location, checked against the warehouse.
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), whA}},
                                           {{p, 5 * kUnit, 600}});
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("confirm")));
        const Reply rt = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("receive")}, {QStringLiteral("order_id"), idOf(po)}});
        LH_VERIFY_OK(rt);
        const qint64 receipt = idOf(rt);
        QCOMPARE(rt.value().toMap().value(QStringLiteral("location_required")).toBool(), false);
        QCOMPARE(test::problemsOf(scanInto(QStringLiteral("purchase_receipt"), receipt, QStringLiteral("LOC-LB-01"))), QStringList{QStringLiteral("barcode:wrong_location")});
        const Reply putaway = scanInto(QStringLiteral("purchase_receipt"), receipt, QStringLiteral("loc-la-01"));
        LH_VERIFY_OK(putaway);
        QCOMPARE(putaway.value().toMap().value(QStringLiteral("location_scan")).toMap().value(QStringLiteral("role")).toString(), QStringLiteral("putaway"));
        QCOMPARE(putaway.value().toMap().value(QStringLiteral("location")).toMap().value(QStringLiteral("code")).toString(), QStringLiteral("LA-01"));
        LH_VERIFY_OK(scanInto(QStringLiteral("purchase_receipt"), receipt, QStringLiteral("LF1"), 5 * kUnit));
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_receipt"), receipt, QStringLiteral("post")));
        QCOMPARE(quantAt(whA, a1), 5 * kUnit);

        // Transfer: source location, goods, destination location.
        const Reply tt = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("transfer")},
                                                                             {QStringLiteral("warehouse_id"), whA}, {QStringLiteral("to_warehouse_id"), whB}});
        LH_VERIFY_OK(tt);
        const qint64 transfer = idOf(tt);
        const QString tr = QStringLiteral("stock_transfer");
        QCOMPARE(tt.value().toMap().value(QStringLiteral("location_required")).toBool(), true);
        QCOMPARE(test::problemsOf(scanInto(tr, transfer, QStringLiteral("LF1"))), QStringList{QStringLiteral("barcode:location_first")});
        QCOMPARE(test::problemsOf(scanInto(tr, transfer, QStringLiteral("LOC-LB-01"))), QStringList{QStringLiteral("barcode:wrong_location")});
        LH_VERIFY_OK(scanInto(tr, transfer, QStringLiteral("LOC-LA-02")));
        const Reply notThere = scanInto(tr, transfer, QStringLiteral("LF1"));
        QCOMPARE(test::problemsOf(notThere), QStringList{QStringLiteral("barcode:wrong_location")});
        QCOMPARE(notThere.error().fields().first().extra.value(QStringLiteral("location")).toString(), QStringLiteral("LA-02"));
        // Undo takes back the LA-02 scan: a location is needed again.
        const Reply undoSource = call(QStringLiteral("inventory.undo_scan"), tr, transfer);
        LH_VERIFY_OK(undoSource);
        QCOMPARE(undoSource.value().toMap().value(QStringLiteral("location_required")).toBool(), true);
        LH_VERIFY_OK(scanInto(tr, transfer, QStringLiteral("LOC-LA-01")));
        QCOMPARE(test::problemsOf(scanInto(tr, transfer, QStringLiteral("LF1"), 6 * kUnit)), QStringList{QStringLiteral("barcode:not_in_stock")});
        const Reply goods = scanInto(tr, transfer, QStringLiteral("LF1"), 2 * kUnit);
        LH_VERIFY_OK(goods);
        QCOMPARE(goods.value().toMap().value(QStringLiteral("awaiting_destination")).toInteger(), 1);
        QCOMPARE(linesOf(goods.value().toMap()).first().value(QStringLiteral("location")).toString(), QStringLiteral("LA-01"));
        // With goods waiting, a location is their destination: it must be in the receiving warehouse.
        QCOMPARE(test::problemsOf(scanInto(tr, transfer, QStringLiteral("LOC-LA-02"))), QStringList{QStringLiteral("barcode:wrong_location")});
        Reply placed = scanInto(tr, transfer, QStringLiteral("LOC-LB-01"));
        LH_VERIFY_OK(placed);
        QCOMPARE(placed.value().toMap().value(QStringLiteral("location_scan")).toMap().value(QStringLiteral("placed")).toInteger(), 1);
        QCOMPARE(placed.value().toMap().value(QStringLiteral("awaiting_destination")).toInteger(), 0);
        QCOMPARE(linesOf(placed.value().toMap()).first().value(QStringLiteral("to_location")).toString(), QStringLiteral("LB-01"));
        // A destination ends the round: the next goods need their source again.
        QCOMPARE(placed.value().toMap().value(QStringLiteral("location_required")).toBool(), true);
        const Reply undoDestination = call(QStringLiteral("inventory.undo_scan"), tr, transfer);
        LH_VERIFY_OK(undoDestination);
        QCOMPARE(undoDestination.value().toMap().value(QStringLiteral("awaiting_destination")).toInteger(), 1);
        QVERIFY(!linesOf(undoDestination.value().toMap()).first().contains(QStringLiteral("to_location")));
        LH_VERIFY_OK(scanInto(tr, transfer, QStringLiteral("LOC-LB-01")));
        QCOMPARE(quantAt(whA, a1), 5 * kUnit); // scans post nothing
        LH_VERIFY_OK(erp->action(tr, transfer, QStringLiteral("post")));
        QCOMPARE(quantAt(whA, a1), 3 * kUnit);
        QCOMPARE(quantAt(whB, b1), 2 * kUnit);

        // Count: the location first, then what is counted there.
        const Reply ct = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("count")}, {QStringLiteral("warehouse_id"), whA}});
        LH_VERIFY_OK(ct);
        const qint64 count = idOf(ct);
        QCOMPARE(test::problemsOf(scanInto(QStringLiteral("stock_count"), count, QStringLiteral("LF1"))), QStringList{QStringLiteral("barcode:location_first")});
        QCOMPARE(test::problemsOf(scanInto(QStringLiteral("stock_count"), count, QStringLiteral("LOC-LB-01"))), QStringList{QStringLiteral("barcode:wrong_location")});
        LH_VERIFY_OK(scanInto(QStringLiteral("stock_count"), count, QStringLiteral("LOC-LA-01")));
        const Reply counted = scanInto(QStringLiteral("stock_count"), count, QStringLiteral("LF1"), 3 * kUnit);
        LH_VERIFY_OK(counted);
        bool found = false;
        for (const QCborMap &l : linesOf(counted.value().toMap()))
            if (l.value(QStringLiteral("location")).toString() == QLatin1String("LA-01")) {
                found = true;
                QCOMPARE(l.value(QStringLiteral("expected")).toInteger(), 3 * kUnit);
                QCOMPARE(l.value(QStringLiteral("scanned")).toInteger(), 3 * kUnit);
            }
        QVERIFY(found);
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_count"), count, QStringLiteral("cancel")));
        expectInvariants();
    }

    void reorderAlertsReachPurchasers()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("buyer1"), QString::fromLatin1(test::kUserPassword), QStringLiteral("buyer"),
                                  {{QStringLiteral("purchase_requisition"), QStringLiteral("*")}, {QStringLiteral("reorder_alert"), QStringLiteral("read")},
                                   {QStringLiteral("product"), QStringLiteral("read")}},
                                  {}, &error),
                 qPrintable(error));
        auto buyer = server.login(QStringLiteral("buyer1"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(buyer);
        const qint64 p = erp->product(QStringLiteral("RO1"), s("安全库存商品"), 1000, 500, QString(), 5 * kUnit);
        QVERIFY(erp->buy(supplier, wh1, {{p, 8 * kUnit, 500}}));
        QVERIFY(erp->sell(customer, wh1, {{p, 4 * kUnit}})); // 4 left, below 5
        QCborMap alert;
        QVERIFY(buyer->waitForEvent(QStringLiteral("inventory.reorder"), 5000, &alert));
        QCOMPARE(alert.value(QStringLiteral("product_id")).toInteger(), p);
        QCOMPARE(alert.value(QStringLiteral("available")).toInteger(), 4 * kUnit);
        QCOMPARE(alert.value(QStringLiteral("suggested_qty")).toInteger(), 6 * kUnit);
        const Reply req = buyer->call(QStringLiteral("inventory.requisition_from_alerts"), M{{QStringLiteral("alert_ids"), A{alert.value(QStringLiteral("alert_id"))}}});
        LH_VERIFY_OK(req);
        const QCborMap requisition = erp->get(QStringLiteral("purchase_requisition"), req.value().toMap().value(QStringLiteral("requisition_id")).toInteger());
        QCOMPARE(requisition.value(QStringLiteral("source")).toString(), QStringLiteral("reorder"));
        QCOMPARE(linesOf(requisition).first().value(QStringLiteral("quantity")).toInteger(), 6 * kUnit);
        // One alert per shortage, not one per sale.
        QVERIFY(erp->sell(customer, wh1, {{p, kUnit}}));
        QVERIFY(!buyer->waitForEvent(QStringLiteral("inventory.reorder"), 500));

        // One sale lowering several products (read together): each watched one
        // that falls below its safety stock gets an alert, the unwatched none.
        const qint64 a = erp->product(QStringLiteral("RO2"), s("安全库存甲"), 1000, 500, QString(), 3 * kUnit);
        const qint64 b = erp->product(QStringLiteral("RO3"), s("安全库存乙"), 1000, 500, QString(), 3 * kUnit);
        const qint64 c = erp->product(QStringLiteral("RO4"), s("无安全库存"), 1000, 500);
        QVERIFY(erp->buy(supplier, wh1, {{a, 5 * kUnit, 500}, {b, 5 * kUnit, 500}, {c, 5 * kUnit, 500}}));
        QVERIFY(erp->sell(customer, wh1, {{a, 3 * kUnit}, {b, 3 * kUnit}, {c, 5 * kUnit}}));
        QSet<qint64> alerted;
        for (int i = 0; i < 2; ++i) {
            QCborMap event;
            QVERIFY(buyer->waitForEvent(QStringLiteral("inventory.reorder"), 5000, &event));
            alerted << event.value(QStringLiteral("product_id")).toInteger();
        }
        QCOMPARE(alerted, (QSet<qint64>{a, b}));
        QVERIFY(!buyer->waitForEvent(QStringLiteral("inventory.reorder"), 300));
    }

    void concurrentSellersOfTheLastUnits()
    {
        const qint64 p = erp->product(QStringLiteral("LAST1"), s("最后几件"), 1000, 500);
        QVERIFY(erp->buy(supplier, wh1, {{p, 20 * kUnit, 500}}));
        std::vector<std::unique_ptr<client::SyncClient>> clients;
        for (int i = 0; i < 16; ++i) {
            clients.push_back(server.admin());
            QVERIFY(clients.back());
        }
        int shipped = 0, refused = 0, other = 0, pending = 0;
        // Each client runs three orders of one unit, all at once: save, confirm, ship.
        std::function<void(client::Connection *, int)> sellOne = [&](client::Connection *c, int left) {
            if (left == 0) return;
            ++pending;
            c->call(QStringLiteral("data.save"),
                    M{{QStringLiteral("entity"), QStringLiteral("sales_order")},
                      {QStringLiteral("changes"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}}},
                      {QStringLiteral("lines"), A{M{{QStringLiteral("product_id"), p}, {QStringLiteral("quantity"), kUnit}}}}},
                    [&, c, left](const Reply &saved) {
                        if (!saved.isOk()) { ++other; --pending; return; }
                        const M doc = saved.value().toMap();
                        c->call(QStringLiteral("doc.action"),
                                M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), doc.value(QStringLiteral("id"))},
                                  {QStringLiteral("version"), doc.value(QStringLiteral("version"))}, {QStringLiteral("action"), QStringLiteral("confirm")}},
                                [&, c, left](const Reply &confirmed) {
                                    if (!confirmed.isOk()) {
                                        if (confirmed.error().code() == ErrorCode::InsufficientStock) ++refused;
                                        else ++other;
                                        --pending;
                                        sellOne(c, left - 1);
                                        return;
                                    }
                                    const M d = confirmed.value().toMap();
                                    c->call(QStringLiteral("doc.action"),
                                            M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), d.value(QStringLiteral("id"))},
                                              {QStringLiteral("version"), d.value(QStringLiteral("version"))}, {QStringLiteral("action"), QStringLiteral("deliver")}},
                                            [&, c, left](const Reply &delivered) {
                                                if (delivered.isOk()) ++shipped;
                                                else ++other;
                                                --pending;
                                                sellOne(c, left - 1);
                                            });
                                });
                    });
        };
        for (auto &c : clients) sellOne(&c->connection(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(pending == 0 && shipped + refused + other == 48, 120000);
        QCOMPARE(other, 0);
        QCOMPARE(shipped, 20);
        QCOMPARE(refused, 28);
        QCOMPARE(erp->onHand(p, wh1), qint64(0));
        const Reply moves = admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("stock_move")},
                                                                        {QStringLiteral("filter"), A{QStringLiteral("and"), A{QStringLiteral("eq"), QStringLiteral("product_id"), p},
                                                                                                     A{QStringLiteral("eq"), QStringLiteral("kind"), QStringLiteral("delivery")}}},
                                                                        {QStringLiteral("total"), true}});
        QCOMPARE(moves.value().toMap().value(QStringLiteral("total")).toInteger(), 20);
        expectInvariants();
    }

    // Two servers on one PostgreSQL database (on SQLite, two connections to the
    // one server a store has): shipping and cancelling one confirmed order at
    // the same moment. Writers take turns (the audit head's lock, and the
    // action's document is locked when loaded), so the second sees what the
    // first did: exactly one of them succeeds, and the stock and reservations
    // agree with the order either way.
    void shipAndCancelOfOneOrderTakeTurns()
    {
        TestServer second;
        const bool postgres = TestServer::backend() == QLatin1String("postgresql");
        if (postgres) {
            second.useDatabase(server.databaseUrl());
            QVERIFY2(second.start(), qPrintable(second.error()));
        }
        auto shipper = server.admin();
        auto canceller = postgres ? second.admin() : server.admin();
        QVERIFY(shipper && canceller);
        const qint64 p = erp->product(QStringLiteral("TURN1"), s("轮流商品"), 1000, 500);
        QVERIFY(erp->buy(supplier, wh1, {{p, 100 * kUnit, 500}}));
        int shipped = 0, cancelled = 0;
        for (int round = 0; round < 20; ++round) {
            const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}},
                                               {{p, kUnit, 1000}});
            LH_VERIFY_OK(so);
            LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm")));
            // Both as opened at the same version: the second finds it changed.
            const qint64 version = erp->get(QStringLiteral("sales_order"), idOf(so)).value(QStringLiteral("version")).toInteger();
            const auto act = [&](client::SyncClient &c, const QString &action, std::optional<Reply> *out) {
                c.connection().call(QStringLiteral("doc.action"),
                                    M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), idOf(so)},
                                      {QStringLiteral("version"), version}, {QStringLiteral("action"), action}},
                                    [out](const Reply &r) { *out = r; });
            };
            std::optional<Reply> ship, cancel;
            act(*shipper, QStringLiteral("deliver"), &ship);
            act(*canceller, QStringLiteral("cancel"), &cancel);
            QTRY_VERIFY_WITH_TIMEOUT(ship && cancel, 20000);
            QVERIFY2(ship->isOk() != cancel->isOk(), qPrintable(QStringLiteral("round %1: ship %2, cancel %3").arg(round)
                                                                   .arg(ship->isOk() ? QStringLiteral("ok") : ship->error().message(),
                                                                        cancel->isOk() ? QStringLiteral("ok") : cancel->error().message())));
            const Reply &refused = ship->isOk() ? *cancel : *ship;
            QCOMPARE(refused.error().code(), ErrorCode::Conflict);
            ship->isOk() ? ++shipped : ++cancelled;
            const QString state = erp->get(QStringLiteral("sales_order"), idOf(so)).value(QStringLiteral("state")).toString();
            QCOMPARE(state, ship->isOk() ? QStringLiteral("done") : QStringLiteral("cancelled"));
        }
        QCOMPARE(erp->onHand(p, wh1), (100 - shipped) * kUnit);
        qInfo("shipped %d, cancelled %d", shipped, cancelled);
        expectInvariants();
        if (postgres) second.stop();
    }

    void randomWorkKeepsTheLedgerExact()
    {
        QRandomGenerator rng(4242);
        QList<qint64> products;
        for (int i = 0; i < 4; ++i) products << erp->product(QStringLiteral("RND%1").arg(i), s("随机商品") + QString::number(i), 1000 + i * 100, 600 + i * 50);
        // One lot-tracked product: bought in lots, sold across them.
        const qint64 lotted = erp->product(QStringLiteral("RNDL"), s("随机批次商品"), 1500, 900);
        LH_VERIFY_OK(erp->update(QStringLiteral("product"), lotted, M{{QStringLiteral("lot_tracked"), true}}));
        products << lotted;
        const QList<qint64> warehouses = {wh1, wh2};
        QMap<QString, int> done;
        for (int step = 0; step < 90; ++step) {
            const qint64 p = products[int(rng.bounded(products.size()))];
            const qint64 w = warehouses[int(rng.bounded(2))];
            const qint64 q = (1 + rng.bounded(5)) * kUnit;
            switch (rng.bounded(8)) {
            case 0:
            case 1:
                if (p == lotted ? buyLot(p, w, q, 500 + qint64(rng.bounded(300)), QStringLiteral("R%1").arg(rng.bounded(3)), rng.bounded(400))
                                : erp->buy(supplier, w, {{p, q, 500 + qint64(rng.bounded(300))}}) != 0)
                    ++done[QStringLiteral("buy")];
                break;
            case 2:
                if (erp->sell(customer, w, {{p, q}})) ++done[QStringLiteral("sell")]; // may lack stock: refused whole
                break;
            case 3: {
                const Reply t = erp->saveDocument(QStringLiteral("stock_transfer"), M{{QStringLiteral("from_warehouse_id"), w},
                                                                                      {QStringLiteral("to_warehouse_id"), w == wh1 ? wh2 : wh1}},
                                                  {{p, q}});
                if (t.isOk() && erp->action(QStringLiteral("stock_transfer"), idOf(t), QStringLiteral("post")).isOk()) ++done[QStringLiteral("transfer")];
                break;
            }
            case 4:
                if (randomSalesReturn(p)) ++done[QStringLiteral("sales_return")];
                break;
            case 5:
                if (randomCount(rng, w)) ++done[QStringLiteral("count")];
                break;
            default:
                if (randomPurchaseReturn(p)) ++done[QStringLiteral("purchase_return")];
            }
            if (step % 30 == 29) expectInvariants();
        }
        qInfo() << "random work done:" << done;
        for (const char *kind : {"buy", "sell", "transfer", "sales_return", "count", "purchase_return"})
            QVERIFY2(done.value(QString::fromLatin1(kind)) > 0, kind);
        expectInvariants();
    }

    void reports()
    {
        const Reply onHand = admin->call(QStringLiteral("inventory.stock_on_hand"), M{{QStringLiteral("warehouse_id"), wh1}});
        LH_VERIFY_OK(onHand);
        // A column table, by product code, of this warehouse only, each row
        // as the ledger's stock level holds it.
        const QList<QCborMap> stock = test::rowsOf(onHand);
        QVERIFY(stock.size() >= 5);
        QCOMPARE(qsizetype(onHand.value().toMap().value(QStringLiteral("count")).toInteger()), stock.size());
        for (qsizetype i = 0; i < stock.size(); ++i) {
            const QCborMap &row = stock[i];
            QCOMPARE(row.value(QStringLiteral("warehouse_id")).toInteger(), wh1);
            QCOMPARE(row.value(QStringLiteral("available")).toInteger(),
                     row.value(QStringLiteral("on_hand")).toInteger() - row.value(QStringLiteral("reserved")).toInteger());
            if (i > 0) QVERIFY(stock[i - 1].value(QStringLiteral("code")).toString().toUtf8() < row.value(QStringLiteral("code")).toString().toUtf8());
            const Reply level = admin->call(QStringLiteral("data.query"),
                                            M{{QStringLiteral("entity"), QStringLiteral("stock_level")},
                                              {QStringLiteral("filter"), A{QStringLiteral("and"), A{QStringLiteral("eq"), QStringLiteral("product_id"), row.value(QStringLiteral("product_id"))},
                                                                           A{QStringLiteral("eq"), QStringLiteral("warehouse_id"), wh1}}}});
            const QList<QCborMap> levels = test::rowsOf(level);
            QCOMPARE(levels.size(), 1);
            QCOMPARE(levels[0].value(QStringLiteral("on_hand")).toInteger(), row.value(QStringLiteral("on_hand")).toInteger());
            QCOMPARE(levels[0].value(QStringLiteral("value")).toInteger(), row.value(QStringLiteral("value")).toInteger());
        }
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const Reply turnover = admin->call(QStringLiteral("inventory.turnover"), M{{QStringLiteral("from"), QDate::currentDate().addDays(-30).toString(Qt::ISODate)},
                                                                                   {QStringLiteral("to"), today}});
        LH_VERIFY_OK(turnover);
        bool found = false;
        qint64 cogs = -1;
        for (const auto &row : test::rowsOf(turnover))
            if (row.value(QStringLiteral("code")).toString() == QLatin1String("FIFO1")) {
                found = true;
                // FIFO1 (fifoCostsWorkedByHand): bought 10 @ ¥10.00 and 10 @ ¥12.00.
                //   sold 15: 10 × ¥10.00 + 5 × ¥12.00          = ¥160.00 out
                //   returned 3 at their cost, ¥160.00 × 3/15   = ¥32.00 back
                //   sold 8: 5 × ¥12.00 + the 3 returned (¥32.00) = ¥92.00 out
                //   cost of goods sold: 160.00 + 92.00 − 32.00 = ¥220.00
                QCOMPARE(row.value(QStringLiteral("cogs")).toInteger(), qint64(22000));
                cogs = row.value(QStringLiteral("cogs")).toInteger();
            }
        QVERIFY(found);
        const Reply sales = admin->call(QStringLiteral("sales.summary"), M{{QStringLiteral("group_by"), QStringLiteral("product")}});
        LH_VERIFY_OK(sales);
        found = false;
        for (const auto &row : test::rowsOf(sales))
            if (row.value(QStringLiteral("key")).toString() == QLatin1String("FIFO1")) {
                found = true;
                QCOMPARE(row.value(QStringLiteral("quantity")).toInteger(), 20 * kUnit); // 15 + 8 shipped − 3 returned
                QCOMPARE(row.value(QStringLiteral("cost")).toInteger(), cogs); // the same cost of goods sold as the turnover
            }
        QVERIFY(found);
        LH_VERIFY_OK(admin->call(QStringLiteral("inventory.slow_moving"), M{{QStringLiteral("days"), 0}}));
        LH_VERIFY_OK(admin->call(QStringLiteral("purchase.overdue"), M{{QStringLiteral("as_of"), QStringLiteral("2099-01-01")}}));
        LH_VERIFY_OK(admin->call(QStringLiteral("purchase.summary"), M{{QStringLiteral("group_by"), QStringLiteral("supplier")}}));

        // Company-wide totals are refused to whoever may read only their own deliveries.
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("rep_own"), QString::fromLatin1(test::kUserPassword), QStringLiteral("rep_own"),
                                  {{QStringLiteral("delivery"), QStringLiteral("read"), QStringLiteral("own")}}, {}, &error),
                 qPrintable(error));
        auto rep = server.login(QStringLiteral("rep_own"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(rep);
        LH_VERIFY_ERROR(rep->call(QStringLiteral("sales.summary"), M{{QStringLiteral("group_by"), QStringLiteral("product")}}), ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
