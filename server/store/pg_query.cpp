#include "store/pg_query.h"

#include "store/pg_pipeline.h"

#include <QDateTime>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <libpq-fe.h>

namespace liuhe::store {

namespace {

// Type OIDs of the result columns we read as numbers (catalog/pg_type.h, which
// libpq's headers do not ship).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

QByteArray statementName()
{
    static std::atomic<quint64> next{0};
    return QByteArrayLiteral("lh_") + QByteArray::number(++next);
}

bool isIntegral(const char *digits) { return !std::strpbrk(digits, ".eE"); }

} // namespace

StoreError postgresError(const QString &sqlState, const QString &message, bool connectionLost, const QString &context)
{
    const QString text = context + QStringLiteral(": ") + message;
    using K = StoreError::Kind;
    if (sqlState == QLatin1String("40001") || sqlState == QLatin1String("40P01") || sqlState == QLatin1String("55P03"))
        return StoreError(K::Retryable, text, sqlState);
    if (sqlState.startsWith(QLatin1String("23"))) return StoreError(K::Constraint, text, sqlState);
    if (sqlState == QLatin1String("53100") || sqlState == QLatin1String("53200")) return StoreError(K::Full, text, sqlState);
    if (sqlState.startsWith(QLatin1String("08")) || sqlState.startsWith(QLatin1String("57P")) || sqlState.isEmpty() || connectionLost)
        return StoreError(K::ConnectionLost, text, sqlState);
    return StoreError(K::Other, text, sqlState);
}

StoreError postgresError(::pg_conn *conn, const ::pg_result *result, const QString &context)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char *message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
    return postgresError(QString::fromLatin1(state ? state : ""), QString::fromUtf8(message).trimmed(), PQstatus(conn) != CONNECTION_OK, context);
}

PGresult *checkedResult(PGconn *conn, PGresult *result, const QString &context)
{
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
    const StoreError error = postgresError(conn, result, context);
    PQclear(result);
    throw error;
}

QByteArray numberedPlaceholders(const QString &sql, int *count)
{
    QString out;
    out.reserve(sql.size() + 16);
    int n = 0;
    QChar quote; // inside '…' or "…" when not null
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote) quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'?') {
            out += u'$' + QString::number(++n);
            continue;
        }
        out += c;
    }
    if (count) *count = n;
    return out.toUtf8();
}

PgQuery::PgQuery(::pg_conn *conn, PgPipeline *pipeline, const QString &sql)
    : m_conn(conn), m_pipeline(pipeline), m_sql(sql), m_name(statementName())
{
    const QByteArray text = numberedPlaceholders(sql, &m_params);
    PQclear(checkedResult(m_conn, PQprepare(m_conn, m_name.constData(), text.constData(), m_params, nullptr), QStringLiteral("prepare ") + sql));
}

// The statement lives as long as the session; the cache drops it only when the
// connection goes.
PgQuery::~PgQuery()
{
    PQclear(m_result);
    PQclear(m_prefetch.result);
}

void PgQuery::checkParamCount(const QVariantList &binds) const
{
    if (binds.size() != m_params)
        throw StoreError(StoreError::Kind::Other, m_sql + QStringLiteral(": %1 values for %2 parameters").arg(binds.size()).arg(m_params), QStringLiteral("08P01"));
}

void PgQuery::send(const QVariantList &binds)
{
    finish();
    checkParamCount(binds);
    m_pipeline->send(m_name, m_sql, PgParams(binds));
}

void PgQuery::prefetch(const QVariantList &binds)
{
    if (m_prefetch.pending) return; // one at a time: a second one runs when read
    checkParamCount(binds);
    PQclear(m_prefetch.result);
    m_prefetch.result = nullptr;
    m_prefetch.binds = binds;
    m_prefetch.transaction = m_pipeline->transaction();
    m_pipeline->send(m_name, m_sql, PgParams(binds), &m_prefetch);
}

::pg_result *PgQuery::takePrefetched(const QVariantList &binds)
{
    if (!m_prefetch.pending && !m_prefetch.result) return nullptr;
    // Its round trip is this read's: what it throws is this read's error.
    if (m_prefetch.pending) m_pipeline->drain();
    ::pg_result *result = m_prefetch.result;
    m_prefetch.result = nullptr;
    if (result && m_prefetch.transaction == m_pipeline->transaction() && m_prefetch.binds == binds) return result;
    PQclear(result);
    return nullptr;
}

void PgQuery::exec(const QVariantList &binds)
{
    finish();
    checkParamCount(binds);
    ::pg_result *result = takePrefetched(binds);
    const PgParams p(result ? QVariantList() : binds);
    if (!result)
        result = m_pipeline->pending()
            ? m_pipeline->sendLast(m_name, m_sql, p)
            : PQexecPrepared(m_conn, m_name.constData(), p.count(), p.values.data(), p.lengths.data(), p.formats.data(), 0);
    m_result = checkedResult(m_conn, result, m_sql);
    m_rows = PQntuples(m_result);
    m_changes = std::atoi(PQcmdTuples(m_result));
    const int columns = PQnfields(m_result);
    m_kinds.resize(size_t(columns));
    for (int c = 0; c < columns; ++c) {
        switch (PQftype(m_result, c)) {
        case kInt8:
        case kInt2:
        case kInt4:
        case kOid: m_kinds[size_t(c)] = Kind::Integer; break;
        case kBool: m_kinds[size_t(c)] = Kind::Boolean; break;
        case kFloat4:
        case kFloat8:
        case kNumeric: m_kinds[size_t(c)] = Kind::Float; break;
        case kBytea: m_kinds[size_t(c)] = Kind::Bytes; break;
        default: m_kinds[size_t(c)] = Kind::Text; break;
        }
    }
}

bool PgQuery::next()
{
    if (!m_result || m_row + 1 >= m_rows) return false;
    ++m_row;
    return true;
}

PgQuery::Kind PgQuery::kindOf(int column) const { return m_kinds[size_t(column)]; }

bool PgQuery::isNull(int column) const { return PQgetisnull(m_result, m_row, column) != 0; }

QVariant PgQuery::value(int column) const
{
    if (isNull(column)) return QVariant(QMetaType::fromType<QString>());
    const char *raw = PQgetvalue(m_result, m_row, column);
    switch (kindOf(column)) {
    case Kind::Integer: return QVariant(qlonglong(std::strtoll(raw, nullptr, 10)));
    case Kind::Boolean: return QVariant(raw[0] == 't');
    case Kind::Float:
        // A sum of integers comes back as numeric: keep it exact.
        if (isIntegral(raw)) return QVariant(qlonglong(std::strtoll(raw, nullptr, 10)));
        return QVariant(std::strtod(raw, nullptr));
    case Kind::Bytes: {
        size_t length = 0;
        unsigned char *bytes = PQunescapeBytea(reinterpret_cast<const unsigned char *>(raw), &length);
        QByteArray out(reinterpret_cast<const char *>(bytes), qsizetype(length));
        PQfreemem(bytes);
        return QVariant(out);
    }
    case Kind::Text: break;
    }
    return QVariant(text(column));
}

qint64 PgQuery::integer(int column) const
{
    if (isNull(column)) return 0;
    const char *raw = PQgetvalue(m_result, m_row, column);
    switch (kindOf(column)) {
    case Kind::Integer: return std::strtoll(raw, nullptr, 10);
    case Kind::Boolean: return raw[0] == 't' ? 1 : 0;
    default: return value(column).toLongLong();
    }
}

QString PgQuery::text(int column) const
{
    if (isNull(column)) return QString();
    return QString::fromUtf8(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column));
}

bool PgQuery::isText(int column) const { return kindOf(column) == Kind::Text && !isNull(column); }

QByteArrayView PgQuery::utf8(int column) const
{
    if (isNull(column)) return {};
    return QByteArrayView(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column));
}

Query::Field PgQuery::field(int column) const
{
    if (isNull(column)) return {};
    if (kindOf(column) == Kind::Text) return {Type::Text, 0, utf8(column)};
    return {Type::Integer, integer(column), {}}; // as cell(): a float or bytes read as a number
}

int PgQuery::columnCount() const { return m_result ? PQnfields(m_result) : 0; }

int PgQuery::numRowsAffected() const { return m_changes; }

void PgQuery::finish()
{
    PQclear(m_result);
    m_result = nullptr;
    m_row = -1;
    m_rows = 0;
}

} // namespace liuhe::store
