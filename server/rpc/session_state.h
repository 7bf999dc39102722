// The state of one client session, shared by the connection (net) and the calls
// it makes (rpc): who is logged in, their permissions, timers, subscriptions.
// Guarded by a mutex: calls complete on store threads.
#pragma once

#include "auth/caller.h"
#include "auth/user_loader.h"
#include "protocol/error_code.h"

#include <QCborMap>
#include <QDateTime>
#include <QSet>
#include <QString>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace liuhe::rpc {

class SessionState {
public:
    using PushFn = std::function<void(const QString &event, const QCborMap &data)>;
    using CloseFn = std::function<void(protocol::ErrorCode code, const QString &reason)>;

    SessionState(quint64 id, QString peer, PushFn push, CloseFn close)
        : m_id(id), m_peer(std::move(peer)), m_push(std::move(push)), m_close(std::move(close)) {}

    quint64 id() const { return m_id; }
    const QString &peer() const { return m_peer; }

    bool isLoggedIn() const;
    qint64 userId() const;
    QString token() const;
    auth::Caller caller(const QString &call) const;
    std::shared_ptr<const auth::PermissionSet> permissions() const;

    void login(const auth::LoadedUser &user, const QString &token, const QDateTime &now);
    void logout();
    void touch(const QDateTime &now);
    // SESSION_EXPIRED reason when idle or absolute limit passed.
    std::optional<QString> expiry(const QDateTime &now, int absoluteHours) const;

    void setPermissions(std::shared_ptr<const auth::PermissionSet> permissions);
    // After roles, grants or the account changed: permissions and department anew.
    void refresh(const auth::LoadedUser &user);
    // Operators and tests may shorten every session's idle limit (seconds; 0 = by role).
    static void setIdleOverrideSeconds(int seconds);
    // Set at login when the password was reset by an administrator or has
    // expired (等保): until it is changed the session may do little else.
    void setPasswordChangeRequired(bool required);
    bool passwordChangeRequired() const;
    void markPermissionsStale();
    bool permissionsStale() const;

    QSet<QString> subscriptions() const;
    void setSubscriptions(const QSet<QString> &entities);

    void push(const QString &event, const QCborMap &data) const { if (m_push) m_push(event, data); }
    void close(protocol::ErrorCode code, const QString &reason) const { if (m_close) m_close(code, reason); }

private:
    const quint64 m_id;
    const QString m_peer;
    PushFn m_push;
    CloseFn m_close;

    mutable std::mutex m_mutex;
    qint64 m_userId = 0;
    QString m_username;
    qint64 m_departmentId = 0;
    QString m_token;
    std::shared_ptr<const auth::PermissionSet> m_permissions;
    bool m_stale = false;
    bool m_passwordChangeRequired = false;
    QDateTime m_loginAt;
    QDateTime m_lastActivity;
    QSet<QString> m_subscriptions;
};

using SessionPtr = std::shared_ptr<SessionState>;

} // namespace liuhe::rpc
