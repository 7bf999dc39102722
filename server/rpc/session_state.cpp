#include "rpc/session_state.h"

#include <atomic>

namespace liuhe::rpc {

namespace {
std::atomic<int> g_idleOverrideSeconds{0};
}

void SessionState::setIdleOverrideSeconds(int seconds) { g_idleOverrideSeconds = seconds; }

bool SessionState::isLoggedIn() const
{
    std::lock_guard lock(m_mutex);
    return m_userId != 0;
}

qint64 SessionState::userId() const
{
    std::lock_guard lock(m_mutex);
    return m_userId;
}

QString SessionState::token() const
{
    std::lock_guard lock(m_mutex);
    return m_token;
}

auth::Caller SessionState::caller(const QString &call) const
{
    std::lock_guard lock(m_mutex);
    auth::Caller c;
    c.userId = m_userId;
    c.username = m_username;
    c.departmentId = m_departmentId;
    c.peer = m_peer;
    c.call = call;
    c.permissions = m_permissions;
    return c;
}

std::shared_ptr<const auth::PermissionSet> SessionState::permissions() const
{
    std::lock_guard lock(m_mutex);
    return m_permissions;
}

void SessionState::login(const auth::LoadedUser &user, const QString &token, const QDateTime &now)
{
    std::lock_guard lock(m_mutex);
    m_userId = user.id;
    m_username = user.username;
    m_departmentId = user.departmentId;
    m_permissions = user.permissions;
    m_token = token;
    m_stale = false;
    m_loginAt = now;
    m_lastActivity = now;
}

void SessionState::setPasswordChangeRequired(bool required)
{
    std::lock_guard lock(m_mutex);
    m_passwordChangeRequired = required;
}

bool SessionState::passwordChangeRequired() const
{
    std::lock_guard lock(m_mutex);
    return m_passwordChangeRequired;
}

void SessionState::logout()
{
    std::lock_guard lock(m_mutex);
    m_passwordChangeRequired = false;
    m_userId = 0;
    m_username.clear();
    m_token.clear();
    m_permissions.reset();
    m_subscriptions.clear();
}

void SessionState::touch(const QDateTime &now)
{
    std::lock_guard lock(m_mutex);
    m_lastActivity = now;
}

std::optional<QString> SessionState::expiry(const QDateTime &now, int absoluteHours) const
{
    std::lock_guard lock(m_mutex);
    if (m_userId == 0) return std::nullopt;
    const int idleMinutes = m_permissions ? m_permissions->idleMinutes : 30;
    const qint64 idleSeconds = g_idleOverrideSeconds > 0 ? g_idleOverrideSeconds.load() : qint64(idleMinutes) * 60;
    if (m_lastActivity.secsTo(now) >= idleSeconds) return QStringLiteral("idle for %1 seconds").arg(idleSeconds);
    if (m_loginAt.secsTo(now) >= qint64(absoluteHours) * 3600) return QStringLiteral("logged in for %1 hours").arg(absoluteHours);
    return std::nullopt;
}

void SessionState::setPermissions(std::shared_ptr<const auth::PermissionSet> permissions)
{
    std::lock_guard lock(m_mutex);
    m_permissions = std::move(permissions);
    m_stale = false;
}

void SessionState::refresh(const auth::LoadedUser &user)
{
    std::lock_guard lock(m_mutex);
    m_permissions = user.permissions;
    m_departmentId = user.departmentId;
    m_stale = false;
}

void SessionState::markPermissionsStale()
{
    std::lock_guard lock(m_mutex);
    if (m_userId != 0) m_stale = true;
}

bool SessionState::permissionsStale() const
{
    std::lock_guard lock(m_mutex);
    return m_stale;
}

QSet<QString> SessionState::subscriptions() const
{
    std::lock_guard lock(m_mutex);
    return m_subscriptions;
}

void SessionState::setSubscriptions(const QSet<QString> &entities)
{
    std::lock_guard lock(m_mutex);
    m_subscriptions = entities;
}

} // namespace liuhe::rpc
