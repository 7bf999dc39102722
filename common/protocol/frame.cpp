#include "protocol/frame.h"

#include <QCborArray>
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

namespace {

QByteArray frameOf(Kind kind, quint32 requestId, QByteArrayView prefix, QByteArrayView body)
{
    FrameHeader h;
    h.kind = kind;
    h.requestId = requestId;
    h.payloadLength = quint32(prefix.size() + body.size());
    const auto header = encodeHeader(h);
    QByteArray frame;
    frame.reserve(kHeaderSize + prefix.size() + body.size());
    frame.append(header.data(), kHeaderSize);
    frame.append(prefix);
    frame.append(body);
    return frame;
}

} // namespace

QByteArray encodeFrame(Kind kind, quint32 requestId, const QCborValue &payload)
{
    return frameOf(kind, requestId, {}, payload.isUndefined() ? QByteArray() : payload.toCbor());
}

QByteArray encodeResponseFrame(quint32 requestId, QByteArrayView resultCbor)
{
    // {"result": …} spliced around bytes already encoded: a map of one pair,
    // the text key, then the value as it came.
    static constexpr char kPrefix[] = "\xA1\x66result";
    return frameOf(Kind::Response, requestId, QByteArrayView(kPrefix, qsizetype(sizeof kPrefix - 1)), resultCbor);
}

namespace {

constexpr qint64 kMaxItems = 1000000;

// Walks the CBOR bytes without building anything (no allocation, one pass), so
// depth, item count, lengths and truncation are checked before QCborValue
// allocates. Structure only: QCborValue::fromCbor still judges the contents.
class CborScanner {
public:
    explicit CborScanner(QByteArrayView bytes) : m_p(reinterpret_cast<const uchar *>(bytes.data())), m_n(bytes.size()) {}

    bool item(int depth)
    {
        if (++m_items > kMaxItems || depth > kMaxNesting || m_pos >= m_n) return false;
        const uchar initial = m_p[m_pos++];
        const int major = initial >> 5;
        const int info = initial & 0x1f;
        if (info == 31) return indefinite(major, depth);
        quint64 arg = 0;
        if (!argument(info, arg)) return false;
        switch (major) {
        case 2: // byte and text strings
        case 3:
            if (arg > quint64(m_n - m_pos)) return false;
            m_pos += qsizetype(arg);
            return true;
        case 4: // arrays and maps: every item needs at least one byte
        case 5: {
            const quint64 count = major == 5 ? arg * 2 : arg;
            if (arg > quint64(kMaxItems) || count > quint64(m_n - m_pos)) return false;
            for (quint64 i = 0; i < count; ++i)
                if (!item(depth + 1)) return false;
            return true;
        }
        case 6: // a tag and the item it tags
            return item(depth + 1);
        default: // integers, simple values, floats
            return true;
        }
    }

    qsizetype position() const { return m_pos; }
    bool atMapStart() const { return m_n > 0 && (m_p[0] >> 5) == 5; }
    // A text string of definite length at the current position (any head width),
    // stepped over; none for anything else.
    std::optional<QByteArrayView> definiteText()
    {
        if (m_pos >= m_n || (m_p[m_pos] >> 5) != 3 || (m_p[m_pos] & 0x1f) == 31) return std::nullopt;
        quint64 size = 0;
        if (!argument(m_p[m_pos++] & 0x1f, size) || size > quint64(m_n - m_pos)) return std::nullopt;
        const QByteArrayView text(reinterpret_cast<const char *>(m_p + m_pos), qsizetype(size));
        m_pos += qsizetype(size);
        return text;
    }
    bool atIndefiniteText() const { return m_pos < m_n && m_p[m_pos] == 0x7f; }

    // Steps over a map's head: its number of pairs, none if its length is indefinite.
    std::optional<quint64> mapHead()
    {
        if (m_pos >= m_n || (m_p[m_pos] >> 5) != 5 || (m_p[m_pos] & 0x1f) == 31) return std::nullopt;
        quint64 arg = 0;
        if (!argument(m_p[m_pos++] & 0x1f, arg)) return std::nullopt;
        return arg;
    }

private:
    // The argument after an initial byte with these low bits (info 31, an
    // indefinite length, is the caller's).
    bool argument(int info, quint64 &arg)
    {
        if (info < 24) {
            arg = quint64(info);
            return true;
        }
        if (info > 27) return false; // 28–30 are reserved
        const int size = 1 << (info - 24);
        if (m_n - m_pos < size) return false;
        for (int i = 0; i < size; ++i) arg = (arg << 8) | m_p[m_pos++];
        return true;
    }

    bool isBreak() const { return m_pos < m_n && m_p[m_pos] == 0xff; }

    bool indefinite(int major, int depth)
    {
        if (major == 2 || major == 3) { // chunks: definite strings of the same type
            for (;;) {
                if (m_pos >= m_n) return false;
                if (isBreak()) return ++m_pos, true;
                if ((m_p[m_pos] >> 5) != major || (m_p[m_pos] & 0x1f) == 31 || !item(depth + 1)) return false;
            }
        }
        if (major == 4 || major == 5) {
            for (;;) {
                if (m_pos >= m_n) return false;
                if (isBreak()) return ++m_pos, true;
                if (!item(depth + 1)) return false;
                if (major == 5 && !item(depth + 1)) return false;
            }
        }
        return false; // no indefinite integers or tags; a lone break
    }

    const uchar *m_p;
    qsizetype m_n;
    qsizetype m_pos = 0;
    qint64 m_items = 0;
};

} // namespace

std::optional<QCborMap> decodePayload(QByteArrayView bytes, QString *error)
{
    auto fail = [error](const char *why) -> std::optional<QCborMap> {
        if (error) *error = QString::fromLatin1(why);
        return std::nullopt;
    };
    if (bytes.isEmpty()) return QCborMap();
    CborScanner scanner(bytes);
    if (!scanner.atMapStart()) return fail("payload is not a CBOR map");
    if (!scanner.item(1)) return fail("payload malformed, too deep or too large");
    if (scanner.position() != bytes.size()) return fail("trailing bytes after payload");
    const QByteArray data = QByteArray::fromRawData(bytes.data(), bytes.size());
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(data, &parseError);
    if (parseError.error != QCborError::NoError || !value.isMap()) return fail("payload malformed");
    return value.toMap();
}

std::optional<QByteArray> responseResult(QByteArrayView bytes, QString *error)
{
    auto fail = [error](const char *why) -> std::optional<QByteArray> {
        if (error) *error = QString::fromLatin1(why);
        return std::nullopt;
    };
    static const QByteArray kUndefined("\xf7", 1);
    if (bytes.isEmpty()) return kUndefined;
    CborScanner scanner(bytes);
    if (!scanner.atMapStart()) return fail("payload is not a CBOR map");
    if (!scanner.item(1)) return fail("payload malformed, too deep or too large");
    if (scanner.position() != bytes.size()) return fail("trailing bytes after payload");
    // An indefinite map or a key in chunks (never from our server): the slow way.
    auto decoded = [&]() -> std::optional<QByteArray> {
        const auto payload = decodePayload(bytes, error);
        if (!payload) return std::nullopt;
        return payload->value(QLatin1StringView("result")).toCbor();
    };
    // Walk the map's pairs (sound: the scan above passed) for the first key "result".
    CborScanner pairs(bytes);
    const auto count = pairs.mapHead();
    if (!count) return decoded();
    for (quint64 i = 0; i < *count; ++i) {
        if (pairs.atIndefiniteText()) return decoded();
        CborScanner key = pairs;
        const auto text = key.definiteText();
        pairs.item(1);
        const bool isResult = text && *text == QByteArrayView("result");
        const qsizetype valueStart = pairs.position();
        pairs.item(1);
        if (isResult) return bytes.sliced(valueStart, pairs.position() - valueStart).toByteArray();
    }
    return kUndefined;
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
