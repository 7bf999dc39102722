// Overselling: ten units in stock, fifty connections each ship one unit at the
// same moment, many rounds: exactly ten succeed every time and on hand ends at 0.
#include "erp_fixture.h"
#include "reliability_support.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QTest>

using namespace liuhe;
using liuhe::protocol::ErrorCode;
using liuhe::protocol::Reply;
using liuhe::test::TestServer;
using M = QCborMap;

class TestOverselling : public QObject {
    Q_OBJECT
    TestServer server;

private Q_SLOTS:
    void exactlyTheStockIsShipped()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        auto admin = server.admin();
        QVERIFY(admin);
        test::Erp erp(*admin);
        const qint64 warehouse = erp.warehouse(QStringLiteral("OS"));
        const qint64 customer = erp.customer(QStringLiteral("OS-C"), QStringLiteral("抢购客户"));
        const qint64 supplier = erp.supplier(QStringLiteral("OS-S"), QStringLiteral("供应商"));
        std::vector<std::unique_ptr<client::SyncClient>> shippers;
        for (int i = 0; i < 50; ++i) {
            shippers.push_back(server.admin());
            QVERIFY(shippers.back());
        }
        const int rounds = reliability::scaled(3, 30);
        for (int round = 0; round < rounds; ++round) {
            const qint64 product = erp.product(QStringLiteral("OS-P%1").arg(round), QStringLiteral("限量商品%1").arg(round), 1000, 600);
            QVERIFY(erp.buy(supplier, warehouse, {{product, 10 * 1000, 600}}));
            // Fifty confirmed orders of one unit (confirmed as back orders: only ten can be covered).
            QList<M> orders;
            for (int i = 0; i < 50; ++i) {
                const Reply saved = erp.saveDocument(QStringLiteral("sales_order"),
                                                     M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                                     {{product, 1000}});
                LH_VERIFY_OK(saved);
                const Reply confirmed = erp.action(QStringLiteral("sales_order"), saved.value().toMap().value(QStringLiteral("id")).toInteger(),
                                                   QStringLiteral("confirm"), M{{QStringLiteral("allow_backorder"), true}});
                LH_VERIFY_OK(confirmed);
                orders << confirmed.value().toMap();
            }
            int shipped = 0, refused = 0, answered = 0;
            QStringList other;
            for (int i = 0; i < 50; ++i)
                shippers[size_t(i)]->connection().call(
                    QStringLiteral("doc.action"),
                    M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), orders[i].value(QStringLiteral("id"))},
                      {QStringLiteral("version"), orders[i].value(QStringLiteral("version"))}, {QStringLiteral("action"), QStringLiteral("deliver")}},
                    [&](const Reply &r) {
                        ++answered;
                        if (r.isOk()) ++shipped;
                        else if (r.error().code() == ErrorCode::InsufficientStock) ++refused;
                        else other << test::describe(r);
                    });
            QTRY_COMPARE_WITH_TIMEOUT(answered, 50, 120000);
            QVERIFY2(other.isEmpty(), qPrintable(other.join(u'\n')));
            QCOMPARE(shipped, 10);
            QCOMPARE(refused, 40);
            QCOMPARE(erp.onHand(product, warehouse), qint64(0));
        }
        const QString problems = reliability::invariantProblems(*admin);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        qInfo("%d rounds of 50 concurrent shipments of 10 units on %s", rounds, qPrintable(TestServer::backend()));
    }
};

QTEST_GUILESS_MAIN(TestOverselling)
#include "tst_overselling.moc"
