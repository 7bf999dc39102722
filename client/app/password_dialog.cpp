#include "app/password_dialog.h"

#include "views/error_text.h"
#include "views/field_format.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace liuhe::app {

PasswordDialog::PasswordDialog(client::Session &session, QWidget *parent, Mode mode) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Change password"));
    setModal(true);
    m_old = new QLineEdit(this);
    m_new = new QLineEdit(this);
    m_repeat = new QLineEdit(this);
    for (QLineEdit *e : {m_old, m_new, m_repeat}) e->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("Current password"), m_old);
    form->addRow(tr("New password (at least 12 characters)"), m_new);
    form->addRow(tr("New password again"), m_repeat);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("passwordMessage"));
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    if (mode == Mode::Required) {
        auto *why = new QLabel(tr("Your password was set by an administrator or has expired. Choose a new password before you go on."), this);
        why->setWordWrap(true);
        why->setStyleSheet(QStringLiteral("background:#FFF8E1; color:#5D4037; padding:6px; border-radius:4px;"));
        layout->addWidget(why);
        buttons->button(QDialogButtonBox::Cancel)->setText(tr("Log out"));
    }
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    connect(buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PasswordDialog::setPasswords(const QString &current, const QString &next, const QString &repeat)
{
    m_old->setText(current);
    m_new->setText(next);
    m_repeat->setText(repeat);
}

QString PasswordDialog::message() const { return m_message->text(); }

void PasswordDialog::submit()
{
    if (m_new->text() != m_repeat->text()) {
        m_message->setText(tr("The two new passwords differ."));
        return;
    }
    m_session.changePassword(m_old->text(), m_new->text(), [this](const protocol::Reply &r) {
        if (r.isOk()) {
            accept();
            return;
        }
        QString message = views::errorMessage(r.error());
        for (const auto &f : r.error().fields()) message += u' ' + views::problemText(f.code, f.extra);
        m_message->setText(message);
    });
}

} // namespace liuhe::app
