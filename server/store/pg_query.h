// A Query on libpq: a server-side prepared statement run with the extended
// protocol (Bind/Execute, no SQL text per call), values read straight from the
// result. QtSql's driver sent each call as "EXECUTE name (literals)", parsed
// anew by the backend, and converted every cell to a QVariant and UTF-16.
#pragma once

#include "store/pg_pipeline.h"
#include "store/query.h"
#include "store/store_error.h"

#include <QVariantList>
#include <vector>

struct pg_conn;
struct pg_result;

namespace liuhe::store {

class PgPipeline;

// A StoreError for a failed PostgreSQL call, classified by its SQLSTATE like
// every store error (connection, retryable, constraint, full).
StoreError postgresError(const QString &sqlState, const QString &message, bool connectionLost, const QString &context);
StoreError postgresError(::pg_conn *conn, const ::pg_result *result, const QString &context);
// The result of a call that must have succeeded (a command, or rows); on failure
// it is freed and its StoreError thrown.
::pg_result *checkedResult(::pg_conn *conn, ::pg_result *result, const QString &context);

// "… WHERE a = ? AND b = ?" → "… WHERE a = $1 AND b = $2"; question marks in
// quoted literals and identifiers stay.
QByteArray numberedPlaceholders(const QString &sql, int *count);

class PgQuery final : public Query {
public:
    // Prepares sql on the connection; throws StoreError. The pipeline is the
    // connection's: a statement run while others wait unread goes with them.
    PgQuery(::pg_conn *conn, PgPipeline *pipeline, const QString &sql);
    ~PgQuery() override;
    PgQuery(const PgQuery &) = delete;
    PgQuery &operator=(const PgQuery &) = delete;

    // Binds and runs; the rows are read with next().
    void exec(const QVariantList &binds);
    // Binds and sends; the result is never read (PgPipeline).
    void send(const QVariantList &binds);
    // Binds and sends; the next exec with the same values in this transaction
    // takes the result instead of a round trip of its own (Db::prefetch).
    void prefetch(const QVariantList &binds);

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
    enum class Kind { Integer, Boolean, Float, Bytes, Text };
    Kind kindOf(int column) const;
    void checkParamCount(const QVariantList &binds) const;
    // The result sent ahead for these values, or nullptr; any other is dropped.
    ::pg_result *takePrefetched(const QVariantList &binds);

    ::pg_conn *m_conn;
    PgPipeline *m_pipeline;
    QString m_sql;
    QByteArray m_name;
    int m_params = 0;
    ::pg_result *m_result = nullptr;
    int m_row = -1;
    int m_rows = 0;
    int m_changes = 0;
    std::vector<Kind> m_kinds; // per column of the current result
    PgPrefetch m_prefetch;
};

} // namespace liuhe::store
