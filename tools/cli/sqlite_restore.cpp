#include "sqlite_restore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace liuhe::cli {

QString sqliteIntegrity(const QString &path)
{
    const QString connection = QStringLiteral("liuhe-cli-restore-check");
    QStringList findings;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            findings << db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) findings << q.lastError().text();
            while (q.next()) findings << q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return findings.join(u'\n');
}

int restoreSqliteBackup(CommandContext &ctx, const QString &from, const QString &dataDir, bool force)
{
    const QString integrity = sqliteIntegrity(from);
    if (integrity != QLatin1String("ok")) {
        ctx.err << QStringLiteral("%1 failed the integrity check:\n%2").arg(from, integrity) << Qt::endl;
        return kExitFailed;
    }
    const QDir dir(dataDir);
    const QString target = dir.filePath(QStringLiteral("liuhe.sqlite"));
    if (QFileInfo::exists(target) && !force) {
        ctx.err << QStringLiteral("%1 exists; stop the server and add --force to replace it").arg(target) << Qt::endl;
        return kExitFailed;
    }
    if (!QDir().mkpath(dataDir)) {
        ctx.err << QStringLiteral("cannot create %1").arg(dataDir) << Qt::endl;
        return kExitUsage;
    }
    // Copied beside the target first, so a full disk never leaves half a store.
    const QString partial = target + QStringLiteral(".restoring");
    QFile::remove(partial);
    if (!QFile::copy(from, partial)) {
        ctx.err << QStringLiteral("cannot copy %1 to %2").arg(from, partial) << Qt::endl;
        return kExitFailed;
    }
    // A -wal left from the old store would be replayed into the restored one.
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        if (QFileInfo::exists(target + suffix) && !QFile::remove(target + suffix)) {
            ctx.err << QStringLiteral("cannot remove %1").arg(target + suffix) << Qt::endl;
            return kExitFailed;
        }
    }
    if (!QFile::rename(partial, target)) {
        ctx.err << QStringLiteral("cannot move %1 to %2").arg(partial, target) << Qt::endl;
        return kExitFailed;
    }
    ctx.out << QStringLiteral("integrity check ok; restored %1 (%2 bytes) to %3").arg(from).arg(QFileInfo(target).size()).arg(target) << Qt::endl;
    return kExitOk;
}

} // namespace liuhe::cli
