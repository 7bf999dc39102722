// Backups and health: system.backup and system.check on a running server, and an
// offline restore of a backup file into a data directory or a PostgreSQL database.
#include "cli_commands.h"

#include "sqlite_restore.h"

#include <QCborArray>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QUrl>

namespace liuhe::cli {

namespace {

enum class BackupKind { Unknown, Sqlite, PgDump };

// By content, not name: a renamed file still restores the right way.
BackupKind backupKindOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return BackupKind::Unknown;
    const QByteArray head = file.read(16);
    if (head.startsWith(QByteArray("SQLite format 3\0", 16))) return BackupKind::Sqlite;
    if (head.startsWith("PGDMP")) return BackupKind::PgDump;
    return BackupKind::Unknown;
}

// pg_restore into the database of a postgresql:// URL; the password goes through
// the environment so it never shows in the process list.
int restorePgDump(CommandContext &ctx, const QString &from, const QString &database)
{
    QUrl url(database);
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))) {
        ctx.err << QStringLiteral("--database must be a postgresql:// URL") << Qt::endl;
        return kExitUsage;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!url.password().isEmpty()) env.insert(QStringLiteral("PGPASSWORD"), url.password());
    url.setPassword(QString());
    QProcess restore;
    restore.setProcessEnvironment(env);
    restore.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // One transaction: the database is either the backup or unchanged. Owners are
    // not restored because the server's role may be named differently here.
    const QStringList arguments = {QStringLiteral("--clean"), QStringLiteral("--if-exists"), QStringLiteral("--no-owner"),
                                   QStringLiteral("--single-transaction"), QStringLiteral("-d"), url.toString(), from};
    restore.start(QStringLiteral("pg_restore"), arguments);
    if (!restore.waitForStarted()) {
        ctx.err << QStringLiteral("cannot run pg_restore: %1").arg(restore.errorString()) << Qt::endl;
        return kExitUsage;
    }
    restore.waitForFinished(-1);
    if (restore.exitStatus() != QProcess::NormalExit || restore.exitCode() != 0) {
        ctx.err << QStringLiteral("pg_restore failed (exit code %1); the database was left unchanged").arg(restore.exitCode()) << Qt::endl;
        return kExitFailed;
    }
    ctx.out << QStringLiteral("restored %1 into %2 with pg_restore --clean --if-exists").arg(from, url.toString()) << Qt::endl;
    return kExitOk;
}

} // namespace

int backup(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Asks the server for a consistent backup under its data directory."));
    if (auto stop = ctx.parse(parser, 0, 0)) return *stop;
    const auto result = ctx.call(QStringLiteral("backup"), QStringLiteral("system.backup"), {}, 60 * 60 * 1000);
    if (!result) return ctx.failureExitCode();
    const QCborMap m = result->toMap();
    ctx.out << QStringLiteral("backup written: %1 (%2 bytes)").arg(m.value(QStringLiteral("path")).toString()).arg(m.value(QStringLiteral("bytes")).toInteger())
            << Qt::endl;
    return kExitOk;
}

int check(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Verifies the audit chain and the business invariants; exits 1 on a problem."));
    if (auto stop = ctx.parse(parser, 0, 0)) return *stop;
    const auto result = ctx.call(QStringLiteral("check"), QStringLiteral("system.check"), {}, 30 * 60 * 1000);
    if (!result) return ctx.failureExitCode();
    const QCborMap m = result->toMap();
    QStringList checked;
    for (const auto &c : m.value(QStringLiteral("checked")).toArray()) checked << c.toString();
    const QCborArray problems = m.value(QStringLiteral("problems")).toArray();
    for (const auto &p : problems) ctx.out << QStringLiteral("problem: ") << p.toString() << Qt::endl;
    ctx.out << QStringLiteral("checked %1: %2").arg(checked.join(QStringLiteral(", ")),
                                                   problems.isEmpty() ? QStringLiteral("ok") : QStringLiteral("%1 problem(s)").arg(problems.size()))
            << Qt::endl;
    return m.value(QStringLiteral("ok")).toBool() ? kExitOk : kExitFailed;
}

int restore(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Restores a backup with the server stopped: a .sqlite backup into --data-dir, "
                                                    "a .pgdump backup into --database."));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("The backup file."), QStringLiteral("file"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("SQLite: the server's data directory."), QStringLiteral("dir"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("PostgreSQL: postgresql://user[:password]@host:port/db."),
                                      QStringLiteral("url"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("SQLite: replace an existing liuhe.sqlite."));
    parser.addOptions({from, dataDir, database, force});
    if (auto stop = ctx.parse(parser, 0, 0)) return *stop;
    if (!parser.isSet(from)) {
        ctx.err << QStringLiteral("--from is required") << Qt::endl;
        return kExitUsage;
    }
    const QString file = parser.value(from);
    if (!QFileInfo(file).isReadable()) {
        ctx.err << QStringLiteral("cannot read %1").arg(file) << Qt::endl;
        return kExitUsage;
    }
    switch (backupKindOf(file)) {
    case BackupKind::Sqlite:
        if (!parser.isSet(dataDir)) break;
        return restoreSqliteBackup(ctx, file, parser.value(dataDir), parser.isSet(force));
    case BackupKind::PgDump:
        if (!parser.isSet(database)) break;
        return restorePgDump(ctx, file, parser.value(database));
    case BackupKind::Unknown:
        ctx.err << QStringLiteral("%1 is neither a SQLite backup nor a pg_dump archive").arg(file) << Qt::endl;
        return kExitUsage;
    }
    ctx.err << QStringLiteral("a .sqlite backup needs --data-dir, a .pgdump backup needs --database") << Qt::endl;
    return kExitUsage;
}

} // namespace liuhe::cli
