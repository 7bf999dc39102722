// The server's settings, from the command line and optionally a config file
// holding the same keys (key = value per line, # comments).
#pragma once

#include "domain/attachment_rules.h"
#include "net/net_limits.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace liuhe {

struct ServerConfig {
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 7460;
    QString dataDir;
    QString databaseUrl;  // empty: SQLite in dataDir
    bool demo = false;
    QString adminPassword;
    QString tlsCert;
    QString tlsKey;
    QString logLevel = QStringLiteral("info");
    int ioThreads = 2;
    int readers = 2;
    int queueTimeoutMs = 30000; // a request not started by then gets TIMEOUT
    bool dengbao = false;
    int sessionIdleSeconds = 0; // 0: by role
    qint64 attachmentMaxBytes = attachments::kDefaultMaxBytes;
    net::NetLimits limits;

    // Parses argv; on error or --help returns nullopt and fills message.
    static std::optional<ServerConfig> parse(const QStringList &arguments, QString *message);
};

} // namespace liuhe
