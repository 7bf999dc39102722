// A Query on SQLite's C API: binds and reads without QtSql's value cache, and
// without the UTF-16 round trip of its driver (the store is UTF-8).
#pragma once

#include "store/query.h"
#include "store/store_error.h"

#include <QVariantList>

struct sqlite3;
struct sqlite3_stmt;

namespace liuhe::store {

// A StoreError for an SQLite result code, classified like every store error.
StoreError sqliteError(::sqlite3 *db, int rc, const QString &context);

class SqliteQuery final : public Query {
public:
    // Prepares sql; throws StoreError.
    SqliteQuery(::sqlite3 *db, const QString &sql);
    ~SqliteQuery() override;
    SqliteQuery(const SqliteQuery &) = delete;
    SqliteQuery &operator=(const SqliteQuery &) = delete;

    // Binds and runs to the first row (so writes happen here, as with QtSql).
    void exec(const QVariantList &binds);

    bool next() override;
    QVariant value(int column) const override;
    bool isNull(int column) const override;
    qint64 integer(int column) const override;
    QString text(int column) const override;
    bool isText(int column) const override;
    QByteArrayView utf8(int column) const override;
    Field field(int column) const override;
    int columnCount() const override;
    int numRowsAffected() const override;
    void finish() override;

private:
    void bind(int index, const QVariant &value);
    void step();

    ::sqlite3 *m_db;
    ::sqlite3_stmt *m_stmt = nullptr;
    QString m_sql;
    bool m_hasRow = false;     // a row is loaded
    bool m_rowPending = false; // exec stepped onto the first row; next() has not returned it yet
    int m_changes = 0;
};

} // namespace liuhe::store
