// 销售 over the real server: prices from the customer's tier price list with
// quantity breaks (valid dates, other tiers and hand-set prices respected), the
// credit limit checked when an order is confirmed (and overridden only with the
// right), and a quotation converted into a sales order at the quoted prices.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QDate>
#include <QHash>
#include <algorithm>
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
QString day(int offset) { return QDate::currentDate().addDays(offset).toString(Qt::ISODate); }
} // namespace

class TestSales : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<Erp> erp;
    qint64 wh = 0, supplier = 0;

    qint64 customer(const QString &code, const QString &tier, qint64 creditLimit = 0)
    {
        const qint64 c = erp->customer(code, s("客户") + code, creditLimit);
        return erp->update(QStringLiteral("customer"), c, M{{QStringLiteral("price_tier"), tier}}).isOk() ? c : 0;
    }

    bool priceList(const QString &name, const QString &tier, const QString &from, const QString &to, const QList<QPair<qint64, qint64>> &breaks, qint64 product)
    {
        A lines;
        for (const auto &[minQty, price] : breaks)
            lines.append(M{{QStringLiteral("product_id"), product}, {QStringLiteral("min_qty"), minQty}, {QStringLiteral("price"), price}});
        M header{{QStringLiteral("name"), name}, {QStringLiteral("tier"), tier}};
        if (!from.isEmpty()) header.insert(QStringLiteral("valid_from"), from);
        if (!to.isEmpty()) header.insert(QStringLiteral("valid_to"), to);
        const Reply r = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("price_list")}, {QStringLiteral("changes"), header},
                                                                   {QStringLiteral("lines"), lines}});
        if (!r.isOk()) qWarning() << test::describe(r);
        return r.isOk();
    }

    // The unit price the server gives a line of qty on a draft document.
    qint64 pricedAt(const QString &entity, qint64 customerId, qint64 product, qint64 qty)
    {
        const Reply r = erp->saveDocument(entity, M{{QStringLiteral("customer_id"), customerId}, {QStringLiteral("warehouse_id"), wh}}, {{product, qty}});
        if (!r.isOk()) return -1;
        return linesOf(r.value().toMap()).first().value(QStringLiteral("price")).toInteger();
    }

    qint64 order(qint64 customerId, qint64 product, qint64 qty, qint64 price)
    {
        return idOf(erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customerId}, {QStringLiteral("warehouse_id"), wh}},
                                      {{product, qty, price}}));
    }

    // Posts a sales return of the order: {delivery line, quantity} pairs.
    Reply returnGoods(qint64 orderId, const QList<QPair<qint64, qint64>> &deliveryLines)
    {
        A lines;
        for (const auto &[deliveryLine, quantity] : deliveryLines)
            lines.append(M{{QStringLiteral("delivery_line_id"), deliveryLine}, {QStringLiteral("quantity"), quantity}});
        const Reply r = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("sales_return")},
                                                                   {QStringLiteral("changes"), M{{QStringLiteral("order_id"), orderId}, {QStringLiteral("warehouse_id"), wh},
                                                                                                 {QStringLiteral("reason"), s("质量问题")}}},
                                                                   {QStringLiteral("lines"), lines}});
        return r.isOk() ? erp->action(QStringLiteral("sales_return"), idOf(r), QStringLiteral("post")) : r;
    }

    // The delivery lines that shipped the order line, oldest first.
    QList<qint64> deliveryLinesOf(qint64 orderLine)
    {
        QList<qint64> ids;
        for (const QCborMap &row : test::rowsOf(admin->call(QStringLiteral("data.query"),
                                                            M{{QStringLiteral("entity"), QStringLiteral("delivery_line")},
                                                              {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("order_line_id"), orderLine}},
                                                              {QStringLiteral("sort"), QStringLiteral("id")}})))
            ids << row.value(QStringLiteral("id")).toInteger();
        return ids;
    }

    // What the product has reserved in the test warehouse (stock_level.reserved).
    qint64 reserved(qint64 product)
    {
        for (const auto &r : test::rowsOf(admin->call(QStringLiteral("inventory.availability"), M{{QStringLiteral("product_ids"), A{product}}})))
            if (r.value(QStringLiteral("warehouse_id")).toInteger() == wh) return r.value(QStringLiteral("reserved")).toInteger();
        return -1;
    }

    // Saves and posts a document of the date given with lines pointing at order lines.
    Reply postDated(const QString &entity, const QCborMap &header, const QString &date, const QString &lineRef, const QList<QPair<qint64, qint64>> &lines)
    {
        A out;
        for (const auto &[ref, quantity] : lines) out.append(M{{lineRef, ref}, {QStringLiteral("quantity"), quantity}});
        QCborMap changes = header;
        changes.insert(QStringLiteral("doc_date"), date);
        changes.insert(QStringLiteral("warehouse_id"), wh);
        const Reply r = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("changes"), changes}, {QStringLiteral("lines"), out}});
        return r.isOk() ? erp->action(entity, idOf(r), QStringLiteral("post")) : r;
    }

    // The summary's rows by key, within March and April 2025.
    QHash<QString, QCborMap> summaryByMonth(const QString &call)
    {
        QHash<QString, QCborMap> out;
        const Reply r = admin->call(call, M{{QStringLiteral("group_by"), QStringLiteral("month")}, {QStringLiteral("from"), QStringLiteral("2025-03-01")},
                                            {QStringLiteral("to"), QStringLiteral("2025-04-30")}});
        if (!r.isOk()) qWarning() << test::describe(r);
        for (const QCborMap &row : test::rowsOf(r)) out.insert(row.value(QStringLiteral("key")).toString(), row);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        erp = std::make_unique<Erp>(*admin);
        wh = erp->warehouse(QStringLiteral("SW1"));
        supplier = erp->supplier(QStringLiteral("SS1"), s("宁波紧固件厂"));
        QVERIFY(wh && supplier);
    }

    // Gold list today: from 0 ¥90.00, from 10 ¥85.00, from 50 ¥80.00. An expired
    // and a future gold list, and a silver list, are lower and must not apply.
    void tierPricesWithQuantityBreaks()
    {
        const qint64 p = erp->product(QStringLiteral("PL1"), s("不锈钢法兰"), 10000, 6000);
        QVERIFY(priceList(s("金牌价"), QStringLiteral("gold"), day(-30), day(30), {{0, 9000}, {10 * kUnit, 8500}, {50 * kUnit, 8000}}, p));
        QVERIFY(priceList(s("旧金牌价"), QStringLiteral("gold"), day(-90), day(-1), {{0, 1000}}, p));
        QVERIFY(priceList(s("明年金牌价"), QStringLiteral("gold"), day(1), {}, {{0, 2000}}, p));
        QVERIFY(priceList(s("银牌价"), QStringLiteral("silver"), {}, {}, {{0, 9500}, {10 * kUnit, 3000}}, p));
        const qint64 gold = customer(QStringLiteral("SC-G"), QStringLiteral("gold"));
        const qint64 silver = customer(QStringLiteral("SC-S"), QStringLiteral("silver"));
        const qint64 standard = customer(QStringLiteral("SC-N"), QStringLiteral("standard"));
        QVERIFY(gold && silver && standard);

        QCOMPARE(pricedAt(QStringLiteral("sales_order"), gold, p, 5 * kUnit), qint64(9000));
        QCOMPARE(pricedAt(QStringLiteral("sales_order"), gold, p, 10 * kUnit), qint64(8500)); // a break applies from its quantity
        QCOMPARE(pricedAt(QStringLiteral("sales_order"), gold, p, 50 * kUnit - 1), qint64(8500));
        QCOMPARE(pricedAt(QStringLiteral("sales_order"), gold, p, 50 * kUnit), qint64(8000));
        QCOMPARE(pricedAt(QStringLiteral("sales_order"), gold, p, 500 * kUnit), qint64(8000));
        QCOMPARE(pricedAt(QStringLiteral("sales_order"), silver, p, 12 * kUnit), qint64(3000));
        QCOMPARE(pricedAt(QStringLiteral("sales_order"), silver, p, 1 * kUnit), qint64(9500));
        QCOMPARE(pricedAt(QStringLiteral("sales_order"), standard, p, 100 * kUnit), qint64(10000)); // no list for the tier: list price
        // Quotations are priced the same way, amounts from the price.
        const Reply q = erp->saveDocument(QStringLiteral("sales_quotation"), M{{QStringLiteral("customer_id"), gold}}, {{p, 20 * kUnit}});
        LH_VERIFY_OK(q);
        QCOMPARE(linesOf(q.value().toMap()).first().value(QStringLiteral("price")).toInteger(), qint64(8500));
        QCOMPARE(q.value().toMap().value(QStringLiteral("amount_total")).toInteger(), qint64(170000));
        // A price set by hand is kept.
        const Reply manual = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), gold}, {QStringLiteral("warehouse_id"), wh}},
                                               {{p, 60 * kUnit, 7777}});
        QCOMPARE(linesOf(manual.value().toMap()).first().value(QStringLiteral("price")).toInteger(), qint64(7777));
        QCOMPARE(manual.value().toMap().value(QStringLiteral("amount_total")).toInteger(), qint64(466620));
        // Several lines priced at once (one statement on PostgreSQL), each at its
        // own break, in the lines' order; the hand-set price between them kept.
        const qint64 other = erp->product(QStringLiteral("PL2"), s("碳钢法兰"), 4000, 2000);
        const Reply mixed = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), gold}, {QStringLiteral("warehouse_id"), wh}},
                                              {{p, 50 * kUnit}, {other, 3 * kUnit}, {p, 2 * kUnit, 7777}, {p, 10 * kUnit}, {p, 1 * kUnit}});
        LH_VERIFY_OK(mixed);
        QList<qint64> prices;
        for (const QCborMap &line : linesOf(mixed.value().toMap())) prices << line.value(QStringLiteral("price")).toInteger();
        QCOMPARE(prices, (QList<qint64>{8000, 4000, 7777, 8500, 9000}));
    }

    // Limit ¥1,000.00: confirmed orders count as exposure; this order is added.
    void creditLimitOnConfirm()
    {
        const qint64 p = erp->product(QStringLiteral("CR1"), s("赊销商品"), 10000, 5000);
        QVERIFY(erp->buy(supplier, wh, {{p, 50 * kUnit, 5000}}));
        const qint64 c = customer(QStringLiteral("SC-CR"), QStringLiteral("standard"), 100000);
        const qint64 first = order(c, p, 6 * kUnit, 10000);  // ¥600.00
        const qint64 second = order(c, p, 5 * kUnit, 10000); // ¥500.00
        const qint64 third = order(c, p, 4 * kUnit, 10000);  // ¥400.00
        QVERIFY(first && second && third);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), first, QStringLiteral("confirm")));
        const Reply over = erp->action(QStringLiteral("sales_order"), second, QStringLiteral("confirm"));
        LH_VERIFY_ERROR(over, ErrorCode::CreditLimit);
        QCOMPARE(over.error().details().value(QStringLiteral("limit")).toInteger(), qint64(100000));
        QCOMPARE(over.error().details().value(QStringLiteral("exposure")).toInteger(), qint64(110000));
        QCOMPARE(erp->get(QStringLiteral("sales_order"), second).value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        QCOMPARE(erp->onHand(p, wh), 50 * kUnit);
        // Exactly at the limit passes: ¥600 + ¥400 = ¥1,000.00.
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), third, QStringLiteral("confirm")));

        // Overriding needs the override_credit right: a sales rep without it is still refused.
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("rep_credit"), QString::fromLatin1(test::kUserPassword), QStringLiteral("rep_credit"),
                                  {{QStringLiteral("sales_order"), QStringLiteral("read")}, {QStringLiteral("sales_order"), QStringLiteral("write")},
                                   {QStringLiteral("sales_order"), QStringLiteral("confirm")}, {QStringLiteral("customer"), QStringLiteral("read")},
                                   {QStringLiteral("product"), QStringLiteral("read")}},
                                  {}, &error),
                 qPrintable(error));
        auto rep = server.login(QStringLiteral("rep_credit"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(rep);
        Erp repErp(*rep);
        LH_VERIFY_ERROR(repErp.action(QStringLiteral("sales_order"), second, QStringLiteral("confirm"), M{{QStringLiteral("override_credit"), true}}),
                        ErrorCode::CreditLimit);
        // Whoever holds the right may override, giving a reason.
        LH_VERIFY_ERROR(erp->action(QStringLiteral("sales_order"), second, QStringLiteral("confirm"), M{{QStringLiteral("override_credit"), true}}),
                        ErrorCode::Validation);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), second, QStringLiteral("confirm"),
                                 M{{QStringLiteral("override_credit"), true}, {QStringLiteral("override_reason"), QString::fromUtf8("老客户，月底回款")}}));
        // Cancelling an order frees its share of the limit.
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), second, QStringLiteral("cancel")));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), third, QStringLiteral("cancel")));
        const qint64 fourth = order(c, p, 4 * kUnit, 10000);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), fourth, QStringLiteral("confirm")));
        // No limit set: no check.
        const qint64 open = customer(QStringLiteral("SC-OPEN"), QStringLiteral("standard"), 0);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), order(open, p, 30 * kUnit, 10000), QStringLiteral("confirm")));
    }

    // Without a warehouse, a quotation asks which to ship from when there are
    // several: each named with how many of its products it is short of now.
    void quotationAsksWhichWarehouse()
    {
        const qint64 p = erp->product(QStringLiteral("QW1"), s("齿轮箱"), 90000, 60000);
        const qint64 p2 = erp->product(QStringLiteral("QW2"), s("联轴器"), 8000, 5000);
        const qint64 north = erp->warehouse(QStringLiteral("SW9"));
        QVERIFY(erp->buy(supplier, north, {{p, 5 * kUnit, 60000}, {p2, 20 * kUnit, 5000}}));
        QVERIFY(erp->buy(supplier, wh, {{p2, 1 * kUnit, 5000}}));
        const qint64 c = customer(QStringLiteral("SC-QW"), QStringLiteral("standard"));
        const Reply q = erp->saveDocument(QStringLiteral("sales_quotation"), M{{QStringLiteral("customer_id"), c}, {QStringLiteral("valid_until"), day(14)}},
                                          {{p, 2 * kUnit, 90000}, {p2, 3 * kUnit}, {p2, 1 * kUnit}});
        LH_VERIFY_OK(q);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_quotation"), idOf(q), QStringLiteral("confirm")));
        const Reply asked = erp->action(QStringLiteral("sales_quotation"), idOf(q), QStringLiteral("convert"));
        LH_VERIFY_ERROR(asked, ErrorCode::Validation);
        QCOMPARE(asked.error().fields().first().field, QStringLiteral("warehouse_id"));
        QHash<qint64, qint64> shortOf;
        QStringList codes;
        for (const auto &w : asked.error().details().value(QStringLiteral("warehouses")).toArray()) {
            shortOf.insert(w.toMap().value(QStringLiteral("id")).toInteger(), w.toMap().value(QStringLiteral("short_products")).toInteger());
            codes << w.toMap().value(QStringLiteral("code")).toString();
        }
        QVERIFY2(codes.size() >= 2 && std::is_sorted(codes.begin(), codes.end()), qPrintable(codes.join(u',')));
        QCOMPARE(shortOf.value(north, -1), 0);
        QCOMPARE(shortOf.value(wh, -1), 2); // no gearbox, and 1 coupling against 4 on two lines
        QCOMPARE(erp->get(QStringLiteral("sales_quotation"), idOf(q)).value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        const Reply converted = erp->action(QStringLiteral("sales_quotation"), idOf(q), QStringLiteral("convert"), M{{QStringLiteral("warehouse_id"), north}});
        LH_VERIFY_OK(converted);
        const qint64 so = converted.value().toMap().value(QStringLiteral("action_result")).toMap().value(QStringLiteral("order_id")).toInteger();
        QCOMPARE(erp->get(QStringLiteral("sales_order"), so).value(QStringLiteral("warehouse_id")).toInteger(), north);
    }

    void quotationBecomesAnOrder()
    {
        const qint64 p = erp->product(QStringLiteral("QT1"), s("液压泵"), 250000, 150000);
        const qint64 p2 = erp->product(QStringLiteral("QT2"), s("密封圈"), 500, 200);
        const qint64 c = customer(QStringLiteral("SC-Q"), QStringLiteral("standard"));
        const Reply q = erp->saveDocument(QStringLiteral("sales_quotation"), M{{QStringLiteral("customer_id"), c}, {QStringLiteral("valid_until"), day(14)}},
                                          {{p, 2 * kUnit, 240000}, {p2, 10 * kUnit}});
        LH_VERIFY_OK(q);
        QCOMPARE(q.value().toMap().value(QStringLiteral("amount_total")).toInteger(), qint64(485000)); // 2 × 2,400 + 10 × 5
        // Only a quotation sent to the customer converts.
        LH_VERIFY_ERROR(erp->action(QStringLiteral("sales_quotation"), idOf(q), QStringLiteral("convert"), M{{QStringLiteral("warehouse_id"), wh}}),
                        ErrorCode::InvalidState);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_quotation"), idOf(q), QStringLiteral("confirm")));
        // The list price changes meanwhile: the order keeps the quoted prices.
        LH_VERIFY_OK(erp->update(QStringLiteral("product"), p2, M{{QStringLiteral("price"), 900}}));
        const Reply converted = erp->action(QStringLiteral("sales_quotation"), idOf(q), QStringLiteral("convert"), M{{QStringLiteral("warehouse_id"), wh}});
        LH_VERIFY_OK(converted);
        const qint64 so = converted.value().toMap().value(QStringLiteral("action_result")).toMap().value(QStringLiteral("order_id")).toInteger();
        QVERIFY(so);
        const QCborMap quotation = erp->get(QStringLiteral("sales_quotation"), idOf(q));
        QCOMPARE(quotation.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(quotation.value(QStringLiteral("order_id")).toInteger(), so);
        const QCborMap order = erp->get(QStringLiteral("sales_order"), so);
        QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        QCOMPARE(order.value(QStringLiteral("customer_id")).toInteger(), c);
        QCOMPARE(order.value(QStringLiteral("warehouse_id")).toInteger(), wh);
        QCOMPARE(order.value(QStringLiteral("quotation_id")).toInteger(), idOf(q));
        QCOMPARE(order.value(QStringLiteral("amount_total")).toInteger(), qint64(485000));
        QCOMPARE(order.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("none"));
        const QList<QCborMap> lines = linesOf(order);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].value(QStringLiteral("price")).toInteger(), qint64(240000));
        QCOMPARE(lines[1].value(QStringLiteral("price")).toInteger(), qint64(500));
        QCOMPARE(lines[1].value(QStringLiteral("quantity")).toInteger(), 10 * kUnit);
        QCOMPARE(lines[1].value(QStringLiteral("line_status")).toString(), QStringLiteral("open"));
        // Converted once: the quotation is done.
        LH_VERIFY_ERROR(erp->action(QStringLiteral("sales_quotation"), idOf(q), QStringLiteral("convert"), M{{QStringLiteral("warehouse_id"), wh}}),
                        ErrorCode::InvalidState);
        // The order then runs its normal course.
        QVERIFY(erp->buy(supplier, wh, {{p, 2 * kUnit, 150000}, {p2, 10 * kUnit, 200}}));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("confirm")));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("deliver")));
        QCOMPARE(erp->get(QStringLiteral("sales_order"), so).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    // Each order line's status follows what was shipped and returned, as data.get
    // of the order shows it: 待发货 (open) → 部分发货 (partial) → 已发货 (shipped),
    // still shipped while only part came back, 已退货 (returned) once all of it
    // did; the order is "returned" when every line is.
    void lineStatusFollowsShippingAndReturns()
    {
        const qint64 pump = erp->product(QStringLiteral("LS1"), s("齿轮泵"), 8000, 5000);
        const qint64 valve = erp->product(QStringLiteral("LS2"), s("球阀"), 2000, 1200);
        QVERIFY(erp->buy(supplier, wh, {{pump, 10 * kUnit, 5000}, {valve, 10 * kUnit, 1200}}));
        const qint64 so = idOf(erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer(QStringLiteral("SC-LS"), QStringLiteral("standard"))},
                                                                                  {QStringLiteral("warehouse_id"), wh}},
                                                 {{pump, 4 * kUnit}, {valve, 2 * kUnit}}));
        QVERIFY(so);
        const auto statuses = [&] {
            const QCborMap order = erp->get(QStringLiteral("sales_order"), so);
            QStringList list{order.value(QStringLiteral("delivery_status")).toString()};
            for (const QCborMap &l : linesOf(order)) list << l.value(QStringLiteral("line_status")).toString();
            return list; // order's delivery status, then each line's status
        };
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("confirm")));
        QCOMPARE(statuses(), (QStringList{QStringLiteral("none"), QStringLiteral("open"), QStringLiteral("open")}));
        const QList<QCborMap> lines = linesOf(erp->get(QStringLiteral("sales_order"), so));
        const qint64 pumpLine = lines[0].value(QStringLiteral("id")).toInteger(), valveLine = lines[1].value(QStringLiteral("id")).toInteger();

        // One pump of four shipped.
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("deliver"),
                                 M{{QStringLiteral("lines"), A{M{{QStringLiteral("line_id"), pumpLine}, {QStringLiteral("quantity"), kUnit}}}}}));
        QCOMPARE(statuses(), (QStringList{QStringLiteral("partial"), QStringLiteral("partial"), QStringLiteral("open")}));
        // The rest of both.
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("deliver")));
        QCOMPARE(statuses(), (QStringList{QStringLiteral("full"), QStringLiteral("shipped"), QStringLiteral("shipped")}));

        // One pump back of the four: the line stays shipped.
        const QList<qint64> pumpShipments = deliveryLinesOf(pumpLine);
        QCOMPARE(pumpShipments.size(), 2); // 1, then 3
        LH_VERIFY_OK(returnGoods(so, {{pumpShipments[0], kUnit}}));
        QCOMPARE(statuses(), (QStringList{QStringLiteral("full"), QStringLiteral("shipped"), QStringLiteral("shipped")}));
        QCOMPARE(linesOf(erp->get(QStringLiteral("sales_order"), so))[0].value(QStringLiteral("returned_qty")).toInteger(), kUnit);
        // The other three pumps back: that line is returned, the valves still shipped.
        LH_VERIFY_OK(returnGoods(so, {{pumpShipments[1], 3 * kUnit}}));
        QCOMPARE(statuses(), (QStringList{QStringLiteral("full"), QStringLiteral("returned"), QStringLiteral("shipped")}));
        // Both valves back: every line returned, and so the order.
        LH_VERIFY_OK(returnGoods(so, {{deliveryLinesOf(valveLine).value(0), 2 * kUnit}}));
        QCOMPARE(statuses(), (QStringList{QStringLiteral("returned"), QStringLiteral("returned"), QStringLiteral("returned")}));
        QCOMPARE(erp->onHand(pump, wh), 10 * kUnit);
        QString problems;
        QVERIFY2(erp->checkInvariants(&problems), qPrintable(problems));
    }

    // A line with units still to ship stays 部分发货 when all that went out
    // came back (it is not 已退货 yet), and so does the order; shipping the
    // rest makes it 已发货.
    void aReturnOfAPartShipmentKeepsTheLineOpen()
    {
        const qint64 hose = erp->product(QStringLiteral("LS3"), s("液压软管"), 3000, 1500);
        QVERIFY(erp->buy(supplier, wh, {{hose, 10 * kUnit, 1500}}));
        const qint64 so = idOf(erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer(QStringLiteral("SC-LS3"), QStringLiteral("standard"))},
                                                                                  {QStringLiteral("warehouse_id"), wh}},
                                                 {{hose, 3 * kUnit}}));
        QVERIFY(so);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("confirm")));
        const qint64 line = linesOf(erp->get(QStringLiteral("sales_order"), so)).first().value(QStringLiteral("id")).toInteger();
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("deliver"),
                                 M{{QStringLiteral("lines"), A{M{{QStringLiteral("line_id"), line}, {QStringLiteral("quantity"), kUnit}}}}}));
        LH_VERIFY_OK(returnGoods(so, {{deliveryLinesOf(line).value(0), kUnit}}));
        QCborMap order = erp->get(QStringLiteral("sales_order"), so);
        QCOMPARE(linesOf(order).first().value(QStringLiteral("line_status")).toString(), QStringLiteral("partial"));
        QCOMPARE(order.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("partial"));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("deliver")));
        order = erp->get(QStringLiteral("sales_order"), so);
        QCOMPARE(linesOf(order).first().value(QStringLiteral("line_status")).toString(), QStringLiteral("shipped"));
        QCOMPARE(order.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("full"));
    }

    // 修改订单: a confirmed order goes back to draft (its reservation released),
    // a line is changed, and confirming again reserves the new quantity. Once
    // goods have shipped the order can be neither reopened nor edited, so no
    // line can fall below what was delivered.
    void modifyBeforeDelivery()
    {
        const qint64 valve = erp->product(QStringLiteral("MD1"), s("球阀DN25"), 8000, 5000);
        QVERIFY(erp->buy(supplier, wh, {{valve, 10 * kUnit, 5000}}));
        const qint64 so = order(customer(QStringLiteral("SC-MD1"), QStringLiteral("standard")), valve, 4 * kUnit, 8000);
        QVERIFY(so);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("confirm")));
        QCOMPARE(reserved(valve), 4 * kUnit);

        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("reopen")));
        QCborMap draft = erp->get(QStringLiteral("sales_order"), so);
        QCOMPARE(draft.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        QCOMPARE(reserved(valve), qint64(0));

        const QCborMap line = linesOf(draft).first();
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"),
                                 M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), so},
                                   {QStringLiteral("version"), draft.value(QStringLiteral("version"))},
                                   {QStringLiteral("lines"), A{M{{QStringLiteral("id"), line.value(QStringLiteral("id"))}, {QStringLiteral("version"), line.value(QStringLiteral("version"))},
                                                                 {QStringLiteral("quantity"), 7 * kUnit}}}}}));
        draft = erp->get(QStringLiteral("sales_order"), so);
        QCOMPARE(linesOf(draft).first().value(QStringLiteral("quantity")).toInteger(), 7 * kUnit);
        QCOMPARE(draft.value(QStringLiteral("amount_total")).toInteger(), qint64(56000)); // 7 × ¥80.00
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("confirm")));
        QCOMPARE(reserved(valve), 7 * kUnit);

        // Ship 5 of the 7: 2 stay reserved, and the order is past changing.
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("deliver"),
                                 M{{QStringLiteral("lines"), A{M{{QStringLiteral("line_id"), line.value(QStringLiteral("id"))}, {QStringLiteral("quantity"), 5 * kUnit}}}}}));
        QCOMPARE(reserved(valve), 2 * kUnit);
        const Reply reopen = erp->action(QStringLiteral("sales_order"), so, QStringLiteral("reopen"));
        LH_VERIFY_ERROR(reopen, ErrorCode::InvalidState);
        const QCborMap shipped = erp->get(QStringLiteral("sales_order"), so);
        const QCborMap shippedLine = linesOf(shipped).first();
        LH_VERIFY_ERROR(admin->call(QStringLiteral("data.save"),
                                    M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), so},
                                      {QStringLiteral("version"), shipped.value(QStringLiteral("version"))},
                                      {QStringLiteral("lines"), A{M{{QStringLiteral("id"), shippedLine.value(QStringLiteral("id"))},
                                                                    {QStringLiteral("version"), shippedLine.value(QStringLiteral("version"))},
                                                                    {QStringLiteral("quantity"), 3 * kUnit}}}}}),
                        ErrorCode::InvalidState);
        QCOMPARE(shipped.value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        QCOMPARE(shippedLine.value(QStringLiteral("quantity")).toInteger(), 7 * kUnit);
        QCOMPARE(shippedLine.value(QStringLiteral("delivered_qty")).toInteger(), 5 * kUnit);
        QCOMPARE(reserved(valve), 2 * kUnit);
    }

    // 保存并确认: data.save with "then" saves, confirms and ships in one call and
    // one transaction; a refusal anywhere leaves nothing behind, and each action
    // needs its own grant.
    void saveThenActionsInOneCall()
    {
        const qint64 bolt = erp->product(QStringLiteral("ST1"), s("一步到位螺栓"), 1200, 700);
        QVERIFY(erp->buy(supplier, wh, {{bolt, 5 * kUnit, 700}}));
        const qint64 buyer = customer(QStringLiteral("SC-ST1"), QStringLiteral("standard"));
        const auto orderArgs = [&](qint64 qty, const QCborValue &then) {
            M args{{QStringLiteral("entity"), QStringLiteral("sales_order")},
                   {QStringLiteral("changes"), M{{QStringLiteral("customer_id"), buyer}, {QStringLiteral("warehouse_id"), wh}}},
                   {QStringLiteral("lines"), A{M{{QStringLiteral("product_id"), bolt}, {QStringLiteral("quantity"), qty}, {QStringLiteral("price"), 1200}}}}};
            if (!then.isUndefined()) args.insert(QStringLiteral("then"), then);
            return args;
        };
        const auto orders = [&] {
            return test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("sales_order")},
                                                                         {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("customer_id"), buyer}}}))
                .size();
        };

        const Reply done = admin->call(QStringLiteral("data.save"), orderArgs(2 * kUnit, A{QStringLiteral("confirm"), QStringLiteral("deliver")}));
        LH_VERIFY_OK(done);
        const QCborMap answer = done.value().toMap();
        QCOMPARE(answer.value(QStringLiteral("state")).toString(), QStringLiteral("done")); // shipped in full
        QCOMPARE(answer.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("full"));
        QCOMPARE(linesOf(answer).first().value(QStringLiteral("delivered_qty")).toInteger(), 2 * kUnit);
        const A results = answer.value(QStringLiteral("action_results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toMap().value(QStringLiteral("action")).toString(), QStringLiteral("confirm"));
        QCOMPARE(results.at(1).toMap().value(QStringLiteral("action")).toString(), QStringLiteral("deliver"));
        QVERIFY(results.at(1).toMap().value(QStringLiteral("result")).toMap().value(QStringLiteral("delivery_id")).toInteger() > 0);
        QCOMPARE(answer.value(QStringLiteral("version")).toInteger(), erp->get(QStringLiteral("sales_order"), idOf(done)).value(QStringLiteral("version")).toInteger());
        QCOMPARE(erp->onHand(bolt, wh), 3 * kUnit);
        QCOMPARE(reserved(bolt), qint64(0));
        QCOMPARE(orders(), 1);

        // 4 more than the 3 left: confirm refuses, and the order is not saved either.
        const Reply short4 = admin->call(QStringLiteral("data.save"), orderArgs(4 * kUnit, A{QStringLiteral("confirm"), QStringLiteral("deliver")}));
        QVERIFY(!short4.isOk());
        QCOMPARE(short4.error().details().value(QStringLiteral("action")).toString(), QStringLiteral("confirm"));
        QCOMPARE(orders(), 1);
        QCOMPARE(erp->onHand(bolt, wh), 3 * kUnit);
        QCOMPARE(reserved(bolt), qint64(0));

        // Not actions of this document, not a list, not a document: refused before anything is written.
        LH_VERIFY_ERROR(admin->call(QStringLiteral("data.save"), orderArgs(kUnit, A{QStringLiteral("confirm"), QStringLiteral("fly")})), ErrorCode::BadRequest);
        LH_VERIFY_ERROR(admin->call(QStringLiteral("data.save"), orderArgs(kUnit, QStringLiteral("confirm"))), ErrorCode::BadRequest);
        LH_VERIFY_ERROR(admin->call(QStringLiteral("data.save"),
                                    M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("SC-ST2")},
                                                                                                                            {QStringLiteral("name"), s("不是单据")}}},
                                      {QStringLiteral("then"), A{QStringLiteral("confirm")}}}),
                        ErrorCode::BadRequest);
        QCOMPARE(orders(), 1);

        // A clerk who may confirm but not ship: asking for both is refused whole.
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("st_clerk"), QString::fromLatin1(test::kUserPassword), QStringLiteral("ST_SALES"),
                                  {{QStringLiteral("sales_order"), QStringLiteral("read")}, {QStringLiteral("sales_order"), QStringLiteral("create")},
                                   {QStringLiteral("sales_order"), QStringLiteral("write")}, {QStringLiteral("sales_order"), QStringLiteral("confirm")},
                                   {QStringLiteral("customer"), QStringLiteral("read")}, {QStringLiteral("product"), QStringLiteral("read")},
                                   {QStringLiteral("warehouse"), QStringLiteral("read")}},
                                  {}, &error),
                 qPrintable(error));
        auto clerk = server.login(QStringLiteral("st_clerk"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(clerk);
        const Reply refused = clerk->call(QStringLiteral("data.save"), orderArgs(kUnit, A{QStringLiteral("confirm"), QStringLiteral("deliver")}));
        LH_VERIFY_ERROR(refused, ErrorCode::PermissionDenied);
        QCOMPARE(refused.error().details().value(QStringLiteral("action")).toString(), QStringLiteral("deliver"));
        QCOMPARE(orders(), 1);
        const Reply confirmedOnly = clerk->call(QStringLiteral("data.save"), orderArgs(kUnit, A{QStringLiteral("confirm")}));
        LH_VERIFY_OK(confirmedOnly);
        QCOMPARE(confirmedOnly.value().toMap().value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        QVERIFY(!confirmedOnly.value().toMap().value(QStringLiteral("actions")).toArray().contains(QCborValue(QStringLiteral("deliver"))));
        QCOMPARE(reserved(bolt), kUnit);
        QCOMPARE(orders(), 2);
    }

    // One delivery of several products, one of them on two lines, costed by
    // FIFO across layers (on PostgreSQL the quants and layers of all its
    // products are read before the first line is issued; the second line of
    // the same product must see what the first took).
    void deliveryOfSeveralProductsCostsEachByFifo()
    {
        const qint64 a = erp->product(QStringLiteral("FF-A"), s("先进先出甲"), 10000, 0);
        const qint64 b = erp->product(QStringLiteral("FF-B"), s("先进先出乙"), 10000, 0);
        QVERIFY(erp->buy(supplier, wh, {{a, 4 * kUnit, 1000}})); // ¥10.00 each
        QVERIFY(erp->buy(supplier, wh, {{a, 6 * kUnit, 1500}})); // ¥15.00 each
        QVERIFY(erp->buy(supplier, wh, {{b, 5 * kUnit, 2000}}));
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer(QStringLiteral("FF-C"), QStringLiteral("standard"))},
                                                                            {QStringLiteral("warehouse_id"), wh}},
                                           {{a, 3 * kUnit}, {b, 2 * kUnit}, {a, 3 * kUnit}});
        LH_VERIFY_OK(so);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("confirm")));
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), idOf(so), QStringLiteral("deliver")));
        QList<qint64> costs;
        for (const QCborMap &line : linesOf(erp->get(QStringLiteral("sales_order"), idOf(so)))) costs << line.value(QStringLiteral("cost")).toInteger();
        // a: 3 of the first layer; b: 2 × ¥20; a again: the first layer's last one and 2 of the second.
        QCOMPARE(costs, (QList<qint64>{3000, 4000, 1000 + 3000}));
        QCOMPARE(erp->onHand(a, wh), 4 * kUnit);
        QCOMPARE(erp->onHand(b, wh), 3 * kUnit);
    }

    // Sales and purchase summaries by month, across the end of March 2025:
    //   bought 10 @ ¥30.00; received 4 on 03-31 (¥120.00) and 6 on 04-01 (¥180.00)
    //   sold 5 @ ¥50.00; shipped 2 on 03-31 (¥100.00, cost 2 × ¥30 = ¥60.00) and
    //   3 on 04-02 (¥150.00, cost ¥90.00); 1 returned on 04-15 (−¥50.00, −¥30.00)
    //   March: 2, ¥100.00, cost ¥60.00, margin ¥40.00
    //   April: 3 − 1 = 2, ¥150.00 − ¥50.00 = ¥100.00, cost ¥60.00, margin ¥40.00
    // A delivery's lines are checked against what the order line has open as
    // they are posted one after another: two lines of one order line together
    // cannot ship more than was ordered, and a refused delivery changes nothing.
    void twoDeliveryLinesOfOneOrderLine()
    {
        const qint64 p = erp->product(QStringLiteral("DL2"), s("双行出库法兰"), 5000, 3000);
        QVERIFY(erp->buy(supplier, wh, {{p, 20 * kUnit, 3000}}));
        const qint64 so = order(customer(QStringLiteral("SC-DL2"), QStringLiteral("standard")), p, 10 * kUnit, 5000);
        QVERIFY(so);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("confirm")));
        const qint64 soLine = linesOf(erp->get(QStringLiteral("sales_order"), so)).first().value(QStringLiteral("id")).toInteger();
        const M ofOrder{{QStringLiteral("order_id"), so}};

        const Reply tooMuch = postDated(QStringLiteral("delivery"), ofOrder, QStringLiteral("2025-05-06"), QStringLiteral("order_line_id"),
                                        {{soLine, 6 * kUnit}, {soLine, 6 * kUnit}});
        LH_VERIFY_ERROR(tooMuch, ErrorCode::Validation);
        QCOMPARE(tooMuch.error().fields().first().code, QStringLiteral("over_order"));
        QCOMPARE(tooMuch.error().fields().first().current.toInteger(), 4 * kUnit); // open after the first line's six
        QCOMPARE(erp->onHand(p, wh), 20 * kUnit);
        QCOMPARE(linesOf(erp->get(QStringLiteral("sales_order"), so)).first().value(QStringLiteral("delivered_qty")).toInteger(), qint64(0));

        LH_VERIFY_OK(postDated(QStringLiteral("delivery"), ofOrder, QStringLiteral("2025-05-06"), QStringLiteral("order_line_id"),
                               {{soLine, 4 * kUnit}, {soLine, 6 * kUnit}}));
        const QCborMap done = erp->get(QStringLiteral("sales_order"), so);
        QCOMPARE(done.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(done.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("full"));
        QCOMPARE(linesOf(done).first().value(QStringLiteral("delivered_qty")).toInteger(), 10 * kUnit);
        QCOMPARE(linesOf(done).first().value(QStringLiteral("line_status")).toString(), QStringLiteral("shipped"));
        QCOMPARE(linesOf(done).first().value(QStringLiteral("cost")).toInteger(), qint64(10 * 3000));
        QCOMPARE(erp->onHand(p, wh), 10 * kUnit);
    }

    void summariesByMonth()
    {
        const qint64 pump = erp->product(QStringLiteral("MS1"), s("月度汇总水泵"), 5000, 3000);
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), wh}},
                                           {{pump, 10 * kUnit, 3000}});
        LH_VERIFY_OK(po);
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_order"), idOf(po), QStringLiteral("confirm")));
        const qint64 poLine = linesOf(erp->get(QStringLiteral("purchase_order"), idOf(po))).first().value(QStringLiteral("id")).toInteger();
        const M fromOrder{{QStringLiteral("order_id"), idOf(po)}};
        LH_VERIFY_OK(postDated(QStringLiteral("purchase_receipt"), fromOrder, QStringLiteral("2025-03-31"), QStringLiteral("order_line_id"), {{poLine, 4 * kUnit}}));
        LH_VERIFY_OK(postDated(QStringLiteral("purchase_receipt"), fromOrder, QStringLiteral("2025-04-01"), QStringLiteral("order_line_id"), {{poLine, 6 * kUnit}}));

        const qint64 so = order(customer(QStringLiteral("SC-MS1"), QStringLiteral("standard")), pump, 5 * kUnit, 5000);
        QVERIFY(so);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), so, QStringLiteral("confirm")));
        const qint64 soLine = linesOf(erp->get(QStringLiteral("sales_order"), so)).first().value(QStringLiteral("id")).toInteger();
        const M ofOrder{{QStringLiteral("order_id"), so}};
        LH_VERIFY_OK(postDated(QStringLiteral("delivery"), ofOrder, QStringLiteral("2025-03-31"), QStringLiteral("order_line_id"), {{soLine, 2 * kUnit}}));
        LH_VERIFY_OK(postDated(QStringLiteral("delivery"), ofOrder, QStringLiteral("2025-04-02"), QStringLiteral("order_line_id"), {{soLine, 3 * kUnit}}));
        M back = ofOrder;
        back.insert(QStringLiteral("reason"), s("型号不符"));
        LH_VERIFY_OK(postDated(QStringLiteral("sales_return"), back, QStringLiteral("2025-04-15"), QStringLiteral("delivery_line_id"),
                               {{deliveryLinesOf(soLine).value(1), kUnit}}));

        const auto purchases = summaryByMonth(QStringLiteral("purchase.summary"));
        QCOMPARE(purchases.size(), 2);
        QCOMPARE(purchases.value(QStringLiteral("2025-03")).value(QStringLiteral("quantity")).toInteger(), 4 * kUnit);
        QCOMPARE(purchases.value(QStringLiteral("2025-03")).value(QStringLiteral("amount")).toInteger(), qint64(12000));
        QCOMPARE(purchases.value(QStringLiteral("2025-04")).value(QStringLiteral("quantity")).toInteger(), 6 * kUnit);
        QCOMPARE(purchases.value(QStringLiteral("2025-04")).value(QStringLiteral("amount")).toInteger(), qint64(18000));

        const auto sales = summaryByMonth(QStringLiteral("sales.summary"));
        QCOMPARE(sales.size(), 2);
        const QCborMap march = sales.value(QStringLiteral("2025-03")), april = sales.value(QStringLiteral("2025-04"));
        QCOMPARE(march.value(QStringLiteral("label")).toString(), QStringLiteral("2025-03"));
        QCOMPARE(march.value(QStringLiteral("quantity")).toInteger(), 2 * kUnit);
        QCOMPARE(march.value(QStringLiteral("amount")).toInteger(), qint64(10000));
        QCOMPARE(march.value(QStringLiteral("cost")).toInteger(), qint64(6000));
        QCOMPARE(march.value(QStringLiteral("margin")).toInteger(), qint64(4000));
        QCOMPARE(april.value(QStringLiteral("quantity")).toInteger(), 2 * kUnit);
        QCOMPARE(april.value(QStringLiteral("amount")).toInteger(), qint64(10000));
        QCOMPARE(april.value(QStringLiteral("cost")).toInteger(), qint64(6000));
        QCOMPARE(april.value(QStringLiteral("margin")).toInteger(), qint64(4000));
    }
};

QTEST_GUILESS_MAIN(TestSales)
#include "tst_sales.moc"
