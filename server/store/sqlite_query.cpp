#include "store/sqlite_query.h"

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <sqlite3.h>

namespace liuhe::store {


StoreError sqliteError(::sqlite3 *db, int rc, const QString &context)
{
    const QString message = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    const QString text = context + QStringLiteral(": ") + message;
    const QString code = QString::number(rc);
    using K = StoreError::Kind;
    switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreError(K::Retryable, text, code);
    case SQLITE_FULL: return StoreError(K::Full, text, code);
    case SQLITE_IOERR:
        // A failed write is almost always a full disk or quota; reads of a
        // damaged file say so differently.
        return StoreError(message.contains(QLatin1String("disk"), Qt::CaseInsensitive) ? K::Full : K::Other, text, code);
    case SQLITE_CONSTRAINT: return StoreError(K::Constraint, text, code);
    default: return StoreError(K::Other, text, code);
    }
}

SqliteQuery::SqliteQuery(::sqlite3 *db, const QString &sql) : m_db(db), m_sql(sql)
{
    const QByteArray utf8 = sql.toUtf8();
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, &tail);
    if (rc != SQLITE_OK) throw sqliteError(m_db, rc, QStringLiteral("prepare ") + sql);
    if (tail && QByteArray(tail).trimmed().size() > 0) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        throw StoreError(StoreError::Kind::Other, QStringLiteral("prepare ") + sql + QStringLiteral(": more than one statement"), QString::number(SQLITE_MISUSE));
    }
}

SqliteQuery::~SqliteQuery() { sqlite3_finalize(m_stmt); }

void SqliteQuery::bind(int index, const QVariant &v)
{
    int rc = SQLITE_OK;
    if (isSqlNull(v)) rc = sqlite3_bind_null(m_stmt, index);
    else {
        switch (v.typeId()) {
        case QMetaType::QString: {
            const QByteArray utf8 = static_cast<const QString *>(v.constData())->toUtf8();
            rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QByteArray: {
            const QByteArray *bytes = static_cast<const QByteArray *>(v.constData());
            rc = sqlite3_bind_blob(m_stmt, index, bytes->constData(), int(bytes->size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::Int:
        case QMetaType::Bool:
        case QMetaType::UInt:
        case QMetaType::LongLong: rc = sqlite3_bind_int64(m_stmt, index, v.toLongLong()); break;
        case QMetaType::Double: rc = sqlite3_bind_double(m_stmt, index, v.toDouble()); break;
        case QMetaType::QDateTime: {
            const QByteArray utf8 = v.toDateTime().toString(Qt::ISODateWithMs).toUtf8();
            rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray utf8 = v.toString().toUtf8();
            rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
            break;
        }
        }
    }
    if (rc != SQLITE_OK) throw sqliteError(m_db, rc, QStringLiteral("bind ") + m_sql);
}

void SqliteQuery::exec(const QVariantList &binds)
{
    sqlite3_reset(m_stmt);
    m_hasRow = m_rowPending = false;
    const int expected = sqlite3_bind_parameter_count(m_stmt);
    if (expected != binds.size())
        throw StoreError(StoreError::Kind::Other, m_sql + QStringLiteral(": %1 values for %2 parameters").arg(binds.size()).arg(expected), QString::number(SQLITE_RANGE));
    for (int i = 0; i < expected; ++i) bind(i + 1, binds[i]);
    step();
    m_rowPending = m_hasRow;
    m_changes = sqlite3_changes(m_db);
}

void SqliteQuery::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_hasRow = true;
        return;
    }
    m_hasRow = false;
    if (rc == SQLITE_DONE) return;
    // The error code of the step; reset so the statement can run again.
    const StoreError error = sqliteError(m_db, rc, m_sql);
    sqlite3_reset(m_stmt);
    throw error;
}

bool SqliteQuery::next()
{
    if (m_rowPending) {
        m_rowPending = false;
        return true;
    }
    if (!m_hasRow) return false;
    step();
    return m_hasRow;
}

QVariant SqliteQuery::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: return QVariant(qlonglong(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT: return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_NULL: return QVariant(QMetaType::fromType<QString>());
    case SQLITE_BLOB: {
        const void *data = sqlite3_column_blob(m_stmt, column);
        return QVariant(QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column)));
    }
    default: return QVariant(text(column));
    }
}

bool SqliteQuery::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

qint64 SqliteQuery::integer(int column) const
{
    // Numbers stored as text (a hand-edited store) convert as QVariant would.
    if (sqlite3_column_type(m_stmt, column) == SQLITE_TEXT) return text(column).toLongLong();
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteQuery::text(int column) const
{
    const auto *chars = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return chars ? QString::fromUtf8(chars, sqlite3_column_bytes(m_stmt, column)) : QString();
}

Query::Field SqliteQuery::field(int column) const
{
    // One column call; the value_* reads after it skip the per-call checks of column_*.
    sqlite3_value *v = sqlite3_column_value(m_stmt, column);
    switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: return {};
    case SQLITE_INTEGER: return {Type::Integer, sqlite3_value_int64(v), {}};
    case SQLITE_TEXT: {
        const auto *chars = reinterpret_cast<const char *>(sqlite3_value_text(v));
        return {Type::Text, 0, QByteArrayView(chars, sqlite3_value_bytes(v))};
    }
    default: return {Type::Integer, integer(column), {}}; // as cell(): a float or blob reads as a number
    }
}

QByteArrayView SqliteQuery::utf8(int column) const
{
    const auto *chars = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return chars ? QByteArrayView(chars, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

bool SqliteQuery::isText(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_TEXT; }

int SqliteQuery::columnCount() const { return sqlite3_column_count(m_stmt); }

int SqliteQuery::numRowsAffected() const { return m_changes; }

void SqliteQuery::finish()
{
    sqlite3_reset(m_stmt);
    m_hasRow = m_rowPending = false;
}

} // namespace liuhe::store
