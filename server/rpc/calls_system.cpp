// Server-level calls: ping, info (for monitoring and the bench), check (invariants).
#include "rpc/calls.h"

#include "rpc/server_context.h"
#include "store/audit_chain.h"
#include "store/db.h"
#include "store/sqlite_backup.h"
#include "store/invariants.h"
#include "store/write_scope.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace liuhe::rpc {

using protocol::ErrorCode;
using protocol::Reply;

namespace {

// Resident memory in MiB and CPU seconds of this process (0 where unknown).
// Memory is what the process owns (anonymous and shared): the database pages
// readers see through a map are the system's file cache, counted apart.
struct ProcessUsage {
    double ownMb = 0;
    double mappedFileMb = 0;
    double cpuSeconds = 0;
};

ProcessUsage processUsage()
{
    ProcessUsage u;
#ifdef Q_OS_LINUX
    QFile status(QStringLiteral("/proc/self/status"));
    auto mb = [](const QByteArray &line) { return line.mid(line.indexOf(':') + 1).trimmed().split(' ').first().toDouble() / 1024.0; }; // "RssAnon:   1234 kB"
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("RssAnon:") || line.startsWith("RssShmem:")) u.ownMb += mb(line);
            else if (line.startsWith("RssFile:")) u.mappedFileMb = mb(line);
        }
#endif
#ifdef Q_OS_UNIX
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        u.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
#endif
    return u;
}

Reply check(store::Db &db, const CallInput &)
{
    QCborArray problems;
    QCborArray checked;
    for (const QString &p : store::AuditChain::verify(db)) problems.append(p);
    checked.append(QStringLiteral("audit_chain"));
    for (const auto &inv : store::Invariants::instance().all()) {
        for (const QString &p : inv.check(db)) problems.append(p);
        checked.append(inv.name);
    }
    return QCborMap{{QStringLiteral("ok"), problems.isEmpty()}, {QStringLiteral("problems"), problems}, {QStringLiteral("checked"), checked}};
}

// A consistent copy of the store while it runs: SQLite's online backup API on its
// own connection, pg_dump for PostgreSQL. Written under DATA_DIR/backups.
void backup(ServerContext &ctx, const std::shared_ptr<SessionState> &session, const QCborMap &, std::function<void(Reply)> done)
{
    const auth::Caller caller = session->caller(QStringLiteral("system.backup"));
    ctx.cpu.post([&ctx, caller, done] {
        const QString dir = QDir(ctx.dataDir).filePath(QStringLiteral("backups"));
        QDir().mkpath(dir);
        const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
        QString path;
        QString error;
        const store::StoreConfig &config = ctx.storeConfig;
        if (config.backend == store::Backend::Sqlite) {
            path = QDir(dir).filePath(QStringLiteral("liuhe-%1.sqlite").arg(stamp));
            try {
                store::Db db(config, QStringLiteral("backup-%1").arg(stamp));
                store::sqliteOnlineBackup(db, path, &error);
            } catch (const store::StoreError &e) {
                error = e.message();
            }
        } else {
            path = QDir(dir).filePath(QStringLiteral("liuhe-%1.pgdump").arg(stamp));
            QProcess dump;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            if (!config.password.isEmpty()) env.insert(QStringLiteral("PGPASSWORD"), config.password);
            dump.setProcessEnvironment(env);
            dump.start(QStringLiteral("pg_dump"), {QStringLiteral("-Fc"), QStringLiteral("-f"), path, QStringLiteral("-h"), config.host, QStringLiteral("-p"),
                                                   QString::number(config.port), QStringLiteral("-U"), config.user, config.database});
            if (!dump.waitForFinished(30 * 60 * 1000) || dump.exitCode() != 0) error = QString::fromUtf8(dump.readAllStandardError()).left(500);
        }
        if (!error.isEmpty()) {
            done(Reply::fail(ErrorCode::Unavailable, QStringLiteral("backup failed: %1").arg(error)));
            return;
        }
        const qint64 bytes = QFileInfo(path).size();
        ctx.db.write(
            [caller, path, bytes](store::WriteScope &scope) -> Reply {
                scope.audit(store::AuditEntry{caller.userId, caller.call, QString(), 0,
                                              QCborMap{{QStringLiteral("file"), QFileInfo(path).fileName()}, {QStringLiteral("bytes"), bytes}},
                                              QStringLiteral("ok"), caller.peer});
                return QCborValue(true);
            },
            [done, path, bytes](Reply, store::WriteEffects) {
                done(QCborMap{{QStringLiteral("path"), path}, {QStringLiteral("bytes"), bytes}});
            });
    });
}

} // namespace

void registerSystemCalls(CallRegistry &calls)
{
    calls.add({QStringLiteral("system.ping"), [](const QCborMap &) { return Requirement::publicCall(); }, {}, {},
               [](ServerContext &, const std::shared_ptr<SessionState> &, const QCborMap &, std::function<void(Reply)> done) {
                   done(QCborMap{{QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}});
               }});
    calls.add({QStringLiteral("system.info"), [](const QCborMap &) { return Requirement::loggedIn(); }, {}, {},
               [](ServerContext &ctx, const std::shared_ptr<SessionState> &, const QCborMap &, std::function<void(Reply)> done) {
                   const ProcessUsage usage = processUsage();
                   const auto &stats = ctx.db.stats();
                   QCborMap m;
                   m.insert(QStringLiteral("backend"), ctx.backendName);
                   m.insert(QStringLiteral("build"), QCoreApplication::applicationVersion());
                   m.insert(QStringLiteral("sessions"), ctx.hub.sessionCount());
                   m.insert(QStringLiteral("logged_in"), ctx.hub.loggedInCount());
                   m.insert(QStringLiteral("rss_mb"), usage.ownMb);
                   m.insert(QStringLiteral("file_mb"), usage.mappedFileMb);
                   m.insert(QStringLiteral("cpu_s"), usage.cpuSeconds);
                   m.insert(QStringLiteral("write_batches"), stats.batches.load());
                   m.insert(QStringLiteral("write_jobs"), stats.writeJobs.load());
                   m.insert(QStringLiteral("wal_syncs"), ctx.db.walSyncs());
                   m.insert(QStringLiteral("read_jobs"), stats.readJobs.load());
                   m.insert(QStringLiteral("writer_busy_ms"), stats.writerBusyNs.load() / 1000000);
                   m.insert(QStringLiteral("log_pages"), stats.logPages.load());
                   m.insert(QStringLiteral("write_queued_ms"), stats.writeQueuedNs.load() / 1000000);
                   m.insert(QStringLiteral("write_in_batch_ms"), stats.writeInBatchNs.load() / 1000000);
                   m.insert(QStringLiteral("write_after_commit_ms"), stats.writeAfterCommitNs.load() / 1000000);
                   m.insert(QStringLiteral("store_retries"), stats.retries.load());
                   m.insert(QStringLiteral("rerun_batches"), stats.rerunBatches.load());
                   done(m);
               }});
    // The call names this server answers (tools and the access-matrix test walk them).
    calls.add({QStringLiteral("system.calls"), [](const QCborMap &) { return Requirement::loggedIn(); }, {}, {},
               [](ServerContext &ctx, const std::shared_ptr<SessionState> &, const QCborMap &, std::function<void(Reply)> done) {
                   QStringList names = ctx.calls.names();
                   names.sort();
                   QCborArray out;
                   for (const QString &n : names) out.append(n);
                   done(QCborMap{{QStringLiteral("calls"), out}});
               }});
    calls.add({QStringLiteral("system.backup"), [](const QCborMap &) { return Requirement::on(QStringLiteral("audit_log"), QStringLiteral("backup")); },
               {}, {}, backup});
    calls.add({QStringLiteral("system.check"), [](const QCborMap &) { return Requirement::on(QStringLiteral("audit_log"), QStringLiteral("check")); },
               check, {}, {}});
}

} // namespace liuhe::rpc
