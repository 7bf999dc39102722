// The frame codec: round trips, every malformed header, oversize, truncated and
// hostile payloads, and a random-input smoke run.
#include "protocol/frame.h"
#include "protocol/reply.h"

#include <QCborArray>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace liuhe::protocol;

namespace {

QByteArray headerBytes(quint16 magic, quint8 version, quint8 kind, quint16 flags, quint16 reserved, quint32 id, quint32 length)
{
    QByteArray b(kHeaderSize, '\0');
    auto *p = reinterpret_cast<uchar *>(b.data());
    qToBigEndian<quint16>(magic, p);
    p[2] = version;
    p[3] = kind;
    qToBigEndian<quint16>(flags, p + 4);
    qToBigEndian<quint16>(reserved, p + 6);
    qToBigEndian<quint32>(id, p + 8);
    qToBigEndian<quint32>(length, p + 12);
    return b;
}

} // namespace

class TestFrame : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        QCborMap payload{{QStringLiteral("call"), QStringLiteral("data.query")},
                         {QStringLiteral("args"), QCborMap{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("limit"), 50}}}};
        const QByteArray frame = encodeFrame(Kind::Request, 0xDEADBEEF, payload);
        FrameHeader h;
        QCOMPARE(decodeHeader(QByteArrayView(frame).first(kHeaderSize), kMaxPayloadAfterLogin, h), HeaderProblem::None);
        QCOMPARE(h.kind, Kind::Request);
        QCOMPARE(h.requestId, 0xDEADBEEFu);
        QCOMPARE(qsizetype(h.payloadLength), frame.size() - kHeaderSize);
        const auto decoded = decodePayload(QByteArrayView(frame).sliced(kHeaderSize));
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, payload);
    }

    // A result that comes already encoded (a column table) makes the same
    // frame, byte for byte, as the map {"result": value}.
    void responseAroundEncodedResult()
    {
        const QCborMap result{{QStringLiteral("columns"), QCborArray{QStringLiteral("code")}}, {QStringLiteral("count"), 1},
                              {QStringLiteral("data"), QCborArray{QCborArray{QStringLiteral("螺栓")}}}};
        const QByteArray spliced = encodeResponseFrame(42, QCborValue(result).toCbor());
        QCOMPARE(spliced, encodeFrame(Kind::Response, 42, QCborMap{{QStringLiteral("result"), result}}));
        const Reply encoded(EncodedResult{QCborValue(result).toCbor()});
        QVERIFY(encoded.isOk());
        QCOMPARE(encoded.value().toMap(), result);
        QCOMPARE(Reply(QCborValue(result)).encodedValue(), encoded.encodedValue());
    }

    void chineseAndExtremes()
    {
        QCborMap payload{{QStringLiteral("name"), QStringLiteral("北京科技 𠀀 䶮 😀")},
                         {QStringLiteral("big"), std::numeric_limits<qint64>::max()},
                         {QStringLiteral("neg"), std::numeric_limits<qint64>::min()}};
        const QByteArray frame = encodeFrame(Kind::Response, 1, payload);
        QCOMPARE(*decodePayload(QByteArrayView(frame).sliced(kHeaderSize)), payload);
    }

    void emptyPayloadIsEmptyMap()
    {
        const auto decoded = decodePayload(QByteArrayView());
        QVERIFY(decoded.has_value());
        QVERIFY(decoded->isEmpty());
    }

    void headerProblems_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("problem");
        QTest::newRow("ok") << headerBytes(kMagic, 1, 3, 0, 0, 1, 10) << int(HeaderProblem::None);
        QTest::newRow("bad magic") << headerBytes(0x1234, 1, 3, 0, 0, 1, 10) << int(HeaderProblem::BadMagic);
        QTest::newRow("http") << QByteArray("GET / HTTP/1.1\r\n") << int(HeaderProblem::BadMagic);
        QTest::newRow("future version") << headerBytes(kMagic, 2, 3, 0, 0, 1, 10) << int(HeaderProblem::UnsupportedVersion);
        QTest::newRow("version zero") << headerBytes(kMagic, 0, 3, 0, 0, 1, 10) << int(HeaderProblem::UnsupportedVersion);
        QTest::newRow("unknown kind") << headerBytes(kMagic, 1, 77, 0, 0, 1, 10) << int(HeaderProblem::UnknownKind);
        QTest::newRow("kind zero") << headerBytes(kMagic, 1, 0, 0, 0, 1, 10) << int(HeaderProblem::UnknownKind);
        QTest::newRow("flags") << headerBytes(kMagic, 1, 3, 1, 0, 1, 10) << int(HeaderProblem::BadFlags);
        QTest::newRow("reserved") << headerBytes(kMagic, 1, 3, 0, 9, 1, 10) << int(HeaderProblem::BadFlags);
        QTest::newRow("oversize before login") << headerBytes(kMagic, 1, 3, 0, 0, 1, kMaxPayloadBeforeLogin + 1) << int(HeaderProblem::TooLarge);
        QTest::newRow("4 GiB") << headerBytes(kMagic, 1, 3, 0, 0, 1, 0xFFFFFFFFu) << int(HeaderProblem::TooLarge);
        QTest::newRow("short") << QByteArray("LH") << int(HeaderProblem::BadMagic);
    }
    void headerProblems()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, problem);
        FrameHeader h;
        QCOMPARE(int(decodeHeader(header, kMaxPayloadBeforeLogin, h)), problem);
    }

    void maxSizeAccepted()
    {
        FrameHeader h;
        QCOMPARE(decodeHeader(headerBytes(kMagic, 1, 3, 0, 0, 1, kMaxPayloadBeforeLogin), kMaxPayloadBeforeLogin, h), HeaderProblem::None);
        QCOMPARE(decodeHeader(headerBytes(kMagic, 1, 3, 0, 0, 1, kMaxPayloadAfterLogin), kMaxPayloadAfterLogin, h), HeaderProblem::None);
    }

    void payloadProblems_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray good = QCborValue(QCborMap{{QStringLiteral("a"), 1}}).toCbor();
        QTest::newRow("truncated") << good.left(good.size() - 1);
        QTest::newRow("trailing") << good + QByteArray("\x01", 1);
        QTest::newRow("not a map") << QCborValue(QCborArray{1, 2}).toCbor();
        QTest::newRow("integer") << QCborValue(5).toCbor();
        QTest::newRow("garbage") << QByteArray("\xff\xff\xff\xff", 4);
        // A map claiming 2^32 entries with nothing behind it.
        QTest::newRow("huge claimed map") << QByteArray("\xba\xff\xff\xff\xff", 5);
        // An array claiming 2^60 elements.
        QTest::newRow("huge claimed array") << QByteArray("\xa1\x61\x61\x9b\x10\x00\x00\x00\x00\x00\x00\x00", 12);
        // A text string claiming 4 GiB.
        QTest::newRow("huge string") << QByteArray("\xa1\x61\x61\x7a\xff\xff\xff\xff", 8);
        QByteArray deep = QByteArray("\xa1\x61\x61", 3);
        for (int i = 0; i < 100; ++i) deep += '\x81';
        deep += '\x00';
        QTest::newRow("too deep") << deep;
        QTest::newRow("invalid utf8 key") << QByteArray("\xa1\x62\xc3\x28\x01", 5);
    }
    void payloadProblems()
    {
        QFETCH(QByteArray, bytes);
        QString error;
        QVERIFY(!decodePayload(bytes, &error).has_value());
        QVERIFY(!error.isEmpty());
    }

    // The client keeps a response's result encoded: the bytes of the value under
    // "result", wherever the key stands; undefined without one.
    void responseResultLeftEncoded()
    {
        const QCborValue result(QCborArray{1, QStringLiteral("二"), QCborMap{{QStringLiteral("result"), 2}}});
        const QByteArray frame = encodeResponseFrame(7, result.toCbor());
        QCOMPARE(*responseResult(QByteArrayView(frame).sliced(kHeaderSize)), result.toCbor());
        const QByteArray later = QCborValue(QCborMap{{QStringLiteral("a"), QCborArray{QStringLiteral("result")}}, {QStringLiteral("result"), result}}).toCbor();
        QCOMPARE(*responseResult(later), result.toCbor());
        QVERIFY(Reply(EncodedResult{*responseResult(QCborValue(QCborMap{{QStringLiteral("x"), 1}}).toCbor())}).value().isUndefined());
        QCOMPARE(*responseResult(QByteArray("\xbf\x66result\x18\x2a\xff", 11)), QByteArray("\x18\x2a", 2)); // indefinite map
        QCOMPARE(*responseResult(QByteArray()), QByteArray("\xf7", 1));
        // Keys as other writers may put them (the fuzzer's finds): a longer head,
        // a key in chunks, the key twice (the first counts, as in QCborMap).
        QCOMPARE(*responseResult(QByteArray("\xa1\x78\x06result\x05", 10)), QByteArray("\x05", 1));
        QCOMPARE(*responseResult(QByteArray("\xa2\x7f\x63res\x63ult\xff\x05\x61x\x06", 15)), QByteArray("\x05", 1));
        QCOMPARE(*responseResult(QByteArray("\xa2\x66result\x05\x66result\x06", 17)), QByteArray("\x05", 1));
        for (const QByteArray &b : {QByteArray("\xa1\x78\x06result\x05", 10), QByteArray("\xa2\x7f\x63res\x63ult\xff\x05\x61x\x06", 15),
                                    QByteArray("\xa2\x66result\x05\x66result\x06", 17)})
            QCOMPARE(*responseResult(b), decodePayload(b)->value(QStringLiteral("result")).toCbor());
    }

    void responseResultRefusesMalformedPayloads()
    {
        QFETCH(QByteArray, bytes);
        QString error;
        if (QTest::currentDataTag() == QLatin1String("invalid utf8 key")) { // the contents are the reader's to judge
            QCOMPARE(*responseResult(bytes, &error), QByteArray("\xf7", 1));
            return;
        }
        QVERIFY(!responseResult(bytes, &error).has_value());
        QVERIFY(!error.isEmpty());
    }
    void responseResultRefusesMalformedPayloads_data() { payloadProblems_data(); }

    void nestingAtLimitAccepted()
    {
        QCborValue v = 1;
        for (int i = 0; i < kMaxNesting - 2; ++i) v = QCborArray{v};
        const QByteArray bytes = QCborValue(QCborMap{{QStringLiteral("v"), v}}).toCbor();
        QVERIFY(decodePayload(bytes).has_value());
    }

    void errorReplyRoundTrip()
    {
        FieldProblem p;
        p.field = QStringLiteral("name");
        p.code = QStringLiteral("required");
        p.line = -2;
        p.extra.insert(QStringLiteral("max"), 100);
        const CallError e(ErrorCode::Validation, QStringLiteral("bad"), {p}, QCborMap{{QStringLiteral("version"), 7}});
        const CallError back = CallError::fromCbor(e.toCbor());
        QCOMPARE(back.code(), ErrorCode::Validation);
        QCOMPARE(back.fields().size(), 1);
        QCOMPARE(back.fields().first().field, QStringLiteral("name"));
        QCOMPARE(back.fields().first().line, qint64(-2));
        QCOMPARE(back.fields().first().extra.value(QStringLiteral("max")).toInteger(), 100);
        QCOMPARE(back.details().value(QStringLiteral("version")).toInteger(), 7);
        QCOMPARE(errorCodeName(ErrorCode::PermissionDenied), QStringLiteral("PERMISSION_DENIED"));
        QCOMPARE(errorCodeFromName(QStringLiteral("CONFLICT")).value(), ErrorCode::Conflict);
        QVERIFY(!errorCodeFromName(QStringLiteral("NOPE")).has_value());
    }

    // Random bytes must never crash or hang the decoders (the long runs are libFuzzer's).
    void randomInputSmoke()
    {
        QRandomGenerator rng(20261123);
        const QByteArray seed = encodeFrame(Kind::Request, 9, QCborMap{{QStringLiteral("call"), QStringLiteral("x")},
                                                                      {QStringLiteral("args"), QCborMap{{QStringLiteral("l"), QCborArray{1, 2, QStringLiteral("三")}}}}});
        for (int i = 0; i < 20000; ++i) {
            QByteArray b = seed;
            const int flips = 1 + int(rng.bounded(6));
            for (int k = 0; k < flips; ++k) b[int(rng.bounded(quint32(b.size())))] = char(rng.bounded(256));
            if (rng.bounded(4) == 0) b.truncate(int(rng.bounded(quint32(b.size()))));
            FrameHeader h;
            decodeHeader(b, kMaxPayloadAfterLogin, h);
            if (b.size() > kHeaderSize) decodePayload(QByteArrayView(b).sliced(kHeaderSize));
        }
        QVERIFY(true);
    }
};

QTEST_GUILESS_MAIN(TestFrame)
#include "tst_frame.moc"
