#include "store/pg_pipeline.h"

#include "store/pg_query.h"
#include "store/store_error.h"

#include <QDateTime>
#include <libpq-fe.h>
#include <optional>

namespace liuhe::store {

PgParams::PgParams(const QVariantList &binds)
    : storage(size_t(binds.size())), values(size_t(binds.size()), nullptr), lengths(size_t(binds.size()), 0), formats(size_t(binds.size()), 0)
{
    for (qsizetype i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds[i];
        if (isSqlNull(v)) continue;
        QByteArray &bytes = storage[size_t(i)];
        switch (v.typeId()) {
        case QMetaType::QString: bytes = static_cast<const QString *>(v.constData())->toUtf8(); break;
        case QMetaType::QByteArray:
            bytes = *static_cast<const QByteArray *>(v.constData());
            formats[size_t(i)] = 1; // as is: bytea, or text already in UTF-8
            break;
        case QMetaType::Bool: bytes = v.toBool() ? QByteArrayLiteral("1") : QByteArrayLiteral("0"); break;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong: bytes = QByteArray::number(v.toLongLong()); break;
        case QMetaType::Double: bytes = QByteArray::number(v.toDouble(), 'g', 17); break;
        case QMetaType::QDateTime: bytes = v.toDateTime().toString(Qt::ISODateWithMs).toUtf8(); break;
        default: bytes = v.toString().toUtf8(); break;
        }
        values[size_t(i)] = bytes.constData();
        lengths[size_t(i)] = int(bytes.size());
    }
}

namespace {

StoreError lost(::pg_conn *conn, const QString &context)
{
    return postgresError(QString(), QString::fromUtf8(PQerrorMessage(conn)).trimmed(), true, context);
}

} // namespace

void PgPipeline::send(const QByteArray &name, const QString &sql, const PgParams &params, PgPrefetch *into)
{
    // The connection blocks: with too many results unread, PostgreSQL could
    // stop reading while its answers wait for us (a search index rebuilt is
    // thousands of inserts in a row).
    constexpr size_t kMostUnread = 256;
    if (m_unread.size() >= kMostUnread) drain();
    if (m_unread.empty() && PQpipelineStatus(m_conn) == PQ_PIPELINE_OFF && PQenterPipelineMode(m_conn) != 1)
        throw lost(m_conn, QStringLiteral("pipeline mode: ") + sql);
    m_unread.push_back({sql, into}); // before sending: a failed send is still read back by sync()
    if (PQsendQueryPrepared(m_conn, name.constData(), params.count(), params.values.data(), params.lengths.data(), params.formats.data(), 0) != 1) {
        m_unread.pop_back();
        drain(false);
        throw lost(m_conn, sql);
    }
    if (into) into->pending = true;
}

::pg_result *PgPipeline::sendLast(const QByteArray &name, const QString &sql, const PgParams &params)
{
    if (PQsendQueryPrepared(m_conn, name.constData(), params.count(), params.values.data(), params.lengths.data(), params.formats.data(), 0) != 1) {
        drain(false);
        throw lost(m_conn, sql);
    }
    return sync(true, true);
}

void PgPipeline::drain(bool throwErrors)
{
    if (m_unread.empty()) return;
    sync(false, throwErrors);
}

// One Sync for everything sent, then the results in order: each statement's
// (ended by a null), the last one's if wanted, and the Sync's own. After the
// first error PostgreSQL skips the rest up to the Sync (PGRES_PIPELINE_ABORTED).
::pg_result *PgPipeline::sync(bool withLast, bool throwErrors)
{
    std::optional<StoreError> error;
    ::pg_result *last = nullptr;
    bool inStep = PQpipelineSync(m_conn) == 1;
    for (const Pending &p : m_unread) if (p.into) p.into->pending = false;
    for (size_t i = 0; inStep && i < m_unread.size(); ++i) {
        PgPrefetch *into = m_unread[i].into;
        while (::pg_result *r = PQgetResult(m_conn)) {
            const ExecStatusType s = PQresultStatus(r);
            const bool ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
            if (!error && !ok && s != PGRES_PIPELINE_ABORTED) error = postgresError(m_conn, r, m_unread[i].sql);
            if (into && ok && !into->result) into->result = r;
            else PQclear(r);
        }
    }
    if (inStep && withLast) {
        while (::pg_result *r = PQgetResult(m_conn)) {
            if (!last) last = r;
            else PQclear(r);
        }
    }
    if (inStep) {
        ::pg_result *s = PQgetResult(m_conn);
        inStep = s && PQresultStatus(s) == PGRES_PIPELINE_SYNC;
        PQclear(s);
    }
    m_unread.clear();
    if (!inStep || PQexitPipelineMode(m_conn) != 1) {
        PQclear(last);
        throw lost(m_conn, QStringLiteral("pipeline sync"));
    }
    if (error && (throwErrors || error->kind() == StoreError::Kind::ConnectionLost)) {
        PQclear(last);
        throw *error;
    }
    return last;
}

} // namespace liuhe::store
