#include "documents/document_store.h"

#include "schema/catalogue.h"
#include "store/db.h"
#include "store/numbering.h"
#include "store/record_codec.h"
#include "store/record_query.h"
#include "store/record_writer.h"
#include "store/schema_sync.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::documents {

const schema::Entity &entityNamed(const QString &name)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(name);
    Q_ASSERT(e);
    return *e;
}

CreatedDocument createDocument(store::WriteScope &scope, const auth::Caller &caller, const QString &entityName, QCborMap header,
                               const QList<QCborMap> &lines)
{
    const schema::Entity &e = entityNamed(entityName);
    store::Db &db = scope.db();
    if (!header.contains(QStringLiteral("doc_date")))
        header.insert(QStringLiteral("doc_date"), scope.now().toLocalTime().date().toString(Qt::ISODate));
    if (!header.contains(QStringLiteral("state"))) header.insert(QStringLiteral("state"), QStringLiteral("draft"));
    CreatedDocument out;
    store::sendDocumentIdsAhead(db, e, int(lines.size()));
    out.number = store::nextDocumentNumber(db, e.name, e.numberPrefix,
                                           QDate::fromString(header.value(QStringLiteral("doc_date")).toString(), Qt::ISODate));
    header.insert(QStringLiteral("number"), out.number);
    if (!e.ownerField.isEmpty() && e.ownerIsCreator && !header.contains(e.ownerField)) header.insert(e.ownerField, caller.userId);
    out.id = store::insertRecordDirect(db, e, header, caller.userId, scope.now(), true);
    if (const schema::Entity *lineEntity = schema::Catalogue::instance().linesOf(e)) {
        QList<QCborMap> rows = lines;
        for (QCborMap &line : rows) line.insert(lineEntity->parentField, out.id);
        out.lineIds = store::insertRecordsDirect(db, *lineEntity, rows, caller.userId, scope.now());
    }
    scope.audit(store::AuditEntry{caller.userId, caller.call, e.name, out.id, QCborMap{{QStringLiteral("created"), out.number}},
                                  QStringLiteral("ok"), caller.peer});
    scope.changed(e.name, out.id, 1, QStringLiteral("created"));
    return out;
}

QList<QCborMap> linesOf(store::WriteScope &scope, const QString &documentEntity, qint64 documentId)
{
    QList<QCborMap> out;
    for (const auto &l : store::loadLines(scope.db(), entityNamed(documentEntity), documentId, nullptr)) out.append(l.toMap());
    return out;
}

void updateFields(store::WriteScope &scope, const QString &entityName, qint64 id, const QCborMap &values, qint64 userId)
{
    store::writeRecordFields(scope, entityNamed(entityName), id, values, userId);
}

} // namespace liuhe::documents
