// The login dialog: server address (remembered list), user, password, language;
// clear Chinese messages for a wrong password, a locked account, an unreachable
// server or a protocol version mismatch.
#pragma once

#include "net/session.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace liuhe::app {

class LoginDialog : public QDialog {
    Q_OBJECT
public:
    LoginDialog(client::Session &session, QWidget *parent = nullptr);

    void setServer(const QString &address);
    void setUser(const QString &user);
    void setPassword(const QString &password);
    // Logging in again after the session ended: user and server fixed.
    void setReloginMode(bool relogin);
    void login();
    QString message() const;

Q_SIGNALS:
    void languageChosen(const QString &code);

private:
    void failed(const protocol::CallError &error);
    void rememberServer(const QString &address);

    client::Session &m_session;
    QComboBox *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_language;
    QLabel *m_message;
    QPushButton *m_login;
};

} // namespace liuhe::app
