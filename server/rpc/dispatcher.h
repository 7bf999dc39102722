// Runs one request: finds the call, checks login, session expiry and the call's
// permission (deny by default, refusals audited), then runs the handler on the
// store (reads on a reader, writes batched on the writer, with idempotency keys)
// and publishes the write's effects after commit.
#pragma once

#include "protocol/reply.h"
#include "rpc/server_context.h"
#include "rpc/session_state.h"

#include <QCborMap>
#include <functional>

namespace liuhe::rpc {

class Dispatcher {
public:
    using Done = std::function<void(protocol::Reply)>;
    explicit Dispatcher(ServerContext &context) : m_context(context) {}

    void dispatch(const SessionPtr &session, const QString &call, const QCborMap &args, const QString &idempotencyKey,
                  Done done);

private:
    void run(const SessionPtr &session, const CallSpec &spec, const QCborMap &args, const QString &idempotencyKey, Done done);
    void refuse(const auth::Caller &caller, const QString &entity, const QString &reason, Done done);

    ServerContext &m_context;
};

// Runs a write with an idempotency key: a repeated key returns the first answer.
protocol::Reply runIdempotent(store::WriteScope &scope, const auth::Caller &caller, const QString &key, const QCborMap &args,
                              const std::function<protocol::Reply()> &work);

} // namespace liuhe::rpc
