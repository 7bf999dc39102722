#include "store/store_config.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace liuhe::store {

std::optional<StoreConfig> StoreConfig::fromUrl(const QString &url, const QString &dataDir, QString *error)
{
    StoreConfig c;
    if (url.isEmpty() || url.startsWith(QLatin1String("sqlite:"))) {
        c.backend = Backend::Sqlite;
        const QString path = url.startsWith(QLatin1String("sqlite:")) ? url.mid(7) : QString();
        c.sqlitePath = path.isEmpty() ? QDir(dataDir).filePath(QStringLiteral("liuhe.sqlite")) : path;
        return c;
    }
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres"))) {
        if (error) *error = QStringLiteral("database URL must be postgresql://user@host:port/db");
        return std::nullopt;
    }
    c.backend = Backend::Postgres;
    c.host = u.host().isEmpty() ? QStringLiteral("127.0.0.1") : u.host();
    c.port = u.port(5432);
    // libpq's form for a server on this machine: ?host=/socket/directory (no TCP).
    const QString socketDir = QUrlQuery(u).queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (!socketDir.isEmpty()) {
        if (!socketDir.startsWith(QLatin1Char('/'))) {
            if (error) *error = QStringLiteral("host= in a database URL must be a socket directory (an absolute path)");
            return std::nullopt;
        }
        c.host = socketDir;
        const QString port = QUrlQuery(u).queryItemValue(QStringLiteral("port"));
        if (!port.isEmpty()) c.port = port.toInt();
    }
    c.user = u.userName();
    c.password = u.password();
    c.database = u.path().mid(1);
    if (c.database.isEmpty()) {
        if (error) *error = QStringLiteral("database URL names no database");
        return std::nullopt;
    }
    return c;
}

QString StoreConfig::describe() const
{
    if (backend == Backend::Sqlite) return QStringLiteral("sqlite:%1").arg(sqlitePath);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString backendName(Backend backend)
{
    return backend == Backend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

} // namespace liuhe::store
