#include "store/sqlite_backup.h"

#include "store/db.h"

#include <QFile>
#include <sqlite3.h>

namespace liuhe::store {

bool sqliteOnlineBackup(Db &db, const QString &path, QString *error)
{
    ::sqlite3 *source = db.sqliteHandle();
    if (!source) {
        *error = QStringLiteral("not a SQLite store");
        return false;
    }
    ::sqlite3 *target = nullptr;
    const QByteArray file = QFile::encodeName(path);
    int rc = sqlite3_open_v2(file.constData(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        if (sqlite3_backup *backup = sqlite3_backup_init(target, "main", source, "main")) {
            // -1: every page in one step, so the copy is one consistent snapshot;
            // stepping in pieces would restart whenever a writer commits.
            do {
                rc = sqlite3_backup_step(backup, -1);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
            } while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            sqlite3_backup_finish(backup);
            if (rc == SQLITE_DONE) rc = sqlite3_errcode(target);
        } else {
            rc = sqlite3_errcode(target);
        }
    }
    if (rc != SQLITE_OK) *error = QString::fromUtf8(target ? sqlite3_errmsg(target) : sqlite3_errstr(rc));
    sqlite3_close(target);
    if (rc != SQLITE_OK) QFile::remove(path);
    return rc == SQLITE_OK;
}

} // namespace liuhe::store
