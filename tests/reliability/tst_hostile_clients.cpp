// Slow and hostile clients: hundreds of connections that send half a header and
// stall, plus connections spraying random bytes, while four clerks keep selling.
// The clerks' throughput stays close to what it is without them and the
// server's memory stays bounded.
#include "reliability_support.h"
#include "test_data.h"
#include "test_server.h"

#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace liuhe;
using liuhe::test::TestServer;

namespace {

double rssMb(client::SyncClient &admin) { return admin.call(QStringLiteral("system.info")).value().toMap().value(QStringLiteral("rss_mb")).toDouble(); }

} // namespace

class TestHostileClients : public QObject {
    Q_OBJECT
    TestServer server;
    reliability::Stock stock;

    // Orders completed by four workers in the given time.
    int throughput(const QString &tag, int ms)
    {
        std::vector<std::unique_ptr<reliability::OrderWorker>> crew;
        for (int i = 0; i < 4; ++i) {
            crew.push_back(std::make_unique<reliability::OrderWorker>(server.address(), QStringLiteral("admin"),
                                                                      QString::fromLatin1(TestServer::kAdminPassword), tag + QString::number(i), stock));
            crew.back()->start();
        }
        QTest::qWait(ms);
        int done = 0;
        for (auto &w : crew) {
            w->stop();
            done += w->completed();
        }
        return done;
    }

private Q_SLOTS:
    void workersKeepTheirPace()
    {
        QVERIFY2(server.start({QStringLiteral("--max-connections-per-address"), QStringLiteral("3000")}), qPrintable(server.error()));
        auto admin = server.admin();
        QVERIFY(admin);
        QString error;
        QVERIFY2(reliability::seedStock(*admin, QStringLiteral("HC"), 20, 1000000, stock, &error), qPrintable(error));
        const int ms = reliability::scaled(4000, 15000);
        const int stalledCount = reliability::scaled(200, 500);

        throughput(QStringLiteral("HCW"), 1500); // warm-up
        const int before = throughput(QStringLiteral("HCA"), ms);
        const double rssBefore = rssMb(*admin);

        // Half a header each, then silence.
        std::vector<std::unique_ptr<QTcpSocket>> stalled;
        for (int i = 0; i < stalledCount; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(server.address().host, server.port());
            stalled.push_back(std::move(s));
        }
        for (auto &s : stalled)
            if (s->waitForConnected(5000)) s->write(QByteArray::fromHex("4c48010300000000"));
        // Garbage sprayers: random bytes, reconnecting whenever the server hangs up.
        QRandomGenerator rng(7);
        std::vector<std::unique_ptr<QTcpSocket>> sprayers;
        for (int i = 0; i < 20; ++i) sprayers.push_back(std::make_unique<QTcpSocket>());
        int garbageFrames = 0;
        QTimer spray;
        QObject::connect(&spray, &QTimer::timeout, [&] {
            for (auto &s : sprayers) {
                if (s->state() == QAbstractSocket::UnconnectedState) s->connectToHost(server.address().host, server.port());
                if (s->state() != QAbstractSocket::ConnectedState) continue;
                QByteArray junk(int(16 + rng.bounded(512)), Qt::Uninitialized);
                for (char &c : junk) c = char(rng.bounded(256));
                if (rng.bounded(2)) junk.replace(0, 2, QByteArray::fromHex("4c48")); // sometimes a plausible magic
                s->write(junk);
                ++garbageFrames;
            }
        });
        spray.start(20);

        const int during = throughput(QStringLiteral("HCB"), ms);
        const double rssDuring = rssMb(*admin);
        spray.stop();
        int open = 0;
        for (auto &s : stalled) open += s->state() == QAbstractSocket::ConnectedState;
        qInfo("orders in %d ms: %d alone, %d with %d stalled and 20 garbage connections (%d junk writes); server RSS %.1f -> %.1f MB",
              ms, before, during, stalledCount, garbageFrames, rssBefore, rssDuring);
        QVERIFY2(open > stalledCount / 2, "the stalled connections were not held during the measurement");
        const double floor = reliability::longRun() ? 0.8 : 0.6;
        QVERIFY2(during >= floor * before, qPrintable(QStringLiteral("throughput fell from %1 to %2").arg(before).arg(during)));
        QVERIFY2(rssDuring - rssBefore < 150, "the hostile connections cost too much memory");
        LH_VERIFY_OK(admin->call(QStringLiteral("system.ping")));
        const QString problems = reliability::invariantProblems(*admin);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestHostileClients)
#include "tst_hostile_clients.moc"
