#include "store/db.h"

#include "store/statement_profile.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <sqlite3.h>

namespace liuhe::store {

Db::Db(const StoreConfig &config, const QString &connectionName, bool readOnly)
    : m_config(config), m_dialect(config.backend), m_name(connectionName), m_readOnly(readOnly)
{
    open();
}

Db::~Db()
{
    m_active.clear();
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

void Db::open()
{
    m_active.clear();
    m_statements.clear();
    m_inTransaction = false;
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    if (m_config.backend == Backend::Sqlite) {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(m_config.sqlitePath);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        m_db.setHostName(m_config.host);
        m_db.setPort(m_config.port);
        m_db.setUserName(m_config.user);
        m_db.setPassword(m_config.password);
        m_db.setDatabaseName(m_config.database);
        m_db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    }
    if (!m_db.open()) throw StoreError(StoreError::Kind::ConnectionLost, m_db.lastError().text(), m_db.lastError().nativeErrorCode());
    m_sqlite = nullptr;
    if (m_config.backend == Backend::Sqlite) {
        const QVariant handle = m_db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) m_sqlite = *static_cast<sqlite3 *const *>(handle.constData());
        configureSqlite();
    } else exec(QStringLiteral("SET synchronous_commit = on"));
}

void Db::configureSqlite()
{
    // WAL lets readers work while the writer commits; FULL fsyncs the WAL at each
    // commit, so an acknowledged write survives power loss.
    exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    exec(QStringLiteral("PRAGMA synchronous = FULL"));
    exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    exec(QStringLiteral("PRAGMA cache_size = -65536"));
    exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    if (m_readOnly) exec(QStringLiteral("PRAGMA query_only = ON"));
}

StoreError Db::classify(const QSqlError &error, const QString &context) const
{
    const QString code = error.nativeErrorCode();
    const QString text = context + QStringLiteral(": ") + error.text();
    using K = StoreError::Kind;
    if (m_config.backend == Backend::Sqlite) {
        // Primary result codes: 5 BUSY, 6 LOCKED, 13 FULL, 10 IOERR, 19 CONSTRAINT.
        const int primary = code.toInt() & 0xFF;
        if (primary == 5 || primary == 6) return StoreError(K::Retryable, text, code);
        if (primary == 13) return StoreError(K::Full, text, code);
        if (primary == 10 && error.text().contains(QLatin1String("disk"), Qt::CaseInsensitive)) return StoreError(K::Full, text, code);
        if (primary == 19) return StoreError(K::Constraint, text, code);
        return StoreError(K::Other, text, code);
    }
    if (code == QLatin1String("40001") || code == QLatin1String("40P01") || code == QLatin1String("55P03"))
        return StoreError(K::Retryable, text, code);
    if (code.startsWith(QLatin1String("23"))) return StoreError(K::Constraint, text, code);
    if (code == QLatin1String("53100") || code == QLatin1String("53200")) return StoreError(K::Full, text, code);
    if (code.startsWith(QLatin1String("08")) || code.startsWith(QLatin1String("57P")) || code.isEmpty()
        || error.type() == QSqlError::ConnectionError)
        return StoreError(K::ConnectionLost, text, code);
    return StoreError(K::Other, text, code);
}

QSqlQuery &Db::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_shared<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql)) throw classify(q->lastError(), QStringLiteral("prepare ") + sql);
        it = m_statements.insert(sql, q);
    }
    return **it;
}

void Db::checkTransactionAlive()
{
    if (!m_inTransaction || !m_sqlite || !sqlite3_get_autocommit(m_sqlite)) return;
    m_inTransaction = false;
    throw StoreError(StoreError::Kind::Retryable, QStringLiteral("the store rolled the transaction back after an error"), QStringLiteral("autocommit"));
}

QSqlQuery &Db::run(const QString &sql, const QVariantList &binds)
{
    checkTransactionAlive();
    QElapsedTimer timer;
    if (StatementProfile::enabled()) timer.start();
    QSqlQuery &q = prepared(sql);
    q.finish();
    for (qsizetype i = 0; i < binds.size(); ++i) q.bindValue(int(i), binds[i]);
    if (!q.exec()) {
        const StoreError e = classify(q.lastError(), sql);
        q.finish();
        throw e;
    }
    if (timer.isValid()) StatementProfile::record(sql, timer.nsecsElapsed());
    m_active.push_back(&q);
    return q;
}

QVariant Db::scalar(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &q = run(sql, binds);
    QVariant v = q.next() ? q.value(0) : QVariant();
    q.finish();
    return v;
}

qint64 Db::insert(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &q = run(sql + QStringLiteral(" RETURNING id"), binds);
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}

void Db::exec(const QString &sql)
{
    checkTransactionAlive();
    QElapsedTimer timer;
    if (StatementProfile::enabled()) timer.start();
    QSqlQuery q(m_db);
    if (!q.exec(sql)) throw classify(q.lastError(), sql);
    if (timer.isValid()) StatementProfile::record(sql, timer.nsecsElapsed());
}

void Db::begin(bool write)
{
    if (m_config.backend == Backend::Sqlite) exec(write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    else exec(write ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    m_inTransaction = true;
}

void Db::commit()
{
    finishQueries();
    checkTransactionAlive();
    m_inTransaction = false;
    exec(QStringLiteral("COMMIT"));
}

void Db::rollback()
{
    finishQueries();
    m_inTransaction = false;
    exec(QStringLiteral("ROLLBACK"));
}

void Db::savepoint(const QString &name) { exec(QStringLiteral("SAVEPOINT ") + name); }
void Db::releaseSavepoint(const QString &name) { exec(QStringLiteral("RELEASE SAVEPOINT ") + name); }

void Db::rollbackToSavepoint(const QString &name)
{
    finishQueries();
    exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name);
}

void Db::finishQueries()
{
    for (QSqlQuery *q : m_active) q->finish();
    m_active.clear();
}

} // namespace liuhe::store
