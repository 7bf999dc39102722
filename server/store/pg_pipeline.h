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

// A read sent ahead (Db::prefetch): its result, once the round trip that
// carries it is back, waits here for the statement's next run with the same
// values in the same transaction.
struct PgPrefetch {
    QVariantList binds;
    quint64 transaction = 0; // PgPipeline::transaction() when sent
    ::pg_result *result = nullptr;
    bool pending = false;    // sent, result not read yet
};

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
    // Sends a prepared statement whose result will not be read, or, with
    // into, is kept there when the round trip is back.
    void send(const QByteArray &name, const QString &sql, const PgParams &params, PgPrefetch *into = nullptr);
    // Sends a prepared statement whose result is wanted after the pending
    // ones, in the same round trip. Throws the first error of the pending
    // ones; otherwise returns the statement's own result (the caller checks
    // and frees it).
    ::pg_result *sendLast(const QByteArray &name, const QString &sql, const PgParams &params);
    // Reads the pending results; throws the first error among them unless
    // told to drop it (before a rollback). A lost connection always throws.
    void drain(bool throwErrors = true);
    // Counts transactions begun and ended, so that a read sent ahead is never
    // taken in another one.
    quint64 transaction() const { return m_transaction; }
    void nextTransaction() { ++m_transaction; }

private:
    ::pg_result *sync(bool withLast, bool throwErrors);

    struct Pending {
        QString sql; // for its error
        PgPrefetch *into = nullptr;
    };
    ::pg_conn *m_conn;
    std::vector<Pending> m_unread;
    quint64 m_transaction = 0;
};

} // namespace liuhe::store
