// A connection to a Liuhe server over the frame protocol (plain TCP or TLS),
// GUI-free: the desktop client, the CLI, the bench and the tests all use it.
// Requests are asynchronous; answers arrive through callbacks on this object's
// thread; pushes arrive as eventReceived.
#pragma once

#include "protocol/frame.h"
#include "protocol/reply.h"

#include <QByteArray>
#include <QCborMap>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <functional>

class QTcpSocket;

namespace liuhe::client {

struct ServerAddress {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 7460;
    bool tls = false;
    QList<QSslCertificate> trustedCertificates; // with tls: accepted CAs besides the system's
    QString peerName;                           // with tls: name the certificate must carry

    // "host:port"; "liuhes://host:port" for TLS.
    static std::optional<ServerAddress> parse(const QString &text);
    QString toString() const;
};

class Connection : public QObject {
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Handshaking, Ready };
    Q_ENUM(State)
    using Callback = std::function<void(const protocol::Reply &)>;

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    void open(const ServerAddress &address, int timeoutMs = 8000);
    void close();
    State state() const { return m_state; }
    const QCborMap &welcome() const { return m_welcome; }

    // Sends a request; the callback runs once with the answer, or with
    // UNAVAILABLE if the connection is lost first. Returns the request id.
    quint32 call(const QString &name, const QCborMap &args, Callback callback, const QString &idempotencyKey = {});
    int pendingCalls() const { return int(m_pending.size()); }

Q_SIGNALS:
    void ready();                                      // WELCOME received: calls may be made
    void failed(const liuhe::protocol::CallError &error); // could not connect or handshake
    void closed(const liuhe::protocol::CallError &reason); // an established connection ended
    void eventReceived(const QString &event, const QCborMap &data);
    void stateChanged(liuhe::client::Connection::State state);

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void handleFrame(const protocol::FrameHeader &header, const QCborMap &payload);
    void send(protocol::Kind kind, quint32 requestId, const QCborMap &payload);
    void setState(State state);
    void fail(protocol::ErrorCode code, const QString &message);
    void failPending(const protocol::CallError &error);

    QTcpSocket *m_socket = nullptr;
    State m_state = State::Disconnected;
    QByteArray m_buffer;
    QCborMap m_welcome;
    QHash<quint32, Callback> m_pending;
    quint32 m_nextId = 1;
    QTimer m_timeout;
    protocol::CallError m_closeReason;
};

} // namespace liuhe::client
