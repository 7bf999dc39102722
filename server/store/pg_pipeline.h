// Statements whose results nobody reads, sent ahead on one libpq connection
// in pipeline mode. They go out with the next statement whose result is read,
// and that statement's round trip carries them all: on this machine a round
// trip to PostgreSQL costs ≈ 110 µs against ≈ 15 µs of work per statement, so
// the writer's time goes mostly to waiting (performance.md).
//
// An error one of them raises is thrown by whatever closes the pipeline: the
// next statement read, drain(), or anything that cannot run in pipeline mode
// (Db drains before those). The writer drains at the end of every job, so an
// error stays inside the job that caused it.
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariantList>
#include <vector>

struct pg_conn;
struct pg_result;

namespace liuhe::store {

// A statement's parameters as libpq takes them: text, or bytes as they are.
struct PgParams {
    explicit PgParams(const QVariantList &binds);
    int count() const { return int(values.size()); }

    std::vector<QByteArray> storage;
    std::vector<const char *> values;
    std::vector<int> lengths;
    std::vector<int> formats;
};

class PgPipeline {
public:
    explicit PgPipeline(::pg_conn *conn) : m_conn(conn) {}
    PgPipeline(const PgPipeline &) = delete;
    PgPipeline &operator=(const PgPipeline &) = delete;

    bool pending() const { return !m_unread.empty(); }
    // Sends a prepared statement whose result will not be read.
    void send(const QByteArray &name, const QString &sql, const PgParams &params);
    // Sends a prepared statement whose result is wanted after the pending
    // ones, in the same round trip. Throws the first error of the pending
    // ones; otherwise returns the statement's own result (the caller checks
    // and frees it).
    ::pg_result *sendLast(const QByteArray &name, const QString &sql, const PgParams &params);
    // Reads the pending results; throws the first error among them unless
    // told to drop it (before a rollback). A lost connection always throws.
    void drain(bool throwErrors = true);

private:
    ::pg_result *sync(bool withLast, bool throwErrors);

    ::pg_conn *m_conn;
    std::vector<QString> m_unread; // each pending statement's text, for its error
};

} // namespace liuhe::store
