#include "net/connection.h"

#include <QCborArray>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUrl>

namespace liuhe::client {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::Kind;
using protocol::Reply;

std::optional<ServerAddress> ServerAddress::parse(const QString &text)
{
    ServerAddress a;
    QString rest = text.trimmed();
    if (rest.startsWith(QLatin1String("liuhes://"))) {
        a.tls = true;
        rest = rest.mid(9);
    } else if (rest.startsWith(QLatin1String("liuhe://"))) {
        rest = rest.mid(8);
    }
    const qsizetype colon = rest.lastIndexOf(u':');
    if (colon <= 0) {
        if (rest.isEmpty()) return std::nullopt;
        a.host = rest;
        return a;
    }
    bool ok = false;
    const int port = rest.mid(colon + 1).toInt(&ok);
    if (!ok || port <= 0 || port > 65535) return std::nullopt;
    a.host = rest.left(colon);
    a.port = quint16(port);
    return a;
}

QString ServerAddress::toString() const
{
    return (tls ? QStringLiteral("liuhes://") : QString()) + host + u':' + QString::number(port);
}

Connection::Connection(QObject *parent) : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(ErrorCode::Timeout, tr("The server did not answer in time.")); });
}

Connection::~Connection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Connection::open(const ServerAddress &address, int timeoutMs)
{
    close();
    m_buffer.clear();
    m_welcome = QCborMap();
    m_closeReason = CallError(ErrorCode::Unavailable, tr("The connection to the server was lost."));
    if (address.tls) {
        auto *ssl = new QSslSocket(this);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setProtocol(QSsl::TlsV1_2OrLater);
        if (!address.trustedCertificates.isEmpty()) config.addCaCertificates(address.trustedCertificates);
        ssl->setSslConfiguration(config);
        // Certificate errors are never ignored: an untrusted server is refused.
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            fail(ErrorCode::Unavailable, tr("The server's certificate is not trusted: %1").arg(errors.value(0).errorString()));
        });
        connect(ssl, &QSslSocket::encrypted, this, &Connection::onConnected);
        m_socket = ssl;
        ssl->connectToHostEncrypted(address.host, address.port, address.peerName.isEmpty() ? address.host : address.peerName);
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &Connection::onConnected);
        m_socket->connectToHost(address.host, address.port);
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_state == State::Ready) return; // disconnected() follows
        fail(ErrorCode::Unavailable, tr("Cannot reach the server: %1").arg(m_socket->errorString()));
    });
    setState(State::Connecting);
    m_timeout.start(timeoutMs);
}

void Connection::close()
{
    m_timeout.stop();
    if (!m_socket) return;
    QTcpSocket *s = m_socket;
    m_socket = nullptr;
    s->disconnect(this);
    s->abort();
    s->deleteLater();
    failPending(CallError(ErrorCode::Unavailable, tr("The connection was closed.")));
    setState(State::Disconnected);
}

void Connection::onConnected()
{
    setState(State::Handshaking);
    send(Kind::Hello, 0, QCborMap{{QStringLiteral("versions"), QCborArray{protocol::kProtocolVersion}},
                                  {QStringLiteral("client"), QStringLiteral("liuhe-client/0.1")}});
}

void Connection::onReadyRead()
{
    m_buffer += m_socket->readAll();
    while (m_socket && m_buffer.size() >= protocol::kHeaderSize) {
        protocol::FrameHeader header;
        const auto problem = protocol::decodeHeader(QByteArrayView(m_buffer.constData(), protocol::kHeaderSize),
                                                    protocol::kMaxPayloadAfterLogin, header);
        if (problem != protocol::HeaderProblem::None && problem != protocol::HeaderProblem::UnknownKind) {
            fail(ErrorCode::Protocol, tr("The server sent a malformed frame."));
            return;
        }
        const qsizetype total = protocol::kHeaderSize + qsizetype(header.payloadLength);
        if (m_buffer.size() < total) return;
        const QByteArrayView body(m_buffer.constData() + protocol::kHeaderSize, header.payloadLength);
        if (problem == protocol::HeaderProblem::None && header.kind == Kind::Response) {
            // The result stays encoded until read: a column table is read from its bytes.
            auto result = protocol::responseResult(body);
            m_buffer.remove(0, total);
            if (!result) {
                fail(ErrorCode::Protocol, tr("The server sent a malformed frame."));
                return;
            }
            if (const Callback cb = m_pending.take(header.requestId)) cb(Reply(protocol::EncodedResult{*std::move(result)}));
            continue;
        }
        const auto payload = protocol::decodePayload(body);
        m_buffer.remove(0, total);
        if (problem == protocol::HeaderProblem::UnknownKind) continue; // newer server: skip what we do not know
        if (!payload) {
            fail(ErrorCode::Protocol, tr("The server sent a malformed frame."));
            return;
        }
        handleFrame(header, *payload);
    }
}

void Connection::handleFrame(const protocol::FrameHeader &header, const QCborMap &payload)
{
    switch (header.kind) {
    case Kind::Welcome:
        m_timeout.stop();
        m_welcome = payload;
        setState(State::Ready);
        Q_EMIT ready();
        return;
    case Kind::Error: {
        if (m_state != State::Ready) {
            // The handshake was refused (version mismatch).
            const CallError e = CallError::fromCbor(payload);
            fail(e.code(), e.message());
            return;
        }
        const Callback cb = m_pending.take(header.requestId);
        if (!cb) return;
        cb(Reply(CallError::fromCbor(payload)));
        return;
    }
    case Kind::Event:
        Q_EMIT eventReceived(payload.value(QStringLiteral("event")).toString(), payload.value(QStringLiteral("data")).toMap());
        return;
    case Kind::Ping:
        send(Kind::Pong, header.requestId, {});
        return;
    case Kind::Goodbye:
        m_closeReason = CallError::fromCbor(payload);
        return; // the server closes next
    default:
        return;
    }
}

quint32 Connection::call(const QString &name, const QCborMap &args, Callback callback, const QString &idempotencyKey)
{
    if (m_state != State::Ready) {
        const CallError e(ErrorCode::Unavailable, tr("Not connected to the server."));
        QMetaObject::invokeMethod(this, [callback, e] { callback(Reply(e)); }, Qt::QueuedConnection);
        return 0;
    }
    const quint32 id = m_nextId++;
    if (m_nextId == 0) m_nextId = 1;
    m_pending.insert(id, std::move(callback));
    QCborMap payload{{QStringLiteral("call"), name}, {QStringLiteral("args"), args}};
    if (!idempotencyKey.isEmpty()) payload.insert(QStringLiteral("idem"), idempotencyKey);
    send(Kind::Request, id, payload);
    return id;
}

void Connection::send(Kind kind, quint32 requestId, const QCborMap &payload)
{
    if (m_socket) m_socket->write(protocol::encodeFrame(kind, requestId, payload));
}

void Connection::onDisconnected()
{
    const bool wasReady = m_state == State::Ready;
    QTcpSocket *s = m_socket;
    m_socket = nullptr;
    if (s) {
        s->disconnect(this);
        s->deleteLater();
    }
    m_timeout.stop();
    failPending(m_closeReason);
    setState(State::Disconnected);
    if (wasReady) Q_EMIT closed(m_closeReason);
    else Q_EMIT failed(m_closeReason);
}

void Connection::fail(ErrorCode code, const QString &message)
{
    const bool wasReady = m_state == State::Ready;
    const CallError error(code, message);
    m_closeReason = error;
    m_timeout.stop();
    if (m_socket) {
        QTcpSocket *s = m_socket;
        m_socket = nullptr;
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
    failPending(error);
    if (m_state == State::Disconnected) return;
    setState(State::Disconnected);
    if (wasReady) Q_EMIT closed(error);
    else Q_EMIT failed(error);
}

void Connection::failPending(const CallError &error)
{
    const auto pending = std::exchange(m_pending, {});
    for (const auto &cb : pending) cb(Reply(error));
}

void Connection::setState(State state)
{
    if (m_state == state) return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace liuhe::client
