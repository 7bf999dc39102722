// How fast the machine is at the moment of a run, measured the same way every
// time: a run in a slow hour (a busy neighbour on the host, a throttled disk)
// then says so beside its figures. Processor: sorting a million pseudo-random
// integers on one thread. Disk: a durable overwrite (write, then fdatasync) of
// 4 KiB and of 256 KiB, the sizes of a small and a large commit's log write.
// Medians of several tries.
#pragma once

#include <QCborMap>
#include <QString>

namespace liuhe::bench {

struct Calibration {
    double sortMs = 0;
    double sync4kMs = 0;
    double sync256kMs = 0;
    QCborMap toCbor() const;
    QString text() const;
};

// dir: where the disk is measured: the bench passes the temporary directory, where a
// server it starts keeps its store (a server given with --server may keep it elsewhere).
Calibration calibrate(const QString &dir);

} // namespace liuhe::bench
