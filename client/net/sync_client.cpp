#include "net/sync_client.h"

#include <QEventLoop>
#include <QTimer>

namespace liuhe::client {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;

SyncClient::SyncClient() : m_connection(new Connection)
{
    QObject::connect(m_connection, &Connection::eventReceived, m_connection,
                     [this](const QString &event, const QCborMap &data) { m_events.append({event, data}); });
    QObject::connect(m_connection, &Connection::closed, m_connection, [this](const CallError &reason) {
        m_closeReason = reason;
        m_closed = true;
    });
}

SyncClient::~SyncClient() { delete m_connection; }

bool SyncClient::connectTo(const ServerAddress &address, CallError *error, int timeoutMs)
{
    QEventLoop loop;
    bool ok = false;
    CallError failure(ErrorCode::Timeout, QStringLiteral("connect timed out"));
    auto c1 = QObject::connect(m_connection, &Connection::ready, &loop, [&] {
        ok = true;
        loop.quit();
    });
    auto c2 = QObject::connect(m_connection, &Connection::failed, &loop, [&](const CallError &e) {
        failure = e;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    m_closed = false;
    m_connection->open(address, timeoutMs);
    if (m_connection->state() != Connection::State::Disconnected) loop.exec();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    if (!ok && error) *error = failure;
    return ok;
}

Reply SyncClient::login(const QString &username, const QString &password)
{
    return call(QStringLiteral("auth.login"), QCborMap{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
}

Reply SyncClient::call(const QString &name, const QCborMap &args, const QString &idempotencyKey, int timeoutMs)
{
    QEventLoop loop;
    std::optional<Reply> answer;
    auto alive = std::make_shared<bool>(true);
    m_connection->call(
        name, args,
        [&answer, &loop, alive](const Reply &r) {
            if (!*alive) return;
            answer = r;
            loop.quit();
        },
        idempotencyKey);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!answer) loop.exec();
    *alive = false;
    if (!answer) return Reply::fail(ErrorCode::Timeout, QStringLiteral("no answer within %1 ms").arg(timeoutMs));
    return *answer;
}

void SyncClient::close() { m_connection->close(); }

bool SyncClient::isConnected() const { return m_connection->state() == Connection::State::Ready; }

bool SyncClient::waitForEvent(const QString &event, int timeoutMs, QCborMap *data)
{
    auto find = [&]() {
        for (qsizetype i = 0; i < m_events.size(); ++i)
            if (m_events[i].first == event) {
                if (data) *data = m_events[i].second;
                m_events.removeAt(i);
                return true;
            }
        return false;
    };
    if (find()) return true;
    QEventLoop loop;
    auto c = QObject::connect(m_connection, &Connection::eventReceived, &loop, [&](const QString &e) {
        if (e == event) loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return find();
}

QList<QPair<QString, QCborMap>> SyncClient::takeEvents() { return std::exchange(m_events, {}); }

} // namespace liuhe::client
