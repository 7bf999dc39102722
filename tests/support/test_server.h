// Starts the real liuhe-server binary for a test: on an ephemeral port, with a
// fresh SQLite store in a temporary directory or a fresh PostgreSQL database
// (LIUHE_TEST_BACKEND=postgresql, LIUHE_TEST_PG=postgresql://user@host:port/postgres).
#pragma once

#include "net/sync_client.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace liuhe::test {

class TestServer {
public:
    static constexpr const char *kAdminPassword = "Admin#Pass1234";

    TestServer();
    ~TestServer();

    static QString backend(); // "sqlite" or "postgresql"
    // Uses this PostgreSQL database instead of creating a fresh one (the bench).
    void useDatabase(const QString &url) { m_databaseUrl = url; }
    // Starts the server through a launcher, e.g. {"fiu-run", "-x", "-c", "enable_random …"}.
    void setLauncher(const QStringList &launcher) { m_launcher = launcher; }
    // Keeps the SQLite store (and backups) in this directory instead of a temporary one.
    void useDataDir(const QString &path) { m_dataDirOverride = path; }
    // Starts the server; extra arguments are appended. False with error() set on failure.
    bool start(const QStringList &extraArguments = {});
    // Starts again on the same store (after stop() or kill()).
    bool restart(const QStringList &extraArguments = {});
    void stop();   // SIGTERM and wait
    void kill();   // SIGKILL
    bool isRunning() const;
    qint64 processId() const; // the server's (a launcher that execs it keeps the id)

    client::ServerAddress address() const { return m_address; }
    quint16 port() const { return m_address.port; }
    QString databaseUrl() const { return m_databaseUrl; }
    QString dataDir() const { return m_dataDirOverride.isEmpty() ? m_dataDir.path() : m_dataDirOverride; }
    QString error() const { return m_error; }
    QByteArray log() const;

    std::unique_ptr<client::SyncClient> connect();
    // Connected and logged in; nullptr (and error()) on failure.
    std::unique_ptr<client::SyncClient> login(const QString &username, const QString &password);
    std::unique_ptr<client::SyncClient> admin() { return login(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword)); }

    static QString serverBinary();

    // A direct connection to the server's store, for checks and tampering that no
    // call allows (the test's own connection name; close it before the server stops).
    QSqlDatabase openStore(const QString &connectionName = QStringLiteral("test-store"));

private:
    bool launch(const QStringList &arguments);
    bool createDatabase();
    void dropDatabase();

    QTemporaryDir m_dataDir;
    QString m_dataDirOverride;
    QStringList m_launcher;
    QString m_databaseUrl;
    QString m_databaseName;
    QStringList m_baseArguments;
    std::unique_ptr<QProcess> m_process;
    client::ServerAddress m_address;
    QString m_error;
    QByteArray m_stderr;
};

} // namespace liuhe::test
