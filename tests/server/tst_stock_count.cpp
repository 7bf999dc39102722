// Stock counts (盘点) over the real server: a product the book has but the shelf
// does not is counted as ZERO by its own scan (and Ctrl+Z puts the previous count
// back), and the variance list shown before approval (inventory.count_variances)
// gives exactly the quantities and values the posting then books, FIFO across
// layers included.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QTest>
#include <algorithm>

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

    Reply scan(qint64 count, const QString &barcode, qint64 quantity, bool zero = false)
    {
        M args{{QStringLiteral("doc_type"), QStringLiteral("stock_count")}, {QStringLiteral("doc_id"), count}, {QStringLiteral("barcode"), barcode},
               {QStringLiteral("quantity"), quantity}};
        if (zero) args.insert(QStringLiteral("zero"), true);
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
