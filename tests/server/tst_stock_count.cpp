// Stock counts (盘点) over the real server: a product the book has but the shelf
// does not is counted as ZERO by its own scan (and Ctrl+Z puts the previous count
// back), and the variance list shown before approval (inventory.count_variances)
// gives exactly the quantities and values the posting then books, FIFO across
// layers included. A zone count the supervisor opened is shared: clerks list
// the open counts, join one and scan into it at the same time, every scan landing
// once under its own user.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QMap>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <atomic>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::Erp;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
} // namespace

class TestStockCount : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<Erp> erp;
    qint64 supplier = 0;

    qint64 openCount(qint64 warehouse)
    {
        const Reply r = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("count")}, {QStringLiteral("warehouse_id"), warehouse}});
        if (!r.isOk()) qWarning("%s", qPrintable(test::describe(r)));
        return r.value().toMap().value(QStringLiteral("id")).toInteger();
    }

    Reply scan(qint64 count, const QString &barcode, qint64 quantity, bool zero = false, const QString &serial = {})
    {
        M args{{QStringLiteral("doc_type"), QStringLiteral("stock_count")}, {QStringLiteral("doc_id"), count}, {QStringLiteral("barcode"), barcode},
               {QStringLiteral("quantity"), quantity}};
        if (zero) args.insert(QStringLiteral("zero"), true);
        if (!serial.isEmpty()) args.insert(QStringLiteral("serial"), serial);
        return admin->call(QStringLiteral("inventory.scan"), args);
    }

    Reply undo(qint64 count)
    {
        return admin->call(QStringLiteral("inventory.undo_scan"), M{{QStringLiteral("doc_type"), QStringLiteral("stock_count")}, {QStringLiteral("doc_id"), count}});
    }

    // The counted quantity of a product's line (null when not counted).
    QCborValue counted(qint64 count, qint64 product)
    {
        for (const QCborMap &l : test::linesOf(erp->get(QStringLiteral("stock_count"), count)))
            if (l.value(QStringLiteral("product_id")).toInteger() == product) return l.value(QStringLiteral("counted_qty"));
        return QCborValue();
    }

    QList<QCborMap> variances(qint64 count, qint64 *total = nullptr)
    {
        const Reply r = admin->call(QStringLiteral("inventory.count_variances"), M{{QStringLiteral("count_id"), count}});
        if (!r.isOk()) qWarning("%s", qPrintable(test::describe(r)));
        if (total) *total = r.value().toMap().value(QStringLiteral("variance_value")).toInteger();
        return test::rowsOf(r);
    }

    // Receives one unit per serial number into the warehouse at costFen each.
    bool receiveSerials(qint64 product, qint64 warehouse, const QStringList &serials, qint64 costFen)
    {
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                           {{product, serials.size() * kUnit, costFen}});
        if (!po.isOk() || !erp->action(QStringLiteral("purchase_order"), test::idOf(po), QStringLiteral("confirm")).isOk()) return false;
        const qint64 line = test::linesOf(erp->get(QStringLiteral("purchase_order"), test::idOf(po))).first().value(QStringLiteral("id")).toInteger();
        QCborArray arrivals;
        for (const QString &serial : serials)
            arrivals.append(M{{QStringLiteral("line_id"), line}, {QStringLiteral("quantity"), kUnit}, {QStringLiteral("serial"), serial}});
        const Reply r = erp->action(QStringLiteral("purchase_order"), test::idOf(po), QStringLiteral("receive"), M{{QStringLiteral("lines"), arrivals}});
        if (!r.isOk()) qWarning("%s", qPrintable(test::describe(r)));
        return r.isOk();
    }

    // Serial number -> in stock, of one product.
    QMap<QString, bool> serialsInStock(qint64 product)
    {
        QMap<QString, bool> out;
        const Reply r = admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("stock_serial")},
                                                                    {QStringLiteral("filter"), QCborArray{QStringLiteral("eq"), QStringLiteral("product_id"), product}}});
        for (const QCborMap &row : test::rowsOf(r)) out.insert(row.value(QStringLiteral("serial")).toString(), row.value(QStringLiteral("in_stock")).toBool());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        erp = std::make_unique<Erp>(*admin);
        supplier = erp->supplier(QStringLiteral("CS1"), s("盘点供应商"));
        QVERIFY(supplier);
    }

    void zeroCountAndUndoRestoreThePreviousCount()
    {
        const qint64 wh = erp->warehouse(QStringLiteral("CZ1"));
        const qint64 bolt = erp->product(QStringLiteral("CZB"), s("盘点螺栓"), 2000, 1000, QStringLiteral("6900000000011"));
        const qint64 nut = erp->product(QStringLiteral("CZN"), s("盘点螺母"), 900, 400, QStringLiteral("6900000000028"));
        QVERIFY(erp->buy(supplier, wh, {{bolt, 5 * kUnit, 1000}, {nut, 3 * kUnit, 400}}));
        const qint64 count = openCount(wh);
        QVERIFY(count);
        QVERIFY(counted(count, bolt).isNull()); // the book quantities are there, nothing counted yet
        // Zero on an uncounted line, then Ctrl+Z: uncounted again (not 0).
        const Reply zero = scan(count, QStringLiteral("6900000000011"), 0, true);
        LH_VERIFY_OK(zero);
        QCOMPARE(zero.value().toMap().value(QStringLiteral("zero")).toBool(), true);
        QCOMPARE(counted(count, bolt).toInteger(-1), qint64(0));
        LH_VERIFY_OK(undo(count));
        QVERIFY(counted(count, bolt).isNull());
        // Two found, then zero after all, then Ctrl+Z: back to 2.
        LH_VERIFY_OK(scan(count, QStringLiteral("6900000000011"), 2 * kUnit));
        LH_VERIFY_OK(scan(count, QStringLiteral("6900000000011"), kUnit, true));
        QCOMPARE(counted(count, bolt).toInteger(-1), qint64(0));
        LH_VERIFY_OK(undo(count));
        QCOMPARE(counted(count, bolt).toInteger(-1), 2 * kUnit);
        LH_VERIFY_OK(scan(count, QStringLiteral("6900000000011"), kUnit, true));
        // A zero scan is logged like any other: the next undo takes back the nut, not the zero.
        LH_VERIFY_OK(scan(count, QStringLiteral("6900000000028"), 4 * kUnit));
        LH_VERIFY_OK(undo(count));
        QVERIFY(counted(count, nut).isNull());
        LH_VERIFY_OK(scan(count, QStringLiteral("6900000000028"), 4 * kUnit));

        // Before approval: bolt 5 → 0 loses ¥50.00; nut 3 → 4 gains ¥4.00.
        qint64 total = 0;
        const QList<QCborMap> rows = variances(count, &total);
        QCOMPARE(rows.size(), 2);
        for (const QCborMap &r : rows) {
            if (r.value(QStringLiteral("product_id")).toInteger() == bolt) {
                QCOMPARE(r.value(QStringLiteral("name")).toString(), s("盘点螺栓"));
                QCOMPARE(r.value(QStringLiteral("book_qty")).toInteger(), 5 * kUnit);
                QCOMPARE(r.value(QStringLiteral("counted_qty")).toInteger(), qint64(0));
                QCOMPARE(r.value(QStringLiteral("variance")).toInteger(), -5 * kUnit);
                QCOMPARE(r.value(QStringLiteral("variance_value")).toInteger(), qint64(-5000));
            } else {
                QCOMPARE(r.value(QStringLiteral("variance")).toInteger(), kUnit);
                QCOMPARE(r.value(QStringLiteral("variance_value")).toInteger(), qint64(400));
            }
        }
        QCOMPARE(total, qint64(-4600));
        // Posting books exactly that.
        const Reply posted = erp->action(QStringLiteral("stock_count"), count, QStringLiteral("post"));
        LH_VERIFY_OK(posted);
        QCOMPARE(erp->get(QStringLiteral("stock_count"), count).value(QStringLiteral("variance_value")).toInteger(), qint64(-4600));
        QCOMPARE(erp->onHand(bolt, wh), qint64(0));
        QCOMPARE(erp->onHand(nut, wh), 4 * kUnit);
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
        // Once posted, no more zero scans.
        LH_VERIFY_ERROR(scan(count, QStringLiteral("6900000000011"), 0, true), ErrorCode::InvalidState);
    }

    // A serial-tracked product is counted unit by unit: the count starts with a
    // line per serial in stock; a serial scanned is found, one in stock but not
    // scanned is missing (a loss naming it), one scanned but not in stock is a
    // gain (it comes into stock). A product none of whose units was scanned is
    // left alone.
    void serialNumbersAreCountedUnitByUnit()
    {
        const qint64 wh = erp->warehouse(QStringLiteral("CZS"));
        const qint64 other = erp->warehouse(QStringLiteral("CZS2"));
        const qint64 meter = erp->product(QStringLiteral("CZSM"), s("盘点血压计"), 30000, 12000, QStringLiteral("6900000000097"), 0, true);
        const qint64 scale = erp->product(QStringLiteral("CZSS"), s("盘点体重秤"), 20000, 8000, QStringLiteral("6900000000103"), 0, true);
        QVERIFY(meter && scale);
        QVERIFY(receiveSerials(meter, wh, {QStringLiteral("M-1"), QStringLiteral("M-2"), QStringLiteral("M-3")}, 12000));
        QVERIFY(receiveSerials(meter, other, {QStringLiteral("M-7")}, 12000));
        QVERIFY(receiveSerials(scale, wh, {QStringLiteral("S-1")}, 8000));
        const qint64 count = openCount(wh);
        QVERIFY(count);
        // One book line per serial number in stock here, nothing counted yet.
        QMap<QString, qint64> book;
        for (const QCborMap &l : test::linesOf(erp->get(QStringLiteral("stock_count"), count))) {
            QVERIFY(l.value(QStringLiteral("counted_qty")).isNull());
            book.insert(l.value(QStringLiteral("serial")).toString(), l.value(QStringLiteral("book_qty")).toInteger());
        }
        QCOMPARE(book, (QMap<QString, qint64>{{QStringLiteral("M-1"), kUnit}, {QStringLiteral("M-2"), kUnit}, {QStringLiteral("M-3"), kUnit}, {QStringLiteral("S-1"), kUnit}}));

        const QString barcode = QStringLiteral("6900000000097");
        QCOMPARE(test::problemsOf(scan(count, barcode, kUnit)), QStringList{QStringLiteral("barcode:serial_required")});
        const Reply found = scan(count, barcode, kUnit, false, QStringLiteral("m-1"));
        LH_VERIFY_OK(found);
        bool shown = false; // the clerk's lines name the serial
        for (const QCborValue &l : found.value().toMap().value(QStringLiteral("lines")).toArray())
            shown |= l.toMap().value(QStringLiteral("serial")).toString() == QLatin1String("M-1") && l.toMap().value(QStringLiteral("scanned")).toInteger() == kUnit;
        QVERIFY(shown);
        QCOMPARE(test::problemsOf(scan(count, barcode, kUnit, false, QStringLiteral("M-1"))), QStringList{QStringLiteral("barcode:serial_twice")});
        QCOMPARE(test::problemsOf(scan(count, barcode, 2 * kUnit, false, QStringLiteral("M-2"))), QStringList{QStringLiteral("barcode:serial_one")});
        // In stock in another warehouse: not a gain here.
        QCOMPARE(test::problemsOf(scan(count, barcode, kUnit, false, QStringLiteral("M-7"))), QStringList{QStringLiteral("barcode:serial_in_stock")});
        // Not in stock anywhere: found here, a gain. Undone and scanned again.
        LH_VERIFY_OK(scan(count, barcode, kUnit, false, QStringLiteral("M-9")));
        LH_VERIFY_OK(undo(count));
        LH_VERIFY_OK(scan(count, barcode, kUnit, false, QStringLiteral("M-9")));

        // M-2 and M-3 were not scanned: missing at FIFO cost; M-9 extra at the last cost; the scale is not counted.
        qint64 total = 0;
        QMap<QString, QPair<qint64, qint64>> variance; // serial -> variance, value
        for (const QCborMap &r : variances(count, &total)) {
            QCOMPARE(r.value(QStringLiteral("product_id")).toInteger(), meter);
            variance.insert(r.value(QStringLiteral("serial")).toString(), {r.value(QStringLiteral("variance")).toInteger(), r.value(QStringLiteral("variance_value")).toInteger()});
        }
        QCOMPARE(variance, (QMap<QString, QPair<qint64, qint64>>{{QStringLiteral("M-1"), {0, 0}},
                                                                 {QStringLiteral("M-2"), {-kUnit, -12000}},
                                                                 {QStringLiteral("M-3"), {-kUnit, -12000}},
                                                                 {QStringLiteral("M-9"), {kUnit, 12000}}}));
        QCOMPARE(total, qint64(-12000));

        const Reply posted = erp->action(QStringLiteral("stock_count"), count, QStringLiteral("post"));
        LH_VERIFY_OK(posted);
        QCOMPARE(erp->get(QStringLiteral("stock_count"), count).value(QStringLiteral("variance_value")).toInteger(), qint64(-12000));
        QCOMPARE(erp->onHand(meter, wh), 2 * kUnit);
        QCOMPARE(erp->onHand(scale, wh), kUnit);
        QCOMPARE(serialsInStock(meter), (QMap<QString, bool>{{QStringLiteral("M-1"), true}, {QStringLiteral("M-2"), false}, {QStringLiteral("M-3"), false},
                                                              {QStringLiteral("M-7"), true}, {QStringLiteral("M-9"), true}}));
        // The moves name the units: M-2 and M-3 out, M-9 in.
        QMap<QString, qint64> moved;
        const Reply moves = admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("stock_move")},
                                                                        {QStringLiteral("filter"), QCborArray{QStringLiteral("and"),
                                                                                                              QCborArray{QStringLiteral("eq"), QStringLiteral("doc_type"), QStringLiteral("stock_count")},
                                                                                                              QCborArray{QStringLiteral("eq"), QStringLiteral("doc_id"), count}}}});
        for (const QCborMap &m : test::rowsOf(moves)) moved.insert(m.value(QStringLiteral("serial")).toString(), m.value(QStringLiteral("quantity")).toInteger());
        QCOMPARE(moved, (QMap<QString, qint64>{{QStringLiteral("M-2"), -kUnit}, {QStringLiteral("M-3"), -kUnit}, {QStringLiteral("M-9"), kUnit}}));
        // The posted lines keep what was counted: the missing serials as 0.
        for (const QCborMap &l : test::linesOf(erp->get(QStringLiteral("stock_count"), count)))
            if (l.value(QStringLiteral("serial")).toString() == QLatin1String("M-2")) QCOMPARE(l.value(QStringLiteral("counted_qty")).toInteger(-1), qint64(0));
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    // Counting a serial-tracked product as zero counts every unit of it missing.
    void aSerialProductCountedAsZero()
    {
        const qint64 wh = erp->warehouse(QStringLiteral("CZT"));
        const qint64 p = erp->product(QStringLiteral("CZTM"), s("盘点听诊器"), 30000, 5000, QStringLiteral("6900000000110"), 0, true);
        QVERIFY(receiveSerials(p, wh, {QStringLiteral("T-1"), QStringLiteral("T-2")}, 5000));
        const qint64 count = openCount(wh);
        LH_VERIFY_OK(scan(count, QStringLiteral("6900000000110"), 0, true));
        qint64 total = 0;
        QCOMPARE(variances(count, &total).size(), 2);
        QCOMPARE(total, qint64(-10000));
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_count"), count, QStringLiteral("post")));
        QCOMPARE(erp->onHand(p, wh), qint64(0));
        QCOMPARE(serialsInStock(p), (QMap<QString, bool>{{QStringLiteral("T-1"), false}, {QStringLiteral("T-2"), false}}));
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    // A count of one zone: only the locations whose code starts with "A-" get
    // book quantities, a location of another zone is refused at the scanner, and
    // posting touches nothing outside the zone.
    void aCountOfOneZone()
    {
        const qint64 wh = erp->warehouse(QStringLiteral("CZZ"));
        const qint64 a1 = erp->location(wh, QStringLiteral("A-01")), a2 = erp->location(wh, QStringLiteral("A-02")), b1 = erp->location(wh, QStringLiteral("B-01"));
        QVERIFY(a1 && a2 && b1);
        const qint64 bolt = erp->product(QStringLiteral("CZZB"), s("分区螺栓"), 2000, 1000, QStringLiteral("6909000000991"));
        QVERIFY(erp->buy(supplier, wh, {{bolt, 9 * kUnit, 1000}}));
        // Put 3 on each location by a transfer within the warehouse.
        const Reply moved = erp->saveDocument(QStringLiteral("stock_transfer"), M{{QStringLiteral("from_warehouse_id"), wh}, {QStringLiteral("to_warehouse_id"), wh}},
                                              {});
        LH_VERIFY_OK(moved);
        const qint64 transfer = test::idOf(moved);
        const QCborMap header = erp->get(QStringLiteral("stock_transfer"), transfer);
        QCborArray lines;
        for (qint64 to : {a1, a2, b1})
            lines.append(M{{QStringLiteral("product_id"), bolt}, {QStringLiteral("quantity"), 3 * kUnit}, {QStringLiteral("to_location_id"), to}});
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("stock_transfer")}, {QStringLiteral("id"), transfer},
                                                                {QStringLiteral("version"), header.value(QStringLiteral("version"))}, {QStringLiteral("lines"), lines}}));
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_transfer"), transfer, QStringLiteral("post")));

        const Reply opened = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("count")}, {QStringLiteral("warehouse_id"), wh},
                                                                                 {QStringLiteral("location_prefix"), QStringLiteral("a-")}});
        LH_VERIFY_OK(opened);
        const qint64 count = opened.value().toMap().value(QStringLiteral("id")).toInteger();
        QCOMPARE(erp->get(QStringLiteral("stock_count"), count).value(QStringLiteral("location_prefix")).toString(), QStringLiteral("A-"));
        QList<qint64> booked;
        for (const QCborMap &l : test::linesOf(erp->get(QStringLiteral("stock_count"), count))) booked << l.value(QStringLiteral("location_id")).toInteger();
        std::sort(booked.begin(), booked.end());
        QCOMPARE(booked, (QList<qint64>{std::min(a1, a2), std::max(a1, a2)}));
        // B-01 is outside the zone: red at the scanner, nothing counted.
        QCOMPARE(test::problemsOf(scan(count, QStringLiteral("B-01"), kUnit)), QStringList{QStringLiteral("barcode:wrong_location")});
        // A-01 counted 2 (one lost), A-02 left uncounted.
        LH_VERIFY_OK(scan(count, QStringLiteral("A-01"), kUnit));
        LH_VERIFY_OK(scan(count, QStringLiteral("6909000000991"), 2 * kUnit));
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_count"), count, QStringLiteral("post")));
        QCOMPARE(erp->onHand(bolt, wh), 8 * kUnit);
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    void varianceValuesFollowFifoAcrossLayers()
    {
        const qint64 wh = erp->warehouse(QStringLiteral("CZ2"));
        const qint64 washer = erp->product(QStringLiteral("CZW"), s("盘点垫圈"), 300, 1000, QStringLiteral("6900000000035"));
        QVERIFY(erp->buy(supplier, wh, {{washer, 4 * kUnit, 1000}})); // 4 @ ¥10.00
        QVERIFY(erp->buy(supplier, wh, {{washer, 4 * kUnit, 1300}})); // 4 @ ¥13.00
        const qint64 count = openCount(wh);
        LH_VERIFY_OK(scan(count, QStringLiteral("6900000000035"), 3 * kUnit));
        // 8 → 3: the oldest 4 at ¥10 and 1 at ¥13 = ¥53.00.
        qint64 total = 0;
        const QList<QCborMap> rows = variances(count, &total);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(QStringLiteral("variance_value")).toInteger(), qint64(-5300));
        QCOMPARE(total, qint64(-5300));
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_count"), count, QStringLiteral("post")));
        QCOMPARE(erp->get(QStringLiteral("stock_count"), count).value(QStringLiteral("variance_value")).toInteger(), qint64(-5300));
        QCOMPARE(erp->value(washer, wh), qint64(3900));
    }

    void varianceListFollowsTheCountsRecordRules()
    {
        const qint64 wh = erp->warehouse(QStringLiteral("CZ5"));
        const qint64 p = erp->product(QStringLiteral("CZR"), s("盘点规则"), 300, 100, QStringLiteral("6900000000059"));
        QVERIFY(erp->buy(supplier, wh, {{p, 2 * kUnit, 100}}));
        const qint64 theirs = openCount(wh);
        QVERIFY(theirs);
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("cz_counter"), QString::fromLatin1(test::kUserPassword), QStringLiteral("CZ_COUNTER"),
                                  {{QStringLiteral("stock_count"), QStringLiteral("read"), QStringLiteral("own")},
                                   {QStringLiteral("stock_count"), QStringLiteral("create"), QStringLiteral("own")}},
                                  {}, &error),
                 qPrintable(error));
        auto counter = server.login(QStringLiteral("cz_counter"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(counter);
        LH_VERIFY_ERROR(counter->call(QStringLiteral("inventory.count_variances"), M{{QStringLiteral("count_id"), theirs}}), ErrorCode::NotFound);
        const Reply own = counter->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("count")}, {QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_OK(own);
        const Reply mine = counter->call(QStringLiteral("inventory.count_variances"), M{{QStringLiteral("count_id"), own.value().toMap().value(QStringLiteral("id"))}});
        LH_VERIFY_OK(mine);
        QCOMPARE(test::rowsOf(mine).size(), 0); // book quantities taken, nothing counted yet
    }

    void aSharedZoneCountTakesTwoClerksAtOnce()
    {
        const qint64 wh = erp->warehouse(QStringLiteral("CZJ"));
        const qint64 a1 = erp->location(wh, QStringLiteral("J-01")), a2 = erp->location(wh, QStringLiteral("J-02"));
        QVERIFY(a1 && a2);
        const qint64 p = erp->product(QStringLiteral("CZJP"), s("共享盘点件"), 300, 100, QStringLiteral("6900000000066"));
        // The supervisor opens a zone count in the workstation form (not started).
        const Reply made = erp->saveDocument(QStringLiteral("stock_count"), M{{QStringLiteral("warehouse_id"), wh}, {QStringLiteral("location_prefix"), QStringLiteral("J-")}}, {});
        LH_VERIFY_OK(made);
        const qint64 shared = test::idOf(made);
        QString error;
        for (const char *name : {"cz_clerk1", "cz_clerk2"})
            QVERIFY2(test::createUser(*admin, QString::fromLatin1(name), QString::fromLatin1(test::kUserPassword), QStringLiteral("CZ_CLERK"), test::clerkGrants(), {}, &error),
                     qPrintable(error));
        QVERIFY2(test::createUser(*admin, QStringLiteral("cz_viewer"), QString::fromLatin1(test::kUserPassword), QStringLiteral("CZ_VIEWER"),
                                  {{QStringLiteral("stock_count"), QStringLiteral("read")}, {QStringLiteral("stock_count"), QStringLiteral("create")}}, {}, &error),
                 qPrintable(error));

        // The clerk's F4 chooser: the open counts of the warehouse, with who opened them.
        auto clerk = server.login(QStringLiteral("cz_clerk1"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(clerk);
        const Reply listed = clerk->call(QStringLiteral("inventory.open_counts"), M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_OK(listed);
        const QCborArray open = listed.value().toMap().value(QStringLiteral("rows")).toArray();
        QCOMPARE(open.size(), 1);
        const QCborMap row = open.first().toMap();
        QCOMPARE(row.value(QStringLiteral("id")).toInteger(), shared);
        QCOMPARE(row.value(QStringLiteral("location_prefix")).toString(), QStringLiteral("J-"));
        QCOMPARE(row.value(QStringLiteral("warehouse")).toString(), erp->get(QStringLiteral("warehouse"), wh).value(QStringLiteral("name")).toString());
        QVERIFY(!row.value(QStringLiteral("opened_by")).toString().isEmpty());
        QVERIFY(!row.value(QStringLiteral("number")).toString().isEmpty());

        // Joining needs the grant to scan into counts, not ownership.
        auto viewer = server.login(QStringLiteral("cz_viewer"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(viewer);
        const M join{{QStringLiteral("task"), QStringLiteral("count")}, {QStringLiteral("count_id"), shared}};
        LH_VERIFY_ERROR(viewer->call(QStringLiteral("inventory.open_task"), join), ErrorCode::PermissionDenied);
        // Nor a count outside the caller's write scope (own counts only): not found, not listed.
        QVERIFY2(test::createUser(*admin, QStringLiteral("cz_own"), QString::fromLatin1(test::kUserPassword), QStringLiteral("CZ_OWN"),
                                  {{QStringLiteral("stock_count"), QStringLiteral("read"), QStringLiteral("own")},
                                   {QStringLiteral("stock_count"), QStringLiteral("write"), QStringLiteral("own")}},
                                  {}, &error),
                 qPrintable(error));
        auto own = server.login(QStringLiteral("cz_own"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(own);
        LH_VERIFY_ERROR(own->call(QStringLiteral("inventory.open_task"), join), ErrorCode::NotFound);
        const Reply ownList = own->call(QStringLiteral("inventory.open_counts"), M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_OK(ownList);
        QCOMPARE(ownList.value().toMap().value(QStringLiteral("rows")).toArray().size(), 0);

        // Two clerks join and scan at the same time, each from their own location.
        constexpr int kScans = 20;
        const client::ServerAddress address = server.address();
        std::atomic<int> failures = 0;
        std::atomic<int> joinedCount = 0;
        auto clerkRun = [&](const QString &user, const QString &location) {
            client::SyncClient c;
            if (!c.connectTo(address) || !c.login(user, QString::fromLatin1(test::kUserPassword)).isOk()) {
                ++failures;
                return;
            }
            const Reply opened = c.call(QStringLiteral("inventory.open_task"), join);
            if (!opened.isOk() || opened.value().toMap().value(QStringLiteral("id")).toInteger() != shared) {
                ++failures;
                return;
            }
            ++joinedCount;
            const M place{{QStringLiteral("doc_type"), QStringLiteral("stock_count")}, {QStringLiteral("doc_id"), shared}, {QStringLiteral("barcode"), location},
                          {QStringLiteral("quantity"), kUnit}};
            if (!c.call(QStringLiteral("inventory.scan"), place).isOk()) ++failures;
            M item = place;
            item.insert(QStringLiteral("barcode"), QStringLiteral("6900000000066"));
            for (int i = 0; i < kScans; ++i)
                if (const Reply r = c.call(QStringLiteral("inventory.scan"), item); !r.isOk()) {
                    qWarning("%s", qPrintable(test::describe(r)));
                    ++failures;
                }
        };
        std::unique_ptr<QThread> one(QThread::create(clerkRun, QStringLiteral("cz_clerk1"), QStringLiteral("J-01")));
        std::unique_ptr<QThread> two(QThread::create(clerkRun, QStringLiteral("cz_clerk2"), QStringLiteral("J-02")));
        one->start();
        two->start();
        QVERIFY(one->wait(120000) && two->wait(120000));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(joinedCount.load(), 2);
        // Every scan landed once, on the location its clerk stood at.
        QMap<qint64, qint64> byLocation;
        for (const QCborMap &l : test::linesOf(erp->get(QStringLiteral("stock_count"), shared)))
            if (l.value(QStringLiteral("product_id")).toInteger() == p) byLocation[l.value(QStringLiteral("location_id")).toInteger()] += l.value(QStringLiteral("counted_qty")).toInteger();
        QCOMPARE(byLocation.value(a1), kScans * kUnit);
        QCOMPARE(byLocation.value(a2), kScans * kUnit);
        // Each scan is logged under the clerk who made it.
        QMap<qint64, int> byUser;
        const Reply events = admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("scan_event")},
                                                                         {QStringLiteral("filter"), QCborArray{QStringLiteral("eq"), QStringLiteral("doc_id"), shared}},
                                                                         {QStringLiteral("limit"), 1000}});
        LH_VERIFY_OK(events);
        for (const QCborMap &e : test::rowsOf(events))
            if (e.value(QStringLiteral("doc_type")).toString() == QLatin1String("stock_count")) ++byUser[e.value(QStringLiteral("user_id")).toInteger()];
        QCOMPARE(byUser.size(), 2);
        for (int n : byUser) QCOMPARE(n, kScans + 1); // the location scan and the items

        // "New count" starts a count of the clerk's own even when a shared one is open.
        const Reply fresh = clerk->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("count")}, {QStringLiteral("warehouse_id"), wh},
                                                                               {QStringLiteral("new"), true}, {QStringLiteral("location_prefix"), QStringLiteral("j-02")}});
        LH_VERIFY_OK(fresh);
        QVERIFY(test::idOf(fresh) != shared);
        QCOMPARE(erp->get(QStringLiteral("stock_count"), test::idOf(fresh)).value(QStringLiteral("location_prefix")).toString(), QStringLiteral("J-02"));
        QCOMPARE(clerk->call(QStringLiteral("inventory.open_counts"), M{{QStringLiteral("warehouse_id"), wh}}).value().toMap().value(QStringLiteral("rows")).toArray().size(), 2);

        // A posted count can no longer be joined.
        LH_VERIFY_OK(erp->action(QStringLiteral("stock_count"), shared, QStringLiteral("post")));
        const Reply late = clerk->call(QStringLiteral("inventory.open_task"), join);
        LH_VERIFY_ERROR(late, ErrorCode::InvalidState);
        QCOMPARE(test::problemsOf(late), QStringList{QStringLiteral("count_id:not_open")});
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    void zeroIsOnlyForCounts()
    {
        const qint64 wh = erp->warehouse(QStringLiteral("CZ3"));
        const qint64 p = erp->product(QStringLiteral("CZX"), s("盘点其他"), 300, 100, QStringLiteral("6900000000042"));
        QVERIFY(erp->buy(supplier, wh, {{p, 2 * kUnit, 100}}));
        const qint64 other = erp->warehouse(QStringLiteral("CZ4"));
        const Reply task = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("transfer")}, {QStringLiteral("warehouse_id"), wh},
                                                                                 {QStringLiteral("to_warehouse_id"), other}});
        LH_VERIFY_OK(task);
        const Reply refused = admin->call(QStringLiteral("inventory.scan"), M{{QStringLiteral("doc_type"), QStringLiteral("stock_transfer")},
                                                                               {QStringLiteral("doc_id"), task.value().toMap().value(QStringLiteral("id"))},
                                                                               {QStringLiteral("barcode"), QStringLiteral("6900000000042")},
                                                                               {QStringLiteral("zero"), true}});
        LH_VERIFY_ERROR(refused, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(refused), QStringList{QStringLiteral("quantity:zero_only_in_count")});
    }
};

QTEST_GUILESS_MAIN(TestStockCount)
#include "tst_stock_count.moc"
