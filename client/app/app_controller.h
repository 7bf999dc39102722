// Runs the client: login, the home window the role picks (workstation, warehouse
// scan screen, manager dashboard), logging in again in place when the server
// ends the session, a required password change right after login, switching
// language, and the scriptable start used for documentation screenshots
// (--open VIEW --screenshot FILE).
#pragma once

#include "net/session.h"

#include <QObject>
#include <QPointer>
#include <QWidget>

class QWidget;

namespace liuhe::app {

class MainWindow;

struct StartOptions {
    QString server;
    QString user;
    QString password;
    QString open;       // a view to open after login
    QString screenshot; // save the window as PNG and quit
    int screenshotDelayMs = 1500; // for windows without a "loaded" signal (to-do, dashboard, clerk)
};

class AppController : public QObject {
    Q_OBJECT
public:
    explicit AppController(const StartOptions &options, QObject *parent = nullptr);
    // Returns false when the user cancelled the login, or when a scripted start
    // (--screenshot) could not open its view: startError() then says why.
    bool start();
    QString startError() const { return m_startError; }
    client::Session &session() { return m_session; }
    MainWindow *workstation();
    QWidget *homeWindow() const { return m_home; }
    QWidget *showWindow(const QString &name);

Q_SIGNALS:
    // The scripted start saved its picture (the program then ends).
    void screenshotSaved(const QString &path);

private:
    // A password the login answer says must change is changed before anything
    // else opens; false when the user would rather log out.
    bool passwordSettled();
    bool loggedIn();
    bool openRequested(const QString &view);
    void refuseView(const QString &view);
    void relogin(const protocol::CallError &reason);
    void switchLanguage(const QString &code);
    // A form or report is pictured once its answer is in, any other window
    // after screenshotDelayMs (a list also waits for its rows).
    void scheduleScreenshot();
    void takeScreenshot();

    StartOptions m_options;
    client::Session m_session;
    QPointer<MainWindow> m_main;
    QPointer<QWidget> m_clerk;
    QPointer<QWidget> m_dashboard;
    QPointer<QWidget> m_home;
    QString m_startError;
    bool m_screenshotTaken = false;
};

} // namespace liuhe::app
