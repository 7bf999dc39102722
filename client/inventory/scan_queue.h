// Scans that must not be lost: each gets an idempotency key when it is made;
// while the server is unreachable scans wait in a queue kept on disk (shown to
// the clerk) and are replayed in order when the connection returns — the server
// applies each key once, so a scan whose answer was lost is never doubled.
#pragma once

#include "net/session.h"

#include <QCborMap>
#include <QList>
#include <QObject>

namespace liuhe::inventory {

class ScanQueue : public QObject {
    Q_OBJECT
public:
    ScanQueue(client::Session &session, const QString &file, QObject *parent = nullptr);

    // Where this user's queue for this server is kept: per server as well as per
    // user, so scans queued against one store are never sent to another whose
    // user happens to have the same id.
    static QString fileFor(const client::Session &session);

    // Sends a scan (inventory.scan args). The callback gets the server's answer,
    // or nothing when the scan was queued (queued() is emitted instead).
    void submit(const QCborMap &args, std::function<void(const protocol::Reply &)> answered);
    int pending() const { return int(m_items.size()); }
    // Scans sent online whose answer has not come back yet.
    int inFlight() const { return m_inFlight; }
    // Takes back the newest scan that has not left yet (undo while offline);
    // false when there is none (the one being sent cannot be taken back).
    bool dropNewest();
    void replay();

Q_SIGNALS:
    void pendingChanged(int count);
    void queued(const QCborMap &args);
    void replayed(const QCborMap &args, const protocol::Reply &reply);
    // The last scan in flight was answered (after its callback ran).
    void settled();

private:
    struct Item {
        QString key;
        QCborMap args;
    };
    void enqueue(const Item &item);
    void sendNext();
    void persist() const;
    void restore();

    client::Session &m_session;
    QString m_file;
    QList<Item> m_items;
    bool m_replaying = false;
    int m_inFlight = 0;
};

} // namespace liuhe::inventory
