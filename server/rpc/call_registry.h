// Every call the server answers, declared once: its name, whether it needs a
// login, the permission it needs (checked by the dispatcher before the handler
// runs; a call that declares none is refused) and its handler.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"

#include <QCborMap>
#include <QHash>
#include <QString>
#include <functional>

namespace liuhe::store {
class Db;
class WriteScope;
} // namespace liuhe::store

namespace liuhe::rpc {

struct ServerContext;
class SessionState;

// The permission a call needs, derived from its arguments.
struct Requirement {
    enum class Kind { Deny, Public, LoggedIn, Entity, Unknown };
    Kind kind = Kind::Deny;
    QString entity;
    QString action;
    QString reason; // why Deny, or what is Unknown

    static Requirement deny(const QString &why) { return {Kind::Deny, {}, {}, why}; }
    // The call names something that does not exist (entity, action, task): a
    // NOT_FOUND for logged-in callers, not a refusal of something real.
    static Requirement unknown(const QString &what) { return {Kind::Unknown, {}, {}, what}; }
    static Requirement publicCall() { return {Kind::Public, {}, {}, {}}; }
    static Requirement loggedIn() { return {Kind::LoggedIn, {}, {}, {}}; }
    static Requirement on(const QString &entity, const QString &action) { return {Kind::Entity, entity, action, {}}; }
};

struct CallInput {
    const auth::Caller &caller;
    const QCborMap &args;
    ServerContext &context;
};

struct CallSpec {
    QString name;
    std::function<Requirement(const QCborMap &args)> requirement;
    // Exactly one of these is set.
    std::function<protocol::Reply(store::Db &, const CallInput &)> read;
    std::function<protocol::Reply(store::WriteScope &, const CallInput &)> write;
    // Calls that orchestrate several steps themselves (login): they call done once.
    std::function<void(ServerContext &, const std::shared_ptr<SessionState> &, const QCborMap &,
                       std::function<void(protocol::Reply)>)>
        custom;
};

class CallRegistry {
public:
    void add(CallSpec spec);
    const CallSpec *find(const QString &name) const;
    QStringList names() const;

private:
    QHash<QString, CallSpec> m_calls;
};

// Helpers for the common requirement of calls taking an "entity" argument.
Requirement entityRequirement(const QCborMap &args, const QString &action);

} // namespace liuhe::rpc
