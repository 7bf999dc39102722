// Confirming a sales order when stock is short or the customer's credit limit
// would be exceeded, over the real server: the shortage names the product and
// breaks availability down per warehouse; 留欠货 confirms and ships what there is;
// overriding the credit limit needs the permission and a reason, which the audit
// log keeps, and anyone else is refused.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
} // namespace

class TestSalesConfirm : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<Erp> erp;
    qint64 wh1 = 0, wh2 = 0, supplier = 0;

    qint64 order(qint64 customer, qint64 product, qint64 quantity, qint64 price)
    {
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}},
                                           {{product, quantity, price}});
        return so.isOk() ? idOf(so) : 0;
    }

    Reply confirm(client::SyncClient &c, qint64 id, const QCborMap &args)
    {
        const qint64 version = erp->get(QStringLiteral("sales_order"), id).value(QStringLiteral("version")).toInteger();
        return c.call(QStringLiteral("doc.action"), M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), id},
                                                      {QStringLiteral("version"), version}, {QStringLiteral("action"), QStringLiteral("confirm")},
                                                      {QStringLiteral("args"), args}});
    }

    QList<QCborMap> history(qint64 id, const QString &call)
    {
        QList<QCborMap> out;
        const Reply r = admin->call(QStringLiteral("data.history"), M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), id}});
        for (const auto &e : r.value().toMap().value(QStringLiteral("entries")).toArray())
            if (e.toMap().value(QStringLiteral("call")).toString() == call) out << e.toMap();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        erp = std::make_unique<Erp>(*admin);
        wh1 = erp->warehouse(QStringLiteral("SCW1"));
        wh2 = erp->warehouse(QStringLiteral("SCW2"));
        supplier = erp->supplier(QStringLiteral("SCS"), s("确认供应商"));
        QVERIFY(wh1 && wh2 && supplier);
    }

    void shortageNamesTheProductPerWarehouseThenBackorderShipsWhatThereIs()
    {
        const qint64 customer = erp->customer(QStringLiteral("SCC1"), s("欠货客户"));
        const qint64 p = erp->product(QStringLiteral("SCP1"), s("欠货螺栓"), 2000, 1000);
        QVERIFY(erp->buy(supplier, wh1, {{p, 5 * kUnit, 1000}}));
        QVERIFY(erp->buy(supplier, wh2, {{p, 7 * kUnit, 1000}}));
        const qint64 so = order(customer, p, 8 * kUnit, 2000);
        QVERIFY(so);
        const Reply refused = confirm(*admin, so, {});
        LH_VERIFY_ERROR(refused, ErrorCode::InsufficientStock);
        const QCborArray lines = refused.error().details().value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), 1);
        const QCborMap line = lines.first().toMap();
        QCOMPARE(line.value(QStringLiteral("product")).toString(), s("SCP1 欠货螺栓"));
        QCOMPARE(line.value(QStringLiteral("needed")).toInteger(), 8 * kUnit);
        QCOMPARE(line.value(QStringLiteral("available")).toInteger(), 5 * kUnit);
        const QCborArray warehouses = line.value(QStringLiteral("warehouses")).toArray();
        QCOMPARE(warehouses.size(), 2);
        QCOMPARE(warehouses.at(0).toMap().value(QStringLiteral("warehouse")).toString(), s("仓库SCW1"));
        QCOMPARE(warehouses.at(1).toMap().value(QStringLiteral("available")).toInteger(), 7 * kUnit);
        QCOMPARE(erp->get(QStringLiteral("sales_order"), so).value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        // 留欠货: confirm anyway; shipping everything fails, 部分发货 ships the 5 there are, 3 stay open.
        LH_VERIFY_OK(confirm(*admin, so, M{{QStringLiteral("allow_backorder"), true}}));
        LH_VERIFY_ERROR(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("deliver")), ErrorCode::InsufficientStock);
        const Reply shipped = erp->action(QStringLiteral("sales_order"), so, QStringLiteral("deliver"), M{{QStringLiteral("partial"), true}});
        LH_VERIFY_OK(shipped);
        const QCborMap delivery = erp->get(QStringLiteral("delivery"),
                                         shipped.value().toMap().value(QStringLiteral("action_result")).toMap().value(QStringLiteral("delivery_id")).toInteger());
        QCOMPARE(linesOf(delivery).first().value(QStringLiteral("quantity")).toInteger(), 5 * kUnit);
        // Nothing more in stock: a second partial delivery is refused, the backorder stays.
        LH_VERIFY_ERROR(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("deliver"), M{{QStringLiteral("partial"), true}}),
                        ErrorCode::InsufficientStock);
        const QCborMap after = erp->get(QStringLiteral("sales_order"), so);
        QCOMPARE(after.value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        QCOMPARE(after.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("partial"));
        QCOMPARE(linesOf(after).first().value(QStringLiteral("line_status")).toString(), QStringLiteral("partial"));
        QCOMPARE(erp->onHand(p, wh1), qint64(0));
        QCOMPARE(linesOf(after).first().value(QStringLiteral("delivered_qty")).toInteger(), 5 * kUnit);
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    void creditOverrideNeedsAReasonAndIsAudited()
    {
        const qint64 customer = erp->customer(QStringLiteral("SCC2"), s("额度客户"), 10000); // ¥100.00
        const qint64 p = erp->product(QStringLiteral("SCP2"), s("额度螺母"), 5000, 1000);
        QVERIFY(erp->buy(supplier, wh1, {{p, 10 * kUnit, 1000}}));
        const qint64 so = order(customer, p, 3 * kUnit, 5000); // ¥150.00
        QVERIFY(so);
        const Reply refused = confirm(*admin, so, {});
        LH_VERIFY_ERROR(refused, ErrorCode::CreditLimit);
        QCOMPARE(refused.error().details().value(QStringLiteral("exposure")).toInteger(), qint64(15000));
        const Reply noReason = confirm(*admin, so, M{{QStringLiteral("override_credit"), true}, {QStringLiteral("override_reason"), QStringLiteral("  ")}});
        LH_VERIFY_ERROR(noReason, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(noReason), QStringList{QStringLiteral("override_reason:required")});
        QVERIFY(history(so, QStringLiteral("sales_order.override_credit")).isEmpty());
        LH_VERIFY_OK(confirm(*admin, so, M{{QStringLiteral("override_credit"), true}, {QStringLiteral("override_reason"), s("老客户，月底回款")}}));
        QCOMPARE(erp->get(QStringLiteral("sales_order"), so).value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        const QList<QCborMap> overrides = history(so, QStringLiteral("sales_order.override_credit"));
        QCOMPARE(overrides.size(), 1);
        const QJsonObject changes = QJsonDocument::fromJson(overrides.first().value(QStringLiteral("changes")).toString().toUtf8()).object();
        QCOMPARE(changes.value(QStringLiteral("override_reason")).toArray().at(1).toString(), s("老客户，月底回款"));
        QCOMPARE(changes.value(QStringLiteral("exposure")).toArray().at(1).toInteger(), qint64(15000));
        QCOMPARE(changes.value(QStringLiteral("credit_limit")).toArray().at(1).toInteger(), qint64(10000));
        QCOMPARE(overrides.first().value(QStringLiteral("user")).toString().isEmpty(), false);
    }

    void overrideWithoutThePermissionIsRefused()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("sc_clerk"), QString::fromLatin1(test::kUserPassword), QStringLiteral("SC_SALES"),
                                  {{QStringLiteral("sales_order"), QStringLiteral("read")}, {QStringLiteral("sales_order"), QStringLiteral("create")},
                                   {QStringLiteral("sales_order"), QStringLiteral("write")}, {QStringLiteral("sales_order"), QStringLiteral("confirm")}},
                                  {}, &error),
                 qPrintable(error));
        auto clerk = server.login(QStringLiteral("sc_clerk"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(clerk);
        const qint64 customer = erp->customer(QStringLiteral("SCC3"), s("额度客户三"), 10000);
        const qint64 p = erp->product(QStringLiteral("SCP3"), s("额度垫片"), 5000, 1000);
        QVERIFY(erp->buy(supplier, wh1, {{p, 10 * kUnit, 1000}}));
        const qint64 so = order(customer, p, 3 * kUnit, 5000);
        QVERIFY(so);
        const Reply refused = confirm(*clerk, so, M{{QStringLiteral("override_credit"), true}, {QStringLiteral("override_reason"), s("我说可以")}});
        LH_VERIFY_ERROR(refused, ErrorCode::CreditLimit);
        QCOMPARE(erp->get(QStringLiteral("sales_order"), so).value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        QVERIFY(history(so, QStringLiteral("sales_order.override_credit")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSalesConfirm)
#include "tst_sales_confirm.moc"
