// Confirming a sales order in the real form, offscreen against a real server:
// short stock shows the product's name and 在库/已预留/可用 per warehouse and
// offers 留欠货确认 or 取消; an exceeded credit limit asks a user allowed to
// override for a reason (kept in the audit log) and tells anyone else why not.
#include "app/language.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "sales/order_confirm_choices.h"
#include "sales/quotation_warehouse_choice.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/document_bar.h"
#include "views/record_form.h"

#include <QCborArray>
#include <QDate>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
} // namespace

class TestOrderConfirm : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<test::Erp> erp;
    qint64 wh1 = 0, wh2 = 0, supplier = 0;

    qint64 order(qint64 customer, qint64 product, qint64 quantity, qint64 price)
    {
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), wh1}},
                                           {{product, quantity, price}});
        return so.isOk() ? test::idOf(so) : 0;
    }

    // Opens the order's form, presses 确认 and waits until the form has answered.
    static void pressConfirm(views::RecordForm &form)
    {
        auto *button = form.findChild<QPushButton *>(QStringLiteral("action_confirm"));
        QVERIFY(button && button->isVisible());
        button->click();
    }

    static QString state(const views::RecordForm &form) { return form.findChild<QLabel *>(QStringLiteral("stateBadge"))->text(); }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        sales::registerSalesOrderChoices();
        sales::registerQuotationWarehouseChoice();
        const QString error = test::startWithAdmin(server, admin, session);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        erp = std::make_unique<test::Erp>(*admin);
        wh1 = erp->warehouse(QStringLiteral("OCW1"));
        wh2 = erp->warehouse(QStringLiteral("OCW2"));
        supplier = erp->supplier(QStringLiteral("OCS"), s("确认供应商"));
    }

    void shortStockOffersBackorderOrCancel()
    {
        const qint64 customer = erp->customer(QStringLiteral("OCC1"), s("欠货客户"));
        const qint64 p = erp->product(QStringLiteral("OCP1"), s("欠货螺栓"), 2000, 1000);
        QVERIFY(erp->buy(supplier, wh1, {{p, 5 * kUnit, 1000}}));
        QVERIFY(erp->buy(supplier, wh2, {{p, 7 * kUnit, 1000}}));
        const qint64 so = order(customer, p, 8 * kUnit, 2000);
        QVERIFY(so);
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("sales_order")), so);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        // First 取消: nothing confirmed, the shortage stays in the banner.
        QString shown;
        test::answerNextDialog<QMessageBox>([&shown](QMessageBox *box) {
            shown = box->text();
            for (QAbstractButton *b : box->buttons())
                if (box->buttonRole(b) == QMessageBox::RejectRole) b->click();
        });
        pressConfirm(form);
        QTRY_VERIFY_WITH_TIMEOUT(!form.bannerText().isEmpty(), 10000);
        QVERIFY2(shown.contains(s("OCP1 欠货螺栓：需要 8，可用 5（在库 5，已预留 0）")), qPrintable(shown));
        QVERIFY2(shown.contains(s("仓库OCW1 在库 5 / 已预留 0 / 可用 5")) && shown.contains(s("仓库OCW2 在库 7 / 已预留 0 / 可用 7")), qPrintable(shown));
        QVERIFY2(!shown.contains(u'#'), qPrintable(shown));
        QVERIFY2(form.bannerText().contains(s("欠货螺栓")), qPrintable(form.bannerText()));
        QCOMPARE(state(form), s("草稿"));
        // Then 留欠货确认: confirmed with the whole 8 reserved.
        test::answerNextDialog<QMessageBox>([](QMessageBox *box) { box->findChild<QPushButton *>(QStringLiteral("backorder"))->click(); });
        QSignalSpy done(&form, &views::RecordForm::actionDone);
        pressConfirm(form);
        QVERIFY(done.wait(10000));
        QCOMPARE(state(form), s("已确认"));
        QCOMPARE(erp->get(QStringLiteral("sales_order"), so).value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        // 发货 cannot ship all 8: 部分发货 ships the 5 in stock, 3 stay on backorder.
        QString asked;
        test::answerNextDialog<QMessageBox>([&asked](QMessageBox *box) {
            asked = box->text();
            box->findChild<QPushButton *>(QStringLiteral("partial"))->click();
        });
        form.findChild<QPushButton *>(QStringLiteral("action_deliver"))->click();
        QVERIFY(done.wait(10000));
        QVERIFY2(asked.contains(s("有货")), qPrintable(asked));
        const QCborMap after = erp->get(QStringLiteral("sales_order"), so);
        QCOMPARE(after.value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        QCOMPARE(after.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("partial"));
        QCOMPARE(test::linesOf(after).first().value(QStringLiteral("delivered_qty")).toInteger(), 5 * kUnit);
    }

    void creditOverrideAsksForAReason()
    {
        const qint64 customer = erp->customer(QStringLiteral("OCC2"), s("额度客户"), 10000);
        const qint64 p = erp->product(QStringLiteral("OCP2"), s("额度螺母"), 5000, 1000);
        QVERIFY(erp->buy(supplier, wh1, {{p, 10 * kUnit, 1000}}));
        const qint64 so = order(customer, p, 3 * kUnit, 5000);
        QVERIFY(so);
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("sales_order")), so);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        QString asked;
        test::answerNextDialog<QInputDialog>([&asked](QInputDialog *d) {
            asked = d->labelText();
            d->setTextValue(s("老客户，月底回款"));
            d->accept();
        });
        QSignalSpy done(&form, &views::RecordForm::actionDone);
        pressConfirm(form);
        QVERIFY(done.wait(10000));
        QVERIFY2(asked.contains(s("¥100.00")) && asked.contains(s("¥150.00")), qPrintable(asked));
        QCOMPARE(state(form), s("已确认"));
        const Reply history = admin->call(QStringLiteral("data.history"), M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), so}});
        bool audited = false;
        for (const auto &e : history.value().toMap().value(QStringLiteral("entries")).toArray())
            audited |= e.toMap().value(QStringLiteral("call")).toString() == QLatin1String("sales_order.override_credit")
                       && e.toMap().value(QStringLiteral("changes")).toString().contains(s("老客户，月底回款"));
        QVERIFY(audited);
    }

    void withoutThePermissionTheRefusalIsPlain()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("oc_sales"), QString::fromLatin1(test::kUserPassword), QStringLiteral("OC_SALES"),
                                  {{QStringLiteral("sales_order"), QStringLiteral("read")}, {QStringLiteral("sales_order"), QStringLiteral("write")},
                                   {QStringLiteral("sales_order"), QStringLiteral("confirm")}, {QStringLiteral("customer"), QStringLiteral("read")},
                                   {QStringLiteral("product"), QStringLiteral("read")}, {QStringLiteral("warehouse"), QStringLiteral("read")}},
                                  {}, &error),
                 qPrintable(error));
        auto sales = test::loggedInSession(server, QStringLiteral("oc_sales"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(sales);
        const qint64 customer = erp->customer(QStringLiteral("OCC3"), s("额度客户三"), 10000);
        const qint64 p = erp->product(QStringLiteral("OCP3"), s("额度垫片"), 5000, 1000);
        QVERIFY(erp->buy(supplier, wh1, {{p, 10 * kUnit, 1000}}));
        const qint64 so = order(customer, p, 3 * kUnit, 5000);
        QVERIFY(so);
        views::RecordForm form(*sales, *schema::Catalogue::instance().entity(QStringLiteral("sales_order")), so);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        pressConfirm(form);
        QTRY_VERIFY_WITH_TIMEOUT(!form.bannerText().isEmpty(), 10000);
        QVERIFY2(form.bannerText().contains(s("超出客户信用额度")) && form.bannerText().contains(s("¥100.00")), qPrintable(form.bannerText()));
        QVERIFY2(form.bannerText().contains(s("未确认")), qPrintable(form.bannerText()));
        QCOMPARE(state(form), s("草稿"));
    }

    // 生成销售订单 with two warehouses asks which to ship from; the one that has
    // everything comes selected. 取消 makes no order and says so.
    void quotationAsksWhichWarehouse()
    {
        const qint64 customer = erp->customer(QStringLiteral("OCC4"), s("报价客户"));
        const qint64 p = erp->product(QStringLiteral("OCP4"), s("报价轴承"), 3000, 1000);
        QVERIFY(erp->buy(supplier, wh2, {{p, 10 * kUnit, 1000}}));
        const Reply q = erp->saveDocument(QStringLiteral("sales_quotation"),
                                          M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("valid_until"), QDate::currentDate().addDays(14).toString(Qt::ISODate)}},
                                          {{p, 4 * kUnit, 3000}});
        LH_VERIFY_OK(q);
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_quotation"), test::idOf(q), QStringLiteral("confirm")));
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("sales_quotation")), test::idOf(q));
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        auto *convert = form.findChild<QPushButton *>(QStringLiteral("action_convert"));
        QVERIFY(convert && convert->isVisible());
        // 取消 first.
        test::answerNextDialog<QInputDialog>([](QInputDialog *d) { d->reject(); });
        convert->click();
        QTRY_VERIFY_WITH_TIMEOUT(!form.bannerText().isEmpty(), 10000);
        QCOMPARE(form.bannerText(), s("未生成销售订单。"));
        QCOMPARE(erp->get(QStringLiteral("sales_quotation"), test::idOf(q)).value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        // Then the warehouse offered first.
        QStringList offered;
        QString selected;
        test::answerNextDialog<QInputDialog>([&](QInputDialog *d) {
            offered = d->comboBoxItems();
            selected = d->textValue();
            // tools/screenshots takes the user guide's picture from here.
            if (const QString dir = qEnvironmentVariable("LIUHE_SHOT_DIR"); !dir.isEmpty()) d->grab().save(dir + QStringLiteral("/quotation-warehouse.png"));
            d->accept();
        });
        QSignalSpy done(&form, &views::RecordForm::actionDone);
        convert->click();
        QVERIFY(done.wait(10000));
        QVERIFY2(offered.contains(s("OCW1 仓库OCW1（1 种商品库存不足）")), qPrintable(offered.join(u'|')));
        QCOMPARE(selected, s("OCW2 仓库OCW2（全部有货）"));
        const QCborMap quotation = erp->get(QStringLiteral("sales_quotation"), test::idOf(q));
        QCOMPARE(quotation.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(erp->get(QStringLiteral("sales_order"), quotation.value(QStringLiteral("order_id")).toInteger()).value(QStringLiteral("warehouse_id")).toInteger(), wh2);
    }
};

QTEST_MAIN(TestOrderConfirm)
#include "tst_order_confirm.moc"
