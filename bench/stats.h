// Latency samples and their percentiles, and the report lines the bench prints
// (a table for people, one JSON object per phase and client count with --json).
#pragma once

#include <QCborMap>
#include <QHash>
#include <QList>
#include <QString>
#include <vector>

namespace liuhe::bench {

class Latencies {
public:
    void add(double ms) { m_samples.push_back(ms); }
    void merge(const Latencies &other)
    {
        m_samples.insert(m_samples.end(), other.m_samples.begin(), other.m_samples.end());
        m_sorted = false;
    }
    double percentile(double p) const; // 0..100
    double fractionAtMost(double ms) const; // 0..1
    std::size_t count() const { return m_samples.size(); }

private:
    mutable std::vector<double> m_samples;
    mutable bool m_sorted = false;
};

struct PhaseResult {
    QString phase;
    QString backend;
    int clients = 1;
    qint64 count = 0;
    double seconds = 0;
    Latencies latency;                       // per unit (order, query, …)
    QHash<QString, Latencies> perCall;       // per call kind
    QHash<QString, qint64> errors;           // by code
    double serverRssMb = 0;
    double serverCpuSeconds = 0;
    QCborMap extra;

    double perSecond() const { return seconds > 0 ? double(count) / seconds : 0; }
    QString json() const;
    QString tableRow() const;
};

QString tableHeader();

// Repeated runs of one phase as one result: the run of median throughput, with
// every run's throughput ("runs_per_s"), latencies over all runs' samples and
// errors summed. Runs must not be empty.
PhaseResult medianRun(const QList<PhaseResult> &runs);

// The machine a run measured: system, processor, cores, memory.
QString machineDescription();

} // namespace liuhe::bench
