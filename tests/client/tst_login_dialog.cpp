// The login dialog against the real server, typed into as a user would: the
// Chinese sentence for a wrong password, a locked (throttled) account, a
// disabled account (only with its right password: a wrong one reads as any
// other), an unreachable server, and a protocol version the server does not
// speak (a relay offers the real server version 2 in the client's HELLO).
#include "app/language.h"
#include "app/login_dialog.h"
#include "client_fixture.h"
#include "protocol/frame.h"
#include "test_data.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QSettings>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QTcpSocket>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {
QString s(const char *utf8) { return QString::fromUtf8(utf8); }

// Passes bytes between the client and the real server, except that the client's
// HELLO offers protocol version 2 only: the server answers as to a client from
// another release.
class VersionRelay : public QObject {
public:
    explicit VersionRelay(const client::ServerAddress &target) : m_target(target)
    {
        m_listener.listen(QHostAddress::LocalHost);
        QObject::connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_listener.nextPendingConnection()) relay(in);
        });
    }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_listener.serverPort()); }

private:
    void relay(QTcpSocket *in)
    {
        auto *out = new QTcpSocket(in);
        auto buffered = std::make_shared<QByteArray>();
        auto helloSent = std::make_shared<bool>(false);
        out->connectToHost(m_target.host, m_target.port);
        QObject::connect(in, &QTcpSocket::readyRead, in, [in, out, buffered, helloSent] {
            if (*helloSent) {
                out->write(in->readAll());
                return;
            }
            *buffered += in->readAll();
            FrameHeader header;
            if (buffered->size() < kHeaderSize || decodeHeader(QByteArrayView(*buffered).first(kHeaderSize), kMaxPayloadBeforeLogin, header) != HeaderProblem::None) return;
            if (buffered->size() < kHeaderSize + qsizetype(header.payloadLength)) return;
            QCborMap hello = decodePayload(QByteArrayView(*buffered).sliced(kHeaderSize, header.payloadLength)).value_or(QCborMap());
            hello.insert(QStringLiteral("versions"), QCborArray{2});
            out->write(encodeFrame(Kind::Hello, header.requestId, hello) + buffered->mid(kHeaderSize + header.payloadLength));
            *helloSent = true;
        });
        QObject::connect(out, &QTcpSocket::readyRead, in, [in, out] { in->write(out->readAll()); });
        QObject::connect(out, &QTcpSocket::disconnected, in, [in] { in->disconnectFromHost(); });
        QObject::connect(in, &QTcpSocket::disconnected, in, &QObject::deleteLater);
    }

    client::ServerAddress m_target;
    QTcpServer m_listener;
};

// A port nothing listens on: bound once, then let go.
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}
} // namespace

class TestLoginDialog : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;

    // Types the password and presses Enter; the dialog's answer once it has one.
    static QString logIn(app::LoginDialog &dialog, const QString &address, const QString &user, const QString &password)
    {
        dialog.setServer(address);
        dialog.setUser(user);
        QLineEdit *field = nullptr;
        for (QLineEdit *e : dialog.findChildren<QLineEdit *>())
            if (e->echoMode() == QLineEdit::Password) field = e;
        if (!field) return QStringLiteral("<no password field>");
        field->clear();
        field->setFocus();
        QTest::keyClicks(field, password);
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QPushButton *button = nullptr;
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QDialogButtonBox::AcceptRole) button = qobject_cast<QPushButton *>(b);
        if (!button) return QStringLiteral("<no login button>");
        QTest::keyClick(field, Qt::Key_Return);
        if (button->isEnabled()) return QStringLiteral("<not sent>");
        (void)QTest::qWaitFor([button] { return button->isEnabled(); }, 20000); // enabled again once answered
        return dialog.message();
    }

    // The guesses above count against 127.0.0.1 too; a successful login (once any block is over) clears them.
    void clearAddressFailures() { QTRY_VERIFY_WITH_TIMEOUT(server.admin() != nullptr, 90000); }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
    }

    void wrongPassword()
    {
        client::Session session;
        app::LoginDialog dialog(session);
        dialog.show();
        QCOMPARE(logIn(dialog, server.address().toString(), QStringLiteral("admin"), QStringLiteral("Wrong#Pass12345")), s("用户名或密码错误。"));
        QVERIFY(dialog.isVisible());
        // The same dialog then logs in.
        QSignalSpy in(&session, &client::Session::loggedIn);
        logIn(dialog, server.address().toString(), QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword));
        QTRY_VERIFY_WITH_TIMEOUT(!in.isEmpty(), 10000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    // A successful login puts its server first in the remembered list (no
    // repeats) and remembers the user, so the next dialog opens ready to type
    // the password.
    void theServerAndUserAreRemembered()
    {
        const QString here = server.address().toString();
        QSettings().setValue(QStringLiteral("servers"), QStringList{QStringLiteral("10.0.0.9:7460"), here});
        {
            client::Session session;
            app::LoginDialog dialog(session);
            dialog.show();
            QSignalSpy in(&session, &client::Session::loggedIn);
            dialog.setServer(here);
            dialog.setUser(QStringLiteral("admin"));
            dialog.setPassword(QString::fromLatin1(TestServer::kAdminPassword));
            QTest::keyClick(&dialog, Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(!in.isEmpty(), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5000);
        }
        QCOMPARE(QSettings().value(QStringLiteral("servers")).toStringList(), (QStringList{here, QStringLiteral("10.0.0.9:7460")}));
        client::Session session;
        app::LoginDialog next(session);
        auto *servers = next.findChild<QComboBox *>(QStringLiteral("serverAddress"));
        QVERIFY(servers);
        QCOMPARE(servers->count(), 2);
        QCOMPARE(servers->currentText(), here);
        QCOMPARE(next.findChild<QLineEdit *>(QStringLiteral("userName"))->text(), QStringLiteral("admin"));
    }

    void lockedAccount()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("locked1"), QString::fromLatin1(test::kUserPassword), QStringLiteral("lock_t"),
                                  {{QStringLiteral("product"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        client::Session session;
        app::LoginDialog dialog(session);
        dialog.show();
        // Failures from elsewhere lock the name; then even the right password is refused for a while.
        // Each further failure doubles the wait, so a slow machine soon sees the lock too.
        QString message;
        for (int round = 0; round < 4 && !message.contains(s("锁定")); ++round) {
            auto guesser = server.connect();
            QVERIFY(guesser);
            for (int i = 0; i < 6; ++i) (void)guesser->login(QStringLiteral("locked1"), QStringLiteral("Guess#Pass%1").arg(i));
            message = logIn(dialog, server.address().toString(), QStringLiteral("locked1"), QString::fromLatin1(test::kUserPassword));
        }
        QVERIFY2(message.startsWith(s("登录失败次数过多，账户已暂时锁定，请 ")) && message.endsWith(s(" 秒后再试。")), qPrintable(message));
        clearAddressFailures();
    }

    void disabledAccount()
    {
        QString error;
        const qint64 id = test::createUser(*admin, QStringLiteral("gone1"), QString::fromLatin1(test::kUserPassword), QStringLiteral("gone_t"),
                                           {{QStringLiteral("product"), QStringLiteral("read")}}, {}, &error);
        QVERIFY2(id, qPrintable(error));
        const Reply user = admin->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), id}});
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), id},
                                                                {QStringLiteral("version"), user.value().toMap().value(QStringLiteral("version"))},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("active"), false}}}}));
        client::Session session;
        app::LoginDialog dialog(session);
        dialog.show();
        QCOMPARE(logIn(dialog, server.address().toString(), QStringLiteral("gone1"), QString::fromLatin1(test::kUserPassword)),
                 s("此账号已停用，请联系管理员。"));
        // Without the right password nobody learns that the account exists, or that it is disabled.
        QCOMPARE(logIn(dialog, server.address().toString(), QStringLiteral("gone1"), QStringLiteral("Wrong#Pass12345")), s("用户名或密码错误。"));
        clearAddressFailures();
    }

    void serverUnreachable()
    {
        client::Session session;
        app::LoginDialog dialog(session);
        dialog.show();
        const QString address = QStringLiteral("127.0.0.1:%1").arg(closedPort());
        QCOMPARE(logIn(dialog, address, QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword)),
                 s("无法连接服务器 %1，请检查地址和网络。").arg(address));
    }

    void protocolVersionMismatch()
    {
        VersionRelay relay(server.address());
        client::Session session;
        app::LoginDialog dialog(session);
        dialog.show();
        QCOMPARE(logIn(dialog, relay.address(), QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword)),
                 s("客户端与服务器的协议版本不一致，请升级客户端。"));
    }

    void cleanupTestCase()
    {
        admin.reset();
        server.stop();
    }
};

QTEST_MAIN(TestLoginDialog)
#include "tst_login_dialog.moc"
