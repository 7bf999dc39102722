// A blocking wrapper over Connection for tools and tests: each call runs a local
// event loop until its answer arrives or the timeout passes. Not for the GUI thread.
#pragma once

#include "net/connection.h"

#include <QList>
#include <QPair>

namespace liuhe::client {

class SyncClient {
public:
    SyncClient();
    ~SyncClient();

    // Connects and completes the handshake; false with error filled on failure.
    bool connectTo(const ServerAddress &address, protocol::CallError *error = nullptr, int timeoutMs = 10000);
    protocol::Reply login(const QString &username, const QString &password);
    protocol::Reply call(const QString &name, const QCborMap &args = {}, const QString &idempotencyKey = {}, int timeoutMs = 60000);
    void close();
    bool isConnected() const;

    // Pushed events received so far (and waiting for one).
    bool waitForEvent(const QString &event, int timeoutMs, QCborMap *data = nullptr);
    QList<QPair<QString, QCborMap>> takeEvents();
    const protocol::CallError &closeReason() const { return m_closeReason; }

    Connection &connection() { return *m_connection; }

private:
    Connection *m_connection;
    QList<QPair<QString, QCborMap>> m_events;
    protocol::CallError m_closeReason;
    bool m_closed = false;
};

} // namespace liuhe::client
