// Any record or document to a printer, the print preview or a PDF (A4) through
// one HTML template: company header, the document number as a Code 128 barcode,
// fields, lines, the total in figures and 大写, signature lines. Chinese renders
// with a CJK font (Noto Sans CJK SC first) on every target.
#pragma once

#include "net/session.h"
#include "schema/entity.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QImage>
#include <QString>

class QPrinter;
class QWidget;

namespace liuhe::views {

class DocumentPrint {
    Q_DECLARE_TR_FUNCTIONS(DocumentPrint)

public:
    // The HTML of a record (company is the company record, may be empty).
    static QString html(const schema::Entity &entity, const QCborMap &record, const QCborMap &company);
    // Lays the record out on a printer as set up (a physical one, the preview's,
    // or PDF output); false when the printer could not start.
    static bool printOn(QPrinter &printer, const schema::Entity &entity, const QCborMap &record, const QCborMap &company);
    static bool writePdf(const schema::Entity &entity, const QCborMap &record, const QCborMap &company, const QString &path);
    // Fetch the company header, then: 打印… (the system print dialog), 打印预览, or a PDF file chosen by the user.
    static void printDialog(client::Session &session, const schema::Entity &entity, const QCborMap &record, QWidget *parent);
    static void previewDialog(client::Session &session, const schema::Entity &entity, const QCborMap &record, QWidget *parent);
    static void printToPdfDialog(client::Session &session, const schema::Entity &entity, const QCborMap &record, QWidget *parent);
    static QImage barcode(const QString &text);
};

} // namespace liuhe::views
