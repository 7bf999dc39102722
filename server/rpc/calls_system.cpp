// Server-level calls: ping, info (for monitoring and the bench), check (invariants).
#include "rpc/calls.h"

#include "rpc/server_context.h"
#include "store/audit_chain.h"
#include "store/db.h"
#include "store/invariants.h"

#include <QCborArray>
#include <QDateTime>
#include <QFile>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace liuhe::rpc {

using protocol::Reply;

namespace {

// Resident memory in MiB and CPU seconds of this process (0 where unknown).
QPair<double, double> processUsage()
{
    double rssMb = 0, cpuSeconds = 0;
#ifdef Q_OS_LINUX
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:")) rssMb = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
#endif
#ifdef Q_OS_UNIX
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
#endif
    return {rssMb, cpuSeconds};
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

} // namespace

void registerSystemCalls(CallRegistry &calls)
{
    calls.add({QStringLiteral("system.ping"), [](const QCborMap &) { return Requirement::publicCall(); }, {}, {},
               [](ServerContext &, const std::shared_ptr<SessionState> &, const QCborMap &, std::function<void(Reply)> done) {
                   done(QCborMap{{QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}});
               }});
    calls.add({QStringLiteral("system.info"), [](const QCborMap &) { return Requirement::loggedIn(); }, {}, {},
               [](ServerContext &ctx, const std::shared_ptr<SessionState> &, const QCborMap &, std::function<void(Reply)> done) {
                   const auto [rss, cpu] = processUsage();
                   const auto &stats = ctx.db.stats();
                   QCborMap m;
                   m.insert(QStringLiteral("backend"), ctx.backendName);
                   m.insert(QStringLiteral("sessions"), ctx.hub.sessionCount());
                   m.insert(QStringLiteral("logged_in"), ctx.hub.loggedInCount());
                   m.insert(QStringLiteral("rss_mb"), rss);
                   m.insert(QStringLiteral("cpu_s"), cpu);
                   m.insert(QStringLiteral("write_batches"), stats.batches.load());
                   m.insert(QStringLiteral("write_jobs"), stats.writeJobs.load());
                   m.insert(QStringLiteral("read_jobs"), stats.readJobs.load());
                   m.insert(QStringLiteral("store_retries"), stats.retries.load());
                   done(m);
               }});
    calls.add({QStringLiteral("system.check"), [](const QCborMap &) { return Requirement::on(QStringLiteral("audit_log"), QStringLiteral("check")); },
               check, {}, {}});
}

} // namespace liuhe::rpc
