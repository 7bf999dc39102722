// The warehouse clerk's scan screen driven by simulated scanner keystrokes
// (offscreen): a burst ending in Enter is a scan wherever focus is, typing by
// hand still works, the IME cannot touch the scan field, good and bad scans give
// green and red feedback with nothing posted on errors, n* multiplies, undo
// reverts one scan, scans made offline queue and replay exactly once, F9 prints
// the note, F10 posts.
#include "app/language.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "inventory/clerk_window.h"
#include "inventory/gs1.h"
#include "inventory/scan_line_edit.h"
#include "test_data.h"

#include <QApplication>
#include <QCborArray>
#include <QFileInfo>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QTableWidget>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::inventory::ClerkWindow;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }

// A scanner: every character at once, then Enter, to whatever has focus.
void scan(const QString &code)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY(target);
    QTest::keyClicks(target, code, Qt::NoModifier, 0);
    QTest::keyClick(target, Qt::Key_Return);
}

// A person: 90 ms between keys.
void type(QWidget *target, const QString &text)
{
    QTest::keyClicks(target, text, Qt::NoModifier, 90);
}
} // namespace

class TestClerkWindow : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<ClerkWindow> window;
    qint64 product = 0, warehouse = 0, po = 0;
    QString poNumber;

    qint64 receiptLineQty()
    {
        const auto rows = test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("purchase_receipt_line")}}));
        qint64 total = 0;
        for (const auto &r : rows) total += r.value(QStringLiteral("quantity")).toInteger();
        return total;
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        test::Erp erp(*admin);
        product = erp.product(QStringLiteral("SCN1"), s("扫码轴承6204"), 3000, 2000, QStringLiteral("6901234567892"));
        const qint64 supplier = erp.supplier(QStringLiteral("SS1"), s("轴承供应商"));
        warehouse = erp.warehouse(QStringLiteral("CW1"));
        const Reply order = erp.saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                             {{product, 10 * kUnit, 2000}});
        LH_VERIFY_OK(order);
        po = order.value().toMap().value(QStringLiteral("id")).toInteger();
        poNumber = order.value().toMap().value(QStringLiteral("number")).toString();
        LH_VERIFY_OK(erp.action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm")));
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("clerk9"), QString::fromLatin1(test::kUserPassword), QStringLiteral("warehouse_clerk"),
                                  {{QStringLiteral("purchase_receipt"), QStringLiteral("*")}, {QStringLiteral("purchase_order"), QStringLiteral("read")},
                                   {QStringLiteral("product"), QStringLiteral("read")}, {QStringLiteral("warehouse"), QStringLiteral("read")}},
                                  {}, &error, QStringLiteral("clerk")),
                 qPrintable(error));
        session = test::loggedInSession(server, QStringLiteral("clerk9"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(session);
        QCOMPARE(session->permissions().home(), QStringLiteral("clerk"));
        window = std::make_unique<ClerkWindow>(*session);
        window->resize(1366, 768);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()));
    }

    void receiveStartsFromTheOrderNumber()
    {
        QTest::keyClick(window.get(), Qt::Key_F1);
        scan(poNumber);
        QTRY_VERIFY_WITH_TIMEOUT(window->documentId() > 0, 10000);
        QCOMPARE(window->documentType(), QStringLiteral("purchase_receipt"));
        QCOMPARE(window->linesTable()->rowCount(), 1);
        QCOMPARE(window->linesTable()->item(0, 2)->text(), QStringLiteral("10"));
    }

    void goodScanIsGreenAndCounted()
    {
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), kUnit, 10000);
        QCOMPARE(window->banner(), ClerkWindow::Banner::Good);
        QVERIFY(window->bannerText().contains(s("扫码轴承6204")));
        QCOMPARE(window->scanField()->text(), QString()); // the burst never landed in the field
    }

    void multiplierThenScan()
    {
        type(window->scanField(), QStringLiteral("3*"));
        QTest::keyClick(window->scanField(), Qt::Key_Return);
        QCOMPARE(window->multiplier(), 3);
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), 4 * kUnit, 10000);
        QCOMPARE(window->multiplier(), 1);
    }

    void gs1ScansCarryTheLot()
    {
        const auto parsed = inventory::parseGs1(QStringLiteral("0106901234567892") + QStringLiteral("10LOT7") + QChar(0x1D) + QStringLiteral("17271231"));
        QVERIFY(parsed);
        QCOMPARE(inventory::productBarcodeOf(parsed->gtin), QStringLiteral("6901234567892"));
        QCOMPARE(parsed->lot, QStringLiteral("LOT7"));
        QCOMPARE(parsed->expiry, QDate(2027, 12, 31));
    }

    void errorsAreRedHeldAndPostNothing()
    {
        scan(QStringLiteral("0000000000017"));
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Error, 10000);
        QVERIFY2(window->bannerText().contains(s("未知条码")), qPrintable(window->bannerText()));
        // Held until acknowledged: the next scan is not taken.
        scan(QStringLiteral("6901234567892"));
        QTest::qWait(300);
        QCOMPARE(window->scannedTotal(), 4 * kUnit);
        QTest::keyClick(window->scanField(), Qt::Key_Escape);
        QCOMPARE(window->banner(), ClerkWindow::Banner::None);
        // Over the order (10 + 10% tolerance): refused, nothing changes.
        type(window->scanField(), QStringLiteral("8*"));
        QTest::keyClick(window->scanField(), Qt::Key_Return);
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Error, 10000);
        QCOMPARE(window->scannedTotal(), 4 * kUnit);
        QCOMPARE(receiptLineQty(), 4 * kUnit);
        window->acknowledge();
    }

    void undoRevertsExactlyOneScan()
    {
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), 5 * kUnit, 10000);
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), 4 * kUnit, 10000);
        QCOMPARE(receiptLineQty(), 4 * kUnit);
    }

    void imeCannotTakeTheScanField()
    {
        inventory::ScanLineEdit *field = window->scanField();
        QCOMPARE(field->inputMethodQuery(Qt::ImEnabled).toBool(), false);
        QInputMethodEvent preedit(s("北京"), {});
        QApplication::sendEvent(field, &preedit);
        QCOMPARE(field->text(), QString());
    }

    void handTypingStillWorksElsewhere()
    {
        QLineEdit other(window.get());
        other.move(10, 10);
        other.show();
        other.setFocus();
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), static_cast<QWidget *>(&other), 2000);
        type(&other, QStringLiteral("12"));
        QTRY_COMPARE_WITH_TIMEOUT(other.text(), QStringLiteral("12"), 2000);
        // A scanner burst into the same field is a scan, not text in the field.
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), 5 * kUnit, 10000);
        QCOMPARE(other.text(), QStringLiteral("12"));
        window->scanField()->setFocus();
    }

    void offlineScansQueueAndReplayOnce()
    {
        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!session->isOnline(), 10000);
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(window->queuedScans(), 1, 5000);
        QCOMPARE(window->banner(), ClerkWindow::Banner::Queued);
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(window->queuedScans(), 2, 5000);
        QVERIFY2(server.restart(), qPrintable(server.error()));
        admin = server.admin();
        QTRY_VERIFY_WITH_TIMEOUT(session->isOnline(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(window->queuedScans(), 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), 7 * kUnit, 10000);
        QCOMPARE(receiptLineQty(), 7 * kUnit);
    }

    void f9PrintsTheNote()
    {
        QSignalSpy printed(window.get(), &ClerkWindow::notePrinted);
        QTest::keyClick(window.get(), Qt::Key_F9);
        QVERIFY(printed.wait(10000));
        const QString path = printed.first().first().toString();
        QVERIFY2(QFileInfo(path).size() > 1000, qPrintable(path));
        QCOMPARE(window->banner(), ClerkWindow::Banner::Info);
        QVERIFY2(window->bannerText().contains(s("单据已保存为")), qPrintable(window->bannerText()));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()));
        QFile::remove(path);
    }

    void postPutsItIntoStock()
    {
        QTest::keyClick(window.get(), Qt::Key_F10);
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Good, 10000);
        QCOMPARE(window->documentId(), qint64(0));
        test::Erp erp(*admin);
        QCOMPARE(erp.onHand(product, warehouse), 7 * kUnit);
        QCOMPARE(erp.get(QStringLiteral("purchase_order"), po).value(QStringLiteral("receipt_status")).toString(), QStringLiteral("partial"));
        QString problems;
        QVERIFY2(erp.checkInvariants(&problems), qPrintable(problems));
    }

    void cleanupTestCase() { window.reset(); }
};

QTEST_MAIN(TestClerkWindow)
#include "tst_clerk_window.moc"
