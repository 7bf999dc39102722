// Changing one's own password (the policy is the server's; its answer is shown).
#pragma once

#include "net/session.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace liuhe::app {

class PasswordDialog : public QDialog {
    Q_OBJECT
public:
    PasswordDialog(client::Session &session, QWidget *parent = nullptr);

private:
    void submit();
    client::Session &m_session;
    QLineEdit *m_old;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_message;
};

} // namespace liuhe::app
