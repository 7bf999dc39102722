#include "stats.h"

#include <QCborArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>
#include <algorithm>
#include <cmath>

namespace liuhe::bench {

double Latencies::percentile(double p) const
{
    if (m_samples.empty()) return 0;
    if (!m_sorted) {
        std::sort(m_samples.begin(), m_samples.end());
        m_sorted = true;
    }
    const double rank = p / 100.0 * double(m_samples.size() - 1);
    const std::size_t lo = std::size_t(std::floor(rank)), hi = std::size_t(std::ceil(rank));
    return m_samples[lo] + (m_samples[hi] - m_samples[lo]) * (rank - double(lo));
}

double Latencies::fractionAtMost(double ms) const
{
    if (m_samples.empty()) return 0;
    return double(std::count_if(m_samples.begin(), m_samples.end(), [ms](double v) { return v <= ms; })) / double(m_samples.size());
}

QString PhaseResult::json() const
{
    QJsonObject o;
    o.insert(QStringLiteral("phase"), phase);
    o.insert(QStringLiteral("backend"), backend);
    o.insert(QStringLiteral("clients"), clients);
    o.insert(QStringLiteral("count"), count);
    o.insert(QStringLiteral("seconds"), std::round(seconds * 1000) / 1000);
    o.insert(QStringLiteral("per_s"), std::round(perSecond() * 10) / 10);
    o.insert(QStringLiteral("p50_ms"), std::round(latency.percentile(50) * 100) / 100);
    o.insert(QStringLiteral("p95_ms"), std::round(latency.percentile(95) * 100) / 100);
    o.insert(QStringLiteral("p99_ms"), std::round(latency.percentile(99) * 100) / 100);
    QJsonObject calls;
    for (auto it = perCall.constBegin(); it != perCall.constEnd(); ++it)
        calls.insert(it.key(), QJsonObject{{QStringLiteral("p50_ms"), std::round(it.value().percentile(50) * 100) / 100},
                                           {QStringLiteral("p95_ms"), std::round(it.value().percentile(95) * 100) / 100},
                                           {QStringLiteral("p99_ms"), std::round(it.value().percentile(99) * 100) / 100}});
    if (!calls.isEmpty()) o.insert(QStringLiteral("calls"), calls);
    QJsonObject errs;
    for (auto it = errors.constBegin(); it != errors.constEnd(); ++it) errs.insert(it.key(), it.value());
    o.insert(QStringLiteral("errors"), errs);
    o.insert(QStringLiteral("server_rss_mb"), std::round(serverRssMb * 10) / 10);
    o.insert(QStringLiteral("server_cpu_s"), std::round(serverCpuSeconds * 100) / 100);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) o.insert(it.key().toString(), it.value().toJsonValue());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

PhaseResult medianRun(const QList<PhaseResult> &runs)
{
    QList<PhaseResult> sorted = runs;
    std::sort(sorted.begin(), sorted.end(), [](const PhaseResult &a, const PhaseResult &b) { return a.perSecond() < b.perSecond(); });
    PhaseResult out = sorted[(sorted.size() - 1) / 2]; // the lower middle of an even count
    if (runs.size() == 1) return out;
    out.latency = {};
    out.perCall.clear();
    out.errors.clear();
    QCborArray perSecond;
    for (const PhaseResult &r : runs) {
        out.latency.merge(r.latency);
        for (auto it = r.perCall.constBegin(); it != r.perCall.constEnd(); ++it) out.perCall[it.key()].merge(it.value());
        for (auto it = r.errors.constBegin(); it != r.errors.constEnd(); ++it) out.errors[it.key()] += it.value();
        perSecond.append(std::round(r.perSecond() * 10) / 10);
    }
    out.extra.insert(QStringLiteral("runs_per_s"), perSecond);
    return out;
}

QString machineDescription()
{
    QString cpu;
    QFile info(QStringLiteral("/proc/cpuinfo")); // Linux; elsewhere the processor goes unnamed
    if (info.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : info.readAll().split('\n'))
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).simplified();
                break;
            }
    }
    qint64 memoryKb = 0;
    QFile mem(QStringLiteral("/proc/meminfo"));
    if (mem.open(QIODevice::ReadOnly)) memoryKb = QString::fromLatin1(mem.readLine()).section(u' ', 1, 1, QString::SectionSkipEmpty).toLongLong();
    QString out = QStringLiteral("%1, %2 cores").arg(QSysInfo::prettyProductName()).arg(QThread::idealThreadCount());
    if (!cpu.isEmpty()) out += QStringLiteral(", ") + cpu;
    if (memoryKb > 0) out += QStringLiteral(", %1 GiB").arg(std::round(double(memoryKb) / (1024.0 * 1024.0)));
    return out;
}

QString tableHeader()
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10")
        .arg(QStringLiteral("phase"), -14)
        .arg(QStringLiteral("backend"), -10)
        .arg(QStringLiteral("clients"), 7)
        .arg(QStringLiteral("count"), 8)
        .arg(QStringLiteral("per_s"), 9)
        .arg(QStringLiteral("p50_ms"), 8)
        .arg(QStringLiteral("p95_ms"), 8)
        .arg(QStringLiteral("p99_ms"), 8)
        .arg(QStringLiteral("rss_mb"), 7)
        .arg(QStringLiteral("errors"));
}

QString PhaseResult::tableRow() const
{
    QStringList errs;
    for (auto it = errors.constBegin(); it != errors.constEnd(); ++it) errs << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    // The flow is in the JSON; in the table a one-call orders run is told apart by its name.
    const bool oneCall = extra.value(QStringLiteral("flow")).toString() == QLatin1String("one_call");
    // Repeated runs: the table shows the median run's throughput, then every run's.
    QStringList runs;
    for (const auto &v : extra.value(QStringLiteral("runs_per_s")).toArray()) runs << QString::number(v.toDouble(), 'f', 1);
    const QString runsNote = runs.isEmpty() ? QString() : QStringLiteral("  runs %1/s").arg(runs.join(u'/'));
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10%11")
        .arg(oneCall ? phase + QStringLiteral(" 1-call") : phase, -14)
        .arg(backend, -10)
        .arg(clients, 7)
        .arg(count, 8)
        .arg(perSecond(), 9, 'f', 1)
        .arg(latency.percentile(50), 8, 'f', 2)
        .arg(latency.percentile(95), 8, 'f', 2)
        .arg(latency.percentile(99), 8, 'f', 2)
        .arg(serverRssMb, 7, 'f', 1)
        .arg(errs.isEmpty() ? QStringLiteral("-") : errs.join(u' '))
        .arg(runsNote);
}

} // namespace liuhe::bench
