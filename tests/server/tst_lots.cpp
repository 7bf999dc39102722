// Lots (批次) and serial numbers (序列号) over the real server: a lot-tracked
// receipt needs its lot, stock and FIFO layers are kept per lot, deliveries take
// the named lot or the earliest-expiring first (costs worked by hand), returns
// come back into the lot they left at its cost, GS1 scans store lot and expiry;
// a serial is in stock once; a transfer line needs a destination.
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

class TestLots : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<Erp> erp;
    qint64 wh1 = 0, wh2 = 0, supplier = 0, customer = 0;

    void expectInvariants()
    {
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    qint64 lotProduct(const QString &code, const QString &barcode = {})
    {
        const qint64 p = erp->product(code, s("批次商品") + code, 3000, 1000, barcode);
        return erp->update(QStringLiteral("product"), p, M{{QStringLiteral("lot_tracked"), true}}).isOk() ? p : 0;
    }

    // A confirmed purchase order of one line; returns {order, its line}.
    QPair<qint64, qint64> order(qint64 product, qint64 qty, qint64 price, qint64 warehouse)
    {
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                           {{product, qty, price}});
        if (!po.isOk() || !erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("confirm")).isOk()) return {0, 0};
        return {idOf(po), linesOf(erp->get(QStringLiteral("purchase_order"), idOf(po))).first().value(QStringLiteral("id")).toInteger()};
    }

    static M arrival(qint64 line, qint64 qty, const QString &lot, const QString &expiry = {}, const QString &serial = {})
    {
        M m{{QStringLiteral("line_id"), line}, {QStringLiteral("quantity"), qty}};
        if (!lot.isEmpty()) m.insert(QStringLiteral("lot"), lot);
        if (!expiry.isEmpty()) m.insert(QStringLiteral("expiry"), expiry);
        if (!serial.isEmpty()) m.insert(QStringLiteral("serial"), serial);
        return m;
    }

    Reply receive(qint64 po, const A &lines)
    {
        return erp->action(QStringLiteral("purchase_order"), po, QStringLiteral("receive"), M{{QStringLiteral("lines"), lines}});
    }

    // A confirmed sales order of one line; returns {order, its line}.
    QPair<qint64, qint64> salesOrder(qint64 product, qint64 qty, qint64 warehouse)
    {
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                           {{product, qty, 3000}});
        if (!so.isOk() || !erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm"), M{{QStringLiteral("allow_backorder"), true}}).isOk())
            return {0, 0};
        return {idOf(so), linesOf(erp->get(QStringLiteral("sales_order"), idOf(so))).first().value(QStringLiteral("id")).toInteger()};
    }

    Reply ship(qint64 so, const A &lines) { return erp->action(QStringLiteral("sales_order"), so, QStringLiteral("deliver"), M{{QStringLiteral("lines"), lines}}); }

    QList<QCborMap> query(const QString &entity, const A &filter)
    {
        return test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("filter"), filter},
                                                                         {QStringLiteral("sort"), QStringLiteral("id")}}));
    }

    // A column summed over the rows of product/warehouse/lot: stock_quant
    // quantity is the lot's stock, fifo_layer cost_left its value.
    qint64 lotSum(const QString &entity, const QString &column, qint64 product, qint64 warehouse, const QString &lot)
    {
        qint64 total = 0;
        for (const QCborMap &row : query(entity, A{QStringLiteral("and"), A{QStringLiteral("eq"), QStringLiteral("product_id"), product},
                                                   A{QStringLiteral("eq"), QStringLiteral("warehouse_id"), warehouse}, A{QStringLiteral("eq"), QStringLiteral("lot"), lot}}))
            total += row.value(column).toInteger();
        return total;
    }
    qint64 lotOnHand(qint64 product, qint64 warehouse, const QString &lot) { return lotSum(QStringLiteral("stock_quant"), QStringLiteral("quantity"), product, warehouse, lot); }
    qint64 lotValue(qint64 product, qint64 warehouse, const QString &lot) { return lotSum(QStringLiteral("fifo_layer"), QStringLiteral("cost_left"), product, warehouse, lot); }

    // What the action handler answered (doc.action wraps it with the document).
    static QCborMap outcome(const Reply &r) { return r.value().toMap().value(QStringLiteral("action_result")).toMap(); }

    QList<QCborMap> deliveryLines(const Reply &shipped)
    {
        const qint64 delivery = outcome(shipped).value(QStringLiteral("delivery_id")).toInteger();
        return query(QStringLiteral("delivery_line"), A{QStringLiteral("eq"), QStringLiteral("delivery_id"), delivery});
    }

    Reply salesReturn(qint64 so, qint64 warehouse, qint64 deliveryLine, qint64 qty)
    {
        const Reply ret = admin->call(QStringLiteral("data.save"),
                                      M{{QStringLiteral("entity"), QStringLiteral("sales_return")},
                                        {QStringLiteral("changes"), M{{QStringLiteral("order_id"), so}, {QStringLiteral("warehouse_id"), warehouse},
                                                                      {QStringLiteral("reason"), s("客户退货")}}},
                                        {QStringLiteral("lines"), A{M{{QStringLiteral("delivery_line_id"), deliveryLine}, {QStringLiteral("quantity"), qty}}}}});
        if (!ret.isOk()) return ret;
        const Reply posted = erp->action(QStringLiteral("sales_return"), idOf(ret), QStringLiteral("post"));
        return posted.isOk() ? ret : posted;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        erp = std::make_unique<Erp>(*admin);
        wh1 = erp->warehouse(QStringLiteral("LW1"));
        wh2 = erp->warehouse(QStringLiteral("LW2"));
        supplier = erp->supplier(QStringLiteral("LS1"), s("苏州医疗器械公司"));
        customer = erp->customer(QStringLiteral("LC1"), s("杭州仁和药房"));
        QVERIFY(wh1 && wh2 && supplier && customer);
    }

    void aLotTrackedReceiptNeedsItsLot()
    {
        const qint64 p = lotProduct(QStringLiteral("LOT1"));
        QVERIFY(p);
        const auto [po, line] = order(p, 10 * kUnit, 1000, wh1);
        QVERIFY(po);
        const Reply bare = erp->action(QStringLiteral("purchase_order"), po, QStringLiteral("receive"));
        LH_VERIFY_ERROR(bare, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(bare), QStringList{QStringLiteral("lot:lot_required")});
        QCOMPARE(erp->onHand(p, wh1), qint64(0));
        // One order line, two lots: each kept apart, each with its expiry.
        const Reply received = receive(po, A{arrival(line, 4 * kUnit, QStringLiteral("A"), QStringLiteral("2027-06-30")),
                                             arrival(line, 6 * kUnit, QStringLiteral("B"), QStringLiteral("2027-03-31"))});
        LH_VERIFY_OK(received);
        const QCborMap receipt = erp->get(QStringLiteral("purchase_receipt"), outcome(received).value(QStringLiteral("receipt_id")).toInteger());
        QCOMPARE(linesOf(receipt).size(), 2);
        QCOMPARE(receipt.value(QStringLiteral("amount_total")).toInteger(), qint64(10000)); // 10 × ¥10.00
        QCOMPARE(lotOnHand(p, wh1, QStringLiteral("A")), 4 * kUnit);
        QCOMPARE(lotOnHand(p, wh1, QStringLiteral("B")), 6 * kUnit);
        QCOMPARE(lotValue(p, wh1, QStringLiteral("A")), qint64(4000));
        QCOMPARE(lotValue(p, wh1, QStringLiteral("B")), qint64(6000));
        QMap<QString, QString> expiry;
        for (const QCborMap &l : query(QStringLiteral("stock_lot"), A{QStringLiteral("eq"), QStringLiteral("product_id"), p}))
            expiry.insert(l.value(QStringLiteral("lot")).toString(), l.value(QStringLiteral("expiry")).toString());
        QCOMPARE(expiry.value(QStringLiteral("A")), QStringLiteral("2027-06-30"));
        QCOMPARE(expiry.value(QStringLiteral("B")), QStringLiteral("2027-03-31"));
        expectInvariants();
    }

    // Lot A: 5 @ ¥10.00, expires 2027-12-31; lot B (received later): 5 @ ¥12.00,
    // expires 2027-06-30; lot C: 5 @ ¥15.00, no expiry (taken last).
    void fifoPerLotWorkedByHand()
    {
        const qint64 p = lotProduct(QStringLiteral("LOT2"));
        for (const auto &[price, lot, expiry] : {std::tuple{1000, "A", "2027-12-31"}, std::tuple{1200, "B", "2027-06-30"}, std::tuple{1500, "C", ""}}) {
            const auto [po, line] = order(p, 5 * kUnit, price, wh1);
            LH_VERIFY_OK(receive(po, A{arrival(line, 5 * kUnit, QString::fromLatin1(lot), QString::fromLatin1(expiry))}));
        }
        QCOMPARE(erp->value(p, wh1), qint64(18500));
        // 3 without a lot: the earliest expiry first, lot B: 3 × ¥12.00 = ¥36.00.
        const auto [so1, sl1] = salesOrder(p, 3 * kUnit, wh1);
        const Reply d1 = ship(so1, A{M{{QStringLiteral("line_id"), sl1}, {QStringLiteral("quantity"), 3 * kUnit}}});
        LH_VERIFY_OK(d1);
        QCOMPARE(outcome(d1).value(QStringLiteral("cost")).toInteger(), qint64(3600));
        QCOMPARE(deliveryLines(d1).first().value(QStringLiteral("lot")).toString(), QStringLiteral("B"));
        // 4 of lot A by name, whatever expires first: 4 × ¥10.00 = ¥40.00.
        const auto [so2, sl2] = salesOrder(p, 4 * kUnit, wh1);
        const Reply d2 = ship(so2, A{M{{QStringLiteral("line_id"), sl2}, {QStringLiteral("quantity"), 4 * kUnit}, {QStringLiteral("lot"), QStringLiteral("A")}}});
        LH_VERIFY_OK(d2);
        QCOMPARE(outcome(d2).value(QStringLiteral("cost")).toInteger(), qint64(4000));
        // 5 without a lot: B's last 2 (¥24.00), A's last 1 (¥10.00), then C's
        // first 2 (¥30.00) = ¥64.00; the moves and the answer name each lot.
        const auto [so3, sl3] = salesOrder(p, 5 * kUnit, wh1);
        const Reply d3 = ship(so3, A{M{{QStringLiteral("line_id"), sl3}, {QStringLiteral("quantity"), 5 * kUnit}}});
        LH_VERIFY_OK(d3);
        QCOMPARE(outcome(d3).value(QStringLiteral("cost")).toInteger(), qint64(6400));
        QStringList used;
        for (const auto &v : outcome(d3).value(QStringLiteral("lots")).toArray())
            used << QStringLiteral("%1:%2:%3").arg(v.toMap().value(QStringLiteral("lot")).toString()).arg(v.toMap().value(QStringLiteral("quantity")).toInteger() / kUnit)
                        .arg(v.toMap().value(QStringLiteral("cost")).toInteger());
        QCOMPARE(used, (QStringList{QStringLiteral("B:2:2400"), QStringLiteral("A:1:1000"), QStringLiteral("C:2:3000")}));
        QVERIFY(deliveryLines(d3).first().value(QStringLiteral("lot")).toString().isEmpty()); // several lots: the moves say which
        QCOMPARE(lotOnHand(p, wh1, QStringLiteral("C")), 3 * kUnit);
        QCOMPARE(erp->value(p, wh1), qint64(4500));
        // Asking for more of a lot than it holds is refused, even with stock in other lots.
        const auto [so4, sl4] = salesOrder(p, 2 * kUnit, wh1);
        LH_VERIFY_ERROR(ship(so4, A{M{{QStringLiteral("line_id"), sl4}, {QStringLiteral("quantity"), 2 * kUnit}, {QStringLiteral("lot"), QStringLiteral("A")}}}),
                        ErrorCode::InsufficientStock);

        // A return of 3 from the third delivery goes back lot by lot as it left:
        // 2 into lot B at ¥12.00 and 1 into lot A at ¥10.00 = ¥34.00.
        const Reply back = salesReturn(so3, wh1, deliveryLines(d3).first().value(QStringLiteral("id")).toInteger(), 3 * kUnit);
        LH_VERIFY_OK(back);
        QCOMPARE(linesOf(erp->get(QStringLiteral("sales_return"), idOf(back))).first().value(QStringLiteral("cost")).toInteger(), qint64(3400));
        QCOMPARE(lotOnHand(p, wh1, QStringLiteral("B")), 2 * kUnit);
        QCOMPARE(lotValue(p, wh1, QStringLiteral("B")), qint64(2400));
        QCOMPARE(lotOnHand(p, wh1, QStringLiteral("A")), 1 * kUnit);
        QCOMPARE(lotValue(p, wh1, QStringLiteral("A")), qint64(1000));
        // Sold again by name, lot B leaves at the cost it came back with.
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so4, QStringLiteral("cancel")));
        const auto [so5, sl5] = salesOrder(p, 1 * kUnit, wh1);
        const Reply d5 = ship(so5, A{M{{QStringLiteral("line_id"), sl5}, {QStringLiteral("quantity"), kUnit}, {QStringLiteral("lot"), QStringLiteral("B")}}});
        LH_VERIFY_OK(d5);
        QCOMPARE(outcome(d5).value(QStringLiteral("cost")).toInteger(), qint64(1200));
        expectInvariants();
    }

    // A transfer to another warehouse carries each lot as itself, at its cost.
    void transfersKeepLots()
    {
        const qint64 p = lotProduct(QStringLiteral("LOT3"));
        const auto [po, line] = order(p, 4 * kUnit, 2000, wh1);
        LH_VERIFY_OK(receive(po, A{arrival(line, 1 * kUnit, QStringLiteral("X"), QStringLiteral("2026-12-31")),
                                   arrival(line, 3 * kUnit, QStringLiteral("Y"), QStringLiteral("2027-12-31"))}));
        const Reply t = erp->saveDocument(QStringLiteral("stock_transfer"), M{{QStringLiteral("from_warehouse_id"), wh1}, {QStringLiteral("to_warehouse_id"), wh2}},
                                          {{p, 2 * kUnit}});
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_transfer"), idOf(t), QStringLiteral("post")));
        QCOMPARE(lotOnHand(p, wh2, QStringLiteral("X")), 1 * kUnit);
        QCOMPARE(lotOnHand(p, wh2, QStringLiteral("Y")), 1 * kUnit);
        QCOMPARE(lotValue(p, wh2, QStringLiteral("X")), qint64(2000));
        QCOMPARE(erp->value(p, wh2), qint64(4000));
        QCOMPARE(lotOnHand(p, wh1, QStringLiteral("Y")), 2 * kUnit);
        expectInvariants();
    }

    // GS1 scans: (10) lot and (17) expiry arrive as scan arguments and are kept
    // with the lot when the receipt is posted; each lot its own receipt line.
    void scannedLotsKeepTheirExpiry()
    {
        const qint64 p = lotProduct(QStringLiteral("LOT4"), QStringLiteral("6901234500017"));
        const auto [po, line] = order(p, 5 * kUnit, 800, wh1);
        Q_UNUSED(line);
        const Reply task = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("receive")}, {QStringLiteral("order_id"), po}});
        LH_VERIFY_OK(task);
        const qint64 receipt = idOf(task);
        auto scan = [&](const QString &lot, const QString &expiry, qint64 qty) {
            M args{{QStringLiteral("doc_type"), QStringLiteral("purchase_receipt")}, {QStringLiteral("doc_id"), receipt},
                   {QStringLiteral("barcode"), QStringLiteral("6901234500017")}, {QStringLiteral("quantity"), qty}};
            if (!lot.isEmpty()) args.insert(QStringLiteral("lot"), lot);
            if (!expiry.isEmpty()) args.insert(QStringLiteral("expiry"), expiry);
            return admin->call(QStringLiteral("inventory.scan"), args);
        };
        QCOMPARE(test::problemsOf(scan({}, {}, kUnit)), QStringList{QStringLiteral("barcode:lot_required")});
        LH_VERIFY_OK(scan(QStringLiteral("g7"), QStringLiteral("2028-01-31"), 2 * kUnit));
        LH_VERIFY_OK(scan(QStringLiteral("G8"), QStringLiteral("2028-02-29"), kUnit));
        LH_VERIFY_OK(scan(QStringLiteral("G7"), QStringLiteral("2028-01-31"), kUnit));
        QMap<QString, qint64> lines;
        for (const QCborMap &l : linesOf(erp->get(QStringLiteral("purchase_receipt"), receipt)))
            lines.insert(l.value(QStringLiteral("lot")).toString() + u'@' + l.value(QStringLiteral("expiry")).toString(), l.value(QStringLiteral("quantity")).toInteger());
        QCOMPARE(lines.value(QStringLiteral("G7@2028-01-31")), 3 * kUnit);
        QCOMPARE(lines.value(QStringLiteral("G8@2028-02-29")), 1 * kUnit);
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_receipt"), receipt, QStringLiteral("post")));
        QMap<QString, QString> expiry;
        for (const QCborMap &l : query(QStringLiteral("stock_lot"), A{QStringLiteral("eq"), QStringLiteral("product_id"), p}))
            expiry.insert(l.value(QStringLiteral("lot")).toString(), l.value(QStringLiteral("expiry")).toString());
        QCOMPARE(expiry.value(QStringLiteral("G7")), QStringLiteral("2028-01-31"));
        QCOMPARE(expiry.value(QStringLiteral("G8")), QStringLiteral("2028-02-29"));
        QCOMPARE(lotOnHand(p, wh1, QStringLiteral("G7")), 3 * kUnit);
        expectInvariants();
    }

    void aSerialIsInStockOnce()
    {
        const qint64 p = erp->product(QStringLiteral("SER1"), s("监护仪"), 900000, 500000, QStringLiteral("6901234500024"), 0, true);
        QVERIFY(p);
        const auto [po, line] = order(p, 3 * kUnit, 500000, wh1);
        const Reply none = receive(po, A{arrival(line, kUnit, {})});
        QCOMPARE(test::problemsOf(none), QStringList{QStringLiteral("serial:serial_required")});
        QCOMPARE(test::problemsOf(receive(po, A{arrival(line, 2 * kUnit, {}, {}, QStringLiteral("SN-1"))})), QStringList{QStringLiteral("quantity:serial_one")});
        LH_VERIFY_OK(receive(po, A{arrival(line, kUnit, {}, {}, QStringLiteral("SN-1")), arrival(line, kUnit, {}, {}, QStringLiteral("SN-2"))}));
        QCOMPARE(erp->onHand(p, wh1), 2 * kUnit);
        // The same serial again, from the same or another order: refused, nothing received.
        const Reply twice = receive(po, A{arrival(line, kUnit, {}, {}, QStringLiteral("SN-1"))});
        LH_VERIFY_ERROR(twice, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(twice), QStringList{QStringLiteral("serial:serial_in_stock")});
        QCOMPARE(erp->onHand(p, wh1), 2 * kUnit);

        // Shipping: a serial that is not in stock (here) is refused; a named one leaves.
        const auto [so, sl] = salesOrder(p, 2 * kUnit, wh1);
        const auto shipSerial = [&](const QString &serial) {
            return ship(so, A{M{{QStringLiteral("line_id"), sl}, {QStringLiteral("quantity"), kUnit}, {QStringLiteral("serial"), serial}}});
        };
        QCOMPARE(test::problemsOf(shipSerial(QStringLiteral("SN-9"))), QStringList{QStringLiteral("serial:serial_not_in_stock")});
        QCOMPARE(test::problemsOf(ship(so, A{M{{QStringLiteral("line_id"), sl}, {QStringLiteral("quantity"), kUnit}}})),
                 QStringList{QStringLiteral("serial:serial_required")});
        const Reply shipped = shipSerial(QStringLiteral("SN-1"));
        LH_VERIFY_OK(shipped);
        QCOMPARE(outcome(shipped).value(QStringLiteral("cost")).toInteger(), qint64(500000));
        QCOMPARE(test::problemsOf(shipSerial(QStringLiteral("SN-1"))), QStringList{QStringLiteral("serial:serial_not_in_stock")});
        QCOMPARE(erp->onHand(p, wh1), 1 * kUnit);
        // The movement history names the unit: in, then out.
        QStringList history;
        for (const QCborMap &m : query(QStringLiteral("stock_move"), A{QStringLiteral("eq"), QStringLiteral("serial"), QStringLiteral("SN-1")}))
            history << m.value(QStringLiteral("kind")).toString();
        QCOMPARE(history, (QStringList{QStringLiteral("receipt"), QStringLiteral("delivery")}));
        // Back from the customer, it is in stock again, so the supplier cannot deliver it anew.
        LH_VERIFY_OK(salesReturn(so, wh1, deliveryLines(shipped).first().value(QStringLiteral("id")).toInteger(), kUnit));
        QCOMPARE(erp->onHand(p, wh1), 2 * kUnit);
        QCOMPARE(test::problemsOf(receive(po, A{arrival(line, kUnit, {}, {}, QStringLiteral("SN-1"))})), QStringList{QStringLiteral("serial:serial_in_stock")});
        // In another warehouse it is not in stock.
        const auto [so2, sl2] = salesOrder(p, kUnit, wh2);
        QCOMPARE(test::problemsOf(ship(so2, A{M{{QStringLiteral("line_id"), sl2}, {QStringLiteral("quantity"), kUnit}, {QStringLiteral("serial"), QStringLiteral("SN-2")}}})),
                 QStringList{QStringLiteral("serial:serial_not_in_stock")});
        expectInvariants();
    }

    void serialScansAreCheckedAtTheScanner()
    {
        const qint64 p = erp->product(QStringLiteral("SER2"), s("血压计"), 20000, 9000, QStringLiteral("6901234500031"), 0, true);
        const auto [po, line] = order(p, 2 * kUnit, 9000, wh1);
        Q_UNUSED(line);
        auto scanInto = [&](const QString &docType, qint64 doc, const QString &serial) {
            M args{{QStringLiteral("doc_type"), docType}, {QStringLiteral("doc_id"), doc},
                   {QStringLiteral("barcode"), QStringLiteral("6901234500031")}, {QStringLiteral("quantity"), kUnit}};
            if (!serial.isEmpty()) args.insert(QStringLiteral("serial"), serial);
            return admin->call(QStringLiteral("inventory.scan"), args);
        };
        const qint64 receipt = idOf(admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("receive")}, {QStringLiteral("order_id"), po}}));
        const auto scan = [&](const QString &serial) { return scanInto(QStringLiteral("purchase_receipt"), receipt, serial); };
        QCOMPARE(test::problemsOf(scan({})), QStringList{QStringLiteral("barcode:serial_required")});
        LH_VERIFY_OK(scan(QStringLiteral("BP-1")));
        QCOMPARE(test::problemsOf(scan(QStringLiteral("bp-1"))), QStringList{QStringLiteral("barcode:serial_twice")});
        LH_VERIFY_OK(scan(QStringLiteral("BP-2")));
        QCOMPARE(linesOf(erp->get(QStringLiteral("purchase_receipt"), receipt)).size(), 2);
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_receipt"), receipt, QStringLiteral("post")));

        // Another delivery of BP-1 is red at the scanner already.
        const auto [po2, line2] = order(p, kUnit, 9000, wh1);
        Q_UNUSED(line2);
        const qint64 receipt2 = idOf(admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("receive")}, {QStringLiteral("order_id"), po2}}));
        QCOMPARE(test::problemsOf(scanInto(QStringLiteral("purchase_receipt"), receipt2, QStringLiteral("BP-1"))), QStringList{QStringLiteral("barcode:serial_in_stock")});
        // Picking: only a serial number in stock here is taken.
        const auto [so, sl] = salesOrder(p, kUnit, wh1);
        Q_UNUSED(sl);
        const qint64 pick = idOf(admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("pick")}, {QStringLiteral("order_id"), so}}));
        QCOMPARE(test::problemsOf(scanInto(QStringLiteral("delivery"), pick, QStringLiteral("BP-9"))), QStringList{QStringLiteral("barcode:serial_not_in_stock")});
        LH_VERIFY_OK(scanInto(QStringLiteral("delivery"), pick, QStringLiteral("BP-2")));
        const Reply posted = erp->action(QStringLiteral("delivery"), pick, QStringLiteral("post"));
        LH_VERIFY_OK(posted);
        QCOMPARE(outcome(posted).value(QStringLiteral("cost")).toInteger(), qint64(9000));
        QCOMPARE(query(QStringLiteral("stock_serial"), A{QStringLiteral("eq"), QStringLiteral("serial"), QStringLiteral("BP-2")}).first().value(QStringLiteral("in_stock")).toBool(),
                 false);
        expectInvariants();
    }

    void aTransferLineNeedsADestination()
    {
        const qint64 p = erp->product(QStringLiteral("DST1"), s("调拨商品"), 1000, 500);
        QVERIFY(erp->buy(supplier, wh1, {{p, 5 * kUnit, 500}}));
        const qint64 shelf = erp->location(wh1, QStringLiteral("L-A1"));
        const qint64 elsewhere = erp->location(wh2, QStringLiteral("L-B1"));
        auto post = [&](qint64 to, const M &line) {
            M l = line;
            l.insert(QStringLiteral("product_id"), p);
            l.insert(QStringLiteral("quantity"), kUnit);
            const Reply t = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("stock_transfer")},
                                                                       {QStringLiteral("changes"), M{{QStringLiteral("from_warehouse_id"), wh1}, {QStringLiteral("to_warehouse_id"), to}}},
                                                                       {QStringLiteral("lines"), A{l}}});
            return t.isOk() ? erp->action(QStringLiteral("stock_transfer"), idOf(t), QStringLiteral("post")) : t;
        };
        // Within one warehouse a line without a destination would move nothing.
        const Reply nowhere = post(wh1, M{});
        LH_VERIFY_ERROR(nowhere, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(nowhere), QStringList{QStringLiteral("to_location_id:no_destination")});
        QCOMPARE(test::problemsOf(post(wh1, M{{QStringLiteral("from_location_id"), shelf}, {QStringLiteral("to_location_id"), shelf}})),
                 QStringList{QStringLiteral("to_location_id:no_destination")});
        // A destination outside the receiving warehouse is refused too.
        QCOMPARE(test::problemsOf(post(wh1, M{{QStringLiteral("to_location_id"), elsewhere}})), QStringList{QStringLiteral("to_location_id:wrong_location")});
        QCOMPARE(erp->onHand(p, wh1), 5 * kUnit);
        LH_VERIFY_OK(post(wh1, M{{QStringLiteral("to_location_id"), shelf}}));
        // To another warehouse the warehouse itself is a destination.
        LH_VERIFY_OK(post(wh2, M{}));
        QCOMPARE(erp->onHand(p, wh2), kUnit);
        expectInvariants();
    }
};

QTEST_GUILESS_MAIN(TestLots)
#include "tst_lots.moc"
