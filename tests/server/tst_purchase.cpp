// 采购 over the real server: a requisition is ordered once, whether by
// create_order or by accepting a supplier quote for it, and an order made from a
// quote is due when the quote's lead time (or the requisition) says; quotes for
// a requisition compare side by side with the cheapest marked.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QDate>
#include <QTest>

#include <optional>

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

class TestPurchase : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<Erp> erp;
    qint64 wh = 0, supplier = 0, product = 0;

    // A submitted requisition for 10 of the product, needed by the date given.
    qint64 requisition(const QString &neededBy, bool submit = true)
    {
        const Reply r = admin->call(QStringLiteral("data.save"),
                                    M{{QStringLiteral("entity"), QStringLiteral("purchase_requisition")},
                                      {QStringLiteral("changes"), M{{QStringLiteral("needed_by"), neededBy}, {QStringLiteral("reason"), s("补货")}}},
                                      {QStringLiteral("lines"), A{M{{QStringLiteral("product_id"), product}, {QStringLiteral("quantity"), 10 * kUnit},
                                                                    {QStringLiteral("supplier_id"), supplier}}}}});
        if (!r.isOk()) qWarning() << test::describe(r);
        if (submit && r.isOk() && !erp->action(QStringLiteral("purchase_requisition"), idOf(r), QStringLiteral("confirm")).isOk()) return 0;
        return idOf(r);
    }

    // A received quote for the requisition: 10 at ¥9.00, with a lead time when given.
    qint64 quote(qint64 requisitionId, std::optional<int> leadDays)
    {
        M line{{QStringLiteral("product_id"), product}, {QStringLiteral("quantity"), 10 * kUnit}, {QStringLiteral("price"), 900}};
        if (leadDays) line.insert(QStringLiteral("lead_days"), *leadDays);
        const Reply q = admin->call(QStringLiteral("data.save"),
                                    M{{QStringLiteral("entity"), QStringLiteral("supplier_quote")},
                                      {QStringLiteral("changes"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("requisition_id"), requisitionId}}},
                                      {QStringLiteral("lines"), A{line}}});
        if (!q.isOk() || !erp->action(QStringLiteral("supplier_quote"), idOf(q), QStringLiteral("confirm")).isOk()) return 0;
        return idOf(q);
    }

    QList<QCborMap> ordersOf(qint64 requisitionId)
    {
        return test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("purchase_order")},
                                                                        {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("requisition_id"), requisitionId}}}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        erp = std::make_unique<Erp>(*admin);
        wh = erp->warehouse(QStringLiteral("PW1"));
        supplier = erp->supplier(QStringLiteral("PS1"), s("苏州精密零件厂"));
        product = erp->product(QStringLiteral("PQ1"), s("精密齿轮"), 1500, 1000);
        QVERIFY(wh && supplier && product);
    }

    // A purchase-order line saved without a price is priced at the product's
    // standard cost (¥10.00 here); a price given is kept.
    void anOrderLineWithoutPriceTakesTheStandardCost()
    {
        const Reply po = admin->call(QStringLiteral("data.save"),
                                     M{{QStringLiteral("entity"), QStringLiteral("purchase_order")},
                                       {QStringLiteral("changes"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), wh}}},
                                       {QStringLiteral("lines"), A{M{{QStringLiteral("product_id"), product}, {QStringLiteral("quantity"), 3 * kUnit}},
                                                                   M{{QStringLiteral("product_id"), product}, {QStringLiteral("quantity"), kUnit},
                                                                     {QStringLiteral("price"), 950}}}}});
        LH_VERIFY_OK(po);
        const QList<QCborMap> lines = test::linesOf(po.value().toMap());
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].value(QStringLiteral("price")).toInteger(), qint64(1000));
        QCOMPARE(lines[0].value(QStringLiteral("amount")).toInteger(), qint64(3000));
        QCOMPARE(lines[1].value(QStringLiteral("price")).toInteger(), qint64(950));
        QCOMPARE(po.value().toMap().value(QStringLiteral("amount_total")).toInteger(), qint64(3950));
    }

    // A purchase return saved without a warehouse (key left out, or null) goes
    // back from the order's warehouse, not the first one; one given is kept.
    void aReturnWithoutWarehouseTakesTheOrders()
    {
        const qint64 other = erp->warehouse(QStringLiteral("ZRW"));
        QVERIFY(other && other != wh);
        const qint64 po = erp->buy(supplier, other, {{product, 5 * kUnit, 1000}});
        QVERIFY(po);
        const qint64 line = test::linesOf(erp->get(QStringLiteral("purchase_order"), po)).first().value(QStringLiteral("id")).toInteger();
        const auto saveReturn = [&](const QCborMap &extra) {
            M changes{{QStringLiteral("order_id"), po}, {QStringLiteral("reason"), s("退货")}};
            for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) changes.insert(it.key(), it.value());
            return admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("purchase_return")}, {QStringLiteral("changes"), changes},
                                                             {QStringLiteral("lines"), A{M{{QStringLiteral("order_line_id"), line}, {QStringLiteral("quantity"), kUnit}}}}});
        };
        const Reply left = saveReturn({});
        LH_VERIFY_OK(left);
        QCOMPARE(left.value().toMap().value(QStringLiteral("warehouse_id")).toInteger(), other);
        const Reply null = saveReturn(M{{QStringLiteral("warehouse_id"), QCborValue(QCborValue::Null)}});
        LH_VERIFY_OK(null);
        QCOMPARE(null.value().toMap().value(QStringLiteral("warehouse_id")).toInteger(), other);
        const Reply given = saveReturn(M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_OK(given);
        QCOMPARE(given.value().toMap().value(QStringLiteral("warehouse_id")).toInteger(), wh);
        // Posted, the unit leaves the order's warehouse.
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_return"), idOf(left), QStringLiteral("post")));
        QCOMPARE(erp->onHand(product, other), 4 * kUnit);
        // A receipt saved without a warehouse, likewise, arrives in the order's.
        const Reply ordered = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), other}},
                                                {{product, 2 * kUnit, 1000}});
        LH_VERIFY_OK(ordered);
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_order"), idOf(ordered), QStringLiteral("confirm")));
        const qint64 orderLine = test::linesOf(erp->get(QStringLiteral("purchase_order"), idOf(ordered))).first().value(QStringLiteral("id")).toInteger();
        const Reply receipt = admin->call(QStringLiteral("data.save"),
                                          M{{QStringLiteral("entity"), QStringLiteral("purchase_receipt")},
                                            {QStringLiteral("changes"), M{{QStringLiteral("order_id"), idOf(ordered)}}},
                                            {QStringLiteral("lines"), A{M{{QStringLiteral("order_line_id"), orderLine}, {QStringLiteral("quantity"), 2 * kUnit}}}}});
        LH_VERIFY_OK(receipt);
        QCOMPARE(receipt.value().toMap().value(QStringLiteral("warehouse_id")).toInteger(), other);
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_receipt"), idOf(receipt), QStringLiteral("post")));
        QCOMPARE(erp->onHand(product, other), 6 * kUnit);
    }

    void acceptingAQuoteOrdersTheRequisitionOnce()
    {
        const qint64 req = requisition(QStringLiteral("2031-03-31"));
        QVERIFY(req);
        const qint64 first = quote(req, 7), second = quote(req, std::nullopt);
        QVERIFY(first && second);
        const Reply accepted = erp->action(QStringLiteral("supplier_quote"), first, QStringLiteral("accept"), M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_OK(accepted);
        const qint64 po = accepted.value().toMap().value(QStringLiteral("action_result")).toMap().value(QStringLiteral("order_id")).toInteger();

        // The requisition is ordered, as create_order leaves it, and linked to the order.
        const QCborMap r = erp->get(QStringLiteral("purchase_requisition"), req);
        QCOMPARE(r.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(linesOf(r).first().value(QStringLiteral("ordered_qty")).toInteger(), 10 * kUnit);
        const QCborMap order = erp->get(QStringLiteral("purchase_order"), po);
        QCOMPARE(order.value(QStringLiteral("requisition_id")).toInteger(), req);
        QCOMPARE(linesOf(order).first().value(QStringLiteral("requisition_line_id")).toInteger(), linesOf(r).first().value(QStringLiteral("id")).toInteger());
        // Due after the quoted lead time, so overdue tracking sees it.
        const QString due = QDate::currentDate().addDays(7).toString(Qt::ISODate);
        QCOMPARE(order.value(QStringLiteral("expected_date")).toString(), due);
        QCOMPARE(linesOf(order).first().value(QStringLiteral("expected_date")).toString(), due);

        // Neither path orders it a second time.
        const Reply again = erp->action(QStringLiteral("purchase_requisition"), req, QStringLiteral("create_order"), M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_ERROR(again, ErrorCode::InvalidState);
        const Reply other = erp->action(QStringLiteral("supplier_quote"), second, QStringLiteral("accept"), M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_ERROR(other, ErrorCode::InvalidState);
        QCOMPARE(test::problemsOf(other), QStringList{QStringLiteral("requisition_id:already_ordered")});
        QVERIFY2(other.error().message().contains(order.value(QStringLiteral("number")).toString()), qPrintable(other.error().message()));
        QCOMPARE(other.error().details().value(QStringLiteral("order_id")).toInteger(), po);
        QCOMPARE(erp->get(QStringLiteral("supplier_quote"), second).value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        QCOMPARE(ordersOf(req).size(), 1);
    }

    void aQuoteCannotReorderWhatCreateOrderOrdered()
    {
        const qint64 req = requisition(QStringLiteral("2031-04-30"));
        QVERIFY(req);
        const qint64 q = quote(req, 3);
        QVERIFY(q);
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_requisition"), req, QStringLiteral("create_order"), M{{QStringLiteral("warehouse_id"), wh}}));
        const Reply refused = erp->action(QStringLiteral("supplier_quote"), q, QStringLiteral("accept"), M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_ERROR(refused, ErrorCode::InvalidState);
        QCOMPARE(test::problemsOf(refused), QStringList{QStringLiteral("requisition_id:already_ordered")});
        QCOMPARE(ordersOf(req).size(), 1);
    }

    void aQuoteWithoutLeadTimeIsDueWhenTheRequisitionNeedsIt()
    {
        const qint64 req = requisition(QStringLiteral("2031-05-15"));
        QVERIFY(req);
        const qint64 q = quote(req, std::nullopt);
        QVERIFY(q);
        const Reply accepted = erp->action(QStringLiteral("supplier_quote"), q, QStringLiteral("accept"), M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_OK(accepted);
        const qint64 po = accepted.value().toMap().value(QStringLiteral("action_result")).toMap().value(QStringLiteral("order_id")).toInteger();
        QCOMPARE(erp->get(QStringLiteral("purchase_order"), po).value(QStringLiteral("expected_date")).toString(), QStringLiteral("2031-05-15"));
        // Confirmed and not received by then, it is overdue.
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm")));
        const Reply overdue = admin->call(QStringLiteral("purchase.overdue"), M{{QStringLiteral("as_of"), QStringLiteral("2031-05-16")}});
        LH_VERIFY_OK(overdue);
        bool listed = false;
        for (const auto &row : test::rowsOf(overdue)) listed = listed || row.value(QStringLiteral("order_id")).toInteger() == po;
        QVERIFY(listed);
    }

    void aQuoteForAnUnsubmittedRequisitionIsNotOrdered()
    {
        const qint64 req = requisition(QStringLiteral("2031-06-30"), false);
        QVERIFY(req);
        const qint64 q = quote(req, 5);
        QVERIFY(q);
        const Reply refused = erp->action(QStringLiteral("supplier_quote"), q, QStringLiteral("accept"), M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_ERROR(refused, ErrorCode::InvalidState);
        QCOMPARE(test::problemsOf(refused), QStringList{QStringLiteral("requisition_id:not_confirmed")});
        QCOMPARE(ordersOf(req).size(), 0);
    }

    // 比价: 10 gears and 4 shafts wanted. Quotes priced for those quantities:
    //   A: gear ¥9.00, shaft ¥5.00 (7 days)        = 90.00 + 20.00 = ¥110.00
    //   B: gear ¥8.50 (quoted for 20), shaft ¥6.00 = 85.00 + 24.00 = ¥109.00, cheapest
    //   C: gear ¥7.00 only — incomplete, so not comparable in total
    //   D: everything at ¥1.00 but expired yesterday; E: a draft, not received
    void quotesSideBySideMarkTheCheapest()
    {
        const qint64 shaft = erp->product(QStringLiteral("PQ2"), s("传动轴"), 800, 500);
        QList<qint64> suppliers;
        for (const char *code : {"QA", "QB", "QC", "QD", "QE"}) suppliers << erp->supplier(QString::fromLatin1(code), s("报价供应商") + QString::fromLatin1(code));
        const Reply req = admin->call(QStringLiteral("data.save"),
                                      M{{QStringLiteral("entity"), QStringLiteral("purchase_requisition")},
                                        {QStringLiteral("changes"), M{{QStringLiteral("needed_by"), QStringLiteral("2031-08-31")}, {QStringLiteral("reason"), s("比价")}}},
                                        {QStringLiteral("lines"), A{M{{QStringLiteral("product_id"), product}, {QStringLiteral("quantity"), 10 * kUnit}},
                                                                    M{{QStringLiteral("product_id"), shaft}, {QStringLiteral("quantity"), 4 * kUnit}}}}});
        LH_VERIFY_OK(req);
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_requisition"), idOf(req), QStringLiteral("confirm")));
        struct Offer {
            qint64 product, quantity, price;
            int lead;
        };
        auto quoteOf = [&](qint64 supplierId, const QList<Offer> &offers, const QString &validUntil, bool receive) -> qint64 {
            A lines;
            for (const Offer &o : offers)
                lines.append(M{{QStringLiteral("product_id"), o.product}, {QStringLiteral("quantity"), o.quantity}, {QStringLiteral("price"), o.price},
                               {QStringLiteral("lead_days"), o.lead}});
            M header{{QStringLiteral("supplier_id"), supplierId}, {QStringLiteral("requisition_id"), idOf(req)}};
            if (!validUntil.isEmpty()) header.insert(QStringLiteral("valid_until"), validUntil);
            const Reply q = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("supplier_quote")},
                                                                       {QStringLiteral("changes"), header}, {QStringLiteral("lines"), lines}});
            if (!q.isOk() || (receive && !erp->action(QStringLiteral("supplier_quote"), idOf(q), QStringLiteral("confirm")).isOk())) return 0;
            return idOf(q);
        };
        const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
        const qint64 a = quoteOf(suppliers[0], {{product, 10 * kUnit, 900, 7}, {shaft, 4 * kUnit, 500, 7}}, {}, true);
        const qint64 b = quoteOf(suppliers[1], {{product, 20 * kUnit, 850, 10}, {shaft, 4 * kUnit, 600, 3}}, QStringLiteral("2099-12-31"), true);
        const qint64 c = quoteOf(suppliers[2], {{product, 10 * kUnit, 700, 5}}, {}, true);
        const qint64 d = quoteOf(suppliers[3], {{product, 10 * kUnit, 100, 1}, {shaft, 4 * kUnit, 100, 1}}, yesterday, true);
        const qint64 e = quoteOf(suppliers[4], {{product, 10 * kUnit, 50, 1}, {shaft, 4 * kUnit, 50, 1}}, {}, false);
        QVERIFY(a && b && c && d && e);

        const Reply compared = admin->call(QStringLiteral("purchase.compare_quotes"), M{{QStringLiteral("requisition_id"), idOf(req)}});
        LH_VERIFY_OK(compared);
        const QCborMap result = compared.value().toMap();
        QCOMPARE(result.value(QStringLiteral("cheapest_quote_id")).toInteger(), b);
        QCOMPARE(result.value(QStringLiteral("products")).toArray().size(), 2);
        QMap<qint64, QCborMap> byQuote;
        for (const auto &v : result.value(QStringLiteral("quotes")).toArray()) byQuote.insert(v.toMap().value(QStringLiteral("quote_id")).toInteger(), v.toMap());
        QCOMPARE(byQuote.keys(), (QList<qint64>{a, b, c, d})); // the draft is not a received quote
        QCOMPARE(byQuote[a].value(QStringLiteral("total")).toInteger(), qint64(11000));
        QCOMPARE(byQuote[b].value(QStringLiteral("total")).toInteger(), qint64(10900));
        QCOMPARE(byQuote[b].value(QStringLiteral("amount_total")).toInteger(), qint64(19400)); // as quoted: 20 × 8.50 + 4 × 6.00
        QCOMPARE(byQuote[b].value(QStringLiteral("lead_days")).toInteger(), 10);                // its slowest line
        QCOMPARE(byQuote[a].value(QStringLiteral("lead_days")).toInteger(), 7);
        QVERIFY(byQuote[b].value(QStringLiteral("cheapest")).toBool());
        QVERIFY(!byQuote[a].value(QStringLiteral("cheapest")).toBool());
        QCOMPARE(byQuote[c].value(QStringLiteral("missing")).toArray(), A{shaft});
        QVERIFY(byQuote[d].value(QStringLiteral("expired")).toBool());
        QVERIFY(!byQuote[d].value(QStringLiteral("cheapest")).toBool());
        // Per product, the lowest price still on offer is marked: C's gear, A's shaft.
        QVERIFY(byQuote[c].value(QStringLiteral("lines")).toArray().first().toMap().value(QStringLiteral("lowest_price")).toBool());
        const QCborArray aLines = byQuote[a].value(QStringLiteral("lines")).toArray();
        QVERIFY(!aLines.at(0).toMap().value(QStringLiteral("lowest_price")).toBool());
        QCOMPARE(aLines.at(1).toMap().value(QStringLiteral("amount")).toInteger(), qint64(2000));
        QVERIFY(aLines.at(1).toMap().value(QStringLiteral("lowest_price")).toBool());
        QVERIFY(!byQuote[d].value(QStringLiteral("lines")).toArray().first().toMap().value(QStringLiteral("lowest_price")).toBool());

        // Accepting the marked quote orders it from supplier B at its prices.
        const Reply accepted = erp->action(QStringLiteral("supplier_quote"), b, QStringLiteral("accept"), M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_OK(accepted);
        const qint64 po = accepted.value().toMap().value(QStringLiteral("action_result")).toMap().value(QStringLiteral("order_id")).toInteger();
        QCOMPARE(erp->get(QStringLiteral("purchase_order"), po).value(QStringLiteral("supplier_id")).toInteger(), suppliers[1]);
        // The comparison stays readable, the accepted quote now done.
        const Reply after = admin->call(QStringLiteral("purchase.compare_quotes"), M{{QStringLiteral("requisition_id"), idOf(req)}});
        for (const auto &v : after.value().toMap().value(QStringLiteral("quotes")).toArray())
            if (v.toMap().value(QStringLiteral("quote_id")).toInteger() == b) QCOMPARE(v.toMap().value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        LH_VERIFY_ERROR(admin->call(QStringLiteral("purchase.compare_quotes"), M{{QStringLiteral("requisition_id"), 999999}}), ErrorCode::NotFound);
        // Someone who may not read supplier quotes is refused.
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("no_quotes"), QString::fromLatin1(test::kUserPassword), QStringLiteral("no_quotes"),
                                  {{QStringLiteral("purchase_requisition"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        auto user = server.login(QStringLiteral("no_quotes"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(user);
        LH_VERIFY_ERROR(user->call(QStringLiteral("purchase.compare_quotes"), M{{QStringLiteral("requisition_id"), idOf(req)}}), ErrorCode::PermissionDenied);
    }

    // A requisition belongs to the department of whoever asked for it: users of
    // two departments each save one (no department given) and each gets their
    // own department; the administrator editing it later does not move it.
    void aRequisitionTakesTheRequestersDepartment()
    {
        const auto department = [&](const QString &code, const QString &name) {
            return idOf(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("department")},
                                                                   {QStringLiteral("changes"), M{{QStringLiteral("code"), code}, {QStringLiteral("name"), name}}}}));
        };
        const qint64 workshop = department(QStringLiteral("WS"), s("生产车间"));
        const qint64 store = department(QStringLiteral("ST"), s("仓储部"));
        QVERIFY(workshop && store);
        // A requester in the department given; their requisition, saved by them, as data.get reads it.
        const auto requisitionBy = [&](const QString &username, qint64 departmentId) -> QCborMap {
            QString error;
            const qint64 user = test::createUser(*admin, username, QString::fromLatin1(test::kUserPassword), QStringLiteral("requester"),
                                                 {{QStringLiteral("purchase_requisition"), QStringLiteral("*"), QStringLiteral("own")},
                                                  {QStringLiteral("product"), QStringLiteral("read")}},
                                                 {}, &error);
            if (!user) qWarning() << error;
            if (!erp->update(QStringLiteral("user"), user, M{{QStringLiteral("department_id"), departmentId}}).isOk()) return {};
            auto c = server.login(username, QString::fromLatin1(test::kUserPassword));
            if (!c) return {};
            const Reply r = c->call(QStringLiteral("data.save"),
                                    M{{QStringLiteral("entity"), QStringLiteral("purchase_requisition")},
                                      {QStringLiteral("changes"), M{{QStringLiteral("needed_by"), QStringLiteral("2031-09-30")}, {QStringLiteral("reason"), s("车间备件")}}},
                                      {QStringLiteral("lines"), A{M{{QStringLiteral("product_id"), product}, {QStringLiteral("quantity"), 2 * kUnit}}}}});
            if (!r.isOk()) qWarning() << test::describe(r);
            QCborMap saved = erp->get(QStringLiteral("purchase_requisition"), idOf(r));
            saved.insert(QStringLiteral("expected_requester"), user);
            return saved;
        };
        const QCborMap fromWorkshop = requisitionBy(QStringLiteral("req_ws"), workshop);
        const QCborMap fromStore = requisitionBy(QStringLiteral("req_st"), store);
        QVERIFY(fromWorkshop.contains(QStringLiteral("id")) && fromStore.contains(QStringLiteral("id")));
        QCOMPARE(fromWorkshop.value(QStringLiteral("department_id")).toInteger(), workshop);
        QCOMPARE(fromWorkshop.value(QStringLiteral("requester_id")), fromWorkshop.value(QStringLiteral("expected_requester")));
        QCOMPARE(fromStore.value(QStringLiteral("department_id")).toInteger(), store);
        QCOMPARE(fromStore.value(QStringLiteral("requester_id")), fromStore.value(QStringLiteral("expected_requester")));
        const qint64 id = fromStore.value(QStringLiteral("id")).toInteger();
        LH_VERIFY_OK(erp->update(QStringLiteral("purchase_requisition"), id, M{{QStringLiteral("reason"), s("仓库备件")}}));
        QCOMPARE(erp->get(QStringLiteral("purchase_requisition"), id).value(QStringLiteral("department_id")).toInteger(), store);
    }
};

QTEST_GUILESS_MAIN(TestPurchase)
#include "tst_purchase.moc"
