// Changing one's own password (the policy is the server's; its answer is shown).
// In the required mode — the login answer asked for a new password — it explains
// why it appears, and cancelling means not going on.
#pragma once

#include "net/session.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace liuhe::app {

class PasswordDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Voluntary, Required };
    PasswordDialog(client::Session &session, QWidget *parent = nullptr, Mode mode = Mode::Voluntary);

    // For tests and scripted starts: fill in and submit.
    void setPasswords(const QString &current, const QString &next, const QString &repeat);
    void submit();
    QString message() const;

private:
    client::Session &m_session;
    QLineEdit *m_old;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_message;
};

} // namespace liuhe::app
