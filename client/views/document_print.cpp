#include "views/document_print.h"

#include "domain/amount_in_words.h"
#include "domain/chinese_format.h"
#include "schema/catalogue.h"
#include "views/company_record.h"
#include "views/field_format.h"

#include <QBuffer>
#include <QCborArray>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPageLayout>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QAbstractTextDocumentLayout>
#include <QTextDocument>
#include <zint.h>

namespace liuhe::views {

using protocol::Reply;

namespace {

QString escape(const QString &s) { return s.toHtmlEscaped(); }

QString valueText(const schema::Field &f, const QCborMap &record)
{
    return escape(displayText(f, record.value(f.name), record.value(f.name + QStringLiteral(":label")).toString()));
}

QString imageDataUrl(const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

} // namespace

QImage DocumentPrint::barcode(const QString &text)
{
    zint_symbol *symbol = ZBarcode_Create();
    if (!symbol) return {};
    symbol->symbology = BARCODE_CODE128;
    symbol->height = 40;
    symbol->show_hrt = 1;
    const QByteArray data = text.toLatin1();
    QImage image;
    if (ZBarcode_Encode_and_Buffer(symbol, reinterpret_cast<const unsigned char *>(data.constData()), int(data.size()), 0) < ZINT_ERROR) {
        image = QImage(symbol->bitmap_width, symbol->bitmap_height, QImage::Format_RGB888);
        for (int y = 0; y < symbol->bitmap_height; ++y)
            memcpy(image.scanLine(y), symbol->bitmap + size_t(y) * size_t(symbol->bitmap_width) * 3, size_t(symbol->bitmap_width) * 3);
    }
    ZBarcode_Delete(symbol);
    return image;
}

QString DocumentPrint::html(const schema::Entity &entity, const QCborMap &record, const QCborMap &company)
{
    QString h = QStringLiteral("<html><body style='font-size:10pt'>");
    const QCborMap address = company.value(QStringLiteral("address")).toMap();
    const QString place = address.value(QStringLiteral("name")).toString() + address.value(QStringLiteral("detail")).toString();
    const QString phone = company.value(QStringLiteral("phone")).toString();
    QStringList contact;
    if (!place.isEmpty()) contact << escape(tr("Address: %1").arg(place));
    if (!phone.isEmpty()) contact << escape(tr("Phone: %1").arg(phone));
    h += QStringLiteral("<table width='100%'><tr><td><b style='font-size:14pt'>%1</b><br>%2</td>")
             .arg(escape(company.value(QStringLiteral("name")).toString()), contact.join(QStringLiteral("&nbsp;&nbsp;")));
    const QString number = record.value(QStringLiteral("number")).toString();
    h += QStringLiteral("<td align='right'>%1</td></tr></table>")
             .arg(number.isEmpty() ? QString() : QStringLiteral("<img src='%1' height='48'>").arg(imageDataUrl(barcode(number))));
    h += QStringLiteral("<h2 align='center'>%1</h2>").arg(escape(entityLabel(entity)));
    h += QStringLiteral("<table width='100%' cellpadding='3'>");
    int cell = 0;
    for (const auto &f : entity.fields) {
        if (f.type == schema::FieldType::LongText || record.value(f.name).isUndefined()) continue;
        if (cell % 3 == 0) h += QStringLiteral("<tr>");
        h += QStringLiteral("<td><b>%1：</b>%2</td>").arg(escape(fieldLabel(f)), valueText(f, record));
        if (++cell % 3 == 0) h += QStringLiteral("</tr>");
    }
    if (cell % 3) h += QStringLiteral("</tr>");
    h += QStringLiteral("</table>");
    if (const schema::Entity *lineEntity = schema::Catalogue::instance().linesOf(entity)) {
        QList<const schema::Field *> cols;
        for (const auto &f : lineEntity->fields)
            if (f.has(schema::ListColumn) && f.name != lineEntity->parentField) cols << &f;
        h += QStringLiteral("<table width='100%' border='1' cellspacing='0' cellpadding='4' style='border-collapse:collapse'><tr><th>%1</th>").arg(tr("No."));
        for (const auto *f : cols) h += QStringLiteral("<th>%1</th>").arg(escape(fieldLabel(*f)));
        h += QStringLiteral("</tr>");
        int n = 0;
        for (const auto &lv : record.value(QStringLiteral("lines")).toArray()) {
            const QCborMap line = lv.toMap();
            h += QStringLiteral("<tr><td align='center'>%1</td>").arg(++n);
            for (const auto *f : cols)
                h += QStringLiteral("<td%1>%2</td>").arg(isNumericField(*f) ? QStringLiteral(" align='right'") : QString(), valueText(*f, line));
            h += QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table>");
    }
    if (!entity.amountField.isEmpty()) {
        const Money total = Money::fromFen(record.value(entity.amountField).toInteger(0));
        h += QStringLiteral("<p align='right'><b>%1 %2</b><br>%3</p>")
                 .arg(escape(tr("Total")), escape(total.toDisplayString()), escape(amountInWordsRmb(total).value_or(QString())));
    }
    h += QStringLiteral("<br><table width='100%'><tr><td>%1：__________</td><td>%2：__________</td><td>%3：__________</td></tr></table>")
             .arg(escape(tr("Prepared by")), escape(tr("Checked by")), escape(tr("Received by")));
    h += QStringLiteral("<p style='color:#777'>%1</p></body></html>").arg(escape(tr("Printed %1").arg(formatDateTime(QDateTime::currentDateTime()))));
    return h;
}

bool DocumentPrint::printOn(QPrinter &printer, const schema::Entity &entity, const QCborMap &record, const QCborMap &company)
{
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    printer.setDocName(entityLabel(entity) + u' ' + record.value(QStringLiteral("number")).toString());
    QTextDocument doc;
    // The CJK family first: a Latin default font would leave Chinese to per-glyph fallback.
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Serif CJK SC"), QStringLiteral("WenQuanYi Micro Hei")});
    font.setPointSize(10);
    doc.setDefaultFont(font);
    // Laid out at the printer's resolution, so 10 pt prints as 10 pt on every printer.
    doc.documentLayout()->setPaintDevice(&printer);
    doc.setHtml(html(entity, record, company));
    doc.setPageSize(printer.pageLayout().paintRectPixels(printer.resolution()).size());
    doc.print(&printer);
    return printer.printerState() != QPrinter::Error;
}

bool DocumentPrint::writePdf(const schema::Entity &entity, const QCborMap &record, const QCborMap &company, const QString &path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    return printOn(printer, entity, record, company) && QFileInfo(path).size() > 0;
}

void DocumentPrint::printDialog(client::Session &session, const schema::Entity &entity, const QCborMap &record, QWidget *parent)
{
    fetchCompany(session, parent, [&entity, record, parent](const QCborMap &company) {
        QPrinter printer(QPrinter::HighResolution);
        QPrintDialog dialog(&printer, parent);
        dialog.setWindowTitle(tr("Print %1").arg(entityLabel(entity)));
        if (dialog.exec() == QDialog::Accepted) printOn(printer, entity, record, company);
    });
}

void DocumentPrint::previewDialog(client::Session &session, const schema::Entity &entity, const QCborMap &record, QWidget *parent)
{
    fetchCompany(session, parent, [&entity, record, parent](const QCborMap &company) {
        QPrinter printer(QPrinter::HighResolution);
        QPrintPreviewDialog dialog(&printer, parent);
        dialog.setWindowTitle(tr("Print preview"));
        QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                         [&entity, record, company](QPrinter *target) { printOn(*target, entity, record, company); });
        dialog.exec();
    });
}

void DocumentPrint::printToPdfDialog(client::Session &session, const schema::Entity &entity, const QCborMap &record, QWidget *parent)
{
    const QString suggested = (record.value(QStringLiteral("number")).toString().isEmpty() ? entity.name : record.value(QStringLiteral("number")).toString())
                              + QStringLiteral(".pdf");
    const QString path = QFileDialog::getSaveFileName(parent, tr("Save as PDF"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty()) return;
    fetchCompany(session, parent, [&entity, record, path, parent](const QCborMap &company) {
        if (!writePdf(entity, record, company, path)) QMessageBox::warning(parent, tr("Save as PDF"), tr("Could not write %1.").arg(path));
    });
}

} // namespace liuhe::views
