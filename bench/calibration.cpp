#include "calibration.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryFile>
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>
#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace liuhe::bench {

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double round2(double v) { return std::round(v * 100) / 100; }

bool syncData(QFile &file)
{
    if (!file.flush()) return false;
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#elif defined(Q_OS_LINUX)
    return ::fdatasync(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

double sortMs()
{
    std::vector<double> tries;
    for (int t = 0; t < 5; ++t) {
        std::mt19937 rng(42);
        std::vector<quint32> v(1'000'000);
        for (auto &x : v) x = rng();
        QElapsedTimer timer;
        timer.start();
        std::sort(v.begin(), v.end());
        tries.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(tries);
}

// The median time of a durable overwrite of `bytes` at the file's start; 0 if the disk refused.
double syncMs(QFile &file, qsizetype bytes, int tries)
{
    const QByteArray block(bytes, 'x');
    std::vector<double> times;
    for (int t = 0; t < tries; ++t) {
        QElapsedTimer timer;
        timer.start();
        if (!file.seek(0) || file.write(block) != bytes || !syncData(file)) return 0;
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

} // namespace

Calibration calibrate(const QString &dir)
{
    Calibration c;
    c.sortMs = sortMs();
    QTemporaryFile file(dir + QStringLiteral("/liuhe-calibration-XXXXXX"));
    if (file.open()) {
        // Laid out once, so that the timed writes overwrite as a log does.
        if (file.write(QByteArray(256 * 1024, '\0')) == 256 * 1024 && syncData(file)) {
            c.sync4kMs = syncMs(file, 4096, 200);
            c.sync256kMs = syncMs(file, 256 * 1024, 40);
        }
    }
    return c;
}

QCborMap Calibration::toCbor() const
{
    return QCborMap{{QStringLiteral("sort_1m_ms"), round2(sortMs)},
                    {QStringLiteral("sync_4k_ms"), round2(sync4kMs)},
                    {QStringLiteral("sync_256k_ms"), round2(sync256kMs)}};
}

QString Calibration::text() const
{
    return QStringLiteral("sorting 1M integers %1 ms; durable 4 KiB write %2 ms, 256 KiB %3 ms")
        .arg(sortMs, 0, 'f', 1)
        .arg(sync4kMs, 0, 'f', 2)
        .arg(sync256kMs, 0, 'f', 2);
}

} // namespace liuhe::bench
