// system.check catches bad stock: on a store that real calls filled, each stock
// invariant is broken in turn directly in the store (as a bug or a hand edit
// would), and check must answer not ok naming that problem, product and
// warehouse; once the row is put back it must answer ok again.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QDate>
#include <QSqlError>
#include <QSqlQuery>
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

class TestStockCheck : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<Erp> erp;
    qint64 wh = 0, supplier = 0, customer = 0;
    // 10 bolts on hand; sold: bought and sold to zero; lotted: lots A and B; serialled: SN-1 and SN-2
    qint64 bolt = 0, sold = 0, lotted = 0, serialled = 0;

    // A confirmed purchase order of one line received in one go as the arrivals
    // given (each a map of quantity and lot, expiry or serial).
    bool receiveOne(qint64 product, qint64 qty, qint64 price, const QList<M> &arrivals)
    {
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), wh}},
                                           {{product, qty, price}});
        if (!po.isOk() || !erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("confirm")).isOk()) return false;
        const qint64 line = linesOf(erp->get(QStringLiteral("purchase_order"), idOf(po))).first().value(QStringLiteral("id")).toInteger();
        A lines;
        for (M a : arrivals) {
            a.insert(QStringLiteral("line_id"), line);
            lines.append(a);
        }
        const Reply received = erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("receive"), M{{QStringLiteral("lines"), lines}});
        if (!received.isOk()) qWarning() << test::describe(received);
        return received.isOk();
    }

    // Runs the statements on the store directly; false (with a warning) if one fails.
    bool tamper(const QStringList &statements)
    {
        bool ok = true;
        {
            QSqlDatabase db = server.openStore(QStringLiteral("tamper"));
            QSqlQuery q(db);
            for (const QString &sql : statements)
                if (!q.exec(sql)) {
                    qWarning() << sql << q.lastError().text();
                    ok = false;
                }
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        return ok;
    }

    QStringList problems()
    {
        const Reply r = admin->call(QStringLiteral("system.check"));
        if (!r.isOk()) return {test::describe(r)};
        QStringList list;
        for (const auto &p : r.value().toMap().value(QStringLiteral("problems")).toArray()) list << p.toString();
        if (list.isEmpty() && !r.value().toMap().value(QStringLiteral("ok")).toBool()) list << QStringLiteral("not ok without problems");
        return list;
    }

    // Breaks the store, expects a problem starting with `expected` (the only one
    // when `alone`), repairs it (whatever was found) and expects ok again.
    void expectCaught(const QStringList &corrupt, const QString &expected, const QStringList &repair, bool alone = false)
    {
        QVERIFY(tamper(corrupt));
        const QStringList found = problems();
        QVERIFY(tamper(repair));
        const bool named = std::any_of(found.begin(), found.end(), [&](const QString &p) { return p.startsWith(expected); });
        QVERIFY2(named && (!alone || found.size() == 1), qPrintable(QStringLiteral("expected \"%1…\"%2 among:\n%3")
                                                                     .arg(expected, alone ? QStringLiteral(" alone") : QString(), found.join(u'\n'))));
        QVERIFY2(problems().isEmpty(), qPrintable(problems().join(u'\n')));
    }

    QString where(qint64 product) const { return QStringLiteral("product_id = %1 AND warehouse_id = %2").arg(product).arg(wh); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        erp = std::make_unique<Erp>(*admin);
        wh = erp->warehouse(QStringLiteral("CW1")); // negatives not allowed
        supplier = erp->supplier(QStringLiteral("CS1"), s("常州标准件厂"));
        customer = erp->customer(QStringLiteral("CC1"), s("无锡机电公司"));
        bolt = erp->product(QStringLiteral("CK1"), s("螺栓M10"), 200, 100);
        sold = erp->product(QStringLiteral("CK2"), s("垫圈"), 50, 20);
        lotted = erp->product(QStringLiteral("CK3"), s("润滑脂"), 3000, 1500);
        serialled = erp->product(QStringLiteral("CK4"), s("监护仪"), 90000, 50000, {}, 0, true);
        QVERIFY(wh && supplier && customer && bolt && sold && lotted && serialled);
        LH_VERIFY_OK(erp->update(QStringLiteral("product"), lotted, M{{QStringLiteral("lot_tracked"), true}}));
        QVERIFY(erp->buy(supplier, wh, {{bolt, 10 * kUnit, 100}}));
        QVERIFY(erp->buy(supplier, wh, {{sold, 2 * kUnit, 20}}));
        QVERIFY(erp->sell(customer, wh, {{sold, 2 * kUnit}}));
        // Two lots of the lot-tracked product, 4 of A and 6 of B; two serial-numbered monitors.
        const QString expiry = QDate::currentDate().addDays(90).toString(Qt::ISODate);
        QVERIFY(receiveOne(lotted, 10 * kUnit, 1500, {M{{QStringLiteral("quantity"), 4 * kUnit}, {QStringLiteral("lot"), QStringLiteral("A")}, {QStringLiteral("expiry"), expiry}},
                                                      M{{QStringLiteral("quantity"), 6 * kUnit}, {QStringLiteral("lot"), QStringLiteral("B")}, {QStringLiteral("expiry"), expiry}}}));
        QVERIFY(receiveOne(serialled, 2 * kUnit, 50000, {M{{QStringLiteral("quantity"), kUnit}, {QStringLiteral("serial"), QStringLiteral("SN-1")}},
                                                          M{{QStringLiteral("quantity"), kUnit}, {QStringLiteral("serial"), QStringLiteral("SN-2")}}}));
        // A confirmed order reserves 3 bolts.
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh}},
                                           {{bolt, 3 * kUnit}});
        LH_VERIFY_OK(so);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm")));
        QVERIFY2(problems().isEmpty(), qPrintable(problems().join(u'\n')));
    }

    // On hand by location says one more than the stock moves add up to.
    void onHandAboveTheLedger()
    {
        expectCaught({QStringLiteral("UPDATE stock_quant SET quantity = quantity + 1000 WHERE %1").arg(where(bolt))},
                     QStringLiteral("stock ledger: product %1 warehouse %2 ").arg(bolt).arg(wh),
                     {QStringLiteral("UPDATE stock_quant SET quantity = quantity - 1000 WHERE %1").arg(where(bolt))});
    }

    // The warehouse total no longer adds up from its locations.
    void levelAboveItsLocations()
    {
        expectCaught({QStringLiteral("UPDATE stock_level SET on_hand = on_hand + 1000 WHERE %1").arg(where(bolt))},
                     QStringLiteral("stock level: product %1 warehouse %2 ").arg(bolt).arg(wh),
                     {QStringLiteral("UPDATE stock_level SET on_hand = on_hand - 1000 WHERE %1").arg(where(bolt))});
    }

    // A cost layer holds ¥1.00 more than the stock value says.
    void fifoLayerCostOffTheValue()
    {
        const QString layer = QStringLiteral("id = (SELECT MIN(id) FROM fifo_layer WHERE %1)").arg(where(bolt));
        expectCaught({QStringLiteral("UPDATE fifo_layer SET cost_left = cost_left + 100 WHERE %1").arg(layer)},
                     QStringLiteral("FIFO: product %1 warehouse %2 ").arg(bolt).arg(wh),
                     {QStringLiteral("UPDATE fifo_layer SET cost_left = cost_left - 100 WHERE %1").arg(layer)});
    }

    // A used-up layer marked open again: issues would find it among the open ones.
    void usedUpLayerMarkedOpen()
    {
        expectCaught({QStringLiteral("UPDATE fifo_layer SET closed = 0 WHERE %1").arg(where(sold))},
                     QStringLiteral("FIFO layer "),
                     {QStringLiteral("UPDATE fifo_layer SET closed = 1 WHERE %1").arg(where(sold))}, true);
    }

    // One unit below zero in a warehouse that does not allow it, with moves,
    // locations and levels all agreeing: only the negative-stock rule sees it.
    void negativeWhereNotAllowed()
    {
        const QString move = QStringLiteral("id = (SELECT MAX(id) FROM stock_move WHERE %1)").arg(where(sold));
        expectCaught({QStringLiteral("UPDATE stock_move SET quantity = quantity - 1000 WHERE %1").arg(move),
                      QStringLiteral("UPDATE stock_quant SET quantity = -1000 WHERE %1").arg(where(sold)),
                      QStringLiteral("UPDATE stock_level SET on_hand = -1000 WHERE %1").arg(where(sold))},
                     QStringLiteral("negative stock: product %1 warehouse %2 ").arg(sold).arg(wh),
                     {QStringLiteral("UPDATE stock_move SET quantity = quantity + 1000 WHERE %1").arg(move),
                      QStringLiteral("UPDATE stock_quant SET quantity = 0 WHERE %1").arg(where(sold)),
                      QStringLiteral("UPDATE stock_level SET on_hand = 0 WHERE %1").arg(where(sold))},
                     true);
    }

    // A unit moved from lot A's layer to lot B's: the totals still agree, the lots do not.
    void lotLayersSwapped()
    {
        const QString lotA = QStringLiteral("%1 AND lot = 'A'").arg(where(lotted));
        const QString lotB = QStringLiteral("%1 AND lot = 'B'").arg(where(lotted));
        expectCaught({QStringLiteral("UPDATE fifo_layer SET qty_left = qty_left - 1000 WHERE %1").arg(lotA),
                      QStringLiteral("UPDATE fifo_layer SET qty_left = qty_left + 1000, qty_in = qty_in + 1000 WHERE %1").arg(lotB)},
                     QStringLiteral("lot FIFO: product %1 warehouse %2 lot 'A'").arg(lotted).arg(wh),
                     {QStringLiteral("UPDATE fifo_layer SET qty_left = qty_left + 1000 WHERE %1").arg(lotA),
                      QStringLiteral("UPDATE fifo_layer SET qty_left = qty_left - 1000, qty_in = qty_in - 1000 WHERE %1").arg(lotB)});
    }

    // A serial number marked gone while its unit is still on hand.
    void serialOutButStillOnHand()
    {
        const QString sn1 = QStringLiteral("product_id = %1 AND serial = 'SN-1'").arg(serialled);
        expectCaught({QStringLiteral("UPDATE stock_serial SET in_stock = 0 WHERE %1").arg(sn1)},
                     QStringLiteral("serial numbers: product %1 warehouse %2 ").arg(serialled).arg(wh),
                     {QStringLiteral("UPDATE stock_serial SET in_stock = 1 WHERE %1").arg(sn1)}, true);
    }

    // More reserved than confirmed orders still have to ship.
    void reservationOffTheOrders()
    {
        expectCaught({QStringLiteral("UPDATE stock_level SET reserved = reserved + 1000 WHERE %1").arg(where(bolt))},
                     QStringLiteral("reservation: product %1 warehouse %2 reserved 4000").arg(bolt).arg(wh),
                     {QStringLiteral("UPDATE stock_level SET reserved = reserved - 1000 WHERE %1").arg(where(bolt))}, true);
    }

    void cleanupTestCase() { QSqlDatabase::removeDatabase(QStringLiteral("tamper")); }
};

QTEST_GUILESS_MAIN(TestStockCheck)
#include "tst_stock_check.moc"
