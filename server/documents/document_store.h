// Small building blocks module services use on documents: create one with lines
// (numbered, audited, announced), read its lines, change computed fields of a
// record while keeping versions and field versions right.
#pragma once

#include "auth/caller.h"
#include "schema/entity.h"

#include <QCborMap>
#include <QList>
#include <QString>

namespace liuhe::store {
class WriteScope;
}

namespace liuhe::documents {

struct CreatedDocument {
    qint64 id = 0;
    QString number;
    QList<qint64> lineIds; // in the order the lines were given
};

// Inserts a document in its first state with lines; no permission checks (the
// calling action has been authorised).
CreatedDocument createDocument(store::WriteScope &scope, const auth::Caller &caller, const QString &entity, QCborMap header,
                               const QList<QCborMap> &lines);

QList<QCborMap> linesOf(store::WriteScope &scope, const QString &documentEntity, qint64 documentId);

// Sets fields of one record (any entity) and bumps its version; values in wire
// form. The statement's result is not read (store::writeRecordFields): a caller
// that needs the new version uses store::updateRecordFields.
void updateFields(store::WriteScope &scope, const QString &entity, qint64 id, const QCborMap &values, qint64 userId);

const schema::Entity &entityNamed(const QString &name);

} // namespace liuhe::documents
