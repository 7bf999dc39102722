// Disk full: the SQLite store lives on a small tmpfs that fills up. The server
// answers UNAVAILABLE, stays up, loses nothing it acknowledged, and works again
// once there is room. Mounting needs root (as on the CI machine).
#include "reliability_support.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace liuhe;
using liuhe::protocol::ErrorCode;
using liuhe::protocol::Reply;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {

bool run(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    const bool ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (output) *output = QString::fromLocal8Bit(p.readAll());
    return ok;
}

Reply saveCustomer(client::SyncClient &c, int i)
{
    return c.call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                 {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("DF%1").arg(i, 6, 10, QLatin1Char('0'))},
                                                                               {QStringLiteral("name"), QStringLiteral("磁盘测试客户%1").arg(i)},
                                                                               {QStringLiteral("notes"), QString(3900, QChar(u'满'))}}}});
}

} // namespace

class TestDiskFull : public QObject {
    Q_OBJECT
    QTemporaryDir mountPoint;
    bool mounted = false;
    TestServer server;

private Q_SLOTS:
    void initTestCase()
    {
        QString out;
        mounted = run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=12m"),
                                                QStringLiteral("tmpfs"), mountPoint.path()},
                      &out);
        QVERIFY2(mounted, qPrintable(QStringLiteral("cannot mount a tmpfs (the disk-full test needs root): ") + out));
    }

    void fullDiskLosesNothingAndRecovers()
    {
        server.useDataDir(mountPoint.path());
        QVERIFY2(server.start(), qPrintable(server.error()));
        auto admin = server.admin();
        QVERIFY(admin);
        QList<int> acknowledged;
        int failures = 0, i = 0;
        ErrorCode firstError = ErrorCode::Internal;
        for (; i < 20000 && failures < 20; ++i) {
            const Reply r = saveCustomer(*admin, i);
            if (r.isOk()) {
                acknowledged << i;
                continue;
            }
            if (failures++ == 0) firstError = r.error().code();
            QVERIFY2(r.error().code() == ErrorCode::Unavailable, qPrintable(test::describe(r)));
        }
        QVERIFY2(failures > 0, "the store never filled up");
        QCOMPARE(protocol::errorCodeName(firstError), protocol::errorCodeName(ErrorCode::Unavailable));
        // Still up, and everything acknowledged is there.
        LH_VERIFY_OK(admin->call(QStringLiteral("system.ping")));
        const Reply count = admin->call(QStringLiteral("data.query"),
                                        M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("limit"), 1}, {QStringLiteral("total"), true},
                                          {QStringLiteral("filter"), QCborArray{QStringLiteral("like"), QStringLiteral("code"), QStringLiteral("DF%")}}});
        LH_VERIFY_OK(count);
        QCOMPARE(count.value().toMap().value(QStringLiteral("total")).toInteger(), qint64(acknowledged.size()));

        // Room again: writes work without a restart.
        QVERIFY(run(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,size=256m"), mountPoint.path()}));
        Reply again;
        for (int attempt = 0; attempt < 20; ++attempt) {
            again = saveCustomer(*admin, i + attempt);
            if (again.isOk()) break;
            QTest::qWait(200);
        }
        LH_VERIFY_OK(again);
        const QString problems = reliability::invariantProblems(*admin);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        qInfo("%lld customers acknowledged before the disk filled, %d refused as UNAVAILABLE, writes resumed after remount",
              static_cast<long long>(acknowledged.size()), failures);
        // After a restart too, everything acknowledged is still there.
        admin.reset();
        server.stop();
        QVERIFY2(server.restart(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        const Reply after = admin->call(QStringLiteral("data.query"),
                                        M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("limit"), 1}, {QStringLiteral("total"), true},
                                          {QStringLiteral("filter"), QCborArray{QStringLiteral("like"), QStringLiteral("code"), QStringLiteral("DF%")}}});
        QCOMPARE(after.value().toMap().value(QStringLiteral("total")).toInteger(), qint64(acknowledged.size() + 1));
    }

    void cleanupTestCase()
    {
        server.stop();
        if (mounted) run(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint.path()});
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_disk_full.moc"
