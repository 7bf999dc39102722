// The audit log: every write, login and refused call, append-only and hash-chained
// (each row's hash covers its content and the previous row's hash), so editing or
// deleting a row is found by verify(). No passwords or sensitive values enter it.
#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace liuhe::store {

class Db;

struct AuditEntry {
    qint64 userId = 0;
    QString call;     // "data.save", "auth.login", "sales_order.confirm" …
    QString entity;
    qint64 recordId = 0;
    QCborMap changes; // field -> [old, new]; sensitive fields carry "***"
    QString outcome = QStringLiteral("ok"); // or an error code name
    QString peer;
};

class AuditChain {
public:
    struct Head {
        qint64 lastId = 0;
        QString lastHash;
    };

    void loadHead(Db &db);  // at batch start; locks the head row on PostgreSQL
    void saveHead(Db &db);  // at batch end, inside the same transaction
    Head head() const { return m_head; }
    void restore(const Head &head) { m_head = head; }
    bool dirty() const { return m_dirty; }

    void append(Db &db, const AuditEntry &entry, const QDateTime &now);

    // Recomputes the whole chain; returns the problems found (empty = intact).
    static QStringList verify(Db &db);
    static QString rowHash(qint64 id, const QString &at, qint64 userId, const QString &call, const QString &entity,
                           qint64 recordId, const QString &changes, const QString &outcome, const QString &peer,
                           const QString &prevHash);
    // The same with changes already in UTF-8 (as append writes them).
    static QString rowHash(qint64 id, const QString &at, qint64 userId, const QString &call, const QString &entity,
                           qint64 recordId, const QByteArray &changesUtf8, const QString &outcome, const QString &peer,
                           const QString &prevHash);

private:
    Head m_head;
    bool m_dirty = false;
};

} // namespace liuhe::store
