// Printing, offscreen against a real server: a document laid out on a QPrinter
// (PdfFormat output, the path a physical printer takes) carries the company
// header, its lines, the total and 大写 in a CJK font; a long document runs onto
// more pages; 打印… (Ctrl+P) goes through the system print dialog; 打印预览 shows
// the same pages; 导出 PDF writes the same document.
#include "app/language.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "pdf_text.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/company_record.h"
#include "views/document_print.h"
#include "views/record_form.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QTemporaryDir>
#include <QToolButton>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
const schema::Entity &entity(const char *name) { return *schema::Catalogue::instance().entity(QString::fromLatin1(name)); }

test::PdfText readPdf(const QString &path)
{
    QFile f(path);
    return test::PdfText(f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray());
}
} // namespace

class TestDocumentPrint : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<test::Erp> erp;
    QTemporaryDir dir;
    qint64 customer = 0, warehouse = 0, bearing = 0, gearbox = 0;

    // A sales order of n lines (alternating products) as the client reads it.
    QCborMap order(int lines)
    {
        QList<test::LineSpec> specs;
        for (int i = 0; i < lines; ++i) specs << test::LineSpec{i % 2 ? gearbox : bearing, (i + 1) * kUnit, 12345};
        const Reply saved = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                              specs);
        if (!saved.isOk()) return {};
        const Reply r = test::callAndWait(*session, QStringLiteral("data.get"),
                                          M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), saved.value().toMap().value(QStringLiteral("id"))}});
        return r.value().toMap();
    }

    QCborMap company()
    {
        return views::firstRowOf(test::callAndWait(*session, QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("company")}}).value().toMap());
    }

    // The order laid out on a printer whose output is a PDF file (as a physical printer gets it), read back.
    test::PdfText printed(const QCborMap &record, const QString &file)
    {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(file));
        if (!views::DocumentPrint::printOn(printer, entity("sales_order"), record, company())) return test::PdfText(QByteArray());
        return readPdf(printer.outputFileName());
    }

    void checkOrderText(const test::PdfText &pdf, const QCborMap &record)
    {
        const QString text = pdf.text();
        QVERIFY2(pdf.shows(s("六合精密机械有限公司")), qPrintable(text));
        QVERIFY2(pdf.shows(s("江苏省苏州市工业园区星湖街328号")), qPrintable(text));
        QVERIFY(pdf.shows(s("销售订单")));
        QVERIFY(pdf.shows(s("客户：打印客户")));
        QVERIFY(pdf.shows(s("深沟球轴承6204")));
        QVERIFY(pdf.shows(s("齿轮箱")));
        // The number is in the barcode's picture and the title; Qt's ToUnicode map leaves out its digits.
        QVERIFY2(pdf.title().endsWith(record.value(QStringLiteral("number")).toString()), qPrintable(pdf.title()));
        bool cjk = false;
        for (const QString &font : pdf.fonts()) cjk = cjk || font.contains(QStringLiteral("CJK"));
        QVERIFY2(cjk, qPrintable(pdf.fonts().join(u',')));
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        const QString problem = test::startWithAdmin(server, admin, session);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        erp = std::make_unique<test::Erp>(*admin);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"),
                                 M{{QStringLiteral("entity"), QStringLiteral("company")},
                                   {QStringLiteral("changes"), M{{QStringLiteral("name"), s("六合精密机械有限公司")}, {QStringLiteral("phone"), QStringLiteral("0512-6666")},
                                                                 {QStringLiteral("address"), M{{QStringLiteral("code"), QStringLiteral("320571")},
                                                                                               {QStringLiteral("name"), s("江苏省苏州市工业园区")},
                                                                                               {QStringLiteral("detail"), s("星湖街328号")}}}}}}));
        customer = erp->customer(QStringLiteral("PC1"), s("打印客户"));
        warehouse = erp->warehouse(QStringLiteral("PW1"));
        bearing = erp->product(QStringLiteral("ZC6204"), s("深沟球轴承6204"), 3000, 2000);
        gearbox = erp->product(QStringLiteral("CL01"), s("齿轮箱"), 9000, 6000);
    }

    void aPrinterGetsTheWholeDocumentInAChineseFont()
    {
        const QCborMap record = order(3);
        QVERIFY(!record.isEmpty());
        const test::PdfText pdf = printed(record, QStringLiteral("order.pdf"));
        QCOMPARE(pdf.pageCount(), 1);
        checkOrderText(pdf, record);
        // 1×123.45 + 2×123.45 + 3×123.45 = ¥740.70
        QVERIFY2(pdf.shows(QStringLiteral("¥740.70")), qPrintable(pdf.text()));
        QVERIFY(pdf.shows(s("人民币柒佰肆拾元柒角")));
    }

    // Master data prints through the same template: a customer's fields under the
    // company header, no lines table and no 大写 total.
    void aCustomerRecordPrintsToo()
    {
        const Reply r = test::callAndWait(*session, QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), customer}});
        LH_VERIFY_OK(r);
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(QStringLiteral("customer.pdf")));
        QVERIFY(views::DocumentPrint::printOn(printer, entity("customer"), r.value().toMap(), company()));
        const test::PdfText pdf = readPdf(printer.outputFileName());
        QCOMPARE(pdf.pageCount(), 1);
        QVERIFY2(pdf.shows(s("六合精密机械有限公司")), qPrintable(pdf.text()));
        QVERIFY2(pdf.shows(s("打印客户")), qPrintable(pdf.text()));
        QVERIFY2(pdf.shows(s("客户")), qPrintable(pdf.text()));
        QVERIFY(!pdf.shows(s("人民币")));
    }

    void aLongDocumentRunsOntoMorePages()
    {
        const QCborMap record = order(80);
        QVERIFY(!record.isEmpty());
        const test::PdfText pdf = printed(record, QStringLiteral("long.pdf"));
        QVERIFY2(pdf.pageCount() >= 2, qPrintable(QString::number(pdf.pageCount())));
        QVERIFY(pdf.shows(s("六合精密机械有限公司"), 0));
        // The total and the signature lines close the last page.
        QVERIFY(pdf.shows(s("制单人"), pdf.pageCount() - 1));
        QVERIFY(!pdf.shows(s("制单人"), 0));
    }

    void ctrlPPrintsThroughThePrintDialog()
    {
        const QCborMap record = order(2);
        views::RecordForm form(*session, entity("sales_order"), record.value(QStringLiteral("id")).toInteger());
        form.resize(1200, 800);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        const QString path = dir.filePath(QStringLiteral("printed.pdf"));
        QString title;
        // The user picks the PDF printer of the dialog and names the file, as on a machine without a printer.
        test::answerNextDialog<QPrintDialog>([path, &title](QPrintDialog *dialog) {
            title = dialog->windowTitle();
            auto *printers = dialog->findChild<QComboBox *>(QStringLiteral("printers"));
            auto *file = dialog->findChild<QLineEdit *>(QStringLiteral("filename"));
            if (!printers || !file) {
                dialog->reject();
                return;
            }
            printers->setCurrentIndex(printers->count() - 1); // 打印到文件 (PDF) is the last entry
            file->setText(path);
            dialog->accept();
        });
        QTest::keyClick(&form, Qt::Key_P, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(QFile(path).size() > 0, 15000);
        QVERIFY2(title.contains(s("打印")), qPrintable(title));
        const test::PdfText pdf = readPdf(path);
        QCOMPARE(pdf.pageCount(), 1);
        checkOrderText(pdf, record);
    }

    void previewShowsTheSamePages()
    {
        const QCborMap record = order(80);
        views::RecordForm form(*session, entity("sales_order"), record.value(QStringLiteral("id")).toInteger());
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        auto *button = form.findChild<QToolButton *>(QStringLiteral("printButton"));
        QVERIFY(button && button->menu());
        QCOMPARE(button->text(), s("打印… (Ctrl+P)"));
        QAction *preview = button->menu()->findChild<QAction *>(QStringLiteral("printPreview"));
        QVERIFY(preview);
        int pages = -1;
        test::answerNextDialog<QPrintPreviewDialog>([&pages](QPrintPreviewDialog *dialog) {
            auto *widget = dialog->findChild<QPrintPreviewWidget *>();
            if (widget) (void)QTest::qWaitFor([widget] { return widget->pageCount() > 0; }, 5000);
            pages = widget ? widget->pageCount() : 0;
            dialog->reject();
        });
        preview->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(pages >= 0, 15000);
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
    }

    void pdfExportWritesTheSameDocument()
    {
        const QCborMap record = order(1);
        const QString path = dir.filePath(QStringLiteral("export.pdf"));
        QVERIFY(views::DocumentPrint::writePdf(entity("sales_order"), record, company(), path));
        const test::PdfText pdf = readPdf(path);
        QCOMPARE(pdf.pageCount(), 1);
        QVERIFY(pdf.shows(s("六合精密机械有限公司")));
        QVERIFY(!views::DocumentPrint::writePdf(entity("sales_order"), record, company(), dir.filePath(QStringLiteral("no/such/dir/x.pdf"))));
    }

    void cleanupTestCase()
    {
        session.reset();
        admin.reset();
        server.stop();
    }
};

QTEST_MAIN(TestDocumentPrint)
#include "tst_document_print.moc"
