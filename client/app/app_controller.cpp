#include "app/app_controller.h"

#include "app/language.h"
#include "app/login_dialog.h"
#include "app/main_window.h"
#include "app/password_dialog.h"
#include "dashboard/dashboard_window.h"
#include "inventory/clerk_window.h"
#include "inventory/count_variance_dialog.h"
#include "purchase/quote_comparison_dialog.h"
#include "sales/order_confirm_choices.h"
#include "sales/quotation_warehouse_choice.h"
#include "views/entity_list_view.h"
#include "views/record_form.h"
#include "views/remote_table_model.h"
#include "views/report_view.h"

#include <QApplication>
#include <QMessageBox>
#include <QTabWidget>
#include <QTimer>

namespace liuhe::app {

AppController::AppController(const StartOptions &options, QObject *parent) : QObject(parent), m_options(options)
{
    connect(&m_session, &client::Session::sessionEnded, this, &AppController::relogin);
    sales::registerSalesOrderChoices();
    sales::registerQuotationWarehouseChoice();
    inventory::registerCountVarianceCheck();
    purchase::registerQuoteComparison();
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
    return loggedIn();
}

bool AppController::passwordSettled()
{
    if (!m_session.mustChangePassword()) return true;
    PasswordDialog dialog(m_session, nullptr, PasswordDialog::Mode::Required);
    if (dialog.exec() == QDialog::Accepted) return true;
    m_session.logout();
    return false;
}

bool AppController::loggedIn()
{
    const QString home = m_session.permissions().home();
    m_home = showWindow(home == QLatin1String("workstation") ? QStringLiteral("main") : home);
    if (!m_options.open.isEmpty() && !openRequested(m_options.open)) {
        refuseView(m_options.open);
        if (!m_options.screenshot.isEmpty()) { // no picture of a view that is not there
            for (QPointer<QWidget> w : {QPointer<QWidget>(m_main.data()), m_clerk, m_dashboard}) delete w.data();
            return false;
        }
    }
    if (!m_options.screenshot.isEmpty()) scheduleScreenshot();
    return true;
}

bool AppController::openRequested(const QString &view)
{
    if (view == QLatin1String("login")) return true; // the login dialog was that view
    QWidget *target = nullptr;
    if (view == QLatin1String("clerk") || view == QLatin1String("dashboard")) target = showWindow(view);
    else if (workstation()->openView(view)) target = workstation();
    if (!target) return false;
    target->raise();
    m_home = target;
    return true;
}

// The calendar and Gantt views are named in the documentation but not built yet.
void AppController::refuseView(const QString &view)
{
    static const char *const comingLater = QT_TR_NOOP("The %1 view is not available yet: it comes with the projects and CRM modules.");
    static const char *const unknown =
        QT_TR_NOOP("Cannot open the view \"%1\": no such view, or you may not read it. Views: an entity list (customer), todo, workday, clerk, "
                   "dashboard, form:ENTITY:ID, new:ENTITY, report:NAME, login.");
    const bool later = view == QLatin1String("calendar") || view == QLatin1String("gantt");
    const char *text = later ? comingLater : unknown;
    m_startError = QString::fromLatin1(text).arg(view);
    if (!m_options.screenshot.isEmpty()) return; // scripted: the caller prints startError() and exits
    QMessageBox::warning(m_home, tr("Cannot open the view"), tr(text).arg(view));
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
            connect(clerk, &inventory::ClerkWindow::workstationRequested, this, [this, clerk] {
                clerk->showMaximized(); // out of full screen, so the workstation can be reached
                workstation()->raise();
            });
            clerk->resize(1366, 768);
            m_clerk = clerk;
        }
        // A warehouse terminal shows nothing else: no task bar to click by mistake.
        m_clerk->showFullScreen();
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
    // Windows are built in the language of their time: build them again.
    const bool hadMain = m_main, hadClerk = m_clerk, hadDash = m_dashboard;
    QStringList open;
    if (m_main)
        for (int i = 0; i < m_main->tabs()->count(); ++i)
            if (auto *list = qobject_cast<views::EntityListView *>(m_main->tabs()->widget(i))) open << list->entity().name;
    // The workstation may refuse (取消 at unsaved changes): then nothing switches.
    if (m_main && !m_main->close()) return;
    Language::apply(code);
    Language::remember(code);
    for (QPointer<QWidget> w : {m_clerk, m_dashboard})
        if (w) w->close();
    if (hadMain) {
        m_main = nullptr;
        MainWindow *main = workstation();
        for (const QString &e : open) main->openList(e);
    }
    if (hadClerk) showWindow(QStringLiteral("clerk"));
    if (hadDash) showWindow(QStringLiteral("dashboard"));
}

void AppController::scheduleScreenshot()
{
    // A moment after the answer for the panels that load after it (approval,
    // attachments); a picture anyway when the answer never comes.
    constexpr int kSettleMs = 300, kGiveUpMs = 20000;
    QWidget *current = m_main && m_home == m_main ? m_main->tabs()->currentWidget() : nullptr;
    const auto settled = [this] { QTimer::singleShot(kSettleMs, this, &AppController::takeScreenshot); };
    if (auto *form = qobject_cast<views::RecordForm *>(current); form && form->recordId())
        connect(form, &views::RecordForm::loaded, this, settled, Qt::SingleShotConnection);
    else if (auto *report = qobject_cast<views::ReportView *>(current))
        connect(report, &views::ReportView::loaded, this, settled, Qt::SingleShotConnection);
    else
        return QTimer::singleShot(m_options.screenshotDelayMs, this, &AppController::takeScreenshot);
    QTimer::singleShot(kGiveUpMs, this, &AppController::takeScreenshot);
}

void AppController::takeScreenshot()
{
    if (m_screenshotTaken) return;
    QWidget *window = m_home ? m_home.data() : QApplication::activeWindow();
    if (m_main && window == m_main) {
        // Wait until the current list shows its rows.
        if (auto *list = qobject_cast<views::EntityListView *>(m_main->tabs()->currentWidget()); list && list->model()->isLoading()) {
            QTimer::singleShot(300, this, &AppController::takeScreenshot);
            return;
        }
    }
    m_screenshotTaken = true;
    if (window) window->grab().save(m_options.screenshot);
    Q_EMIT screenshotSaved(m_options.screenshot);
}

} // namespace liuhe::app
