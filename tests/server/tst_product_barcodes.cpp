// A product's other barcodes over the real server: a carton code counts its pack
// quantity when scanned, every code leads to one product only, serial-numbered
// products scan one at a time, and a clerk may link an unknown code to a product
// only with write access to products (the link is audited like any edit).
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
using M = QCborMap;
using A = QCborArray;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
} // namespace

class TestProductBarcodes : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<Erp> erp;
    qint64 wh = 0, supplier = 0;

    Reply link(client::SyncClient &c, const QString &barcode, qint64 product, qint64 pack = kUnit)
    {
        return c.call(QStringLiteral("inventory.link_barcode"),
                      M{{QStringLiteral("barcode"), barcode}, {QStringLiteral("product_id"), product}, {QStringLiteral("pack_qty"), pack}});
    }

    // A receipt opened for a confirmed order of the products (qty each).
    qint64 openReceipt(const QList<qint64> &products, qint64 qty)
    {
        QList<test::LineSpec> lines;
        for (qint64 p : products) lines.append({p, qty, 500});
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), wh}}, lines);
        if (!po.isOk() || !erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("confirm")).isOk()) return 0;
        const Reply task = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("receive")}, {QStringLiteral("order_id"), idOf(po)}});
        return task.isOk() ? task.value().toMap().value(QStringLiteral("id")).toInteger() : 0;
    }

    Reply scan(client::SyncClient &c, qint64 receipt, const QString &barcode, qint64 qty = kUnit)
    {
        return c.call(QStringLiteral("inventory.scan"), M{{QStringLiteral("doc_type"), QStringLiteral("purchase_receipt")}, {QStringLiteral("doc_id"), receipt},
                                                          {QStringLiteral("barcode"), barcode}, {QStringLiteral("quantity"), qty}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        erp = std::make_unique<Erp>(*admin);
        wh = erp->warehouse(QStringLiteral("WB1"));
        supplier = erp->supplier(QStringLiteral("SB1"), s("宁波条码供应商"));
        QVERIFY(wh && supplier);
    }

    void aCartonCodeCountsItsPack()
    {
        const qint64 cola = erp->product(QStringLiteral("BC1"), s("可乐 330ml"), 300, 200, QStringLiteral("6900000000011"));
        QVERIFY(cola);
        // Full-width digits fold to the same code (NFKC), as on the clerk's screen.
        const Reply linked = link(*admin, s("６９００００００００９９９"), cola, 24 * kUnit);
        LH_VERIFY_OK(linked);
        const QCborArray lines = linked.value().toMap().value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().toMap().value(QStringLiteral("barcode")).toString(), QStringLiteral("6900000000999"));
        QCOMPARE(lines.first().toMap().value(QStringLiteral("pack_qty")).toInteger(), 24 * kUnit);

        const Reply looked = admin->call(QStringLiteral("inventory.lookup"), M{{QStringLiteral("barcode"), QStringLiteral("6900000000999")}});
        LH_VERIFY_OK(looked);
        const QCborMap product = looked.value().toMap().value(QStringLiteral("product")).toMap();
        QCOMPARE(product.value(QStringLiteral("id")).toInteger(), cola);
        QCOMPARE(product.value(QStringLiteral("pack_qty")).toInteger(), 24 * kUnit);

        const qint64 receipt = openReceipt({cola}, 100 * kUnit);
        QVERIFY(receipt);
        LH_VERIFY_OK(scan(*admin, receipt, QStringLiteral("6900000000999")));           // one carton: 24
        LH_VERIFY_OK(scan(*admin, receipt, QStringLiteral("6900000000999"), 2 * kUnit)); // "2*" then a carton: 48
        const Reply single = scan(*admin, receipt, QStringLiteral("6900000000011"));        // one can
        LH_VERIFY_OK(single);
        QCOMPARE(single.value().toMap().value(QStringLiteral("scanned_total")).toInteger(), 73 * kUnit);
        // A fourth carton would pass the ordered 100: refused, nothing counted.
        QCOMPARE(test::problemsOf(scan(*admin, receipt, QStringLiteral("6900000000999"), 2 * kUnit)), QStringList{QStringLiteral("barcode:over_receipt")});
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_receipt"), receipt, QStringLiteral("post")));
        QCOMPARE(erp->onHand(cola, wh), 73 * kUnit);
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    void everyCodeLeadsToOneProduct()
    {
        const qint64 a = erp->product(QStringLiteral("BC2"), s("矿泉水"), 200, 100, QStringLiteral("6900000000028"));
        const qint64 b = erp->product(QStringLiteral("BC3"), s("苏打水"), 250, 120, QStringLiteral("6900000000035"));
        QVERIFY(a && b);
        QCOMPARE(test::problemsOf(link(*admin, QStringLiteral("6900000000035"), a)), QStringList{QStringLiteral("barcode:barcode_taken")});
        QCOMPARE(test::problemsOf(link(*admin, QStringLiteral("BC3"), a)), QStringList{QStringLiteral("barcode:barcode_taken")});
        LH_VERIFY_OK(link(*admin, QStringLiteral("ALT-28"), a));
        // Another product cannot take the same code, neither as another barcode nor as its own.
        QCOMPARE(test::problemsOf(link(*admin, QStringLiteral("ALT-28"), b)), QStringList{QStringLiteral("barcode:barcode_taken")});
        const QCborMap bRecord = erp->get(QStringLiteral("product"), b);
        const Reply own = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("product")}, {QStringLiteral("id"), b},
                                                                      {QStringLiteral("version"), bRecord.value(QStringLiteral("version"))},
                                                                      {QStringLiteral("changes"), M{{QStringLiteral("barcode"), QStringLiteral("ALT-28")}}}});
        QCOMPARE(test::problemsOf(own), QStringList{QStringLiteral("barcode:barcode_taken")});
        // The same code twice on one product, through the product form's lines.
        const QCborMap aRecord = erp->get(QStringLiteral("product"), a);
        const Reply twice = admin->call(QStringLiteral("data.save"),
                                        M{{QStringLiteral("entity"), QStringLiteral("product")}, {QStringLiteral("id"), a},
                                          {QStringLiteral("version"), aRecord.value(QStringLiteral("version"))},
                                          {QStringLiteral("lines"), A{M{{QStringLiteral("barcode"), QStringLiteral("6900000000028")}}}}});
        QCOMPARE(test::problemsOf(twice), QStringList{QStringLiteral("barcode:duplicate")});
        LH_VERIFY_ERROR(link(*admin, QStringLiteral("NEW-1"), 999999), ErrorCode::NotFound);
        LH_VERIFY_ERROR(link(*admin, QStringLiteral("  "), a), ErrorCode::Validation);
        // Refusals changed nothing: one other barcode, and the code still finds a.
        QCOMPARE(erp->get(QStringLiteral("product"), a).value(QStringLiteral("lines")).toArray().size(), 1);
        const Reply looked = admin->call(QStringLiteral("inventory.lookup"), M{{QStringLiteral("barcode"), QStringLiteral("alt-28")}});
        QCOMPARE(looked.value().toMap().value(QStringLiteral("product")).toMap().value(QStringLiteral("id")).toInteger(), a);
    }

    void serialNumberedProductsScanOneAtATime()
    {
        const qint64 phone = erp->product(QStringLiteral("BC4"), s("手机"), 199900, 150000, QStringLiteral("6900000000042"), 0, true);
        QVERIFY(phone);
        QCOMPARE(test::problemsOf(link(*admin, QStringLiteral("BOX-5"), phone, 5 * kUnit)), QStringList{QStringLiteral("pack_qty:serial_one")});
        LH_VERIFY_OK(link(*admin, QStringLiteral("BOX-1"), phone, kUnit));
    }

    void linkingNeedsWriteAccessToProducts()
    {
        const qint64 p = erp->product(QStringLiteral("BC5"), s("纸巾"), 500, 300, QStringLiteral("6900000000059"));
        QVERIFY(p);
        QString error;
        const QList<test::Grant> clerk = {{QStringLiteral("product"), QStringLiteral("read")},
                                          {QStringLiteral("purchase_receipt"), QStringLiteral("read")},
                                          {QStringLiteral("purchase_receipt"), QStringLiteral("write")}};
        QVERIFY2(test::createUser(*admin, QStringLiteral("bc_clerk"), QString::fromLatin1(test::kUserPassword), QStringLiteral("bc_clerk"), clerk, {}, &error),
                 qPrintable(error));
        QList<test::Grant> keeper = clerk;
        keeper << test::Grant{QStringLiteral("product"), QStringLiteral("write")};
        QVERIFY2(test::createUser(*admin, QStringLiteral("bc_keeper"), QString::fromLatin1(test::kUserPassword), QStringLiteral("bc_keeper"), keeper, {}, &error),
                 qPrintable(error));
        auto plainClerk = server.login(QStringLiteral("bc_clerk"), QString::fromLatin1(test::kUserPassword));
        auto stockKeeper = server.login(QStringLiteral("bc_keeper"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(plainClerk && stockKeeper);
        const qint64 before = erp->get(QStringLiteral("product"), p).value(QStringLiteral("version")).toInteger();
        LH_VERIFY_ERROR(link(*plainClerk, QStringLiteral("SUP-59"), p), ErrorCode::PermissionDenied);
        QCOMPARE(erp->get(QStringLiteral("product"), p).value(QStringLiteral("version")).toInteger(), before);
        LH_VERIFY_OK(link(*stockKeeper, QStringLiteral("SUP-59"), p));
        QVERIFY(erp->get(QStringLiteral("product"), p).value(QStringLiteral("version")).toInteger() > before);
        // The link is in the product's history, by the keeper.
        const Reply history = admin->call(QStringLiteral("data.history"), M{{QStringLiteral("entity"), QStringLiteral("product")}, {QStringLiteral("id"), p}});
        LH_VERIFY_OK(history);
        const QString text = history.value().toDiagnosticNotation();
        QVERIFY2(text.contains(QStringLiteral("SUP-59")), qPrintable(text.left(400)));
    }
};

QTEST_GUILESS_MAIN(TestProductBarcodes)
#include "tst_product_barcodes.moc"
