#include "app/password_dialog.h"

#include "views/error_text.h"
#include "views/field_format.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace liuhe::app {

PasswordDialog::PasswordDialog(client::Session &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Change password"));
    m_old = new QLineEdit(this);
    m_new = new QLineEdit(this);
    m_repeat = new QLineEdit(this);
    for (QLineEdit *e : {m_old, m_new, m_repeat}) e->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("Current password"), m_old);
    form->addRow(tr("New password (at least 12 characters)"), m_new);
    form->addRow(tr("New password again"), m_repeat);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PasswordDialog::submit()
{
    if (m_new->text() != m_repeat->text()) {
        m_message->setText(tr("The two new passwords differ."));
        return;
    }
    m_session.call(QStringLiteral("auth.change_password"),
                   QCborMap{{QStringLiteral("old_password"), m_old->text()}, {QStringLiteral("new_password"), m_new->text()}},
                   [this](const protocol::Reply &r) {
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
