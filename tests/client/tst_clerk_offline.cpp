// The clerk screen's scans when the line fails at the worst moment, over the real
// server through a relay: the server applies a scan but its answer is lost, and
// the queued scan replayed on reconnection (same idempotency key) counts once.
// Scans queued offline are kept on disk: a client restarted (new session, new
// screen) shows them and uploads them at once, each once.
#include "app/language.h"
#include "client_fixture.h"
#include "cutting_relay.h"
#include "erp_fixture.h"
#include "inventory/clerk_window.h"
#include "inventory/scan_queue.h"
#include "test_data.h"

#include <QApplication>
#include <QCborArray>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::inventory::ClerkWindow;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {
constexpr qint64 kUnit = 1000;
constexpr auto kBarcode = "6901234567915";

void scan(const QString &code) { test::scanKeys(code); }
} // namespace

class TestClerkOffline : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<test::CuttingRelay> relay;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<ClerkWindow> window;
    qint64 warehouse = 0, count = 0;

    std::unique_ptr<client::Session> logIn()
    {
        auto s = std::make_unique<client::Session>();
        QSignalSpy in(s.get(), &client::Session::loggedIn);
        s->start(relay->address(), QStringLiteral("clerk7"), QString::fromLatin1(test::kUserPassword));
        if (!in.wait(15000)) return nullptr;
        return s;
    }

    bool showWindow()
    {
        window = std::make_unique<ClerkWindow>(*session);
        return test::showActive(*window, 1024, 700);
    }

    // What the server holds: the counted quantity, and how many scans it logged.
    qint64 counted()
    {
        qint64 total = 0;
        for (const QCborMap &l : test::linesOf(test::Erp(*admin).get(QStringLiteral("stock_count"), count))) total += l.value(QStringLiteral("counted_qty")).toInteger();
        return total;
    }
    qsizetype scansLogged()
    {
        return test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("scan_event")},
                                                                        {QStringLiteral("filter"), QCborArray{QStringLiteral("eq"), QStringLiteral("doc_id"), count}}}))
            .size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        test::Erp erp(*admin);
        QVERIFY(erp.product(QStringLiteral("OFF1"), QString::fromUtf8("断线轴承"), 3000, 2000, QString::fromLatin1(kBarcode)));
        warehouse = erp.warehouse(QStringLiteral("OW1"));
        QVERIFY(erp.location(warehouse, QStringLiteral("Q-01")));
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("clerk7"), QString::fromLatin1(test::kUserPassword), QStringLiteral("warehouse_clerk"), test::clerkGrants(), {}, &error,
                                  QStringLiteral("clerk")),
                 qPrintable(error));
        relay = std::make_unique<test::CuttingRelay>(server.address());
        session = logIn();
        QVERIFY(session);
        // Nothing left from an earlier run of this test.
        QFile::remove(inventory::ScanQueue::fileFor(*session));
        QVERIFY(showWindow());
        window->openTaskFor(ClerkWindow::Task::Count, M{{QStringLiteral("warehouse_id"), warehouse}});
        QTRY_COMPARE_WITH_TIMEOUT(window->documentType(), QStringLiteral("stock_count"), 10000);
        count = window->documentId();
        scan(QStringLiteral("Q-01"));
        QTRY_COMPARE_WITH_TIMEOUT(window->currentLocation(), QStringLiteral("Q-01"), 10000);
        scan(QString::fromLatin1(kBarcode));
        QTRY_COMPARE_WITH_TIMEOUT(counted(), kUnit, 10000);
        // The store shows the scan a moment before its answer (after the fsync) arrives.
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), kUnit, 10000);
    }

    void aScanWhoseAnswerWasLostCountsOnce()
    {
        relay->cutAfterNextRequest();
        scan(QString::fromLatin1(kBarcode));
        QTRY_COMPARE_WITH_TIMEOUT(relay->cuts(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window->queuedScans(), 1, 15000);
        QCOMPARE(window->banner(), ClerkWindow::Banner::Queued);
        // In flight: the server has it although the client was never told.
        QCOMPARE(counted(), 2 * kUnit);
        QCOMPARE(scansLogged(), qsizetype(3)); // the location and two items
        QVERIFY(relay->reopen());
        QTRY_VERIFY_WITH_TIMEOUT(session->isOnline(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(window->queuedScans(), 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window->scannedTotal(), 2 * kUnit, 10000);
        QCOMPARE(counted(), 2 * kUnit);
        QCOMPARE(scansLogged(), qsizetype(3));
    }

    void queuedScansSurviveAClientRestart()
    {
        relay->close();
        QTRY_VERIFY_WITH_TIMEOUT(!session->isOnline(), 10000);
        scan(QString::fromLatin1(kBarcode));
        scan(QString::fromLatin1(kBarcode));
        QTRY_COMPARE_WITH_TIMEOUT(window->queuedScans(), 2, 5000);
        // The PC goes down: screen and session gone, the queue only on disk.
        window.reset();
        session.reset();
        QCOMPARE(counted(), 2 * kUnit);
        QVERIFY(relay->reopen());
        session = logIn();
        QVERIFY(session);
        QVERIFY(showWindow());
        QCOMPARE(window->queuedScans(), 2);
        // Already online: uploaded at once, each scan once.
        QTRY_COMPARE_WITH_TIMEOUT(window->queuedScans(), 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(counted(), 4 * kUnit, 10000);
        QCOMPARE(scansLogged(), qsizetype(5));
        QTRY_COMPARE_WITH_TIMEOUT(window->documentId(), count, 10000);
        QCOMPARE(window->findChild<QLabel *>(QStringLiteral("queueCounter"))->text(), QString());
    }

    void cleanupTestCase()
    {
        window.reset();
        session.reset();
    }
};

QTEST_MAIN(TestClerkOffline)
#include "tst_clerk_offline.moc"
