// TLS: with --tls-cert/--tls-key the server speaks only TLS 1.2 (AEAD suites)
// and 1.3, as sslscan sees it; the client refuses a certificate it does not
// trust and works with one it does; a plain client gets nowhere.
#include "reliability_support.h"
#include "test_data.h"
#include "test_server.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace liuhe;
using liuhe::test::TestServer;

class TestTls : public QObject {
    Q_OBJECT
    QTemporaryDir keys;
    TestServer server;
    QList<QSslCertificate> certificate;

private Q_SLOTS:
    void initTestCase()
    {
        QProcess openssl;
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                                                  QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost"), QStringLiteral("-days"),
                                                  QStringLiteral("2"), QStringLiteral("-keyout"), keys.filePath(QStringLiteral("key.pem")),
                                                  QStringLiteral("-out"), keys.filePath(QStringLiteral("cert.pem"))});
        QVERIFY(openssl.waitForFinished(60000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAll().constData());
        certificate = QSslCertificate::fromPath(keys.filePath(QStringLiteral("cert.pem")));
        QCOMPARE(certificate.size(), 1);
        QVERIFY2(server.start({QStringLiteral("--tls-cert"), keys.filePath(QStringLiteral("cert.pem")), QStringLiteral("--tls-key"),
                               keys.filePath(QStringLiteral("key.pem"))}),
                 qPrintable(server.error()));
    }

    void onlyModernProtocolsAndSuites()
    {
        QProcess scan;
        scan.setProcessChannelMode(QProcess::MergedChannels);
        scan.start(QStringLiteral("sslscan"), {QStringLiteral("--no-colour"), QStringLiteral("127.0.0.1:%1").arg(server.port())});
        QVERIFY(scan.waitForFinished(120000));
        const QString out = QString::fromUtf8(scan.readAll());
        for (const char *old : {"SSLv2", "SSLv3", "TLSv1.0", "TLSv1.1"})
            QVERIFY2(QRegularExpression(QStringLiteral("^%1\\s+disabled").arg(QRegularExpression::escape(QString::fromLatin1(old))),
                                        QRegularExpression::MultilineOption)
                         .match(out)
                         .hasMatch(),
                     qPrintable(QStringLiteral("%1 is not disabled:\n%2").arg(QString::fromLatin1(old), out)));
        for (const char *current : {"TLSv1.2", "TLSv1.3"})
            QVERIFY2(QRegularExpression(QStringLiteral("^%1\\s+enabled").arg(QRegularExpression::escape(QString::fromLatin1(current))),
                                        QRegularExpression::MultilineOption)
                         .match(out)
                         .hasMatch(),
                     qPrintable(QStringLiteral("%1 is not enabled:\n%2").arg(QString::fromLatin1(current), out)));
        const QRegularExpression accepted(QStringLiteral("^(?:Preferred|Accepted)\\s+TLSv1\\.2\\s+\\d+ bits\\s+(\\S+)"), QRegularExpression::MultilineOption);
        int suites = 0;
        for (auto it = accepted.globalMatch(out); it.hasNext();) {
            const QString suite = it.next().captured(1);
            QVERIFY2(suite.startsWith(QLatin1String("ECDHE")) && (suite.contains(QLatin1String("GCM")) || suite.contains(QLatin1String("CHACHA20"))),
                     qPrintable(QStringLiteral("weak TLS 1.2 suite accepted: ") + suite));
            ++suites;
        }
        QVERIFY(suites > 0);
    }

    void clientTrustsOnlyWhatItShould()
    {
        client::ServerAddress address = server.address();
        address.tls = true;
        address.peerName = QStringLiteral("localhost");
        {
            client::SyncClient untrusting;
            QVERIFY2(!untrusting.connectTo(address, nullptr, 10000), "the client accepted a self-signed certificate it was not told to trust");
        }
        address.trustedCertificates = certificate;
        client::SyncClient trusting;
        protocol::CallError error;
        QVERIFY2(trusting.connectTo(address, &error, 10000), qPrintable(error.message()));
        LH_VERIFY_OK(trusting.login(QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword)));
        LH_VERIFY_OK(trusting.call(QStringLiteral("system.ping")));
        address.tls = false;
        client::SyncClient plain;
        QVERIFY2(!plain.connectTo(address, nullptr, 5000), "a plain connection got through to the TLS port");
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
