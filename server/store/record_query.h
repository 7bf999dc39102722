// Generic reads over the descriptors: filtered, sorted, keyset-paged lists and
// single records with their lines, both limited by the caller's record rules and
// field grants.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"
#include "schema/filter.h"

#include <QCborArray>
#include <QCborMap>
#include <optional>

namespace liuhe::store {

class Db;

struct QueryRequest {
    const schema::Entity *entity = nullptr;
    schema::Filter filter;
    QString sort;               // an indexed field, or "id"; default: the entity's
    QString relevance;          // sort "relevance": the search text whose best matches come first (one page, no cursor)
    bool descending = false;
    QCborValue after;           // keyset cursor from the previous page's "next"
    int limit = 100;            // at most kMaxPageSize
    bool withTotal = false;
    bool includeArchived = false;
    QStringList sums;           // numeric fields totalled over the whole filter

    static constexpr int kMaxPageSize = 1000;
    // Parses the wire arguments of data.query; on failure returns the error.
    static std::variant<QueryRequest, protocol::CallError> fromCbor(const QCborMap &args, const auth::Caller &caller);
};

// {columns: [...], rows: [[...], ...], next: cursor|null, total?: n}
protocol::Reply queryRecords(Db &db, const auth::Caller &caller, const QueryRequest &request);

// The record as a map, with "<ref>:label" for references and, for documents,
// "lines"; nullopt when it does not exist or is outside the caller's scope.
// With caller == nullptr every field is read (server-internal use).
std::optional<QCborMap> loadRecord(Db &db, const schema::Entity &entity, qint64 id, const auth::Caller *caller,
                                   const QString &action = QStringLiteral("read"));
QCborArray loadLines(Db &db, const schema::Entity &document, qint64 id, const auth::Caller *caller);
// The same without the references' labels, for the server's own use (a
// document an action works on): no join per reference. Locked (PostgreSQL's
// FOR UPDATE) when lock: two servers acting on one document take turns, and
// the second sees what the first did.
std::optional<QCborMap> loadRecordValues(Db &db, const schema::Entity &entity, qint64 id, bool lock = false);
QCborArray loadLineValues(Db &db, const schema::Entity &document, qint64 id);
// Sends both reads of loadRecordValues and loadLineValues ahead (Db::prefetch):
// on PostgreSQL the header's round trip then brings the lines too.
void prefetchDocumentValues(Db &db, const schema::Entity &document, qint64 id, bool lock);

} // namespace liuhe::store
