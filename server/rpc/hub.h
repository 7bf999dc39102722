// Every live session, indexed by user and by subscribed entity: fans out change
// events and notifications after commit, and ends sessions (logout everywhere,
// password change, account disabled).
#pragma once

#include "rpc/session_state.h"
#include "store/write_scope.h"

#include <QHash>
#include <QSet>
#include <mutex>

namespace liuhe::rpc {

class Hub {
public:
    void add(const SessionPtr &session);
    void remove(quint64 sessionId);
    void loggedIn(const SessionPtr &session);
    void loggedOut(quint64 sessionId);
    void setSubscriptions(const SessionPtr &session, const QSet<QString> &entities);

    void publish(const store::WriteEffects &effects);
    // Ends every session of a user (except one, e.g. the caller's on password change).
    void closeUserSessions(qint64 userId, quint64 exceptSessionId, const QString &reason);
    void markAllPermissionsStale();

    int sessionCount() const;
    int loggedInCount() const;
    QList<SessionPtr> sessionsOfUser(qint64 userId) const;

private:
    mutable std::mutex m_mutex;
    QHash<quint64, SessionPtr> m_sessions;
    QHash<qint64, QSet<quint64>> m_byUser;
    QHash<QString, QSet<quint64>> m_byEntity; // "*" subscribes to all
};

} // namespace liuhe::rpc
