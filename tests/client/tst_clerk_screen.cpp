// The clerk's scan screen beyond receiving (tst_clerk_window): 拣货发货 (F2)
// through the window — the sales order number, a product not on the order and
// more than ordered are red and book nothing, F9 prints the delivery note with
// its number as a barcode, F10 posts and the order shows it; the sales order
// form then shows each line's status. And the screen itself: full-width digits,
// Tab as the terminator, GS typed as a keystroke keeps a GS1 lot, F3/F4 with
// the warehouses chosen by keys only, sizes readable at 1366×768, good and bad
// tones and mute.
#include "app/language.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "inventory/clerk_window.h"
#include "inventory/count_choice_dialog.h"
#include "inventory/feedback_sound.h"
#include "inventory/scan_line_edit.h"
#include "inventory/warehouse_choice_dialog.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/document_print.h"
#include "views/lines_editor.h"
#include "views/lines_model.h"
#include "views/record_form.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QCborArray>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::inventory::ClerkWindow;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }

// One key as a keyboard-wedge scanner sends it: its text, no delay.
void sendKey(int key, const QString &text, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY(target);
    QKeyEvent press(QEvent::KeyPress, key, modifiers, text);
    QApplication::sendEvent(target, &press);
    QKeyEvent release(QEvent::KeyRelease, key, modifiers, text);
    QApplication::sendEvent(target, &release);
}

// A scanner burst of any characters (full-width ones too), then the terminator.
void scanWith(const QString &code, int terminator = Qt::Key_Return)
{
    for (const QChar c : code) {
        const QString plain = QString(c).normalized(QString::NormalizationForm_KC);
        const QChar k = plain.isEmpty() ? c : plain.at(0).toUpper();
        sendKey(k.unicode() < 0x80 && k.isPrint() ? k.unicode() : 0, QString(c));
    }
    sendKey(terminator, terminator == Qt::Key_Tab ? QStringLiteral("\t") : QStringLiteral("\r"));
}

void scan(const QString &code) { scanWith(code); }
} // namespace

class TestClerkScreen : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<ClerkWindow> window;
    qint64 customer = 0, supplier = 0, warehouse = 0, warehouse2 = 0;
    qint64 returned = 0, partial = 0, open = 0, shipped = 0, stranger = 0, lotProduct = 0, serialProduct = 0;
    qint64 so = 0;
    QString soNumber;

    QList<QCborMap> lines(const QString &entity, const QString &parentField, qint64 parent)
    {
        const Reply r = admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), entity},
                                                                    {QStringLiteral("filter"), QCborArray{QStringLiteral("eq"), parentField, parent}}});
        return test::rowsOf(r);
    }

    qint64 deliveredOf(qint64 product)
    {
        qint64 total = 0;
        for (const auto &l : lines(QStringLiteral("delivery_line"), QStringLiteral("delivery_id"), window->documentId()))
            if (l.value(QStringLiteral("product_id")).toInteger() == product) total += l.value(QStringLiteral("quantity")).toInteger();
        return total;
    }

    // After another window had the focus.
    void backToTheWindow()
    {
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()), 5000);
    }

    void expectError(const char *reasonUtf8)
    {
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Error, 10000);
        QVERIFY2(window->bannerText().contains(s(reasonUtf8)), qPrintable(window->bannerText()));
        QTest::keyClick(window->scanField(), Qt::Key_Escape);
        QCOMPARE(window->banner(), ClerkWindow::Banner::None);
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        test::Erp erp(*admin);
        supplier = erp.supplier(QStringLiteral("PS1"), s("拣货供应商"));
        customer = erp.customer(QStringLiteral("PC1"), s("拣货客户"));
        warehouse = erp.warehouse(QStringLiteral("PW1"));
        warehouse2 = erp.warehouse(QStringLiteral("PW2"));
        returned = erp.product(QStringLiteral("PK1"), s("拣货轴承A"), 3000, 2000, QStringLiteral("6901234567915"));
        partial = erp.product(QStringLiteral("PK2"), s("拣货轴承B"), 3000, 2000, QStringLiteral("6901234567922"));
        open = erp.product(QStringLiteral("PK3"), s("拣货轴承C"), 3000, 2000, QStringLiteral("6901234567939"));
        shipped = erp.product(QStringLiteral("PK4"), s("拣货轴承D"), 3000, 2000, QStringLiteral("6901234567946"));
        stranger = erp.product(QStringLiteral("PK5"), s("不在订单的齿轮"), 3000, 2000, QStringLiteral("6901234567953"));
        lotProduct = erp.product(QStringLiteral("PK6"), s("批次润滑脂"), 3000, 2000, QStringLiteral("6901234567892"));
        LH_VERIFY_OK(erp.update(QStringLiteral("product"), lotProduct, M{{QStringLiteral("lot_tracked"), true}}));
        QVERIFY(erp.buy(supplier, warehouse, {{returned, 20 * kUnit, 2000}, {partial, 20 * kUnit, 2000}, {open, 20 * kUnit, 2000},
                                              {shipped, 20 * kUnit, 2000}, {stranger, 20 * kUnit, 2000}}));
        // Two serial-numbered units in PW2, for counting by serial number (F4).
        serialProduct = erp.product(QStringLiteral("PK7"), s("序列号血压计"), 30000, 12000, QStringLiteral("6901234567960"), 0, true);
        const Reply bought = erp.saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse2}},
                                              {{serialProduct, 2 * kUnit, 12000}});
        LH_VERIFY_OK(bought);
        LH_VERIFY_OK(erp.action(QStringLiteral("purchase_order"), test::idOf(bought), QStringLiteral("confirm")));
        QCborArray units;
        for (const char *serial : {"SN-A1", "SN-A2"})
            units.append(M{{QStringLiteral("line_id"), test::linesOf(erp.get(QStringLiteral("purchase_order"), test::idOf(bought))).first().value(QStringLiteral("id")).toInteger()},
                           {QStringLiteral("quantity"), kUnit}, {QStringLiteral("serial"), QString::fromLatin1(serial)}});
        LH_VERIFY_OK(erp.action(QStringLiteral("purchase_order"), test::idOf(bought), QStringLiteral("receive"), M{{QStringLiteral("lines"), units}}));
        const Reply order = erp.saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                             {{returned, 2 * kUnit, 3000}, {partial, 4 * kUnit, 3000}, {open, 2 * kUnit, 3000}, {shipped, 1 * kUnit, 3000}});
        LH_VERIFY_OK(order);
        so = test::idOf(order);
        soNumber = order.value().toMap().value(QStringLiteral("number")).toString();
        LH_VERIFY_OK(erp.action(QStringLiteral("sales_order"), so, QStringLiteral("confirm")));
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("picker9"), QString::fromLatin1(test::kUserPassword), QStringLiteral("warehouse_clerk"), test::clerkGrants(true), {}, &error, QStringLiteral("clerk")),
                 qPrintable(error));
        session = test::loggedInSession(server, QStringLiteral("picker9"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(session);
        inventory::StationSettings().save(); // sound on, no prefix or suffix
        window = std::make_unique<ClerkWindow>(*session);
        QVERIFY(test::showActive(*window, 1366, 768));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()));
    }

    void pickStartsFromTheSalesOrderNumber()
    {
        QTest::keyClick(window.get(), Qt::Key_F2);
        QVERIFY2(window->bannerText().isEmpty(), qPrintable(window->bannerText()));
        scan(soNumber);
        QTRY_VERIFY_WITH_TIMEOUT(window->documentId() > 0, 10000);
        QCOMPARE(window->documentType(), QStringLiteral("delivery"));
        QCOMPARE(window->linesTable()->rowCount(), 4);
        QCOMPARE(test::Erp(*admin).get(QStringLiteral("delivery"), window->documentId()).value(QStringLiteral("order_id")).toInteger(), so);
    }

    // A product not on the order, and more than the order still needs: red, a
    // low tone, nothing booked; good scans give the high tone.
    void notOnOrderAndOverOrderAreRed()
    {
        QSignalSpy tones(window->sound(), &inventory::FeedbackSound::played);
        scan(QStringLiteral("6901234567953"));
        expectError("不在本订单中");
        QCOMPARE(deliveredOf(stranger), qint64(0));
        QCOMPARE(tones.size(), 1);
        QCOMPARE(tones.first().first().toBool(), false);
        scan(QStringLiteral("6901234567946"));
        QTRY_COMPARE_WITH_TIMEOUT(deliveredOf(shipped), kUnit, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Good, 10000);
        QCOMPARE(tones.size(), 2);
        QCOMPARE(tones.last().first().toBool(), true);
        scan(QStringLiteral("6901234567946")); // the order wants 1
        expectError("超出订单未发数量");
        QCOMPARE(deliveredOf(shipped), kUnit);
        QCOMPARE(tones.size(), 3);
        QCOMPARE(tones.last().first().toBool(), false);
        QCOMPARE(window->scannedTotal(), kUnit);
    }

    // Digits typed full-width (an IME left in full-width mode) are the product.
    void fullWidthDigitsAreTheProduct()
    {
        scan(s("６９０１２３４５６７９１５"));
        QTRY_COMPARE_WITH_TIMEOUT(deliveredOf(returned), kUnit, 10000);
        // The store may show the scan a moment before the answer (its fsync) reaches the screen.
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Good, 10000);
        QVERIFY2(window->bannerText().contains(s("拣货轴承A")), qPrintable(window->bannerText()));
        QCOMPARE(window->scanField()->text(), QString());
    }

    void tabEndsAScan()
    {
        scanWith(QStringLiteral("6901234567915"), Qt::Key_Tab);
        QTRY_COMPARE_WITH_TIMEOUT(deliveredOf(returned), 2 * kUnit, 10000);
        QCOMPARE(window->detector()->lastTrace().terminator, QStringLiteral("Tab"));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()));
        scan(QStringLiteral("6901234567922"));
        QTRY_COMPARE_WITH_TIMEOUT(deliveredOf(partial), kUnit, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), 4 * kUnit, 10000);
    }

    // Muted, neither tone sounds; the button turns it back on.
    void muteStopsTheTones()
    {
        auto *mute = window->findChild<QPushButton *>(QStringLiteral("mute"));
        QVERIFY(mute);
        QCOMPARE(mute->text(), s("声音已开"));
        mute->click();
        QVERIFY(window->stationSettings().muted);
        QCOMPARE(mute->text(), s("声音已关"));
        QSignalSpy tones(window->sound(), &inventory::FeedbackSound::played);
        scan(QStringLiteral("6901234567953"));
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Error, 10000);
        QTest::keyClick(window->scanField(), Qt::Key_Escape);
        QTest::qWait(200);
        QCOMPARE(tones.size(), 0);
        mute->click();
        QVERIFY(!window->stationSettings().muted);
        scan(QStringLiteral("6901234567953"));
        QTRY_COMPARE_WITH_TIMEOUT(tones.size(), 1, 10000);
        QTest::keyClick(window->scanField(), Qt::Key_Escape);
    }

    // At 1366×768: base font ≥ 14 pt, key numbers ≥ 28 pt, buttons and rows ≥ 44 px,
    // nothing cut off.
    void readableAt1366x768()
    {
        QCOMPARE(window->size(), QSize(1366, 768));
        QVERIFY2(window->minimumSizeHint().width() <= 1366 && window->minimumSizeHint().height() <= 768,
                 qPrintable(QStringLiteral("%1x%2").arg(window->minimumSizeHint().width()).arg(window->minimumSizeHint().height())));
        for (QWidget *w : window->findChildren<QWidget *>()) {
            if (!w->isVisible() || qobject_cast<QTableView *>(w->parentWidget())) continue;
            w->ensurePolished();
            QVERIFY2(w->font().pointSizeF() >= 14, qPrintable(w->metaObject()->className() + QStringLiteral(" ") + QString::number(w->font().pointSizeF())));
        }
        for (auto *b : window->findChildren<QPushButton *>()) {
            if (!b->isVisible()) continue;
            QVERIFY2(b->height() >= 44, qPrintable(b->text()));
            QVERIFY2(b->width() >= b->fontMetrics().horizontalAdvance(b->text()), qPrintable(b->text()));
        }
        auto *totals = window->findChild<QLabel *>(QStringLiteral("scanTotals"));
        QVERIFY(totals);
        QVERIFY(totals->font().pointSizeF() >= 28);
        QVERIFY2(totals->text().contains(QStringLiteral("4")), qPrintable(totals->text()));
        QVERIFY(window->linesTable()->rowCount() > 0);
        for (int r = 0; r < window->linesTable()->rowCount(); ++r) QVERIFY(window->linesTable()->rowHeight(r) >= 44);
        QVERIFY(window->linesTable()->font().pointSizeF() >= 14);
        if (const QString dir = qEnvironmentVariable("LIUHE_SHOT_DIR"); !dir.isEmpty()) window->grab().save(dir + QStringLiteral("/clerk-pick.png"));
    }

    // F9: the delivery note as PDF, its number as a barcode image.
    void f9PrintsTheDeliveryNoteWithItsBarcode()
    {
        QSignalSpy printed(window.get(), &ClerkWindow::notePrinted);
        QTest::keyClick(window.get(), Qt::Key_F9);
        QVERIFY(printed.wait(10000));
        const QString path = printed.first().first().toString();
        QVERIFY2(QFileInfo(path).size() > 1000, qPrintable(path));
        const QString number = test::Erp(*admin).get(QStringLiteral("delivery"), window->documentId()).value(QStringLiteral("number")).toString();
        QVERIFY(path.endsWith(number + QStringLiteral(".pdf")));
        const QString html = window->lastNoteHtml();
        QVERIFY2(html.contains(QStringLiteral("<img src='data:image/png;base64,")), qPrintable(html.left(600)));
        QVERIFY(html.contains(s("拣货轴承A")));
        QVERIFY(!views::DocumentPrint::barcode(number).isNull());
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()));
        QFile::remove(path);
    }

    void f10PostsAndTheOrderIsPartlyShipped()
    {
        QTest::keyClick(window.get(), Qt::Key_F10);
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Good, 10000);
        QCOMPARE(window->documentId(), qint64(0));
        test::Erp erp(*admin);
        QCOMPARE(erp.get(QStringLiteral("sales_order"), so).value(QStringLiteral("delivery_status")).toString(), QStringLiteral("partial"));
        QCOMPARE(erp.onHand(returned, warehouse), 18 * kUnit);
        QCOMPARE(erp.onHand(partial, warehouse), 19 * kUnit);
        QCOMPARE(erp.onHand(shipped, warehouse), 19 * kUnit);
        QCOMPARE(erp.onHand(stranger, warehouse), 20 * kUnit);
        QString problems;
        QVERIFY2(erp.checkInvariants(&problems), qPrintable(problems));
    }

    // The rest picked the same way: the order is then shipped in full.
    void theRestShipsInFull()
    {
        QTest::keyClick(window.get(), Qt::Key_F2);
        scan(soNumber);
        QTRY_VERIFY_WITH_TIMEOUT(window->documentId() > 0, 10000);
        scan(QStringLiteral("3*"));
        scan(QStringLiteral("6901234567922"));
        QTRY_COMPARE_WITH_TIMEOUT(deliveredOf(partial), 3 * kUnit, 10000);
        scan(QStringLiteral("2*"));
        scan(QStringLiteral("6901234567939"));
        QTRY_COMPARE_WITH_TIMEOUT(deliveredOf(open), 2 * kUnit, 10000);
        // F10 may come before the last scan's answer (the store shows a scan a
        // moment before its answer arrives): the post waits for it.
        QTest::keyClick(window.get(), Qt::Key_F10);
        QTRY_VERIFY2_WITH_TIMEOUT(window->documentId() == 0, qPrintable(window->bannerText()), 10000);
        QCOMPARE(test::Erp(*admin).get(QStringLiteral("sales_order"), so).value(QStringLiteral("delivery_status")).toString(), QStringLiteral("full"));
    }

    // The sales order form shows each line's status: one returned, one partly
    // shipped, one still to ship, one shipped (a second order on the same goods).
    void salesOrderFormShowsTheLineStatus()
    {
        test::Erp erp(*admin);
        const Reply order = erp.saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                             {{returned, 2 * kUnit, 3000}, {partial, 4 * kUnit, 3000}, {open, 2 * kUnit, 3000}, {shipped, 1 * kUnit, 3000}});
        LH_VERIFY_OK(order);
        const qint64 second = test::idOf(order);
        LH_VERIFY_OK(erp.action(QStringLiteral("sales_order"), second, QStringLiteral("confirm")));
        QTest::keyClick(window.get(), Qt::Key_F2);
        scan(order.value().toMap().value(QStringLiteral("number")).toString());
        QTRY_VERIFY_WITH_TIMEOUT(window->documentId() > 0, 10000);
        const qint64 delivery = window->documentId();
        for (const char *code : {"2*", "6901234567915", "6901234567922", "6901234567946"}) {
            const qint64 before = window->scannedTotal();
            scan(QString::fromLatin1(code));
            if (QByteArray(code).endsWith('*')) continue;
            QTRY_VERIFY_WITH_TIMEOUT(window->scannedTotal() > before, 10000);
        }
        QTest::keyClick(window.get(), Qt::Key_F10);
        QTRY_COMPARE_WITH_TIMEOUT(window->documentId(), qint64(0), 10000);
        // Both of the first product back from the customer.
        qint64 deliveryLine = 0;
        for (const auto &l : lines(QStringLiteral("delivery_line"), QStringLiteral("delivery_id"), delivery))
            if (l.value(QStringLiteral("product_id")).toInteger() == returned) deliveryLine = l.value(QStringLiteral("id")).toInteger();
        QVERIFY(deliveryLine);
        const Reply back = admin->call(QStringLiteral("data.save"),
                                       M{{QStringLiteral("entity"), QStringLiteral("sales_return")},
                                         {QStringLiteral("changes"), M{{QStringLiteral("order_id"), second}, {QStringLiteral("warehouse_id"), warehouse},
                                                                       {QStringLiteral("reason"), s("客户退回")}}},
                                         {QStringLiteral("lines"), QCborArray{M{{QStringLiteral("delivery_line_id"), deliveryLine}, {QStringLiteral("quantity"), 2 * kUnit}}}}});
        LH_VERIFY_OK(back);
        LH_VERIFY_OK(erp.action(QStringLiteral("sales_return"), test::idOf(back), QStringLiteral("post")));
        QCOMPARE(erp.get(QStringLiteral("sales_order"), second).value(QStringLiteral("delivery_status")).toString(), QStringLiteral("partial"));

        auto office = test::loggedInSession(server, QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword));
        QVERIFY(office);
        views::RecordForm form(*office, *schema::Catalogue::instance().entity(QStringLiteral("sales_order")), second);
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        form.show();
        QVERIFY(loaded.wait(10000));
        views::LinesModel *model = form.lines()->model();
        int statusColumn = -1, productColumn = -1;
        QStringList headers;
        for (int c = 0; c < model->columnCount(); ++c) {
            const QString header = model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
            headers << header;
            if (header == s("状态")) statusColumn = c;
            if (header.startsWith(s("产品"))) productColumn = c;
        }
        QVERIFY2(statusColumn >= 0 && productColumn >= 0, qPrintable(headers.join(u'|')));
        QVERIFY(!form.lines()->view()->isColumnHidden(statusColumn));
        QMap<QString, QString> statusOf;
        for (int r = 0; r < model->rowCount(); ++r)
            statusOf.insert(model->data(model->index(r, productColumn)).toString(), model->data(model->index(r, statusColumn)).toString());
        auto statusFor = [&statusOf](const char *name) {
            for (auto it = statusOf.cbegin(); it != statusOf.cend(); ++it)
                if (it.key().contains(s(name))) return it.value();
            return QString();
        };
        QCOMPARE(statusFor("拣货轴承A"), s("已退货"));
        QCOMPARE(statusFor("拣货轴承B"), s("部分发货"));
        QCOMPARE(statusFor("拣货轴承C"), s("待发货"));
        QCOMPARE(statusFor("拣货轴承D"), s("已发货"));
    }

    // A GS1 code whose GS separator arrives as a keystroke — plain, or as the
    // Ctrl+] a keyboard wedge sends — keeps the lot on the receipt line.
    void gs1WithTypedGroupSeparatorKeepsTheLot()
    {
        backToTheWindow();
        test::Erp erp(*admin);
        const Reply order = erp.saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                             {{lotProduct, 10 * kUnit, 2000}});
        LH_VERIFY_OK(order);
        LH_VERIFY_OK(erp.action(QStringLiteral("purchase_order"), test::idOf(order), QStringLiteral("confirm")));
        QTest::keyClick(window.get(), Qt::Key_F1);
        scan(order.value().toMap().value(QStringLiteral("number")).toString());
        QTRY_COMPARE_WITH_TIMEOUT(window->documentType(), QStringLiteral("purchase_receipt"), 10000);
        const qint64 receipt = window->documentId();
        auto lotsReceived = [&] {
            QMap<QString, qint64> lots;
            for (const auto &l : lines(QStringLiteral("purchase_receipt_line"), QStringLiteral("receipt_id"), receipt))
                lots[l.value(QStringLiteral("lot")).toString()] += l.value(QStringLiteral("quantity")).toInteger();
            return lots;
        };
        for (const QChar c : QStringLiteral("010690123456789210LOT7")) sendKey(c.toUpper().unicode(), QString(c));
        sendKey(0, QString(QChar(0x1D)));
        scan(QStringLiteral("17271231"));
        QTRY_COMPARE_WITH_TIMEOUT(lotsReceived().value(QStringLiteral("LOT7")), kUnit, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Good, 10000);
        for (const QChar c : QStringLiteral("010690123456789210LOT8")) sendKey(c.toUpper().unicode(), QString(c));
        sendKey(Qt::Key_BracketRight, QString(QChar(0x1D)), Qt::ControlModifier);
        scan(QStringLiteral("17271231"));
        QTRY_COMPARE_WITH_TIMEOUT(lotsReceived().value(QStringLiteral("LOT8")), kUnit, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Good, 10000);
        QCOMPARE(window->scanField()->text(), QString());
    }

    // F4 and F3 with the warehouses chosen by keys only: Down, Tab, Enter.
    void countAndTransferChosenByKeys()
    {
        test::answerNextDialog<inventory::CountChoiceDialog>([](inventory::CountChoiceDialog *d) {
            auto *box = d->findChild<QComboBox *>(QStringLiteral("countWarehouse"));
            (void)QTest::qWaitFor([box] { return box->count() >= 2; }, 10000);
            QSignalSpy listed(d, &inventory::CountChoiceDialog::countsListed);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // PW1 → PW2
            (void)listed.wait(10000);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);   // to the list: no open count, "new count"
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        });
        QTest::keyClick(window.get(), Qt::Key_F4);
        QTRY_COMPARE_WITH_TIMEOUT(window->documentType(), QStringLiteral("stock_count"), 10000);
        QCOMPARE(test::Erp(*admin).get(QStringLiteral("stock_count"), window->documentId()).value(QStringLiteral("warehouse_id")).toInteger(), warehouse2);
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()), 5000);

        auto chooseByKeys = [](bool transfer) {
            test::answerNextDialog<inventory::WarehouseChoiceDialog>([transfer](inventory::WarehouseChoiceDialog *d) {
                auto combos = d->findChildren<QComboBox *>();
                (void)QTest::qWaitFor([&combos] { return combos.first()->count() >= 2; }, 10000);
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // PW1 → PW2
                if (transfer) {
                    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up); // to PW1
                }
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            });
        };

        chooseByKeys(true);
        QTest::keyClick(window.get(), Qt::Key_F3);
        QTRY_COMPARE_WITH_TIMEOUT(window->documentType(), QStringLiteral("stock_transfer"), 10000);
        const QCborMap transfer = test::Erp(*admin).get(QStringLiteral("stock_transfer"), window->documentId());
        QCOMPARE(transfer.value(QStringLiteral("from_warehouse_id")).toInteger(), warehouse2);
        QCOMPARE(transfer.value(QStringLiteral("to_warehouse_id")).toInteger(), warehouse);
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()), 5000);
    }

    // F4 in PW2 (the count opened above) with GS1 codes carrying serial numbers
    // (AI 21): each scan counts that unit; no serial, or one already counted, is
    // red; a serial the book does not have is counted as found. The variance
    // list then names the missing unit and the extra one.
    void countsSerialNumbersByScanning()
    {
        backToTheWindow();
        int openInPw2 = 0;
        test::answerNextDialog<inventory::CountChoiceDialog>([&openInPw2](inventory::CountChoiceDialog *d) {
            auto *box = d->findChild<QComboBox *>(QStringLiteral("countWarehouse"));
            (void)QTest::qWaitFor([box] { return box->count() >= 2; }, 10000);
            QSignalSpy listed(d, &inventory::CountChoiceDialog::countsListed);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // PW1 → PW2
            (void)listed.wait(10000);
            openInPw2 = d->openCounts();
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // the newest open count: the one opened above
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        });
        QTest::keyClick(window.get(), Qt::Key_F4);
        QTRY_COMPARE_WITH_TIMEOUT(window->documentType(), QStringLiteral("stock_count"), 10000);
        QCOMPARE(openInPw2, 1);
        const qint64 count = window->documentId();
        QCOMPARE(test::Erp(*admin).get(QStringLiteral("stock_count"), count).value(QStringLiteral("warehouse_id")).toInteger(), warehouse2);
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()), 5000);
        const auto counted = [&] {
            QMap<QString, qint64> out;
            for (const auto &l : lines(QStringLiteral("stock_count_line"), QStringLiteral("count_id"), count))
                if (l.value(QStringLiteral("product_id")).toInteger() == serialProduct && !l.value(QStringLiteral("counted_qty")).isNull())
                    out.insert(l.value(QStringLiteral("serial")).toString(), l.value(QStringLiteral("counted_qty")).toInteger());
            return out;
        };
        scan(QStringLiteral("010690123456796021SN-A1"));
        QTRY_COMPARE_WITH_TIMEOUT(counted(), (QMap<QString, qint64>{{QStringLiteral("SN-A1"), kUnit}}), 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(window->bannerText().contains(QStringLiteral("#SN-A1")), qPrintable(window->bannerText()), 10000);
        QCOMPARE(window->banner(), ClerkWindow::Banner::Good);
        bool listed = false; // the clerk sees which unit was counted
        for (int row = 0; row < window->linesTable()->rowCount(); ++row)
            listed |= window->linesTable()->item(row, 1)->text().contains(QStringLiteral("SN-A1")) && window->linesTable()->item(row, 4)->text() == QStringLiteral("1");
        QVERIFY(listed);
        scan(QStringLiteral("010690123456796021SN-A1"));
        expectError("已扫描过");
        scan(QStringLiteral("6901234567960"));
        expectError("序列号");
        scan(QStringLiteral("010690123456796021SN-A9"));
        QTRY_COMPARE_WITH_TIMEOUT(counted(), (QMap<QString, qint64>{{QStringLiteral("SN-A1"), kUnit}, {QStringLiteral("SN-A9"), kUnit}}), 10000);
        const QString shot = QDir::temp().filePath(QStringLiteral("clerk_count_serials.png"));
        window->grab().save(shot);
        qInfo("screenshot: %s", qPrintable(shot));

        QMap<QString, qint64> variance;
        const Reply listedVariances = admin->call(QStringLiteral("inventory.count_variances"), M{{QStringLiteral("count_id"), count}});
        LH_VERIFY_OK(listedVariances);
        for (const QCborMap &r : test::rowsOf(listedVariances))
            if (r.value(QStringLiteral("product_id")).toInteger() == serialProduct) variance.insert(r.value(QStringLiteral("serial")).toString(), r.value(QStringLiteral("variance")).toInteger());
        QCOMPARE(variance, (QMap<QString, qint64>{{QStringLiteral("SN-A1"), 0}, {QStringLiteral("SN-A2"), -kUnit}, {QStringLiteral("SN-A9"), kUnit}}));
    }

    void cleanupTestCase() { window.reset(); }
};

QTEST_MAIN(TestClerkScreen)
#include "tst_clerk_screen.moc"
