#include "stats.h"

#include <QJsonDocument>
#include <QJsonObject>
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
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10")
        .arg(oneCall ? phase + QStringLiteral(" 1-call") : phase, -14)
        .arg(backend, -10)
        .arg(clients, 7)
        .arg(count, 8)
        .arg(perSecond(), 9, 'f', 1)
        .arg(latency.percentile(50), 8, 'f', 2)
        .arg(latency.percentile(95), 8, 'f', 2)
        .arg(latency.percentile(99), 8, 'f', 2)
        .arg(serverRssMb, 7, 'f', 1)
        .arg(errs.isEmpty() ? QStringLiteral("-") : errs.join(u' '));
}

} // namespace liuhe::bench
