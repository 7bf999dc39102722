// Faults injected with libfiu (fiu-run from Debian's fiu-utils): file I/O calls
// and memory allocations fail at small random rates while orders flow. The
// server does not crash, every failed call gets an error, and afterwards —
// restarted without faults — no acknowledged order is missing or doubled and
// nothing was half committed (the invariants hold). Allocation failures are the
// exception to "no crash": Qt 6.4's containers do not check what malloc returns,
// so the server may stop there; the test then requires that it stopped without
// losing or half-writing anything (fail-stop), like a SIGKILL.
#include "reliability_support.h"
#include "test_data.h"
#include "test_server.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>

using namespace liuhe;
using liuhe::test::TestServer;

class TestInjectedFaults : public QObject {
    Q_OBJECT
    void runUnderFaults(const QString &tag, const QStringList &faults, int ms, bool mayStop = false)
    {
        TestServer server; // fresh per run: a failed run leaves nothing behind
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("fiu-run")).isEmpty(), "fiu-run is missing (apt-get install fiu-utils)");
        // Set up without faults, then restart the same store under them.
        QVERIFY2(server.start(), qPrintable(server.error()));
        auto admin = server.admin();
        QVERIFY(admin);
        reliability::Stock stock;
        QString error;
        QVERIFY2(reliability::seedStock(*admin, tag, 10, 1000000, stock, &error), qPrintable(error));
        // The checks afterwards log in as someone else: a password check that
        // failed for want of memory counts against the workers' account.
        const QString checker = QStringLiteral("checker_") + tag.toLower();
        QVERIFY2(test::createUser(*admin, checker, QString::fromLatin1(test::kUserPassword), checker,
                                  {{QStringLiteral("sales_order"), QStringLiteral("read")}, {QStringLiteral("audit_log"), QStringLiteral("check")}}, {}, &error),
                 qPrintable(error));
        admin.reset();
        server.stop();
        QStringList launcher = {QStringLiteral("fiu-run"), QStringLiteral("-x"), QStringLiteral("-f"), QString()};
        for (const QString &f : faults) launcher << QStringLiteral("-c") << f;
        server.setLauncher(launcher);
        // Start-up may hit a fault too: it then stops with an error, and is tried again.
        bool started = server.restart();
        for (int attempt = 0; !started && attempt < 10; ++attempt) started = server.restart();
        QVERIFY2(started, qPrintable(server.error()));

        std::vector<std::unique_ptr<reliability::OrderWorker>> crew;
        for (int i = 0; i < 4; ++i) {
            crew.push_back(std::make_unique<reliability::OrderWorker>(server.address(), QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword),
                                                                      tag + QString::number(i), stock));
            crew.back()->start();
        }
        // Under allocation faults the server may stop; it is started again
        // (still under faults) so the work goes on for the whole time.
        int stops = 0;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms) {
            QTest::qWait(100);
            if (server.isRunning()) continue;
            QVERIFY2(mayStop, qPrintable(QStringLiteral("the server died under injected faults:\n") + QString::fromUtf8(server.log().right(3000))));
            ++stops;
            bool again = false;
            for (int attempt = 0; !again && attempt < 10; ++attempt) again = server.restart();
            QVERIFY2(again, qPrintable(server.error()));
        }
        for (auto &w : crew) w->stop();
        if (stops) qInfo("the server stopped %d times under allocation failures (fail-stop) and was started again", stops);

        server.stop();
        server.setLauncher({});
        QVERIFY2(server.restart(), qPrintable(server.error()));
        admin = server.login(checker, QString::fromLatin1(test::kUserPassword));
        QVERIFY2(admin, qPrintable(server.error() + u'\n' + QString::fromUtf8(server.log().right(2000))));
        int acknowledged = 0, retries = 0;
        QHash<QString, int> refusals;
        for (int i = 0; i < 4; ++i) {
            const auto &w = *crew[size_t(i)];
            retries += w.retries();
            for (auto it = w.refusals().constBegin(); it != w.refusals().constEnd(); ++it) refusals[it.key()] += it.value();
            const QHash<QString, int> placed = reliability::ordersByToken(*admin, tag + QString::number(i));
            for (const QString &token : w.acknowledged()) {
                QCOMPARE(placed.value(token), 1);
                ++acknowledged;
            }
            for (auto it = placed.constBegin(); it != placed.constEnd(); ++it) QVERIFY2(it.value() == 1, qPrintable(it.key()));
        }
        // A fault may refuse a call (the client is told); it may not corrupt anything.
        for (auto it = refusals.constBegin(); it != refusals.constEnd(); ++it)
            QVERIFY2(it.key() == QLatin1String("INTERNAL") || it.key() == QLatin1String("UNAVAILABLE"), qPrintable(it.key()));
        // Allocation failures may stop the server often; a few orders still get through.
        QVERIFY2(acknowledged > (mayStop ? 0 : 4), "too few orders went through to judge");
        const QString problems = reliability::invariantProblems(*admin);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QStringList refused;
        for (auto it = refusals.constBegin(); it != refusals.constEnd(); ++it) refused << QStringLiteral("%1×%2").arg(it.key()).arg(it.value());
        qInfo("%s: %d acknowledged orders, %d retried calls, refused: %s", qPrintable(faults.join(QStringLiteral("; "))), acknowledged, retries,
              qPrintable(refused.join(u' ')));
    }

private Q_SLOTS:
    void fileIoFaults()
    {
        const QString p = reliability::longRun() ? QStringLiteral("0.002") : QStringLiteral("0.005");
        runUnderFaults(QStringLiteral("IO"),
                       {QStringLiteral("enable_random name=posix/io/rw/pwrite,probability=%1").arg(p),
                        QStringLiteral("enable_random name=posix/io/rw/pread,probability=%1").arg(p),
                        QStringLiteral("enable_random name=posix/io/sync/fsync,probability=%1").arg(p),
                        QStringLiteral("enable_random name=posix/io/sync/fdatasync,probability=%1").arg(p)},
                       reliability::scaled(5000, 30000));
    }

    void allocationFaults()
    {
        runUnderFaults(QStringLiteral("MM"), {QStringLiteral("enable_random name=libc/mm/malloc,probability=0.00001")}, reliability::scaled(5000, 30000), true);
    }

    // On SQLite a write is acknowledged only after the write-ahead log's fsync on
    // the syncer thread. While every fdatasync fails, no write is acknowledged
    // (INTERNAL, "the disk did not confirm"), reads go on, and the server stays
    // up; once the disk confirms again, writes are acknowledged again.
    void writesWaitForTheDisk()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        server.stop();
        QTemporaryDir control;
        const QString prefix = control.filePath(QStringLiteral("fiu"));
        server.setLauncher({QStringLiteral("fiu-run"), QStringLiteral("-x"), QStringLiteral("-f"), prefix});
        QVERIFY2(server.restart(), qPrintable(server.error()));
        auto admin = server.admin();
        QVERIFY2(admin, qPrintable(server.error()));
        const auto saveCustomer = [&](const QString &code) {
            return admin->call(QStringLiteral("data.save"),
                               QCborMap{{QStringLiteral("entity"), QStringLiteral("customer")},
                                        {QStringLiteral("changes"), QCborMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), QStringLiteral("客户") + code}}}});
        };
        const auto fiu = [&](const QString &command) {
            return QProcess::execute(QStringLiteral("fiu-ctrl"), {QStringLiteral("-f"), prefix, QStringLiteral("-c"), command, QString::number(server.processId())});
        };
        QVERIFY(saveCustomer(QStringLiteral("SYNC1")).isOk());

        QCOMPARE(fiu(QStringLiteral("enable name=posix/io/sync/fdatasync")), 0);
        for (int i = 0; i < 3; ++i) {
            const protocol::Reply refused = saveCustomer(QStringLiteral("SYNC-NO-%1").arg(i));
            QVERIFY(!refused.isOk());
            QCOMPARE(refused.error().code(), protocol::ErrorCode::Internal);
            QVERIFY2(refused.error().message().contains(QStringLiteral("disk did not confirm")), qPrintable(refused.error().message()));
        }
        const protocol::Reply read = admin->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("customer")}});
        QVERIFY2(read.isOk(), qPrintable(test::describe(read)));
        QVERIFY(server.isRunning());
        QVERIFY(server.log().contains("could not flush the write-ahead log"));

        QCOMPARE(fiu(QStringLiteral("disable name=posix/io/sync/fdatasync")), 0);
        const protocol::Reply again = saveCustomer(QStringLiteral("SYNC2"));
        QVERIFY2(again.isOk(), qPrintable(test::describe(again)));
    }
};

QTEST_GUILESS_MAIN(TestInjectedFaults)
#include "tst_injected_faults.moc"
