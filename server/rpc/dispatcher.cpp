#include "rpc/dispatcher.h"

#include "auth/user_loader.h"
#include "domain/chinese_format.h"
#include "server_log.h"
#include "store/db.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSet>

namespace liuhe::rpc {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;

namespace {

void logCall(const auth::Caller &caller, quint64 session, const QString &call, const QElapsedTimer &timer, const Reply &reply)
{
    const bool ok = reply.isOk();
    const log::Level level = ok ? log::Level::Debug : log::Level::Info;
    if (!log::enabled(level)) return;
    log::write(level, {{"session", QString::number(session)},
                       {"user", caller.username},
                       {"call", call},
                       {"ms", QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 2)},
                       {"outcome", ok ? QStringLiteral("ok") : protocol::errorCodeName(reply.error().code())}});
}

} // namespace

namespace {

// What a key was first used with: a replay must carry the same arguments.
QString argumentsHash(const QCborMap &args)
{
    return QString::fromLatin1(QCryptographicHash::hash(QCborValue(args).toCbor(), QCryptographicHash::Sha256).toHex());
}

// What a session whose password must change may still do.
bool allowedBeforePasswordChange(const QString &call)
{
    static const QSet<QString> allowed = {QStringLiteral("auth.change_password"), QStringLiteral("auth.logout"), QStringLiteral("auth.whoami"),
                                          QStringLiteral("events.subscribe"), QStringLiteral("system.ping")};
    return allowed.contains(call);
}

} // namespace

Reply runIdempotent(store::WriteScope &scope, const auth::Caller &caller, const QString &key, const QCborMap &args,
                    const std::function<Reply()> &work)
{
    if (key.isEmpty()) return work();
    if (key.size() > 128) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("idempotency key too long"));
    const QString ikey = QString::number(caller.userId) + u':' + key;
    store::Db &db = scope.db();
    const QString hash = argumentsHash(args);
    {
        store::Query &q = db.run(QStringLiteral("SELECT call, response, args_hash FROM idempotency WHERE ikey = ?"), {ikey});
        if (q.next()) {
            const QString call = q.value(0).toString();
            const QByteArray response = q.value(1).toByteArray();
            const QString storedHash = q.value(2).toString(); // empty for keys stored before migration 4
            q.finish();
            if (call != caller.call) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("idempotency key reused for another call"));
            if (!storedHash.isEmpty() && storedHash != hash)
                return Reply::fail(ErrorCode::BadRequest, QStringLiteral("idempotency key reused with different arguments"));
            QCborMap replayed = QCborValue::fromCbor(response).toMap();
            replayed.insert(QStringLiteral("replayed"), true);
            return QCborValue(replayed);
        }
        q.finish();
    }
    Reply reply = work();
    if (reply.isOk() && scope.effects().answerRead) {
        // A replay must answer as the first call did: the whole answer is stored.
        reply = store::completeAnswer(reply, scope.effects().answerRead(db));
        scope.effects().answerRead = nullptr;
    }
    if (reply.isOk()) {
        QCborMap stored = reply.value().isMap() ? reply.value().toMap() : QCborMap{{QStringLiteral("value"), reply.value()}};
        db.run(QStringLiteral("INSERT INTO idempotency (ikey, user_id, call, response, at, args_hash) VALUES (?, ?, ?, ?, ?, ?)"),
               {ikey, caller.userId, caller.call, QCborValue(stored).toCbor(), toWireDateTime(scope.now()), hash});
    }
    return reply;
}

void Dispatcher::dispatch(const SessionPtr &session, const QString &call, const QCborMap &args, const QString &idempotencyKey, Done done)
{
    const CallSpec *spec = m_context.calls.find(call);
    if (!spec) {
        done(Reply::fail(ErrorCode::UnknownCall, QStringLiteral("unknown call: %1").arg(call.left(64))));
        return;
    }
    const Requirement req = spec->requirement(args);
    if (req.kind != Requirement::Kind::Public) {
        if (!session->isLoggedIn()) {
            done(Reply::fail(ErrorCode::AuthRequired, QStringLiteral("please log in first")));
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (const auto expired = session->expiry(now, m_context.absoluteSessionHours)) {
            done(Reply::fail(ErrorCode::SessionExpired, QStringLiteral("session expired: %1").arg(*expired)));
            session->close(ErrorCode::SessionExpired, *expired);
            return;
        }
        session->touch(now);
        if (session->permissionsStale()) {
            // Roles or grants changed since login: reload before deciding anything.
            const qint64 userId = session->userId();
            m_context.db.read(
                [userId, session](store::Db &db) -> Reply {
                    auto user = auth::loadUserById(db, userId);
                    if (!user || !user->active) return Reply::fail(ErrorCode::SessionExpired, QStringLiteral("account disabled"));
                    session->refresh(*user);
                    return QCborValue(true);
                },
                [this, session, spec, args, idempotencyKey, done](Reply reply) mutable {
                    if (!reply.isOk()) {
                        done(reply);
                        session->close(ErrorCode::SessionExpired, reply.error().message());
                        return;
                    }
                    run(session, *spec, args, idempotencyKey, std::move(done));
                });
            return;
        }
    }
    run(session, *spec, args, idempotencyKey, std::move(done));
}

void Dispatcher::run(const SessionPtr &session, const CallSpec &spec, const QCborMap &args, const QString &idempotencyKey, Done done)
{
    auth::Caller caller = session->caller(spec.name);
    const Requirement req = spec.requirement(args);
    if (session->passwordChangeRequired() && !allowedBeforePasswordChange(spec.name)) {
        refuse(caller, QString(), QStringLiteral("change your password first"), std::move(done));
        return;
    }
    switch (req.kind) {
    case Requirement::Kind::Deny:
        refuse(caller, QString(), req.reason.isEmpty() ? QStringLiteral("not allowed") : req.reason, std::move(done));
        return;
    case Requirement::Kind::Unknown:
        done(Reply::fail(ErrorCode::NotFound, req.reason));
        return;
    case Requirement::Kind::Entity:
        if (!caller.perms().can(req.entity, req.action)) {
            refuse(caller, req.entity, QStringLiteral("no %1 permission on %2").arg(req.action, req.entity), std::move(done));
            return;
        }
        break;
    default:
        break;
    }
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const quint64 sessionId = session->id();
    if (spec.custom) {
        spec.custom(m_context, session, args, [done, caller, sessionId, timer, name = spec.name](Reply reply) {
            logCall(caller, sessionId, name, *timer, reply);
            done(std::move(reply));
        });
        return;
    }
    auto shared = std::make_shared<std::pair<auth::Caller, QCborMap>>(caller, args);
    if (spec.read) {
        auto handler = spec.read;
        m_context.db.read(
            [this, shared, handler](store::Db &db) { return handler(db, CallInput{shared->first, shared->second, m_context}); },
            [done, shared, sessionId, timer, name = spec.name](Reply reply) {
                logCall(shared->first, sessionId, name, *timer, reply);
                done(std::move(reply));
            });
        return;
    }
    auto handler = spec.write;
    m_context.db.write(
        [this, shared, handler, idempotencyKey](store::WriteScope &scope) {
            return runIdempotent(scope, shared->first, idempotencyKey, shared->second,
                                 [&] { return handler(scope, CallInput{shared->first, shared->second, m_context}); });
        },
        [this, done, shared, sessionId, timer, name = spec.name](Reply reply, store::WriteEffects effects) {
            if (effects.permissionsChanged) m_context.hub.markAllPermissionsStale();
            for (qint64 user : effects.endSessionsOf)
                m_context.hub.closeUserSessions(user, 0, QStringLiteral("account changed by an administrator"));
            logCall(shared->first, sessionId, name, *timer, reply);
            // Told before the answer goes out: whoever hears the answer and then
            // asks anything hears of the change first.
            m_context.hub.publish(effects);
            done(std::move(reply));
        });
}

void Dispatcher::refuse(const auth::Caller &caller, const QString &entity, const QString &reason, Done done)
{
    log::write(log::Level::Info, {{"user", caller.username}, {"call", caller.call}, {"outcome", QStringLiteral("PERMISSION_DENIED")}, {"msg", reason}});
    // The refusal is audited before it is answered, so the log is complete.
    m_context.db.write(
        [caller, entity](store::WriteScope &scope) -> Reply {
            scope.audit(store::AuditEntry{caller.userId, caller.call, entity, 0, {}, QStringLiteral("PERMISSION_DENIED"), caller.peer});
            return QCborValue(true);
        },
        [done, reason](Reply, store::WriteEffects) { done(Reply::fail(ErrorCode::PermissionDenied, reason)); });
}

} // namespace liuhe::rpc
