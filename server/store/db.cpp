#include "store/db.h"

#include "store/pg_pipeline.h"
#include "store/pg_query.h"
#include "store/sqlite_gathered_log.h"
#include "store/sqlite_paced_sync.h"
#include "store/sqlite_page_cache.h"
#include "store/sqlite_query.h"
#include "store/statement_profile.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <libpq-fe.h>
#include <mutex>
#include <sqlite3.h>

namespace liuhe::store {

namespace {

// Before SQLite's first use in the process: no memory statistics, which would
// take a process-wide mutex on every allocation of every connection, and the
// page cache of sqlite_page_cache.h.
void configureSqliteLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        installSqlitePageCache();
    });
}

} // namespace

Db::Db(const StoreConfig &config, const QString &connectionName, DbUse use)
    : m_config(config), m_dialect(config.backend), m_name(connectionName), m_use(use)
{
    open();
}

Db::~Db()
{
    close();
}

void Db::close()
{
    m_active.clear();
    m_statements.clear(); // statements go before their connection
    m_pipeline.reset();
    m_inTransaction = false;
    if (m_sqlite) {
        sqlite3_close_v2(m_sqlite);
        m_sqlite = nullptr;
    }
    m_pg = nullptr; // QtSql's driver owns it
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
}

void Db::open()
{
    close();
    if (m_config.backend == Backend::Sqlite) {
        configureSqliteLibrary();
        const QByteArray path = m_config.sqlitePath.toUtf8();
        // One connection per thread, never shared: SQLite's own mutexes are not needed.
        const char *vfs = nullptr; // the platform's
        if (m_use == DbUse::WriterSyncedByCaller) vfs = gatheredLogVfs();
        if (m_use == DbUse::Checkpoint) vfs = pacedSyncVfs();
        const int rc = sqlite3_open_v2(path.constData(), &m_sqlite, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, vfs);
        if (rc != SQLITE_OK) {
            const StoreError e = sqliteError(m_sqlite, rc, QStringLiteral("open ") + m_config.sqlitePath);
            sqlite3_close_v2(m_sqlite);
            m_sqlite = nullptr;
            throw StoreError(StoreError::Kind::ConnectionLost, e.message(), e.nativeCode());
        }
        sqlite3_extended_result_codes(m_sqlite, 1);
        sqlite3_busy_timeout(m_sqlite, 10000);
        configureSqlite();
        return;
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    m_db.setHostName(m_config.host);
    m_db.setPort(m_config.port);
    m_db.setUserName(m_config.user);
    m_db.setPassword(m_config.password);
    m_db.setDatabaseName(m_config.database);
    m_db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    if (!m_db.open()) throw StoreError(StoreError::Kind::ConnectionLost, m_db.lastError().text(), m_db.lastError().nativeErrorCode());
    // QtSql opens and closes the session; statements go through libpq itself.
    const QVariant handle = m_db.driver()->handle();
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        throw StoreError(StoreError::Kind::Other, QStringLiteral("the QPSQL driver gave no libpq handle (%1)").arg(QString::fromLatin1(handle.typeName())), {});
    m_pg = *static_cast<PGconn *const *>(handle.constData());
    m_pipeline = std::make_unique<PgPipeline>(m_pg);
    exec(QStringLiteral("SET synchronous_commit = on"));
    exec(QStringLiteral("SET plan_cache_mode = force_generic_plan"));
}

QStringList Db::tables()
{
    flushUnread();
    if (!m_sqlite) return m_db.tables();
    QStringList names;
    Query &q = run(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    while (q.next()) names << q.text(0);
    q.finish();
    return names;
}

QStringList Db::columns(const QString &table)
{
    QStringList names;
    flushUnread();
    if (!m_sqlite) {
        const QSqlRecord record = m_db.record(table);
        for (int i = 0; i < record.count(); ++i) names << record.fieldName(i);
        return names;
    }
    Query &q = run(QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table});
    while (q.next()) names << q.text(0);
    q.finish();
    return names;
}

void Db::configureSqlite()
{
    // WAL lets readers work while the writer commits; FULL fsyncs the WAL at each
    // commit, so an acknowledged write survives power loss.
    exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    exec(QStringLiteral("PRAGMA synchronous = FULL"));
    // Tells the gathering VFS a checkpoint's sync (FULL) from a commit's (NORMAL):
    // on Linux and Windows both are the same fsync.
    if (m_use == DbUse::WriterSyncedByCaller) exec(QStringLiteral("PRAGMA checkpoint_fullfsync = ON"));
    exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    exec(QStringLiteral("PRAGMA cache_size = -65536"));
    exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    if (m_use == DbUse::ReadOnly) {
        exec(QStringLiteral("PRAGMA query_only = ON"));
        // Readers see the database file through a map (up to SQLite's 2 GB cap):
        // no read call and copy per page, one copy in memory for all readers. A
        // 1,000-match customer search: p50 2.8 -> 2.3 ms. Not the writer: its pages
        // are copied to be changed anyway, and orders/s went down with it.
        exec(QStringLiteral("PRAGMA mmap_size = 2147418112"));
    }
}

size_t StatementTextHash::operator()(const QString &sql) const noexcept
{
    constexpr qsizetype kEnd = 48;
    const QStringView text(sql);
    if (text.size() <= 2 * kEnd) return qHash(text);
    return qHash(text.first(kEnd)) ^ (qHash(text.last(kEnd)) * 31) ^ size_t(text.size());
}

Query &Db::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) return *it->second;
    std::unique_ptr<Query> statement;
    if (m_sqlite) {
        statement = std::make_unique<SqliteQuery>(m_sqlite, sql);
    } else {
        flushUnread(); // preparing is a call of its own, outside the pipeline
        statement = std::make_unique<PgQuery>(m_pg, m_pipeline.get(), sql);
    }
    return *m_statements.emplace(sql, std::move(statement)).first->second;
}

void Db::checkTransactionAlive()
{
    if (!m_inTransaction || !m_sqlite || !sqlite3_get_autocommit(m_sqlite)) return;
    m_inTransaction = false;
    throw StoreError(StoreError::Kind::Retryable, QStringLiteral("the store rolled the transaction back after an error"), QStringLiteral("autocommit"));
}

Query &Db::run(const QString &sql, const QVariantList &binds)
{
    checkTransactionAlive();
    QElapsedTimer timer;
    if (StatementProfile::enabled()) timer.start();
    Query &statement = prepared(sql);
    if (m_sqlite) static_cast<SqliteQuery &>(statement).exec(binds);
    else static_cast<PgQuery &>(statement).exec(binds);
    if (timer.isValid()) StatementProfile::record(sql, timer.nsecsElapsed());
    m_active.push_back(&statement);
    return statement;
}

QVariant Db::scalar(const QString &sql, const QVariantList &binds)
{
    Query &q = run(sql, binds);
    QVariant v = q.next() ? q.value(0) : QVariant();
    q.finish();
    return v;
}

QVariant Db::updateAndRead(const QString &update, const QVariantList &binds, const QString &returning, const QString &readBack,
                           const QVariantList &readBinds)
{
    if (m_dialect.returningPays()) return scalar(update + QStringLiteral(" RETURNING ") + returning, binds);
    Query &q = run(update, binds);
    const bool updated = q.numRowsAffected() > 0;
    q.finish();
    return updated ? scalar(readBack, readBinds) : QVariant();
}

qint64 Db::insert(const QString &sql, const QVariantList &binds)
{
    // SQLite gathers RETURNING's rows in a temporary b-tree opened for each run
    // (a few percent of the writer's instructions); the row id is at hand.
    if (!m_dialect.returningPays()) {
        Query &q = run(sql, binds);
        const qint64 id = q.numRowsAffected() > 0 ? sqlite3_last_insert_rowid(m_sqlite) : 0;
        q.finish();
        return id;
    }
    Query &q = run(sql + QStringLiteral(" RETURNING id"), binds);
    const qint64 id = q.next() ? q.integer(0) : 0;
    q.finish();
    return id;
}

namespace {
const QString kReserveIdsSql = QStringLiteral("SELECT nextval(pg_get_serial_sequence(?, 'id')) AS id FROM generate_series(1, CAST(? AS INTEGER)) ORDER BY 1");
}

QList<qint64> Db::reserveIds(const QString &table, int count)
{
    QList<qint64> ids;
    if (!m_dialect.isPostgres() || count <= 0) return ids;
    ids.reserve(count);
    Query &q = run(kReserveIdsSql, {Dialect::quote(table), count});
    while (q.next()) ids.append(q.integer(0));
    q.finish();
    return ids;
}

QList<qint64> distinctIds(const QList<qint64> &ids)
{
    QList<qint64> out;
    for (const qint64 id : ids)
        if (!out.contains(id)) out << id;
    return out;
}

// forEachRowOfIds' one statement for all ids, when it has one.
std::optional<std::pair<QString, QVariantList>> Db::statementOfIds(const QString &sql, const QString &column, const QVariantList &binds,
                                                                   const QList<qint64> &distinct) const
{
    if (distinct.size() < 2 || !m_dialect.batchesKeyedReads()) return std::nullopt;
    QVariantList all = binds;
    all << m_dialect.idList(distinct);
    return std::make_pair(sql.arg(m_dialect.inIdList(column)), all);
}

void Db::forEachRowOfIds(const QString &sql, const QString &column, const QVariantList &binds, const QList<qint64> &ids,
                         const std::function<void(Query &)> &row)
{
    const auto read = [&](const QString &statement, const QVariantList &values) {
        Query &q = run(statement, values);
        while (q.next()) row(q);
        q.finish();
    };
    const QList<qint64> distinct = distinctIds(ids);
    if (const auto all = statementOfIds(sql, column, binds, distinct)) {
        read(all->first, all->second);
        return;
    }
    for (const qint64 id : distinct) read(sql.arg(column + QStringLiteral(" = ?")), QVariantList(binds) << id);
}

void Db::prefetchRowsOfIds(const QString &sql, const QString &column, const QVariantList &binds, const QList<qint64> &ids)
{
    if (const auto all = statementOfIds(sql, column, binds, distinctIds(ids))) prefetch(all->first, all->second);
}

void Db::runUnread(const QString &sql, const QVariantList &binds)
{
    if (m_sqlite) {
        run(sql, binds).finish();
        return;
    }
    QElapsedTimer timer;
    if (StatementProfile::enabled()) timer.start();
    static_cast<PgQuery &>(prepared(sql)).send(binds);
    if (timer.isValid()) StatementProfile::record(sql, timer.nsecsElapsed());
}

void Db::prefetch(const QString &sql, const QVariantList &binds)
{
    if (m_pipeline) static_cast<PgQuery &>(prepared(sql)).prefetch(binds);
}

void Db::reserveIdsAhead(const QString &table, int count)
{
    if (count > 0) prefetch(kReserveIdsSql, {Dialect::quote(table), count});
}

void Db::flushUnread()
{
    if (m_pipeline) m_pipeline->drain();
}

void Db::exec(const QString &sql)
{
    checkTransactionAlive();
    flushUnread();
    QElapsedTimer timer;
    if (StatementProfile::enabled()) timer.start();
    if (m_sqlite) {
        const int rc = sqlite3_exec(m_sqlite, sql.toUtf8().constData(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) throw sqliteError(m_sqlite, rc, sql);
    } else {
        PQclear(checkedResult(m_pg, PQexec(m_pg, sql.toUtf8().constData()), sql));
    }
    if (timer.isValid()) StatementProfile::record(sql, timer.nsecsElapsed());
}

void Db::control(const QString &sql)
{
    if (!m_sqlite) {
        exec(sql);
        return;
    }
    // Prepared once: these run several times per batch, and parsing them each
    // time was a visible share of the writer's time.
    QElapsedTimer timer;
    if (StatementProfile::enabled()) timer.start();
    auto &statement = static_cast<SqliteQuery &>(prepared(sql));
    statement.exec({});
    statement.finish();
    if (timer.isValid()) StatementProfile::record(sql, timer.nsecsElapsed());
}

// On PostgreSQL BEGIN goes out with the transaction's first statement, and
// COMMIT with what is still unread: a round trip fewer each.
void Db::begin(bool write)
{
    if (m_config.backend == Backend::Sqlite) {
        control(write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    } else {
        if (m_pipeline) m_pipeline->nextTransaction();
        runUnread(write ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    }
    m_inTransaction = true;
}

void Db::commit()
{
    finishQueries();
    checkTransactionAlive();
    m_inTransaction = false;
    if (m_pipeline) {
        m_pipeline->nextTransaction();
        run(QStringLiteral("COMMIT")).finish();
        m_active.clear();
        return;
    }
    control(QStringLiteral("COMMIT"));
}

qint64 Db::takePagesWritten()
{
    if (!m_sqlite) return 0;
    int current = 0, highest = 0;
    sqlite3_db_status(m_sqlite, SQLITE_DBSTATUS_CACHE_WRITE, &current, &highest, 1);
    return current;
}

void Db::rollback()
{
    finishQueries();
    if (m_pipeline) {
        m_pipeline->drain(false); // undone anyway
        m_pipeline->nextTransaction();
    }
    m_inTransaction = false;
    control(QStringLiteral("ROLLBACK"));
}

// On PostgreSQL these go out with the job's first statement (savepoint) or
// the next job's (release): two round trips fewer per call.
void Db::savepoint(const QString &name)
{
    if (m_pipeline) runUnread(QStringLiteral("SAVEPOINT ") + name);
    else control(QStringLiteral("SAVEPOINT ") + name);
}

void Db::releaseSavepoint(const QString &name)
{
    if (m_pipeline) runUnread(QStringLiteral("RELEASE SAVEPOINT ") + name);
    else control(QStringLiteral("RELEASE SAVEPOINT ") + name);
}

void Db::rollbackToSavepoint(const QString &name)
{
    finishQueries();
    if (m_pipeline) {
        m_pipeline->drain(false); // undone anyway
        m_pipeline->nextTransaction(); // and so are reads sent ahead since
    }
    control(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name);
}

void Db::finishQueries()
{
    for (Query *q : m_active) q->finish();
    m_active.clear();
}

} // namespace liuhe::store
