// A logged-in session that survives dropped connections: it reconnects with
// back-off, logs in again with the credentials it holds in memory, restores the
// entity subscriptions, and tells the UI its state. Calls made while offline fail
// at once with UNAVAILABLE, so forms keep their unsaved edits. GUI-free.
#pragma once

#include "net/connection.h"
#include "net/permissions.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace liuhe::client {

class Session : public QObject {
    Q_OBJECT
public:
    enum class State { LoggedOut, Connecting, Online, Reconnecting };
    Q_ENUM(State)

    explicit Session(QObject *parent = nullptr);

    // Connects and logs in; emits loggedIn or loginFailed.
    void start(const ServerAddress &address, const QString &username, const QString &password);
    void logout();
    State state() const { return m_state; }
    bool isOnline() const { return m_state == State::Online; }

    void call(const QString &name, const QCborMap &args, Connection::Callback callback, const QString &idempotencyKey = {});
    // The same, for a widget or model waiting for the answer: the callback is
    // dropped when context is destroyed first (a form closed before its answer came).
    void call(const QString &name, const QCborMap &args, const QObject *context, Connection::Callback callback,
              const QString &idempotencyKey = {});
    // auth.change_password; on success the session logs in with the new password
    // after a dropped connection, and no longer reports mustChangePassword.
    void changePassword(const QString &oldPassword, const QString &newPassword, Connection::Callback callback);
    // The login answer asked for a new password (first login after a reset, or expired).
    bool mustChangePassword() const;

    // Reference-counted interest in pushed changes of an entity.
    void subscribe(const QString &entity);
    void unsubscribe(const QString &entity);

    const QCborMap &userInfo() const { return m_userInfo; }
    qint64 userId() const { return m_userInfo.value(QStringLiteral("user_id")).toInteger(); }
    QString userName() const { return m_userInfo.value(QStringLiteral("name")).toString(); }
    const Permissions &permissions() const { return m_permissions; }
    const ServerAddress &address() const { return m_address; }

Q_SIGNALS:
    void stateChanged(liuhe::client::Session::State state);
    void loggedIn();
    void loginFailed(const liuhe::protocol::CallError &error);
    // The server ended the session for good (expired, password changed, disabled).
    void sessionEnded(const liuhe::protocol::CallError &reason);
    void eventReceived(const QString &event, const QCborMap &data);

private:
    void connectNow();
    void onReady();
    void onFailed(const protocol::CallError &error);
    void onClosed(const protocol::CallError &reason);
    void scheduleReconnect();
    void pushSubscriptions();
    void setState(State state);

    Connection m_connection;
    ServerAddress m_address;
    QString m_username;
    QString m_password; // kept only in memory, for logging in again after a drop
    QCborMap m_userInfo;
    Permissions m_permissions;
    State m_state = State::LoggedOut;
    QHash<QString, int> m_subscriptions;
    QTimer m_reconnectTimer;
    int m_attempt = 0;
    bool m_everLoggedIn = false;
};

} // namespace liuhe::client
