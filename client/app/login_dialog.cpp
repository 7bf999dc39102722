#include "app/login_dialog.h"

#include "app/language.h"
#include "views/error_text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace liuhe::app {

using protocol::CallError;
using protocol::ErrorCode;

LoginDialog::LoginDialog(client::Session &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Liuhe — Log in"));
    auto *title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Liuhe Enterprise Management")), this);
    title->setAlignment(Qt::AlignCenter);
    m_server = new QComboBox(this);
    m_server->setObjectName(QStringLiteral("serverAddress"));
    m_server->setEditable(true);
    m_server->addItems(QSettings().value(QStringLiteral("servers"), QStringList{QStringLiteral("127.0.0.1:7460")}).toStringList());
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userName"));
    m_user->setText(QSettings().value(QStringLiteral("lastUser")).toString());
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_language = new QComboBox(this);
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(Language::current() == QLatin1String("en") ? 1 : 0);
    auto *form = new QFormLayout;
    form->addRow(tr("Server"), m_server);
    form->addRow(tr("User"), m_user);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Language"), m_language);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #B71C1C;"));
    auto *buttons = new QDialogButtonBox(this);
    m_login = buttons->addButton(tr("Log in"), QDialogButtonBox::AcceptRole);
    m_login->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::login);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_language, &QComboBox::activated, this, [this] { Q_EMIT languageChosen(m_language->currentData().toString()); });
    connect(&m_session, &client::Session::loggedIn, this, [this] {
        rememberServer(m_server->currentText().trimmed());
        QSettings().setValue(QStringLiteral("lastUser"), m_user->text().trimmed());
        m_password->clear();
        accept();
    });
    connect(&m_session, &client::Session::loginFailed, this, &LoginDialog::failed);
    if (!m_user->text().isEmpty()) m_password->setFocus();
}

void LoginDialog::setServer(const QString &address) { m_server->setCurrentText(address); }
void LoginDialog::setUser(const QString &user) { m_user->setText(user); }
void LoginDialog::setPassword(const QString &password) { m_password->setText(password); }

void LoginDialog::setReloginMode(bool relogin)
{
    m_server->setEnabled(!relogin);
    m_user->setEnabled(!relogin);
    if (relogin) m_message->setText(tr("Your session has ended. Enter your password to carry on; your open work is kept."));
}

QString LoginDialog::message() const { return m_message->text(); }

void LoginDialog::login()
{
    const auto address = client::ServerAddress::parse(m_server->currentText());
    if (!address) {
        m_message->setText(tr("Write the server as host:port, for example 192.168.1.10:7460."));
        return;
    }
    if (m_user->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        m_message->setText(tr("Enter your user name and password."));
        return;
    }
    m_message->setStyleSheet(QStringLiteral("color: #555;"));
    m_message->setText(tr("Connecting to %1 …").arg(address->toString()));
    m_login->setEnabled(false);
    m_session.start(*address, m_user->text().trimmed(), m_password->text());
}

void LoginDialog::failed(const CallError &error)
{
    m_login->setEnabled(true);
    m_message->setStyleSheet(QStringLiteral("color: #B71C1C;"));
    if (error.code() == ErrorCode::Unavailable || error.code() == ErrorCode::Timeout)
        m_message->setText(tr("Cannot reach the server %1. Check the address and the network.").arg(m_server->currentText()));
    else m_message->setText(views::errorMessage(error));
    m_password->selectAll();
    m_password->setFocus();
}

void LoginDialog::rememberServer(const QString &address)
{
    QStringList servers = QSettings().value(QStringLiteral("servers")).toStringList();
    servers.removeAll(address);
    servers.prepend(address);
    QSettings().setValue(QStringLiteral("servers"), servers.mid(0, 10));
}

} // namespace liuhe::app
