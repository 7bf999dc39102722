#include "net/session.h"

#include <QCborArray>
#include <QPointer>

namespace liuhe::client {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;

Session::Session(QObject *parent) : QObject(parent)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Session::connectNow);
    connect(&m_connection, &Connection::ready, this, &Session::onReady);
    connect(&m_connection, &Connection::failed, this, &Session::onFailed);
    connect(&m_connection, &Connection::closed, this, &Session::onClosed);
    connect(&m_connection, &Connection::eventReceived, this, &Session::eventReceived);
}

void Session::start(const ServerAddress &address, const QString &username, const QString &password)
{
    m_address = address;
    m_username = username;
    m_password = password;
    m_everLoggedIn = false;
    m_attempt = 0;
    setState(State::Connecting);
    connectNow();
}

void Session::connectNow() { m_connection.open(m_address); }

void Session::onReady()
{
    m_connection.call(QStringLiteral("auth.login"), QCborMap{{QStringLiteral("username"), m_username}, {QStringLiteral("password"), m_password}},
                      [this](const Reply &r) {
                          if (!r.isOk()) {
                              m_connection.close();
                              if (m_everLoggedIn && (r.error().code() == ErrorCode::Unavailable || r.error().code() == ErrorCode::Timeout)) {
                                  scheduleReconnect();
                                  return;
                              }
                              m_password.clear();
                              const bool wasIn = m_everLoggedIn;
                              setState(State::LoggedOut);
                              if (wasIn) Q_EMIT sessionEnded(r.error());
                              else Q_EMIT loginFailed(r.error());
                              return;
                          }
                          m_userInfo = r.value().toMap();
                          m_permissions = Permissions(m_userInfo.value(QStringLiteral("permissions")).toMap());
                          m_attempt = 0;
                          const bool first = !m_everLoggedIn;
                          m_everLoggedIn = true;
                          setState(State::Online);
                          pushSubscriptions();
                          if (first) Q_EMIT loggedIn();
                      });
}

void Session::onFailed(const CallError &error)
{
    if (m_everLoggedIn && m_state != State::LoggedOut) {
        scheduleReconnect();
        return;
    }
    setState(State::LoggedOut);
    Q_EMIT loginFailed(error);
}

void Session::onClosed(const CallError &reason)
{
    if (m_state == State::LoggedOut) return;
    // The server ended this session on purpose: do not log back in behind its back.
    if (reason.code() == ErrorCode::SessionExpired || reason.code() == ErrorCode::AuthFailed) {
        m_password.clear();
        setState(State::LoggedOut);
        Q_EMIT sessionEnded(reason);
        return;
    }
    scheduleReconnect();
}

void Session::scheduleReconnect()
{
    setState(State::Reconnecting);
    const int delays[] = {500, 1000, 2000, 4000, 8000, 15000};
    m_reconnectTimer.start(delays[std::min(m_attempt++, 5)]);
}

void Session::logout()
{
    if (m_state == State::Online) m_connection.call(QStringLiteral("auth.logout"), {}, [](const Reply &) {});
    m_reconnectTimer.stop();
    m_password.clear();
    QTimer::singleShot(200, &m_connection, [this] { m_connection.close(); });
    setState(State::LoggedOut);
}

void Session::call(const QString &name, const QCborMap &args, Connection::Callback callback, const QString &idempotencyKey)
{
    if (m_state != State::Online) {
        const CallError offline(ErrorCode::Unavailable, tr("Not connected to the server; your input is kept. Try again when the connection is back."));
        QMetaObject::invokeMethod(this, [callback, offline] { callback(Reply(offline)); }, Qt::QueuedConnection);
        return;
    }
    m_connection.call(name, args, std::move(callback), idempotencyKey);
}

void Session::call(const QString &name, const QCborMap &args, const QObject *context, Connection::Callback callback,
                   const QString &idempotencyKey)
{
    call(name, args, [guard = QPointer<const QObject>(context), callback = std::move(callback)](const Reply &r) {
        if (guard) callback(r);
    }, idempotencyKey);
}

void Session::changePassword(const QString &oldPassword, const QString &newPassword, Connection::Callback callback)
{
    call(QStringLiteral("auth.change_password"),
         QCborMap{{QStringLiteral("old_password"), oldPassword}, {QStringLiteral("new_password"), newPassword}},
         [this, newPassword, callback = std::move(callback)](const Reply &r) {
             if (r.isOk()) {
                 m_password = newPassword;
                 m_userInfo.insert(QStringLiteral("must_change_password"), false);
                 m_userInfo.insert(QStringLiteral("password_expired"), false);
             }
             callback(r);
         });
}

bool Session::mustChangePassword() const
{
    return m_userInfo.value(QStringLiteral("must_change_password")).toBool() || m_userInfo.value(QStringLiteral("password_expired")).toBool();
}

void Session::subscribe(const QString &entity)
{
    if (m_subscriptions[entity]++ == 0) pushSubscriptions();
}

void Session::unsubscribe(const QString &entity)
{
    auto it = m_subscriptions.find(entity);
    if (it == m_subscriptions.end()) return;
    if (--*it <= 0) {
        m_subscriptions.erase(it);
        pushSubscriptions();
    }
}

void Session::pushSubscriptions()
{
    if (m_state != State::Online) return;
    QCborArray entities;
    for (auto it = m_subscriptions.constBegin(); it != m_subscriptions.constEnd(); ++it) entities.append(it.key());
    m_connection.call(QStringLiteral("events.subscribe"), QCborMap{{QStringLiteral("entities"), entities}}, [](const Reply &) {});
}

void Session::setState(State state)
{
    if (m_state == state) return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace liuhe::client
