#include "app/app_controller.h"

#include "app/language.h"
#include "app/login_dialog.h"
#include "app/main_window.h"
#include "app/password_dialog.h"
#include "dashboard/dashboard_window.h"
#include "inventory/clerk_window.h"
#include "views/entity_list_view.h"
#include "views/remote_table_model.h"

#include <QApplication>
#include <QTabWidget>
#include <QTimer>

namespace liuhe::app {

AppController::AppController(const StartOptions &options, QObject *parent) : QObject(parent), m_options(options)
{
    connect(&m_session, &client::Session::sessionEnded, this, &AppController::relogin);
}

bool AppController::start()
{
    LoginDialog dialog(m_session);
    connect(&dialog, &LoginDialog::languageChosen, this, [&dialog](const QString &code) {
        Language::apply(code);
        Language::remember(code);
        dialog.setWindowTitle(QCoreApplication::translate("liuhe::app::LoginDialog", "Liuhe — Log in"));
    });
    if (!m_options.server.isEmpty()) dialog.setServer(m_options.server);
    if (!m_options.user.isEmpty()) dialog.setUser(m_options.user);
    if (!m_options.password.isEmpty()) {
        dialog.setPassword(m_options.password);
        if (!m_options.screenshot.isEmpty() && m_options.open == QLatin1String("login")) {
            // The login dialog itself is the picture.
            QTimer::singleShot(m_options.screenshotDelayMs, &dialog, [this, &dialog] {
                dialog.grab().save(m_options.screenshot);
                dialog.reject();
            });
            dialog.exec();
            return false;
        }
        QTimer::singleShot(0, &dialog, &LoginDialog::login);
    }
    if (dialog.exec() != QDialog::Accepted) return false;
    if (!passwordSettled()) return false;
    loggedIn();
    return true;
}

bool AppController::passwordSettled()
{
    if (!m_session.mustChangePassword()) return true;
    PasswordDialog dialog(m_session, nullptr, PasswordDialog::Mode::Required);
    if (dialog.exec() == QDialog::Accepted) return true;
    m_session.logout();
    return false;
}

void AppController::loggedIn()
{
    const QString home = m_session.permissions().home();
    m_home = showWindow(home == QLatin1String("workstation") ? QStringLiteral("main") : home);
    if (!m_options.open.isEmpty()) {
        QWidget *target = m_home;
        if (m_options.open == QLatin1String("clerk") || m_options.open == QLatin1String("dashboard")) target = showWindow(m_options.open);
        else workstation()->openView(m_options.open), target = workstation();
        target->raise();
        m_home = target;
    }
    if (!m_options.screenshot.isEmpty()) QTimer::singleShot(m_options.screenshotDelayMs, this, &AppController::takeScreenshot);
}

MainWindow *AppController::workstation()
{
    if (!m_main) {
        m_main = new MainWindow(m_session);
        m_main->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_main, &MainWindow::languageSwitchRequested, this, &AppController::switchLanguage);
        connect(m_main, &MainWindow::windowRequested, this, [this](const QString &name) { showWindow(name); });
    }
    m_main->show();
    return m_main;
}

QWidget *AppController::showWindow(const QString &name)
{
    if (name == QLatin1String("clerk")) {
        if (!m_clerk) {
            auto *clerk = new inventory::ClerkWindow(m_session);
            clerk->setAttribute(Qt::WA_DeleteOnClose);
            connect(clerk, &inventory::ClerkWindow::workstationRequested, this, [this] { workstation()->raise(); });
            clerk->resize(1366, 768);
            m_clerk = clerk;
        }
        m_clerk->showMaximized();
        m_clerk->raise();
        return m_clerk;
    }
    if (name == QLatin1String("dashboard")) {
        if (!m_dashboard) {
            auto *dash = new dashboard::DashboardWindow(m_session);
            dash->setAttribute(Qt::WA_DeleteOnClose);
            connect(dash, &dashboard::DashboardWindow::workstationRequested, this, [this] { workstation()->raise(); });
            connect(dash, &dashboard::DashboardWindow::openRecordRequested, this, [this](const QString &entity, qint64 id) {
                MainWindow *main = workstation();
                main->openRecord(entity, id);
                main->raise();
                main->activateWindow();
            });
            m_dashboard = dash;
        }
        m_dashboard->show();
        m_dashboard->raise();
        return m_dashboard;
    }
    return workstation();
}

void AppController::relogin(const protocol::CallError &)
{
    // The windows stay as they are (with any unsaved typing); only the session is renewed.
    LoginDialog dialog(m_session, m_home);
    dialog.setServer(m_session.address().toString());
    dialog.setUser(m_session.userInfo().value(QStringLiteral("username")).toString());
    dialog.setReloginMode(true);
    if (dialog.exec() != QDialog::Accepted || !passwordSettled()) QApplication::quit();
}

void AppController::switchLanguage(const QString &code)
{
    if (code == Language::current()) return;
    Language::apply(code);
    Language::remember(code);
    // Windows are built in the language of their time: build them again.
    const bool hadMain = m_main, hadClerk = m_clerk, hadDash = m_dashboard;
    QStringList open;
    if (m_main)
        for (int i = 0; i < m_main->tabs()->count(); ++i)
            if (auto *list = qobject_cast<views::EntityListView *>(m_main->tabs()->widget(i))) open << list->entity().name;
    for (QPointer<QWidget> w : {QPointer<QWidget>(m_main.data()), m_clerk, m_dashboard})
        if (w) w->close();
    if (hadMain) {
        m_main = nullptr;
        MainWindow *main = workstation();
        for (const QString &e : open) main->openList(e);
    }
    if (hadClerk) showWindow(QStringLiteral("clerk"));
    if (hadDash) showWindow(QStringLiteral("dashboard"));
}

void AppController::takeScreenshot()
{
    QWidget *window = m_home ? m_home.data() : QApplication::activeWindow();
    if (m_main && window == m_main) {
        // Wait until the current list shows its rows.
        if (auto *list = qobject_cast<views::EntityListView *>(m_main->tabs()->currentWidget()); list && list->model()->isLoading()) {
            QTimer::singleShot(300, this, &AppController::takeScreenshot);
            return;
        }
    }
    if (window) window->grab().save(m_options.screenshot);
    QCoreApplication::exit(0); // not quit(): that would close the windows and ask about unsaved forms
}

} // namespace liuhe::app
