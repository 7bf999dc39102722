// The frame: a 16-byte big-endian header followed by a CBOR payload.
//
//   0  u16 magic 0x4C48 ("LH")   2  u8 version   3  u8 kind   4  u16 flags (0)
//   6  u16 reserved (0)          8  u32 request id            12 u32 payload length
//
// Pure functions over bytes; see docs/protocol.md.
#pragma once

#include "protocol/error_code.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QtGlobal>
#include <array>
#include <optional>

namespace liuhe::protocol {

constexpr quint16 kMagic = 0x4C48;
constexpr quint8 kProtocolVersion = 1;
constexpr int kHeaderSize = 16;
constexpr quint32 kMaxPayloadBeforeLogin = 64 * 1024;
constexpr quint32 kMaxPayloadAfterLogin = 16 * 1024 * 1024;

#define LIUHE_FRAME_KINDS(X)                                                   \
    X(Hello, 1)    /* client -> server: first frame, offers versions */       \
    X(Welcome, 2)  /* server -> client: chosen version and limits */          \
    X(Request, 3)  /* client -> server: {call, args, idem?} */                 \
    X(Response, 4) /* server -> client: {result}, echoes the request id */    \
    X(Error, 5)    /* server -> client: {code, message, fields?} */           \
    X(Event, 6)    /* server -> client push: {event, data}, request id 0 */   \
    X(Ping, 7)                                                                 \
    X(Pong, 8)                                                                 \
    X(Goodbye, 9)  /* server -> client before it closes: {code, message} */

enum class Kind : quint8 {
#define LIUHE_X(name, value) name = value,
    LIUHE_FRAME_KINDS(LIUHE_X)
#undef LIUHE_X
};

bool isKnownKind(quint8 kind);
const char *kindName(Kind kind);

struct FrameHeader {
    quint8 version = kProtocolVersion;
    Kind kind = Kind::Request;
    quint16 flags = 0;
    quint32 requestId = 0;
    quint32 payloadLength = 0;
};

enum class HeaderProblem {
    None,
    BadMagic,
    UnsupportedVersion, // the header is readable; answer UNSUPPORTED_VERSION
    UnknownKind,        // the header is readable; answer UNKNOWN_KIND and skip the payload
    BadFlags,
    TooLarge,
};

std::array<char, kHeaderSize> encodeHeader(const FrameHeader &header);

// Decodes exactly kHeaderSize bytes. Checks that never need the payload, so the
// caller can refuse a frame before allocating its body.
HeaderProblem decodeHeader(QByteArrayView bytes, quint32 maxPayload, FrameHeader &out);

QByteArray encodeFrame(Kind kind, quint32 requestId, const QCborValue &payload);
// A Response frame {"result": …} around a result already encoded as CBOR.
QByteArray encodeResponseFrame(quint32 requestId, QByteArrayView resultCbor);

// Payload decoding with limits: one CBOR map filling the whole payload, nested no
// deeper than kMaxNesting. Anything else is a protocol error.
constexpr int kMaxNesting = 32;
std::optional<QCborMap> decodePayload(QByteArrayView bytes, QString *error = nullptr);
// The "result" of a Response payload, left encoded: the payload's structure is
// checked with the same limits, the result's contents are decoded by whoever
// reads it (a 10,000-row column table is read straight from these bytes).
// Undefined (0xf7) when the payload has no result.
std::optional<QByteArray> responseResult(QByteArrayView bytes, QString *error = nullptr);

// Builders for the common payloads.
QCborMap errorPayload(ErrorCode code, const QString &message, const QCborArray &fields = {});

} // namespace liuhe::protocol
