// The protocol against the real server on a real socket: handshake, version and
// kind errors, limits and deadlines; a bad peer loses only its own connection.
#include "protocol/frame.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;

namespace {

// A hand-driven socket for sending exactly the bytes a test wants.
class RawPeer {
public:
    explicit RawPeer(const TestServer &server)
    {
        m_socket.connectToHost(server.address().host, server.port());
        m_ok = m_socket.waitForConnected(5000);
    }
    bool ok() const { return m_ok; }
    void write(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(2000);
    }
    void hello(const QCborArray &versions = {1})
    {
        write(encodeFrame(Kind::Hello, 0, QCborMap{{QStringLiteral("versions"), versions}}));
    }
    // Next frame within the timeout; nullopt if none (closed or silent).
    std::optional<std::pair<FrameHeader, QCborMap>> next(int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (m_buffer.size() >= kHeaderSize) {
                FrameHeader h;
                decodeHeader(QByteArrayView(m_buffer).first(kHeaderSize), kMaxPayloadAfterLogin, h);
                if (m_buffer.size() >= kHeaderSize + qsizetype(h.payloadLength)) {
                    const auto payload = decodePayload(QByteArrayView(m_buffer).sliced(kHeaderSize, h.payloadLength));
                    m_buffer.remove(0, kHeaderSize + h.payloadLength);
                    return std::make_pair(h, payload.value_or(QCborMap()));
                }
            }
            if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0) return std::nullopt;
            if (m_socket.waitForReadyRead(100)) m_buffer += m_socket.readAll();
        }
        return std::nullopt;
    }
    // True when the server closes the connection within the timeout.
    // auth.login of the test server's administrator as request `id`.
    void sendAdminLogin(quint32 id)
    {
        write(encodeFrame(Kind::Request, id,
                          QCborMap{{QStringLiteral("call"), QStringLiteral("auth.login")},
                                   {QStringLiteral("args"), QCborMap{{QStringLiteral("username"), QStringLiteral("admin")},
                                                                     {QStringLiteral("password"), QString::fromLatin1(TestServer::kAdminPassword)}}}}));
    }

    // From now on Qt takes at most a few KB from the kernel: the peer "does not read".
    void stopReading() { m_socket.setReadBufferSize(4096); }
    void writeUnread(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(100);
    }

    bool closedWithin(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (m_socket.state() == QAbstractSocket::UnconnectedState) return true;
            m_socket.waitForReadyRead(100);
            m_buffer += m_socket.readAll();
        }
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_ok = false;
};

QByteArray header(quint8 version, quint8 kind, quint32 id, quint32 length)
{
    QByteArray b(kHeaderSize, '\0');
    auto *p = reinterpret_cast<uchar *>(b.data());
    qToBigEndian<quint16>(kMagic, p);
    p[2] = version;
    p[3] = kind;
    qToBigEndian<quint32>(id, p + 8);
    qToBigEndian<quint32>(length, p + 12);
    return b;
}

} // namespace

class TestProtocolServer : public QObject {
    Q_OBJECT
    TestServer server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start({QStringLiteral("--hello-timeout"), QStringLiteral("2"), QStringLiteral("--frame-timeout"), QStringLiteral("2"),
                               QStringLiteral("--pre-login-idle"), QStringLiteral("2")}),
                 qPrintable(server.error()));
    }

    void helloAndWelcome()
    {
        RawPeer peer(server);
        QVERIFY(peer.ok());
        peer.hello();
        const auto f = peer.next();
        QVERIFY(f);
        QCOMPARE(f->first.kind, Kind::Welcome);
        QCOMPARE(f->second.value(QStringLiteral("version")).toInteger(), 1);
        QCOMPARE(f->second.value(QStringLiteral("max_frame_before_login")).toInteger(), qint64(kMaxPayloadBeforeLogin));
        peer.write(encodeFrame(Kind::Ping, 42, QCborMap()));
        const auto pong = peer.next();
        QVERIFY(pong);
        QCOMPARE(pong->first.kind, Kind::Pong);
        QCOMPARE(pong->first.requestId, 42u);
    }

    void noCommonVersion()
    {
        RawPeer peer(server);
        peer.hello(QCborArray{2, 3});
        const auto f = peer.next();
        QVERIFY(f);
        QCOMPARE(f->first.kind, Kind::Error);
        QCOMPARE(f->second.value(QStringLiteral("code")).toString(), QStringLiteral("UNSUPPORTED_VERSION"));
        QVERIFY(peer.closedWithin(3000));
    }

    void headerVersionMismatch()
    {
        RawPeer peer(server);
        peer.write(header(9, quint8(Kind::Hello), 7, 0));
        const auto f = peer.next();
        QVERIFY(f);
        QCOMPARE(f->first.kind, Kind::Error);
        QCOMPARE(f->first.requestId, 7u);
        QCOMPARE(f->second.value(QStringLiteral("code")).toString(), QStringLiteral("UNSUPPORTED_VERSION"));
        QVERIFY(peer.closedWithin(3000));
    }

    void unknownKindKeepsConnection()
    {
        RawPeer peer(server);
        peer.hello();
        QVERIFY(peer.next());
        const QByteArray body = QCborValue(QCborMap{{QStringLiteral("x"), 1}}).toCbor();
        peer.write(header(1, 77, 5, quint32(body.size())) + body);
        const auto f = peer.next();
        QVERIFY(f);
        QCOMPARE(f->first.kind, Kind::Error);
        QCOMPARE(f->first.requestId, 5u);
        QCOMPARE(f->second.value(QStringLiteral("code")).toString(), QStringLiteral("UNKNOWN_KIND"));
        peer.write(encodeFrame(Kind::Ping, 6, QCborMap()));
        const auto pong = peer.next();
        QVERIFY(pong);
        QCOMPARE(pong->first.kind, Kind::Pong);
    }

    void requestBeforeHelloIsRefused()
    {
        RawPeer peer(server);
        peer.write(encodeFrame(Kind::Request, 1, QCborMap{{QStringLiteral("call"), QStringLiteral("system.ping")}}));
        const auto f = peer.next();
        QVERIFY(f);
        QCOMPARE(f->first.kind, Kind::Goodbye);
        QCOMPARE(f->second.value(QStringLiteral("code")).toString(), QStringLiteral("PROTOCOL"));
        QVERIFY(peer.closedWithin(3000));
    }

    void callsNeedLogin()
    {
        auto c = server.connect();
        QVERIFY(c);
        LH_VERIFY_ERROR(c->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("customer")}}), ErrorCode::AuthRequired);
        LH_VERIFY_ERROR(c->call(QStringLiteral("no.such.call")), ErrorCode::UnknownCall);
        LH_VERIFY_OK(c->call(QStringLiteral("system.ping")));
    }

    void badRequestShape()
    {
        RawPeer peer(server);
        peer.hello();
        QVERIFY(peer.next());
        peer.write(encodeFrame(Kind::Request, 3, QCborMap{{QStringLiteral("call"), 12}}));
        const auto f = peer.next();
        QVERIFY(f);
        QCOMPARE(f->first.kind, Kind::Error);
        QCOMPARE(f->second.value(QStringLiteral("code")).toString(), QStringLiteral("BAD_REQUEST"));
    }

    void malformedFrameClosesOnlyThatConnection()
    {
        auto good = server.admin();
        QVERIFY2(good, qPrintable(server.error()));
        for (const QByteArray &garbage : {QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), header(1, 3, 1, 4) + QByteArray("\xff\xff\xff\xff", 4)}) {
            RawPeer bad(server);
            bad.hello();
            QVERIFY(bad.next());
            bad.write(garbage);
            QVERIFY(bad.closedWithin(3000));
            LH_VERIFY_OK(good->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("user")}}));
        }
    }

    void oversizeBeforeLogin()
    {
        RawPeer peer(server);
        peer.hello();
        QVERIFY(peer.next());
        peer.write(header(1, quint8(Kind::Request), 1, kMaxPayloadBeforeLogin + 1));
        const auto f = peer.next();
        QVERIFY(f);
        QCOMPARE(f->first.kind, Kind::Goodbye);
        QCOMPARE(f->second.value(QStringLiteral("code")).toString(), QStringLiteral("LIMIT"));
        QVERIFY(peer.closedWithin(3000));
    }

    void largeFrameAfterLoginAccepted()
    {
        auto c = server.admin();
        QVERIFY(c);
        // 200 KiB of notes: over the pre-login limit, fine after login.
        const QString big(100000, u'注');
        const auto r = c->call(QStringLiteral("data.save"), QCborMap{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                     {QStringLiteral("changes"), QCborMap{{QStringLiteral("code"), QStringLiteral("BIG1")},
                                                                                                           {QStringLiteral("name"), QStringLiteral("大客户")},
                                                                                                           {QStringLiteral("notes"), big}}}});
        LH_VERIFY_ERROR(r, ErrorCode::Validation); // notes are limited to 4000 characters, but the frame got through
        QVERIFY(test::problemsOf(r).contains(QStringLiteral("notes:too_long")));
    }

    void stalledHalfFrameIsDropped()
    {
        auto good = server.admin();
        QVERIFY(good);
        RawPeer stalled(server);
        stalled.hello();
        QVERIFY(stalled.next());
        stalled.write(header(1, quint8(Kind::Request), 1, 100).left(8));
        QElapsedTimer t;
        t.start();
        // The others keep working while the half frame waits.
        LH_VERIFY_OK(good->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("user")}}));
        QVERIFY(stalled.closedWithin(6000));
        QVERIFY(t.elapsed() >= 1500);
        LH_VERIFY_OK(good->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("user")}}));
    }

    void silentConnectionIsDropped()
    {
        RawPeer silent(server);
        QVERIFY(silent.ok());
        QVERIFY(silent.closedWithin(6000));
    }

    void idleBeforeLoginIsDropped()
    {
        RawPeer idle(server);
        idle.hello();
        QVERIFY(idle.next());
        QElapsedTimer t;
        t.start();
        QVERIFY(idle.closedWithin(6000));
        QVERIFY(t.elapsed() >= 1500);
    }

    void idleAfterLoginIsKept()
    {
        // Logged in, a client may stay silent longer than the pre-login limit:
        // the session's own idle limit (minutes, by role) applies instead.
        RawPeer peer(server);
        peer.hello();
        QVERIFY(peer.next());
        peer.sendAdminLogin(1);
        const auto login = peer.next(10000);
        QVERIFY(login);
        QCOMPARE(login->first.kind, Kind::Response);
        QVERIFY(!peer.closedWithin(4000));
        peer.write(encodeFrame(Kind::Request, 2, QCborMap{{QStringLiteral("call"), QStringLiteral("system.ping")}}));
        const auto pong = peer.next();
        QVERIFY(pong);
        QCOMPARE(pong->first.kind, Kind::Response);
        QCOMPARE(pong->first.requestId, 2u);
    }

    void inFlightLimit()
    {
        auto c = server.admin();
        QVERIFY(c);
        int limited = 0, answered = 0;
        const int n = 400;
        for (int i = 0; i < n; ++i)
            c->connection().call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("region")}, {QStringLiteral("limit"), 1000}},
                                 [&](const Reply &r) {
                                     ++answered;
                                     if (!r.isOk() && r.error().code() == ErrorCode::Limit) ++limited;
                                 });
        QTRY_COMPARE_WITH_TIMEOUT(answered, n, 60000);
        QVERIFY2(limited > 0, "no request was refused over the in-flight limit");
        LH_VERIFY_OK(c->call(QStringLiteral("system.ping")));
    }

    void configFileAndBadOptions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("liuhe.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# demo company, switches written the usual way\ndemo = true\ndengbao = off\nlog-level = warn\n");
        file.close();
        {
            TestServer configured;
            QVERIFY2(configured.start({QStringLiteral("--config"), path}), qPrintable(configured.error()));
            auto c = configured.admin();
            QVERIFY(c);
            const Reply customers = c->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                                   {QStringLiteral("total"), true}, {QStringLiteral("limit"), 1}});
            LH_VERIFY_OK(customers);
            QVERIFY(customers.value().toMap().value(QStringLiteral("total")).toInteger() >= 100); // the demo company
        }
        TestServer refused;
        QVERIFY(!refused.start({QStringLiteral("--log-level"), QStringLiteral("chatty")}));
        QVERIFY2(refused.error().contains(QStringLiteral("log-level")), qPrintable(refused.error()));
        TestServer weak;
        QVERIFY(!weak.start({QStringLiteral("--admin-password"), QStringLiteral("short")}));
        QVERIFY2(weak.error().contains(QStringLiteral("admin-password")), qPrintable(weak.error()));
    }

    void connectionsPerAddressAreCapped()
    {
        TestServer capped;
        QVERIFY2(capped.start({QStringLiteral("--max-connections-per-address"), QStringLiteral("3")}), qPrintable(capped.error()));
        std::vector<std::unique_ptr<client::SyncClient>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(capped.connect());
            QVERIFY(held.back());
        }
        client::SyncClient extra;
        QVERIFY(!extra.connectTo(capped.address(), nullptr, 3000));
        held.pop_back(); // one leaves: there is room again
        bool reconnected = false; // the server frees the slot when it sees the close
        for (int attempt = 0; attempt < 100 && !reconnected; ++attempt) {
            client::SyncClient probe;
            reconnected = probe.connectTo(capped.address(), nullptr, 5000);
            if (!reconnected) QTest::qWait(100);
        }
        QVERIFY(reconnected);
        for (const auto &c : held) LH_VERIFY_OK(c->call(QStringLiteral("system.ping")));
    }

    void aPeerThatDoesNotReadIsClosed()
    {
        // Asks for large answers and never reads them: once 1 MiB waits in the
        // server beyond what the kernel buffers hold, the connection is closed;
        // the server and other connections are unaffected.
        TestServer strict;
        QVERIFY2(strict.start({QStringLiteral("--max-queued-mb"), QStringLiteral("1")}), qPrintable(strict.error()));
        RawPeer hog(strict);
        QVERIFY(hog.ok());
        hog.hello();
        QVERIFY(hog.next());
        hog.sendAdminLogin(1);
        QVERIFY(hog.next(10000));
        const QByteArray ask = encodeFrame(Kind::Request, 2,
                                           QCborMap{{QStringLiteral("call"), QStringLiteral("data.query")},
                                                    {QStringLiteral("args"), QCborMap{{QStringLiteral("entity"), QStringLiteral("region")}, {QStringLiteral("limit"), 1000}}}});
        hog.stopReading();
        auto closedByServer = [&] { return strict.log().contains("peer does not read"); };
        for (int wave = 0; wave < 60 && !closedByServer(); ++wave) { // 20 in flight at a time, ~80 KB each
            for (int i = 0; i < 20; ++i) hog.writeUnread(ask);
            QTest::qWait(300);
        }
        QVERIFY2(closedByServer(), "the server kept queueing answers for a peer that does not read");
        auto other = strict.admin();
        QVERIFY(other);
        LH_VERIFY_OK(other->call(QStringLiteral("system.ping")));
    }

    void shutdownFinishesRequestsInFlight()
    {
        // A 5,000-row import (the most one call takes; ≈ 1 s of the writer) is
        // running when SIGTERM arrives: it is answered and kept.
        TestServer busy;
        QVERIFY2(busy.start(), qPrintable(busy.error()));
        auto c = busy.admin();
        QVERIFY(c);
        QCborArray rows;
        for (int i = 0; i < 5000; ++i)
            rows.append(QCborMap{{QStringLiteral("code"), QStringLiteral("SD%1").arg(i)}, {QStringLiteral("name"), QStringLiteral("Shutdown %1").arg(i)}});
        std::optional<Reply> answer;
        c->connection().call(QStringLiteral("data.import"), QCborMap{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("rows"), rows}},
                             [&](const Reply &r) { answer = r; });
        QTest::qWait(200); // the import has reached the writer
        QVERIFY(!answer);
        busy.stop();
        QVERIFY(!busy.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        LH_VERIFY_OK(*answer);
        QCOMPARE(answer->value().toMap().value(QStringLiteral("created")).toInteger(), 5000);
        QVERIFY2(busy.restart(), qPrintable(busy.error()));
        auto again = busy.admin();
        QVERIFY(again);
        const Reply kept = again->call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                              {QStringLiteral("filter"), QCborArray{QStringLiteral("like"), QStringLiteral("code"), QStringLiteral("SD%")}},
                                                                              {QStringLiteral("total"), true}, {QStringLiteral("limit"), 1}});
        QCOMPARE(kept.value().toMap().value(QStringLiteral("total")).toInteger(), 5000);
    }

    void gracefulShutdown()
    {
        auto c = server.admin();
        QVERIFY(c);
        server.stop();
        QVERIFY(!server.isRunning());
        QVERIFY(server.log().contains("stopped"));
        QTRY_VERIFY_WITH_TIMEOUT(!c->isConnected(), 5000);
        QCOMPARE(c->closeReason().code(), ErrorCode::Unavailable);
        QVERIFY2(server.restart(), qPrintable(server.error()));
        auto again = server.admin();
        QVERIFY(again);
    }
};

QTEST_GUILESS_MAIN(TestProtocolServer)
#include "tst_protocol_server.moc"
