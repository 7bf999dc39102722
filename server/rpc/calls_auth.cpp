// Login, logout and passwords. Password hashing runs on the CPU pool; the store
// is read before and written after, so no store thread waits on argon2id.
#include "rpc/calls.h"

#include "auth/login_throttle.h"
#include "auth/password_hash.h"
#include "auth/user_loader.h"
#include "domain/chinese_format.h"
#include "rpc/server_context.h"
#include "rpc/session_state.h"
#include "server_log.h"
#include "store/db.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::rpc {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;

namespace {

using Done = std::function<void(Reply)>;

// Verified against when the login name is unknown, so both cases cost the same.
const QString &dummyHash()
{
    static const QString hash = auth::hashPassword(auth::randomToken(16));
    return hash;
}

Reply failedLogin() { return Reply::fail(ErrorCode::AuthFailed, QStringLiteral("wrong user name or password")); }

Reply throttled(int seconds)
{
    return Reply(CallError(ErrorCode::AuthThrottled, QStringLiteral("too many failed logins; try again later"), {},
                           QCborMap{{QStringLiteral("retry_after_s"), seconds}}));
}

struct LoginLookup {
    std::optional<auth::LoadedUser> user;
    QString hash;
    auth::ThrottleState throttle;
};

QCborMap sessionInfo(const auth::LoadedUser &user, const QString &token, const ServerContext &ctx)
{
    QCborMap info;
    info.insert(QStringLiteral("user_id"), user.id);
    info.insert(QStringLiteral("username"), user.username);
    info.insert(QStringLiteral("name"), user.name);
    info.insert(QStringLiteral("department_id"), user.departmentId);
    info.insert(QStringLiteral("token"), token);
    info.insert(QStringLiteral("permissions"), user.permissions->toCbor());
    info.insert(QStringLiteral("must_change_password"), user.mustChangePassword);
    info.insert(QStringLiteral("password_expired"),
                ctx.passwordPolicy.expired(fromWireDateTime(user.passwordChangedAt), QDateTime::currentDateTimeUtc()));
    info.insert(QStringLiteral("backend"), ctx.backendName);
    return info;
}

void finishLogin(ServerContext &ctx, const SessionPtr &session, const QString &login, std::shared_ptr<LoginLookup> lookup,
                 bool verified, const QString &password, Done done)
{
    const QString peer = session->peer();
    const bool ok = verified && lookup->user && lookup->user->active;
    // Only the right password learns that the account is disabled; a wrong one reads as any other.
    const bool disabled = verified && lookup->user && !lookup->user->active;
    ctx.db.write(
        [login, lookup, ok, disabled, peer, password](store::WriteScope &scope) -> Reply {
            const qint64 userId = lookup->user ? lookup->user->id : 0;
            if (disabled) {
                scope.audit(store::AuditEntry{userId, QStringLiteral("auth.login"), QStringLiteral("user"), userId,
                                              QCborMap{{QStringLiteral("login"), login.left(64)}}, QStringLiteral("ACCOUNT_DISABLED"), peer});
                return QCborValue(false);
            }
            if (!ok) {
                auth::recordAccountFailure(scope.db(), login, scope.now());
                scope.audit(store::AuditEntry{userId, QStringLiteral("auth.login"), QStringLiteral("user"), userId,
                                              QCborMap{{QStringLiteral("login"), login.left(64)}}, QStringLiteral("AUTH_FAILED"), peer});
                return QCborValue(false); // an error reply would roll the failure record back
            }
            auth::recordAccountSuccess(scope.db(), login);
            if (auth::needsRehash(lookup->hash))
                scope.db().run(QStringLiteral("UPDATE user_secret SET password_hash = ? WHERE user_id = ?"), {auth::hashPassword(password), userId});
            scope.audit(store::AuditEntry{userId, QStringLiteral("auth.login"), QStringLiteral("user"), userId, {}, QStringLiteral("ok"), peer});
            return QCborValue(true);
        },
        [&ctx, session, lookup, ok, disabled, peer, done](Reply reply, store::WriteEffects) {
            if (disabled && reply.isOk()) {
                done(Reply::fail(ErrorCode::AccountDisabled, QStringLiteral("this account is disabled")));
                return;
            }
            if (!ok || !reply.isOk()) {
                ctx.addressThrottle.failure(peer, QDateTime::currentDateTimeUtc());
                done(reply.isOk() ? failedLogin() : reply);
                return;
            }
            ctx.addressThrottle.success(peer);
            const QString token = auth::randomToken(16);
            session->login(*lookup->user, token, QDateTime::currentDateTimeUtc());
            session->setPasswordChangeRequired(lookup->user->mustChangePassword ||
                                               ctx.passwordPolicy.expired(fromWireDateTime(lookup->user->passwordChangedAt), QDateTime::currentDateTimeUtc()));
            ctx.hub.loggedIn(session);
            log::write(log::Level::Info, {{"session", QString::number(session->id())}, {"user", lookup->user->username},
                                          {"call", QStringLiteral("auth.login")}, {"outcome", QStringLiteral("ok")}});
            done(sessionInfo(*lookup->user, token, ctx));
            for (const auto &hook : ctx.loginHooks) hook(session);
        });
}

void auditThrottled(ServerContext &ctx, qint64 userId, const QString &peer, const QString &login, int seconds, const Done &done)
{
    ctx.db.write(
        [userId, peer, login](store::WriteScope &scope) -> Reply {
            scope.audit(store::AuditEntry{userId, QStringLiteral("auth.login"), QStringLiteral("user"), userId,
                                          QCborMap{{QStringLiteral("login"), login}}, QStringLiteral("AUTH_THROTTLED"), peer});
            return QCborValue(true);
        },
        [done, seconds](Reply, store::WriteEffects) { done(throttled(seconds)); });
}

// One attempt, run when the gates let it: throttles are read only now, so an
// attempt that waited sees the failures of those before it.
void attemptLogin(ServerContext &ctx, const SessionPtr &session, const QString &login, const QString &password, Done done)
{
    const auth::ThrottleState byAddress = ctx.addressThrottle.check(session->peer(), QDateTime::currentDateTimeUtc());
    if (byAddress.blocked) {
        done(throttled(byAddress.retryAfterSeconds));
        return;
    }
    auto lookup = std::make_shared<LoginLookup>();
    ctx.db.read(
        [login, lookup](store::Db &db) -> Reply {
            lookup->throttle = auth::accountThrottle(db, login, QDateTime::currentDateTimeUtc());
            lookup->user = auth::loadUserByName(db, login);
            if (lookup->user) lookup->hash = auth::passwordHashOf(db, lookup->user->id);
            return QCborValue(true);
        },
        [&ctx, session, login, password, lookup, done](Reply reply) {
            if (!reply.isOk()) {
                done(reply);
                return;
            }
            if (lookup->throttle.blocked) {
                auditThrottled(ctx, lookup->user ? lookup->user->id : 0, session->peer(), login, lookup->throttle.retryAfterSeconds, done);
                return;
            }
            ctx.cpu.post([&ctx, session, login, password, lookup, done] {
                const QString &hash = lookup->hash.isEmpty() ? dummyHash() : lookup->hash;
                const bool verified = auth::verifyPassword(hash, password) && !lookup->hash.isEmpty();
                finishLogin(ctx, session, login, lookup, verified, password, done);
            });
        });
}

void login(ServerContext &ctx, const SessionPtr &session, const QCborMap &args, Done done)
{
    const QString login = args.value(QStringLiteral("username")).toString().trimmed().toLower().left(64);
    const QString password = args.value(QStringLiteral("password")).toString();
    if (login.isEmpty() || password.isEmpty() || password.size() > 256) {
        done(failedLogin());
        return;
    }
    if (session->isLoggedIn()) {
        done(Reply::fail(ErrorCode::BadRequest, QStringLiteral("already logged in")));
        return;
    }
    const QString peer = session->peer();
    // Gates: the login name first, then the address, so nobody holding an address
    // slot ever waits for a name. Each is left once the attempt has answered.
    const bool queued = ctx.loginsByName.enter(login, [&ctx, session, login, password, peer, done] {
        const Done leaveName = [&ctx, login, done](Reply r) {
            ctx.loginsByName.leave(login);
            done(std::move(r));
        };
        const bool admitted = ctx.loginsByAddress.enter(peer, [&ctx, session, login, password, peer, leaveName] {
            attemptLogin(ctx, session, login, password, [&ctx, peer, leaveName](Reply r) {
                ctx.loginsByAddress.leave(peer);
                leaveName(std::move(r));
            });
        });
        if (!admitted) auditThrottled(ctx, 0, peer, login, 1, leaveName);
    });
    if (!queued) auditThrottled(ctx, 0, peer, login, 1, done);
}

void logout(ServerContext &ctx, const SessionPtr &session, const QCborMap &, Done done)
{
    const qint64 userId = session->userId();
    const QString peer = session->peer();
    ctx.db.write(
        [userId, peer](store::WriteScope &scope) -> Reply {
            scope.audit(store::AuditEntry{userId, QStringLiteral("auth.logout"), QStringLiteral("user"), userId, {}, QStringLiteral("ok"), peer});
            return QCborValue(true);
        },
        [&ctx, session, userId, done](Reply, store::WriteEffects) {
            session->logout();
            ctx.hub.loggedOut(session->id());
            ctx.hub.closeUserSessions(userId, session->id(), QStringLiteral("logged out"));
            done(QCborMap{{QStringLiteral("logged_out"), true}});
        });
}

// Hashes on the CPU pool, then stores the hash and ends the user's other sessions.
void storeNewPassword(ServerContext &ctx, const auth::Caller &caller, qint64 userId, const QString &password, bool mustChange,
                      quint64 keepSession, Done done)
{
    ctx.cpu.post([&ctx, caller, userId, password, mustChange, keepSession, done] {
        const QString hash = auth::hashPassword(password);
        ctx.db.write(
            [caller, userId, hash, mustChange](store::WriteScope &scope) -> Reply {
                store::Db &db = scope.db();
                const QString now = toWireDateTime(scope.now());
                if (!db.scalar(QStringLiteral("SELECT id FROM \"user\" WHERE id = ?"), {userId}).isValid())
                    return Reply::fail(ErrorCode::NotFound, QStringLiteral("no such user"));
                if (db.scalar(QStringLiteral("SELECT user_id FROM user_secret WHERE user_id = ?"), {userId}).isValid())
                    db.run(QStringLiteral("UPDATE user_secret SET password_hash = ?, changed_at = ? WHERE user_id = ?"), {hash, now, userId});
                else
                    db.run(QStringLiteral("INSERT INTO user_secret (user_id, password_hash, changed_at) VALUES (?, ?, ?)"), {userId, hash, now});
                db.run(QStringLiteral("UPDATE \"user\" SET password_changed_at = ?, must_change_password = ?, version = version + 1 WHERE id = ?"),
                       {now, mustChange ? 1 : 0, userId});
                scope.audit(store::AuditEntry{caller.userId, caller.call, QStringLiteral("user"), userId,
                                              QCborMap{{QStringLiteral("password"), QStringLiteral("***")}}, QStringLiteral("ok"), caller.peer});
                return QCborMap{{QStringLiteral("changed"), true}};
            },
            [&ctx, userId, keepSession, done](Reply reply, store::WriteEffects) {
                if (reply.isOk()) ctx.hub.closeUserSessions(userId, keepSession, QStringLiteral("password changed"));
                done(std::move(reply));
            });
    });
}

Reply policyError(const QString &problem)
{
    return Reply(CallError(ErrorCode::PasswordPolicy, QStringLiteral("the new password does not meet the policy"),
                           {protocol::FieldProblem{QStringLiteral("password"), problem, {}, 0, {}}}));
}

void changePassword(ServerContext &ctx, const SessionPtr &session, const QCborMap &args, Done done)
{
    const QString oldPassword = args.value(QStringLiteral("old_password")).toString();
    const QString newPassword = args.value(QStringLiteral("new_password")).toString();
    const auth::Caller caller = session->caller(QStringLiteral("auth.change_password"));
    if (const QString problem = ctx.passwordPolicy.check(newPassword, caller.username); !problem.isEmpty()) {
        done(policyError(problem));
        return;
    }
    ctx.db.read([userId = caller.userId](store::Db &db) -> Reply { return QCborValue(auth::passwordHashOf(db, userId)); },
                [&ctx, session, caller, oldPassword, newPassword, done](Reply reply) {
                    if (!reply.isOk()) {
                        done(reply);
                        return;
                    }
                    const QString hash = reply.value().toString();
                    ctx.cpu.post([&ctx, session, caller, hash, oldPassword, newPassword, done] {
                        if (!auth::verifyPassword(hash, oldPassword)) {
                            done(Reply(CallError(ErrorCode::AuthFailed, QStringLiteral("the current password is wrong"),
                                                 {protocol::FieldProblem{QStringLiteral("old_password"), QStringLiteral("wrong"), {}, 0, {}}})));
                            return;
                        }
                        storeNewPassword(ctx, caller, caller.userId, newPassword, false, session->id(), [session, done](Reply r) {
                            if (r.isOk()) session->setPasswordChangeRequired(false);
                            done(std::move(r));
                        });
                    });
                });
}

void setPassword(ServerContext &ctx, const SessionPtr &session, const QCborMap &args, Done done)
{
    const qint64 userId = args.value(QStringLiteral("user_id")).toInteger(0);
    const QString password = args.value(QStringLiteral("password")).toString();
    const bool mustChange = args.value(QStringLiteral("must_change")).toBool(true);
    if (userId <= 0) {
        done(Reply::fail(ErrorCode::BadRequest, QStringLiteral("user_id required")));
        return;
    }
    if (const QString problem = ctx.passwordPolicy.check(password, QString()); !problem.isEmpty()) {
        done(policyError(problem));
        return;
    }
    storeNewPassword(ctx, session->caller(QStringLiteral("auth.set_password")), userId, password, mustChange, 0, done);
}

void whoami(ServerContext &ctx, const SessionPtr &session, const QCborMap &, Done done)
{
    const qint64 userId = session->userId();
    const QString token = session->token();
    ctx.db.read(
        [userId](store::Db &db) -> Reply {
            auto user = auth::loadUserById(db, userId);
            if (!user) return Reply::fail(ErrorCode::NotFound, QStringLiteral("no such user"));
            QCborMap m;
            m.insert(QStringLiteral("user_id"), user->id);
            m.insert(QStringLiteral("username"), user->username);
            m.insert(QStringLiteral("name"), user->name);
            m.insert(QStringLiteral("department_id"), user->departmentId);
            m.insert(QStringLiteral("permissions"), user->permissions->toCbor());
            return m;
        },
        [token, done](Reply reply) {
            if (reply.isOk()) {
                QCborMap m = reply.value().toMap();
                m.insert(QStringLiteral("token"), token);
                done(m);
                return;
            }
            done(reply);
        });
    (void)ctx;
}

} // namespace

void registerAuthCalls(CallRegistry &calls)
{
    calls.add({QStringLiteral("auth.login"), [](const QCborMap &) { return Requirement::publicCall(); }, {}, {}, login});
    calls.add({QStringLiteral("auth.logout"), [](const QCborMap &) { return Requirement::loggedIn(); }, {}, {}, logout});
    calls.add({QStringLiteral("auth.change_password"), [](const QCborMap &) { return Requirement::loggedIn(); }, {}, {}, changePassword});
    calls.add({QStringLiteral("auth.set_password"), [](const QCborMap &) { return Requirement::on(QStringLiteral("user"), QStringLiteral("set_password")); },
               {}, {}, setPassword});
    calls.add({QStringLiteral("auth.whoami"), [](const QCborMap &) { return Requirement::loggedIn(); }, {}, {}, whoami});
}

} // namespace liuhe::rpc
