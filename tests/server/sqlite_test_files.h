// Opening a store's SQLite file directly, beside the server's connections, and
// SQLite's own verdict on it: for tests of what the store leaves in its files.
#pragma once

#include <QString>
#include <sqlite3.h>

inline sqlite3 *openSqliteFile(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        return nullptr;
    }
    return db;
}

// "ok", or SQLite's list of what is wrong.
inline QString sqliteIntegrity(sqlite3 *db)
{
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
    QString out;
    while (sqlite3_step(st) == SQLITE_ROW) out += QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return out;
}
