// Any record or document to PDF (A4) through an HTML template: company header,
// the document number as a Code 128 barcode, fields, lines, the total in figures
// and 大写, signature lines. Chinese renders with the system's CJK font.
#pragma once

#include "net/session.h"
#include "schema/entity.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QImage>
#include <QString>

class QWidget;

namespace liuhe::views {

class DocumentPrint {
    Q_DECLARE_TR_FUNCTIONS(DocumentPrint)

public:
    // The HTML of a record (company is the company record, may be empty).
    static QString html(const schema::Entity &entity, const QCborMap &record, const QCborMap &company);
    static bool writePdf(const schema::Entity &entity, const QCborMap &record, const QCborMap &company, const QString &path);
    // Asks for a file name, fetches the company header, writes the PDF.
    static void printToPdfDialog(client::Session &session, const schema::Entity &entity, const QCborMap &record, QWidget *parent);
    static QImage barcode(const QString &text);
};

} // namespace liuhe::views
