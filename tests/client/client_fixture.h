// For client tests: a real server, a logged-in client Session, and waiting for
// asynchronous answers inside the Qt event loop.
#pragma once

#include "net/session.h"
#include "test_server.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <memory>

namespace liuhe::test {

inline std::unique_ptr<client::Session> loggedInSession(const TestServer &server, const QString &user, const QString &password)
{
    auto session = std::make_unique<client::Session>();
    QSignalSpy in(session.get(), &client::Session::loggedIn);
    session->start(server.address(), user, password);
    if (!in.wait(15000)) return nullptr;
    return session;
}

// The usual start of a client test: the real server, an administrator's
// SyncClient to set up data, and a logged-in client Session. Empty on success.
inline QString startWithAdmin(TestServer &server, std::unique_ptr<client::SyncClient> &admin, std::unique_ptr<client::Session> &session)
{
    if (!server.start()) return server.error();
    admin = server.admin();
    if (!admin) return QStringLiteral("admin login failed: ") + server.error();
    session = loggedInSession(server, QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword));
    return session ? QString() : QStringLiteral("the client session did not log in");
}

// Runs a call on a session and waits for its answer.
inline protocol::Reply callAndWait(client::Session &session, const QString &name, const QCborMap &args = {})
{
    std::optional<protocol::Reply> answer;
    session.call(name, args, [&answer](const protocol::Reply &r) { answer = r; });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, 30000);
    return answer.value_or(protocol::Reply::fail(protocol::ErrorCode::Timeout, QStringLiteral("no answer")));
}

// Shows a top-level window at a size and waits until it is the active one
// (keys from the tests and the scanner go to the active window).
inline bool showActive(QWidget &window, int width, int height)
{
    window.resize(width, height);
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

// A scanner: every character at once, then Enter, to whatever has focus.
inline void scanKeys(const QString &code)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY(target);
    QTest::keyClicks(target, code, Qt::NoModifier, 0);
    QTest::keyClick(target, Qt::Key_Return);
}

// Answers the next modal dialog of type T with f (the dialog's exec() blocks the test).
template <class T, class F>
void answerNextDialog(F f)
{
    auto *timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, [timer, f] {
        if (auto *d = qobject_cast<T *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            f(d);
        }
    });
    timer->start(50);
}

} // namespace liuhe::test
