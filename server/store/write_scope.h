// What a write job sees: the writer's connection inside the batch transaction,
// the audit chain, and the effects to publish once the batch has committed.
#pragma once

#include "protocol/reply.h"
#include "store/audit_chain.h"
#include "store/record_access.h"

#include <QCborMap>
#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace liuhe::store {

class Db;

// A record changed: pushed to subscribers of the entity after commit.
struct ChangeEvent {
    QString entity;
    qint64 id = 0;
    qint64 version = 0;
    QString kind; // created, updated, removed, or an action name
    RowOwnership ownership; // who may be told (record rules)
    bool ownershipToRead = false; // read after the commit, off the writer (DbPool)
};

// A message for particular users: a to-do, a reminder, a reorder alert.
struct Notification {
    QList<qint64> userIds;
    QString event;
    QCborMap data;
};

struct WriteEffects {
    QList<ChangeEvent> changes;
    QList<Notification> notifications;
    bool permissionsChanged = false; // roles, grants or user roles: sessions reload
    bool pinyinChanged = false;      // override table: search keys rebuilt
    QList<qint64> endSessionsOf;     // users whose sessions end (disabled, password reset)
    // The rest of the call's answer (a saved document with its lines, say), read
    // after the commit on a reader thread: the one writer need not spend its
    // time on it. Its keys join the job's own answer (completeAnswer).
    std::function<QCborMap(Db &)> answerRead;

    // Whether something is left to read after the commit.
    bool readsAfterCommit() const
    {
        if (answerRead) return true;
        for (const ChangeEvent &c : changes)
            if (c.ownershipToRead) return true;
        return false;
    }

    void append(const WriteEffects &other)
    {
        changes += other.changes;
        notifications += other.notifications;
        permissionsChanged = permissionsChanged || other.permissionsChanged;
        pinyinChanged = pinyinChanged || other.pinyinChanged;
        endSessionsOf += other.endSessionsOf;
    }
};

// The job's own answer (a map) with answerRead's keys added, theirs winning: the
// record as read is one consistent state (its version included), even if another
// write came between. A non-map or failed answer is left as it is.
protocol::Reply completeAnswer(const protocol::Reply &own, const QCborMap &read);

class WriteScope {
public:
    WriteScope(Db &db, AuditChain &chain, QDateTime now) : m_db(db), m_chain(chain), m_now(std::move(now)) {}

    Db &db() { return m_db; }
    const QDateTime &now() const { return m_now; }
    WriteEffects &effects() { return m_effects; }

    void audit(const AuditEntry &entry) { m_chain.append(m_db, entry, m_now); }
    // Written after the job's changes are rolled back, with the error code as outcome.
    void auditOnFailure(const AuditEntry &entry) { m_failureAudit = entry; }
    const std::optional<AuditEntry> &failureAudit() const { return m_failureAudit; }
    void clearFailureAudit() { m_failureAudit.reset(); }

    // For calls that run many sub-steps under their own savepoints (imports).
    AuditChain::Head auditHead() const { return m_chain.head(); }
    void restoreAuditHead(const AuditChain::Head &head) { m_chain.restore(head); }

    // Who may hear of it (the push filter's record owner) is read after the
    // commit on a reader, off the writer (DbPool::completeAfterCommit); a
    // removal passes what it read while the row existed (below).
    void changed(const QString &entity, qint64 id, qint64 version, const QString &kind);
    void changed(const QString &entity, qint64 id, qint64 version, const QString &kind, const RowOwnership &ownership)
    {
        m_effects.changes.append(ChangeEvent{entity, id, version, kind, ownership});
    }
    void notify(const QList<qint64> &users, const QString &event, const QCborMap &data)
    {
        m_effects.notifications.append(Notification{users, event, data});
    }

private:
    Db &m_db;
    AuditChain &m_chain;
    QDateTime m_now;
    WriteEffects m_effects;
    std::optional<AuditEntry> m_failureAudit;
};

} // namespace liuhe::store
