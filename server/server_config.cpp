#include "server_config.h"

#include "auth/password_policy.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace liuhe {

namespace {

// Lines "key = value" become "--key=value" arguments placed before the real ones,
// so the command line wins.
QStringList configFileArguments(const QString &path, QString *message)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (message) *message = QStringLiteral("cannot read config file %1").arg(path);
        return {QStringLiteral("--invalid-config")};
    }
    QStringList out;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#')) continue;
        const qsizetype eq = line.indexOf(u'=');
        const QString key = (eq < 0 ? line : line.left(eq)).trimmed();
        const QString value = eq < 0 ? QString() : line.mid(eq + 1).trimmed();
        // Switches are written "demo = true" (or yes/on); false/no/off leaves them off.
        const QString lower = value.toLower();
        if (lower == QLatin1String("false") || lower == QLatin1String("no") || lower == QLatin1String("off")) continue;
        const bool isSwitch = value.isEmpty() || lower == QLatin1String("true") || lower == QLatin1String("yes") || lower == QLatin1String("on");
        out << (isSwitch ? QStringLiteral("--") + key : QStringLiteral("--%1=%2").arg(key, value));
    }
    return out;
}

} // namespace

std::optional<ServerConfig> ServerConfig::parse(const QStringList &arguments, QString *message)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Liuhe server: the store and the protocol endpoint of 六合企业管理系统."));
    p.addHelpOption();
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Read settings from FILE (key = value lines)."), QStringLiteral("FILE"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address and port to listen on (default 127.0.0.1:7460; port 0 picks a free one)."), QStringLiteral("HOST:PORT"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Directory for the SQLite store and backups."), QStringLiteral("DIR"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("postgresql://user@host:port/db instead of SQLite (on the same machine, ?host=/socket/dir for its Unix socket)."), QStringLiteral("URL"));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Load the demo company into an empty store."));
    const QCommandLineOption adminPassword(QStringLiteral("admin-password"), QStringLiteral("Initial administrator password (first start only)."), QStringLiteral("PW"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("TLS certificate chain (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("TLS private key (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"), QStringLiteral("debug, info, warn or error."), QStringLiteral("LEVEL"), QStringLiteral("info"));
    const QCommandLineOption ioThreads(QStringLiteral("io-threads"), QStringLiteral("Network threads (default 2)."), QStringLiteral("N"));
    const QCommandLineOption readers(QStringLiteral("readers"), QStringLiteral("Store reader threads (default 2)."), QStringLiteral("N"));
    const QCommandLineOption dengbao(QStringLiteral("dengbao"), QStringLiteral("等保 mode: complex passwords rotated every 90 days."));
    const QCommandLineOption idle(QStringLiteral("session-idle-seconds"), QStringLiteral("Override every role's idle timeout (seconds)."), QStringLiteral("N"));
    const QCommandLineOption perAddress(QStringLiteral("max-connections-per-address"), QStringLiteral("Connections one address may hold (default 256)."), QStringLiteral("N"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"), QStringLiteral("Connections in all (default 10000)."), QStringLiteral("N"));
    const QCommandLineOption helloTimeout(QStringLiteral("hello-timeout"), QStringLiteral("Seconds a new connection has to say HELLO (default 10)."), QStringLiteral("S"));
    const QCommandLineOption frameTimeout(QStringLiteral("frame-timeout"), QStringLiteral("Seconds a started frame has to arrive whole (default 30)."), QStringLiteral("S"));
    const QCommandLineOption preLoginIdle(QStringLiteral("pre-login-idle"), QStringLiteral("Seconds a connection may idle before logging in (default 120)."),
                                          QStringLiteral("S"));
    const QCommandLineOption queueTimeout(QStringLiteral("queue-timeout-ms"),
                                          QStringLiteral("Milliseconds a request may wait for a store thread before it gets TIMEOUT (default 30000)."),
                                          QStringLiteral("MS"));
    const QCommandLineOption maxQueued(QStringLiteral("max-queued-mb"),
                                       QStringLiteral("Answers a connection may leave unread before it is closed, in MiB (default 64)."), QStringLiteral("N"));
    const QCommandLineOption maxAttachment(QStringLiteral("max-attachment-mb"), QStringLiteral("Largest attachment accepted, in MiB (default 10, at most 15)."),
                                           QStringLiteral("N"));
    const QList<QCommandLineOption> options = {listen, dataDir, database, demo, adminPassword, tlsCert, tlsKey, logLevel, ioThreads, readers, dengbao, idle,
                                               perAddress, maxConnections, helloTimeout, frameTimeout, preLoginIdle, queueTimeout, maxQueued, maxAttachment};
    p.addOption(config);
    for (const auto &o : options) p.addOption(o);

    QStringList args = arguments;
    {
        QCommandLineParser pre;
        pre.addOption(config);
        for (const auto &o : options) pre.addOption(o);
        pre.addHelpOption();
        pre.parse(arguments);
        if (pre.isSet(config)) {
            const QStringList fileArgs = configFileArguments(pre.value(config), message);
            args = QStringList{arguments.first()} + fileArgs + arguments.mid(1);
        }
    }
    if (!p.parse(args)) {
        if (message) *message = p.errorText();
        return std::nullopt;
    }
    if (p.isSet(QStringLiteral("help"))) {
        if (message) *message = p.helpText();
        return std::nullopt;
    }
    ServerConfig c;
    if (p.isSet(listen)) {
        const QString value = p.value(listen);
        const qsizetype colon = value.lastIndexOf(u':');
        bool ok = false;
        const int port = value.mid(colon + 1).toInt(&ok);
        if (colon <= 0 || !ok || port < 0 || port > 65535) {
            if (message) *message = QStringLiteral("--listen wants HOST:PORT");
            return std::nullopt;
        }
        c.listenHost = value.left(colon);
        c.listenPort = quint16(port);
    }
    c.dataDir = p.isSet(dataDir) ? p.value(dataDir)
                                 : QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(QStringLiteral("liuhe"));
    c.databaseUrl = p.value(database);
    c.demo = p.isSet(demo);
    c.adminPassword = p.value(adminPassword);
    c.tlsCert = p.value(tlsCert);
    c.tlsKey = p.value(tlsKey);
    c.logLevel = p.value(logLevel);
    c.dengbao = p.isSet(dengbao);
    if (p.isSet(ioThreads)) c.ioThreads = std::max(1, p.value(ioThreads).toInt());
    if (p.isSet(readers)) c.readers = std::max(1, p.value(readers).toInt());
    if (p.isSet(queueTimeout)) c.queueTimeoutMs = std::max(1, p.value(queueTimeout).toInt());
    if (p.isSet(idle)) c.sessionIdleSeconds = std::max(0, p.value(idle).toInt());
    if (p.isSet(perAddress)) c.limits.maxConnectionsPerAddress = std::max(1, p.value(perAddress).toInt());
    if (p.isSet(maxConnections)) c.limits.maxConnections = std::max(1, p.value(maxConnections).toInt());
    if (p.isSet(maxQueued)) c.limits.maxQueuedBytes = std::size_t(std::max(1, p.value(maxQueued).toInt())) << 20;
    if (p.isSet(helloTimeout)) c.limits.helloTimeout = std::chrono::seconds(std::max(1, p.value(helloTimeout).toInt()));
    if (p.isSet(frameTimeout)) c.limits.frameTimeout = std::chrono::seconds(std::max(1, p.value(frameTimeout).toInt()));
    if (p.isSet(preLoginIdle)) c.limits.preLoginIdle = std::chrono::seconds(std::max(1, p.value(preLoginIdle).toInt()));
    if (!QStringList{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warn"), QStringLiteral("error")}.contains(c.logLevel)) {
        if (message) *message = QStringLiteral("--log-level wants debug, info, warn or error");
        return std::nullopt;
    }
    if (!c.adminPassword.isEmpty()) {
        const QString problem = auth::PasswordPolicy{c.dengbao}.check(c.adminPassword, QString());
        if (!problem.isEmpty()) {
            if (message) *message = QStringLiteral("--admin-password is not acceptable (%1): at least 12 characters").arg(problem);
            return std::nullopt;
        }
    }
    if (p.isSet(maxAttachment)) {
        bool ok = false;
        const qint64 mb = p.value(maxAttachment).toLongLong(&ok);
        if (!ok || mb < 1 || mb * 1024 * 1024 > attachments::kCeilingBytes) {
            if (message) *message = QStringLiteral("--max-attachment-mb wants 1 to %1").arg(attachments::kCeilingBytes / (1024 * 1024));
            return std::nullopt;
        }
        c.attachmentMaxBytes = mb * 1024 * 1024;
    }
    if (c.tlsCert.isEmpty() != c.tlsKey.isEmpty()) {
        if (message) *message = QStringLiteral("--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    return c;
}

} // namespace liuhe
