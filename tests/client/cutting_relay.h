// A relay between a client and the real server that can lose an answer: armed,
// it forwards the client's next request, then throws away what the server sends
// back and cuts the connection, and lets no one in until reopened. The server has
// applied the request; the client never hears so.
#pragma once

#include "net/connection.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace liuhe::test {

class CuttingRelay : public QObject {
public:
    explicit CuttingRelay(const client::ServerAddress &target) : m_target(target)
    {
        m_listener.listen(QHostAddress::LocalHost);
        m_port = m_listener.serverPort();
        QObject::connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_listener.nextPendingConnection()) relay(in);
        });
    }
    client::ServerAddress address() const
    {
        client::ServerAddress a;
        a.port = m_port;
        return a;
    }
    void cutAfterNextRequest() { m_armed = true; }
    // Cuts every connection now and refuses new ones.
    void close()
    {
        m_listener.close();
        for (const QPointer<QTcpSocket> &s : std::as_const(m_clients))
            if (s) s->abort();
        m_clients.clear();
    }
    bool reopen() { return m_listener.listen(QHostAddress::LocalHost, m_port); }
    int cuts() const { return m_cuts; }

private:
    void relay(QTcpSocket *in)
    {
        m_clients.append(in);
        auto *out = new QTcpSocket(in);
        out->connectToHost(m_target.host, m_target.port);
        auto requestSent = std::make_shared<bool>(false);
        QObject::connect(in, &QTcpSocket::readyRead, in, [this, in, out, requestSent] {
            if (m_armed) *requestSent = true;
            out->write(in->readAll());
        });
        QObject::connect(out, &QTcpSocket::readyRead, in, [this, in, out, requestSent] {
            const QByteArray answer = out->readAll();
            if (!*requestSent) {
                in->write(answer);
                return;
            }
            // The answer to the armed request: lost, and the line goes down.
            m_armed = false;
            ++m_cuts;
            close();
        });
        QObject::connect(out, &QTcpSocket::disconnected, in, [in] { in->disconnectFromHost(); });
        QObject::connect(in, &QTcpSocket::disconnected, in, &QObject::deleteLater);
    }

    client::ServerAddress m_target;
    QTcpServer m_listener;
    quint16 m_port = 0;
    QList<QPointer<QTcpSocket>> m_clients;
    bool m_armed = false;
    int m_cuts = 0;
};

} // namespace liuhe::test
