// The quote comparison (比价) in the real requisition form, offscreen against a
// real server: 生成采购订单 on a requisition with received quotes first shows
// them side by side — the lowest price of each product ✔, the cheapest complete
// quote ★, a quote missing a product marked — and 取消 orders nothing;
// 按此报价下单 orders the chosen quote from its supplier, the requisition is done
// and the new order opens. Without quotes the requisition orders as before.
#include "app/language.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "purchase/quote_comparison_dialog.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/record_form.h"

#include <QCborArray>
#include <QDir>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::purchase::QuoteComparisonDialog;
using liuhe::test::TestServer;
using M = QCborMap;
using A = QCborArray;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
} // namespace

class TestQuoteComparison : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<test::Erp> erp;
    qint64 gear = 0, shaft = 0;

    // A submitted requisition for 10 gears and 4 shafts.
    qint64 requisition()
    {
        const Reply r = admin->call(QStringLiteral("data.save"),
                                    M{{QStringLiteral("entity"), QStringLiteral("purchase_requisition")},
                                      {QStringLiteral("changes"), M{{QStringLiteral("needed_by"), QStringLiteral("2031-08-31")}, {QStringLiteral("reason"), s("比价")}}},
                                      {QStringLiteral("lines"), A{M{{QStringLiteral("product_id"), gear}, {QStringLiteral("quantity"), 10 * kUnit}},
                                                                  M{{QStringLiteral("product_id"), shaft}, {QStringLiteral("quantity"), 4 * kUnit}}}}});
        if (!r.isOk() || !erp->action(QStringLiteral("purchase_requisition"), test::idOf(r), QStringLiteral("confirm")).isOk()) return 0;
        return test::idOf(r);
    }

    struct Offer {
        qint64 product, price;
        int lead;
    };
    qint64 quote(qint64 req, qint64 supplier, const QList<Offer> &offers)
    {
        A lines;
        for (const Offer &o : offers)
            lines.append(M{{QStringLiteral("product_id"), o.product}, {QStringLiteral("quantity"), 10 * kUnit}, {QStringLiteral("price"), o.price},
                           {QStringLiteral("lead_days"), o.lead}});
        const Reply q = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("supplier_quote")},
                                                                   {QStringLiteral("changes"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("requisition_id"), req}}},
                                                                   {QStringLiteral("lines"), lines}});
        if (!q.isOk() || !erp->action(QStringLiteral("supplier_quote"), test::idOf(q), QStringLiteral("confirm")).isOk()) return 0;
        return test::idOf(q);
    }

    static void pressCreateOrder(views::RecordForm &form)
    {
        auto *button = form.findChild<QPushButton *>(QStringLiteral("action_create_order"));
        QVERIFY(button && button->isVisible());
        button->click();
    }

    QString state(qint64 req) { return erp->get(QStringLiteral("purchase_requisition"), req).value(QStringLiteral("state")).toString(); }

    QList<QCborMap> ordersOf(qint64 req)
    {
        return test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("purchase_order")},
                                                                        {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("requisition_id"), req}}}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        purchase::registerQuoteComparison();
        const QString error = test::startWithAdmin(server, admin, session);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        erp = std::make_unique<test::Erp>(*admin);
        QVERIFY(erp->warehouse(QStringLiteral("QCW")));
        gear = erp->product(QStringLiteral("QCG"), s("比价齿轮"), 2000, 800);
        shaft = erp->product(QStringLiteral("QCS"), s("比价轴"), 1000, 500);
        QVERIFY(gear && shaft);
    }

    void quotesSideBySideThenOrderTheChosenOne()
    {
        const qint64 req = requisition();
        QVERIFY(req);
        const qint64 supA = erp->supplier(QStringLiteral("QCA"), s("甲供应商")), supB = erp->supplier(QStringLiteral("QCB"), s("乙供应商")),
                     supC = erp->supplier(QStringLiteral("QCC"), s("丙供应商"));
        const qint64 a = quote(req, supA, {{gear, 900, 7}, {shaft, 500, 7}}); // 10 × 9.00 + 4 × 5.00 = ¥110.00
        const qint64 b = quote(req, supB, {{gear, 850, 10}, {shaft, 600, 3}}); // ¥109.00, the cheapest complete one
        const qint64 c = quote(req, supC, {{gear, 700, 5}});                    // the lowest gear price, no shaft
        QVERIFY(a && b && c);
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("purchase_requisition")), req);
        form.resize(1200, 700);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));

        // What the comparison shows, read off the table; then 取消.
        QStringList headers;
        QMap<QString, QString> cells; // "row/column" -> text
        QString summary;
        bool bOrderable = false, cOrderable = false;
        // tools/screenshots takes the user guide's picture from here.
        const QString shotDir = qEnvironmentVariable("LIUHE_SHOT_DIR");
        const QString shot = shotDir.isEmpty() ? QDir::temp().filePath(QStringLiteral("quote-comparison.png")) : shotDir + QStringLiteral("/quote-comparison.png");
        test::answerNextDialog<QuoteComparisonDialog>([&](QuoteComparisonDialog *d) {
            (void)QTest::qWaitFor([d, b] { return d->orderButton(b) != nullptr; }, 10000);
            QTableWidget *t = d->table();
            for (int c = 0; c < t->columnCount(); ++c) headers << t->horizontalHeaderItem(c)->text();
            for (int r = 0; r < t->rowCount(); ++r)
                for (int c = 0; c < t->columnCount(); ++c)
                    if (t->item(r, c)) cells.insert(QStringLiteral("%1/%2").arg(r).arg(c), t->item(r, c)->text());
            summary = d->summaryText();
            bOrderable = d->orderButton(b)->isEnabled();
            cOrderable = d->orderButton(c)->isEnabled();
            d->grab().save(shot);
            d->findChild<QPushButton *>(QStringLiteral("cancel"))->click();
        });
        pressCreateOrder(form);
        QTRY_VERIFY_WITH_TIMEOUT(!headers.isEmpty(), 10000);
        qInfo("screenshot: %s", qPrintable(shot));
        QCOMPARE(headers.size(), 5); // product, quantity, A, B, C by quote id
        QVERIFY2(headers[3].startsWith(s("★ 乙供应商")), qPrintable(headers[3]));
        QVERIFY2(!headers[2].contains(s("★")) && !headers[4].contains(s("★")), qPrintable(headers.join(u'|')));
        QCOMPARE(cells.value(QStringLiteral("0/0")), s("QCG 比价齿轮"));
        QCOMPARE(cells.value(QStringLiteral("0/1")), QStringLiteral("10"));
        QCOMPARE(cells.value(QStringLiteral("0/2")), s("¥9.00 · 7 天"));
        QCOMPARE(cells.value(QStringLiteral("0/4")), s("✔ ¥7.00 · 5 天")); // the lowest gear price is C's
        QCOMPARE(cells.value(QStringLiteral("1/2")), s("✔ ¥5.00 · 7 天")); // the lowest shaft price is A's
        QCOMPARE(cells.value(QStringLiteral("1/4")), s("未报价"));
        QCOMPARE(cells.value(QStringLiteral("2/0")), s("按申请数量合计"));
        QCOMPARE(cells.value(QStringLiteral("2/2")), s("¥110.00"));
        QCOMPARE(cells.value(QStringLiteral("2/3")), s("¥109.00"));
        QCOMPARE(cells.value(QStringLiteral("2/4")), s("¥70.00（不完整）"));
        QCOMPARE(cells.value(QStringLiteral("3/3")), s("10 天")); // B's slowest line
        QVERIFY2(summary.contains(s("已收到 3 份报价")) && summary.contains(s("乙供应商")) && summary.contains(s("¥109.00")), qPrintable(summary));
        QVERIFY(bOrderable && cOrderable);
        QCOMPARE(state(req), QStringLiteral("confirmed")); // 取消 ordered nothing
        QVERIFY(ordersOf(req).isEmpty());

        // 按此报价下单 under B: ordered from B at its prices, the requisition done, the order opens.
        QSignalSpy opened(&form, &views::RecordForm::openRequested);
        test::answerNextDialog<QuoteComparisonDialog>([b](QuoteComparisonDialog *d) {
            (void)QTest::qWaitFor([d, b] { return d->orderButton(b) != nullptr; }, 10000);
            d->orderButton(b)->click();
        });
        pressCreateOrder(form);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        QCOMPARE(opened.first().at(0).toString(), QStringLiteral("purchase_order"));
        const qint64 po = opened.first().at(1).toLongLong();
        const QCborMap order = erp->get(QStringLiteral("purchase_order"), po);
        QCOMPARE(order.value(QStringLiteral("supplier_id")).toInteger(), supB);
        QCOMPARE(order.value(QStringLiteral("requisition_id")).toInteger(), req);
        QCOMPARE(test::linesOf(order).first().value(QStringLiteral("price")).toInteger(), qint64(850));
        QCOMPARE(state(req), QStringLiteral("done"));
        QCOMPARE(erp->get(QStringLiteral("supplier_quote"), b).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(ordersOf(req).size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!form.findChild<QPushButton *>(QStringLiteral("action_create_order"))->isVisible(), 10000); // reloaded: done
    }

    void withoutQuotesTheRequisitionOrdersAsBefore()
    {
        const qint64 supplier = erp->supplier(QStringLiteral("QCD"), s("丁供应商"));
        LH_VERIFY_OK(erp->update(QStringLiteral("product"), gear, M{{QStringLiteral("supplier_id"), supplier}}));
        LH_VERIFY_OK(erp->update(QStringLiteral("product"), shaft, M{{QStringLiteral("supplier_id"), supplier}}));
        const qint64 req = requisition();
        QVERIFY(req);
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("purchase_requisition")), req);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        QSignalSpy done(&form, &views::RecordForm::actionDone);
        pressCreateOrder(form);
        QVERIFY(done.wait(10000));
        QCOMPARE(state(req), QStringLiteral("done"));
        QCOMPARE(ordersOf(req).size(), 1);
        QCOMPARE(ordersOf(req).first().value(QStringLiteral("supplier_id")).toInteger(), supplier);
    }
};

QTEST_MAIN(TestQuoteComparison)
#include "tst_quote_comparison.moc"
