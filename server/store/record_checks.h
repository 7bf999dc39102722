// The checks a generic save makes before writing: which fields the caller may
// set, value shapes, required fields, references and uniqueness.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"
#include "schema/entity.h"

#include <QCborMap>
#include <QList>

namespace liuhe::store {

class Db;

struct FieldChecks {
    QList<protocol::FieldProblem> denied;  // PERMISSION_DENIED: read-only, protected, sensitive
    QList<protocol::FieldProblem> invalid; // VALIDATION

    bool ok() const { return denied.isEmpty() && invalid.isEmpty(); }
    protocol::CallError error() const;
};

// Normalises the changes in place and records every problem; line is the line id
// (0 for the header, -n for the n-th new line) for the problems' "line" key.
void checkChanges(const schema::Entity &entity, QCborMap &changes, const auth::Caller &caller, qint64 line, FieldChecks &out);
// Required fields must be non-empty in the merged values.
void checkRequired(const schema::Entity &entity, const QCborMap &values, qint64 line, FieldChecks &out);
// Referenced records must exist (and not be archived, unless unchanged): add()
// a record's or each line's changes, then run() reads each record referenced
// once — on PostgreSQL every entity referenced in one statement (a document's
// customer, warehouse and its lines' products in one round trip).
class ReferenceChecks {
public:
    void add(const schema::Entity &entity, const QCborMap &changes, qint64 line);
    void run(Db &db, FieldChecks &out);

private:
    struct Reference {
        const schema::Entity *target;
        QString field;
        qint64 id;
        qint64 line;
    };
    QList<Reference> m_references;
};
// Unique fields must not collide with another record.
void checkUnique(Db &db, const schema::Entity &entity, const QCborMap &changes, qint64 selfId, qint64 line, FieldChecks &out);

} // namespace liuhe::store
