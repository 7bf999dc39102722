#include "rpc/hub.h"

#include "schema/catalogue.h"
#include "store/record_access.h"

namespace liuhe::rpc {

void Hub::add(const SessionPtr &session)
{
    std::lock_guard lock(m_mutex);
    m_sessions.insert(session->id(), session);
}

void Hub::remove(quint64 sessionId)
{
    std::lock_guard lock(m_mutex);
    m_sessions.remove(sessionId);
    for (auto it = m_byUser.begin(); it != m_byUser.end();) {
        it->remove(sessionId);
        it = it->isEmpty() ? m_byUser.erase(it) : std::next(it);
    }
    for (auto it = m_byEntity.begin(); it != m_byEntity.end();) {
        it->remove(sessionId);
        it = it->isEmpty() ? m_byEntity.erase(it) : std::next(it);
    }
}

void Hub::loggedIn(const SessionPtr &session)
{
    std::lock_guard lock(m_mutex);
    m_byUser[session->userId()].insert(session->id());
}

void Hub::loggedOut(quint64 sessionId)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_byUser.begin(); it != m_byUser.end();) {
        it->remove(sessionId);
        it = it->isEmpty() ? m_byUser.erase(it) : std::next(it);
    }
    for (auto &set : m_byEntity) set.remove(sessionId);
}

void Hub::setSubscriptions(const SessionPtr &session, const QSet<QString> &entities)
{
    std::lock_guard lock(m_mutex);
    for (const QString &e : session->subscriptions()) m_byEntity[e].remove(session->id());
    session->setSubscriptions(entities);
    for (const QString &e : entities) m_byEntity[e].insert(session->id());
}

void Hub::publish(const store::WriteEffects &effects)
{
    if (effects.changes.isEmpty() && effects.notifications.isEmpty()) return;
    QList<QPair<SessionPtr, QPair<QString, QCborMap>>> deliveries;
    {
        std::lock_guard lock(m_mutex);
        for (const store::ChangeEvent &c : effects.changes) {
            QSet<quint64> targets = m_byEntity.value(c.entity);
            targets.unite(m_byEntity.value(QStringLiteral("*")));
            if (targets.isEmpty()) continue;
            QCborMap data;
            data.insert(QStringLiteral("entity"), c.entity);
            data.insert(QStringLiteral("id"), c.id);
            data.insert(QStringLiteral("version"), c.version);
            data.insert(QStringLiteral("kind"), c.kind);
            const schema::Entity *entity = schema::Catalogue::instance().entity(c.entity);
            for (quint64 id : targets) {
                const SessionPtr s = m_sessions.value(id);
                if (!s || !s->permissions() || !entity) continue;
                // The same record rules as data.query: a rep hears only of their own customers.
                if (store::withinScope(*entity, s->caller(QString()), QStringLiteral("read"), c.ownership))
                    deliveries.append({s, {QStringLiteral("record.changed"), data}});
            }
        }
        for (const store::Notification &n : effects.notifications)
            for (qint64 user : n.userIds)
                for (quint64 id : m_byUser.value(user))
                    if (const SessionPtr s = m_sessions.value(id)) deliveries.append({s, {n.event, n.data}});
    }
    for (const auto &[session, message] : deliveries) session->push(message.first, message.second);
}

void Hub::closeUserSessions(qint64 userId, quint64 exceptSessionId, const QString &reason)
{
    QList<SessionPtr> victims;
    {
        std::lock_guard lock(m_mutex);
        for (quint64 id : m_byUser.value(userId))
            if (id != exceptSessionId)
                if (const SessionPtr s = m_sessions.value(id)) victims << s;
    }
    for (const SessionPtr &s : victims) s->close(protocol::ErrorCode::SessionExpired, reason);
}

void Hub::markAllPermissionsStale()
{
    std::lock_guard lock(m_mutex);
    for (const SessionPtr &s : m_sessions) s->markPermissionsStale();
}

int Hub::sessionCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_sessions.size());
}

int Hub::loggedInCount() const
{
    std::lock_guard lock(m_mutex);
    int n = 0;
    for (const auto &set : m_byUser) n += int(set.size());
    return n;
}

QList<SessionPtr> Hub::sessionsOfUser(qint64 userId) const
{
    std::lock_guard lock(m_mutex);
    QList<SessionPtr> out;
    for (quint64 id : m_byUser.value(userId))
        if (const SessionPtr s = m_sessions.value(id)) out << s;
    return out;
}

} // namespace liuhe::rpc
