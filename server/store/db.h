// One database connection owned by one thread, with a cache of prepared
// statements and errors turned into StoreError. SQLite is driven through its C
// API, PostgreSQL through libpq (QtSql only opens and closes its session, and
// lists tables and columns; QSqlDatabase is per thread).
#pragma once

#include "store/dialect.h"
#include "store/query.h"
#include "store/store_config.h"
#include "store/store_error.h"

#include <unordered_map>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <optional>
#include <utility>
#include <initializer_list>
#include <memory>
#include <vector>

struct sqlite3;
struct pg_conn;

namespace liuhe::store {

class PgPipeline;

// Statement texts are long (hundreds of characters) and few: their length and
// both ends nearly always tell them apart, at a fraction of the cost of hashing
// all of it on every statement run. Keys are still compared in full, so two
// texts that share ends cost a comparison, never the wrong statement.
struct StatementTextHash {
    size_t operator()(const QString &sql) const noexcept;
};

// Each id once, in the order first given (the lists of keyed reads).
QList<qint64> distinctIds(const QList<qint64> &ids);

// What a connection is for. SQLite only: a writer whose log the caller fsyncs
// after each commit (DbPool's WalSyncer) gathers its log writes
// (sqlite_gathered_log.h); a reader maps the database file.
enum class DbUse { ReadWrite, ReadOnly, WriterSyncedByCaller, Checkpoint };

class Db {
public:
    Db(const StoreConfig &config, const QString &connectionName, DbUse use = DbUse::ReadWrite);
    ~Db();
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;

    const Dialect &dialect() const { return m_dialect; }
    const StoreConfig &config() const { return m_config; }

    // Opens (or reopens after a lost connection); throws StoreError on failure.
    void open();
    bool isOpen() const { return m_sqlite || m_db.isOpen(); }

    QStringList tables();
    QStringList columns(const QString &table);

    // Runs a prepared statement from the cache; the query is positioned before the
    // first row. Throws StoreError.
    Query &run(const QString &sql, const QVariantList &binds = {});
    Query &run(const QString &sql, std::initializer_list<QVariant> binds) { return run(sql, QVariantList(binds)); }
    // First column of the first row, or an invalid QVariant when there is no row.
    QVariant scalar(const QString &sql, const QVariantList &binds = {});
    // Runs an INSERT; the new row's id (0 when no row was inserted).
    qint64 insert(const QString &sql, const QVariantList &binds);
    // Runs an UPDATE and reads one value of the updated row back: the
    // expression `returning` through RETURNING where that pays
    // (Dialect::returningPays), else readBack, a keyed read run after it.
    // Invalid when no row was updated.
    QVariant updateAndRead(const QString &update, const QVariantList &binds, const QString &returning, const QString &readBack,
                           const QVariantList &readBinds);
    // Ids for rows about to be inserted into table, in ascending order: on
    // PostgreSQL taken from its id sequence in one statement, so that the rows
    // can go out unread instead of one round trip each for their ids; empty on
    // SQLite, whose inserts cost no round trip.
    QList<qint64> reserveIds(const QString &table, int count);
    // The same sent ahead (prefetch), for a caller that will ask for these ids
    // after a read of its own: the lines' of insertRecordsDirect and
    // writeLines (more than one), a document's own (insertRecordDirect).
    void reserveIdsAhead(const QString &table, int count);
    // Calls row() for each row of sql, whose %1 stands for "column is one of
    // ids" (bound after binds): on PostgreSQL one statement for all of them,
    // as every statement is a round trip there; on SQLite one per id, as a
    // keyed read costs about a microsecond and json_each more. Each id once.
    void forEachRowOfIds(const QString &sql, const QString &column, const QVariantList &binds, const QList<qint64> &ids,
                         const std::function<void(Query &)> &row);
    // forEachRowOfIds' read sent ahead (prefetch) when it is one statement.
    void prefetchRowsOfIds(const QString &sql, const QString &column, const QVariantList &binds, const QList<qint64> &ids);
    // Unprepared statement (DDL, pragmas, transaction control).
    void exec(const QString &sql);
    // A statement whose result nobody reads: an INSERT, UPDATE or DELETE whose
    // count of rows does not matter. On PostgreSQL it goes out with the next
    // statement that is read, in the same round trip (pg_pipeline.h), and an
    // error it raises is thrown from there or from flushUnread(); on SQLite it
    // runs at once.
    void runUnread(const QString &sql, const QVariantList &binds = {});
    void runUnread(const QString &sql, std::initializer_list<QVariant> binds) { runUnread(sql, QVariantList(binds)); }
    // Reads what runUnread sent and throws the first error among it.
    void flushUnread();
    // A read about to be run: on PostgreSQL it goes out now, with whatever is
    // sent next, and the next run of sql with the same values in this
    // transaction takes its result instead of a round trip of its own; nothing
    // on SQLite. Only for rows nothing writes before they are read.
    void prefetch(const QString &sql, const QVariantList &binds = {});
    void prefetch(const QString &sql, std::initializer_list<QVariant> binds) { prefetch(sql, QVariantList(binds)); }
    // Whether prefetch sends anything: a caller that would build a statement's
    // text only to prefetch it skips that on SQLite.
    bool prefetches() const { return m_pipeline != nullptr; }

    void begin(bool write);
    void commit();
    void rollback();
    void savepoint(const QString &name);
    void releaseSavepoint(const QString &name);
    void rollbackToSavepoint(const QString &name);
    bool inTransaction() const { return m_inTransaction; }
    // SQLite: pages this connection wrote out (to the log, in WAL mode) since
    // the last call; 0 on PostgreSQL.
    qint64 takePagesWritten();

    // Releases result sets and statement locks of every query run since the last call.
    void finishQueries();

    // The SQLite connection (nullptr on PostgreSQL), for the online backup API.
    ::sqlite3 *sqliteHandle() const { return m_sqlite; }

private:
    Query &prepared(const QString &sql);
    // Transaction control: prepared on SQLite, plain on PostgreSQL.
    void control(const QString &sql);
    void close();
    // SQLite may roll a transaction back by itself after an error (out of
    // memory, I/O); statements after that would each commit on their own.
    void checkTransactionAlive();
    std::optional<std::pair<QString, QVariantList>> statementOfIds(const QString &sql, const QString &column, const QVariantList &binds,
                                                                   const QList<qint64> &distinct) const;
    void configureSqlite();

    StoreConfig m_config;
    Dialect m_dialect;
    QString m_name;
    DbUse m_use;
    QSqlDatabase m_db; // PostgreSQL only
    ::pg_conn *m_pg = nullptr; // PostgreSQL only: m_db's session
    std::unique_ptr<PgPipeline> m_pipeline; // PostgreSQL only
    std::unordered_map<QString, std::unique_ptr<Query>, StatementTextHash> m_statements;
    std::vector<Query *> m_active;
    bool m_inTransaction = false;
    ::sqlite3 *m_sqlite = nullptr; // SQLite only
};

// Scoped transaction for tools and migrations: rolls back unless committed.
class Transaction {
public:
    Transaction(Db &db, bool write = true) : m_db(db) { m_db.begin(write); }
    ~Transaction()
    {
        if (!m_done) {
            try { m_db.rollback(); } catch (...) {}
        }
    }
    void commit() { m_db.commit(); m_done = true; }

private:
    Db &m_db;
    bool m_done = false;
};

} // namespace liuhe::store
