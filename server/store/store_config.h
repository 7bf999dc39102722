// Where the store lives: a SQLite file (embedded default) or a PostgreSQL database
// named by a postgresql:// URL.
#pragma once

#include <QString>
#include <optional>

namespace liuhe::store {

enum class Backend { Sqlite, Postgres };

struct StoreConfig {
    Backend backend = Backend::Sqlite;
    QString sqlitePath;
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString user;
    QString password;
    QString database;

    // "postgresql://user[:password]@host[:port]/db"; empty url -> SQLite file in dataDir.
    static std::optional<StoreConfig> fromUrl(const QString &url, const QString &dataDir, QString *error);
    QString describe() const; // for logs, without the password
};

QString backendName(Backend backend);

} // namespace liuhe::store
