// The few places SQLite and PostgreSQL differ, kept to small answers.
#pragma once

#include "store/store_config.h"

#include <QString>

namespace liuhe::store {

class Dialect {
public:
    explicit Dialect(Backend backend) : m_backend(backend) {}
    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::Postgres; }

    QString primaryKey() const;         // "id" column definition
    QString blobType() const;           // BLOB / BYTEA
    QString binaryCollation() const;    // for prefix ranges on text keys
    QString caseInsensitiveLike() const; // LIKE / ILIKE
    QString forUpdate() const;          // " FOR UPDATE" on PostgreSQL
    QString forUpdateOf(const QString &alias) const; // " FOR UPDATE OF l": only that table's rows of a join
    // Lists sort ascending with NULLs first (SQLite's own order); PostgreSQL's
    // indexes must say so, or it sorts the whole table for every page.
    QString nullsFirst() const;         // " NULLS FIRST" on PostgreSQL
    static QString quote(const QString &identifier); // "user"
    // "column is one of a bound list of ids": one statement text (and one cached
    // statement) for any number of them; bind idList(ids) as its value.
    QString inIdList(const QString &column) const;
    QString idList(const QList<qint64> &ids) const;
    // Whether reading several keyed rows in one statement (inIdList) pays:
    // on PostgreSQL every statement is a round trip (≈ 110 µs here); on SQLite
    // a keyed read costs ≈ 1 µs and json_each more than a few of them.
    bool batchesKeyedReads() const { return isPostgres(); }
    // Whether RETURNING is the cheap way to read back what a write changed: on
    // PostgreSQL it saves a round trip; SQLite gathers the returned rows in a
    // temporary b-tree opened for every run, dearer than a keyed read after it.
    bool returningPays() const { return isPostgres(); }

private:
    Backend m_backend;
};

} // namespace liuhe::store
