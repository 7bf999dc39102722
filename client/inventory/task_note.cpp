#include "inventory/task_note.h"

#include "schema/catalogue.h"
#include "views/company_record.h"
#include "views/document_print.h"
#include "views/error_text.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace liuhe::inventory {

using protocol::Reply;

void printTaskNote(client::Session &session, const QString &docType, qint64 docId, QObject *context, std::function<void(const TaskNote &)> done)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(docType);
    if (!e) return;
    views::fetchCompany(session, context, [&session, e, docType, docId, context, done](const QCborMap &company) {
        session.call(QStringLiteral("data.get"), QCborMap{{QStringLiteral("entity"), docType}, {QStringLiteral("id"), docId}}, context,
                     [e, company, done](const Reply &r) {
                         TaskNote note;
                         if (!r.isOk()) {
                             note.error = views::errorMessage(r.error());
                             done(note);
                             return;
                         }
                         const QCborMap record = r.value().toMap();
                         const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
                         QDir().mkpath(dir);
                         note.path = QDir(dir).filePath(record.value(QStringLiteral("number")).toString() + QStringLiteral(".pdf"));
                         note.html = views::DocumentPrint::html(*e, record, company);
                         note.ok = views::DocumentPrint::writePdf(*e, record, company, note.path);
                         if (!note.ok) note.error = QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Could not write %1.").arg(note.path);
                         done(note);
                     });
    });
}

} // namespace liuhe::inventory
