// Generic writes over the descriptors: save (create, or merge the changed fields
// into the current record; stale changes to the same fields are a CONFLICT that
// names them with their current values) and remove (archive master data, delete
// draft documents). Both check permissions, validate, audit and emit events.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"
#include "schema/entity.h"

#include <QCborArray>
#include <QCborMap>
#include <QDateTime>
#include <variant>

namespace liuhe::store {

class WriteScope;
class Db;

struct SaveRequest {
    const schema::Entity *entity = nullptr;
    qint64 id = 0;          // 0 creates
    qint64 baseVersion = 0; // the version the changes were made against
    QCborMap changes;       // field -> new value
    QCborArray lines;       // [{id?, version?, delete?: true, …fields}]
    // false: answer only {id, version} (the caller builds its own answer, e.g.
    // after the actions of data.save's "then").
    bool answerRecord = true;

    static std::variant<SaveRequest, protocol::CallError> fromCbor(const QCborMap &args);
};

// The record as data.get answers it: with its lines, the fields the caller may read.
protocol::Reply recordAnswer(Db &db, const schema::Entity &e, qint64 id, const auth::Caller &caller);

// Returns the saved record (as data.get would), or {id, version} (answerRecord false).
protocol::Reply saveRecord(WriteScope &scope, const auth::Caller &caller, const SaveRequest &request);
protocol::Reply removeRecord(WriteScope &scope, const auth::Caller &caller, const schema::Entity &entity, qint64 id,
                             qint64 baseVersion);

// Inserts a record without permission checks or audit (bootstrap, demo data,
// module services that create records themselves). Keeps search keys in step.
// A new document's id and its new lines' ids, reserved with the next read's
// round trip (its number's): insertRecordDirect(…, idSentAhead = true) and
// the lines' insert take them (nothing on SQLite).
void sendDocumentIdsAhead(Db &db, const schema::Entity &document, int newLines);
// idSentAhead: the caller sent the id's reservation ahead
// (sendDocumentIdsAhead): on PostgreSQL the row then goes out unread.
qint64 insertRecordDirect(Db &db, const schema::Entity &entity, const QCborMap &values, qint64 userId, const QDateTime &now,
                          bool idSentAhead = false);
// The same for several rows of one entity (a document's lines), ids in their
// order; on PostgreSQL the ids are reserved in one statement and the rows go
// out unread.
QList<qint64> insertRecordsDirect(Db &db, const schema::Entity &e, const QList<QCborMap> &rows, qint64 userId, const QDateTime &now);

// Bumps a record's version and records which fields changed (for services that
// change records outside the generic save, e.g. a document's state).
qint64 touchRecord(WriteScope &scope, const schema::Entity &entity, qint64 id, const QStringList &changedFields, qint64 userId);
// Runs the entity's save rules (EntityHooks::beforeSave) over the stored record
// and its lines as data.save would, writes what they compute (prices, amounts,
// totals) and bumps the version; for services that change lines outside the
// generic save (scans). Returns the new version, or the rules' refusal.
std::variant<qint64, protocol::CallError> recomputeRecord(WriteScope &scope, const auth::Caller &caller, const schema::Entity &entity, qint64 id);
// Sets fields (wire values) and bumps the version in one statement; returns the new version.
qint64 updateRecordFields(WriteScope &scope, const schema::Entity &entity, qint64 id, const QCborMap &values, qint64 userId,
                          const QStringList &alsoChanged = {});
// The same for a caller that does not need the version: the statement's result
// is not read (Db::runUnread; on PostgreSQL no round trip of its own).
void writeRecordFields(WriteScope &scope, const schema::Entity &entity, qint64 id, const QCborMap &values, qint64 userId);

} // namespace liuhe::store
