#include "protocol/frame.h"

#include <QCborArray>
#include <QCborStreamReader>
#include <QtEndian>

namespace liuhe::protocol {

bool isKnownKind(quint8 kind)
{
    switch (kind) {
#define LIUHE_X(name, value) case value: return true;
        LIUHE_FRAME_KINDS(LIUHE_X)
#undef LIUHE_X
    }
    return false;
}

const char *kindName(Kind kind)
{
    switch (kind) {
#define LIUHE_X(name, value) case Kind::name: return #name;
        LIUHE_FRAME_KINDS(LIUHE_X)
#undef LIUHE_X
    }
    return "?";
}

std::array<char, kHeaderSize> encodeHeader(const FrameHeader &h)
{
    std::array<char, kHeaderSize> out{};
    auto *p = reinterpret_cast<uchar *>(out.data());
    qToBigEndian<quint16>(kMagic, p);
    p[2] = h.version;
    p[3] = quint8(h.kind);
    qToBigEndian<quint16>(h.flags, p + 4);
    qToBigEndian<quint16>(0, p + 6);
    qToBigEndian<quint32>(h.requestId, p + 8);
    qToBigEndian<quint32>(h.payloadLength, p + 12);
    return out;
}

HeaderProblem decodeHeader(QByteArrayView bytes, quint32 maxPayload, FrameHeader &out)
{
    if (bytes.size() < kHeaderSize) return HeaderProblem::BadMagic;
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    if (qFromBigEndian<quint16>(p) != kMagic) return HeaderProblem::BadMagic;
    out.version = p[2];
    out.flags = qFromBigEndian<quint16>(p + 4);
    out.requestId = qFromBigEndian<quint32>(p + 8);
    out.payloadLength = qFromBigEndian<quint32>(p + 12);
    if (out.payloadLength > maxPayload) return HeaderProblem::TooLarge;
    if (out.flags != 0 || qFromBigEndian<quint16>(p + 6) != 0) return HeaderProblem::BadFlags;
    if (out.version != kProtocolVersion) return HeaderProblem::UnsupportedVersion;
    if (!isKnownKind(p[3])) return HeaderProblem::UnknownKind;
    out.kind = Kind(p[3]);
    return HeaderProblem::None;
}

QByteArray encodeFrame(Kind kind, quint32 requestId, const QCborValue &payload)
{
    const QByteArray body = payload.isUndefined() ? QByteArray() : payload.toCbor();
    FrameHeader h;
    h.kind = kind;
    h.requestId = requestId;
    h.payloadLength = quint32(body.size());
    const auto header = encodeHeader(h);
    QByteArray frame;
    frame.reserve(kHeaderSize + body.size());
    frame.append(header.data(), kHeaderSize);
    frame.append(body);
    return frame;
}

namespace {

constexpr qint64 kMaxItems = 1000000;

// Walks the CBOR item structure without building values, so depth, item count and
// truncation are known before QCborValue allocates anything.
bool scanItem(QCborStreamReader &reader, int depth, qint64 &items)
{
    if (++items > kMaxItems || depth > kMaxNesting) return false;
    switch (reader.type()) {
    case QCborStreamReader::Array:
    case QCborStreamReader::Map: {
        const bool isMap = reader.isMap();
        if (reader.isLengthKnown() && reader.length() > quint64(kMaxItems)) return false;
        if (!reader.enterContainer()) return false;
        while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
            if (!scanItem(reader, depth + 1, items)) return false;
            if (isMap && !scanItem(reader, depth + 1, items)) return false;
        }
        if (reader.lastError() != QCborError::NoError) return false;
        return reader.leaveContainer();
    }
    case QCborStreamReader::Tag:
        reader.next(0); // step over the tag number
        if (reader.lastError() != QCborError::NoError) return false;
        return scanItem(reader, depth + 1, items);
    case QCborStreamReader::Invalid:
        return false;
    default:
        return reader.next(0) && reader.lastError() == QCborError::NoError;
    }
}

} // namespace

std::optional<QCborMap> decodePayload(QByteArrayView bytes, QString *error)
{
    auto fail = [error](const char *why) -> std::optional<QCborMap> {
        if (error) *error = QString::fromLatin1(why);
        return std::nullopt;
    };
    if (bytes.isEmpty()) return QCborMap();
    const QByteArray data = bytes.toByteArray();
    {
        QCborStreamReader reader(data);
        if (!reader.isMap()) return fail("payload is not a CBOR map");
        qint64 items = 0;
        if (!scanItem(reader, 1, items)) return fail("payload malformed, too deep or too large");
        if (reader.currentOffset() != data.size()) return fail("trailing bytes after payload");
    }
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(data, &parseError);
    if (parseError.error != QCborError::NoError || !value.isMap()) return fail("payload malformed");
    return value.toMap();
}

QCborMap errorPayload(ErrorCode code, const QString &message, const QCborArray &fields)
{
    QCborMap m;
    m.insert(QStringLiteral("code"), errorCodeName(code));
    m.insert(QStringLiteral("message"), message);
    if (!fields.isEmpty()) m.insert(QStringLiteral("fields"), fields);
    if (isRetryable(code)) m.insert(QStringLiteral("retryable"), true);
    return m;
}

} // namespace liuhe::protocol
