// The warehouse clerk's scan screen driven by simulated scanner keystrokes
// (offscreen): a burst ending in Enter is a scan wherever focus is, typing by
// hand still works, the IME cannot touch the scan field, good and bad scans give
// green and red feedback with nothing posted on errors, n* multiplies, undo
// reverts one scan, scans made offline queue and replay exactly once, F9 prints
// the note with the company header, F10 posts. Then location first: a transfer
// scans source, goods, destination; a count its location first; wrong locations
// are red and book nothing; serial-tracked items refuse more than one; the
// station's prefix, suffix and undo command barcode work as configured. F4
// offers the warehouse's open counts (a supervisor's zone count to join) or a
// new one with a location prefix.
#include "app/language.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "domain/money.h"
#include "inventory/clerk_window.h"
#include "inventory/count_choice_dialog.h"
#include "inventory/count_variance_dialog.h"
#include "inventory/gs1.h"
#include "inventory/scan_line_edit.h"
#include "inventory/scanner_diagnostics_dialog.h"
#include "inventory/scanner_settings_dialog.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/document_print.h"
#include "views/record_form.h"
#include "views/reference_editor.h"
#include "views/reference_picker_dialog.h"
#include "views/report_model.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCborArray>
#include <QFileInfo>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QPushButton>
#include <QTableWidget>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::inventory::ClerkWindow;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }

void scan(const QString &code) { test::scanKeys(code); }

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
    qint64 product = 0, warehouse = 0, po = 0, serialProduct = 0, supplier = 0, warehouse2 = 0;
    QString poNumber;

    qint64 linesOf(const QString &entity, const char *quantityField = "quantity")
    {
        const auto rows = test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), entity}}));
        qint64 total = 0;
        for (const auto &r : rows) total += r.value(QLatin1String(quantityField)).toInteger();
        return total;
    }

    // After an error: red, held, and Esc clears it.
    void expectError(const char *reasonUtf8)
    {
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Error, 10000);
        QVERIFY2(window->bannerText().contains(s(reasonUtf8)), qPrintable(window->bannerText()));
        QTest::keyClick(window->scanField(), Qt::Key_Escape);
        QCOMPARE(window->banner(), ClerkWindow::Banner::None);
    }

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
        supplier = erp.supplier(QStringLiteral("SS1"), s("轴承供应商"));
        warehouse = erp.warehouse(QStringLiteral("CW1"));
        warehouse2 = erp.warehouse(QStringLiteral("CW2"));
        QVERIFY(erp.location(warehouse, QStringLiteral("A-01")) && erp.location(warehouse, QStringLiteral("A-02")) && erp.location(warehouse2, QStringLiteral("B-01")));
        serialProduct = erp.product(QStringLiteral("SER1"), s("序列号扫码枪"), 90000, 60000, QStringLiteral("6901234567908"), 0, true);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"),
                                 M{{QStringLiteral("entity"), QStringLiteral("company")},
                                   {QStringLiteral("changes"), M{{QStringLiteral("name"), s("六合扫码测试有限公司")}, {QStringLiteral("phone"), QStringLiteral("021-55501234")},
                                                                 {QStringLiteral("address"), M{{QStringLiteral("detail"), s("浦东新区张江路88号")}}}}}}));
        const Reply order = erp.saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                             {{product, 10 * kUnit, 2000}});
        LH_VERIFY_OK(order);
        po = order.value().toMap().value(QStringLiteral("id")).toInteger();
        poNumber = order.value().toMap().value(QStringLiteral("number")).toString();
        LH_VERIFY_OK(erp.action(QStringLiteral("purchase_order"), po, QStringLiteral("confirm")));
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("clerk9"), QString::fromLatin1(test::kUserPassword), QStringLiteral("warehouse_clerk"), test::clerkGrants(), {}, &error, QStringLiteral("clerk")),
                 qPrintable(error));
        session = test::loggedInSession(server, QStringLiteral("clerk9"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(session);
        QCOMPARE(session->permissions().home(), QStringLiteral("clerk"));
        window = std::make_unique<ClerkWindow>(*session);
        QVERIFY(test::showActive(*window, 1366, 768));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()));
    }

    void receiveStartsFromTheOrderNumber()
    {
        QTest::keyClick(window.get(), Qt::Key_F1);
        scan(poNumber);
        QTRY_VERIFY_WITH_TIMEOUT(window->documentId() > 0, 10000);
        QCOMPARE(window->documentType(), QStringLiteral("purchase_receipt"));
        QCOMPARE(window->linesTable()->rowCount(), 1);
        QCOMPARE(window->linesTable()->item(0, 3)->text(), QStringLiteral("10"));
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
        // Day 00 is the month's last day; (21) is the serial number.
        const auto serial = inventory::parseGs1(QStringLiteral("0106901234567892") + QStringLiteral("17280200") + QStringLiteral("21SN-0042"));
        QVERIFY(serial);
        QCOMPARE(serial->expiry, QDate(2028, 2, 29));
        QCOMPARE(serial->serial, QStringLiteral("SN-0042"));
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
        // A third scan taken back with Ctrl+Z while offline never reaches the server.
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(window->queuedScans(), 3, 5000);
        auto *counter = window->findChild<QLabel *>(QStringLiteral("queueCounter"));
        QVERIFY(counter && counter->isVisible());
        QCOMPARE(counter->text(), s("待上传：3"));
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window->queuedScans(), 2);
        QCOMPARE(counter->text(), s("待上传：2"));
        QCOMPARE(window->banner(), ClerkWindow::Banner::Info);
        QVERIFY2(server.restart(), qPrintable(server.error()));
        admin = server.admin();
        QTRY_VERIFY_WITH_TIMEOUT(session->isOnline(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(window->queuedScans(), 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), 7 * kUnit, 10000);
        QCOMPARE(receiptLineQty(), 7 * kUnit);
        QCOMPARE(counter->text(), QString()); // nothing waiting: no counter
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
        // The header carries the company settings record.
        const QString html = window->lastNoteHtml();
        QVERIFY2(html.contains(s("六合扫码测试有限公司")), qPrintable(html.left(400)));
        QVERIFY(html.contains(QStringLiteral("021-55501234")));
        QVERIFY(html.contains(s("浦东新区张江路88号")));
        // The receipt's number printed as a barcode image.
        const QString number = test::Erp(*admin).get(QStringLiteral("purchase_receipt"), window->documentId()).value(QStringLiteral("number")).toString();
        QVERIFY(path.endsWith(number + QStringLiteral(".pdf")));
        QVERIFY2(html.contains(QStringLiteral("<img src='data:image/png;base64,")), qPrintable(html.left(600)));
        QVERIFY(!views::DocumentPrint::barcode(number).isNull());
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

    void receiptPutsAwayAndSerialsGoOneByOne()
    {
        const Reply order = test::Erp(*admin).saveDocument(QStringLiteral("purchase_order"),
                                                           M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                                           {{product, 5 * kUnit, 2000}, {serialProduct, 3 * kUnit, 60000}});
        LH_VERIFY_OK(order);
        LH_VERIFY_OK(test::Erp(*admin).action(QStringLiteral("purchase_order"), order.value().toMap().value(QStringLiteral("id")).toInteger(), QStringLiteral("confirm")));
        QTest::keyClick(window.get(), Qt::Key_F1);
        scan(order.value().toMap().value(QStringLiteral("number")).toString());
        QTRY_COMPARE_WITH_TIMEOUT(window->linesTable()->rowCount(), 2, 10000);
        QVERIFY2(window->nextStepText().contains(s("上架")), qPrintable(window->nextStepText()));
        scan(QStringLiteral("LOC-A-01"));
        QTRY_COMPARE_WITH_TIMEOUT(window->currentLocation(), QStringLiteral("A-01"), 10000);
        QCOMPARE(window->banner(), ClerkWindow::Banner::Good);
        // A serial-tracked item refuses a quantity over 1; nothing is booked.
        const qint64 before = receiptLineQty();
        type(window->scanField(), QStringLiteral("2*"));
        QTest::keyClick(window->scanField(), Qt::Key_Return);
        scan(QStringLiteral("6901234567908"));
        expectError("序列号");
        QCOMPARE(receiptLineQty(), before);
        // Without its serial number it is refused too; a GS1 scan carries it in (21).
        scan(QStringLiteral("6901234567908"));
        expectError("请输入或扫描序列号");
        scan(QStringLiteral("0106901234567908") + QStringLiteral("21SN-CW-1"));
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Good, 10000);
        // The same serial number again is red.
        scan(QStringLiteral("0106901234567908") + QStringLiteral("21SN-CW-1"));
        expectError("SN-CW-1");
        type(window->scanField(), QStringLiteral("5*"));
        QTest::keyClick(window->scanField(), Qt::Key_Return);
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), 6 * kUnit, 10000);
        QTest::keyClick(window.get(), Qt::Key_F10);
        QTRY_COMPARE_WITH_TIMEOUT(window->documentId(), qint64(0), 10000);
        QCOMPARE(test::Erp(*admin).onHand(product, warehouse), 12 * kUnit);
    }

    void transferScansSourceGoodsThenDestination()
    {
        window->openTaskFor(ClerkWindow::Task::Transfer, M{{QStringLiteral("warehouse_id"), warehouse}, {QStringLiteral("to_warehouse_id"), warehouse2}});
        QTRY_VERIFY_WITH_TIMEOUT(window->documentId() > 0, 10000);
        QCOMPARE(window->documentType(), QStringLiteral("stock_transfer"));
        QVERIFY2(window->nextStepText().contains(s("来源库位")), qPrintable(window->nextStepText()));
        // Goods before the source location: refused, nothing booked.
        scan(QStringLiteral("6901234567892"));
        expectError("请先扫描库位");
        // A location of the receiving warehouse is not a source.
        scan(QStringLiteral("LOC-B-01"));
        expectError("库位不对");
        // Goods that are not at the scanned location: wrong location.
        scan(QStringLiteral("LOC-A-02"));
        QTRY_COMPARE_WITH_TIMEOUT(window->currentLocation(), QStringLiteral("A-02"), 10000);
        scan(QStringLiteral("6901234567892"));
        expectError("库位不对");
        QCOMPARE(linesOf(QStringLiteral("stock_transfer_line")), qint64(0));
        scan(QStringLiteral("LOC-A-01"));
        QTRY_COMPARE_WITH_TIMEOUT(window->currentLocation(), QStringLiteral("A-01"), 10000);
        type(window->scanField(), QStringLiteral("2*"));
        QTest::keyClick(window->scanField(), Qt::Key_Return);
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(window->awaitingDestination(), 1, 10000);
        QVERIFY2(window->nextStepText().contains(s("目标库位")), qPrintable(window->nextStepText()));
        // Posting before the destination is refused by the screen.
        QTest::keyClick(window.get(), Qt::Key_F10);
        expectError("目标库位");
        QVERIFY(window->documentId() > 0);
        scan(QStringLiteral("LOC-B-01"));
        QTRY_COMPARE_WITH_TIMEOUT(window->awaitingDestination(), 0, 10000);
        QVERIFY2(window->bannerText().contains(QStringLiteral("B-01")), qPrintable(window->bannerText()));
        QCOMPARE(window->linesTable()->item(0, 2)->text(), QStringLiteral("A-01 → B-01"));
        if (const QString dir = qEnvironmentVariable("LIUHE_SHOT_DIR"); !dir.isEmpty()) window->grab().save(dir + QStringLiteral("/clerk-transfer.png"));
        QTest::keyClick(window.get(), Qt::Key_F10);
        QTRY_COMPARE_WITH_TIMEOUT(window->documentId(), qint64(0), 10000);
        QCOMPARE(test::Erp(*admin).onHand(product, warehouse2), 2 * kUnit);
        QString problems;
        QVERIFY2(test::Erp(*admin).checkInvariants(&problems), qPrintable(problems));
    }

    void countScansLocationFirstAndCommandBarcodeUndoes()
    {
        window->openTaskFor(ClerkWindow::Task::Count, M{{QStringLiteral("warehouse_id"), warehouse}});
        QTRY_COMPARE_WITH_TIMEOUT(window->documentType(), QStringLiteral("stock_count"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window->nextStepText().contains(s("库位")), 10000);
        scan(QStringLiteral("6901234567892"));
        expectError("请先扫描库位");
        QCOMPARE(linesOf(QStringLiteral("stock_count_line"), "counted_qty"), qint64(0));
        scan(QStringLiteral("LOC-A-01"));
        QTRY_COMPARE_WITH_TIMEOUT(window->currentLocation(), QStringLiteral("A-01"), 10000);
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(linesOf(QStringLiteral("stock_count_line"), "counted_qty"), kUnit, 10000);
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(linesOf(QStringLiteral("stock_count_line"), "counted_qty"), 2 * kUnit, 10000);
        // The command barcode undoes exactly one scan, as Ctrl+Z does.
        QCOMPARE(window->stationSettings().undoCommand, QStringLiteral("*UNDO*"));
        scan(QStringLiteral("*UNDO*"));
        QTRY_COMPARE_WITH_TIMEOUT(linesOf(QStringLiteral("stock_count_line"), "counted_qty"), kUnit, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Info, 10000);
        QCOMPARE(window->currentLocation(), QStringLiteral("A-01"));
    }

    void stationPrefixSuffixAndMuteAreConfigurable()
    {
        bool answered = false;
        test::answerNextDialog<inventory::ScannerSettingsDialog>([&answered](inventory::ScannerSettingsDialog *d) {
            d->prefixEdit()->setText(QStringLiteral("]E0"));
            d->suffixEdit()->setText(QStringLiteral("##"));
            d->accept(); // two characters: refused with a reason, the dialog stays
            QVERIFY(d->isVisible());
            QVERIFY2(d->problem().contains(s("一个字符")), qPrintable(d->problem()));
            d->suffixEdit()->setText(QStringLiteral("#"));
            d->muteBox()->setChecked(true);
            d->accept();
            answered = true;
        });
        QTest::keyClick(window.get(), Qt::Key_F11);
        QVERIFY(answered);
        QCOMPARE(window->stationSettings().scan.prefix, QStringLiteral("]E0"));
        QCOMPARE(window->detector()->settings().suffix, QStringLiteral("#"));
        QVERIFY(window->stationSettings().muted);
        QCOMPARE(inventory::StationSettings::load().scan.prefix, QStringLiteral("]E0")); // kept for the station
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), static_cast<QWidget *>(window->scanField()), 5000);
        // A scanner sending ]E0 + code + # : prefix stripped, # ends the scan (no Enter).
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("]E06901234567892#"), Qt::NoModifier, 0);
        QTRY_COMPARE_WITH_TIMEOUT(linesOf(QStringLiteral("stock_count_line"), "counted_qty"), 2 * kUnit, 10000);
        QCOMPARE(window->detector()->lastTrace().terminator, QStringLiteral("#"));
        QCOMPARE(window->detector()->lastTrace().raw, QStringLiteral("]E06901234567892"));
        QCOMPARE(window->scanField()->text(), QString());
        // The diagnostics page shows what arrives, and books nothing.
        bool diagnosed = false;
        test::answerNextDialog<inventory::ScannerDiagnosticsDialog>([&diagnosed](inventory::ScannerDiagnosticsDialog *d) {
            QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("]E06901234567892#"), Qt::NoModifier, 0);
            QCOMPARE(d->characters()->rowCount(), 16);
            QCOMPARE(d->characters()->item(0, 1)->text(), QStringLiteral("U+005D"));
            QVERIFY2(d->summaryText().contains(s("已配置的后缀 #")), qPrintable(d->summaryText()));
            QVERIFY2(d->summaryText().contains(s("毫秒")), qPrintable(d->summaryText()));
            QVERIFY2(d->summaryText().contains(s("已去除前缀")), qPrintable(d->summaryText()));
            diagnosed = true;
            d->reject();
        });
        QTest::keyClick(window.get(), Qt::Key_F12);
        QVERIFY(diagnosed);
        QTest::qWait(300);
        QCOMPARE(linesOf(QStringLiteral("stock_count_line"), "counted_qty"), 2 * kUnit);
        inventory::StationSettings defaults;
        defaults.save();
        window->applyStationSettings(defaults);
    }

    // 0* then a scan counts the product as zero at the current location; Ctrl+Z
    // puts the previous count back; F10 shows the variance list first.
    void countZeroThenVarianceListBeforePosting()
    {
        QCOMPARE(window->documentType(), QStringLiteral("stock_count"));
        QCOMPARE(window->currentLocation(), QStringLiteral("A-01"));
        QCOMPARE(linesOf(QStringLiteral("stock_count_line"), "counted_qty"), 2 * kUnit);
        scan(QStringLiteral("0*"));
        QCOMPARE(window->multiplier(), 0);
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(linesOf(QStringLiteral("stock_count_line"), "counted_qty"), qint64(0), 10000);
        // The store may show the count a moment before the answer (its fsync) reaches the screen.
        QTRY_VERIFY2_WITH_TIMEOUT(window->bannerText().contains(s("扫码轴承6204 计为 0")), qPrintable(window->bannerText()), 10000);
        QCOMPARE(window->banner(), ClerkWindow::Banner::Good);
        QCOMPARE(window->multiplier(), 1);
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(linesOf(QStringLiteral("stock_count_line"), "counted_qty"), 2 * kUnit, 10000);
        QTest::keyClick(window.get(), Qt::Key_F7); // F7 does what 0* does
        QCOMPARE(window->multiplier(), 0);
        scan(QStringLiteral("6901234567892"));
        QTRY_COMPARE_WITH_TIMEOUT(linesOf(QStringLiteral("stock_count_line"), "counted_qty"), qint64(0), 10000);

        // What the server says the posting will book, shown before it.
        const Reply expected = admin->call(QStringLiteral("inventory.count_variances"), M{{QStringLiteral("count_id"), window->documentId()}});
        LH_VERIFY_OK(expected);
        const QString total = Money::fromFen(expected.value().toMap().value(QStringLiteral("variance_value")).toInteger()).toDisplayString();
        QString summary, totalShown, counted;
        test::answerNextDialog<inventory::CountVarianceDialog>([&](inventory::CountVarianceDialog *d) {
            (void)QTest::qWaitFor([d] { return d->model()->dataRows() > 0; }, 10000);
            summary = d->summaryText();
            counted = d->model()->text(0, 6);
            totalShown = d->model()->text(d->model()->rowCount() - 1, 8);
            d->findChild<QPushButton *>(QStringLiteral("back"))->click();
        });
        QTest::keyClick(window.get(), Qt::Key_F10);
        QTRY_VERIFY_WITH_TIMEOUT(!summary.isEmpty(), 10000);
        QCOMPARE(counted, QStringLiteral("0"));
        QCOMPARE(totalShown, total);
        QVERIFY2(summary.contains(total) && summary.contains(s("差异")), qPrintable(summary));
        QCOMPARE(test::Erp(*admin).get(QStringLiteral("stock_count"), window->documentId()).value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        // Now post it: Enter on the dialog.
        const qint64 count = window->documentId();
        test::answerNextDialog<inventory::CountVarianceDialog>([](inventory::CountVarianceDialog *d) {
            (void)QTest::qWaitFor([d] { return d->findChild<QPushButton *>(QStringLiteral("post"))->isEnabled(); }, 10000);
            d->findChild<QPushButton *>(QStringLiteral("post"))->click();
        });
        QTest::keyClick(window.get(), Qt::Key_F10);
        QTRY_COMPARE_WITH_TIMEOUT(test::Erp(*admin).get(QStringLiteral("stock_count"), count).value(QStringLiteral("state")).toString(), QStringLiteral("done"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Good, 10000);
        QCOMPARE(test::Erp(*admin).get(QStringLiteral("stock_count"), count).value(QStringLiteral("variance_value")).toInteger(),
                 expected.value().toMap().value(QStringLiteral("variance_value")).toInteger());
        // Outside a count, 0* is refused.
        scan(QStringLiteral("0*"));
        expectError("只用于盘点");
    }

    void workstationFormShowsTheVarianceListBeforePosting()
    {
        inventory::registerCountVarianceCheck();
        const Reply opened = admin->call(QStringLiteral("inventory.open_task"), M{{QStringLiteral("task"), QStringLiteral("count")}, {QStringLiteral("warehouse_id"), warehouse2}});
        LH_VERIFY_OK(opened);
        const qint64 count = opened.value().toMap().value(QStringLiteral("id")).toInteger();
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("stock_count")), count);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        bool shown = false;
        test::answerNextDialog<inventory::CountVarianceDialog>([&shown](inventory::CountVarianceDialog *d) {
            (void)QTest::qWaitFor([d] { return !d->summaryText().contains(s("加载")); }, 10000);
            shown = d->summaryText().contains(s("没有盘点任何产品"));
            d->reject();
        });
        form.findChild<QPushButton *>(QStringLiteral("action_post"))->click();
        QVERIFY(shown);
        QCOMPARE(test::Erp(*admin).get(QStringLiteral("stock_count"), count).value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        test::answerNextDialog<inventory::CountVarianceDialog>([](inventory::CountVarianceDialog *d) {
            (void)QTest::qWaitFor([d] { return d->findChild<QPushButton *>(QStringLiteral("post"))->isEnabled(); }, 10000);
            d->accept();
        });
        QSignalSpy done(&form, &views::RecordForm::actionDone);
        form.findChild<QPushButton *>(QStringLiteral("action_post"))->click();
        QVERIFY(done.wait(10000));
        QCOMPARE(test::Erp(*admin).get(QStringLiteral("stock_count"), count).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    }

    // 关联到商品: a keeper (who may edit products) links an unknown supplier code to
    // the product; the scan then counts, and the product keeps its own barcode.
    // A clerk without that right is not offered the link.
    void unknownBarcodeIsLinkedAsAnotherBarcode()
    {
        window->hide();
        test::Erp erp(*admin);
        const Reply order = erp.saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                             {{product, 5 * kUnit, 2000}});
        LH_VERIFY_OK(order);
        LH_VERIFY_OK(erp.action(QStringLiteral("purchase_order"), test::idOf(order), QStringLiteral("confirm")));
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("keeper9"), QString::fromLatin1(test::kUserPassword), QStringLiteral("stock_keeper"),
                                  test::clerkGrants() << test::Grant{QStringLiteral("product"), QStringLiteral("write")}, {}, &error, QStringLiteral("clerk")),
                 qPrintable(error));
        auto keeperSession = test::loggedInSession(server, QStringLiteral("keeper9"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(keeperSession);
        ClerkWindow keeper(*keeperSession);
        keeper.resize(1366, 768);
        keeper.show();
        keeper.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&keeper));
        QTest::keyClick(&keeper, Qt::Key_F1);
        scan(order.value().toMap().value(QStringLiteral("number")).toString());
        QTRY_VERIFY_WITH_TIMEOUT(keeper.documentId() > 0, 10000);
        scan(QStringLiteral("SUP-77801"));
        QTRY_COMPARE_WITH_TIMEOUT(keeper.banner(), ClerkWindow::Banner::Error, 10000);
        auto *link = keeper.findChild<QPushButton *>(QStringLiteral("linkBarcode"));
        QVERIFY(link && link->isVisible());
        QStringList offered;
        test::answerNextDialog<views::ReferencePickerDialog>([&offered](views::ReferencePickerDialog *d) {
            auto *edit = qobject_cast<QLineEdit *>(d->editor()->focusWidget_());
            QSignalSpy arrived(d->editor(), &views::ReferenceEditor::suggestionsArrived);
            QTest::keyClicks(edit, QStringLiteral("smzc")); // 扫码轴承 by pinyin initials
            if (arrived.wait(10000)) offered = d->editor()->suggestions();
            if (!offered.isEmpty()) d->editor()->chooseSuggestion(0);
            d->accept();
        });
        QTest::keyClick(&keeper, Qt::Key_F6);
        QTRY_COMPARE_WITH_TIMEOUT(keeper.scannedTotal(), kUnit, 10000);
        QCOMPARE(keeper.banner(), ClerkWindow::Banner::Good);
        QVERIFY2(!offered.isEmpty() && offered.first().contains(s("扫码轴承6204")), qPrintable(offered.join(u'|')));
        const QCborMap stored = erp.get(QStringLiteral("product"), product);
        QCOMPARE(stored.value(QStringLiteral("barcode")).toString(), QStringLiteral("6901234567892"));
        const QCborArray others = stored.value(QStringLiteral("lines")).toArray();
        QCOMPARE(others.size(), 1);
        QCOMPARE(others.first().toMap().value(QStringLiteral("barcode")).toString(), QStringLiteral("SUP-77801"));
        // The next scan of that code counts at once; the clerk without the right sees no link.
        scan(QStringLiteral("SUP-77801"));
        QTRY_COMPARE_WITH_TIMEOUT(keeper.scannedTotal(), 2 * kUnit, 10000);
        keeper.close();
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keyClick(window.get(), Qt::Key_F1);
        scan(order.value().toMap().value(QStringLiteral("number")).toString());
        QTRY_COMPARE_WITH_TIMEOUT(window->documentType(), QStringLiteral("purchase_receipt"), 10000);
        scan(QStringLiteral("SUP-00000"));
        QTRY_COMPARE_WITH_TIMEOUT(window->banner(), ClerkWindow::Banner::Error, 10000);
        QVERIFY(!window->findChild<QPushButton *>(QStringLiteral("linkBarcode"))->isVisible());
        QTest::keyClick(window->scanField(), Qt::Key_Escape);
    }

    // F4: the open counts of the warehouse, a zone the supervisor opened among
    // them, joined by arrow keys and Enter; a new count takes a location prefix.
    void f4JoinsAnOpenZoneCountOrStartsANewOne()
    {
        test::Erp erp(*admin);
        const Reply made = erp.saveDocument(QStringLiteral("stock_count"), M{{QStringLiteral("warehouse_id"), warehouse}, {QStringLiteral("location_prefix"), QStringLiteral("A-")}}, {});
        LH_VERIFY_OK(made);
        const qint64 shared = test::idOf(made);
        const QString number = erp.get(QStringLiteral("stock_count"), shared).value(QStringLiteral("number")).toString();
        QString opener;
        for (const auto &row : admin->call(QStringLiteral("inventory.open_counts")).value().toMap().value(QStringLiteral("rows")).toArray())
            if (row.toMap().value(QStringLiteral("id")).toInteger() == shared) opener = row.toMap().value(QStringLiteral("opened_by")).toString();
        QVERIFY(!opener.isEmpty());
        const auto chooseWarehouse = [this](inventory::CountChoiceDialog *d) {
            auto *box = d->findChild<QComboBox *>(QStringLiteral("countWarehouse"));
            (void)QTest::qWaitFor([box, this] { return box->findData(warehouse) >= 0; }, 10000);
            QSignalSpy listed(d, &inventory::CountChoiceDialog::countsListed);
            box->setCurrentIndex(box->findData(warehouse));
            (void)QTest::qWaitFor([&listed, d, this] { return d->warehouse() == warehouse && !listed.isEmpty(); }, 10000);
            return d->findChild<QTableWidget *>(QStringLiteral("openCounts"));
        };
        QStringList shown;
        test::answerNextDialog<inventory::CountChoiceDialog>([&](inventory::CountChoiceDialog *d) {
            QTableWidget *table = chooseWarehouse(d);
            int row = 0;
            while (row < table->rowCount() && table->item(row, 0)->text() != number) ++row;
            if (row == table->rowCount()) return d->reject();
            for (int c = 0; c < table->columnCount(); ++c) shown << table->item(row, c)->text();
            for (int i = 0; i < row; ++i) QTest::keyClick(table, Qt::Key_Down);
            QTest::keyClick(table, Qt::Key_Return);
        });
        QTest::keyClick(window.get(), Qt::Key_F4);
        QTRY_COMPARE_WITH_TIMEOUT(window->documentId(), shared, 10000);
        QCOMPARE(shown, (QStringList{number, erp.get(QStringLiteral("warehouse"), warehouse).value(QStringLiteral("name")).toString(), s("A- 开头"), opener}));
        // The clerk scans into the supervisor's count.
        scan(QStringLiteral("A-02"));
        QTRY_COMPARE_WITH_TIMEOUT(window->currentLocation(), QStringLiteral("A-02"), 10000);
        scan(QStringLiteral("6901234567892"));
        const auto counted = [&] {
            qint64 total = 0;
            for (const QCborMap &l : test::linesOf(erp.get(QStringLiteral("stock_count"), shared))) total += l.value(QStringLiteral("counted_qty")).toInteger();
            return total;
        };
        QTRY_COMPARE_WITH_TIMEOUT(counted(), kUnit, 10000);

        // The last row starts a new count; typing a prefix chooses it, Enter confirms.
        test::answerNextDialog<inventory::CountChoiceDialog>([&](inventory::CountChoiceDialog *d) {
            chooseWarehouse(d);
            auto *prefix = d->findChild<QLineEdit *>(QStringLiteral("newCountPrefix"));
            prefix->setFocus();
            QTest::keyClicks(prefix, QStringLiteral("a-01"));
            QTest::keyClick(prefix, Qt::Key_Return);
        });
        QTest::keyClick(window.get(), Qt::Key_F4);
        QTRY_VERIFY_WITH_TIMEOUT(window->documentId() != shared && window->documentId() != 0, 10000);
        QCOMPARE(erp.get(QStringLiteral("stock_count"), window->documentId()).value(QStringLiteral("location_prefix")).toString(), QStringLiteral("A-01"));
    }

    void cleanupTestCase() { window.reset(); }
};

QTEST_MAIN(TestClerkWindow)
#include "tst_clerk_window.moc"
