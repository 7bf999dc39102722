#include "test_server.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <csignal>

namespace liuhe::test {

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    if (isRunning()) kill();
    dropDatabase();
}

QString TestServer::backend()
{
    const QString b = qEnvironmentVariable("LIUHE_TEST_BACKEND", QStringLiteral("sqlite"));
    return b == QLatin1String("postgresql") ? b : QStringLiteral("sqlite");
}

QString TestServer::serverBinary()
{
    const QString fromEnv = qEnvironmentVariable("LIUHE_SERVER_BINARY");
    return fromEnv.isEmpty() ? QStringLiteral(LIUHE_SERVER_BINARY) : fromEnv;
}

bool TestServer::createDatabase()
{
    const QString adminUrl = qEnvironmentVariable("LIUHE_TEST_PG");
    if (adminUrl.isEmpty()) {
        m_error = QStringLiteral("LIUHE_TEST_BACKEND=postgresql needs LIUHE_TEST_PG (an admin URL); the test command starts a private cluster");
        return false;
    }
    const QUrl url(adminUrl);
    m_databaseName = QStringLiteral("liuhe_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("test-admin"));
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            m_error = QStringLiteral("cannot reach PostgreSQL at %1: %2").arg(adminUrl, db.lastError().text());
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(m_databaseName)))
                m_error = QStringLiteral("CREATE DATABASE failed: %1").arg(q.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-admin"));
    if (!m_error.isEmpty()) return false;
    QUrl dbUrl = url;
    dbUrl.setPath(u'/' + m_databaseName);
    m_databaseUrl = dbUrl.toString();
    return true;
}

void TestServer::dropDatabase()
{
    if (m_databaseName.isEmpty()) return;
    const QUrl url(qEnvironmentVariable("LIUHE_TEST_PG"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("test-admin"));
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (db.open()) QSqlQuery(db).exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_databaseName));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-admin"));
    m_databaseName.clear();
}

bool TestServer::start(const QStringList &extraArguments)
{
    if (!m_dataDir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    m_baseArguments = {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--admin-password"), QString::fromLatin1(kAdminPassword),
                       QStringLiteral("--log-level"), qEnvironmentVariable("LIUHE_TEST_LOG_LEVEL", QStringLiteral("info"))};
    if (!m_databaseUrl.isEmpty() || backend() == QLatin1String("postgresql")) {
        if (m_databaseUrl.isEmpty() && !createDatabase()) return false;
        m_baseArguments << QStringLiteral("--database") << m_databaseUrl;
    }
    return launch(m_baseArguments + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + extraArguments);
}

bool TestServer::restart(const QStringList &extraArguments)
{
    // The same port, so clients that remember the address can reconnect.
    return launch(m_baseArguments + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_address.port)} + extraArguments);
}

bool TestServer::launch(const QStringList &arguments)
{
    m_process = std::make_unique<QProcess>();
    if (m_launcher.isEmpty()) {
        m_process->setProgram(serverBinary());
        m_process->setArguments(arguments);
    } else {
        m_process->setProgram(m_launcher.first());
        m_process->setArguments(m_launcher.mid(1) + QStringList{serverBinary()} + arguments);
    }
    m_stderr.clear();
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                     [this] {
                         const QByteArray chunk = m_process->readAllStandardError();
                         m_stderr += chunk;
                         // LIUHE_TEST_ECHO_SERVER=1 shows the server's log while a test runs.
                         if (qEnvironmentVariableIsSet("LIUHE_TEST_ECHO_SERVER")) fputs(chunk.constData(), stderr);
                     });
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1").arg(serverBinary());
        return false;
    }
    static const QRegularExpression ready(QStringLiteral(R"(ready on ([0-9.]+):(\d+))"));
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (timer.elapsed() < 60000) {
        if (!m_process->waitForReadyRead(200)) {
            if (m_process->state() == QProcess::NotRunning) break;
            continue;
        }
        out += m_process->readAllStandardOutput();
        const auto m = ready.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_address.host = m.captured(1);
            m_address.port = quint16(m.captured(2).toUInt());
            return true;
        }
    }
    m_stderr += m_process->readAllStandardError();
    m_error = QStringLiteral("server did not get ready: %1").arg(QString::fromUtf8(m_stderr.right(2000)));
    return false;
}

void TestServer::stop()
{
    if (!isRunning()) return;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(20000)) kill();
}

void TestServer::kill()
{
    if (!isRunning()) return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

qint64 TestServer::processId() const { return m_process ? m_process->processId() : 0; }

bool TestServer::isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

QByteArray TestServer::log() const
{
    QByteArray all = m_stderr;
    if (m_process) all += m_process->readAllStandardError();
    return all;
}

QSqlDatabase TestServer::openStore(const QString &connectionName)
{
    if (QSqlDatabase::contains(connectionName)) return QSqlDatabase::database(connectionName);
    if (backend() == QLatin1String("postgresql")) {
        const QUrl url(m_databaseUrl);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        db.open();
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(QDir(dataDir()).filePath(QStringLiteral("liuhe.sqlite")));
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    db.open();
    return db;
}

std::unique_ptr<client::SyncClient> TestServer::connect()
{
    auto c = std::make_unique<client::SyncClient>();
    protocol::CallError e;
    if (!c->connectTo(m_address, &e)) {
        m_error = e.message();
        return nullptr;
    }
    return c;
}

std::unique_ptr<client::SyncClient> TestServer::login(const QString &username, const QString &password)
{
    auto c = connect();
    if (!c) return nullptr;
    const protocol::Reply r = c->login(username, password);
    if (!r.isOk()) {
        m_error = QStringLiteral("login %1 failed: %2").arg(username, r.error().message());
        return nullptr;
    }
    return c;
}

} // namespace liuhe::test
